package mn.registry.permit.command;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.CommandLog;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.command.claim.DocumentKind;
import mn.registry.document.DocumentStore;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.ApplyForPermit;
import mn.registry.kernel.permit.PermitApplicationRefused;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.permit.PermitRequirement;
import mn.registry.kernel.permit.RefusalReason;
import mn.registry.kernel.permit.ReportPermitChange;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.kernel.permit.SubmittedDocument;
import mn.registry.kernel.problem.RegistryProblem;
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

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Session 28, claims (ADR 0057 items 8-12; abuse audit F462, was O290): a company's papers are its own within one kind too. A permit
 * application's documents ({@code permit-application-document}, shared by the kind's acts) serve one company's applications: another
 * company's application naming one of them is refused, on the node that stored the first application (which knows its claims held for
 * good) and on any other. Company A is 6543211, company B 6543212; each has papers of its own ({@link Applications#papersOf}).
 */
@ExtendWith(EmbeddedMongoExtension.class)
class DocumentClaimsRound28Test {

    static final Instant APPLIED = Instant.parse("2026-11-20T03:00:00Z");
    static final String A = "6543211";
    static final String B = "6543212";
    static final String REFUSED_AS = "document.claimed-by-another-company.permit-application-document";

    private MongoDatabase database;
    private DocumentStore documents;
    private InMemoryEventStorageEngine engine;
    private Configuration axon;
    private CommandLog commandLog;
    private PermitCommandTypes.ApplyForPermitType apply;

    @BeforeEach
    void start(MongoDatabase database) {
        this.database = database;
        documents = new DocumentStore(database, Clock.systemUTC(), DataSize.ofMegabytes(1));
        engine = new InMemoryEventStorageEngine();
        axon = CompanyClaimsFixture.permitAxon(database, documents, engine);
        commandLog = new CommandLog(database, Clock.systemUTC());
        apply = node();
    }

    @AfterEach
    void shutdown() {
        axon.shutdown();
    }

    /** A registry node on the same database: its own claims of companies and documents, so its own {@code ClaimsHeldForGood}. */
    private PermitCommandTypes.ApplyForPermitType node() {
        return new PermitCommandTypes.ApplyForPermitType(axon.commandGateway(), new MongoPermitApplicationIds(database),
                CompanyClaimsFixture.claims(database, axon), DocumentClaims.backfilled(database, commandLog));
    }

    /** What the command pipeline does first: the command id is claimed in the command log. */
    private CommandContext signed(String commandId, Instant at) {
        commandLog.claim(commandId, commandId + "-jws", "jws", "ApplyForPermit", "applicant-1");
        return new CommandContext(commandId, at, at, new PersonId("applicant-1"), Set.of(Role.APPLICANT), Set.of(), "ab".repeat(32));
    }

    /** An application accepted and answered, as the pipeline leaves it (its command done: its claims held for good). */
    private ApplicationId accepted(PermitCommandTypes.ApplyForPermitType on, ApplyForPermit application, String commandId, Instant at) {
        ApplicationId id = on.handle(application, signed(commandId, at)).applicationId();
        commandLog.done(commandId, "{}", 200);
        return id;
    }

    /** {@code papers} with {@code kind}'s replaced by {@code instead}. */
    private static List<SubmittedDocument> with(List<SubmittedDocument> papers, RequiredDocument kind, String instead) {
        List<SubmittedDocument> named = new ArrayList<>();
        for (SubmittedDocument d : papers) {
            named.add(d.kind() == kind ? new SubmittedDocument(kind, instead) : d);
        }
        return named;
    }

    private static String certificateOf(List<SubmittedDocument> papers) {
        return papers.stream().filter(d -> d.kind() == RequiredDocument.STATE_REGISTRATION_CERTIFICATE).findFirst().orElseThrow().sha256();
    }

    /** The reviewer refuses the application (002 art. 26.3): stored as the aggregate stores it, on its stream. */
    private void refusedOnReview(ApplicationId id) {
        axon.eventStore().publish(new GenericDomainEventMessage<>("PermitApplication", id.value(), engine.readEvents(id.value(), 0).asStream().count(),
                new PermitApplicationRefused(id, List.of(new RefusalReason(PermitRequirement.STATE_REGISTRATION_CERTIFICATE, "the extract is a year old")),
                        APPLIED.plusSeconds(3_600), new PersonId("reviewer-1"), "002 art. 26.3")));
    }

    private List<PermitApplicationRegistered> registered() {
        return stored(PermitApplicationRegistered.class);
    }

    private String received(String words) {
        return documents.receive(words.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain; charset=utf-8", "paper.txt").document().sha256();
    }

    private <T> List<T> stored(Class<T> type) {
        return engine.readEvents(null, false).<EventMessage<?>>map(m -> m).map(EventMessage::getPayload).filter(type::isInstance).map(type::cast).toList();
    }

    private Document claimOf(String key) {
        return database.getCollection(DocumentClaims.COLLECTION).find(Filters.eq("_id", key)).first();
    }

    /** Refused with the kind's own code, 409, the field and article of the paper named; nothing of company B's left claimed. */
    private void refusedAsAnotherCompanysPaper(Throwable t, List<SubmittedDocument> bsOwn) {
        assertThat(t).isInstanceOfSatisfying(RegistryProblem.class, p -> {
            assertThat(p.code()).isEqualTo(REFUSED_AS);
            assertThat(p.kind()).isEqualTo(RegistryProblem.Kind.CONFLICT);
            assertThat(p.field()).isEqualTo("documents.STATE_REGISTRATION_CERTIFICATE");
            assertThat(p.article()).isEqualTo("002 art. 25.1.1");
            assertThat(p.getMessage()).doesNotContain(A).contains("another company's permit application");
        });
        assertThat(claimOf(B)).as("B's company claim released").isNull();
        assertThat(bsOwn).filteredOn(d -> d.kind() != RequiredDocument.STATE_REGISTRATION_CERTIFICATE)
                .allSatisfy(d -> assertThat(claimOf(d.sha256())).as(d.kind().name()).isNull());
    }

    @Test
    @DisplayName("002 art. 25.1.1 (F462, was O290; ADR 0057 item 8): abuse: company B applies naming company A's state registration "
            + "certificate, which A's stored application holds: refused 409 document.claimed-by-another-company.permit-application-document, "
            + "nothing stored, none of B's claims left; happy: B on papers of its own is accepted")
    void another_companys_application_papers_are_refused() {
        List<SubmittedDocument> as = Applications.papersOf(A, documents);
        List<SubmittedDocument> bs = Applications.papersOf(B, documents);
        accepted(apply, Applications.completeOn(A, as), "cmd-a", APPLIED);

        assertThatThrownBy(() -> apply.handle(Applications.completeOn(B, with(bs, RequiredDocument.STATE_REGISTRATION_CERTIFICATE,
                certificateOf(as))), signed("cmd-b", APPLIED.plusSeconds(60)))).satisfies(t -> refusedAsAnotherCompanysPaper(t, bs));

        assertThat(registered()).extracting(r -> r.company().registrationNumber()).containsExactly(A);
        assertThat(List.of(claimOf(certificateOf(as)).getString("commandId"), claimOf(certificateOf(as)).getString("company")))
                .as("still A's").containsExactly("cmd-a", A);

        accepted(apply, Applications.completeOn(B, bs), "cmd-b2", APPLIED.plusSeconds(120));
        assertThat(registered()).extracting(r -> r.company().registrationNumber()).containsExactly(A, B);
    }

    @Test
    @DisplayName("002 art. 25.1.1 (F462; ADR 0057 item 8): happy: company A applies again on its own papers after the reviewer refused its "
            + "first application, on a second node (which reads the claims and knows them held for good); abuse: company B then names A's "
            + "certificate on that node: refused, nothing stored (the node's short cut remembers the company)")
    void another_company_is_refused_on_a_node_that_knows_the_claims_held() {
        List<SubmittedDocument> as = Applications.papersOf(A, documents);
        List<SubmittedDocument> bs = Applications.papersOf(B, documents);
        ApplicationId first = accepted(apply, Applications.completeOn(A, as), "cmd-a1", APPLIED);
        refusedOnReview(first);
        PermitCommandTypes.ApplyForPermitType second = node();

        accepted(second, Applications.completeOn(A, as), "cmd-a2", APPLIED.plusSeconds(7_200));

        assertThatThrownBy(() -> second.handle(Applications.completeOn(B, with(bs, RequiredDocument.STATE_REGISTRATION_CERTIFICATE,
                certificateOf(as))), signed("cmd-b", APPLIED.plusSeconds(7_260)))).satisfies(t -> refusedAsAnotherCompanysPaper(t, bs));
        assertThat(registered()).extracting(r -> r.company().registrationNumber()).containsExactly(A, A);
    }

    @Test
    @DisplayName("002 art. 25.1.1, 26.3 (F462; abuse that held): the reviewer refused company A's application; B then names A's certificate "
            + "on the node that stored it: refused, the claim stays A's (a stored application's claims are held while its command is); a paper "
            + "only a refused command named was released with it (nothing stored) and is the next company's that names it")
    void a_refused_application_keeps_its_papers_its_companys() {
        List<SubmittedDocument> as = Applications.papersOf(A, documents);
        List<SubmittedDocument> bs = Applications.papersOf(B, documents);
        ApplicationId first = accepted(apply, Applications.completeOn(A, as), "cmd-a1", APPLIED);
        refusedOnReview(first);

        assertThatThrownBy(() -> apply.handle(Applications.completeOn(B, with(bs, RequiredDocument.STATE_REGISTRATION_CERTIFICATE,
                certificateOf(as))), signed("cmd-b", APPLIED.plusSeconds(7_200)))).satisfies(t -> refusedAsAnotherCompanysPaper(t, bs));
        assertThat(claimOf(certificateOf(as)).getString("commandId")).isEqualTo("cmd-a1");

        // A, holding an application under review (its second), names a fresh extract in a third: refused for the company, the extract released
        accepted(apply, Applications.completeOn(A, as), "cmd-a2", APPLIED.plusSeconds(7_300));
        String fresh = documents.receive("a fresh extract of 6543211".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain; charset=utf-8",
                "extract.txt").document().sha256();
        assertThatThrownBy(() -> apply.handle(Applications.completeOn(A, with(as, RequiredDocument.STATE_REGISTRATION_CERTIFICATE, fresh)),
                signed("cmd-a3", APPLIED.plusSeconds(7_400)))).isInstanceOfSatisfying(RegistryProblem.class,
                p -> assertThat(p.code()).isEqualTo("permit.company-already-holds"));
        assertThat(claimOf(fresh)).isNull();
        accepted(apply, Applications.completeOn(B, with(bs, RequiredDocument.STATE_REGISTRATION_CERTIFICATE, fresh)), "cmd-b2", APPLIED.plusSeconds(7_500));
        assertThat(claimOf(fresh).getString("company")).isEqualTo(B);
    }

    @Test
    @DisplayName("002 art. 25.1.1 (ADR 0057 item 8, choice): a paper whose claim names no company (stored before session 27, not yet named "
            + "by the start-up step of item 10) passes within the kind as before")
    void a_claim_naming_no_company_passes_within_the_kind() {
        List<SubmittedDocument> bs = Applications.papersOf(B, documents);
        String unnamed = certificateOf(Applications.papersOf("7654321", documents));
        commandLog.claim("cmd-old", "cmd-old-jws", "jws", "ApplyForPermit", "applicant-1");
        database.getCollection(DocumentClaims.COLLECTION).insertOne(new Document("_id", unnamed).append("kind", DocumentKind.PERMIT_APPLICATION_DOCUMENT.code())
                .append("commandId", "cmd-old").append("claimedAt", APPLIED.toString()).append("grounds", "permit:an-old-application"));

        accepted(apply, Applications.completeOn(B, with(bs, RequiredDocument.STATE_REGISTRATION_CERTIFICATE, unnamed)), "cmd-b", APPLIED);

        assertThat(registered()).hasSize(1);
        assertThat(claimOf(unnamed).getString("company")).as("left as it was").isNull();
    }

    @Test
    @DisplayName("Issue 15 (002 art. 25.1.1; ADR 0057 item 11): each company on papers of its own costs no round trip more than main's benchmark "
            + "set-up (companies on one set of papers, on a node that knows them held): one insert per application, every database command counted")
    void papers_of_its_own_cost_no_round_trip_more(ConnectionString server) {
        List<SubmittedDocument> as = Applications.papersOf(A, documents);
        List<SubmittedDocument> bs = Applications.papersOf(B, documents);
        Map<String, Integer> own = CompanyClaimsFixture.roundTrips(server, database, axon, collection -> true,
                type -> accepted(type, Applications.completeOn(A, as), "cmd-a", APPLIED),
                type -> type.handle(Applications.completeOn(B, bs), signed("cmd-b", APPLIED.plusSeconds(60))));
        // on 45b6c963 the same count, B naming A's six papers on the node that stored A's: {insert document_claims=1} (the duplicate keys
        // passed by ClaimsHeldForGood without a read), as ApplyForPermitTypeTest#an_applications_claims_are_one_insert counted there
        assertThat(own).isEqualTo(Map.of("insert document_claims", 1));
    }

    /** The permit {@link PermitLifecycleTest#ID} in force, of company 6543210, stored as its acts left it. */
    private void permitInForce() {
        List<Object> active = PermitLifecycleTest.active();
        for (int i = 0; i < active.size(); i++) {
            axon.eventStore().publish(new GenericDomainEventMessage<>("PermitApplication", PermitLifecycleTest.ID.value(), i, active.get(i)));
        }
    }

    /** A claim as a release before session 27 wrote it: its kind and grounds, no company; held by a logged command. */
    private void claimedTheOldWay(String sha256, DocumentKind kind, String grounds) {
        String command = "cmd-old-" + sha256.substring(0, 8);
        commandLog.claim(command, command + "-jws", "jws", "Act", "someone");
        database.getCollection(DocumentClaims.COLLECTION).insertOne(new Document("_id", sha256).append("kind", kind.code()).append("commandId", command)
                .append("claimedAt", PermitLifecycleTest.RECEIVED.toString()).append("grounds", grounds));
    }

    /** One start's step (ADR 0057 item 10): the store read in its order, then at most {@code atMost} claims named; its counts. */
    private Document companiesNamed(long atMost) {
        mn.registry.command.claim.CompanyOnClaimsBackfill step = new mn.registry.command.claim.CompanyOnClaimsBackfill();
        engine.readEvents(null, false).forEach(event -> step.accept(event.getPayload()));
        return step.name(database.getCollection(DocumentClaims.COLLECTION), atMost);
    }

    private String receivedAt(String words, Instant at) {
        return new DocumentStore(database, Clock.fixed(at, java.time.ZoneOffset.UTC), DataSize.ofMegabytes(1))
                .receive(words.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain; charset=utf-8", "paper.txt").document().sha256();
    }

    private Object reportOn(String document, String commandId) {
        commandLog.claim(commandId, commandId + "-jws", "jws", "ReportPermitChange", PermitLifecycleTest.HOLDER.value());
        return new PermitCommandTypes(axon.commandGateway()).reportPermitChange(DocumentClaims.backfilled(database, commandLog))
                .handle(new ReportPermitChange(PermitLifecycleTest.ID, LocalDate.of(2025, 6, 2), "New registered address", document),
                        new CommandContext(commandId, DocumentClaimsRound27Test.REPORTED, DocumentClaimsRound27Test.REPORTED,
                                PermitLifecycleTest.HOLDER, Set.of(Role.APPLICANT), Set.of(), "ab".repeat(32)));
    }

    @Test
    @DisplayName("002 art. 20.3.3, 25.1.1 (F463, was O293; ADR 0057 item 10): claims stored before session 27 name no company: the start-up "
            + "step names the application's company on its papers' claims and the holder at the receipt on a report's; then the company's own "
            + "report on its application's copy passes (refused before the step, nothing stored) and another company's application naming the "
            + "copy is refused; run again it names nothing more")
    void the_claims_stored_before_session_27_are_given_their_company() {
        permitInForce();
        String copy = receivedAt("state register extract of 6543210, named in its application", Instant.parse("2025-06-02T01:00:00Z"));
        String reported = received("an extract a report of 6543210 cited");
        String stale = received("a paper of an application the store does not know");
        String grounds = DocumentClaims.Grounds.PERMIT.of(PermitLifecycleTest.ID.value());
        claimedTheOldWay(copy, DocumentKind.PERMIT_APPLICATION_DOCUMENT, grounds);
        claimedTheOldWay(reported, DocumentKind.CHANGE_REPORT, grounds);
        claimedTheOldWay(stale, DocumentKind.PERMIT_APPLICATION_DOCUMENT, "permit:never-stored");
        axon.eventStore().publish(new GenericDomainEventMessage<>("PermitApplication", PermitLifecycleTest.ID.value(),
                PermitLifecycleTest.active().size(), new mn.registry.kernel.permit.PermitChangeReported(PermitLifecycleTest.ID, LocalDate.of(2025, 5, 2),
                "New director", reported, Instant.parse("2025-05-03T02:00:00Z"), LocalDate.of(2025, 5, 16), false, PermitLifecycleTest.HOLDER)));

        assertThatThrownBy(() -> reportOn(copy, "cmd-before")).isInstanceOfSatisfying(RegistryProblem.class,
                p -> assertThat(p.code()).isEqualTo("document.claimed-by-another-act.permit-application-document"));
        assertThat(stored(mn.registry.kernel.permit.PermitChangeReported.class)).hasSize(1);

        Document counts = companiesNamed(Long.MAX_VALUE);

        assertThat(List.of(counts.get("named"), counts.get("unknown"))).containsExactly(2L, 1L);
        assertThat(List.of(String.valueOf(claimOf(copy).getString("company")), String.valueOf(claimOf(reported).getString("company")),
                String.valueOf(claimOf(stale).getString("company")))).containsExactly("6543210", "6543210", "null");
        reportOn(copy, "cmd-after");
        assertThat(stored(mn.registry.kernel.permit.PermitChangeReported.class)).extracting(r -> r.documentSha256()).containsExactly(reported, copy);
        List<SubmittedDocument> bs = Applications.papersOf(B, documents);
        assertThatThrownBy(() -> apply.handle(Applications.completeOn(B, with(bs, RequiredDocument.STATE_REGISTRATION_CERTIFICATE, copy)),
                signed("cmd-b", APPLIED))).satisfies(t -> refusedAsAnotherCompanysPaper(t, bs));
        assertThat(registered()).hasSize(1);

        Document again = companiesNamed(Long.MAX_VALUE);
        assertThat(List.of(again.get("named"), again.get("unnamed"))).as("run again: nothing more").containsExactly(0L, 1);
        assertThat(claimOf(copy).getString("company")).isEqualTo("6543210");
    }

    @Test
    @DisplayName("002 art. 25.1.1 (F463; ADR 0057 item 10): a start stopped after naming one claim (no marker written) is completed by the "
            + "next start's step, each claim named once")
    void a_start_stopped_half_way_is_completed_by_the_next() {
        permitInForce();
        String grounds = DocumentClaims.Grounds.PERMIT.of(PermitLifecycleTest.ID.value());
        List<String> papers = List.of(received("paper one of 6543210"), received("paper two of 6543210"), received("paper three of 6543210"));
        papers.forEach(paper -> claimedTheOldWay(paper, DocumentKind.PERMIT_APPLICATION_DOCUMENT, grounds));

        assertThat(companiesNamed(1).get("named")).as("stopped after one").isEqualTo(1L);
        assertThat(papers).filteredOn(paper -> claimOf(paper).getString("company") != null).hasSize(1);

        assertThat(companiesNamed(Long.MAX_VALUE).get("named")).as("the next start").isEqualTo(2L);
        assertThat(papers).allSatisfy(paper -> assertThat(claimOf(paper).getString("company")).isEqualTo("6543210"));
    }

    @Test
    @DisplayName("Issue 15 (002 art. 25.1.1, 26.2.1; ADR 0057 item 11): an application on papers of its own, which the node has not seen, "
            + "reads them in one find, not one per paper, and (session 29, ADR 0072) marks none cited: its claims keep them; the event names each as received")
    void papers_of_its_own_are_read_in_one_round_trip(ConnectionString server) {
        List<SubmittedDocument> as = Applications.papersOf(A, documents);
        Map<String, Integer> sent = new java.util.concurrent.ConcurrentSkipListMap<>();
        java.util.concurrent.atomic.AtomicBoolean counting = new java.util.concurrent.atomic.AtomicBoolean();
        try (com.mongodb.client.MongoClient client = CompanyClaimsFixture.countingClient(server, "documents"::equals, counting, sent)) {
            MongoDatabase same = client.getDatabase(database.getName());
            InMemoryEventStorageEngine itsEngine = new InMemoryEventStorageEngine();
            Configuration counted = CompanyClaimsFixture.permitAxon(same, new DocumentStore(same, Clock.systemUTC(), DataSize.ofMegabytes(1)),
                    itsEngine);
            try {
                PermitCommandTypes.ApplyForPermitType type = new PermitCommandTypes.ApplyForPermitType(counted.commandGateway(),
                        new MongoPermitApplicationIds(same), CompanyClaimsFixture.claims(same, counted), DocumentClaims.backfilled(same, commandLog));
                counting.set(true);
                type.handle(Applications.completeOn(A, as), signed("cmd-a", APPLIED));
                counting.set(false);
                assertThat(itsEngine.readEvents(null, false).<EventMessage<?>>map(m -> m).map(EventMessage::getPayload)
                        .filter(PermitApplicationRegistered.class::isInstance).map(PermitApplicationRegistered.class::cast)
                        .flatMap(r -> r.documents().stream()).map(d -> d.sha256()).toList())
                        .containsExactlyElementsOf(as.stream().map(SubmittedDocument::sha256).toList());
            } finally {
                counted.shutdown();
            }
        }
        // session 29 (ADR 0072, F492): the claims keep the papers, so they are no longer marked cited (main cbe966d3: and one update)
        assertThat(sent).isEqualTo(Map.of("find documents", 1));
        assertThat(documents.cite(certificateOf(as))).as("cited").isPresent();
    }
}
