package mn.registry.permit.command;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.CommandLog;
import mn.registry.command.api.SignedCommandType;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.command.claim.DocumentKind;
import mn.registry.document.DocumentStore;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.ApplyForPermit;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.permit.PermitChangeReported;
import mn.registry.kernel.permit.PermitExpired;
import mn.registry.kernel.permit.ReportPermitChange;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.kernel.permit.SubmittedDocument;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.util.unit.DataSize;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static mn.registry.permit.command.PermitLifecycleTest.HOLDER;
import static mn.registry.permit.command.PermitLifecycleTest.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static mn.registry.testing.Refusals.refusedAs;

/**
 * Session 27, claims (ADR 0057 "Session 27"; ADR 0046 item 103; abuse audit F449-F452, was O234, O218, O210): a company's own papers
 * across a change report and an application. The claims of a permit application's documents and of a change report name the company
 * (its state registration number); the two kinds share one company's papers, never another's; the permit keeps its reported documents,
 * so the one-report rule holds where the report passes on the application's claim; a permit application and a Free Zone application
 * share a company's papers, not two companies'. Permit {@link PermitLifecycleTest#ID} is in force, of company 6543210
 * ({@link Applications#MONGOLIAN}).
 */
@ExtendWith(EmbeddedMongoExtension.class)
class DocumentClaimsRound27Test {

    static final Instant REPORTED = Instant.parse("2025-06-03T02:00:00Z");
    static final Instant EXPIRED = Instant.parse("2029-12-10T02:00:00Z");
    static final Instant APPLIED = Instant.parse("2029-12-11T02:00:00Z");
    static final String COMPANY = Applications.MONGOLIAN.registrationNumber();

    private MongoDatabase database;
    private DocumentStore documents;
    private InMemoryEventStorageEngine engine;
    private Configuration axon;
    private CommandLog commandLog;
    private DocumentClaims claims;
    private SignedCommandType<ReportPermitChange> report;
    private PermitCommandTypes.ApplyForPermitType apply;

    @BeforeEach
    void start(MongoDatabase database) {
        this.database = database;
        documents = new DocumentStore(database, Clock.systemUTC(), DataSize.ofMegabytes(1));
        for (RequiredDocument kind : RequiredDocument.values()) {
            documents.receive(Applications.content(kind), "text/plain; charset=utf-8", kind.name().toLowerCase() + ".txt");
        }
        engine = new InMemoryEventStorageEngine();
        axon = CompanyClaimsFixture.permitAxon(database, documents, engine);
        List<Object> active = PermitLifecycleTest.active();
        for (int i = 0; i < active.size(); i++) {
            axon.eventStore().publish(new GenericDomainEventMessage<>("PermitApplication", ID.value(), i, active.get(i)));
        }
        commandLog = new CommandLog(database, Clock.systemUTC());
        claims = DocumentClaims.backfilled(database, commandLog);
        report = new PermitCommandTypes(axon.commandGateway()).reportPermitChange(claims);
        apply = new PermitCommandTypes.ApplyForPermitType(axon.commandGateway(), new MongoPermitApplicationIds(database),
                CompanyClaimsFixture.claims(database, axon), claims);
    }

    @AfterEach
    void shutdown() {
        axon.shutdown();
    }

    private String received(String words) {
        return documents.receive(words.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8", "paper.txt").document().sha256();
    }

    /** A paper the registry received first at {@code at} (its receipt is what {@code PermitServices.documentReceivedAt} reads). */
    private String receivedAt(String words, Instant at) {
        return new DocumentStore(database, Clock.fixed(at, ZoneOffset.UTC), DataSize.ofMegabytes(1))
                .receive(words.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8", "paper.txt").document().sha256();
    }

    /** What the command pipeline does first: the command id is claimed in the command log. */
    private CommandContext signed(String commandId, Instant at) {
        commandLog.claim(commandId, commandId + "-jws", "jws", "Act", HOLDER.value());
        return new CommandContext(commandId, at, at, HOLDER, Set.of(Role.APPLICANT), Set.of(), "ab".repeat(32));
    }

    private Object reportOn(String document, String commandId) {
        return report.handle(new ReportPermitChange(ID, LocalDate.of(2025, 6, 2), "New registered address", document), signed(commandId, REPORTED));
    }

    /** A complete application of company {@code number} naming {@code copy} as its state registration certificate (002 art. 25.1.1). */
    private static ApplyForPermit applicationOn(String number, String copy) {
        List<SubmittedDocument> named = new ArrayList<>();
        for (SubmittedDocument d : Applications.completeFor(number).documents()) {
            named.add(d.kind() == RequiredDocument.STATE_REGISTRATION_CERTIFICATE ? new SubmittedDocument(d.kind(), copy) : d);
        }
        return new ApplyForPermit(Applications.completeFor(number).company(), false, named);
    }

    /** A claim as an earlier act left it (a kind, its grounds, the company it names, if any), held by a logged command. */
    private void claimed(String sha256, DocumentKind kind, String grounds, String company) {
        String command = "cmd-earlier-" + sha256.substring(0, 8);
        commandLog.claim(command, command + "-jws", "jws", "Act", "someone");
        Document claim = new Document("_id", sha256).append("kind", kind.code()).append("commandId", command)
                .append("claimedAt", REPORTED.toString()).append("grounds", grounds);
        database.getCollection(DocumentClaims.COLLECTION).insertOne(company == null ? claim : claim.append("company", company));
    }

    private Document claimOf(String sha256) {
        return database.getCollection(DocumentClaims.COLLECTION).find(Filters.eq("_id", sha256)).first();
    }

    private <T> List<T> stored(Class<T> type) {
        return engine.readEvents(null, false).<EventMessage<?>>map(m -> m).map(EventMessage::getPayload).filter(type::isInstance).map(type::cast).toList();
    }

    private void expire() {
        axon.eventStore().publish(new GenericDomainEventMessage<>("PermitApplication", ID.value(), engine.readEvents(ID.value(), 0).asStream().count(),
                new PermitExpired(ID, PermitLifecycleTest.VALID_UNTIL, EXPIRED, "002 art. 29.2")));
    }

    @Test
    @DisplayName("002 art. 25.1.1 (F449, was O234): an application's claims name its company, the state registration number, in the one insert")
    void an_applications_claims_name_its_company() {
        var receipt = apply.handle(Applications.completeFor("6543211"), signed("cmd-1", APPLIED));
        for (SubmittedDocument d : Applications.mandatoryDocuments()) {
            Document claim = claimOf(d.sha256());
            assertThat(List.of(claim.getString("company"), claim.getString("grounds"))).as(d.kind().name())
                    .containsExactly("6543211", DocumentClaims.Grounds.PERMIT.of(receipt.applicationId().value()));
        }
    }

    @Test
    @DisplayName("002 art. 20.3.3 (F456, was O294; ADR 0046 item 117, narrowing item 103): abuse: the holder reports a change after the issue "
            + "on its own application's copy, received with the application: refused (permit.change-document-before-the-change), nothing "
            + "stored, the claim left the application's")
    void the_applications_copy_is_refused_to_a_change_after_the_issue() {
        String copy = receivedAt("state register extract of 6543210, named in its application", PermitLifecycleTest.RECEIVED);
        claimed(copy, DocumentKind.PERMIT_APPLICATION_DOCUMENT, DocumentClaims.Grounds.PERMIT.of(ID.value()), COMPANY);

        assertThatThrownBy(() -> reportOn(copy, "cmd-1")).satisfies(t -> refusedAs(t, "permit.change-document-before-the-change",
                "documentSha256", "002 art. 20.3.3"));

        assertThat(stored(PermitChangeReported.class)).isEmpty();
        assertThat(List.of(claimOf(copy).getString("kind"), claimOf(copy).getString("commandId")))
                .containsExactly("permit-application-document", "cmd-earlier-" + copy.substring(0, 8));
    }

    @Test
    @DisplayName("002 art. 20.3.3 (F456, was O294; ADR 0046 item 117): abuse: a paper the registry received the day before the named change "
            + "(23:59:59 in Ulaanbaatar) is refused, nothing stored, no claim left taken; happy: one received at 00:00 of the change's day, "
            + "and one received after it, are accepted")
    void a_change_is_shown_by_a_paper_received_on_or_after_its_day() {
        LocalDate changedOn = LocalDate.of(2025, 6, 2);
        String dayBefore = receivedAt("state register extract of 6543210, 1 June", Instant.parse("2025-06-01T15:59:59Z"));
        String changesDay = receivedAt("state register extract of 6543210, 2 June", Instant.parse("2025-06-01T16:00:00Z"));
        String dayAfter = receivedAt("state register extract of 6543210, 3 June", Instant.parse("2025-06-03T01:00:00Z"));

        assertThatThrownBy(() -> reportOn(dayBefore, "cmd-1")).satisfies(t -> refusedAs(t, "permit.change-document-before-the-change",
                "documentSha256", "002 art. 20.3.3"));
        assertThat(stored(PermitChangeReported.class)).isEmpty();
        assertThat(claimOf(dayBefore)).as("the report's claim released").isNull();

        reportOn(changesDay, "cmd-2");
        reportOn(dayAfter, "cmd-3");

        assertThat(stored(PermitChangeReported.class)).extracting(PermitChangeReported::documentSha256, PermitChangeReported::changedOn)
                .containsExactly(tuple(changesDay, changedOn), tuple(dayAfter, changedOn));
    }

    @Test
    @DisplayName("002 art. 20.3.3, 25.1.1 (F449, F456; ADR 0046 items 103, 117): the holder reports a change on a copy its company named in "
            + "an application, received on the change's day: accepted, the application's claim kept; abuse: a second report on the same copy "
            + "is refused (permit.change-document-used), nothing stored")
    void the_holder_reports_a_change_on_its_own_applications_copy_received_on_the_changes_day() {
        String copy = receivedAt("state register extract of 6543210, named in its application again", Instant.parse("2025-06-02T01:00:00Z"));
        claimed(copy, DocumentKind.PERMIT_APPLICATION_DOCUMENT, "permit:another-of-6543210", COMPANY);

        reportOn(copy, "cmd-1");

        assertThat(stored(PermitChangeReported.class)).extracting(PermitChangeReported::documentSha256).containsExactly(copy);
        assertThat(claimOf(copy).getString("kind")).isEqualTo("permit-application-document");
        assertThatThrownBy(() -> reportOn(copy, "cmd-2")).satisfies(t -> refusedAs(t, "permit.change-document-used", "documentSha256",
                "002 art. 20.3.3"));
        assertThat(stored(PermitChangeReported.class)).hasSize(1);
        assertThat(claimOf(copy).getString("kind")).as("still the application's").isEqualTo("permit-application-document");
    }

    @Test
    @DisplayName("002 art. 20.3.3 (F452; ADR 0057 round 1's pair): abuse: the holder reports two changes on the director's decision an "
            + "identity act holds (the pair passes each, the claim stays the order's); the second is refused by the permit, nothing stored")
    void a_second_report_on_an_identity_orders_document_is_refused() {
        String decision = received("the holder's decision naming its new director, an enrolment's power of representation");
        claimed(decision, DocumentKind.IDENTITY_ORDER, null, null);

        reportOn(decision, "cmd-1");

        assertThatThrownBy(() -> reportOn(decision, "cmd-2")).satisfies(t -> refusedAs(t, "permit.change-document-used", "documentSha256",
                "002 art. 20.3.3"));
        assertThat(stored(PermitChangeReported.class)).hasSize(1);
        assertThat(claimOf(decision).getString("kind")).isEqualTo("identity-order");
    }

    @Test
    @DisplayName("002 art. 20.3.3, 25.1.1 (F449; abuse that held): the holder reports a change on another company's application copy, or on "
            + "a copy claimed before session 27 (no company named): refused across kinds, nothing stored, the claim left as it was")
    void another_companys_copy_is_refused_to_the_report() {
        String others = received("state register extract of 7654321");
        String unnamed = received("state register extract of 6543210, claimed before session 27");
        claimed(others, DocumentKind.PERMIT_APPLICATION_DOCUMENT, "permit:another", "7654321");
        claimed(unnamed, DocumentKind.PERMIT_APPLICATION_DOCUMENT, DocumentClaims.Grounds.PERMIT.of(ID.value()), null);

        for (String copy : List.of(others, unnamed)) {
            assertThatThrownBy(() -> reportOn(copy, "cmd-" + copy.substring(0, 6))).satisfies(t -> refusedAs(t,
                    "document.claimed-by-another-act.permit-application-document", "documentSha256", "002 art. 20.3.3"));
            assertThat(claimOf(copy).getString("commandId")).startsWith("cmd-earlier-");
        }
        assertThat(stored(PermitChangeReported.class)).isEmpty();
    }

    @Test
    @DisplayName("002 art. 20.3.3, 25.1.1 (F449, was O234; ADR 0046 item 103): after its permit expired the company applies again naming "
            + "the extract its change report cited: accepted; abuse: another company naming that extract is refused, nothing stored and "
            + "nothing of it left claimed")
    void the_company_applies_again_on_the_extract_its_report_cited() {
        String extract = received("state register extract of 6543210: new address");
        reportOn(extract, "cmd-1");
        assertThat(List.of(claimOf(extract).getString("kind"), String.valueOf(claimOf(extract).getString("company"))))
                .containsExactly("change-report", COMPANY);
        expire();

        assertThatThrownBy(() -> apply.handle(applicationOn("6543211", extract), signed("cmd-2", APPLIED))).satisfies(t -> refusedAs(t,
                "document.claimed-by-another-act.change-report", "documents.STATE_REGISTRATION_CERTIFICATE", "002 art. 25.1.1"));
        assertThat(stored(PermitApplicationRegistered.class)).hasSize(1);
        assertThat(database.getCollection(DocumentClaims.COLLECTION).countDocuments(Filters.in("_id", "6543211"))).as("its company").isZero();

        var again = apply.handle(applicationOn(COMPANY, extract), signed("cmd-3", APPLIED.plusSeconds(60)));

        assertThat(stored(PermitApplicationRegistered.class)).extracting(PermitApplicationRegistered::applicationId).contains(again.applicationId());
        assertThat(claimOf(extract).getString("kind")).as("still the report's").isEqualTo("change-report");
    }

    @Test
    @DisplayName("002 art. 25.1.1; 003 art. 12.1.1 (F450, was O218): a permit application naming another company's Free Zone application "
            + "documents is refused, nothing stored; the company naming its own certificate in both registers is accepted")
    void a_permit_application_shares_a_zone_applications_papers_of_its_own_company_only() {
        String certificate = received("state registration certificate of 6543210, named in a Free Zone application");
        claimed(certificate, DocumentKind.ZONE_APPLICATION_DOCUMENT, "registration:fz-registration-altanbulag:mn-6543210", null);
        expire();

        // session 29: the refusal names the paper another company's (ADR 0057 item 13 made the zone kind one company's; ADR 0061 item 44's
        // refusal across a shared pair), where it named another act before
        assertThatThrownBy(() -> apply.handle(applicationOn("6543211", certificate), signed("cmd-1", APPLIED))).satisfies(t -> refusedAs(t,
                "document.claimed-by-another-company.zone-application-document", "documents.STATE_REGISTRATION_CERTIFICATE", "002 art. 25.1.1"));
        assertThat(stored(PermitApplicationRegistered.class)).hasSize(1);

        apply.handle(applicationOn(COMPANY, certificate), signed("cmd-2", APPLIED.plusSeconds(60)));

        assertThat(stored(PermitApplicationRegistered.class)).hasSize(2);
        assertThat(claimOf(certificate).getString("kind")).isEqualTo("zone-application-document");
    }

    @Test
    @DisplayName("002 art. 20.3.3; 003 art. 12.1.1 (F451, was O210): the holder reports a change on the copy its company named in a Free Zone "
            + "application: accepted; on another entity's (a Mongolian company's, a foreign entity's): refused across kinds, nothing stored")
    void a_change_report_shares_a_zone_applications_papers_of_its_own_company_only() {
        String own = received("state register extract of 6543210, named in a Free Zone application");
        String others = received("state register extract of 7654321, named in a Free Zone application");
        String foreign = received("a foreign entity's registration, named in a Free Zone application");
        claimed(own, DocumentKind.ZONE_APPLICATION_DOCUMENT, "registration:fz-registration-altanbulag:mn-6543210", null);
        claimed(others, DocumentKind.ZONE_APPLICATION_DOCUMENT, "registration:fz-registration-altanbulag:mn-7654321", null);
        claimed(foreign, DocumentKind.ZONE_APPLICATION_DOCUMENT, "registration:fz-registration-altanbulag:cn-6543210", null);

        for (String copy : List.of(others, foreign)) {
            assertThatThrownBy(() -> reportOn(copy, "cmd-" + copy.substring(0, 6))).satisfies(t -> refusedAs(t,
                    "document.claimed-by-another-act.zone-application-document", "documentSha256", "002 art. 20.3.3"));
        }
        assertThat(stored(PermitChangeReported.class)).isEmpty();

        reportOn(own, "cmd-own");

        assertThat(stored(PermitChangeReported.class)).extracting(PermitChangeReported::documentSha256).containsExactly(own);
    }

    @Test
    @DisplayName("Issue 15 (002 art. 25.1.1): an application's claims name its company without a round trip more: every database command of "
            + "an application on fresh papers, and of the company's application again on its report's extract")
    void the_company_on_the_claims_costs_no_round_trip(ConnectionString server) {
        String extract = received("state register extract of 6543210: new director");
        reportOn(extract, "cmd-1");
        expire();
        Map<String, Integer> fresh = CompanyClaimsFixture.roundTrips(server, database, axon, collection -> true, type -> { },
                type -> type.handle(Applications.completeOn("6543211", Applications.papersOf("6543211", documents)), signed("cmd-2", APPLIED)));
        assertThat(fresh).as("an application on papers no act cited (as on fa5c89fe)")
                .isEqualTo(Map.of("insert document_claims", 1));
        Map<String, Integer> again = CompanyClaimsFixture.roundTrips(server, database, axon, collection -> true, type -> { },
                type -> type.handle(applicationOn(COMPANY, extract), signed("cmd-3", APPLIED.plusSeconds(60))));
        // the one insert; the company's claim taken over from the expired permit (ADR 0031: an insert again after a read and a delete);
        // the extract's claim and its command read once (ADR 0057 session 24 item 6), judged on the company the claim names: no read more
        assertThat(again).as("the company again on its report's extract")
                .isEqualTo(Map.of("insert document_claims", 3, "find document_claims", 2, "delete document_claims", 1, "find commands", 1));
    }
}
