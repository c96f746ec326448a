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

/** 002 art. 28.1, 28.4 across permits (ADR 0046 item 37, abuse audit F144): a document of the tax authority is claimed registry-wide. */
@ExtendWith(EmbeddedMongoExtension.class)
class TaxAuthorityDocumentsTest {

    static final Instant RECEIVED = Instant.parse("2030-01-15T03:00:00Z");
    /** Two proofs of payment the registry received (ADR 0046 item 16: a proof names a document it keeps). */
    private String proof;
    private String otherProof;
    static final PersonId HOLDER = new PersonId("applicant-1");
    static final PersonId TAX_OFFICER = new PersonId("tax-officer-1");

    private Configuration axon;
    private CommandLog commandLog;
    private mn.registry.command.claim.DocumentClaims claims;
    private SignedCommandType<RequestPermitSuspension> type;
    private SignedCommandType<RecordTaxEvasionsSettled> settlement;

    private MongoDatabase database;

    @BeforeEach
    void start(MongoDatabase database) {
        this.database = database;
        mn.registry.document.DocumentStore documents = new mn.registry.document.DocumentStore(database, Clock.systemUTC(),
                org.springframework.util.unit.DataSize.ofMegabytes(1));
        proof = documents.receive("the tax authority: two evasions of company A".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain", "proof-1.txt")
                .document().sha256();
        otherProof = documents.receive("the tax authority: two evasions of company B".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain", "proof-2.txt")
                .document().sha256();
        axon = DefaultConfigurer.defaultConfiguration()
                .configureAggregate(Signed.aggregate())
                .registerComponent(PermitServices.class, c -> new RegistryPermitServices(new CurrentCalendar(c.eventStore(), Clock.systemUTC()),
                        c.eventStore(), documents, null, () -> c.repository(PermitApplication.class)))
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .buildConfiguration();
        axon.start();
        commandLog = new CommandLog(database, Clock.fixed(RECEIVED, ZoneOffset.UTC));
        claims = mn.registry.command.claim.DocumentClaims.backfilled(database, commandLog);
        type = new PermitCommandTypes(axon.commandGateway()).requestPermitSuspension(claims);
        settlement = new PermitCommandTypes(axon.commandGateway()).recordTaxEvasionsSettled(claims);
    }

    @AfterEach
    void shutdown() {
        axon.shutdown();
    }

    /** A permit issued on {@code validFrom} for five years, by the events the aggregate would have stored. */
    private ApplicationId permit(LocalDate validFrom) {
        ApplicationId id = ApplicationId.of(UUID.randomUUID());
        Instant issuedAt = validFrom.atStartOfDay(java.time.ZoneId.of("Asia/Ulaanbaatar")).toInstant().plusSeconds(3600);
        List<Object> events = List.of(
                new PermitApplicationRegistered(id, ReceiptNumber.of(2025, Math.abs(id.hashCode() % 900_000) + 1), Applications.MONGOLIAN,
                        PermitLifecycleTest.documents(), issuedAt.minusSeconds(86_400 * 20), validFrom.plusDays(3), issuedAt, PermitDeadlines.DECISION,
                        PermitLifecycleTest.DECISION.calendarVersion(), "002 art. 26.1", HOLDER, "ef".repeat(32)),
                new PermitApplicationApproved(id, Money.mnt(1), issuedAt.minusSeconds(86_400), new PersonId("reviewer-1"), "002 art. 26.2.2"),
                new PermitIssued(id, PermitNumber.of(ReceiptNumber.of(2025, 1)), PermitApplication.ISSUER, Applications.MONGOLIAN, "certificates",
                        validFrom, validFrom.plusYears(5).minusDays(1), List.of("c"), issuedAt, new PersonId("supervisor-1"), "cd".repeat(32)));
        for (int i = 0; i < events.size(); i++) {
            axon.eventStore().publish(new GenericDomainEventMessage<>("PermitApplication", id.value(), i, events.get(i)));
        }
        return id;
    }

    /** What the command pipeline does first: the command id is claimed in the command log. */
    private CommandContext signed(String commandId) {
        commandLog.claim(commandId, commandId + "-jws", "jws", "RequestPermitSuspension", TAX_OFFICER.value());
        return new CommandContext(commandId, RECEIVED, RECEIVED, TAX_OFFICER, Set.of(Role.TAX_OFFICER), Set.of(), "ab".repeat(32));
    }

    private Object request(ApplicationId permit, String document, String commandId) {
        return type.handle(new RequestPermitSuspension(permit, 2, document), signed(commandId));
    }

    private static String code(Throwable t) {
        return ((RegistryProblem) t).code();
    }

    @Test
    @DisplayName("002 art. 28.1 (F144): one company's request names its evasions: the same document against another company's permit is refused "
            + "registry-wide, as is a settlement on it; the same permit's rules decide its own documents (a request pending is refused as pending)")
    void a_tax_request_is_about_one_permit() {
        ApplicationId first = permit(LocalDate.of(2025, 6, 1));
        ApplicationId second = permit(LocalDate.of(2025, 6, 2));
        request(first, proof, "cmd-1");
        assertThatThrownBy(() -> request(second, proof, "cmd-2")).satisfies(t -> assertThat(code(t)).isEqualTo("permit.tax-document-used"));
        assertThatThrownBy(() -> settlement.handle(new RecordTaxEvasionsSettled(second, proof), signed("cmd-3")))
                .satisfies(t -> assertThat(code(t)).isEqualTo("permit.tax-document-used"));
        assertThatThrownBy(() -> request(first, proof, "cmd-4")).satisfies(t -> assertThat(code(t)).isEqualTo("permit.suspension-request-pending"));
        request(second, otherProof, "cmd-5");
    }

    @Test
    @DisplayName("002 art. 28.1: a request the permit refuses (one evasion) leaves its document unclaimed for a request on another permit")
    void a_refused_request_leaves_nothing_claimed() {
        ApplicationId first = permit(LocalDate.of(2025, 6, 1));
        ApplicationId second = permit(LocalDate.of(2025, 6, 2));
        assertThatThrownBy(() -> type.handle(new RequestPermitSuspension(first, 1, proof), signed("cmd-1")))
                .satisfies(t -> assertThat(code(t)).isEqualTo("permit.suspension-tax-evasions-fewer-than-two"));
        commandLog.release("cmd-1", commandLog.find("cmd-1").orElseThrow().getString(CommandLog.LEASE_KEY)); // as the pipeline does
        request(second, proof, "cmd-2");
    }
}
