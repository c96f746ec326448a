package mn.registry.permit.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.CommandLog;
import mn.registry.command.api.SignedCommandType;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.command.claim.DocumentKind;
import mn.registry.document.DocumentStore;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.PermitChangeReported;
import mn.registry.kernel.permit.ReportPermitChange;
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

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static mn.registry.permit.command.PermitLifecycleTest.HOLDER;
import static mn.registry.permit.command.PermitLifecycleTest.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Session 29, claims (ADR 0057 item 14, the lead's reading of abuse audit O296, a choice; F510): one paper for one change of two permits of
 * the same company. A change of the company (its registered address) concerns every permit it holds, and 002 art. 20.3.3 asks each
 * permit's record be kept current: each permit reports it once on the paper that shows it. Permits {@link PermitLifecycleTest#ID} and
 * {@link #SECOND} are both in force, of company 6543210 ({@link Applications#MONGOLIAN}; the second's events are the first's under another
 * id, as a registry holding two permits of one company before ADR 0031, or through a transfer, stores them).
 */
@ExtendWith(EmbeddedMongoExtension.class)
class DocumentClaimsRound29Test {

    static final ApplicationId SECOND = ApplicationId.of(UUID.fromString("0b6f9a52-3c1e-4f7a-8d2b-5e4c3a2b1f29"));
    static final Instant REPORTED = DocumentClaimsRound27Test.REPORTED;
    static final LocalDate CHANGED_ON = LocalDate.of(2025, 6, 2);
    /** The day of the change, 09:00 in Ulaanbaatar: a paper received then shows it (F456). */
    static final Instant CHANGES_DAY = Instant.parse("2025-06-02T01:00:00Z");
    static final String COMPANY = Applications.MONGOLIAN.registrationNumber();
    static final String USED = "permit.change-document-used";

    private MongoDatabase database;
    private InMemoryEventStorageEngine engine;
    private Configuration axon;
    private CommandLog commandLog;
    private SignedCommandType<ReportPermitChange> report;

    @BeforeEach
    void start(MongoDatabase database) throws Exception {
        this.database = database;
        engine = new InMemoryEventStorageEngine();
        axon = CompanyClaimsFixture.permitAxon(database, new DocumentStore(database, Clock.systemUTC(), DataSize.ofMegabytes(1)), engine);
        List<Object> active = PermitLifecycleTest.active();
        ObjectMapper json = CanonicalJson.mapper();
        for (int i = 0; i < active.size(); i++) {
            Object event = active.get(i);
            axon.eventStore().publish(new GenericDomainEventMessage<>("PermitApplication", ID.value(), i, event));
            Object seconds = json.readValue(json.writeValueAsString(event).replace(ID.value(), SECOND.value()), event.getClass());
            axon.eventStore().publish(new GenericDomainEventMessage<>("PermitApplication", SECOND.value(), i, seconds));
        }
        commandLog = new CommandLog(database, Clock.systemUTC());
        report = new PermitCommandTypes(axon.commandGateway()).reportPermitChange(DocumentClaims.backfilled(database, commandLog));
    }

    @AfterEach
    void shutdown() {
        axon.shutdown();
    }

    /** A paper the registry received first at {@code at}. */
    private String receivedAt(String words, Instant at) {
        return new DocumentStore(database, Clock.fixed(at, ZoneOffset.UTC), DataSize.ofMegabytes(1))
                .receive(words.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8", "paper.txt").document().sha256();
    }

    /** The holder reports the change of its registered address on {@code permit}, citing {@code document}; the command claimed first. */
    private Object reportOn(ApplicationId permit, String document, String commandId) {
        commandLog.claim(commandId, commandId + "-jws", "jws", "ReportPermitChange", HOLDER.value());
        Object answer = report.handle(new ReportPermitChange(permit, CHANGED_ON, "New registered address", document),
                new CommandContext(commandId, REPORTED, REPORTED, HOLDER, Set.of(Role.APPLICANT), Set.of(), "ab".repeat(32)));
        commandLog.done(commandId, "{}", 200);
        return answer;
    }

    /** An earlier act's claim (a kind, its grounds, the company it names, if any), held by a logged command. */
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

    private List<PermitChangeReported> reported() {
        return engine.readEvents(null, false).<EventMessage<?>>map(m -> m).map(EventMessage::getPayload).filter(PermitChangeReported.class::isInstance)
                .map(PermitChangeReported.class::cast).toList();
    }

    private static void refusedAs(Throwable t, String code) {
        assertThat(t).isInstanceOfSatisfying(RegistryProblem.class, p -> assertThat(List.of(p.code(), p.kind().name(), p.field(), p.article()))
                .containsExactly(code, "CONFLICT", "documentSha256", "002 art. 20.3.3"));
    }

    @Test
    @DisplayName("002 art. 20.3.3 (F510, was O296; ADR 0057 item 14, the lead's reading): happy: the company reports the change of its address "
            + "to each of its two permits on one fresh extract: both accepted (the second was refused permit.change-document-used); abuse: a "
            + "second report of either permit on it is refused (F452), nothing stored")
    void one_paper_shows_one_change_to_each_permit_of_the_company_once() {
        String extract = receivedAt("state register extract of 6543210: new registered address", CHANGES_DAY);

        reportOn(ID, extract, "cmd-1");
        reportOn(SECOND, extract, "cmd-2");

        assertThat(reported()).extracting(PermitChangeReported::applicationId, PermitChangeReported::documentSha256)
                .containsExactly(tuple(ID, extract), tuple(SECOND, extract));
        assertThat(List.of(claimOf(extract).getString("kind"), claimOf(extract).getString("company"))).containsExactly("change-report", COMPANY);
        assertThatThrownBy(() -> reportOn(ID, extract, "cmd-3")).satisfies(t -> refusedAs(t, USED));
        assertThatThrownBy(() -> reportOn(SECOND, extract, "cmd-4")).satisfies(t -> refusedAs(t, USED));
        assertThat(reported()).as("nothing stored").hasSize(2);
        assertThat(claimOf(extract).getString("commandId")).as("held by a stored report").isIn("cmd-1", "cmd-2");
    }

    @Test
    @DisplayName("002 art. 20.3.3, 25.1.1 (O296 held; ADR 0057 item 14; F449, F452): a paper an application of the company holds, received on "
            + "the change's day: each of its two permits reports the change on it once, accepted; a second report of one permit is refused, "
            + "nothing stored; the claim stays the application's")
    void one_paper_an_application_holds_shows_the_change_to_each_permit_once() {
        String copy = receivedAt("state register extract of 6543210, named in its application, new address", CHANGES_DAY);
        claimed(copy, DocumentKind.PERMIT_APPLICATION_DOCUMENT, "permit:another-of-6543210", COMPANY);

        reportOn(ID, copy, "cmd-1");
        reportOn(SECOND, copy, "cmd-2");
        assertThatThrownBy(() -> reportOn(SECOND, copy, "cmd-3")).satisfies(t -> refusedAs(t, USED));

        assertThat(reported()).extracting(PermitChangeReported::applicationId).containsExactly(ID, SECOND);
        assertThat(List.of(claimOf(copy).getString("kind"), claimOf(copy).getString("commandId")))
                .containsExactly("permit-application-document", "cmd-earlier-" + copy.substring(0, 8));
    }

    @Test
    @DisplayName("002 art. 20.3.3 (F510's limit; F462's shape): abuse: the holder reports its change on the extract another company's permit's "
            + "report cited, or a report's claimed before session 27 (no company): refused permit.change-document-used, nothing stored, the "
            + "claim left as it was")
    void another_companys_report_paper_is_refused_to_each_permit() {
        String others = receivedAt("state register extract of 7654321: new registered address", CHANGES_DAY);
        String unnamed = receivedAt("state register extract of 6543210, a report's before session 27", CHANGES_DAY);
        claimed(others, DocumentKind.CHANGE_REPORT, "permit:a-permit-of-7654321", "7654321");
        claimed(unnamed, DocumentKind.CHANGE_REPORT, "permit:an-older-permit", null);

        for (String paper : List.of(others, unnamed)) {
            assertThatThrownBy(() -> reportOn(ID, paper, "cmd-" + paper.substring(0, 6))).satisfies(t -> refusedAs(t, USED));
            assertThat(claimOf(paper).getString("commandId")).isEqualTo("cmd-earlier-" + paper.substring(0, 8));
        }
        assertThat(reported()).isEmpty();
    }
}
