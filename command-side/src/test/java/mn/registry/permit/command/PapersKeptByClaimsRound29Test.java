package mn.registry.permit.command;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.CommandLog;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.document.DocumentStore;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.kernel.permit.SubmittedDocument;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.testing.MovableClock;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Session 29, speed (ADR 0072; abuse audit F492, was O304; issue 15 target 1): an application's claims, written before it reads its papers,
 * keep them as a citation does, so the application reads its papers without marking them cited, and the node that received them remembers
 * their records: on papers just uploaded to it an application makes no round trip to {@code documents} (main cbe966d3: one find and one
 * update). A paper whose retention ends within a day is still marked cited; a refused application leaves its papers neither cited nor
 * claimed. Every database command on {@code documents} of the application is counted.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class PapersKeptByClaimsRound29Test {

    static final Instant APPLIED = Instant.parse("2026-11-20T03:00:00Z");
    static final String A = "6543211";

    private final Map<String, Integer> sent = new ConcurrentSkipListMap<>();
    private final AtomicBoolean counting = new AtomicBoolean();
    private MongoClient client;
    private MongoDatabase database;
    private MovableClock clock;
    private DocumentStore documents;
    private InMemoryEventStorageEngine engine;
    private Configuration axon;
    private CommandLog commandLog;
    private PermitCommandTypes.ApplyForPermitType apply;

    @BeforeEach
    void start(ConnectionString server, MongoDatabase uncounted) {
        client = CompanyClaimsFixture.countingClient(server, "documents"::equals, counting, sent);
        database = client.getDatabase(uncounted.getName());
        clock = new MovableClock(APPLIED);
        documents = new DocumentStore(database, clock, DataSize.ofMegabytes(1));
        engine = new InMemoryEventStorageEngine();
        axon = CompanyClaimsFixture.permitAxon(database, documents, engine);
        commandLog = new CommandLog(database, clock);
        apply = new PermitCommandTypes.ApplyForPermitType(axon.commandGateway(), new MongoPermitApplicationIds(database),
                CompanyClaimsFixture.claims(database, axon), DocumentClaims.backfilled(database, commandLog));
    }

    @AfterEach
    void shutdown() {
        axon.shutdown();
        client.close();
    }

    /** The application sent now, as the pipeline sends it (its command claimed in the command log first), counted. */
    private void applyOn(List<SubmittedDocument> papers, String commandId) {
        commandLog.claim(commandId, commandId + "-jws", "jws", "ApplyForPermit", "applicant-1");
        counting.set(true);
        try {
            apply.handle(Applications.completeOn(A, papers), new CommandContext(commandId, clock.instant(), clock.instant(),
                    new PersonId("applicant-1"), Set.of(Role.APPLICANT), Set.of(), "ab".repeat(32)));
        } finally {
            counting.set(false);
        }
        commandLog.done(commandId, "{}", 200);
    }

    private List<String> namedByTheEvent() {
        return engine.readEvents(null, false).<EventMessage<?>>map(m -> m).map(EventMessage::getPayload)
                .filter(PermitApplicationRegistered.class::isInstance).map(PermitApplicationRegistered.class::cast)
                .flatMap(r -> r.documents().stream()).map(d -> d.sha256()).toList();
    }

    private long cited(List<String> sha256s) {
        return database.getCollection("documents").countDocuments(Filters.and(Filters.in("_id", sha256s), Filters.exists("citedAt", true)));
    }

    private long held(List<String> sha256s) {
        return database.getCollection("documents").countDocuments(Filters.in("_id", sha256s));
    }

    private static List<String> hashes(List<SubmittedDocument> papers) {
        return papers.stream().map(SubmittedDocument::sha256).toList();
    }

    @Test
    @DisplayName("002 art. 25.1.1, 26.2.1 (ADR 0072, F492, was O304): an application on papers just uploaded to this node makes no round trip "
            + "to the documents (main: one find, one update); the event names each as received; its claims keep them, never marked cited, past "
            + "their retention")
    void papers_just_uploaded_here_are_read_from_memory() {
        List<SubmittedDocument> papers = Applications.papersOf(A, documents);

        applyOn(papers, "cmd-a");

        assertThat(sent).as("documents' commands of the application").isEmpty();
        assertThat(namedByTheEvent()).containsExactlyElementsOf(hashes(papers));
        assertThat(cited(hashes(papers))).as("kept by the claims, not cited").isZero();
        clock.advance(Duration.ofDays(8));
        assertThat(documents.deleteUncited()).isZero();
        assertThat(held(hashes(papers))).isEqualTo(papers.size());
    }

    @Test
    @DisplayName("002 art. 25.1.1 (ADR 0072, F492): papers whose retention ends within a day of the application are read and marked cited as "
            + "before (one find, one update), so a sweep on a node whose clock runs ahead cannot find them due while the application is stored")
    void papers_near_the_end_of_their_retention_are_marked_cited() {
        List<SubmittedDocument> papers = Applications.papersOf(A, documents);
        clock.advance(Duration.ofDays(6).plusHours(12));

        applyOn(papers, "cmd-a");

        assertThat(sent).isEqualTo(Map.of("find documents", 1, "update documents", 1));
        assertThat(namedByTheEvent()).containsExactlyElementsOf(hashes(papers));
        assertThat(cited(hashes(papers))).isEqualTo(papers.size());
    }

    @Test
    @DisplayName("002 art. 25.1.1, 26.2.1 (ADR 0072, F492): an application refused on a paper never uploaded stores nothing: no event, no "
            + "claim, and its other papers not marked cited (main marked them cited, kept for ever); they are deleted after their retention")
    void a_refused_application_leaves_its_papers_neither_cited_nor_claimed() {
        List<SubmittedDocument> papers = new ArrayList<>(Applications.papersOf(A, documents));
        String never = "0f".repeat(32);
        papers.replaceAll(d -> d.kind() == RequiredDocument.STATE_REGISTRATION_CERTIFICATE ? new SubmittedDocument(d.kind(), never) : d);

        assertThatThrownBy(() -> applyOn(papers, "cmd-a")).isInstanceOfSatisfying(RegistryProblem.class, p -> {
            assertThat(p.code()).isEqualTo("document.unknown");
            assertThat(p.field()).isEqualTo("documents." + RequiredDocument.STATE_REGISTRATION_CERTIFICATE);
        });

        List<String> known = hashes(papers).stream().filter(sha256 -> !sha256.equals(never)).toList();
        assertThat(namedByTheEvent()).isEmpty();
        List<String> claimKeys = new ArrayList<>(hashes(papers));
        claimKeys.add(A);
        assertThat(database.getCollection(DocumentClaims.COLLECTION).countDocuments(Filters.in("_id", claimKeys)))
                .as("the company's and the papers' claims released").isZero();
        assertThat(cited(known)).isZero();
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        assertThat(documents.deleteUncited()).as("its five and the certificate it did not name").isEqualTo(known.size() + 1);
    }
}
