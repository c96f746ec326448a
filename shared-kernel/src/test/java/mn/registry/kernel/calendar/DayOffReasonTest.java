package mn.registry.kernel.calendar;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DayOffReasonTest {

    private static final LocalDate DAY = LocalDate.of(2056, 6, 13);

    @Test
    @DisplayName("domain-rules §2: a holiday named, sourced or referenced by no-break, ideographic or zero-width spaces only names nothing and is refused")
    void invisible_holiday_names_are_refused() {
        for (String nothing : List.of("\u00A0", "\u200B", "\u3000", "\u2060\u00A0", "\u00AD")) {
            assertThatThrownBy(() -> new PublicHolidayDeclared(DAY, nothing, "Амралтын өдөр", "Government resolution 2056/1"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nameEn");
            assertThatThrownBy(() -> new PublicHolidayDeclared(DAY, "Day of rest", nothing, "Government resolution 2056/1"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nameMn");
            assertThatThrownBy(() -> new PublicHolidayDeclared(DAY, "Day of rest", "Амралтын өдөр", nothing))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decisionReference");
            assertThatThrownBy(() -> new WorkingDayDeclared(DAY, null, nothing))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decisionReference");
        }
        assertThat(new PublicHolidayDeclared(DAY, "Day of rest", "Амралтын өдөр", "Government resolution 2056/1").reason().nameEn())
                .isEqualTo("Day of rest");
    }
}
