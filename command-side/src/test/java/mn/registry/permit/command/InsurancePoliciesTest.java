package mn.registry.permit.command;

import static mn.registry.permit.command.Signed.signed;
import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.money.Money;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.CommandLog;
import mn.registry.command.api.SignedCommandType;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import mn.registry.kernel.permit.RecordPermitInsurance;

/** 002 art. 26.2.3 across permits (ADR 0046 item 43, abuse audit F152, was O91): a policy's document insures one permit's holder, registry-wide. */
@ExtendWith(EmbeddedMongoExtension.class)
class InsurancePoliciesTest {

    static final Instant RECEIVED = Instant.parse("2030-01-15T03:00:00Z");
    static final PersonId HOLDER = new PersonId("applicant-1");

    private String policy;
    private String otherPolicy;
    private Configuration axon;
    private CommandLog commandLog;
    private SignedCommandType<RecordPermitInsurance> type;

    @BeforeEach
    void start(MongoDatabase database) {
        mn.registry.document.DocumentStore documents = new mn.registry.document.DocumentStore(database, Clock.systemUTC(),
                org.springframework.util.unit.DataSize.ofMegabytes(1));
        policy = documents.receive("company A's liability policy".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain", "policy-a.txt")
                .document().sha256();
        otherPolicy = documents.receive("company B's liability policy".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain", "policy-b.txt")
                .document().sha256();
        axon = DefaultConfigurer.defaultConfiguration()
                .configureAggregate(Signed.aggregate())
                .registerComponent(PermitServices.class, c -> new RegistryPermitServices(new CurrentCalendar(c.eventStore(), Clock.systemUTC()),
                        c.eventStore(), documents, null, () -> c.repository(PermitApplication.class)))
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .buildConfiguration();
        axon.start();
        commandLog = new CommandLog(database, Clock.fixed(RECEIVED, ZoneOffset.UTC));
        type = new PermitCommandTypes(axon.commandGateway()).recordPermitInsurance(mn.registry.command.claim.DocumentClaims.backfilled(database, commandLog));
    }

    @AfterEach
    void shutdown() {
        axon.shutdown();
    }

    /** An application approved, pending its insurance (002 art. 26.2.2), by the events the aggregate would have stored. */
    private ApplicationId approved() {
        ApplicationId id = ApplicationId.of(UUID.randomUUID());
        Instant approvedAt = RECEIVED.minusSeconds(86_400);
        List<Object> events = List.of(
                new PermitApplicationRegistered(id, ReceiptNumber.of(2030, Math.abs(id.hashCode() % 900_000) + 1), Applications.MONGOLIAN,
                        PermitLifecycleTest.documents(), approvedAt.minusSeconds(86_400 * 10), LocalDate.of(2030, 2, 10), approvedAt.minusSeconds(86_400 * 10),
                        PermitDeadlines.DECISION, PermitLifecycleTest.DECISION.calendarVersion(), "002 art. 26.1", HOLDER, "ef".repeat(32)),
                new PermitApplicationApproved(id, Money.mnt(1), approvedAt, new PersonId("reviewer-1"), "002 art. 26.2.2"));
        for (int i = 0; i < events.size(); i++) {
            axon.eventStore().publish(new GenericDomainEventMessage<>("PermitApplication", id.value(), i, events.get(i)));
        }
        return id;
    }

    /** What the command pipeline does first: the command id is claimed in the command log. */
    private CommandContext signed(String commandId) {
        commandLog.claim(commandId, commandId + "-jws", "jws", "RecordPermitInsurance", HOLDER.value());
        return new CommandContext(commandId, RECEIVED, RECEIVED, HOLDER, Set.of(Role.APPLICANT), Set.of(), "ab".repeat(32));
    }

    private Object record(ApplicationId permit, String document, String commandId) {
        return type.handle(new RecordPermitInsurance(permit, "Mongol Daatgal", "POL-" + commandId, Money.mnt(600_000_000), LocalDate.of(2031, 6, 1),
                document), signed(commandId));
    }

    private static String code(Throwable t) {
        return ((RegistryProblem) t).code();
    }

    @Test
    @DisplayName("002 art. 26.2.3 (F152, was O91): company A's policy recorded as company B's insurance is refused registry-wide; the same permit's "
            + "rule decides its own documents (recorded before); B records its own policy")
    void a_policy_insures_one_permit() {
        ApplicationId a = approved();
        ApplicationId b = approved();
        record(a, policy, "cmd-1");
        assertThatThrownBy(() -> record(b, policy, "cmd-2")).satisfies(t -> assertThat(code(t)).isEqualTo("permit.insurance-policy-of-another-permit"));
        assertThatThrownBy(() -> record(a, policy, "cmd-3")).satisfies(t -> assertThat(code(t)).isEqualTo("permit.insurance-proof-recorded-before"));
        record(b, otherPolicy, "cmd-4");
    }

    @Test
    @DisplayName("002 art. 26.2.3: a record the permit refuses (a policy that covers less than a year) leaves its document unclaimed for another permit")
    void a_refused_record_leaves_nothing_claimed() {
        ApplicationId a = approved();
        ApplicationId b = approved();
        assertThatThrownBy(() -> type.handle(new RecordPermitInsurance(a, "Mongol Daatgal", "POL-1", Money.mnt(600_000_000), LocalDate.of(2030, 3, 1),
                policy), signed("cmd-1"))).satisfies(t -> assertThat(code(t)).isEqualTo("permit.insurance-too-short"));
        commandLog.release("cmd-1", commandLog.find("cmd-1").orElseThrow().getString(CommandLog.LEASE_KEY)); // as the pipeline does
        record(b, policy, "cmd-2");
    }
}
