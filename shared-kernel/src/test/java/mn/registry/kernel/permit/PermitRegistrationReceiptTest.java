package mn.registry.kernel.permit;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.crypto.CanonicalJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The applicant's receipt states the time of receipt in Ulaanbaatar as well as in UTC (ADR 0013 §5). */
class PermitRegistrationReceiptTest {

    private static PermitRegistrationReceipt receivedAt(String instant) {
        LocalDate due = LocalDate.of(2026, 12, 16);
        return new PermitRegistrationReceipt(new ApplicationId("7d3c1b9e-0d5e-4a55-9b0a-2f1e6c8a4b21"), ReceiptNumber.of(2026, 1),
                Instant.parse(instant), due, UlaanbaatarTime.endOf(due), new CalendarVersion("MN-2024.1"));
    }

    @Test
    @DisplayName("002 art. 26.2.1: a receipt at 17:30 UTC states 01:30 the next day in Ulaanbaatar (+08:00) beside the UTC time")
    void receipt_states_the_local_time_of_receipt() throws Exception {
        PermitRegistrationReceipt receipt = receivedAt("2026-11-19T17:30:00Z");

        assertThat(receipt.receivedAtUlaanbaatar().toString()).isEqualTo("2026-11-20T01:30+08:00");
        JsonNode json = CanonicalJson.mapper().readTree(CanonicalJson.mapper().writeValueAsString(receipt));
        assertThat(json.path("receivedAt").asText()).isEqualTo("2026-11-19T17:30:00Z");
        assertThat(json.path("receivedAtUlaanbaatar").asText()).startsWith("2026-11-20T01:30").endsWith("+08:00");
    }

    @Test
    @DisplayName("002 art. 26.2.1: a receipt read back from JSON keeps its local time, and one without it gets it from receivedAt")
    void local_time_survives_and_is_filled_in() throws Exception {
        PermitRegistrationReceipt receipt = receivedAt("2026-11-20T03:52:12.5Z");
        String json = CanonicalJson.mapper().writeValueAsString(receipt);

        assertThat(CanonicalJson.mapper().readValue(json, PermitRegistrationReceipt.class).receivedAtUlaanbaatar().toInstant())
                .isEqualTo(Instant.parse("2026-11-20T03:52:12.5Z"));
        String older = json.replaceAll(",?\"receivedAtUlaanbaatar\":\"[^\"]*\"", "");
        assertThat(CanonicalJson.mapper().readValue(older, PermitRegistrationReceipt.class).receivedAtUlaanbaatar().toString())
                .isEqualTo("2026-11-20T11:52:12.500+08:00");
    }
}
