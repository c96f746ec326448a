package mn.registry.permit.command;

import mn.registry.kernel.permit.*;
import static mn.registry.permit.command.Signed.signed;
import com.mongodb.client.MongoDatabase;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.command.api.CommandContext;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.ApplyForPermit;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.permit.PermitRegistrationReceipt;
import mn.registry.kernel.permit.ReceiptNumber;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.kernel.permit.SubmittedDocument;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signed ApplyForPermit carried out through Axon, the document store and the receipt counter. */
@ExtendWith(EmbeddedMongoExtension.class)
class ApplyForPermitTypeTest {


    private MongoDatabase database;
    private ApplyForPermitNode node;

    @BeforeEach
    void start(MongoDatabase database) {
        this.database = database;
        node = ApplyForPermitNode.on(database);
    }

    @AfterEach
    void shutdown() {
        node.close();
    }

    private static CommandContext signed(String commandId, Instant receivedAt) {
        return new CommandContext(commandId, receivedAt.minusSeconds(2), receivedAt, new PersonId("applicant-1"),
                Set.of(Role.APPLICANT), Set.of(), "ef".repeat(32));
    }

    private List<EventMessage<?>> storedEvents() {
        return node.engine().readEvents(null, false).<EventMessage<?>>map(m -> m).toList();
    }

    @Test
    @DisplayName("only an applicant may sign ApplyForPermit, read into the kernel record")
    void command_type() {
        assertThat(node.type().type()).isEqualTo("ApplyForPermit");
        assertThat(node.type().bodyType()).isEqualTo(ApplyForPermit.class);
        assertThat(node.type().allowedRoles()).containsExactly(Role.APPLICANT);
    }

    @Test
    @DisplayName("002 art. 26.2.1: the applicant receives a receipt, and the event records the documents as received")
    void registers_and_answers_with_receipt() {
        Instant receivedAt = Instant.parse("2026-11-20T03:00:00Z");

        PermitRegistrationReceipt receipt = node.type().handle(Applications.complete(), signed("cmd-1", receivedAt));

        assertThat(receipt.receiptNumber()).isEqualTo(new ReceiptNumber("SP-2026-000001"));
        assertThat(receipt.receivedAt()).isEqualTo(receivedAt);
        // 17 working days from Friday 2026-11-20, skipping weekends and 26 November (Republic Day)
        assertThat(receipt.decisionDue()).isEqualTo(LocalDate.of(2026, 12, 16));
        assertThat(receipt.decisionDueAt()).isEqualTo(OffsetDateTime.parse("2026-12-16T23:59:59.999999999+08:00"));
        assertThat(receipt.calendarVersion()).isEqualTo(WorkingDayCalendar.base().version());
        List<EventMessage<?>> events = storedEvents();
        assertThat(events).hasSize(1);
        PermitApplicationRegistered registered = (PermitApplicationRegistered) events.get(0).getPayload();
        assertThat(PermitRegistrationReceipt.of(registered)).isEqualTo(receipt);
        assertThat(registered.workingDays()).isEqualTo(WorkingDays.of(17));
        assertThat(registered.decisionDueAt()).isEqualTo(Instant.parse("2026-12-16T15:59:59.999999999Z"));
        assertThat(registered.article()).isEqualTo("002 art. 26.1");
        assertThat(registered.signedBy()).isEqualTo(new PersonId("applicant-1"));
        assertThat(registered.commandSignatureSha256()).isEqualTo("ef".repeat(32));
        assertThat(registered.documents()).hasSize(6).allSatisfy(d -> {
            assertThat(d.receivedAt()).isEqualTo(ApplyForPermitNode.UPLOADED);
            assertThat(d.mediaType()).isEqualTo("text/plain; charset=utf-8");
            assertThat(d.size()).isEqualTo(Applications.content(d.kind()).length);
        });
        assertThat(registered.documents()).extracting(DocumentRef::sha256)
                .containsExactlyElementsOf(Applications.complete().documents().stream().map(SubmittedDocument::sha256).toList());
    }

    @Test
    @DisplayName("002 art. 26.1: day 0 is the date of receipt in Ulaanbaatar, not in UTC")
    void day_of_receipt_is_local() {
        // Thursday 19 November 17:30 UTC is Friday 20 November 01:30 in Ulaanbaatar: day 0 is the Friday
        PermitRegistrationReceipt receipt = node.type().handle(Applications.complete(), signed("cmd-1", Instant.parse("2026-11-19T17:30:00Z")));

        assertThat(receipt.decisionDue()).isEqualTo(LocalDate.of(2026, 12, 16));
    }

    @Test
    @DisplayName("002 art. 26.2.1: receipt numbers count up within the year of receipt and start again in a new year")
    void receipt_numbers_per_year() {
        assertThat(node.type().handle(Applications.complete(), signed("a", Instant.parse("2026-12-30T03:00:00Z"))).receiptNumber().value())
                .isEqualTo("SP-2026-000001");
        assertThat(node.type().handle(Applications.completeFor("6543211"), signed("b", Instant.parse("2026-12-31T03:00:00Z"))).receiptNumber().value())
                .isEqualTo("SP-2026-000002");
        // 2026-12-31T17:00Z is already 1 January 2027 in Ulaanbaatar
        assertThat(node.type().handle(Applications.completeFor("6543212"), signed("c", Instant.parse("2026-12-31T17:00:00Z"))).receiptNumber().value())
                .isEqualTo("SP-2027-000001");
    }

    @Test
    @DisplayName("two signed applications get two applications; the same signer's same command id gives the same id")
    void application_ids() {
        MongoPermitApplicationIds ids = new MongoPermitApplicationIds(database);
        Instant t = Instant.parse("2026-11-20T03:00:00Z");
        assertThat(ids.applicationId(signed("cmd-1", t))).isEqualTo(ids.applicationId(signed("cmd-1", t.plusSeconds(5))));
        assertThat(ids.applicationId(signed("cmd-1", t))).isNotEqualTo(ids.applicationId(signed("cmd-2", t)));
        PermitRegistrationReceipt first = node.type().handle(Applications.complete(), signed("cmd-1", t));
        PermitRegistrationReceipt second = node.type().handle(Applications.completeFor("6543211"), signed("cmd-2", t));
        assertThat(first.applicationId()).isNotEqualTo(second.applicationId());
    }

    @Test
    @DisplayName("a document hash the store never received is refused, naming the document; nothing is stored")
    void unknown_hash_refused() {
        List<SubmittedDocument> docs = new ArrayList<>(Applications.mandatoryDocuments());
        docs.set(3, new SubmittedDocument(RequiredDocument.AUDITED_FINANCIAL_STATEMENTS, "0".repeat(64)));

        assertThatThrownBy(() -> node.type().handle(new ApplyForPermit(Applications.MONGOLIAN, false, docs), signed("cmd-1", Instant.parse("2026-11-20T03:00:00Z"))))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("document.unknown");
                    assertThat(p.field()).isEqualTo("documents.AUDITED_FINANCIAL_STATEMENTS");
                    assertThat(p.article()).isEqualTo("002 art. 25.1.4");
                });
        assertNothingStored();
    }

    @Test
    @DisplayName("002 art. 23.2: a foreign company is refused at intake; no event, no receipt number taken")
    void foreign_company_stores_nothing() {
        assertThatThrownBy(() -> node.type().handle(new ApplyForPermit(Applications.FOREIGN, false, Applications.mandatoryDocuments()),
                signed("cmd-1", Instant.parse("2026-11-20T03:00:00Z"))))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> assertThat(p.code()).isEqualTo("permit.applicant-foreign"));
        assertNothingStored();
    }

    @Test
    @DisplayName("002 art. 25.1: a missing document is refused at intake; no event, no receipt number taken")
    void missing_document_stores_nothing() {
        assertThatThrownBy(() -> node.type().handle(Applications.without(RequiredDocument.INTERNATIONAL_STANDARDS_REPORT, false),
                signed("cmd-1", Instant.parse("2026-11-20T03:00:00Z"))))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> assertThat(p.field()).isEqualTo("documents.INTERNATIONAL_STANDARDS_REPORT"));
        assertNothingStored();
        assertThat(node.type().handle(Applications.complete(), signed("cmd-2", Instant.parse("2026-11-20T03:00:00Z"))).receiptNumber().value())
                .isEqualTo("SP-2026-000001");
    }

    @Test
    @DisplayName("ADR 0046 item 46, ADR 0058: the signer of a registered application is its representative in the index, read from the "
            + "stored events; a refused application is in no event and not in the index; ApplyForPermit itself writes no index")
    void the_representative_is_indexed_from_the_registration() {
        PermitRepresentatives representatives = new PermitRepresentatives(database, node.axon().eventStore());
        assertThatThrownBy(() -> node.type().handle(new ApplyForPermit(Applications.FOREIGN, false, Applications.mandatoryDocuments()),
                signed("cmd-1", Instant.parse("2026-11-20T03:00:00Z")))).isInstanceOf(RegistryProblem.class);
        PermitRegistrationReceipt receipt = node.type().handle(Applications.complete(), signed("cmd-2", Instant.parse("2026-11-20T03:00:00Z")));
        assertThat(database.getCollection(PermitRepresentatives.COLLECTION).countDocuments()).as("nothing written on the command's path").isZero();
        assertThat(representatives.of(new PersonId("applicant-1"))).containsExactly(receipt.applicationId());
    }

    /** A command in the command log, as the registry logs a signed command before carrying it out: its claims are held. */
    private String logged(String commandId) {
        new mn.registry.command.api.CommandLog(database, Clock.systemUTC()).claim(commandId, commandId + "-jws", "jws", "Act", "official-1");
        return commandId;
    }

    @Test
    @DisplayName("002 art. 25.1.1, 20.3.3 (F373, was O209): an application's documents are claimed as its own (permit-application-document, "
            + "its permit the grounds); a change of a permit reported on its state registration copy is refused across kinds; another "
            + "company's application on papers of its own is the next (session 28, F462: another company's papers are refused)")
    void an_applications_documents_are_claimed_as_its_own() {
        Instant t = Instant.parse("2026-11-20T03:00:00Z");
        PermitRegistrationReceipt receipt = node.type().handle(Applications.complete(), signed(logged("cmd-1"), t));
        mn.registry.command.claim.DocumentClaims claims = CompanyClaimsFixture.documentClaims(database);
        String copy = Applications.submitted(RequiredDocument.STATE_REGISTRATION_CERTIFICATE).sha256();
        for (SubmittedDocument d : Applications.complete().documents()) {
            assertThat(claims.grounds(d.sha256(), mn.registry.command.claim.DocumentKind.PERMIT_APPLICATION_DOCUMENT)).as(d.kind().name())
                    .contains(mn.registry.command.claim.DocumentClaims.Grounds.PERMIT.of(receipt.applicationId().value()));
        }
        String grounds = mn.registry.command.claim.DocumentClaims.Grounds.PERMIT.of(receipt.applicationId().value());
        assertThatThrownBy(() -> claims.claim(copy, mn.registry.command.claim.DocumentKind.CHANGE_REPORT, mn.registry.command.claim.Claimant.grounding(grounds), logged("cmd-2"),
                "documentSha256", "002 art. 20.3.3", t.plusSeconds(86_400 * 60)))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("document.claimed-by-another-act.permit-application-document");
                    assertThat(p.field()).isEqualTo("documentSha256");
                });
        assertThat(node.type().handle(Applications.completeOn("6543211", Applications.papersOf("6543211", node.documents())), signed(logged("cmd-3"), t))
                .receiptNumber().value()).isEqualTo("SP-2026-000002");
    }

    @Test
    @DisplayName("002 art. 25.1 (F373, was O209): an application naming a document another kind of act holds (an inspection's findings) is "
            + "refused, naming the document; nothing stored, and nothing left claimed: not its other documents, not its company")
    void an_application_on_another_acts_document_leaves_nothing_claimed() {
        Instant t = Instant.parse("2026-11-20T03:00:00Z");
        mn.registry.command.claim.DocumentClaims claims = CompanyClaimsFixture.documentClaims(database);
        String audit = Applications.submitted(RequiredDocument.SECURITY_RISK_ASSESSMENT_AND_AUDIT).sha256();
        claims.claim(audit, mn.registry.command.claim.DocumentKind.INSPECTION_FINDINGS, mn.registry.command.claim.Claimant.grounding("permit:another"), logged("cmd-0"), "findingsSha256",
                "002 art. 31.1.7", t.minusSeconds(86_400));
        assertThatThrownBy(() -> node.type().handle(Applications.complete(), signed(logged("cmd-1"), t)))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("document.claimed-by-another-act.inspection-findings");
                    assertThat(p.field()).isEqualTo("documents.SECURITY_RISK_ASSESSMENT_AND_AUDIT");
                    assertThat(p.article()).isEqualTo("002 art. 25.1.5");
                });
        assertNothingStored();
        assertThat(database.getCollection(mn.registry.command.claim.DocumentClaims.COLLECTION).countDocuments(com.mongodb.client.model.Filters.ne("_id",
                CompanyPermitClaimsBackfill.MARKER))).as("only the findings' claim").isEqualTo(1);
        assertThat(database.getCollection(CompanyPermitClaims.COLLECTION).find(new org.bson.Document("_id",
                Applications.MONGOLIAN.registrationNumber())).first()).as("the company's claim released").isNull();
    }

    @Test
    @DisplayName("002 art. 26.2, 25.1 (F375, was O220): the documents a reviewer records received during the review are claimed as the "
            + "application's; one another kind of act holds is refused, nothing stored, and the command's other document left unclaimed")
    void documents_received_in_review_are_claimed_as_the_applications() {
        Instant t = Instant.parse("2026-11-20T03:00:00Z");
        PermitRegistrationReceipt receipt = node.type().handle(Applications.complete(), signed(logged("cmd-1"), t));
        mn.registry.command.claim.DocumentClaims claims = CompanyClaimsFixture.documentClaims(database);
        String corrected = node.documents().receive("the corrected audited statements".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "text/plain; charset=utf-8", "corrected.txt").document().sha256();
        String findings = node.documents().receive("an inspection's findings".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "text/plain; charset=utf-8", "findings.txt").document().sha256();
        String more = node.documents().receive("the bank's second reference".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "text/plain; charset=utf-8", "reference.txt").document().sha256();
        claims.claim(findings, mn.registry.command.claim.DocumentKind.INSPECTION_FINDINGS, mn.registry.command.claim.Claimant.grounding("permit:another"), logged("cmd-0"), "findingsSha256",
                "002 art. 31.1.7", t);
        var received = new PermitCommandTypes(node.axon().commandGateway()).recordPermitDocumentsReceived(claims);
        CommandContext reviewer = new CommandContext(logged("cmd-2"), t.plusSeconds(3_600), t.plusSeconds(3_600), new PersonId("reviewer-1"),
                Set.of(Role.MINISTRY_REVIEWER), Set.of(), "ab".repeat(32));
        received.handle(new RecordPermitDocumentsReceived(receipt.applicationId(), List.of(new SubmittedDocument(
                RequiredDocument.AUDITED_FINANCIAL_STATEMENTS, corrected))), reviewer);
        assertThat(claims.grounds(corrected, mn.registry.command.claim.DocumentKind.PERMIT_APPLICATION_DOCUMENT))
                .contains(mn.registry.command.claim.DocumentClaims.Grounds.PERMIT.of(receipt.applicationId().value()));
        CommandContext again = new CommandContext(logged("cmd-3"), t.plusSeconds(7_200), t.plusSeconds(7_200), new PersonId("reviewer-1"),
                Set.of(Role.MINISTRY_REVIEWER), Set.of(), "ac".repeat(32));
        assertThatThrownBy(() -> received.handle(new RecordPermitDocumentsReceived(receipt.applicationId(), List.of(
                new SubmittedDocument(RequiredDocument.CORRESPONDENT_BANK_REFERENCE, more),
                new SubmittedDocument(RequiredDocument.SECURITY_RISK_ASSESSMENT_AND_AUDIT, findings))), again))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("document.claimed-by-another-act.inspection-findings");
                    assertThat(p.field()).isEqualTo("documents.SECURITY_RISK_ASSESSMENT_AND_AUDIT");
                });
        assertThat(claims.holder(more)).as("the refused command's other document released").isEmpty();
        assertThat(storedEvents()).hasSize(2);
    }

    /** The writes and reads of claims (the company's and the documents') {@code act} sends, as {@code "<command> <collection>"}. */
    private java.util.Map<String, Integer> claimRoundTrips(com.mongodb.ConnectionString server, java.util.function.Consumer<PermitCommandTypes.ApplyForPermitType> act) {
        return CompanyClaimsFixture.roundTrips(server, database, node.axon(), collection -> collection.contains("claims"), type -> { }, act);
    }

    @Test
    @DisplayName("ADR 0070 (002 art. 23.2, 25.1): an application writes its company's claim and its documents' claims in one insert, and "
            + "two more companies, each on papers of its own, one round trip each (session 28, F462: before, naming the same papers, the first "
            + "read the claims once per node, then no more)")
    void an_applications_claims_are_one_insert(com.mongodb.ConnectionString server) {
        Instant t = Instant.parse("2026-11-20T03:00:00Z");
        assertThat(claimRoundTrips(server, counted -> counted.handle(Applications.complete(), signed(logged("cmd-1"), t))))
                .as("the first application: its company and its six documents").isEqualTo(java.util.Map.of("insert document_claims", 1));
        new mn.registry.command.api.CommandLog(database, Clock.systemUTC()).done("cmd-1", "{}", 200); // answered, as the pipeline does
        assertThat(claimRoundTrips(server, counted -> {
            counted.handle(Applications.completeOn("6543211", Applications.papersOf("6543211", node.documents())), signed(logged("cmd-2"), t.plusSeconds(60)));
            counted.handle(Applications.completeOn("6543212", Applications.papersOf("6543212", node.documents())), signed(logged("cmd-3"), t.plusSeconds(120)));
        })).as("two more companies, each on six documents of its own").isEqualTo(java.util.Map.of("insert document_claims", 2));
        assertThat(storedEvents()).hasSize(3);
        assertThat(database.getCollection(CompanyPermitClaims.COLLECTION).countDocuments(com.mongodb.client.model.Filters.in("_id", "6543210",
                "6543211", "6543212"))).as("the three companies' claims").isEqualTo(3);
    }

    @Test
    @DisplayName("ADR 0070 (002 art. 23.2), abuse: a company with an application under review applies again naming fresh documents; refused, "
            + "naming the application that holds the company, and none of its documents is left claimed")
    void a_refused_company_leaves_its_documents_unclaimed() {
        Instant t = Instant.parse("2026-11-20T03:00:00Z");
        PermitRegistrationReceipt first = node.type().handle(Applications.complete(), signed(logged("cmd-1"), t));
        List<SubmittedDocument> fresh = new ArrayList<>();
        for (SubmittedDocument d : Applications.mandatoryDocuments()) {
            fresh.add(new SubmittedDocument(d.kind(), node.documents().receive(("second " + d.kind()).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "text/plain; charset=utf-8", "second.txt").document().sha256()));
        }
        assertThatThrownBy(() -> node.type().handle(new ApplyForPermit(Applications.MONGOLIAN, false, fresh), signed(logged("cmd-2"), t.plusSeconds(60))))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("permit.company-already-holds");
                    assertThat(p.field()).isEqualTo("company.registrationNumber");
                    assertThat(p.getMessage()).contains(first.applicationId().value());
                });
        mn.registry.command.claim.DocumentClaims claims = CompanyClaimsFixture.documentClaims(database);
        assertThat(fresh).allSatisfy(d -> assertThat(claims.holder(d.sha256())).as(d.kind().name()).isEmpty());
        assertThat(storedEvents()).hasSize(1);
    }

    private void assertNothingStored() {
        assertThat(storedEvents()).isEmpty();
        assertThat(database.getCollection(MongoPermitApplicationIds.COLLECTION).countDocuments()).isZero();
    }

    @Test
    @DisplayName("ADR 0031 (002 art. 23.2, 28.2), abuse: a company with an application under review applies again; refused before a receipt "
            + "number is taken, nothing stored, and the company's claim stays with the first")
    void second_application_of_a_company_is_refused() {
        Instant t = Instant.parse("2026-11-20T03:00:00Z");
        PermitRegistrationReceipt first = node.type().handle(Applications.complete(), signed("cmd-1", t));
        int stored = storedEvents().size();

        assertThatThrownBy(() -> node.type().handle(Applications.complete(), signed("cmd-2", t.plusSeconds(60))))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("permit.company-already-holds");
                    assertThat(p.kind().status()).isEqualTo(409);
                    assertThat(p.field()).isEqualTo("company.registrationNumber");
                    assertThat(p.article()).contains("002 art. 23.2");
                });

        assertThat(storedEvents()).hasSize(stored);
        assertThat(database.getCollection(CompanyPermitClaims.COLLECTION).find(com.mongodb.client.model.Filters.ne("_id", CompanyPermitClaimsBackfill.MARKER)).first().getString("applicationId")).isEqualTo(first.applicationId().value());
        // the next application of another company takes the next number: the refusal took none
        assertThat(node.type().handle(Applications.completeFor("6543211"), signed("cmd-3", t.plusSeconds(120))).receiptNumber().value())
                .isEqualTo("SP-2026-000002");
    }

    @Test
    @DisplayName("ADR 0031: a refused application leaves the company free at once: the registry asks the application, not a projection")
    void a_refused_application_frees_the_company() {
        Instant t = Instant.parse("2026-11-20T03:00:00Z");
        PermitRegistrationReceipt first = node.type().handle(Applications.complete(), signed("cmd-1", t));
        node.axon().commandGateway().sendAndWait(Signed.signed(new mn.registry.kernel.permit.RefusePermitApplication(first.applicationId(),
                List.of(new mn.registry.kernel.permit.RefusalReason(mn.registry.kernel.permit.PermitRequirement.CERTIFICATE_ISSUING_PROCEDURE,
                        "the procedure does not describe revocation"))), new PersonId("reviewer-1"), t.plusSeconds(3_600), Role.MINISTRY_REVIEWER));

        assertThat(node.type().handle(Applications.complete(), signed("cmd-2", t.plusSeconds(7_200))).applicationId()).isNotEqualTo(first.applicationId());
    }

    @Test
    @DisplayName("ADR 0031: a claim left by a stop between the claim and the events (no events, no command-log entry) does not block the company")
    void a_claim_left_by_a_stop_is_taken_over() {
        database.getCollection(CompanyPermitClaims.COLLECTION).insertOne(new org.bson.Document("_id", "6543210")
                .append("applicationId", "00000000-0000-0000-0000-00000000dead").append("commandId", "crashed").append("claimedAt", "2026-11-20T02:00:00Z"));

        PermitRegistrationReceipt receipt = node.type().handle(Applications.complete(), signed("cmd-1", Instant.parse("2026-11-20T03:00:00Z")));

        assertThat(database.getCollection(CompanyPermitClaims.COLLECTION).find(com.mongodb.client.model.Filters.ne("_id", CompanyPermitClaimsBackfill.MARKER)).first().getString("applicationId")).isEqualTo(receipt.applicationId().value());
    }

    @Test
    @DisplayName("002 art. 25.1.1 (abuse audit O8): the registration number is seven ASCII digits: full-width digits, a space, padding or a "
            + "longer number would name the same company twice")
    void registration_number_is_seven_ascii_digits() {
        Instant t = Instant.parse("2026-11-20T03:00:00Z");
        int n = 0;
        for (String number : List.of("\uFF16\uFF15\uFF14\uFF13\uFF12\uFF11\uFF10", "6543 210", "6543210 ", "06543210", "654321", "654321O")) {
            String commandId = "bad-" + n++;
            assertThatThrownBy(() -> node.type().handle(Applications.completeFor(number), signed(commandId, t)))
                    .as(number).isInstanceOfSatisfying(RegistryProblem.class, p -> {
                        assertThat(p.code()).isEqualTo("permit.registration-number-malformed");
                        assertThat(p.field()).isEqualTo("company.registrationNumber");
                    });
        }
        assertThat(storedEvents()).isEmpty();
        assertThat(database.getCollection(CompanyPermitClaims.COLLECTION).countDocuments(com.mongodb.client.model.Filters.ne("_id", CompanyPermitClaimsBackfill.MARKER))).isZero();
    }
}
