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

/** 002 art. 27.2 across permits: the stamp-duty proof is claimed registry-wide by the RequestPermitExtension command type. */
@ExtendWith(EmbeddedMongoExtension.class)
class StampDutyProofsTest {

    static final Instant RECEIVED = Instant.parse("2030-01-15T03:00:00Z");
    /** Two proofs of payment the registry received (ADR 0046 item 16: a proof names a document it keeps). */
    private String proof;
    private String otherProof;
    static final PersonId HOLDER = new PersonId("applicant-1");

    private Configuration axon;
    private CommandLog commandLog;
    private mn.registry.command.claim.DocumentClaims proofs;
    private SignedCommandType<RequestPermitExtension> type;

    private MongoDatabase database;

    @BeforeEach
    void start(MongoDatabase database) {
        this.database = database;
        // ADR 0046 item 107 (F410): the proofs are received in the requests' window, the day before them
        mn.registry.document.DocumentStore documents = new mn.registry.document.DocumentStore(database, Clock.fixed(RECEIVED.minusSeconds(86_400),
                ZoneOffset.UTC), org.springframework.util.unit.DataSize.ofMegabytes(1));
        proof = documents.receive("stamp duty paid, receipt 1".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain", "proof-1.txt")
                .document().sha256();
        otherProof = documents.receive("stamp duty paid, receipt 2".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain", "proof-2.txt")
                .document().sha256();
        axon = DefaultConfigurer.defaultConfiguration()
                .configureAggregate(Signed.aggregate())
                .registerComponent(PermitServices.class, c -> new RegistryPermitServices(new CurrentCalendar(c.eventStore(), Clock.systemUTC()),
                        c.eventStore(), documents, null, () -> c.repository(PermitApplication.class)))
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .buildConfiguration();
        axon.start();
        commandLog = new CommandLog(database, Clock.fixed(RECEIVED, ZoneOffset.UTC));
        proofs = mn.registry.command.claim.DocumentClaims.backfilled(database, commandLog);
        type = new PermitCommandTypes(axon.commandGateway())
                .requestPermitExtension(proofs);
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
        commandLog.claim(commandId, commandId + "-jws", "jws", "RequestPermitExtension", HOLDER.value());
        return new CommandContext(commandId, RECEIVED, RECEIVED, HOLDER, Set.of(Role.APPLICANT), Set.of(), "ab".repeat(32));
    }

    private Object request(ApplicationId permit, String proof, String commandId) {
        return type.handle(new RequestPermitExtension(permit, proof), signed(commandId));
    }

    private static String code(Throwable t) {
        return ((RegistryProblem) t).code();
    }

    @Test
    @DisplayName("002 art. 27.2: a stamp-duty proof pays for one request: the same proof on another permit is refused, registry-wide")
    void one_proof_one_request_across_permits() {
        ApplicationId first = permit(LocalDate.of(2025, 6, 1));
        ApplicationId second = permit(LocalDate.of(2025, 6, 2));
        request(first, proof, "cmd-1");
        assertThatThrownBy(() -> request(second, proof, "cmd-2")).satisfies(t -> assertThat(code(t)).isEqualTo("permit.stamp-duty-proof-used"));
        request(second, otherProof, "cmd-4");
    }

    @Test
    @DisplayName("002 art. 27.2: a request the permit refuses leaves its proof unclaimed, and the proof then serves a valid request")
    void refused_request_leaves_nothing_claimed() {
        ApplicationId tooEarly = permit(LocalDate.of(2026, 6, 1)); // its window opens in 2030-12
        ApplicationId inWindow = permit(LocalDate.of(2025, 6, 1));
        assertThatThrownBy(() -> request(tooEarly, proof, "cmd-1")).satisfies(t -> assertThat(code(t)).isEqualTo("permit.extension-too-early"));
        commandLog.release("cmd-1", commandLog.find("cmd-1").orElseThrow().getString(CommandLog.LEASE_KEY)); // as the pipeline does for a refusal
        request(inWindow, proof, "cmd-2");
    }

    @Test
    @DisplayName("002 art. 27.2, ADR 0002: the same command carried out again after a stop keeps its own claim; a claim whose command left no trace is taken over")
    void same_command_again_and_stale_claims() {
        ApplicationId permit = permit(LocalDate.of(2025, 6, 1));
        proofs.claim(proof, mn.registry.command.claim.DocumentKind.STAMP_DUTY_PROOF, mn.registry.command.claim.Claimant.grounding("permit:" + permit.value()), "cmd-1", "stampDutyProofSha256", "002 art. 27.2", RECEIVED); // claimed, then the registry stopped before the aggregate acted
        request(permit, proof, "cmd-1");

        ApplicationId other = permit(LocalDate.of(2025, 6, 2));
        proofs.claim(otherProof, mn.registry.command.claim.DocumentKind.STAMP_DUTY_PROOF, mn.registry.command.claim.Claimant.grounding("permit:" + other.value()), "cmd-gone", "stampDutyProofSha256", "002 art. 27.2", RECEIVED); // its command was refused and its release lost: no entry in the log
        request(other, otherProof, "cmd-2");
        assertThatThrownBy(() -> proofs.claim(otherProof, mn.registry.command.claim.DocumentKind.STAMP_DUTY_PROOF, mn.registry.command.claim.Claimant.grounding("permit:" + other.value()), "cmd-3", "stampDutyProofSha256", "002 art. 27.2", RECEIVED))
                .satisfies(t -> assertThat(code(t)).isEqualTo("permit.stamp-duty-proof-used"));
    }
    @Test
    @DisplayName("002 art. 31.1.7 (ADR 0046 item 26): an inspection's findings record one inspection: the same findings for this year's inspection "
            + "of the permit, or for another permit's, are refused registry-wide; a refused inspection leaves them unclaimed")
    void one_inspections_findings_record_one_inspection() {
        ApplicationId first = permit(LocalDate.of(2025, 6, 1));
        ApplicationId second = permit(LocalDate.of(2025, 6, 2));
        SignedCommandType<RecordPermitInspection> inspection = new PermitCommandTypes(axon.commandGateway())
                .recordPermitInspection(proofs);
        PersonId inspector = new PersonId("inspector-1");
        java.util.function.BiFunction<RecordPermitInspection, String, Object> record = (body, commandId) -> {
            commandLog.claim(commandId, commandId + "-jws", "jws", "RecordPermitInspection", inspector.value());
            return inspection.handle(body, new CommandContext(commandId, RECEIVED, RECEIVED, inspector, Set.of(Role.COMMUNICATIONS_INSPECTOR),
                    Set.of(), "ab".repeat(32)));
        };
        // refused for its date (before the permit existed): the findings stay free
        assertThatThrownBy(() -> record.apply(new RecordPermitInspection(first, LocalDate.of(2025, 5, 1), proof, false), "cmd-0"))
                .satisfies(t -> assertThat(code(t)).isEqualTo("permit.inspection-before-issue"));
        record.apply(new RecordPermitInspection(first, LocalDate.of(2026, 5, 20), proof, false), "cmd-1");
        assertThatThrownBy(() -> record.apply(new RecordPermitInspection(first, LocalDate.of(2027, 5, 20), proof, false), "cmd-2"))
                .satisfies(t -> assertThat(code(t)).isEqualTo("permit.inspection-findings-used"));
        assertThatThrownBy(() -> record.apply(new RecordPermitInspection(second, LocalDate.of(2026, 5, 21), proof, false), "cmd-3"))
                .satisfies(t -> assertThat(code(t)).isEqualTo("permit.inspection-findings-used"));
        record.apply(new RecordPermitInspection(second, LocalDate.of(2026, 5, 21), otherProof, false), "cmd-4");
    }
}
