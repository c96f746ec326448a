package mn.registry.permit.query;

import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.permit.PermitApplicationRefused;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.permit.PermitDocumentsReceived;
import mn.registry.kernel.permit.PermitDocumentsRequested;
import mn.registry.kernel.permit.PermitRequirement;
import mn.registry.kernel.permit.RefusalReason;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 32, the liquidated company (ADR 0046 item 169, the lead's reading, choice; abuse audit F580, was O421): a permit applicant whose
 * grant naming the company ended (a former representative) reads the case they signed as it stood when that grant ended, not the acts the
 * holder's new representative made after it nor the decisions on them, as the Free Zone's former representative reads its rounds (ADR 0035
 * item 125, F527); the end is the identity directory's ({@code IdentityDirectory.representationEnded}), given here by person and company.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class PermitAbuseRound35ReadersTest {

    static final PersonId SIGNER = ApplicantCasesTest.APPLICANT;
    static final PermitApplicationRegistered REGISTERED = ApplicantCasesTest.REGISTERED;
    static final ApplicationId ID = REGISTERED.applicationId();
    static final String OWN = REGISTERED.company().registrationNumber();
    /** The holder's new representative, whose grant names the company after the signer's ended. */
    static final String SUCCESSOR_REPRESENTATIVE = "applicant-352";
    static final Instant REQUESTED_AT = Instant.parse("2026-11-24T02:00:00Z");
    static final Instant ENDED_AT = Instant.parse("2026-11-26T02:00:00Z");
    static final Instant RECEIVED_AT = Instant.parse("2026-11-27T02:00:00Z");
    static final Instant REFUSED_AT = Instant.parse("2026-12-01T17:15:00Z");

    private PermitCaseProjection projection;
    private MongoDatabase database;
    /** When each person's grant naming each company ended, as the identity directory reads it from their stream. */
    private final Map<String, Instant> ended = new HashMap<>();
    private PermitCases cases;
    private long sequence;

    @BeforeEach
    void fresh(MongoDatabase database) {
        this.database = database;
        projection = new PermitCaseProjection(database);
        cases = new PermitCases(database, Clock.systemUTC(),
                (person, company) -> Optional.ofNullable(ended.get(person.value() + "/" + company)));
        sequence = 0;
        ended.clear();
        deliver(REGISTERED, SIGNER.value());
        deliver(new PermitDocumentsRequested(ID, List.of(RequiredDocument.SECURITY_RISK_ASSESSMENT_AND_AUDIT), "the audit report is unsigned",
                REQUESTED_AT, new PersonId("reviewer-1")), "reviewer-1");
        // the signer's grant naming the company ends at ENDED_AT; the company's new representative answers the request, and it is refused
        deliver(new PermitDocumentsReceived(ID, List.of(new DocumentRef(RequiredDocument.SECURITY_RISK_ASSESSMENT_AND_AUDIT, "7a".repeat(32),
                100, "application/pdf", RECEIVED_AT.minusSeconds(600))), RECEIVED_AT), SUCCESSOR_REPRESENTATIVE);
        deliver(new PermitApplicationRefused(ID, List.of(new RefusalReason(PermitRequirement.SECURITY_AUDIT_REPORT, "the new audit is not signed")),
                REFUSED_AT, new PersonId("reviewer-1"), "002 art. 26.3"), "reviewer-1");
    }

    private void deliver(Object event, String signer) {
        long seq = sequence++;
        projection.on(event, new GenericDomainEventMessage<>("PermitApplication", ID.value(), seq, event,
                MetaData.with("signedBy", signer).and("commandId", "cmd-" + seq).and("jwsSha256", "ef".repeat(32))));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> decisionTypes(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("decisions")).stream().map(d -> (Object) d.get("type")).toList();
    }

    @Test
    @DisplayName("002 art. 26.2.1; 001 art. 23.1.1; ADR 0013 §5 (F580, was O421; ADR 0046 item 169, choice): abuse: the signer whose grant "
            + "naming the company ended (names none now) reads the case as it stood at the end: the documents the new representative sent, "
            + "the refusal after them and their signer are not shown, nor the status they made; the page says until when it reads")
    void a_former_representative_reads_the_case_up_to_their_grants_end() {
        ended.put(SIGNER.value() + "/" + OWN, ENDED_AT);
        Map<String, Object> page = cases.forApplicant(ID.value(), SIGNER, null).orElseThrow();
        assertThat(page.get("status")).as("the status at the end").isEqualTo("REGISTERED");
        assertThat(decisionTypes(page)).containsExactly("PermitDocumentsRequested");
        assertThat(page).doesNotContainKey("refusal").containsKey("documentsRequested");
        assertThat(page.toString()).doesNotContain(SUCCESSOR_REPRESENTATIVE).doesNotContain("the new audit is not signed").doesNotContain("7a".repeat(32));
        assertThat(page.get("readUntil")).isEqualTo(ENDED_AT.toString());
        assertThat(page.get("readUntilUlaanbaatar")).isEqualTo("2026-11-26T10:00+08:00");
        assertThat(cases.ofApplicant(SIGNER, null)).singleElement()
                .satisfies(row -> assertThat(row.get("status")).as("listed with the status at the end").isEqualTo("REGISTERED"));
    }

    @Test
    @DisplayName("002 art. 26.2.1; ADR 0013 §5 (F580; ADR 0046 item 169): the signer whose grant names the company now, or whose grant never "
            + "named it (ended before naming any), reads the case whole, as before")
    void a_signer_representing_the_company_or_never_named_reads_it_whole() {
        ended.put(SIGNER.value() + "/" + OWN, ENDED_AT);
        Map<String, Object> representing = cases.forApplicant(ID.value(), SIGNER, OWN).orElseThrow();
        assertThat(representing.get("status")).isEqualTo("REFUSED");
        assertThat(decisionTypes(representing)).containsExactly("PermitDocumentsRequested", "PermitDocumentsReceived", "PermitApplicationRefused");
        assertThat(representing).doesNotContainKey("readUntil");

        ended.clear();
        Map<String, Object> neverNamed = cases.forApplicant(ID.value(), SIGNER, null).orElseThrow();
        assertThat(neverNamed.get("status")).isEqualTo("REFUSED");
        assertThat(neverNamed).doesNotContainKey("readUntil");
    }

    @Test
    @DisplayName("ADR 0046 item 169 (F580): the case rebuilt from its history up to a time after its last act is the stored case (the "
            + "projection's own changes, applied in memory as MongoDB applies them)")
    void the_case_rebuilt_from_its_history_is_the_stored_case() {
        Document stored = database.getCollection(PermitCaseProjection.COLLECTION).find().first();
        Document rebuilt = PermitCaseProjection.asOf(stored, REFUSED_AT.plusSeconds(1), PermitCases::legalTimeOf);
        assertThat(rebuilt.keySet()).isEqualTo(stored.keySet());
        for (String key : stored.keySet()) {
            assertThat(String.valueOf(rebuilt.get(key))).as(key).isEqualTo(String.valueOf(stored.get(key)));
        }
    }
}
