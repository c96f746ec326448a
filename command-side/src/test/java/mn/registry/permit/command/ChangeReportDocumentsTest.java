package mn.registry.permit.command;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.CommandLog;
import mn.registry.command.api.SignedCommandType;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.PermitChangeReported;
import mn.registry.kernel.permit.ReportPermitChange;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static mn.registry.permit.command.PermitLifecycleTest.HOLDER;
import static mn.registry.permit.command.PermitLifecycleTest.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 002 art. 20.3.3 (choice, ADR 0046 item 45, abuse audit F181, was O94): the document that shows a change is cited by one report only,
 * registry-wide (the document's claim, {@link mn.registry.command.claim.DocumentClaims}): the same extract named again for a later change would show nothing of it.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class ChangeReportDocumentsTest {

    static final Instant RECEIVED = Instant.parse("2025-06-03T02:00:00Z");

    private String extract;
    private String otherExtract;
    private Configuration axon;
    private CommandLog commandLog;
    private SignedCommandType<ReportPermitChange> type;
    private MongoDatabase database;

    @BeforeEach
    void start(MongoDatabase database) {
        this.database = database;
        mn.registry.document.DocumentStore documents = new mn.registry.document.DocumentStore(database, Clock.systemUTC(),
                org.springframework.util.unit.DataSize.ofMegabytes(1));
        extract = documents.receive("state register extract: new address".getBytes(StandardCharsets.UTF_8), "text/plain", "extract.txt")
                .document().sha256();
        otherExtract = documents.receive("state register extract: new director".getBytes(StandardCharsets.UTF_8), "text/plain", "extract-2.txt")
                .document().sha256();
        axon = DefaultConfigurer.defaultConfiguration()
                .configureAggregate(Signed.aggregate())
                .registerComponent(PermitServices.class, c -> new RegistryPermitServices(new CurrentCalendar(c.eventStore(), Clock.systemUTC()),
                        c.eventStore(), documents, null, () -> c.repository(PermitApplication.class)))
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .buildConfiguration();
        axon.start();
        List<Object> active = PermitLifecycleTest.active();
        for (int i = 0; i < active.size(); i++) {
            axon.eventStore().publish(new GenericDomainEventMessage<>("PermitApplication", ID.value(), i, active.get(i)));
        }
        commandLog = new CommandLog(database, Clock.fixed(RECEIVED, ZoneOffset.UTC));
        type = new PermitCommandTypes(axon.commandGateway()).reportPermitChange(mn.registry.command.claim.DocumentClaims.backfilled(database, commandLog));
    }

    @AfterEach
    void shutdown() {
        axon.shutdown();
    }

    /** What the command pipeline does first: the command id is claimed in the command log. */
    private CommandContext signed(String commandId) {
        commandLog.claim(commandId, commandId + "-jws", "jws", "ReportPermitChange", HOLDER.value());
        return new CommandContext(commandId, RECEIVED, RECEIVED, HOLDER, Set.of(Role.APPLICANT), Set.of(), "ab".repeat(32));
    }

    private Object report(ApplicationId permit, LocalDate changedOn, String document, String commandId) {
        return type.handle(new ReportPermitChange(permit, changedOn, "New registered address", document), signed(commandId));
    }

    private static String code(Throwable t) {
        return ((RegistryProblem) t).code();
    }

    private long reports() {
        return axon.eventStore().readEvents(ID.value()).asStream().filter(e -> e.getPayload() instanceof PermitChangeReported).count();
    }

    @Test
    @DisplayName("002 art. 20.3.3 (F181): the document of one report cited again for another change is refused (field documentSha256, nothing "
            + "stored); a report with a document of its own is recorded")
    void a_document_shows_one_change() {
        report(ID, LocalDate.of(2025, 6, 2), extract, "cmd-1");
        assertThatThrownBy(() -> report(ID, LocalDate.of(2025, 6, 3), extract, "cmd-2")).satisfies(t -> {
            assertThat(code(t)).isEqualTo("permit.change-document-used");
            assertThat(((RegistryProblem) t).field()).isEqualTo("documentSha256");
            assertThat(((RegistryProblem) t).article()).isEqualTo("002 art. 20.3.3");
        });
        assertThat(reports()).isEqualTo(1);
        report(ID, LocalDate.of(2025, 6, 3), otherExtract, "cmd-3");
        assertThat(reports()).isEqualTo(2);
    }

    @Test
    @DisplayName("002 art. 20.3.3: a report the permit refuses (a change dated after the day of receipt) leaves its document unclaimed for the "
            + "report that follows")
    void a_refused_report_leaves_nothing_claimed() {
        assertThatThrownBy(() -> report(ID, LocalDate.of(2025, 7, 1), extract, "cmd-1"))
                .satisfies(t -> assertThat(code(t)).isEqualTo("permit.change-in-future"));
        assertThat(database.getCollection(mn.registry.command.claim.DocumentClaims.COLLECTION).countDocuments()).isZero();
        report(ID, LocalDate.of(2025, 6, 2), extract, "cmd-2");
        assertThat(reports()).isEqualTo(1);
    }
}
