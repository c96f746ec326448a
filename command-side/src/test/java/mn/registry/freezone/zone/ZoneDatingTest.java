package mn.registry.freezone.zone;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandLog;
import mn.registry.command.backfill.StartupBackfill;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.money.Money;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Session 20, Free Zone round 12 (s20-freezone; docs/abuse-audit.md F179, was O134; ADR 0035 item 40). */
@ExtendWith(mn.registry.store.testing.EmbeddedMongoExtension.class)
class ZoneDatingTest {

    static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");
    static final LocalDate SIGNED = LocalDate.of(2001, 5, 1);

    @Test
    @DisplayName("003 art. 6.1 (ADR 0035 item 40, F179, was O134): a resolution's date recorded on one node while an agreement dated before it is "
            + "being recorded on another waits for it and reads it; an agreement recorded while a date is being recorded reads the date")
    void the_date_and_the_acts_it_judges_are_serialised_in_the_zone(MongoDatabase database) throws Exception {
        CommandLog log = new CommandLog(database, Clock.systemUTC());
        ZoneDating nodeA = new ZoneDating(database, log);
        ZoneDating nodeB = new ZoneDating(database, log);
        List.of(nodeA, nodeB).forEach(ZoneDating::skipped); // no agreement stored before the rule
        ZoneId zone = ZoneId.of("altanbulag");
        for (String command : List.of("agreement-1", "date-1", "date-2", "agreement-2")) {
            log.claim(command, "sha-" + command, "jws", "any", "signer-1");
        }
        ExecutorService otherNode = Executors.newSingleThreadExecutor();
        try {
            // the agreement first: the date's check, arriving on the other node, reads it
            AtomicReference<Future<LocalDate>> dateReads = new AtomicReference<>();
            nodeA.agreementAlone(zone, SIGNED, "agreement-1", AT, () -> {
                dateReads.set(otherNode.submit(() -> nodeB.alone(zone, "date-1", AT, () -> nodeB.earliestAgreement(zone))));
                awaitBriefly(dateReads.get());
                return "AGREEMENT_RECORDED"; // stored: the holder keeps its day before releasing the key
            });
            assertThat(dateReads.get().get(30, TimeUnit.SECONDS)).as("the date's check reads the agreement recorded meanwhile").isEqualTo(SIGNED);
            // the date first: the agreement's check, arriving on the other node, reads the date the first stored
            AtomicReference<LocalDate> recordedDate = new AtomicReference<>();
            AtomicReference<Future<LocalDate>> agreementReads = new AtomicReference<>();
            nodeA.alone(zone, "date-2", AT, () -> {
                agreementReads.set(otherNode.submit(() -> nodeB.agreementAlone(zone, LocalDate.of(1999, 1, 1), "agreement-2", AT, recordedDate::get)));
                awaitBriefly(agreementReads.get());
                recordedDate.set(LocalDate.of(2002, 6, 27));
                return null;
            });
            assertThat(agreementReads.get().get(30, TimeUnit.SECONDS)).as("the agreement's check reads the date recorded meanwhile")
                    .isEqualTo(LocalDate.of(2002, 6, 27));
        } finally {
            otherNode.shutdownNow();
        }
        assertThat(database.getCollection(ZoneDating.KEYS).countDocuments()).as("every key released").isZero();
    }

    private static void awaitBriefly(Future<?> arriving) {
        try {
            arriving.get(2, TimeUnit.SECONDS); // without the key it runs to its end meanwhile
        } catch (TimeoutException waiting) {
            // with the key it waits for this act to finish
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @DisplayName("ADR 0035 item 40: an agreement stored by a command that stopped before keeping its day is kept by whoever takes the key over; "
            + "a key left by a refused command keeps nothing; a refused act keeps nothing and releases the key")
    void a_key_left_by_a_stop_is_settled_before_it_is_taken_over(MongoDatabase database) {
        CommandLog log = new CommandLog(database, Clock.systemUTC());
        ZoneDating dating = new ZoneDating(database, log);
        dating.skipped();
        ZoneId zone = ZoneId.of("zamyn-uud");
        log.claim("agreement-stopped", "sha-a", "jws", "RecordInvestmentAgreement", "governor-1");
        log.done("agreement-stopped", "{}", 200);
        database.getCollection(ZoneDating.KEYS).insertOne(new Document("_id", zone.value()).append("commandId", "agreement-refused")
                .append("agreementSignedOn", "1990-01-01"));
        log.claim("date-3", "sha-d3", "jws", "RecordZoneResolutionDate", "cabinet-1");
        dating.alone(zone, "date-3", AT, () -> null);
        assertThat(dating.earliestAgreement(zone)).as("a refused command's day is not kept").isNull();
        database.getCollection(ZoneDating.KEYS).insertOne(new Document("_id", zone.value()).append("commandId", "agreement-stopped")
                .append("agreementSignedOn", SIGNED.toString()));
        log.claim("date-4", "sha-d4", "jws", "RecordZoneResolutionDate", "cabinet-1");
        assertThat(dating.alone(zone, "date-4", AT, () -> dating.earliestAgreement(zone))).isEqualTo(SIGNED);
        log.claim("agreement-late", "sha-l", "jws", "RecordInvestmentAgreement", "governor-1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dating.agreementAlone(zone, LocalDate.of(1995, 1, 1), "agreement-late", AT, () -> {
            throw new IllegalStateException("refused by the registration");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(dating.earliestAgreement(zone)).isEqualTo(SIGNED);
        assertThat(database.getCollection(ZoneDating.KEYS).countDocuments()).isZero();
    }

    @Test
    @DisplayName("ADR 0035 item 40: the agreements stored before the rule are read once from the store at start, the earliest of each zone kept")
    void agreements_stored_before_the_rule_are_read_once(MongoDatabase database) {
        ZoneDating dating = new ZoneDating(database, new CommandLog(database, Clock.systemUTC()));
        assertThat(dating.due()).isTrue();
        StartupBackfill.Pass pass = dating.begin();
        ZoneId zone = ZoneId.of("tsagaannuur");
        for (LocalDate signed : List.of(LocalDate.of(2010, 3, 1), LocalDate.of(2008, 7, 15), LocalDate.of(2012, 1, 1))) {
            pass.accept(new GenericTrackedEventMessage<>(null, GenericEventMessage.asEventMessage(new RegistrationEvents.InvestmentAgreementRecorded(
                    new RegistrationId("tsagaannuur:mn-" + signed.getYear()), signed, LocalDate.of(2040, 1, 1), Money.mnt(1_000_000L), false,
                    signed.plusYears(1), null, null))));
        }
        pass.accept(new GenericTrackedEventMessage<>(null, GenericEventMessage.asEventMessage("another event")));
        pass.finish(4);
        assertThat(dating.due()).isFalse();
        assertThat(dating.earliestAgreement(zone)).isEqualTo(LocalDate.of(2008, 7, 15));
        assertThat(dating.earliestAgreement(ZoneId.of("khovd"))).as("a zone without agreements").isNull();
    }
}
