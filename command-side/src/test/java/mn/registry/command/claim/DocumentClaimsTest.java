package mn.registry.command.claim;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.CommandLog;
import mn.registry.command.backfill.StartupBackfill;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ADR 0057 (abuse audit F185-F189, was O111 and O110): a document is claimed registry-wide by the kind of act that cited it first; an act
 * of another kind is refused, naming the kind that holds it, unless the pair lawfully shares a document; acts stored before the rule are
 * found by it (the backfill), on the embedded MongoDB.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class DocumentClaimsTest {

    static final Instant AT = Instant.parse("2027-03-01T02:00:00Z");
    private static final AtomicInteger COMMANDS = new AtomicInteger();

    private MongoDatabase database;
    private CommandLog log;
    private DocumentClaims claims;

    @BeforeEach
    void fresh(MongoDatabase database) {
        this.database = database;
        log = new CommandLog(database, Clock.fixed(AT, ZoneOffset.UTC));
        claims = DocumentClaims.backfilled(database, log);
    }

    /** A command accepted into the command log (it holds what it claims while it is logged). */
    private String logged() {
        String id = "cmd-" + COMMANDS.incrementAndGet();
        log.claim(id, id + "-jws", "jws", "Act", "official-1");
        return id;
    }

    private static String document(String words) {
        return Sha256.hex(words.getBytes(StandardCharsets.UTF_8));
    }

    private RegistryProblem refused(String sha256, DocumentKind kind, String field, String article) {
        return catchThrowableOfType(() -> claims.claim(sha256, kind, Claimant.NONE, logged(), field, article, AT), RegistryProblem.class);
    }

    @Test
    @DisplayName("003 art. 22.4 (ADR 0035 item 130, F545): a tender's or auction's result grounds the one application it selected: the same "
            + "document recorded as another application's result is refused (409 freezone.selection-result-cited-already on resultSha256), "
            + "as is another kind's act on it (a land fee's receipt); the same application's second result is left to the land register")
    void a_selections_result_grounds_one_application() {
        String result = document("auction result, Altanbulag 2026/9");
        Claimant first = Claimant.grounding(DocumentClaims.Grounds.APPLICATION.of("altanbulag-A1"));
        Claimant second = Claimant.grounding(DocumentClaims.Grounds.APPLICATION.of("altanbulag-A2"));
        assertThat(claims.claim(result, DocumentKind.LAND_SELECTION_RESULT, first, logged(), "resultSha256", "003 art. 22.4", AT)).isTrue();
        RegistryProblem another = catchThrowableOfType(() -> claims.claim(result, DocumentKind.LAND_SELECTION_RESULT, second, logged(),
                "resultSha256", "003 art. 22.4", AT), RegistryProblem.class);
        assertThat(List.of(another.code(), another.field(), another.article()))
                .containsExactly("freezone.selection-result-cited-already", "resultSha256", "003 art. 22.4");
        assertThat(another.getMessage()).contains("application altanbulag-A1");
        assertThat(catchThrowableOfType(() -> claims.claim(result, DocumentKind.LAND_SELECTION_RESULT, first, logged(), "resultSha256",
                "003 art. 22.4", AT), RegistryProblem.class)).as("the same application's: its register answers").isNull();
        assertThat(refused(result, DocumentKind.LAND_FEE_RECEIPT, "receiptSha256", "003 art. 22.5").code())
                .isEqualTo("document.claimed-by-another-act.land-selection-result");
    }

    @Test
    @DisplayName("ADR 0057 (O111): every pair of kinds that does not share a document is refused, 409 naming the kind that holds it, with the "
            + "refused act's field and article; the same kind, and a pair that shares, pass to their own rules")
    void every_pair_of_kinds_is_refused_unless_it_shares() {
        List<String> refusedPairs = new ArrayList<>();
        for (DocumentKind holder : DocumentKind.values()) {
            for (DocumentKind other : DocumentKind.values()) {
                String sha256 = document(holder + " then " + other);
                assertThat(claims.claim(sha256, holder, Claimant.NONE, logged(), "first", "first article", AT)).isTrue();
                RegistryProblem problem = refused(sha256, other, "secondSha256", "second article");
                boolean freeZoneActs = DocumentClaims.ONE_COLLECTION.contains(other) && DocumentClaims.ONE_COLLECTION.contains(holder);
                if ((other == holder && holder.acts().namesItsGrounds()) || (other != holder && freeZoneActs)) {
                    // session 19: the same kind is its own policy's, a ONE_ACT kind refusing another act (no grounds named: another's);
                    // the Free Zone's acts refuse each other's with the citing kind's own code, as their one collection did
                    assertThat(problem).as(other + " on " + holder + "'s document, its own rule").isNotNull();
                    assertThat(problem.code()).isEqualTo(other.acts().refusal().code());
                    continue;
                }
                if (DocumentClaims.share(other, holder)) {
                    assertThat(problem).as(other + " on " + holder + "'s document passes").isNull();
                    continue;
                }
                assertThat(problem).as(other + " on " + holder + "'s document").isNotNull();
                assertThat(problem.kind()).isEqualTo(RegistryProblem.Kind.CONFLICT);
                assertThat(problem.code()).isEqualTo("document.claimed-by-another-act." + holder.code());
                assertThat(problem.field()).isEqualTo("secondSha256");
                assertThat(problem.article()).isEqualTo("second article");
                assertThat(problem.getMessage()).contains(holder.english()).doesNotContain("cmd-");
                assertThat(claims.holder(sha256)).as("still the first kind's").contains(holder);
                refusedPairs.add(holder + "/" + other);
            }
        }
        // 23 kinds (7 more in session 18's second round, O116; the zone's resolution in session 20, ADR 0035 item 41; the certificate
        // database's receipt in session 20's second round, O121; the court's decision on a Free Zone entity in session 22, item 62; the
        // revocation's evidence in session 23, ADR 0064; a Free Zone application's documents in session 23, ADR 0035 item 73, judged
        // across kinds, the same registration's act on one apart, which names grounds): 506 ordered pairs of different kinds; the five
        // shared pairs both ways and the Free Zone's one collection (5 kinds since ADR 0035 item 62, 20 ordered pairs) pass. Session 24
        // (F373, was O209): a permit application's documents, 24 kinds, 552 ordered pairs; a sixth shared pair (the two applications')
        // Session 31 (F541, ADR 0035 item 130): a tender's or auction's result, 25 kinds, 600 ordered pairs
        assertThat(refusedPairs).hasSize(600 - 12 - 20);
        assertThat(DocumentClaims.REFUSAL_CODES).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(DocumentKind.values()).map(DocumentKind::refusalCode).toList());
    }

    @Test
    @DisplayName("ADR 0057 (O116): the acts that cited a document without claiming it claim it now: a complaint on a change report's "
            + "document, a reorganisation on a policy's, a contract on a tax request's are refused; the issue's contract on the insurance's "
            + "document and a suspension on the inspector's findings or the tax authority's request pass; no document claims nothing")
    void the_acts_that_cited_without_claiming_claim_now() {
        String extract = document("state register extract of 6118002");
        claims.claim(extract, DocumentKind.CHANGE_REPORT, Claimant.NONE, logged(), "documentSha256", "002 art. 20.3.3", AT);
        RegistryProblem complaint = refused(extract, DocumentKind.REVOCATION_COMPLAINT, "complaintSha256", "002 art. 29.6");
        assertThat(complaint.code()).isEqualTo("document.claimed-by-another-act.change-report");
        assertThat(complaint.field()).isEqualTo("complaintSha256");
        assertThat(complaint.article()).isEqualTo("002 art. 29.6");

        String policy = document("the insurance policy of 6118002");
        claims.claim(policy, DocumentKind.INSURANCE_POLICY, Claimant.NONE, logged(), "proofSha256", "002 art. 26.2.3", AT);
        assertThat(refused(policy, DocumentKind.REORGANISATION_EVIDENCE, "evidenceSha256", "002 art. 23.3").code())
                .isEqualTo("document.claimed-by-another-act.insurance-policy");
        assertThat(refused(policy, DocumentKind.PERMIT_CONTRACT, "contractSha256", "002 art. 26.7")).as("26.2.3, 26.7").isNull();

        String findings = document("the inspection findings of 6118002");
        claims.claim(findings, DocumentKind.INSPECTION_FINDINGS, Claimant.NONE, logged(), "findingsSha256", "002 art. 31.1.7", AT);
        assertThat(refused(findings, DocumentKind.SUSPENSION_EVIDENCE, "evidenceSha256", "002 art. 28.1")).as("28.1, 31.1.7").isNull();
        assertThat(refused(findings, DocumentKind.COMPLAINT_DECISION, "decisionSha256", "002 art. 29.6").code())
                .isEqualTo("document.claimed-by-another-act.inspection-findings");

        String request = document("the tax authority's request on 6118002");
        claims.claim(request, DocumentKind.TAX_AUTHORITY_DOCUMENT, Claimant.NONE, logged(), "evidenceSha256", "002 art. 28.1", AT);
        assertThat(refused(request, DocumentKind.SUSPENSION_EVIDENCE, "evidenceSha256", "002 art. 28.1")).as("28.1").isNull();
        assertThat(refused(request, DocumentKind.PERMIT_CONTRACT, "contractSha256", "002 art. 26.7").code())
                .isEqualTo("document.claimed-by-another-act.tax-authority-document");

        // a suspension's evidence held first (its findings' claim released) is refused to a duty's evidence
        String held = document("the ground of a suspension of 6118002");
        claims.claim(held, DocumentKind.SUSPENSION_EVIDENCE, Claimant.NONE, logged(), "evidenceSha256", "002 art. 28.1", AT);
        assertThat(refused(held, DocumentKind.DUTY_EVIDENCE, "evidenceSha256", "002 art. 28.3").code())
                .isEqualTo("document.claimed-by-another-act.suspension-evidence");

        assertThat(claims.claim(null, DocumentKind.CERTIFICATE_DATABASE_CONTRACT, Claimant.NONE, logged(), "contractSha256", "002 art. 29.4", AT))
                .as("no document, no claim").isFalse();
    }

    @Test
    @DisplayName("ADR 0057 (O111): a change report on an insurance policy's document, and a tax authority's request's document as a change "
            + "report, are refused; a policy on a change report's document too")
    void a_change_report_on_a_policy_or_a_tax_document_is_refused() {
        String policy = document("the insurance policy of 6118001");
        claims.claim(policy, DocumentKind.INSURANCE_POLICY, Claimant.NONE, logged(), "proofSha256", "002 art. 26.2.3", AT);
        assertThat(refused(policy, DocumentKind.CHANGE_REPORT, "documentSha256", "002 art. 20.3.3").code())
                .isEqualTo("document.claimed-by-another-act.insurance-policy");
        String request = document("the tax authority's request on 6118001");
        claims.claim(request, DocumentKind.TAX_AUTHORITY_DOCUMENT, Claimant.NONE, logged(), "evidenceSha256", "002 art. 28.1, 28.4", AT);
        assertThat(refused(request, DocumentKind.CHANGE_REPORT, "documentSha256", "002 art. 20.3.3").code())
                .isEqualTo("document.claimed-by-another-act.tax-authority-document");
        String extract = document("state register extract of 6118001");
        claims.claim(extract, DocumentKind.CHANGE_REPORT, Claimant.NONE, logged(), "documentSha256", "002 art. 20.3.3", AT);
        assertThat(refused(extract, DocumentKind.INSURANCE_POLICY, "proofSha256", "002 art. 26.2.3").code())
                .isEqualTo("document.claimed-by-another-act.change-report");
    }

    @Test
    @DisplayName("ADR 0057 (O110): an identity act on a permit's or a Free Zone act's document is refused, and the reverse; identity acts "
            + "share one order (a Government order naming several officials)")
    void identity_acts_share_an_order_and_nothing_else() {
        String letter = document("another company's tax request");
        claims.claim(letter, DocumentKind.TAX_AUTHORITY_DOCUMENT, Claimant.NONE, logged(), "evidenceSha256", "002 art. 28.1, 28.4", AT);
        RegistryProblem enrol = refused(letter, DocumentKind.IDENTITY_ORDER, "documentSha256", "001 art. 23.1.1");
        assertThat(enrol.code()).isEqualTo("document.claimed-by-another-act.tax-authority-document");
        assertThat(enrol.article()).isEqualTo("001 art. 23.1.1");

        String order = document("Government order 2027/12 appointing three reviewers");
        assertThat(claims.claim(order, DocumentKind.IDENTITY_ORDER, Claimant.NONE, logged(), "documentSha256", "001 art. 23.1.1", AT)).isTrue();
        assertThat(claims.claim(order, DocumentKind.IDENTITY_ORDER, Claimant.NONE, logged(), "documentSha256", "001 art. 23.1.1", AT))
                .as("a second official named by the same order").isFalse();
        assertThat(refused(order, DocumentKind.ZONE_DECISION, "decisionSha256", "003 art. 6.4").code())
                .isEqualTo("document.claimed-by-another-act.identity-order");
        assertThat(refused(order, DocumentKind.INSPECTION_FINDINGS, "findingsSha256", "002 art. 31.1.7").code())
                .isEqualTo("document.claimed-by-another-act.identity-order");
    }

    @Test
    @DisplayName("ADR 0057 item 2: the company's decision naming its new director is the representative's power (enrolment) and the "
            + "change report's document: allowed either way, and the report keeps it claimed if the enrolment is refused")
    void a_lawful_pair_shares_a_document() {
        String decision = document("decision of the board of 6118002 naming its new director");
        String enrolment = logged();
        assertThat(claims.claim(decision, DocumentKind.IDENTITY_ORDER, Claimant.NONE, enrolment, "documentSha256", "001 art. 23.1.1", AT)).isTrue();
        CommandContext report = context(logged());
        assertThat(claims.claimedFor(decision, DocumentKind.CHANGE_REPORT, Claimant.NONE, report, "documentSha256", "002 art. 20.3.3", () -> "REPORTED"))
                .isEqualTo("REPORTED");
        claims.release(decision, enrolment); // the enrolment refused after all
        assertThat(claims.holder(decision)).as("adopted by the report stored on it").isEmpty();
        assertThat(claims.claim(decision, DocumentKind.CHANGE_REPORT, Claimant.NONE, logged(), "documentSha256", "002 art. 20.3.3", AT)).isTrue();
    }

    @Test
    @DisplayName("ADR 0057: a refused act releases its claim (another kind may cite the document then); a claim whose command is no longer "
            + "logged is taken over; the same command again keeps its claim (ADR 0002)")
    void a_refusal_releases_and_a_stale_claim_is_taken_over() {
        String proof = document("a stamp duty receipt");
        CommandContext extension = context(logged());
        RegistryProblem byThePermit = catchThrowableOfType(() -> claims.claimedFor(proof, DocumentKind.STAMP_DUTY_PROOF, Claimant.NONE, extension,
                "stampDutyProofSha256", "002 art. 27.2", () -> {
                    throw RegistryProblem.conflict("permit.not-active", "not active", "002 art. 27.2");
                }), RegistryProblem.class);
        assertThat(byThePermit.code()).isEqualTo("permit.not-active");
        assertThat(claims.holder(proof)).isEmpty();
        assertThat(claims.claim(proof, DocumentKind.INSPECTION_FINDINGS, Claimant.NONE, "never-logged", "findingsSha256", "002 art. 31.1.7", AT)).isTrue();
        String again = logged();
        assertThat(claims.claim(proof, DocumentKind.STAMP_DUTY_PROOF, Claimant.NONE, again, "stampDutyProofSha256", "002 art. 27.2", AT))
                .as("the findings' command was never logged: taken over").isTrue();
        assertThat(claims.claim(proof, DocumentKind.STAMP_DUTY_PROOF, Claimant.NONE, again, "stampDutyProofSha256", "002 art. 27.2", AT)).isTrue();
        assertThat(claims.holder(proof)).contains(DocumentKind.STAMP_DUTY_PROOF);
        assertThat(claims.claim("not a hash", DocumentKind.STAMP_DUTY_PROOF, Claimant.NONE, logged(), "stampDutyProofSha256", "002 art. 27.2", AT))
                .as("a malformed hash is the aggregate's").isFalse();
    }

    @Test
    @DisplayName("ADR 0057 item 3: the backfill finds the documents claimed before the rule (the kinds' own collections, the identity acts "
            + "stored) once, and a later act of another kind on them is refused")
    void the_backfill_finds_the_documents_claimed_before() {
        String policy = document("a policy recorded in session 17");
        String agreement = document("an investment agreement recorded in session 16");
        String decision = document("a zone's opening decision");
        String report = document("a land fee receipt reported");
        String order = document("an appointment order of an enrolment stored");
        String stale = document("a claim of a command never logged");
        database.getCollection("permit_insurance_policies").insertOne(new Document("_id", policy).append("commandId", logged())
                .append("applicationId", "app-1").append("claimedAt", AT.toString()));
        database.getCollection("freezone_act_documents").insertOne(new Document("_id", agreement).append("commandId", logged())
                .append("registrationId", "reg-1").append("act", "investment agreement").append("claimedAt", AT.toString()));
        database.getCollection("freezone_act_documents").insertOne(new Document("_id", decision).append("commandId", logged())
                .append("zoneId", "zamyn-uud").append("act", "opening").append("claimedAt", AT.toString()));
        database.getCollection("freezone_land_fee_receipts").insertOne(new Document("_id", "SHA256:" + report).append("commandId", logged())
                .append("zoneId", "zamyn-uud").append("licenceId", "L-1").append("claimedAt", AT.toString()));
        database.getCollection("freezone_land_fee_receipts").insertOne(new Document("_id", "RCPT-12").append("commandId", logged()));
        database.getCollection("stamp_duty_proofs").insertOne(new Document("_id", stale).append("commandId", "never-logged")
                .append("claimedAt", AT.toString()));

        DocumentClaims starting = new DocumentClaims(database, log);
        DocumentClaimsBackfill backfill = new DocumentClaimsBackfill(database, starting, Clock.fixed(AT, ZoneOffset.UTC));
        assertThat(backfill.due()).isTrue();
        StartupBackfill.Pass pass = backfill.begin();
        pass.accept(new org.axonframework.eventhandling.GenericTrackedEventMessage<>(null,
                org.axonframework.eventhandling.GenericEventMessage.asEventMessage(enrolledOn(order))));
        pass.finish(1);
        assertThat(backfill.due()).as("its marker written").isFalse();

        assertThat(starting.holder(policy)).contains(DocumentKind.INSURANCE_POLICY);
        assertThat(starting.holder(agreement)).contains(DocumentKind.ZONE_REGISTRATION_ACT);
        assertThat(starting.holder(decision)).contains(DocumentKind.ZONE_DECISION);
        assertThat(starting.holder(report)).contains(DocumentKind.LAND_FEE_RECEIPT);
        assertThat(starting.holder(order)).contains(DocumentKind.IDENTITY_ORDER);
        assertThat(starting.holder(stale)).as("a stale claim stays stale").isEmpty();
        assertThat(catchThrowableOfType(() -> starting.claim(policy, DocumentKind.CHANGE_REPORT, Claimant.NONE, logged(), "documentSha256", "002 art. 20.3.3",
                AT), RegistryProblem.class).code()).isEqualTo("document.claimed-by-another-act.insurance-policy");
        assertThat(catchThrowableOfType(() -> starting.claim(order, DocumentKind.TAX_AUTHORITY_DOCUMENT, Claimant.NONE, logged(), "evidenceSha256",
                "002 art. 28.1, 28.4", AT), RegistryProblem.class).code()).isEqualTo("document.claimed-by-another-act.identity-order");
        assertThat(backfill.copyTheKindsClaims()).as("run again: nothing new").isZero();
    }

    @Test
    @DisplayName("ADR 0057 item 3, round 2 (O116): the backfill claims the documents the stored permit acts cited without claiming (a "
            + "complaint, a database's contract) under their kinds, the first act in the store's order holding it; a suspension's findings "
            + "stay the inspection's; a registry whose first round ran runs the second")
    void the_backfill_claims_the_documents_of_the_stored_permit_acts() {
        String complaint = document("a complaint filed in session 17");
        String contract = document("a database's contract of session 17");
        String findings = document("an inspection's findings grounding a suspension in session 17");
        database.getCollection("permit_inspection_findings").insertOne(new Document("_id", findings).append("commandId", logged())
                .append("applicationId", "app-2").append("claimedAt", AT.toString()));
        database.getCollection(DocumentClaims.COLLECTION).insertOne(new Document("_id", "backfill:adr-0057").append("at", AT.toString()));
        mn.registry.kernel.permit.ApplicationId app = mn.registry.kernel.permit.ApplicationId.of(java.util.UUID.randomUUID());
        PersonId official = new PersonId("supervisor-1");

        DocumentClaims starting = new DocumentClaims(database, log);
        DocumentClaimsBackfill backfill = new DocumentClaimsBackfill(database, starting, Clock.fixed(AT, ZoneOffset.UTC));
        assertThat(backfill.due()).as("the first round's marker does not stop the second").isTrue();
        StartupBackfill.Pass pass = backfill.begin();
        for (Object event : List.of(new mn.registry.kernel.permit.RevocationComplaintFiled(app, complaint, AT, official),
                new mn.registry.kernel.permit.CertificateDatabasePassedOn(app, app, contract, AT, official),
                new mn.registry.kernel.permit.RevocationComplaintFiled(app, contract, AT, official),
                new mn.registry.kernel.permit.PermitSuspended(app, mn.registry.kernel.permit.SuspensionGround.INSPECTOR_OPINION, findings, 0,
                        java.time.LocalDate.of(2027, 3, 1), java.time.LocalDate.of(2027, 4, 1), AT, official))) {
            pass.accept(new org.axonframework.eventhandling.GenericTrackedEventMessage<>(null,
                    org.axonframework.eventhandling.GenericEventMessage.asEventMessage(event)));
        }
        pass.finish(4);
        assertThat(backfill.due()).isFalse();

        assertThat(starting.holder(complaint)).contains(DocumentKind.REVOCATION_COMPLAINT);
        assertThat(starting.holder(contract)).as("the first act in the store's order").contains(DocumentKind.CERTIFICATE_DATABASE_CONTRACT);
        assertThat(starting.holder(findings)).contains(DocumentKind.INSPECTION_FINDINGS);
        assertThat(catchThrowableOfType(() -> starting.claim(complaint, DocumentKind.CHANGE_REPORT, Claimant.NONE, logged(), "documentSha256",
                "002 art. 20.3.3", AT), RegistryProblem.class).code()).isEqualTo("document.claimed-by-another-act.revocation-complaint");
    }

    @Test
    @DisplayName("ADR 0057, session 19 (one claim, one insert): the backfill's third round moves the kinds' claims with the permit each "
            + "grounds, names it on the claims written without it (a round before, a command before the release, a stored act), leaves a "
            + "claim another kind holds (reported in the log), and two nodes starting at once end with one claim each; the stored claims then "
            + "refuse another permit's act with the kind's own code")
    void the_third_round_names_the_grounds_of_the_stored_claims() {
        String policy = document("a policy recorded in session 18 on app-1");
        String complaint = document("a complaint filed in session 18 on app-3");
        String proof = document("a stamp duty proof of session 18, also cited as a change report");
        String findings = document("findings recorded in session 16 on app-4, never copied");
        String policyCommand = logged();
        database.getCollection("permit_insurance_policies").insertOne(new Document("_id", policy).append("commandId", policyCommand)
                .append("applicationId", "app-1").append("claimedAt", AT.toString()));
        database.getCollection(DocumentClaims.COLLECTION).insertOne(new Document("_id", policy).append("kind", "insurance-policy")
                .append("commandId", policyCommand).append("claimedAt", AT.toString())); // session 18's claim across kinds, no grounds
        database.getCollection(DocumentClaims.COLLECTION).insertOne(new Document("_id", complaint).append("kind", "revocation-complaint")
                .append("commandId", "backfill:adr-0057:revocation-complaint").append("claimedAt", AT.toString())); // round 2's
        database.getCollection("stamp_duty_proofs").insertOne(new Document("_id", proof).append("commandId", logged())
                .append("applicationId", "app-2").append("claimedAt", AT.toString()));
        String report = logged();
        database.getCollection(DocumentClaims.COLLECTION).insertOne(new Document("_id", proof).append("kind", "change-report")
                .append("commandId", report).append("claimedAt", AT.toString()));
        database.getCollection("permit_inspection_findings").insertOne(new Document("_id", findings).append("commandId", logged())
                .append("applicationId", "app-4").append("claimedAt", AT.toString()));
        database.getCollection(DocumentClaims.COLLECTION).insertOne(new Document("_id", "backfill:adr-0057:2").append("at", AT.toString()));
        mn.registry.kernel.permit.ApplicationId app3 = mn.registry.kernel.permit.ApplicationId.of(java.util.UUID.randomUUID());

        DocumentClaims starting = new DocumentClaims(database, log);
        List<DocumentClaimsBackfill> nodes = List.of(new DocumentClaimsBackfill(database, starting, Clock.fixed(AT, ZoneOffset.UTC)),
                new DocumentClaimsBackfill(database, DocumentClaims.backfilled(database, log), Clock.fixed(AT, ZoneOffset.UTC)));
        assertThat(nodes.get(0).due()).as("the second round's marker does not stop the third").isTrue();
        nodes.parallelStream().forEach(node -> {
            StartupBackfill.Pass pass = node.begin();
            pass.accept(new org.axonframework.eventhandling.GenericTrackedEventMessage<>(null, org.axonframework.eventhandling.GenericEventMessage
                    .asEventMessage(new mn.registry.kernel.permit.RevocationComplaintFiled(app3, complaint, AT, new PersonId("holder-3")))));
            pass.finish(1);
        });
        assertThat(nodes.get(0).due()).isFalse();
        for (String sha256 : List.of(policy, complaint, proof, findings)) {
            assertThat(database.getCollection(DocumentClaims.COLLECTION).countDocuments(new Document("_id", sha256))).as("one claim").isEqualTo(1);
        }
        assertThat(starting.holder(proof)).as("another kind's claim is left (and logged)").contains(DocumentKind.CHANGE_REPORT);
        assertThat(starting.holder(findings)).contains(DocumentKind.INSPECTION_FINDINGS);

        RegistryProblem anotherPermit = catchThrowableOfType(() -> starting.claim(policy, DocumentKind.INSURANCE_POLICY,
                Claimant.grounding(DocumentClaims.Grounds.PERMIT.of("app-9")), logged(), "proofSha256", "002 art. 26.2.3", AT), RegistryProblem.class);
        assertThat(anotherPermit.code()).isEqualTo("permit.insurance-policy-of-another-permit");
        assertThat(starting.claim(policy, DocumentKind.INSURANCE_POLICY, Claimant.grounding(DocumentClaims.Grounds.PERMIT.of("app-1")), logged(), "proofSha256",
                "002 art. 26.2.3", AT)).as("the same permit: its aggregate decides").isFalse();
        assertThat(starting.claim(complaint, DocumentKind.REVOCATION_COMPLAINT, Claimant.grounding(DocumentClaims.Grounds.PERMIT.of(app3.value())), logged(),
                "complaintSha256", "002 art. 29.6", AT)).as("the stored complaint's own permit, named from its event").isFalse();
        assertThat(catchThrowableOfType(() -> starting.claim(complaint, DocumentKind.REVOCATION_COMPLAINT, Claimant.grounding(DocumentClaims.Grounds.PERMIT.of("app-9")),
                logged(), "complaintSha256", "002 art. 29.6", AT), RegistryProblem.class).code()).isEqualTo("document.already-grounds-another-act");
        assertThat(catchThrowableOfType(() -> starting.claim(findings, DocumentKind.INSPECTION_FINDINGS, Claimant.grounding(DocumentClaims.Grounds.PERMIT.of("app-4")),
                logged(), "findingsSha256", "002 art. 31.1.7", AT), RegistryProblem.class).code())
                .as("findings record one inspection, of this permit too").isEqualTo("permit.inspection-findings-used");
    }

    @Test
    @DisplayName("002 art. 27.7, 28.3, 29.3 (F280, was O155): a duty's letter claimed before session 21 (permit:<id>) is given, once at start, "
            + "the article of the stored duty done on it: the holder's 27.7 notice recorded last month is then refused as its 29.3 hand-over's "
            + "evidence; a letter two articles' stored duties share keeps the permit alone (O171); two nodes starting at once name it once")
    void a_duty_letter_claimed_before_session_21_is_given_its_stored_duty_s_article() {
        mn.registry.kernel.permit.ApplicationId a = mn.registry.kernel.permit.ApplicationId.of(java.util.UUID.randomUUID());
        String notice = document("holder A's notice to its certificate holders (27.7), recorded by a release before session 21");
        String shared = document("holder A's letter recorded for 27.7 and for 28.3 when one permit's letter grounded all its duties");
        String refused = document("a letter whose duty was refused, its release lost");
        PersonId holder = new PersonId("holder-a");
        // the claims as the release before session 21 wrote them: the command's own claim, and the third round's of a stored act
        database.getCollection(DocumentClaims.COLLECTION).insertOne(new Document("_id", notice).append("kind", "duty-evidence")
                .append("commandId", logged()).append("claimedAt", AT.toString()).append("grounds", "permit:" + a.value()));
        database.getCollection(DocumentClaims.COLLECTION).insertOne(new Document("_id", shared).append("kind", "duty-evidence")
                .append("commandId", "backfill:adr-0057:duty-evidence").append("claimedAt", AT.toString()).append("grounds", "permit:" + a.value()));
        database.getCollection(DocumentClaims.COLLECTION).insertOne(new Document("_id", refused).append("kind", "duty-evidence")
                .append("commandId", "never-logged").append("claimedAt", AT.toString()).append("grounds", "permit:" + a.value()));
        database.getCollection(DocumentClaims.COLLECTION).insertOne(new Document("_id", "backfill:adr-0057:3").append("at", AT.toString()));
        List<Object> stored = List.of(
                new mn.registry.kernel.permit.PermitDutyFulfilled(a, mn.registry.kernel.permit.PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, AT, false, notice, holder),
                new mn.registry.kernel.permit.PermitDutyFulfilled(a, mn.registry.kernel.permit.PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, AT, false, shared, holder),
                new mn.registry.kernel.permit.PermitDutyFulfilled(a, mn.registry.kernel.permit.PermitDuty.NOTIFY_SUSPENSION, AT, false, shared,
                        new PersonId("supervisor-1")));

        DocumentClaims starting = new DocumentClaims(database, log);
        List<DocumentClaimsBackfill> nodes = List.of(new DocumentClaimsBackfill(database, starting, Clock.fixed(AT, ZoneOffset.UTC)),
                new DocumentClaimsBackfill(database, DocumentClaims.backfilled(database, log), Clock.fixed(AT, ZoneOffset.UTC)));
        assertThat(nodes.get(0).due()).as("the third round's marker does not stop it").isTrue();
        nodes.parallelStream().forEach(node -> {
            StartupBackfill.Pass pass = node.begin();
            stored.forEach(event -> pass.accept(new org.axonframework.eventhandling.GenericTrackedEventMessage<>(null,
                    org.axonframework.eventhandling.GenericEventMessage.asEventMessage(event))));
            pass.finish(stored.size());
        });
        assertThat(nodes.get(0).due()).as("its marker written").isFalse();

        String handOver = DocumentClaims.Grounds.PERMIT.of(a.value(), "002 art. 29.3"); // as RecordPermitDutyFulfilled claims it since session 21
        RegistryProblem lastMonthsNotice = catchThrowableOfType(() -> starting.claim(notice, DocumentKind.DUTY_EVIDENCE, Claimant.grounding(handOver), logged(),
                "evidenceSha256", "002 art. 29.3", AT), RegistryProblem.class);
        assertThat(lastMonthsNotice).as("the 27.7 notice as the 29.3 hand-over's evidence").isNotNull();
        assertThat(lastMonthsNotice.code()).isEqualTo("document.evidences-a-duty-of-another-article");
        assertThat(lastMonthsNotice.field()).isEqualTo("evidenceSha256");
        assertThat(lastMonthsNotice.article()).isEqualTo("002 art. 29.3");
        assertThat(catchThrowableOfType(() -> starting.claim(notice, DocumentKind.CERTIFICATE_DATABASE_RECEIPT, Claimant.grounding(DocumentClaims.Grounds.PERMIT.of(a.value())),
                logged(), "receiptSha256", "002 art. 29.3", AT), RegistryProblem.class).code()).as("nor as the database's receipt")
                .isEqualTo("document.claimed-by-another-act.duty-evidence");
        assertThat(starting.claim(notice, DocumentKind.DUTY_EVIDENCE, Claimant.grounding(DocumentClaims.Grounds.PERMIT.of(a.value(), "002 art. 27.7")), logged(),
                "evidenceSha256", "002 art. 27.7", AT)).as("its own article: the aggregate's to judge").isFalse();
        assertThat(starting.claim(shared, DocumentKind.DUTY_EVIDENCE, Claimant.grounding(handOver), logged(), "evidenceSha256", "002 art. 29.3", AT))
                .as("O171: two articles' stored duties share it, it grounds the permit's duties of every article").isFalse();
        assertThat(grounds(notice)).isEqualTo("permit:" + a.value() + "#002 art. 27.7");
        assertThat(grounds(shared)).isEqualTo("permit:" + a.value());
        assertThat(grounds(refused)).as("no stored duty: left").isEqualTo("permit:" + a.value());
        assertThat(starting.claim(refused, DocumentKind.DUTY_EVIDENCE, Claimant.grounding(handOver), logged(), "evidenceSha256", "002 art. 29.3", AT))
                .as("not held: the next act takes it over").isTrue();
        assertThat(grounds(refused)).as("under its own article").isEqualTo(handOver);
        Document marker = database.getCollection(DocumentClaims.COLLECTION).find(new Document("_id", DutyLetterArticles.MARKER)).first();
        assertThat(marker.getInteger("named") + marker.getInteger("sharedByTwoArticles")).as("one node's counts").isPositive();
    }

    @Test
    @DisplayName("003 art. 12.5.3, 26.2 (ADR 0035 item 62, F301, was O167): a court decision's claim written before session 22 as an act of its "
            + "registration (zone-registration-act) is re-kinded once at start to zone-court-decision: the entity's other zone, refused its "
            + "record on the document before, records it after; nothing else changes; two nodes starting at once re-kind it once")
    void a_court_decision_claimed_before_session_22_is_shared_by_the_entity_after_the_start() {
        mn.registry.kernel.freezone.LegalEntity entity = new mn.registry.kernel.freezone.LegalEntity("Selenge Trade LLC",
                mn.registry.kernel.freezone.Jurisdiction.MONGOLIAN, null, "6001234");
        mn.registry.kernel.freezone.RegistrationId inAltanbulag = mn.registry.kernel.freezone.RegistrationId.of(
                mn.registry.kernel.freezone.ZoneId.of("altanbulag"), entity);
        mn.registry.kernel.freezone.RegistrationId inZamynUud = inAltanbulag.inZone(mn.registry.kernel.freezone.ZoneId.of("zamyn-uud"));
        String decision = document("Selenge civil court dissolves Selenge Trade LLC, recorded in Altanbulag before session 22");
        String agreement = document("Selenge Trade LLC's investment agreement in Altanbulag");
        String recordedBy = DocumentClaims.Grounds.REGISTRATION.of(inAltanbulag.stream());
        String command = logged();
        // the claims as the release before session 22 wrote them: the decision's and the agreement's, each an act of the registration
        for (String sha256 : List.of(decision, agreement)) {
            database.getCollection(DocumentClaims.COLLECTION).insertOne(new Document("_id", sha256).append("kind", "zone-registration-act")
                    .append("commandId", command).append("claimedAt", AT.toString()).append("grounds", recordedBy));
        }
        database.getCollection(DocumentClaims.COLLECTION).insertOne(new Document("_id", "backfill:adr-0057:3").append("at", AT.toString()));
        database.getCollection(DocumentClaims.COLLECTION).insertOne(new Document("_id", DutyLetterArticles.MARKER).append("at", AT.toString()));
        List<Object> stored = List.of(new mn.registry.kernel.freezone.RegistrationEvents.CourtDissolutionRecorded(inAltanbulag,
                "Selenge civil court 2026/9", java.time.LocalDate.of(2026, 12, 1), false, new PersonId("governor-altanbulag"), decision));
        String inTheOtherZone = DocumentClaims.Grounds.REGISTRATION.of(inZamynUud.stream());
        DocumentClaims starting = DocumentClaims.backfilled(database, log);
        assertThat(catchThrowableOfType(() -> starting.claim(decision, DocumentKind.ZONE_COURT_DECISION, Claimant.grounding(inTheOtherZone), logged(), "documentSha256",
                "003 art. 12.5.3, 26.2", AT), RegistryProblem.class)).as("before the start: another registration's act").isNotNull();

        List<DocumentClaimsBackfill> nodes = List.of(new DocumentClaimsBackfill(database, new DocumentClaims(database, log), Clock.fixed(AT, ZoneOffset.UTC)),
                new DocumentClaimsBackfill(database, DocumentClaims.backfilled(database, log), Clock.fixed(AT, ZoneOffset.UTC)));
        assertThat(nodes.get(0).due()).as("the earlier rounds' markers do not stop it").isTrue();
        nodes.parallelStream().forEach(node -> {
            StartupBackfill.Pass pass = node.begin();
            stored.forEach(event -> pass.accept(new org.axonframework.eventhandling.GenericTrackedEventMessage<>(null,
                    org.axonframework.eventhandling.GenericEventMessage.asEventMessage(event))));
            pass.finish(stored.size());
        });
        assertThat(nodes.get(0).due()).as("its marker written").isFalse();
        Document rekinded = database.getCollection(DocumentClaims.COLLECTION).find(new Document("_id", decision)).first();
        assertThat(rekinded.getString("kind")).isEqualTo("zone-court-decision");
        assertThat(rekinded.getString("commandId")).as("its command kept").isEqualTo(command);
        assertThat(rekinded.getString(DocumentClaims.GROUNDS)).as("the registration that recorded it").isEqualTo(recordedBy);
        assertThat(database.getCollection(DocumentClaims.COLLECTION).find(new Document("_id", agreement)).first().getString("kind"))
                .as("nothing else").isEqualTo("zone-registration-act");
        Document marker = database.getCollection(DocumentClaims.COLLECTION).find(new Document("_id", CourtDecisionClaims.MARKER)).first();
        assertThat(marker.getInteger("storedDecisions")).isEqualTo(1);

        assertThatCode(() -> starting.claim(decision, DocumentKind.ZONE_COURT_DECISION, Claimant.grounding(inTheOtherZone), logged(), "documentSha256",
                "003 art. 12.5.3, 26.2", AT)).as("after the start: the entity's other zone records it").doesNotThrowAnyException();
        assertThat(catchThrowableOfType(() -> starting.claim(decision, DocumentKind.ZONE_REGISTRATION_ACT, Claimant.grounding(inTheOtherZone), logged(), "documentSha256",
                "003 art. 12.5.1", AT), RegistryProblem.class)).as("still no start on it in the other zone").isNotNull();
    }

    @Test
    @DisplayName("003 art. 12.1 (ADR 0035 item 74, F357): the documents of a Free Zone application stored before item 73 are claimed once at start "
            + "as zone-application-document for its registration: another registration's act on one, accepted before the pass, is refused after; "
            + "the fee receipt and a document an act of another kind holds are left as they are; two nodes claim once; a second start does nothing")
    void a_stored_applications_documents_are_claimed_once_at_the_start() {
        mn.registry.kernel.freezone.LegalEntity entity = new mn.registry.kernel.freezone.LegalEntity("Selenge Trade LLC",
                mn.registry.kernel.freezone.Jurisdiction.MONGOLIAN, null, "6001234");
        mn.registry.kernel.freezone.ZoneId altanbulag = mn.registry.kernel.freezone.ZoneId.of("altanbulag");
        mn.registry.kernel.freezone.RegistrationId applied = mn.registry.kernel.freezone.RegistrationId.of(altanbulag, entity);
        mn.registry.kernel.freezone.RegistrationId other = mn.registry.kernel.freezone.RegistrationId.of(altanbulag,
                new mn.registry.kernel.freezone.LegalEntity("Orkhon Leather LLC", mn.registry.kernel.freezone.Jurisdiction.MONGOLIAN, null, "6001999"));
        String copy = document("Selenge Trade LLC's state registration certificate, a copy");
        String application = document("Selenge Trade LLC's application to Altanbulag");
        String receipt = document("Selenge Trade LLC's registration fee receipt");
        String agreement = document("an investment agreement stored on a document an application named too");
        String othersGrounds = DocumentClaims.Grounds.REGISTRATION.of(other.stream());
        String command = logged();
        database.getCollection(DocumentClaims.COLLECTION).insertOne(new Document("_id", agreement).append("kind", "zone-registration-act")
                .append("commandId", command).append("claimedAt", AT.toString()).append("grounds", othersGrounds));
        for (String marker : List.of("backfill:adr-0057:3", DutyLetterArticles.MARKER, CourtDecisionClaims.MARKER)) {
            database.getCollection(DocumentClaims.COLLECTION).insertOne(new Document("_id", marker).append("at", AT.toString()));
        }
        List<mn.registry.kernel.freezone.SubmittedZoneDocument> documents = List.of(
                new mn.registry.kernel.freezone.SubmittedZoneDocument(mn.registry.kernel.freezone.ZoneDocument.APPLICATION, application),
                new mn.registry.kernel.freezone.SubmittedZoneDocument(mn.registry.kernel.freezone.ZoneDocument.STATE_REGISTRATION_CERTIFICATE, copy),
                new mn.registry.kernel.freezone.SubmittedZoneDocument(mn.registry.kernel.freezone.ZoneDocument.POWER_OF_ATTORNEY, agreement),
                new mn.registry.kernel.freezone.SubmittedZoneDocument(mn.registry.kernel.freezone.ZoneDocument.REGISTRATION_FEE_RECEIPT, receipt));
        List<Object> stored = List.of(new mn.registry.kernel.freezone.RegistrationEvents.ZoneRegistrationApplied(applied, altanbulag, entity,
                mn.registry.kernel.freezone.Activity.TRADE, documents, AT, java.time.LocalDate.of(2026, 12, 1), AT.plusSeconds(14 * 86400),
                mn.registry.kernel.calendar.WorkingDays.of(5), new mn.registry.kernel.calendar.CalendarVersion("MN-2024.1"), "003 art. 12.2",
                new PersonId("applicant-1")));
        String beforeTheStart = logged();
        assertThat(claims.claim(copy, DocumentKind.ZONE_REGISTRATION_ACT, Claimant.grounding(othersGrounds), beforeTheStart, "documentSha256", "003 art. 12.5.2", AT))
                .as("before the start: the copy claimed by nothing, another registration's resumption takes it").isTrue();
        claims.release(copy, beforeTheStart);

        List<DocumentClaimsBackfill> nodes = List.of(new DocumentClaimsBackfill(database, new DocumentClaims(database, log), Clock.fixed(AT, ZoneOffset.UTC)),
                new DocumentClaimsBackfill(database, DocumentClaims.backfilled(database, log), Clock.fixed(AT, ZoneOffset.UTC)));
        assertThat(nodes.get(0).due()).as("the earlier rounds' markers do not stop it").isTrue();
        nodes.parallelStream().forEach(node -> pass(node, stored));
        assertThat(nodes.get(0).due()).as("its marker written").isFalse();
        for (String named : List.of(application, copy)) {
            Document claim = database.getCollection(DocumentClaims.COLLECTION).find(new Document("_id", named)).first();
            assertThat(claim.getString("kind")).isEqualTo("zone-application-document");
            assertThat(claim.getString(DocumentClaims.GROUNDS)).isEqualTo(DocumentClaims.Grounds.REGISTRATION.of(applied.stream()));
        }
        assertThat(database.getCollection(DocumentClaims.COLLECTION).find(new Document("_id", receipt)).first()).as("the fee receipt: its own kind's")
                .isNull();
        assertThat(database.getCollection(DocumentClaims.COLLECTION).find(new Document("_id", agreement)).first().getString("kind"))
                .as("another kind's claim left as it is").isEqualTo("zone-registration-act");
        assertThat(database.getCollection(DocumentClaims.COLLECTION).countDocuments(new Document("kind", "zone-application-document")))
                .as("two nodes claim once").isEqualTo(2);
        Document marker = database.getCollection(DocumentClaims.COLLECTION).find(new Document("_id", ApplicationDocumentClaims.MARKER)).first();
        assertThat(marker.getInteger("storedDocuments")).isEqualTo(3);

        RegistryProblem after = catchThrowableOfType(() -> claims.claim(copy, DocumentKind.ZONE_REGISTRATION_ACT, Claimant.grounding(othersGrounds), logged(),
                "documentSha256", "003 art. 12.5.2", AT), RegistryProblem.class);
        assertThat(after).as("after the start: another registration's resumption is refused").isNotNull();
        assertThat(after.code()).isEqualTo("document.claimed-by-another-act.zone-application-document");

        database.getCollection(DocumentClaims.COLLECTION).deleteOne(new Document("_id", copy)); // a claim the pass would write again if it ran
        pass(new DocumentClaimsBackfill(database, new DocumentClaims(database, log), Clock.fixed(AT.plusSeconds(60), ZoneOffset.UTC)), stored);
        assertThat(database.getCollection(DocumentClaims.COLLECTION).find(new Document("_id", copy)).first()).as("a second start does nothing")
                .isNull();
        assertThat(database.getCollection(DocumentClaims.COLLECTION).find(new Document("_id", ApplicationDocumentClaims.MARKER)).first()
                .getString("at")).isEqualTo(AT.toString());
    }

    @Test
    @DisplayName("002 art. 25.1, 20.3.3 (F374, was O209; F375): the documents of a permit application stored before session 24 (named with "
            + "it or recorded received in its review) are claimed once at start as permit-application-document for its permit, under a marker of their own (the Free Zone step's marker does not stop it): "
            + "a change report on one, accepted before the pass, is refused after; a document another kind's act holds is left; two nodes "
            + "claim once; a second start does nothing")
    void a_stored_permit_applications_documents_are_claimed_once_at_the_start() {
        mn.registry.kernel.permit.ApplicationId permit = mn.registry.kernel.permit.ApplicationId.of(java.util.UUID.fromString(
                "00000000-0000-4000-8000-000000000024"));
        String copy = document("Tenger Trust LLC's state registration certificate, a copy");
        String audit = document("Tenger Trust LLC's security audit, stored on a document an inspection cited first");
        String corrected = document("Tenger Trust LLC's corrected statements, recorded received during the review");
        String command = logged();
        database.getCollection(DocumentClaims.COLLECTION).insertOne(new Document("_id", audit).append("kind", "inspection-findings")
                .append("commandId", command).append("claimedAt", AT.toString()).append("grounds", "permit:another"));
        for (String marker : List.of("backfill:adr-0057:3", DutyLetterArticles.MARKER, CourtDecisionClaims.MARKER, ApplicationDocumentClaims.MARKER)) {
            database.getCollection(DocumentClaims.COLLECTION).insertOne(new Document("_id", marker).append("at", AT.toString()));
        }
        List<mn.registry.kernel.permit.DocumentRef> documents = List.of(
                new mn.registry.kernel.permit.DocumentRef(mn.registry.kernel.permit.RequiredDocument.STATE_REGISTRATION_CERTIFICATE, copy, 100,
                        "application/pdf", AT),
                new mn.registry.kernel.permit.DocumentRef(mn.registry.kernel.permit.RequiredDocument.SECURITY_RISK_ASSESSMENT_AND_AUDIT, audit, 100,
                        "application/pdf", AT));
        List<Object> stored = List.of(new mn.registry.kernel.permit.PermitApplicationRegistered(permit,
                new mn.registry.kernel.permit.ReceiptNumber("SP-2026-000024"), new mn.registry.kernel.permit.Company("Tenger Trust LLC", "6400001",
                true, "Ulaanbaatar"), documents, AT, java.time.LocalDate.of(2026, 12, 24), AT.plusSeconds(30 * 86400),
                mn.registry.kernel.calendar.WorkingDays.of(17), new mn.registry.kernel.calendar.CalendarVersion("MN-2024.1"), "002 art. 26.1",
                new PersonId("applicant-1"), "ef".repeat(32)), new mn.registry.kernel.permit.PermitDocumentsReceived(permit, List.of(
                new mn.registry.kernel.permit.DocumentRef(mn.registry.kernel.permit.RequiredDocument.AUDITED_FINANCIAL_STATEMENTS, corrected, 100,
                        "application/pdf", AT.plusSeconds(86400))), AT.plusSeconds(86400)));
        String grounds = DocumentClaims.Grounds.PERMIT.of(permit.value());
        String beforeTheStart = logged();
        assertThat(claims.claim(copy, DocumentKind.CHANGE_REPORT, Claimant.grounding(grounds), beforeTheStart, "documentSha256", "002 art. 20.3.3", AT))
                .as("before the start: the copy claimed by nothing, a change report takes it").isTrue();
        claims.release(copy, beforeTheStart);

        List<DocumentClaimsBackfill> nodes = List.of(new DocumentClaimsBackfill(database, new DocumentClaims(database, log), Clock.fixed(AT, ZoneOffset.UTC)),
                new DocumentClaimsBackfill(database, DocumentClaims.backfilled(database, log), Clock.fixed(AT, ZoneOffset.UTC)));
        assertThat(nodes.get(0).due()).as("the earlier steps' markers do not stop it").isTrue();
        nodes.parallelStream().forEach(node -> pass(node, stored));
        assertThat(nodes.get(0).due()).as("its marker written").isFalse();
        for (String named : List.of(copy, corrected)) {
            Document claim = database.getCollection(DocumentClaims.COLLECTION).find(new Document("_id", named)).first();
            assertThat(claim.getString("kind")).isEqualTo("permit-application-document");
            assertThat(claim.getString(DocumentClaims.GROUNDS)).isEqualTo(grounds);
        }
        assertThat(database.getCollection(DocumentClaims.COLLECTION).find(new Document("_id", audit)).first().getString("kind"))
                .as("another kind's claim left as it is").isEqualTo("inspection-findings");
        assertThat(database.getCollection(DocumentClaims.COLLECTION).find(new Document("_id", ApplicationDocumentClaims.PERMIT_MARKER)).first()
                .getInteger("storedDocuments")).isEqualTo(3);

        RegistryProblem after = catchThrowableOfType(() -> claims.claim(copy, DocumentKind.CHANGE_REPORT, Claimant.grounding(grounds), logged(), "documentSha256",
                "002 art. 20.3.3", AT), RegistryProblem.class);
        assertThat(after).as("after the start: the change report is refused").isNotNull();
        assertThat(after.code()).isEqualTo("document.claimed-by-another-act.permit-application-document");

        database.getCollection(DocumentClaims.COLLECTION).deleteOne(new Document("_id", copy)); // a claim the pass would write again if it ran
        pass(new DocumentClaimsBackfill(database, new DocumentClaims(database, log), Clock.fixed(AT.plusSeconds(60), ZoneOffset.UTC)), stored);
        assertThat(database.getCollection(DocumentClaims.COLLECTION).find(new Document("_id", copy)).first()).as("a second start does nothing")
                .isNull();
    }

    private static void pass(DocumentClaimsBackfill node, List<Object> stored) {
        StartupBackfill.Pass pass = node.begin();
        stored.forEach(event -> pass.accept(new org.axonframework.eventhandling.GenericTrackedEventMessage<>(null,
                org.axonframework.eventhandling.GenericEventMessage.asEventMessage(event))));
        pass.finish(stored.size());
    }

    private String grounds(String sha256) {
        return database.getCollection(DocumentClaims.COLLECTION).find(new Document("_id", sha256)).first().getString(DocumentClaims.GROUNDS);
    }

    private static mn.registry.kernel.identity.PersonEnrolled enrolledOn(String sha256) {
        return new mn.registry.kernel.identity.PersonEnrolled(new PersonId("reviewer-9"), "Reviewer Nine", "0".repeat(64), "AAAA", AT, null,
                new PersonId("supervisor-1"), sha256);
    }

    @Test
    @DisplayName("ADR 0070 item 9 (session 28, issue 15): an application naming papers this node knows are held for good by applications writes "
            + "no claim of them (no duplicate key met); a fresh paper is claimed, the company's claim written, an act of another kind still refused")
    void claims_held_for_good_are_not_written_again(com.mongodb.ConnectionString server) {
        DocumentKind kind = DocumentKind.PERMIT_APPLICATION_DOCUMENT;
        String certificate = document("a certificate held for good");
        String charter = document("a charter held for good");
        List<Integer> documentsInserted = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean counting = new java.util.concurrent.atomic.AtomicBoolean();
        try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(server).addCommandListener(new com.mongodb.event.CommandListener() {
                    @Override
                    public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                        if (counting.get() && event.getCommandName().equals("insert")
                                && event.getCommand().getString("insert").getValue().equals(DocumentClaims.COLLECTION)) {
                            documentsInserted.add(event.getCommand().getArray("documents").size());
                        }
                    }
                }).build())) {
            DocumentClaims node = DocumentClaims.backfilled(client.getDatabase(database.getName()), log);
            String first = logged();
            Set<String> firstTook = node.claimTogether(List.of(citation(certificate), citation(charter)), kind,
                    new Claimant("permit:first", "6543210"), first, AT, null);
            assertThat(firstTook).containsExactlyInAnyOrder(certificate, charter);
            node.stored(firstTook, kind, new Claimant("permit:first", "6543210")); // the first application is stored: its claims are the kind's for good

            counting.set(true);
            assertThat(node.claimTogether(List.of(citation(certificate), citation(charter)), kind, new Claimant("permit:second", "6543210"),
                    logged(), AT, null)).as("papers held for good are shared by the company's second application, not its own").isEmpty();
            assertThat(documentsInserted).as("no claim written (on main: one insert of the two, both meeting the duplicate key)").isEmpty();

            String fresh = document("a fresh paper");
            String third = logged();
            Document company = new Document("_id", "6543210").append("commandId", third).append("kind", "company");
            assertThat(node.claimTogether(List.of(citation(certificate), citation(fresh)), kind, new Claimant("permit:third", "6543210"),
                    third, AT, new DocumentClaims.Beside(company, holder -> RegistryWideClaim.Verdict.PASS, () -> null)))
                    .as("the happy path: the fresh paper and the company claimed").containsExactlyInAnyOrder(fresh, "6543210");
            assertThat(documentsInserted).as("one insert of the company's claim and the fresh paper's").containsExactly(2);
            assertThat(database.getCollection(DocumentClaims.COLLECTION).find(new Document("_id", certificate)).first().getString("commandId"))
                    .as("the claim stays the first application's").isEqualTo(first);

            documentsInserted.clear(); // the merge of F462 with item 9: a paper held for good by one company is judged for another
            assertThatThrownBy(() -> node.claimTogether(List.of(citation(certificate)), kind, new Claimant("permit:other", "6543299"), logged(),
                    AT, null)).as("another company's application on the paper held for good is refused, not passed unread")
                    .isInstanceOf(RegistryProblem.class);
            assertThat(documentsInserted).as("its claim is written, meets the duplicate key and is judged").containsExactly(1);
        }
        assertThat(refused(certificate, DocumentKind.INSPECTION_FINDINGS, "findingsSha256", "002 art. 28.1").code())
                .as("an act of another kind is still refused on it").isEqualTo("document.claimed-by-another-act.permit-application-document");
    }

    private static DocumentClaims.Citation citation(String sha256) {
        return new DocumentClaims.Citation(sha256, "documents.STATE_REGISTRATION_CERTIFICATE", "002 art. 25.1.1");
    }

    private static CommandContext context(String commandId) {
        return new CommandContext(commandId, AT, AT, new PersonId("official-1"), Set.of(Role.MINISTRY_SUPERVISOR), Set.of(), "0".repeat(64));
    }
}
