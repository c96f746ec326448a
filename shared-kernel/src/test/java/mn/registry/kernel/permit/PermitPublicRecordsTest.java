package mn.registry.kernel.permit;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.log.PublicRecords;
import mn.registry.kernel.log.SealedEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Which permit events reach the transparency log, and what of them (002 art. 26.4, 27.6, 31.1.6; domain-rules §5). */
class PermitPublicRecordsTest {

    static final ApplicationId ID = ApplicationId.of(UUID.fromString("0b6f9a52-3c1e-4f7a-8d2b-5e4c3a2b1f00"));
    static final Company HOLDER = new Company("Tenger Trust LLC", "9011223344", true, "Chinggis Avenue 15, Ulaanbaatar");

    private static Optional<JsonNode> publicPayload(Object event) {
        String payload = CanonicalJson.mapper().valueToTree(event).toString();
        SealedEvent sealed = new SealedEvent("e1", "PermitApplication", ID.value(), 3, "2026-12-10T02:00:00Z", event.getClass().getName(), null,
                payload, "{\"signedBy\":\"supervisor-1\"}", null, "h", "k", "s");
        return PublicRecords.record(sealed, 42).map(r -> r.get("payload"));
    }

    @Test
    @DisplayName("002 art. 26.4: a grant is published with the permit's content of 26.6, but not the contract's hash")
    void grant_is_public() {
        PermitIssued issued = new PermitIssued(ID, new PermitNumber("P-2026-000007"), "Ministry", HOLDER, "Issuing signature certificates",
                LocalDate.of(2026, 12, 10), LocalDate.of(2031, 12, 9), List.of("c"), Instant.parse("2026-12-10T02:00:00Z"),
                new PersonId("supervisor-1"), "ab".repeat(32));
        JsonNode record = publicPayload(issued).orElseThrow();
        assertThat(record.path("permitNumber").asText()).isEqualTo("P-2026-000007");
        assertThat(record.path("holder").path("name").asText()).isEqualTo("Tenger Trust LLC");
        assertThat(record.path("validUntil").asText()).isEqualTo("2031-12-09");
        assertThat(record.has("contractSha256")).isFalse();
    }

    @Test
    @DisplayName("002 art. 28.1, domain-rules §5: a suspension is published without the inspector's opinion, the tax request or its count of evasions")
    void suspension_without_case_file() {
        PermitSuspended suspended = new PermitSuspended(ID, SuspensionGround.TAX_EVASIONS, "cd".repeat(32), 3, LocalDate.of(2027, 3, 1),
                LocalDate.of(2027, 5, 31), Instant.parse("2027-03-01T02:00:00Z"), new PersonId("reviewer-1"));
        JsonNode record = publicPayload(suspended).orElseThrow();
        assertThat(record.path("ground").asText()).isEqualTo("TAX_EVASIONS");
        assertThat(record.path("until").asText()).isEqualTo("2027-05-31");
        assertThat(record.has("evidenceSha256")).isFalse();
        assertThat(record.has("taxEvasions")).isFalse();
    }

    @Test
    @DisplayName("domain-rules §5: applications, refusals, insurance and complaints are not published; revocations and expiries are")
    void only_decisions_of_section_five() {
        assertThat(PublicRecords.mayBePublic(PermitApplicationRegistered.class.getName())).isFalse();
        assertThat(PublicRecords.mayBePublic(PermitApplicationRefused.class.getName())).isFalse();
        assertThat(PublicRecords.mayBePublic(PermitInsuranceRecorded.class.getName())).isFalse();
        assertThat(PublicRecords.mayBePublic(RevocationComplaintFiled.class.getName())).isFalse();
        for (Class<?> type : List.of(PermitIssued.class, PermitExtended.class, PermitSuspended.class, PermitRestored.class, PermitRevoked.class,
                PermitExpired.class, PermitTransferred.class)) {
            assertThat(PublicRecords.mayBePublic(type.getName())).as(type.getSimpleName()).isTrue();
        }
        PermitRevoked revoked = new PermitRevoked(ID, RevocationGround.FALSE_DOCUMENTS, "internal note", Instant.parse("2027-06-01T02:00:00Z"),
                new PersonId("supervisor-1"), true);
        JsonNode record = publicPayload(revoked).orElseThrow();
        assertThat(record.path("issuedCertificatesStayValid").asBoolean()).isTrue();
        assertThat(record.has("reason")).isFalse();
    }

    @Test
    @DisplayName("002 art. 29.6, 31.1.6 (ADR 0046 item 57, was O118): an upheld complaint is published (who decided, when, the article), without the decision's document; a rejected one is not")
    void an_upheld_complaint_is_public_a_rejected_one_is_not() {
        Instant at = Instant.parse("2027-07-01T02:00:00Z");
        RevocationComplaintDecided upheld = new RevocationComplaintDecided(ID, true, "ef".repeat(32), at, new PersonId("supervisor-2"),
                LocalDate.of(2031, 12, 9), RevocationComplaintDecided.ARTICLE);
        JsonNode record = publicPayload(upheld).orElseThrow();
        assertThat(record.path("applicationId").asText()).isEqualTo(ID.value());
        assertThat(record.path("upheld").asBoolean()).isTrue();
        assertThat(record.path("decidedAt").asText()).isEqualTo("2027-07-01T02:00:00Z");
        assertThat(record.path("recordedBy").asText()).isEqualTo("supervisor-2");
        assertThat(record.path("article").asText()).isEqualTo("002 art. 29.6");
        assertThat(record.has("decisionSha256")).isFalse();
        assertThat(record.has("validUntil")).isFalse();
        assertThat(PublicRecords.mayBePublic(RevocationComplaintDecided.class.getName())).isTrue();
        RevocationComplaintDecided rejected = new RevocationComplaintDecided(ID, false, "ef".repeat(32), at, new PersonId("supervisor-2"),
                LocalDate.of(2031, 12, 9), RevocationComplaintDecided.ARTICLE);
        assertThat(publicPayload(rejected)).isEmpty();
    }

    @Test
    @DisplayName("002 art. 29.6, 31.1.6 (ADR 0046 item 67, was O123): a decision stored before item 57 (no article) stays unpublished; the "
            + "supervisor's correcting record is public with the stored decision's time, who published it and when, never the decision's document")
    void a_reinstatement_stored_unpublished_is_published_by_its_correcting_record() {
        Instant at = Instant.parse("2025-03-25T02:00:00Z");
        assertThat(publicPayload(new RevocationComplaintDecided(ID, true, "ef".repeat(32), at, new PersonId("supervisor-2"),
                LocalDate.of(2031, 12, 9), null))).as("as the log took it when it was stored").isEmpty();
        JsonNode record = publicPayload(new ReinstatementPublished(ID, at, Instant.parse("2027-01-10T02:00:00Z"), new PersonId("supervisor-3"),
                ReinstatementPublished.ARTICLE)).orElseThrow();
        assertThat(record.path("decidedAt").asText()).isEqualTo("2025-03-25T02:00:00Z");
        assertThat(record.path("recordedAt").asText()).isEqualTo("2027-01-10T02:00:00Z");
        assertThat(record.path("recordedBy").asText()).isEqualTo("supervisor-3");
        assertThat(record.path("article").asText()).isEqualTo("002 art. 29.6, 31.1.6");
        assertThat(record.has("decisionSha256")).isFalse();
        assertThat(PublicRecords.mayBePublic(ReinstatementPublished.class.getName())).isTrue();
    }
}
