package mn.registry.freezone.entity;

import com.mongodb.client.MongoDatabase;
import mn.registry.deadline.DeadlinePoller;
import mn.registry.deadline.DeadlineState;
import mn.registry.deadline.MongoDeadlines;
import mn.registry.deadline.ScheduledDeadline;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneCertificate;
import mn.registry.kernel.money.Money;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.testing.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.freezone.entity.ZoneRegistrationTest.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0035 item 6: how an existing registry picks up the year to start of registrations stored without an agreement. The deadlines
 * projection schedules it from {@code EntityRegistered} from now on; for what it handled before, the start-up step
 * {@link StartDeadlineBackfill} reads the store once and starts the same deadline (the id a replay would give it).
 */
@ExtendWith(EmbeddedMongoExtension.class)
class StartDeadlineBackfillTest {

    private MongoDeadlines deadlines;
    private StartDeadlineBackfill backfill;

    @BeforeEach
    void start(MongoDatabase database) {
        deadlines = new MongoDeadlines(database);
        deadlines.ensureIndexes();
        backfill = new StartDeadlineBackfill(database, deadlines, null, new MovableClock(Instant.parse("2028-01-10T00:00:00Z")));
    }

    private static LegalEntity entity(String number) {
        return new LegalEntity("Entity " + number, Jurisdiction.MONGOLIAN, null, number);
    }

    private static RegistrationEvents.EntityRegistered registered(RegistrationId id, LegalEntity entity, LocalDate on) {
        return new RegistrationEvents.EntityRegistered(id, new ZoneCertificate("ALTANBULAG/" + on.getYear() + "/MN-" + entity.registrationNumber(), id,
                entity, Activity.TRADE, on, ZONE), UlaanbaatarTime.endOf(on).toInstant().minusSeconds(3600), null);
    }

    @Test
    @DisplayName("003 art. 12.5.1: at start, a registration stored without an investment agreement gets its year to start from the certificate, and the poller raises the ground after it")
    void stored_registration_without_agreement_gets_its_deadline() throws Exception {
        LegalEntity waiting = entity("6000001");
        LegalEntity agreed = entity("6000002");
        LegalEntity started = entity("6000003");
        LegalEntity gone = entity("6000004");
        RegistrationId waitingId = RegistrationId.of(ZONE, waiting);
        RegistrationId agreedId = RegistrationId.of(ZONE, agreed);
        RegistrationId startedId = RegistrationId.of(ZONE, started);
        RegistrationId goneId = RegistrationId.of(ZONE, gone);
        LocalDate certified = LocalDate.of(2026, 11, 24);
        List<StartDeadlineBackfill.Stored> store = List.of(
                new StartDeadlineBackfill.Stored(registered(waitingId, waiting, certified), 1),
                new StartDeadlineBackfill.Stored(registered(agreedId, agreed, certified), 1),
                new StartDeadlineBackfill.Stored(new RegistrationEvents.InvestmentAgreementRecorded(agreedId, certified, LocalDate.of(2036, 1, 1),
                        Money.mnt(1_000_000L), false, LocalDate.of(2027, 11, 23), null, null), 2),
                new StartDeadlineBackfill.Stored(registered(startedId, started, certified), 1),
                new StartDeadlineBackfill.Stored(new RegistrationEvents.OperationsStarted(startedId, LocalDate.of(2027, 2, 1), null, null), 2),
                new StartDeadlineBackfill.Stored(registered(goneId, gone, certified), 1),
                new StartDeadlineBackfill.Stored(new RegistrationEvents.EntityDeregistered(goneId, ZONE, DeregistrationGround.COURT_DECISION,
                        "003 art. 12.5.3", "dissolved", Instant.parse("2027-03-01T03:00:00Z"), false, false, null), 5));

        assertThat(backfill.backfill(store.iterator())).isEqualTo(1);
        String id = ScheduledDeadline.idOf(waitingId.value(), FreeZoneDeadlineRules.START, 1);
        assertThat(deadlines.find(id)).get().satisfies(d -> {
            assertThat(d.due()).isEqualTo(LocalDate.of(2027, 11, 23));
            assertThat(d.article()).isEqualTo("003 art. 12.5.1");
        });
        assertThat(deadlines.openOf(agreedId.value())).isEmpty();
        assertThat(deadlines.openOf(startedId.value())).isEmpty();
        assertThat(deadlines.openOf(goneId.value())).isEmpty();

        // the poller fires it after the year's last day, with the command that raises the ground (judged by the aggregate)
        List<Object> sent = new ArrayList<>();
        MovableClock registryTime = new MovableClock(Instant.parse("2027-11-23T15:59:59Z"));
        DeadlinePoller poller = new DeadlinePoller(deadlines, List.of(new FreeZoneDeadlineRules()), registryTime,
                new MovableClock(Instant.parse("2030-01-01T00:00:00Z")), Duration.ofSeconds(30), "node-a", sent::add);
        assertThat(poller.pollOnce()).isZero();
        registryTime.set(Instant.parse("2027-11-23T16:00:01Z"));
        assertThat(poller.pollOnce()).isEqualTo(1);
        assertThat(sent).singleElement().isEqualTo(new RegistrationStreamCommands.RaiseGroundIfDue(RegistrationStreamCommands.stream(waitingId),
                waitingId, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, LocalDate.of(2027, 11, 24), Instant.parse("2027-11-23T16:00:01Z")));

        // run again (a second node, or a start stopped half-way): the fired deadline stays fired, nothing is scheduled twice
        backfill.backfill(store.iterator());
        assertThat(deadlines.state(id)).contains(DeadlineState.FIRED);
        assertThat(deadlines.openOf(waitingId.value())).isEmpty();
    }

    @Test
    @DisplayName("003 art. 12.5.1: the deadlines projection schedules the year to start from the certificate, and the agreement's year replaces it")
    void projection_schedules_from_the_certificate() {
        FreeZoneDeadlineRules rules = new FreeZoneDeadlineRules();
        assertThat(rules.instructionsFor(ZoneRegistrationTest.registered(), 1)).containsExactly(
                new mn.registry.deadline.DeadlineInstruction.End(ZoneRegistrationTest.ID.value(), FreeZoneDeadlineRules.REVIEW),
                FreeZoneDeadlineRules.startFromCertificate(ZoneRegistrationTest.registered(), 1));
        assertThat(FreeZoneDeadlineRules.startFromCertificate(ZoneRegistrationTest.registered(), 1).deadline().due())
                .isEqualTo(LocalDate.of(2027, 11, 23));
        assertThat(rules.instructionsFor(ZoneRegistrationTest.agreement(LocalDate.of(2027, 2, 24), LocalDate.of(2028, 2, 23)), 2).get(0))
                .isEqualTo(new mn.registry.deadline.DeadlineInstruction.End(ZoneRegistrationTest.ID.value(), FreeZoneDeadlineRules.START));
    }
}
