package mn.registry.freezone.query;

import com.mongodb.client.MongoDatabase;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.freezone.QuarterlyReportContent;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneCertificate;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedMongoExtension.class)
class GovernorDeskTest {

    static final ZoneId ZONE = ZoneId.of("zamyn-uud");
    static final PersonId GOVERNOR = new PersonId("governor-zamyn-uud");
    static final PersonId APPLICANT = new PersonId("applicant-1");
    static final LegalEntity ERLIAN = new LegalEntity("Erlian Logistics Co", Jurisdiction.FOREIGN, "CN", "911500001");
    static final LegalEntity GOBI = new LegalEntity("Gobi Trade LLC", Jurisdiction.MONGOLIAN, null, "5123456");
    static final LegalEntity ALTAI = new LegalEntity("Altai Hotel LLC", Jurisdiction.MONGOLIAN, null, "5999999");

    private static CurrentCalendar calendar;

    private MongoDatabase database;
    private GovernorDeskProjection projection;

    @BeforeAll
    static void start() {
        calendar = new CurrentCalendar(EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build(), Clock.systemUTC());
    }

    @BeforeEach
    void fresh(MongoDatabase database) {
        this.database = database;
        projection = new GovernorDeskProjection(database);
    }

    private GovernorDesk deskOn(LocalDate today) {
        return new GovernorDesk(database, calendar, Clock.fixed(today.atTime(10, 0).atZone(UlaanbaatarTime.ZONE).toInstant(), ZoneOffset.UTC));
    }

    static RegistrationEvents.ZoneRegistrationApplied applied(LegalEntity entity, Activity activity, LocalDate receivedOn, LocalDate due) {
        return new RegistrationEvents.ZoneRegistrationApplied(RegistrationId.of(ZONE, entity), ZONE, entity, activity, List.of(),
                receivedOn.atTime(9, 0).atZone(UlaanbaatarTime.ZONE).toInstant(), due, UlaanbaatarTime.endOf(due).toInstant(), WorkingDays.of(5),
                new CalendarVersion("MN-2024.1"), "003 art. 12.2", APPLICANT);
    }

    static RegistrationEvents.EntityRegistered registered(LegalEntity entity, Activity activity, LocalDate on) {
        RegistrationId id = RegistrationId.of(ZONE, entity);
        return new RegistrationEvents.EntityRegistered(id, new ZoneCertificate("ZAMYN-UUD/" + on.getYear() + "/" + entity.key(), id, entity, activity, on, ZONE),
                on.atTime(11, 0).atZone(UlaanbaatarTime.ZONE).toInstant(), GOVERNOR);
    }

    @Test
    @DisplayName("003 art. 12.2: the zone's queue lists applications under review, fewest business days left first, counted over a weekend and a holiday")
    void queue_by_business_days_left() {
        projection.on(applied(GOBI, Activity.TRADE, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 30)));
        projection.on(applied(ERLIAN, Activity.PRODUCTION, LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 25)));
        projection.on(applied(ALTAI, Activity.HOTEL, LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 24)));
        projection.on(registered(ALTAI, Activity.HOTEL, LocalDate.of(2026, 11, 20)));

        List<GovernorDesk.QueueEntry> queue = deskOn(LocalDate.of(2026, 11, 20)).queue(ZONE.value()); // Friday
        assertThat(queue).extracting(GovernorDesk.QueueEntry::entityName).containsExactly("Erlian Logistics Co", "Gobi Trade LLC");
        assertThat(queue).extracting(GovernorDesk.QueueEntry::businessDaysLeft).containsExactly(3, 5); // 23, 24, 25, 27, 30 Nov: 26 Nov is a public holiday
        assertThat(deskOn(LocalDate.of(2026, 11, 20)).queue("altanbulag")).isEmpty();

        projection.on(new RegistrationEvents.ZoneRegistrationReviewOverdue(RegistrationId.of(ZONE, ERLIAN), LocalDate.of(2026, 11, 25),
                Instant.parse("2026-11-25T16:00:01Z"), "003 art. 12.2"));
        assertThat(deskOn(LocalDate.of(2026, 11, 26)).queue(ZONE.value())).extracting(GovernorDesk.QueueEntry::escalated).containsExactly(true, false);
    }

    @Test
    @DisplayName("003 art. 12.2 (ADR 0035 item 170, choice; F614, was O486): a decision received after the 5 business days is shown late on "
            + "the zone's entities, with the last day it came after; one in time is not")
    void a_late_decision_is_shown_late_on_the_desk() {
        projection.on(applied(GOBI, Activity.TRADE, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 30)));
        RegistrationEvents.EntityRegistered inTime = registered(GOBI, Activity.TRADE, LocalDate.of(2026, 11, 25));
        projection.on(new RegistrationEvents.EntityRegistered(inTime.registrationId(), inTime.certificate(), Instant.parse("2026-12-01T02:00:00Z"),
                GOVERNOR, LocalDate.of(2026, 11, 30)));
        projection.on(applied(ALTAI, Activity.HOTEL, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 30)));
        projection.on(new RegistrationEvents.ZoneRegistrationRejected(RegistrationId.of(ZONE, ALTAI), List.of("hotels are not allowed"),
                Instant.parse("2026-12-02T02:00:00Z"), GOVERNOR, LocalDate.of(2026, 11, 30)));
        projection.on(applied(ERLIAN, Activity.PRODUCTION, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 30)));
        projection.on(registered(ERLIAN, Activity.PRODUCTION, LocalDate.of(2026, 11, 25)));

        assertThat(deskOn(LocalDate.of(2026, 12, 3)).entities(ZONE.value()))
                .extracting(row -> row.getString("entityName"), row -> row.getString("lateAfter"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Gobi Trade LLC", "2026-11-30"),
                        org.assertj.core.groups.Tuple.tuple("Altai Hotel LLC", "2026-11-30"), org.assertj.core.groups.Tuple.tuple("Erlian Logistics Co", null));
    }

    @Test
    @DisplayName("003 art. 12.5: a raised ground is listed for the governor until the entity is deregistered; 22.6 revocation shows on the land list")
    void grounds_due_and_revoked_land() {
        RegistrationId gobi = RegistrationId.of(ZONE, GOBI);
        projection.on(applied(GOBI, Activity.TRADE, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 30)));
        projection.on(registered(GOBI, Activity.TRADE, LocalDate.of(2026, 11, 25)));
        RegistrationEvents.DeregistrationGroundRaised raised = new RegistrationEvents.DeregistrationGroundRaised(gobi, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR,
                "003 art. 12.5.1", LocalDate.of(2027, 11, 26), Instant.parse("2027-11-26T01:00:00Z"), null);
        projection.on(raised);
        projection.on(raised);
        assertThat(deskOn(LocalDate.of(2027, 11, 26)).groundsDue(ZONE.value()))
                .containsExactly(new GovernorDesk.GroundDue(gobi.value(), "Gobi Trade LLC", "NOT_STARTED_WITHIN_ONE_YEAR", "003 art. 12.5.1", LocalDate.of(2027, 11, 26)));

        LandLicenceId licence = LandLicenceId.of(ZONE, 1);
        projection.on(new LandEvents.LandRightsGranted(ZONE, licence, gobi, "Lot 7", GeoPolygon.of(111.85, 43.70, 111.86, 43.70, 111.86, 43.71), new BigDecimal("40.2"),
                "warehouse", LocalDate.of(2027, 1, 1), LocalDate.of(2036, 12, 31), LandCommands.AllocationMethod.AUCTION, Money.mnt(90_000_000), "d",
                Instant.parse("2026-12-01T01:00:00Z"), GOVERNOR, null));
        projection.on(new RegistrationEvents.EntityDeregistered(gobi, ZONE, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, "003 art. 12.5.1", "r",
                Instant.parse("2027-11-30T01:00:00Z"), true, true, GOVERNOR));
        projection.on(new LandEvents.LandRightsRevoked(ZONE, licence, gobi, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, "003 art. 22.6",
                Instant.parse("2027-11-30T01:00:01Z")));
        GovernorDesk desk = deskOn(LocalDate.of(2027, 12, 1));
        assertThat(desk.groundsDue(ZONE.value())).isEmpty();
        assertThat(desk.licences(ZONE.value())).singleElement().satisfies(l -> {
            assertThat(l.status()).isEqualTo("REVOKED");
            // operations never started: every licence year is before operations, at the full fee (003 art. 23.1 counts years of operation)
            assertThat(l.feeSchedule()).hasSize(10);
            assertThat(l.feeSchedule()).extracting(f -> f.exemptPercent()).containsOnly(0);
            assertThat(l.feeSchedule()).extracting(f -> f.yearOfOperation()).containsOnly(0);
        });
    }

    static final GeoPolygon ZONE_SQUARE = GeoPolygon.of(111.80, 43.68, 111.92, 43.68, 111.92, 43.76, 111.80, 43.76);

    static LandEvents.LandRightsGranted licence(int n, RegistrationId holder, String purpose, LocalDate from, LocalDate until) {
        return new LandEvents.LandRightsGranted(ZONE, LandLicenceId.of(ZONE, n), holder, "Lot " + n, GeoPolygon.of(111.85, 43.70, 111.86, 43.70, 111.86, 43.71),
                new BigDecimal("40.2"), purpose, from, until, LandCommands.AllocationMethod.AUCTION, Money.mnt(90_000_000), "d",
                Instant.parse("2026-12-01T01:00:00Z"), GOVERNOR, LandApplicationId.of(ZONE, n));
    }

    @Test
    @DisplayName("003 art. 23.1: the exemption follows the holder's registered activity allowed by the zone, not the licence's purpose text")
    void fee_schedule_from_the_registered_activity() {
        projection.on(new ZoneEvents.ZoneEstablished(ZONE, "Zamyn-Uud", "Dornogovi", new BigDecimal("900"), ZONE_SQUARE,
                List.of(Activity.TRADE, Activity.PRODUCTION, Activity.OTHER), false, "SGK 2004/21", Instant.parse("2026-01-01T00:00:00Z"), GOVERNOR));
        RegistrationId gobi = RegistrationId.of(ZONE, GOBI);
        RegistrationId altai = RegistrationId.of(ZONE, ALTAI);
        RegistrationId erlian = RegistrationId.of(ZONE, ERLIAN);
        projection.on(applied(GOBI, Activity.OTHER, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 30)));
        projection.on(registered(GOBI, Activity.OTHER, LocalDate.of(2026, 11, 25)));
        // a hotel registered before registrations were checked against the resolution (which allows no hotels here)
        projection.on(applied(ALTAI, Activity.HOTEL, LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 24)));
        projection.on(registered(ALTAI, Activity.HOTEL, LocalDate.of(2026, 11, 20)));
        projection.on(applied(ERLIAN, Activity.TRADE, LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 25)));
        projection.on(registered(ERLIAN, Activity.TRADE, LocalDate.of(2026, 11, 24)));
        for (RegistrationId id : List.of(gobi, altai, erlian)) {
            projection.on(new RegistrationEvents.OperationsStarted(id, LocalDate.of(2027, 1, 1), GOVERNOR, null));
        }
        projection.on(licence(1, gobi, "hotel and guest house", LocalDate.of(2027, 1, 1), LocalDate.of(2030, 12, 31)));
        projection.on(licence(2, altai, "hotel", LocalDate.of(2027, 1, 1), LocalDate.of(2030, 12, 31)));
        projection.on(licence(3, erlian, "shop", LocalDate.of(2027, 1, 1), LocalDate.of(2030, 12, 31)));
        List<GovernorDesk.Licence> licences = deskOn(LocalDate.of(2027, 1, 5)).licences(ZONE.value());
        assertThat(licences).extracting(GovernorDesk.Licence::holder).containsExactly(gobi.value(), altai.value(), erlian.value());
        assertThat(licences.get(0).feeSchedule()).as("purpose text claims a hotel; registered OTHER").extracting(f -> f.exemptPercent()).containsOnly(0);
        assertThat(licences.get(1).feeSchedule()).as("HOTEL is not an activity of this zone's resolution").extracting(f -> f.exemptPercent()).containsOnly(0);
        assertThat(licences.get(2).feeSchedule()).extracting(f -> f.exemptPercent()).containsOnly(100);
    }

    @Test
    @DisplayName("003 art. 23.3-23.4, 22.2: the Government's exemption shows in the schedules it covers; applications for land are listed, pending first")
    void government_exemption_and_applications_on_the_desk() {
        projection.on(new ZoneEvents.ZoneEstablished(ZONE, "Zamyn-Uud", "Dornogovi", new BigDecimal("900"), ZONE_SQUARE,
                List.of(Activity.TRADE, Activity.PRODUCTION, Activity.OTHER), false, "SGK 2004/21", Instant.parse("2026-01-01T00:00:00Z"), GOVERNOR));
        RegistrationId gobi = RegistrationId.of(ZONE, GOBI);
        projection.on(applied(GOBI, Activity.OTHER, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 30)));
        projection.on(registered(GOBI, Activity.OTHER, LocalDate.of(2026, 11, 25)));
        GeoPolygon lot = GeoPolygon.of(111.85, 43.70, 111.86, 43.70, 111.86, 43.71);
        projection.on(new LandEvents.LandUseApplied(ZONE, LandApplicationId.of(ZONE, 1), gobi, "Lot 1", lot, new BigDecimal("40.2"), "depot",
                LocalDate.of(2027, 1, 1), LocalDate.of(2030, 12, 31), LandCommands.AllocationMethod.AUCTION, Instant.parse("2026-11-30T01:00:00Z"), APPLICANT));
        projection.on(new LandEvents.LandUseApplied(ZONE, LandApplicationId.of(ZONE, 2), gobi, "Lot 2", lot, new BigDecimal("40.2"), "depot",
                LocalDate.of(2027, 1, 1), LocalDate.of(2030, 12, 31), LandCommands.AllocationMethod.TENDER, Instant.parse("2026-11-30T02:00:00Z"), APPLICANT));
        assertThat(deskOn(LocalDate.of(2026, 12, 1)).landApplications(ZONE.value())).extracting(d -> d.getString("status")).containsExactly("PENDING", "PENDING");
        projection.on(licence(1, gobi, "depot", LocalDate.of(2027, 1, 1), LocalDate.of(2030, 12, 31)));
        projection.on(new LandEvents.LandFeeExemptionGranted(ZONE, 1, gobi, null, 40, LocalDate.of(2028, 1, 1), LocalDate.of(2028, 12, 31), "Government resolution 2027/5",
                LocalDate.of(2027, 12, 20), "ab".repeat(32), "003 art. 23.3-23.4", Instant.parse("2027-12-21T01:00:00Z"), new PersonId("cabinet-1")));
        GovernorDesk desk = deskOn(LocalDate.of(2028, 1, 2));
        assertThat(desk.landApplications(ZONE.value())).extracting(d -> d.getString("_id") + " " + d.getString("status"))
                .containsExactly("zamyn-uud-A2 PENDING", "zamyn-uud-A1 GRANTED");
        assertThat(desk.licences(ZONE.value()).get(0).feeSchedule()).extracting(f -> f.exemptPercent()).containsExactly(0, 40, 0, 0);
        assertThat(desk.licences(ZONE.value()).get(0).feeSchedule().get(1).decision()).isEqualTo("Government resolution 2027/5");
    }

    @Test
    @DisplayName("003 art. 12.3: the quarter's report lists foreign-invested entities registered by its end with their investments, as JSON and CSV")
    void quarterly_report() {
        RegistrationId erlian = RegistrationId.of(ZONE, ERLIAN);
        projection.on(applied(ERLIAN, Activity.PRODUCTION, LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 25)));
        projection.on(registered(ERLIAN, Activity.PRODUCTION, LocalDate.of(2026, 11, 24)));
        projection.on(new RegistrationEvents.InvestmentAgreementRecorded(erlian, LocalDate.of(2026, 12, 1), LocalDate.of(2036, 12, 1),
                new Money(new BigDecimal("2500000"), "USD"), true, LocalDate.of(2027, 11, 30), GOVERNOR, null));
        projection.on(applied(GOBI, Activity.TRADE, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 30)));
        projection.on(registered(GOBI, Activity.TRADE, LocalDate.of(2026, 11, 25)));
        projection.on(applied(ALTAI, Activity.HOTEL, LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 24)));
        projection.on(registered(ALTAI, Activity.HOTEL, LocalDate.of(2027, 1, 5)));
        projection.on(new RegistrationEvents.InvestmentAgreementRecorded(RegistrationId.of(ZONE, ALTAI), LocalDate.of(2027, 1, 6), LocalDate.of(2030, 1, 6),
                new Money(new BigDecimal("800000"), "USD"), true, LocalDate.of(2028, 1, 5), GOVERNOR, null));

        QuarterlyReport reports = new QuarterlyReport(database);
        QuarterlyReport.Report q4 = reports.build(ZONE.value(), 2026, 4);
        assertThat(q4.entities()).extracting(QuarterlyReport.Entity::name).containsExactly("Erlian Logistics Co");
        assertThat(q4.totalInvestment()).containsEntry("USD", new BigDecimal("2500000"));
        QuarterlyReport.Report q1 = reports.build(ZONE.value(), 2027, 1);
        assertThat(q1.entities()).extracting(QuarterlyReport.Entity::name).containsExactlyInAnyOrder("Erlian Logistics Co", "Altai Hotel LLC");
        assertThat(q1.totalInvestment()).containsEntry("USD", new BigDecimal("3300000"));

        String csv = QuarterlyReport.csv(reports.buildV2(ZONE.value(), 2026, 4));
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv.split("\r\n")[1]).startsWith("zamyn-uud,2026,4,zamyn-uud:cn-911500001,Erlian Logistics Co,FOREIGN,CN,").contains(",2500000,USD,REGISTERED");

        String hash = QuarterlyReport.sha256(q4);
        assertThat(QuarterlyReport.sha256(reports.build(ZONE.value(), 2026, 4))).isEqualTo(hash);
        assertThat(reports.signed(ZONE.value(), 2026, 4).signedBy()).isNull();
        projection.on(new ZoneEvents.QuarterlyReportSigned(ZONE, 2026, 4, hash, Instant.parse("2027-01-03T02:00:00Z"), GOVERNOR));
        assertThat(reports.signed(ZONE.value(), 2026, 4).signedBy()).isEqualTo("governor-zamyn-uud");
        projection.on(new ZoneEvents.QuarterlyReportSigned(ZONE, 2027, 1, "00".repeat(32), Instant.parse("2027-04-03T02:00:00Z"), GOVERNOR));
        assertThat(reports.signed(ZONE.value(), 2027, 1).signedBy()).as("a signature of other bytes does not sign this report").isNull();
    }

    @Test
    @DisplayName("003 art. 12.3 (ADR 0035 item 26, F166): after a correction the quarter's view names its latest report and the earlier one it "
            + "corrects; a report whose content changed since the latest signature offers to correct that latest")
    void the_quarters_latest_report_and_what_it_corrects() {
        RegistrationId erlian = RegistrationId.of(ZONE, ERLIAN);
        projection.on(applied(ERLIAN, Activity.PRODUCTION, LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 25)));
        projection.on(registered(ERLIAN, Activity.PRODUCTION, LocalDate.of(2026, 11, 24)));
        QuarterlyReport reports = new QuarterlyReport(database);
        assertThat(reports.signed(ZONE.value(), 2026, 4).latest()).isNull();
        String first = QuarterlyReport.sha256(reports.build(ZONE.value(), 2026, 4));
        projection.on(new ZoneEvents.QuarterlyReportSigned(ZONE, 2026, 4, first, Instant.parse("2027-01-03T02:00:00Z"), GOVERNOR));
        // an agreement recorded later, dated inside the quarter, changes the registry's report of it
        projection.on(new RegistrationEvents.InvestmentAgreementRecorded(erlian, LocalDate.of(2026, 12, 1), LocalDate.of(2036, 12, 1),
                new Money(new BigDecimal("2500000"), "USD"), true, LocalDate.of(2027, 11, 30), GOVERNOR, null));
        QuarterlyReport.Signed changed = reports.signed(ZONE.value(), 2026, 4);
        assertThat(changed.sha256()).isNotEqualTo(first);
        assertThat(changed.signedBy()).isNull();
        assertThat(changed.latest().sha256()).as("the report a new signature corrects").isEqualTo(first);
        assertThat(changed.latest().corrects()).isNull();
        projection.on(new ZoneEvents.QuarterlyReportSigned(ZONE, 2026, 4, changed.sha256(), Instant.parse("2027-01-10T02:00:00Z"), GOVERNOR, first, 2));
        QuarterlyReport.Signed corrected = reports.signed(ZONE.value(), 2026, 4);
        assertThat(corrected.signedBy()).isEqualTo("governor-zamyn-uud");
        assertThat(corrected.corrects()).isEqualTo(first);
        assertThat(corrected.latest().sha256()).isEqualTo(changed.sha256());
        assertThat(corrected.latest().corrects()).isEqualTo(first);
    }

    @Test
    @DisplayName("003 art. 12.3 (ADR 0035 item 29): each quarter's latest report is one row read by its _id; the reports projected before that row "
            + "existed fill it once at start (the latest by its time of signing), and a later report replaces it")
    void the_quarters_latest_report_is_read_by_its_id() {
        // two reports of 2026-Q4 and one of 2027-Q1, as the projection wrote them before the row of the latest existed
        var stored = database.getCollection("fz_reports");
        String first = "1a".repeat(32);
        String second = "2b".repeat(32);
        stored.insertOne(new org.bson.Document("_id", "zamyn-uud/2026-Q4/" + first).append("zoneId", "zamyn-uud").append("year", 2026)
                .append("quarter", 4).append("reportSha256", first).append("signedAt", "2027-01-03T02:00:00Z").append("signedBy", GOVERNOR.value())
                .append("corrects", null));
        stored.insertOne(new org.bson.Document("_id", "zamyn-uud/2026-Q4/" + second).append("zoneId", "zamyn-uud").append("year", 2026)
                .append("quarter", 4).append("reportSha256", second).append("signedAt", "2027-01-10T02:00:00Z").append("signedBy", GOVERNOR.value())
                .append("corrects", first));
        stored.insertOne(new org.bson.Document("_id", "zamyn-uud/2027-Q1/" + first).append("zoneId", "zamyn-uud").append("year", 2027)
                .append("quarter", 1).append("reportSha256", first).append("signedAt", "2027-04-03T02:00:00Z").append("signedBy", GOVERNOR.value())
                .append("corrects", null));
        database.getCollection("fz_report_latest").deleteMany(new org.bson.Document()); // as before this release: no row, no marker
        assertThat(database.getCollection("fz_report_latest").countDocuments()).isZero();
        assertThat(stored.countDocuments()).isEqualTo(3);

        GovernorDeskProjection started = new GovernorDeskProjection(database); // the registry starts with this release
        var latest = database.getCollection("fz_report_latest");
        org.bson.Document row = latest.find(com.mongodb.client.model.Filters.eq("_id", "zamyn-uud/2026-Q4")).first();
        assertThat(row).as("the quarter's row, by _id").isNotNull();
        assertThat(row.getString("reportSha256")).isEqualTo(second);
        assertThat(row.getString("corrects")).isEqualTo(first);
        QuarterlyReport reports = new QuarterlyReport(database);
        assertThat(reports.signed(ZONE.value(), 2026, 4).latest().sha256()).isEqualTo(second);
        assertThat(reports.signed(ZONE.value(), 2027, 1).latest().sha256()).isEqualTo(first);
        assertThat(reports.signed(ZONE.value(), 2027, 2).latest()).isNull();

        // filled once: a second start does not fill again, and a report signed later replaces the quarter's row
        latest.deleteOne(com.mongodb.client.model.Filters.eq("_id", "zamyn-uud/2027-Q1"));
        new GovernorDeskProjection(database);
        assertThat(reports.signed(ZONE.value(), 2027, 1).latest()).as("not filled twice").isNull();
        String third = "3c".repeat(32);
        started.on(new ZoneEvents.QuarterlyReportSigned(ZONE, 2026, 4, third, Instant.parse("2027-01-20T02:00:00Z"), GOVERNOR, second));
        assertThat(reports.signed(ZONE.value(), 2026, 4).latest()).isEqualTo(new QuarterlyReport.Latest(third, GOVERNOR.value(),
                "2027-01-20T02:00:00Z", second, 1));
    }

    @Test
    @DisplayName("003 art. 12.3: the desk's report has the bytes the registry builds from the events, so the hash the governor signs is the one checked")
    void desk_report_equals_the_registrys_report_from_events() {
        RegistrationId erlian = RegistrationId.of(ZONE, ERLIAN);
        RegistrationId gobi = RegistrationId.of(ZONE, GOBI);
        List<Object> erlianEvents = List.of(applied(ERLIAN, Activity.PRODUCTION, LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 25)),
                registered(ERLIAN, Activity.PRODUCTION, LocalDate.of(2026, 11, 24)),
                new RegistrationEvents.InvestmentAgreementRecorded(erlian, LocalDate.of(2027, 2, 1), LocalDate.of(2036, 12, 1),
                        new Money(new BigDecimal("2500000.50"), "USD"), true, LocalDate.of(2028, 2, 1), GOVERNOR, null),
                // deregistered at 01:00 local on 1 April (still 31 March in UTC): the local date counts
                new RegistrationEvents.EntityDeregistered(erlian, ZONE, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", "r",
                        Instant.parse("2027-03-31T17:00:00Z"), false, true, GOVERNOR));
        List<Object> gobiEvents = List.of(applied(GOBI, Activity.TRADE, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 30)),
                registered(GOBI, Activity.TRADE, LocalDate.of(2026, 11, 25)),
                new RegistrationEvents.InvestmentAgreementRecorded(gobi, LocalDate.of(2026, 12, 20), LocalDate.of(2031, 1, 1),
                        new Money(new BigDecimal("900000"), "EUR"), true, LocalDate.of(2027, 12, 20), GOVERNOR, null));
        erlianEvents.forEach(this::project);
        gobiEvents.forEach(this::project);
        QuarterlyReport reports = new QuarterlyReport(database);
        for (int[] yq : new int[][]{{2026, 4}, {2027, 1}, {2027, 2}}) {
            QuarterlyReportContent.Report fromEvents = QuarterlyReportContent.build(ZONE, new QuarterlyReportContent.Quarter(yq[0], yq[1]),
                    List.of(QuarterlyReportContent.fold(gobiEvents), QuarterlyReportContent.fold(erlianEvents)));
            assertThat(QuarterlyReport.sha256(reports.build(ZONE.value(), yq[0], yq[1]))).as(yq[0] + "-Q" + yq[1])
                    .isEqualTo(QuarterlyReportContent.sha256(fromEvents));
        }
        for (int[] yq : new int[][]{{2026, 4}, {2027, 1}, {2027, 2}}) {
            QuarterlyReportContent.ReportV2 fromEvents = QuarterlyReportContent.buildV2(ZONE, new QuarterlyReportContent.Quarter(yq[0], yq[1]),
                    List.of(QuarterlyReportContent.foldPeriods(gobiEvents), QuarterlyReportContent.foldPeriods(erlianEvents)));
            assertThat(QuarterlyReportContent.sha256(reports.buildV2(ZONE.value(), yq[0], yq[1]))).as("version 2, " + yq[0] + "-Q" + yq[1])
                    .isEqualTo(QuarterlyReportContent.sha256(fromEvents));
        }
        // 2026-Q4: Erlian is foreign but its agreement was signed only in February: listed without an investment
        assertThat(reports.build(ZONE.value(), 2026, 4).entities()).extracting(QuarterlyReport.Entity::investment).containsExactly(null, new BigDecimal("900000"));
        assertThat(reports.build(ZONE.value(), 2027, 1).entities()).extracting(QuarterlyReport.Entity::statusAtQuarterEnd).containsExactly("REGISTERED", "REGISTERED");
        assertThat(reports.build(ZONE.value(), 2027, 2).entities()).extracting(QuarterlyReport.Entity::statusAtQuarterEnd).containsExactly("DEREGISTERED", "REGISTERED");
    }

    private void project(Object event) {
        GovernorDeskRebuildTest.project(projection, event);
    }

    @Test
    @DisplayName("003 art. 12.3 (ADR 0035 items 43, 52; F252, was O96): an entity registered, removed and registered again within the quarter: "
            + "the desk's version 2, rebuilt from its events, lists both periods with the bytes the command side builds from the stream; a quarter "
            + "signed on version 1 is offered the correction, the earlier period having been missing")
    void version_2_keeps_each_period_with_the_command_sides_bytes() {
        RegistrationId erlian = RegistrationId.of(ZONE, ERLIAN);
        List<Object> events = List.of(applied(ERLIAN, Activity.PRODUCTION, LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 12)),
                registered(ERLIAN, Activity.PRODUCTION, LocalDate.of(2026, 10, 9)),
                new RegistrationEvents.InvestmentAgreementRecorded(erlian, LocalDate.of(2026, 10, 20), LocalDate.of(2036, 10, 20),
                        new Money(new BigDecimal("400000"), "USD"), true, LocalDate.of(2027, 10, 20), GOVERNOR, null),
                new RegistrationEvents.EntityDeregistered(erlian, ZONE, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", "r",
                        Instant.parse("2026-11-02T03:00:00Z"), false, false, GOVERNOR),
                applied(ERLIAN, Activity.PRODUCTION, LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 17)),
                registered(ERLIAN, Activity.PRODUCTION, LocalDate.of(2026, 11, 16)));
        events.forEach(this::project);
        QuarterlyReport reports = new QuarterlyReport(database);
        QuarterlyReportContent.Quarter q4 = new QuarterlyReportContent.Quarter(2026, 4);
        QuarterlyReportContent.ReportV2 desk = reports.buildV2(ZONE.value(), 2026, 4);
        assertThat(QuarterlyReportContent.sha256(desk))
                .isEqualTo(QuarterlyReportContent.sha256(QuarterlyReportContent.buildV2(ZONE, q4, List.of(QuarterlyReportContent.foldPeriods(events)))));
        assertThat(desk.entities()).singleElement().satisfies(e -> {
            assertThat(e.periods()).extracting(QuarterlyReportContent.Period::statusAtQuarterEnd).containsExactly("DEREGISTERED", "REGISTERED");
            assertThat(e.investment()).isEqualByComparingTo("400000"); // the first period's agreement, the only one by the quarter's end
        });
        // version 1 (the row's latest period only) left out the first; a quarter signed on it is offered version 2 as its correction
        String version1 = QuarterlyReport.sha256(reports.build(ZONE.value(), 2026, 4));
        assertThat(version1).isEqualTo(QuarterlyReportContent.sha256(QuarterlyReportContent.build(ZONE, q4, List.of(QuarterlyReportContent.fold(events)))));
        projection.on(new ZoneEvents.QuarterlyReportSigned(ZONE, 2026, 4, version1, Instant.parse("2027-01-03T02:00:00Z"), GOVERNOR));
        QuarterlyReport.Signed offered = reports.signed(ZONE.value(), 2026, 4);
        assertThat(offered.sha256()).isEqualTo(QuarterlyReportContent.sha256(desk));
        assertThat(offered.signedBy()).as("version 2 is not signed").isNull();
        assertThat(offered.latest().version()).isEqualTo(1);
        assertThat(offered.version1().sha256()).isEqualTo(version1);
        assertThat(offered.version1().earlierPeriodMissing()).isTrue();
        projection.on(new ZoneEvents.QuarterlyReportSigned(ZONE, 2026, 4, offered.sha256(), Instant.parse("2027-01-10T02:00:00Z"), GOVERNOR, version1, 2));
        QuarterlyReport.Signed corrected = reports.signed(ZONE.value(), 2026, 4);
        assertThat(corrected.signedBy()).isEqualTo(GOVERNOR.value());
        assertThat(corrected.latest().version()).isEqualTo(2);
        assertThat(corrected.version1()).isNull();

        // the rebuild (reset and replay) gives the same rows, so the same bytes
        projection.reset();
        events.forEach(this::project);
        assertThat(QuarterlyReportContent.sha256(reports.buildV2(ZONE.value(), 2026, 4))).isEqualTo(QuarterlyReportContent.sha256(desk));
        // the applications handled again (a batch that failed half-way, from either) keep each period once
        events.subList(4, 6).forEach(this::project);
        assertThat(QuarterlyReportContent.sha256(reports.buildV2(ZONE.value(), 2026, 4))).isEqualTo(QuarterlyReportContent.sha256(desk));
        events.forEach(this::project);
        assertThat(QuarterlyReportContent.sha256(reports.buildV2(ZONE.value(), 2026, 4))).isEqualTo(QuarterlyReportContent.sha256(desk));
    }

    @Test
    @DisplayName("003 art. 12.3 (ADR 0035 item 52): a quarter signed on version 1 that version 2 adds no period to stands on version 1, shown signed")
    void a_quarter_signed_on_version_1_stands_when_version_2_adds_no_period() {
        projection.on(applied(ERLIAN, Activity.PRODUCTION, LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 25)));
        projection.on(registered(ERLIAN, Activity.PRODUCTION, LocalDate.of(2026, 11, 24)));
        QuarterlyReport reports = new QuarterlyReport(database);
        String version1 = QuarterlyReport.sha256(reports.build(ZONE.value(), 2026, 4));
        projection.on(new ZoneEvents.QuarterlyReportSigned(ZONE, 2026, 4, version1, Instant.parse("2027-01-03T02:00:00Z"), GOVERNOR));
        QuarterlyReport.Signed stands = reports.signed(ZONE.value(), 2026, 4);
        assertThat(stands.signedBy()).isEqualTo(GOVERNOR.value());
        assertThat(stands.version1().earlierPeriodMissing()).isFalse();
        assertThat(stands.version1().report().entities()).extracting(QuarterlyReport.Entity::name).containsExactly("Erlian Logistics Co");
    }

    @Test
    @DisplayName("003 art. 12.3: the desk shows when the quarter's report is due and when it was escalated as overdue")
    void report_due_and_escalation() {
        projection.on(new ZoneEvents.QuarterlyReportDue(ZONE, 2026, 4, LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 22),
                Instant.parse("2027-01-22T15:59:59Z"), WorkingDays.of(15), new CalendarVersion("MN-2024.1"), "003 art. 12.3"));
        QuarterlyReport reports = new QuarterlyReport(database);
        assertThat(reports.signed(ZONE.value(), 2026, 4).dueOn()).isEqualTo("2027-01-22");
        assertThat(reports.signed(ZONE.value(), 2026, 4).escalatedAt()).isNull();
        projection.on(new ZoneEvents.QuarterlyReportOverdue(ZONE, 2026, 4, LocalDate.of(2027, 1, 22), Instant.parse("2027-01-22T16:00:02Z"), "003 art. 12.3"));
        assertThat(reports.signed(ZONE.value(), 2026, 4).escalatedAt()).isEqualTo("2027-01-22T16:00:02Z");
        assertThat(reports.signed(ZONE.value(), 2027, 1).dueOn()).isNull();
    }

    @Test
    @DisplayName("003 art. 12.5.1: the desk shows the year to start from the certificate until an agreement moves it, also for a row written before the rule (ADR 0035 item 6)")
    void year_to_start_from_the_certificate_on_the_desk() {
        RegistrationId gobi = RegistrationId.of(ZONE, GOBI);
        projection.on(applied(GOBI, Activity.TRADE, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 30)));
        projection.on(registered(GOBI, Activity.TRADE, LocalDate.of(2026, 11, 25)));
        GovernorDesk desk = deskOn(LocalDate.of(2026, 12, 1));
        assertThat(desk.entity(ZONE.value(), gobi.value())).get().extracting(r -> r.getString("startDueBy")).isEqualTo("2027-11-24");
        // a row the projection wrote before the rule, of a registration without an agreement, has no startDueBy: the desk reads it from the certificate
        database.getCollection(GovernorDeskProjection.REGISTRATIONS).updateOne(new org.bson.Document("_id", gobi.value()),
                new org.bson.Document("$unset", new org.bson.Document("startDueBy", "")));
        assertThat(desk.entities(ZONE.value())).singleElement().extracting(r -> r.getString("startDueBy")).isEqualTo("2027-11-24");
        assertThat(desk.entity(ZONE.value(), gobi.value())).get().extracting(r -> r.getString("startDueBy")).isEqualTo("2027-11-24");
        projection.on(new RegistrationEvents.InvestmentAgreementRecorded(gobi, LocalDate.of(2027, 2, 1), LocalDate.of(2036, 12, 1),
                new Money(new BigDecimal("2500000"), "USD"), true, LocalDate.of(2028, 1, 31), GOVERNOR, null));
        assertThat(desk.entity(ZONE.value(), gobi.value())).get().extracting(r -> r.getString("startDueBy")).isEqualTo("2028-01-31");
    }

    @Test
    @DisplayName("003 art. 12.5.1, 12.5.2 (ADR 0035 item 93; F460, was O286): the entity's page reads the days that run against it as the desk shows "
            + "them: the year to start until operations start, the 12 months of interruption until they resume, each passed once today is after it; "
            + "none for an earlier round or after the removal")
    void the_days_that_run_against_the_entity_are_the_desks() {
        RegistrationId gobi = RegistrationId.of(ZONE, GOBI);
        RegistrationEvents.ZoneRegistrationApplied applied = applied(GOBI, Activity.TRADE, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 30));
        String round = applied.receivedAt().toString();
        projection.on(applied);
        assertThat(deskOn(LocalDate.of(2026, 11, 24)).daysToAct(gobi.value(), round)).as("under review, nothing runs yet").isEmpty();
        projection.on(registered(GOBI, Activity.TRADE, LocalDate.of(2026, 11, 25)));
        GovernorDesk.DayToAct start = new GovernorDesk.DayToAct("NOT_STARTED_WITHIN_ONE_YEAR", "003 art. 12.5.1", LocalDate.of(2027, 11, 24), false, null);
        assertThat(deskOn(LocalDate.of(2027, 11, 24)).daysToAct(gobi.value(), round)).containsExactly(start);
        assertThat(deskOn(LocalDate.of(2027, 11, 25)).daysToAct(gobi.value(), round))
                .containsExactly(new GovernorDesk.DayToAct("NOT_STARTED_WITHIN_ONE_YEAR", "003 art. 12.5.1", LocalDate.of(2027, 11, 24), true, null));
        assertThat(deskOn(LocalDate.of(2026, 12, 1)).daysToAct(gobi.value(), "2026-11-01T01:00:00Z")).as("another round's reader").isEmpty();

        projection.on(new RegistrationEvents.OperationsStarted(gobi, LocalDate.of(2027, 3, 1), GOVERNOR, null));
        assertThat(deskOn(LocalDate.of(2027, 3, 2)).daysToAct(gobi.value(), round)).as("started: the year to start no longer runs").isEmpty();
        projection.on(new RegistrationEvents.OperationsInterrupted(gobi, LocalDate.of(2027, 6, 1), LocalDate.of(2028, 5, 31), GOVERNOR, null));
        assertThat(deskOn(LocalDate.of(2027, 6, 2)).daysToAct(gobi.value(), round))
                .containsExactly(new GovernorDesk.DayToAct("INTERRUPTED_TWELVE_MONTHS", "003 art. 12.5.2", LocalDate.of(2028, 5, 31), false, null));
        projection.on(new RegistrationEvents.OperationsResumed(gobi, LocalDate.of(2027, 9, 1), GOVERNOR, null));
        assertThat(deskOn(LocalDate.of(2027, 9, 2)).daysToAct(gobi.value(), round)).isEmpty();

        projection.on(new RegistrationEvents.OperationsInterrupted(gobi, LocalDate.of(2027, 10, 1), LocalDate.of(2028, 9, 30), GOVERNOR, null));
        projection.on(new RegistrationEvents.EntityDeregistered(gobi, ZONE, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", "r",
                Instant.parse("2027-11-30T01:00:00Z"), true, true, GOVERNOR));
        assertThat(deskOn(LocalDate.of(2027, 12, 1)).daysToAct(gobi.value(), round)).as("removed: nothing runs").isEmpty();
    }
}
