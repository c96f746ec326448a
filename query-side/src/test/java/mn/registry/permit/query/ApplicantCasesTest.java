package mn.registry.permit.query;

import com.mongodb.client.MongoDatabase;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.PermitApplicationRefused;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.permit.PermitDocumentsRequested;
import mn.registry.kernel.permit.PermitRequirement;
import mn.registry.kernel.permit.RefusalReason;
import mn.registry.kernel.permit.RequiredDocument;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The applicant's read of its own cases (ADR 0013 §5): its receipt in local time, every decision with its reasons, nobody else's case. */
@ExtendWith(EmbeddedMongoExtension.class)
class ApplicantCasesTest {

    private PermitCaseProjection projection;
    private PermitCases cases;
    private long sequence;

    static final PersonId APPLICANT = new PersonId("applicant-1");
    static final PersonId OTHER_APPLICANT = new PersonId("applicant-2");
    static final PermitApplicationRegistered REGISTERED = ReviewerQueueTest.registered("Tenger Trust LLC", 1, LocalDate.of(2026, 11, 20),
            LocalDate.of(2026, 12, 16));
    static final ApplicationId ID = REGISTERED.applicationId();
    static final Instant REFUSED_AT = Instant.parse("2026-12-01T17:15:00Z");

    @BeforeEach
    void fresh(MongoDatabase database) {
        projection = new PermitCaseProjection(database);
        cases = new PermitCases(database);
        sequence = 0;
        deliver(REGISTERED, APPLICANT.value());
        deliver(new PermitDocumentsRequested(ID, List.of(RequiredDocument.SECURITY_RISK_ASSESSMENT_AND_AUDIT), "the audit report is unsigned",
                Instant.parse("2026-11-24T02:00:00Z"), new PersonId("reviewer-1")), "reviewer-1");
        deliver(new PermitApplicationRefused(ID, List.of(new RefusalReason(PermitRequirement.SECURITY_AUDIT_REPORT, "no signed audit report"),
                new RefusalReason(PermitRequirement.AUDITED_FINANCIAL_STATEMENTS, "the statements are not audited")), REFUSED_AT,
                new PersonId("reviewer-1"), "002 art. 26.3"), "reviewer-1");
    }

    private void deliver(Object event, String signer) {
        long seq = sequence++;
        projection.on(event, new GenericDomainEventMessage<>("PermitApplication", ID.value(), seq, event,
                MetaData.with("signedBy", signer).and("commandId", "cmd-" + seq).and("jwsSha256", "ef".repeat(32))));
    }

    @Test
    @DisplayName("002 art. 26.3: the applicant who signed the application reads the refusal with every reason, dated in UTC and in Ulaanbaatar")
    void applicant_reads_the_refusal_with_its_reasons() {
        Map<String, Object> page = cases.forApplicant(ID.value(), APPLICANT).orElseThrow();

        assertThat(page.get("status")).isEqualTo("REFUSED");
        assertThat(page.get("receivedAt")).isEqualTo("2026-11-20T01:30:00Z");
        assertThat(page.get("receivedAtUlaanbaatar")).isEqualTo("2026-11-20T09:30+08:00");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> decisions = (List<Map<String, Object>>) page.get("decisions");
        assertThat(decisions).extracting(d -> d.get("type")).containsExactly("PermitDocumentsRequested", "PermitApplicationRefused");
        Map<String, Object> refusal = decisions.get(1);
        assertThat(refusal.get("at")).isEqualTo(REFUSED_AT.toString());
        assertThat(refusal.get("atUlaanbaatar")).isEqualTo("2026-12-02T01:15+08:00");
        assertThat(refusal.get("content").toString()).contains("no signed audit report").contains("the statements are not audited")
                .contains("002 art. 26.3");
        assertThat(page.get("refusal").toString()).contains("SECURITY_AUDIT_REPORT").contains("AUDITED_FINANCIAL_STATEMENTS");
    }

    @Test
    @DisplayName("002 art. 26.2.1: the applicant's list holds the cases whose application they signed, with the local time of receipt")
    void applicant_lists_its_cases() {
        assertThat(cases.ofApplicant(APPLICANT)).singleElement().satisfies(row -> {
            assertThat(row.get("applicationId")).isEqualTo(ID.value());
            assertThat(row.get("receiptNumber")).isEqualTo("SP-2026-000001");
            assertThat(row.get("receivedAtUlaanbaatar")).isEqualTo("2026-11-20T09:30+08:00");
            assertThat(row.get("status")).isEqualTo("REFUSED");
        });
    }

    @Test
    @DisplayName("002 art. 26.2.1: another applicant, and an id that names no case, read nothing: the two are not told apart")
    void another_applicant_reads_nothing() {
        assertThat(cases.forApplicant(ID.value(), OTHER_APPLICANT)).isEmpty();
        assertThat(cases.ofApplicant(OTHER_APPLICANT)).isEmpty();
        assertThat(cases.forApplicant("00000000-0000-4000-8000-000000000000", APPLICANT)).isEmpty();
        assertThat(cases.forApplicant(ID.value(), new PersonId("reviewer-1"))).as("the official who decided is not its applicant").isEmpty();
    }

    @Test
    @DisplayName("002 art. 23.3 (F496, was O345): after a transfer naming the successor's representative, the successor's representative "
            + "reads the case and lists it, the predecessor's reads nothing; a transfer naming none keeps the predecessor's")
    void the_successors_representative_reads_the_case_after_the_transfer() {
        mn.registry.kernel.permit.Company successor = new mn.registry.kernel.permit.Company("Tamga Trust LLC", "7654321", true, "Ulaanbaatar");
        Instant at = Instant.parse("2026-12-03T02:00:00Z");
        deliver(new mn.registry.kernel.permit.PermitTransferred(ID, REGISTERED.company(), successor, mn.registry.kernel.permit.Reorganisation.MERGER,
                "6a".repeat(32), at, new PersonId("supervisor-1"), LocalDate.of(2026, 12, 2), null), "supervisor-1"); // stored before ADR 0046 item 144
        assertThat(cases.forApplicant(ID.value(), APPLICANT)).as("a transfer naming none: the predecessor's stays").isPresent();
        deliver(new mn.registry.kernel.permit.PermitTransferred(ID, successor, REGISTERED.company(), mn.registry.kernel.permit.Reorganisation.MERGER,
                "6b".repeat(32), at.plusSeconds(86_400), new PersonId("supervisor-1"), LocalDate.of(2026, 12, 3), OTHER_APPLICANT), "supervisor-1");
        assertThat(cases.forApplicant(ID.value(), OTHER_APPLICANT)).isPresent();
        assertThat(cases.ofApplicant(OTHER_APPLICANT)).singleElement().satisfies(row -> assertThat(row.get("applicationId")).isEqualTo(ID.value()));
        assertThat(cases.forApplicant(ID.value(), APPLICANT)).as("the predecessor's representative").isEmpty();
        assertThat(cases.ofApplicant(APPLICANT)).isEmpty();
    }
}
