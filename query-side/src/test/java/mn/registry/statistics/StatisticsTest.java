package mn.registry.statistics;

import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.PermitApplicationApproved;
import mn.registry.kernel.permit.PermitIssued;
import mn.registry.kernel.permit.PermitNumber;
import mn.registry.kernel.permit.PermitExtensionRequested;
import mn.registry.kernel.permit.PermitRevoked;
import mn.registry.kernel.permit.PermitSuspended;
import mn.registry.kernel.permit.RevocationComplaintDecided;
import mn.registry.kernel.permit.RevocationComplaintFiled;
import mn.registry.kernel.permit.RevocationGround;
import mn.registry.kernel.permit.SuspensionGround;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mockito;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static mn.registry.statistics.PermitsReceived.OFFICIAL;
import static mn.registry.statistics.PermitsReceived.UB;
import static mn.registry.statistics.PermitsReceived.app;
import static mn.registry.statistics.PermitsReceived.at;
import static mn.registry.statistics.PermitsReceived.received;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedMongoExtension.class)
class StatisticsTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.base();

    /** The n-th working day after {@code from} (day of receipt = day 0). */
    private LocalDate workingDayAfter(LocalDate from, int n) {
        return calendar.deadline(from, new WorkingDays(n)).due();
    }

    @Test
    @DisplayName("002 art. 26.1: decisions on or before the 17th working day are on time; median and distribution of working days taken")
    void service_level_of_the_decision_deadline(MongoDatabase db) {
        StatisticsProjection projection = new StatisticsProjection(db);
        LocalDate monday = LocalDate.of(2026, 11, 2);
        int[] taken = {6, 17, 18, 6};
        for (int i = 0; i < taken.length; i++) {
            projection.on(received(i, monday));
            PermitApplicationApproved approved = new PermitApplicationApproved(app(i), null, at(workingDayAfter(monday, taken[i])), OFFICIAL, "002 art. 26.1");
            projection.on(approved);
            projection.on(approved); // redelivered: counted once
        }
        projection.on(received(9, monday)); // still pending
        CurrentCalendar current = Mockito.mock(CurrentCalendar.class);
        Mockito.when(current.get()).thenReturn(calendar);
        Statistics stats = new Statistics(db, current, Clock.fixed(at(LocalDate.of(2027, 3, 1)), UB));
        Statistics.ServiceLevel level = stats.report().serviceLevels().get(0);
        assertThat(level.deadline()).isEqualTo(StatisticsProjection.PERMIT_DECISION);
        assertThat(level.workingDaysAllowed()).isEqualTo(17);
        assertThat(level.decided()).isEqualTo(4);
        assertThat(level.onTime()).isEqualTo(3);
        assertThat(level.onTimePercent()).isEqualTo(75.0);
        assertThat(level.medianWorkingDays()).isEqualTo(6);
        assertThat(level.maxWorkingDays()).isEqualTo(18);
        assertThat(level.distribution()).containsEntry(6, 2L).containsEntry(17, 1L).containsEntry(18, 1L).hasSize(3);
        assertThat(level.pending()).isEqualTo(1);
        assertThat(level.pendingOverdue()).isEqualTo(1);
        assertThat(level.summary()).isEqualTo("17 working days allowed; median 6; 75.0 % on time (3 of 4)");
    }

    @Test
    @DisplayName("002 art. 22.1.2: permits issued and suspended counted per month and year, a redelivered event once")
    void counts_per_month_and_year(MongoDatabase db) {
        StatisticsProjection projection = new StatisticsProjection(db);
        for (int i = 0; i < 3; i++) {
            LocalDate on = i < 2 ? LocalDate.of(2026, 11, 20) : LocalDate.of(2027, 1, 15);
            PermitIssued issued = new PermitIssued(app(i), new PermitNumber("P-2026-00000" + i), "Ministry", new Company("C", "1", true, "a"), "X",
                    on, on.plusYears(5), List.of(), at(on), OFFICIAL, "00".repeat(32));
            projection.on(issued);
            projection.on(issued);
        }
        projection.on(new PermitSuspended(app(0), SuspensionGround.INSPECTOR_OPINION, "00".repeat(32), 0, LocalDate.of(2027, 1, 2),
                LocalDate.of(2027, 3, 2), at(LocalDate.of(2027, 1, 2)), OFFICIAL));
        CurrentCalendar current = Mockito.mock(CurrentCalendar.class);
        Mockito.when(current.get()).thenReturn(calendar);
        Statistics.Report report = new Statistics(db, current, Clock.systemUTC()).report();
        assertThat(report.byYear()).extracting(Statistics.Counts::period).containsExactly("2026", "2027");
        assertThat(report.byYear().get(0).counts()).containsEntry("issued", 2L).containsEntry("suspended", 0L);
        assertThat(report.byYear().get(1).counts()).containsEntry("issued", 1L).containsEntry("suspended", 1L);
        assertThat(report.byMonth()).extracting(Statistics.Counts::period).containsExactly("2026-11", "2027-01");
    }

    // ------------------------------------------------------------------ session 27, permits round 28 (ADR 0046 item 114, was O269)

    private static final Instant REQUESTED_AT = Instant.parse("2029-08-01T02:00:00Z");
    /** Revoked on 2 August 2029: the complaint period's last day is 1 September. */
    private static final Instant REVOKED_AT = Instant.parse("2029-08-02T02:00:00Z");

    /** Permit {@code n}'s extension requested in time on 1 August 2029 (its three working days' deadline), revoked on {@code ground} the next day. */
    private void requestedThenRevoked(StatisticsProjection projection, int n, RevocationGround ground) {
        projection.on(new PermitExtensionRequested(app(n), "00".repeat(32), REQUESTED_AT, LocalDate.of(2029, 9, 10), false,
                calendar.deadline(REQUESTED_AT, new WorkingDays(3)).due(), OFFICIAL));
        projection.on(new PermitRevoked(app(n), ground, "the record", REVOKED_AT, OFFICIAL, true));
    }

    private Statistics.ServiceLevel extensionsOn(MongoDatabase db, LocalDate today) {
        CurrentCalendar current = Mockito.mock(CurrentCalendar.class);
        Mockito.when(current.get()).thenReturn(calendar);
        return new Statistics(db, current, Clock.fixed(at(today), UB)).report().serviceLevels().stream()
                .filter(level -> level.deadline().equals(StatisticsProjection.EXTENSION)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("002 art. 27.3, 29.6; 22.1.2 (ADR 0046 item 114, the lead's reading of O269): the public statistics count an extension "
            + "request on a revoked permit pending while the revocation may be annulled, and closed (neither pending nor decided) from its "
            + "standing: the complaint period over with none filed (read at the answer's clock), the complaint rejected, or 29.1.1 at once; "
            + "a complaint upheld brings it back pending")
    void an_extension_request_is_counted_closed_from_the_revocations_standing(MongoDatabase db) {
        StatisticsProjection projection = new StatisticsProjection(db);
        requestedThenRevoked(projection, 1, RevocationGround.FALSE_DOCUMENTS); // none filed
        requestedThenRevoked(projection, 2, RevocationGround.FALSE_DOCUMENTS); // a complaint filed, pending, then rejected
        projection.on(new RevocationComplaintFiled(app(2), "01".repeat(32), Instant.parse("2029-08-03T02:00:00Z"), OFFICIAL));
        requestedThenRevoked(projection, 3, RevocationGround.HOLDER_REQUEST); // no complaint lies
        requestedThenRevoked(projection, 4, RevocationGround.FALSE_DOCUMENTS); // a complaint upheld
        projection.on(new RevocationComplaintFiled(app(4), "02".repeat(32), Instant.parse("2029-08-03T02:00:00Z"), OFFICIAL));
        projection.on(new RevocationComplaintDecided(app(4), true, "03".repeat(32), Instant.parse("2029-08-10T02:00:00Z"), OFFICIAL,
                LocalDate.of(2030, 12, 9), RevocationComplaintDecided.ARTICLE));

        Statistics.ServiceLevel lastDay = extensionsOn(db, LocalDate.of(2029, 9, 1));
        assertThat(lastDay.pending()).as("the period's last day: 1, 2, 4 pending").isEqualTo(3);
        assertThat(lastDay.closedByTheRevocation()).as("29.1.1 at once").isEqualTo(1);
        Statistics.ServiceLevel after = extensionsOn(db, LocalDate.of(2029, 9, 2));
        assertThat(after.pending()).as("the period over: 2 (its complaint pending) and 4 (reinstated) pending").isEqualTo(2);
        assertThat(after.closedByTheRevocation()).isEqualTo(2);
        assertThat(after.decided()).isZero();

        RevocationComplaintDecided rejected = new RevocationComplaintDecided(app(2), false, "04".repeat(32), Instant.parse("2029-09-20T02:00:00Z"),
                OFFICIAL, LocalDate.of(2030, 12, 9), RevocationComplaintDecided.ARTICLE);
        projection.on(rejected);
        projection.on(rejected); // redelivered: the same facts
        Statistics.ServiceLevel afterTheRejection = extensionsOn(db, LocalDate.of(2029, 9, 21));
        assertThat(afterTheRejection.pending()).as("4 only").isEqualTo(1);
        assertThat(afterTheRejection.closedByTheRevocation()).isEqualTo(3);
    }

    // ------------------------------------------------------------------ session 28, permits round 29 (ADR 0046 item 123, was O273)

    @Test
    @DisplayName("002 art. 22.1.2 (ADR 0046 item 123, the lead's reading of O273, F468): a suspension an upheld complaint applies again "
            + "(item 56: its ground, evidence and days as they stood, received on the complaint's decision) is no decision of that day and is "
            + "not counted again, on a later day nor on the suspension's own day; a suspension on another finding is counted; a redelivery once")
    void a_suspension_applied_again_by_an_upheld_complaint_is_not_counted_again(MongoDatabase db) {
        StatisticsProjection projection = new StatisticsProjection(db);
        LocalDate from = LocalDate.of(2027, 1, 4);
        PermitSuspended decided = new PermitSuspended(app(0), SuspensionGround.INSPECTOR_OPINION, "0a".repeat(32), 0, from,
                LocalDate.of(2027, 3, 4), at(from), OFFICIAL);
        projection.on(decided);
        projection.on(decided); // redelivered
        projection.on(new PermitSuspended(app(0), SuspensionGround.INSPECTOR_OPINION, "0a".repeat(32), 0, from, LocalDate.of(2027, 3, 4),
                at(LocalDate.of(2027, 2, 15)), new PersonId("supervisor-2"))); // applied again by the complaint upheld on 15 February
        PermitSuspended sameDay = new PermitSuspended(app(1), SuspensionGround.INSPECTOR_OPINION, "0b".repeat(32), 0, from,
                LocalDate.of(2027, 2, 4), at(from), OFFICIAL);
        projection.on(sameDay);
        projection.on(new PermitSuspended(app(1), SuspensionGround.INSPECTOR_OPINION, "0b".repeat(32), 0, from, LocalDate.of(2027, 2, 4),
                at(from).plusSeconds(6 * 3600), new PersonId("supervisor-2"))); // revoked and the complaint upheld on the suspension's day
        projection.on(new PermitSuspended(app(0), SuspensionGround.INSPECTOR_OPINION, "0c".repeat(32), 0, LocalDate.of(2027, 2, 16),
                LocalDate.of(2027, 4, 16), at(LocalDate.of(2027, 2, 16)), OFFICIAL)); // restored, then suspended on another opinion
        CurrentCalendar current = Mockito.mock(CurrentCalendar.class);
        Mockito.when(current.get()).thenReturn(calendar);
        Statistics.Report report = new Statistics(db, current, Clock.systemUTC()).report();
        assertThat(report.byMonth()).extracting(Statistics.Counts::period).containsExactly("2027-01", "2027-02");
        assertThat(report.byMonth().get(0).counts()).containsEntry("suspended", 2L);
        assertThat(report.byMonth().get(1).counts()).containsEntry("suspended", 1L);
    }

    @Test
    @DisplayName("002 art. 22.1.2 (ADR 0046 item 123): the release rebuilds the statistics once (its marker on the statistics' processor), and "
            + "the reset empties the facts the earlier release counted, so that the replay counts each suspension once")
    void the_release_rebuilds_the_statistics(MongoDatabase db) {
        StatisticsProjection projection = new StatisticsProjection(db);
        projection.on(new PermitSuspended(app(2), SuspensionGround.INSPECTOR_OPINION, "0d".repeat(32), 0, LocalDate.of(2027, 1, 4),
                LocalDate.of(2027, 3, 4), at(LocalDate.of(2027, 1, 4)), OFFICIAL));
        assertThat(db.getCollection(StatisticsProjection.FACTS).countDocuments()).isPositive();
        projection.reset();
        assertThat(db.getCollection(StatisticsProjection.FACTS).countDocuments()).isZero();
        assertThat(new StatisticsRebuild().statisticsWithSuspensionsCountedOnce().processor()).isEqualTo(StatisticsProjection.PROCESSING_GROUP);
    }
}
