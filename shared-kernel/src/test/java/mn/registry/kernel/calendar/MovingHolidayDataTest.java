package mn.registry.kernel.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MovingHolidayDataTest {

    @Test
    @DisplayName("Every moving date names its source, and every date not found published says it is computed and unconfirmed")
    void every_date_names_its_source_honestly() throws IOException {
        JsonNode root = shippedJson();

        assertThat(root.path("occurrences")).isNotEmpty().allSatisfy(occurrence -> {
            String status = occurrence.path("status").asText();
            String source = occurrence.path("source").asText();
            assertThat(status).isIn("PUBLISHED", "COMPUTED");
            if (status.equals("COMPUTED")) {
                assertThat(source).startsWith("computed, to be confirmed by Government resolution");
            } else {
                assertThat(source).doesNotStartWith("computed").hasSizeGreaterThan(20);
            }
        });
    }

    @Test
    @DisplayName("The shipped data set is MN-2024, covers 2024-2030 and makes the base version MN-2024.1")
    void the_shipped_data_set_names_the_base_version() {
        MovingHolidayData data = MovingHolidayData.shipped();

        assertThat(data.dataset()).isEqualTo("MN-2024");
        assertThat(data.coveredFrom()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(data.coveredTo()).isEqualTo(LocalDate.of(2030, 12, 31));
        assertThat(WorkingDayCalendar.base().version()).isEqualTo(new CalendarVersion("MN-2024.1"));
    }

    @Test
    @DisplayName("Data naming an undefined holiday or an unknown status is rejected when read, not used")
    void malformed_data_is_rejected() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode undefined = json.readTree("""
                {"dataset":"MN-TEST","coverage":{"from":"2024-01-01","to":"2024-12-31"},"holidays":{},
                 "occurrences":[{"holiday":"NOPE","dates":["2024-02-10"],"status":"PUBLISHED","source":"x"}]}""");
        JsonNode guessed = json.readTree("""
                {"dataset":"MN-TEST","coverage":{"from":"2024-01-01","to":"2024-12-31"},
                 "holidays":{"T":{"nameEn":"T","nameMn":"Т","kind":"LUNAR_HOLIDAY"}},
                 "occurrences":[{"holiday":"T","dates":["2024-02-10"],"status":"GUESSED","source":"x"}]}""");
        JsonNode outside = json.readTree("""
                {"dataset":"MN-TEST","coverage":{"from":"2024-01-01","to":"2024-12-31"},
                 "holidays":{"T":{"nameEn":"T","nameMn":"Т","kind":"LUNAR_HOLIDAY"}},
                 "occurrences":[{"holiday":"T","dates":["2025-02-10"],"status":"COMPUTED","source":"x"}]}""");

        assertThatThrownBy(() -> MovingHolidayData.parse(undefined)).hasMessageContaining("NOPE");
        assertThatThrownBy(() -> MovingHolidayData.parse(guessed)).hasMessageContaining("GUESSED");
        assertThatThrownBy(() -> MovingHolidayData.parse(outside)).hasMessageContaining("2025-02-10");
    }

    private static JsonNode shippedJson() throws IOException {
        try (InputStream in = MovingHolidayData.class.getResourceAsStream("moving-holidays-MN-2024.json")) {
            return new ObjectMapper().readTree(in);
        }
    }
}
