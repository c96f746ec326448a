package mn.registry.kernel.permit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.identity.PersonId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PermitLanguageTest {

    private static final ObjectMapper JSON = CanonicalJson.mapper();

    @Test
    @DisplayName("002 art. 26.2.1: a receipt number names the year and a six-digit serial, and grows past a million")
    void receipt_numbers() {
        ReceiptNumber n = ReceiptNumber.of(2026, 123);
        assertThat(n.value()).isEqualTo("SP-2026-000123");
        assertThat(n.year()).isEqualTo(2026);
        assertThat(n.serial()).isEqualTo(123);
        assertThat(ReceiptNumber.of(2026, 1_234_567).value()).isEqualTo("SP-2026-1234567");
        assertThatThrownBy(() -> new ReceiptNumber("SP-2026-123")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReceiptNumber.of(2026, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("an application id is a lower-case UUID")
    void application_ids() {
        UUID uuid = UUID.fromString("7d3c1b9e-0d5e-4a55-9b0a-2f1e6c8a4b21");
        assertThat(ApplicationId.of(uuid).value()).isEqualTo("7d3c1b9e-0d5e-4a55-9b0a-2f1e6c8a4b21");
        assertThatThrownBy(() -> new ApplicationId("7D3C1B9E-0D5E-4A55-9B0A-2F1E6C8A4B21")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApplicationId("app-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("002 art. 25.1: documents 1-6 are always required, 7 only when another permit is held, each with its article")
    void required_documents() {
        assertThat(Arrays.stream(RequiredDocument.values()).map(RequiredDocument::article))
                .containsExactly("002 art. 25.1.1", "002 art. 25.1.2", "002 art. 25.1.3", "002 art. 25.1.4",
                        "002 art. 25.1.5", "002 art. 25.1.6", "002 art. 25.1.7");
        assertThat(Arrays.stream(RequiredDocument.values()).filter(d -> d.requiredWhen(false))).hasSize(6)
                .doesNotContain(RequiredDocument.OTHER_PERMIT_COPY);
        assertThat(Arrays.stream(RequiredDocument.values()).filter(d -> d.requiredWhen(true))).hasSize(7);
    }

    @Test
    @DisplayName("the signed ApplyForPermit body reads from the JSON an applicant writes")
    void apply_for_permit_from_json() throws Exception {
        String sha = "ab".repeat(32);
        ApplyForPermit body = JSON.readValue("""
                {"company": {"name": "Тэмүүжин Итгэл ХХК", "registrationNumber": "6543210",
                             "establishedUnderMongolianLaw": true, "address": "Улаанбаатар"},
                 "holdsOtherPermit": false,
                 "documents": [{"kind": "AUDITED_FINANCIAL_STATEMENTS", "sha256": "%s"}]}""".formatted(sha), ApplyForPermit.class);

        assertThat(body.company()).isEqualTo(new Company("Тэмүүжин Итгэл ХХК", "6543210", true, "Улаанбаатар"));
        assertThat(body.documents()).containsExactly(new SubmittedDocument(RequiredDocument.AUDITED_FINANCIAL_STATEMENTS, sha));
        assertThat(JSON.readValue("{\"company\": null}", ApplyForPermit.class).documents()).isEmpty();
    }

    @Test
    @DisplayName("PermitApplicationRegistered survives a JSON round trip with ids, period and calendar version as plain values")
    void registered_event_round_trip() throws Exception {
        LocalDate due = LocalDate.of(2026, 12, 16);
        PermitApplicationRegistered event = new PermitApplicationRegistered(
                ApplicationId.of(UUID.fromString("7d3c1b9e-0d5e-4a55-9b0a-2f1e6c8a4b21")), ReceiptNumber.of(2026, 1),
                new Company("A LLC", "6543210", true, "Улаанбаатар"),
                List.of(new DocumentRef(RequiredDocument.STATE_REGISTRATION_CERTIFICATE, "cd".repeat(32), 1234, "application/pdf",
                        Instant.parse("2026-11-20T01:00:00.123Z"))),
                Instant.parse("2026-11-20T01:30:00.123456789Z"), due, UlaanbaatarTime.endOf(due).toInstant(), WorkingDays.of(17),
                new CalendarVersion("MN-2024.1"), "002 art. 26.1", new PersonId("applicant-1"), "ef".repeat(32));

        String json = JSON.writeValueAsString(event);
        JsonNode tree = JSON.readTree(json);

        assertThat(JSON.readValue(json, PermitApplicationRegistered.class)).isEqualTo(event);
        assertThat(tree.path("applicationId").asText()).isEqualTo("7d3c1b9e-0d5e-4a55-9b0a-2f1e6c8a4b21");
        assertThat(tree.path("receiptNumber").asText()).isEqualTo("SP-2026-000001");
        assertThat(tree.path("workingDays").asInt()).isEqualTo(17);
        assertThat(tree.path("calendarVersion").asText()).isEqualTo("MN-2024.1");
        assertThat(tree.path("decisionDue").asText()).isEqualTo("2026-12-16");
        assertThat(tree.path("signedBy").asText()).isEqualTo("applicant-1");
        assertThat(tree.path("documents").get(0).has("fileName")).as("issue 14 item 4: no file name is sealed").isFalse();
        assertThat(PermitRegistrationReceipt.of(event).decisionDueAt().toString()).isEqualTo("2026-12-16T23:59:59.999999999+08:00");
    }

    @Test
    @DisplayName("a document reference has a lower-case SHA-256 and at least one byte")
    void document_refs() {
        Instant t = Instant.parse("2026-11-20T01:00:00Z");
        assertThatThrownBy(() -> new DocumentRef(RequiredDocument.STATE_REGISTRATION_CERTIFICATE, "CD".repeat(32), 1, "text/plain", t))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DocumentRef(RequiredDocument.STATE_REGISTRATION_CERTIFICATE, "cd".repeat(32), 0, "text/plain", t))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DocumentRef.isSha256Hex("cd".repeat(32))).isTrue();
        assertThat(DocumentRef.isSha256Hex("cd".repeat(31))).isFalse();
    }
}
