package mn.registry.freezone.land;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import mn.registry.command.look.SnapshotLoads;
import mn.registry.document.DocumentReadersOn;
import mn.registry.freezone.entity.CourtDecisionsElsewhereOn;
import mn.registry.freezone.entity.RegistrationStreamReaders;
import mn.registry.freezone.report.QuarterlyReportOn;
import mn.registry.freezone.zone.EstablishedZones;
import mn.registry.infrastructure.identity.Actor;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.QuarterlyReportContent;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneCertificate;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static mn.registry.freezone.FreeZoneSigned.byGovernor;
import static mn.registry.freezone.land.ZoneLandTest.A1;
import static mn.registry.freezone.land.ZoneLandTest.AT;
import static mn.registry.freezone.land.ZoneLandTest.FROM;
import static mn.registry.freezone.land.ZoneLandTest.GOVERNOR;
import static mn.registry.freezone.land.ZoneLandTest.HOLDER;
import static mn.registry.freezone.land.ZoneLandTest.PARCEL_A;
import static mn.registry.freezone.land.ZoneLandTest.REPRESENTATIVE;
import static mn.registry.freezone.land.ZoneLandTest.UNTIL;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static mn.registry.freezone.land.ZoneLandTest.granted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 28, readers of a snapshotted stream (abuse audit F484, was O311; ADR 0069 item 8): the code beside the registration aggregate that
 * folds a registration's stream itself (the land register's standing of a holder, the court decisions recorded elsewhere, the quarterly report,
 * a document's readers) reads it through {@code WholeStream}, from its first event, never from the snapshot Axon's snapshotter took (the real
 * one, on the registry's store, as the registry configures it). Each test failed on the base (s28-freezone 490d11cf), whose readers read
 * Axon's one-argument {@code readEvents}: the snapshot and only the events after it.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class SnapshottedStreamReadersTest extends ZoneLandAbuseFixture {

    static final ZoneId ZAMYN_UUD = ZoneId.of("zamyn-uud");
    static final String COURT_DOC = "c".repeat(64);
    static final String STATUTES = "5".repeat(64);
    static final LocalDate CERTIFIED = LocalDate.of(2026, 11, 2);
    static final LegalEntity FOREIGN = new LegalEntity("Baikal Logistics LLC", Jurisdiction.FOREIGN, "RU", "1027700132195");

    private final CountedRoundTrips counted = new CountedRoundTrips();
    private MongoClient client;
    private SnapshotLoads<?> bench;
    private MongoDatabase database;
    private EventStore events;

    @BeforeEach
    void store(ConnectionString server, MongoDatabase fresh) {
        client = CountedRoundTrips.client(server, counted);
        database = client.getDatabase(fresh.getName());
        bench = RegistrationStreamReaders.snapshotBench(database);
        events = bench.axon().eventStore();
    }

    @AfterEach
    void close() throws Exception {
        bench.close();
        client.close();
    }

    /** {@code history} stored on {@code id}'s stream, one commit per event, and Axon's snapshotter's snapshot taken at its last event. */
    private void snapshotted(RegistrationId id, Object... history) {
        for (Object event : history) {
            bench.append(id.stream(), List.of(event));
        }
        bench.snapshot(id.stream());
        assertThat(bench.snapshotAt(id.stream())).as("the snapshot the readers must read past").isEqualTo(history.length - 1);
    }

    /** The entity's application, received a month before the land register's acts ({@code AT}), citing {@code documents}. */
    private static RegistrationEvents.ZoneRegistrationApplied applying(RegistrationId id, LegalEntity entity, SubmittedZoneDocument... documents) {
        RegistrationEvents.ZoneRegistrationApplied as = LandHoldersTest.applied(id);
        return new RegistrationEvents.ZoneRegistrationApplied(id, id.zoneId(), entity, as.activity(), List.of(documents), AT.minus(35, ChronoUnit.DAYS),
                as.reviewDue().minusDays(35), as.reviewDueAt().minus(35, ChronoUnit.DAYS), as.workingDays(), as.calendarVersion(), as.article(),
                as.signedBy());
    }

    /** The entity registered with its certificate of {@link #CERTIFIED}, before the land application of {@code AT}. */
    private static RegistrationEvents.EntityRegistered registering(RegistrationId id, LegalEntity entity) {
        return new RegistrationEvents.EntityRegistered(id, new ZoneCertificate("C-" + id.zoneId().value(), id, entity, Activity.TRADE, CERTIFIED,
                id.zoneId()), AT.minus(30, ChronoUnit.DAYS), GOVERNOR);
    }

    private static RegistrationEvents.ZoneRegistrationApplied applied(RegistrationId id) {
        return applying(id, LandHoldersTest.ENTITY);
    }

    private static RegistrationEvents.EntityRegistered registered(RegistrationId id) {
        return registering(id, LandHoldersTest.ENTITY);
    }

    private static RegistrationEvents.DeregistrationGroundRaised groundRaised(RegistrationId id) {
        return new RegistrationEvents.DeregistrationGroundRaised(id, DeregistrationGround.INTERRUPTED_TWELVE_MONTHS,
                DeregistrationGround.INTERRUPTED_TWELVE_MONTHS.article(), LocalDate.of(2026, 11, 20), AT, GOVERNOR);
    }

    /** The grant of application 1 by the governor at receipt, the holder's standing as the land register reads it from the store. */
    private org.axonframework.test.aggregate.ResultValidator<ZoneLand> grantWith(LandHolders holders) {
        services.standing = holders.standing(HOLDER);
        return fixture.given(ZoneLandTest.applied(1, HOLDER, PARCEL_A, FROM, UNTIL), ZoneLandTest.selected(1))
                .when(byGovernor(ZoneLandTest.grant(HOLDER, PARCEL_A, FROM, UNTIL, A1), GOVERNOR, ZONE, AT));
    }

    @Test
    @DisplayName("22.2 (003 art. 22.2; ADR 0069 item 8, F484): a registered holder's land is granted after its registration's stream has a "
            + "snapshot: the land register reads the registration from its first event")
    void a_registered_holders_grant_after_a_snapshot_is_accepted() {
        snapshotted(HOLDER, applied(HOLDER), registered(HOLDER));
        LandHolders.Holder standing = new LandHolders(events).standing(HOLDER);
        assertThat(standing.registered()).as("registered before the snapshot").isTrue();
        assertThat(standing.representative()).isEqualTo(REPRESENTATIVE);
        grantWith(new LandHolders(events)).expectSuccessfulHandlerExecution().expectEvents(granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL));
    }

    @Test
    @DisplayName("22.6 (003 art. 12.5, 22.6; ADR 0069 item 8, F484): a ground of deregistration raised before the registration's snapshot still "
            + "refuses the governor's grant of land as a raised ground, and nothing is stored")
    void a_ground_raised_before_the_snapshot_refuses_the_grant() {
        snapshotted(HOLDER, applied(HOLDER), registered(HOLDER), groundRaised(HOLDER));
        LandHolders.Holder standing = new LandHolders(events).standing(HOLDER);
        assertThat(standing.registered()).isTrue();
        assertThat(standing.landGroundRaised()).as("the ground raised before the snapshot").isTrue();
        grantWith(new LandHolders(events))
                .expectException(FreeZoneLandAbuseRound5Test.problem("freezone.holder-ground-raised", "holder", "003 art. 12.5, 22.6")).expectNoEvents();
    }

    @Test
    @DisplayName("22.6 (003 art. 12.5.3, 22.6; ADR 0069 item 8, F484): a governor cannot grant land to an entity whose dissolution by a court was "
            + "recorded in another zone before that registration's snapshot; the grant is refused and nothing is stored")
    void a_dissolution_recorded_elsewhere_before_its_snapshot_refuses_the_grant() {
        bench.append(HOLDER.stream(), List.of(applied(HOLDER), registered(HOLDER)));
        RegistrationId there = HOLDER.inZone(ZAMYN_UUD);
        snapshotted(there, applied(there), registered(there), new RegistrationEvents.CourtDissolutionRecorded(there,
                "Dornogovi civil court 2026/9", CERTIFIED, false, new PersonId("governor-zamyn-uud"),
                COURT_DOC));
        LandHolders holders = new LandHolders(events, CourtDecisionsElsewhereOn.store(events, EstablishedZones.of(database, ZONE, ZAMYN_UUD),
                bench.engine())::ofEach);
        assertThat(holders.standing(HOLDER).landGroundRaised()).as("dissolved in Zamyn-Uud before its snapshot").isTrue();
        grantWith(holders)
                .expectException(FreeZoneLandAbuseRound5Test.problem("freezone.holder-ground-raised", "holder", "003 art. 12.5, 22.6")).expectNoEvents();
    }

    @Test
    @DisplayName("12.5.3 (003 art. 12.5.3; ADR 0035 item 64, ADR 0069 item 8): the court decision whose document another zone's registration "
            + "recorded is found in that registration's stream when the decision is before its snapshot")
    void a_court_decision_before_the_snapshot_is_found_by_its_document() {
        RegistrationId there = HOLDER.inZone(ZAMYN_UUD);
        snapshotted(there, applied(there), registered(there), new RegistrationEvents.CourtDissolutionRecorded(there,
                "Dornogovi civil court 2026/9", CERTIFIED.plusDays(10), false, new PersonId("governor-zamyn-uud"), COURT_DOC));
        assertThat(RegistrationStreamReaders.courtDecisionRecordedElsewhere(events, COURT_DOC, there))
                .hasValueSatisfying(decision -> assertThat(decision.reference()).isEqualTo("Dornogovi civil court 2026/9"));
        assertThat(RegistrationStreamReaders.courtDecisionRecordedElsewhere(events, "d".repeat(64), there)).as("another document").isEmpty();
    }

    @Test
    @DisplayName("12.3 (003 art. 12.3; ADR 0069 item 8): the quarterly report the governor signs names an entity registered before its "
            + "registration's snapshot, as the report built from the events alone does")
    void the_quarterly_report_reads_each_registration_from_its_first_event() {
        RegistrationId foreign = RegistrationId.of(ZONE, FOREIGN);
        snapshotted(foreign, applying(foreign, FOREIGN), registering(foreign, FOREIGN));
        QuarterlyReportContent.Quarter quarter = QuarterlyReportContent.Quarter.of(CERTIFIED);
        QuarterlyReportContent.ReportV2 report = QuarterlyReportOn.build(database, events, applying(foreign, FOREIGN), quarter);
        assertThat(report.entities()).extracting(QuarterlyReportContent.EntityV2::registrationId).containsExactly(foreign.value());
        bench.dropSnapshots();
        assertThat(QuarterlyReportOn.build(database, events, applying(foreign, FOREIGN), quarter)).as("folded from the events alone")
                .isEqualTo(report);
    }

    @Test
    @DisplayName("8.2 (003 art. 8.2, 8.7; ADR 0069 item 8): the applicant reads the document its application cited before the registration's "
            + "snapshot; anybody else is still refused")
    void a_document_cited_before_the_snapshot_is_read_by_its_applicant() {
        RegistrationEvents.ZoneRegistrationApplied citing = applying(HOLDER, LandHoldersTest.ENTITY,
                new SubmittedZoneDocument(ZoneDocument.INCORPORATION_DOCUMENT, STATUTES));
        snapshotted(HOLDER, citing, registered(HOLDER));
        Actor applicant = new Actor(LandHoldersTest.APPLICANT, "Applicant", Set.of(Role.APPLICANT), Set.of());
        Actor stranger = new Actor(new PersonId("applicant-2"), "Stranger", Set.of(Role.APPLICANT), Set.of());
        assertThat(DocumentReadersOn.admits(events, applicant, STATUTES, HOLDER.value())).as("the applicant who cited it").isTrue();
        assertThat(DocumentReadersOn.admits(events, stranger, STATUTES, HOLDER.value())).as("another applicant").isFalse();
    }

    @Test
    @DisplayName("ADR 0069 item 8: the land register's read of a registration with a snapshot asks no snapshot and reads each of the stream's "
            + "commits once (one find each, and one for the end), as a stream without a snapshot; Axon's read from the snapshot asks the snapshot")
    void reading_from_the_first_event_reads_each_commit_once() {
        Object[] history = {applied(HOLDER), registered(HOLDER), groundRaised(HOLDER), groundRaised(HOLDER),
                groundRaised(HOLDER), groundRaised(HOLDER)};
        snapshotted(HOLDER, history);
        LandHolders holders = new LandHolders(events);
        Map<String, Integer> fromTheFirst = counted.during(() -> holders.standing(HOLDER));
        Map<String, Integer> fromTheSnapshot = counted.during(() -> events.readEvents(HOLDER.stream()).asStream().count());
        bench.dropSnapshots();
        Map<String, Integer> noSnapshot = counted.during(() -> holders.standing(HOLDER));
        System.out.println("ADR 0069 item 8 round trips of one registration's standing, " + history.length + " commits, a snapshot at the last: "
                + "from the first event " + fromTheFirst + ", Axon's read from the snapshot " + fromTheSnapshot + ", no snapshot " + noSnapshot);
        assertThat(fromTheFirst.get("find snapshots")).as("no snapshot asked").isNull();
        assertThat(fromTheFirst.get("find events")).as("each commit once, and the end").isEqualTo(history.length + 1);
        assertThat(fromTheFirst).isEqualTo(noSnapshot);
        assertThat(fromTheSnapshot.get("find snapshots")).isEqualTo(1);
    }

    @Test
    @DisplayName("ADR 0069 item 10 (F485, was O326): the aggregate's own load right after a snapshot taken at its stream's last event reads the "
            + "snapshot and asks for the event after it (its head key, then the 64 before it), and walks no commit of the stream; it still reads "
            + "an event stored after the snapshot")
    void the_load_after_a_snapshot_at_the_last_event_walks_no_commit() {
        Object[] history = {applied(HOLDER), registered(HOLDER), groundRaised(HOLDER), groundRaised(HOLDER), groundRaised(HOLDER),
                groundRaised(HOLDER)};
        snapshotted(HOLDER, history);
        long[] read = new long[1];
        Map<String, Integer> load = counted.during(() -> read[0] = events.readEvents(HOLDER.stream()).asStream().count());
        assertThat(read[0]).as("the snapshot alone").isEqualTo(1);
        assertThat(load.get("find snapshots")).isEqualTo(1);
        assertThat(load.get("find events")).as("the event after the snapshot asked, by its key and the 64 before it").isEqualTo(2);
        bench.append(HOLDER.stream(), List.of(groundRaised(HOLDER)));
        assertThat(events.readEvents(HOLDER.stream()).asStream().map(e -> e.getSequenceNumber()).toList()).as("the snapshot and the event after it")
                .containsExactly((long) history.length - 1, (long) history.length);
    }
}
