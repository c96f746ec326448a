package mn.registry.permit.command;

import static mn.registry.permit.command.Signed.signed;
import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.money.Money;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.command.api.CommandContext;
import mn.registry.document.DocumentStore;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.util.unit.DataSize;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0013 §2 through the signed command types (the extension request and the change report as the commands their
 * types build, with the calendar in force) and Axon: an application registered on 2030-12-20 (its 17 working days
 * end in 2031), a permit issued in 2031 and extended in 2035, a change of 2031 reported late. Each deadline in a
 * year without confirmed lunar holidays names that year as provisional in its calendar version. (A change dated in
 * 2023 gets its due date from the calendar too: CalendarInEveryYearTest.)
 */
@ExtendWith(EmbeddedMongoExtension.class)
class PermitAcrossCalendarYearsTest {

    /** The policy and other proofs this permit names: documents the registry received (ADR 0046 item 13). */
    private String SHA;
    private String SHA2;
    /**
     * The contract of 26.7, received on the day of the issue: signed when issuing, after the approval (ADR 0046 item 75, F321). It was the
     * policy's document, received with the application's eight days before the approval: the order the reading refuses.
     */
    private String CONTRACT;
    /** The extract showing the change of 7 January 2031, received that day (ADR 0046 item 117, F456: not before the change). */
    private String EXTRACT;
    private static final PersonId HOLDER = new PersonId("applicant-1");

    private MongoDatabase database;
    private InMemoryEventStorageEngine engine;
    private Configuration axon;
    private PermitCommandTypes.ApplyForPermitType apply;
    private PermitCommandTypes types;

    @BeforeEach
    void start(MongoDatabase database) {
        this.database = database;
        DocumentStore documents = new DocumentStore(database, Clock.fixed(Instant.parse("2030-12-19T09:00:00Z"), ZoneOffset.UTC),
                DataSize.ofMegabytes(1));
        for (RequiredDocument kind : RequiredDocument.values()) {
            documents.receive(Applications.content(kind), "text/plain; charset=utf-8", kind.name().toLowerCase() + ".txt");
        }
        SHA = documents.receive("the insurance policy".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain; charset=utf-8",
                "proof.txt").document().sha256();
        CONTRACT = new DocumentStore(database, Clock.fixed(Instant.parse("2031-01-06T01:00:00Z"), ZoneOffset.UTC), DataSize.ofMegabytes(1))
                .receive("the contract signed when issuing".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain; charset=utf-8",
                        "contract.txt").document().sha256();
        EXTRACT = new DocumentStore(database, Clock.fixed(Instant.parse("2031-01-07T03:00:00Z"), ZoneOffset.UTC), DataSize.ofMegabytes(1))
                .receive("the state register extract: new registered address".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "text/plain; charset=utf-8", "extract.txt").document().sha256();
        // ADR 0046 item 107 (F410): the stamp duty's proof is received in the request's window (the term ends in January 2036)
        SHA2 = new DocumentStore(database, Clock.fixed(Instant.parse("2035-09-16T02:00:00Z"), ZoneOffset.UTC), DataSize.ofMegabytes(1))
                .receive("the stamp duty's receipt".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain; charset=utf-8",
                "stamp-duty.txt").document().sha256();
        engine = new InMemoryEventStorageEngine();
        axon = DefaultConfigurer.defaultConfiguration()
                .configureAggregate(Signed.aggregate())
                .registerComponent(PermitServices.class, c -> new RegistryPermitServices(new CurrentCalendar(c.eventStore(), Clock.systemUTC()),
                        c.eventStore(), documents, new MongoPermitApplicationIds(database), () -> c.repository(PermitApplication.class)))
                .configureAggregate(MinistryParameters.class)
                .configureEmbeddedEventStore(c -> engine)
                .buildConfiguration();
        axon.start();
        apply = new PermitCommandTypes.ApplyForPermitType(axon.commandGateway(), new MongoPermitApplicationIds(database),
                CompanyClaimsFixture.claims(database, axon), CompanyClaimsFixture.documentClaims(database));
        types = new PermitCommandTypes(axon.commandGateway());
    }

    @AfterEach
    void shutdown() {
        axon.shutdown();
    }

    private static CommandContext by(String person, Role role, String receivedAt) {
        Instant at = Instant.parse(receivedAt);
        return new CommandContext("cmd-" + person + "-" + receivedAt, at.minusSeconds(2), at, new PersonId(person), Set.of(role), Set.of(),
                "ef".repeat(32));
    }

    private List<Object> events() {
        return engine.readEvents(null, false).<EventMessage<?>>map(m -> m).map(EventMessage::getPayload).map(Object.class::cast).toList();
    }

    private <T> T last(Class<T> type) {
        return events().stream().filter(type::isInstance).map(type::cast).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    @DisplayName("002 art. 26.1, 26.4, 27.2, 20.3.3: registered 2030-12-20, issued 2031, a 2031 change reported late, extended 2035; 2031 and 2035 deadlines are provisional")
    void a_permit_lives_across_2030_2031_and_2035() {
        // 002 art. 26.1: 17 working days from Friday 2030-12-20 skip 29 Dec and 1 Jan and end 2031-01-15
        PermitRegistrationReceipt receipt = apply.handle(Applications.complete(), by("applicant-1", Role.APPLICANT, "2030-12-20T03:00:00Z"));
        assertThat(receipt.decisionDue()).isEqualTo(LocalDate.of(2031, 1, 15));
        assertThat(receipt.calendarVersion().value()).isEqualTo("MN-2024.1+provisional-2031");
        assertThat(last(PermitApplicationRegistered.class).calendarVersion().provisional()).isTrue();
        ApplicationId id = receipt.applicationId();

        types.setMinimumInsurance(axon.eventStore()).handle(new SetMinimumInsurance(Money.mnt(100_000_000)), by("supervisor-1", Role.MINISTRY_SUPERVISOR, "2030-12-20T04:00:00Z"));
        types.approvePermitApplication().handle(new ApprovePermitApplication(id), by("reviewer-1", Role.MINISTRY_REVIEWER, "2030-12-27T02:00:00Z"));
        types.recordPermitInsurance(mn.registry.command.claim.DocumentClaims.backfilled(database, new mn.registry.command.api.CommandLog(database, Clock.systemUTC()))).handle(new RecordPermitInsurance(id, "Mongol Daatgal", "POL-1", Money.mnt(200_000_000),
                LocalDate.of(2035, 12, 29), SHA), by("applicant-1", Role.APPLICANT, "2030-12-30T02:00:00Z")); // at most a term (F148)
        // 002 art. 26.4: the publication duty of a permit issued on 2031-01-06 is due in 2031
        types.issuePermit(mn.registry.command.claim.DocumentClaims.backfilled(database, new mn.registry.command.api.CommandLog(database, Clock.systemUTC()))).handle(new IssuePermit(id, "Issuing signature certificates", List.of("Keep the certificate database in Mongolia"), null, CONTRACT),
                by("supervisor-1", Role.MINISTRY_SUPERVISOR, "2031-01-06T02:00:00Z"));
        assertThat(last(PermitIssued.class).validUntil()).isEqualTo(LocalDate.of(2036, 1, 5));
        assertThat(events()).filteredOn(PermitDutyRaised.class::isInstance).map(PermitDutyRaised.class::cast)
                .filteredOn(d -> d.workingDays() != null).singleElement().satisfies(duty -> {
            assertThat(duty.due()).isAfter(LocalDate.of(2031, 1, 6)).isBefore(LocalDate.of(2031, 1, 20));
            assertThat(duty.calendarVersion().value()).isEqualTo("MN-2024.1+provisional-2031");
        });

        // 002 art. 20.3.3: a change of 7 Jan 2031 was due by 10 Jan (3 working days); reported on 20 Jan it is late
        axon.commandGateway().sendAndWait(signed(new ReportPermitChange(id, LocalDate.of(2031, 1, 7), "New registered address", EXTRACT), HOLDER, Instant.parse("2031-01-20T02:00:00Z")));
        assertThat(last(PermitChangeReported.class)).satisfies(change -> {
            assertThat(change.late()).isTrue();
            assertThat(change.reportDue()).isEqualTo(LocalDate.of(2031, 1, 10));
        });

        // 002 art. 27.2, 27.3: an extension requested in September 2035 has its decision due in 2035
        Instant requested = Instant.parse("2035-09-17T02:00:00Z");
        axon.commandGateway().sendAndWait(signed(new RequestPermitExtension(id, SHA2), HOLDER, requested));
        assertThat(last(PermitExtensionRequested.class)).satisfies(request -> {
            assertThat(request.late()).isFalse();
            assertThat(request.fastPathDue()).isAfter(LocalDate.of(2035, 9, 17)).isBefore(LocalDate.of(2035, 10, 1));
        });
        assertThat(events()).filteredOn(PermitDutyRaised.class::isInstance).map(PermitDutyRaised.class::cast)
                .filteredOn(d -> d.startedOn() != null && d.startedOn().getYear() == 2035).isNotEmpty()
                .allSatisfy(d -> assertThat(d.calendarVersion().value()).isEqualTo("MN-2024.1+provisional-2035"));
        types.decidePermitExtension(CompanyClaimsFixture.claims(database, axon)).handle(new DecidePermitExtension(id, true, List.of()), by("reviewer-1", Role.MINISTRY_REVIEWER, "2035-09-19T02:00:00Z"));
        assertThat(last(PermitExtended.class).validUntil()).isEqualTo(LocalDate.of(2041, 1, 5));
    }
}
