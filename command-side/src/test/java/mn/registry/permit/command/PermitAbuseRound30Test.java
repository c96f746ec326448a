package mn.registry.permit.command;

import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static mn.registry.permit.command.PermitAbuseRound21Test.with;
import static mn.registry.permit.command.PermitAbuseRound25Test.at;
import static mn.registry.permit.command.PermitAbuseRound29DeadlineTest.offOn;
import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.*;
import static mn.registry.permit.command.Signed.signed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 29's permits round 30 (docs/abuse-audit.md, "Session 29, permits round 30"; ADR 0046 items 135-140). O333 first: a suspension's
 * notice recorded on the day a day off moved its last day to, stored as late by a release before F491 (ADR 0046 item 129), is found done
 * in time (item 135). The histories are round 25's week ({@link PermitAbuseRound25Test}: suspended on 7 April 2025, its notice due on 10
 * April, its three months ending on 6 July), with 10 April declared a day off before it passed: the notice's last day moved to 11 April.
 */
class PermitAbuseRound30Test extends PermitAbuseFixture {

    PermitAbuseRound30Test() {
        super(PermitAbuseRound25Test.SECOND_OPINION, PermitAbuseRound25Test.THIRD_OPINION, PermitSuspensionTest.NOTICE_SHA, CONTRACT, REORGANISATION, COMPLAINT, DATABASE);
    }

    /** 7 July 2025: the day after the week's three months. */
    private static final Instant MONTHS_SPENT = at(LocalDate.of(2025, 7, 7));
    /** The week's notice as the suspension raised it: due on 10 April. */
    private static final Deadline NOTICE = CALENDAR.deadline(Instant.parse("2025-04-07T02:00:00Z"), PermitDeadlines.SUSPENSION_NOTICE);
    /** 11 April 2025, 10:00 in Ulaanbaatar: the moved day. */
    private static final Instant ON_THE_MOVED_DAY = at(LocalDate.of(2025, 4, 11));

    private static Object restore(PersonId by, Role role) {
        return signed(new RestorePermit(ID, "28.1's three months are spent"), by, MONTHS_SPENT, role);
    }

    /** The notice of the suspension in force recorded at {@code at} and stored as late, as a release before F491 stored it. */
    private static PermitDutyFulfilled storedLate(Instant at) {
        return new PermitDutyFulfilled(ID, PermitDuty.NOTIFY_SUSPENSION, at, true, PermitSuspensionTest.NOTICE_SHA, REVIEWER);
    }

    /** The week, its notice recorded on the moved day and stored late by a release before F491. */
    static List<Object> weekNoticedOnTheMovedDayStoredLate() {
        return with(PermitAbuseRound25Test.weekRanOut(), storedLate(ON_THE_MOVED_DAY));
    }

    /** The calendar in force: 10 April 2025 declared a day off (before it passed), the notice's last day moved to 11 April. */
    private void tenAprilDeclaredADayOff() {
        services.calendar = offOn(NOTICE);
        assertThat(services.calendar.deadline(NOTICE.receivedOn(), PermitDeadlines.SUSPENSION_NOTICE).due()).isEqualTo(LocalDate.of(2025, 4, 11));
        fixture = Signed.fixture(services);
    }

    /** The week's notice stored late on the moved day, found done in time on 7 July (10 April a day off). */
    static PermitDutyFoundDoneInTime foundInTimeOnTheMovedDay() {
        Deadline moved = offOn(NOTICE).deadline(NOTICE.receivedOn(), PermitDeadlines.SUSPENSION_NOTICE);
        return new PermitDutyFoundDoneInTime(ID, PermitDuty.NOTIFY_SUSPENSION, ON_THE_MOVED_DAY, moved.due(), moved.calendarVersion(),
                MONTHS_SPENT, "002 art. 28.3; domain-rules §2");
    }

    /** The notice of {@code at} found done in time at the restoration's receipt, on the calendar in force. */
    private PermitDutyFoundDoneInTime foundInTime(Instant at) {
        Deadline moved = services.calendar.deadline(NOTICE.receivedOn(), PermitDeadlines.SUSPENSION_NOTICE);
        return new PermitDutyFoundDoneInTime(ID, PermitDuty.NOTIFY_SUSPENSION, at, moved.due(), moved.calendarVersion(), MONTHS_SPENT,
                "002 art. 28.3; domain-rules §2");
    }

    /** The reviewer's restoration on {@code history} received, naming {@code article}, whatever the events before it. */
    private void theReviewerRestores(List<Object> history, String article) {
        fixture.given(history)
                .when(restore(REVIEWER, Role.MINISTRY_REVIEWER))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        org.hamcrest.Matchers.anything(),
                        org.hamcrest.Matchers.equalTo(new PermitRestored(ID, "28.1's three months are spent", MONTHS_SPENT, REVIEWER, article)),
                        org.hamcrest.Matchers.instanceOf(PermitDutyFulfilled.class))));
    }

    // ------------------------------------------------------------------ O333: a notice stored late on its moved day (item 135)

    @Test
    @DisplayName("002 art. 28.3, 28.1, 28.4; domain-rules §2 (ADR 0046 item 135; F482, was O333): a notice recorded on the day a day off "
            + "moved its last day to, stored as late by a release before F491: once 28.1's months are spent the reviewer restores the permit "
            + "as item 113 has it (\"002 art. 28.1, 28.4\"), the notice found done in time on the calendar in force")
    void a_notice_stored_late_on_its_moved_day_leaves_the_restoration_the_reviewers() {
        tenAprilDeclaredADayOff();
        theReviewerRestores(weekNoticedOnTheMovedDayStoredLate(), "002 art. 28.1, 28.4");
    }

    @Test
    @DisplayName("002 art. 28.3, 28.1, 28.4; domain-rules §2 (ADR 0046 item 135; F482): the notice found done in time is on the record "
            + "before the restoration (PermitDutyFoundDoneInTime, the moved day and its calendar); the stored fulfilment is not rewritten")
    void the_notice_found_in_time_is_on_the_record() {
        tenAprilDeclaredADayOff();
        fixture.given(weekNoticedOnTheMovedDayStoredLate())
                .when(restore(REVIEWER, Role.MINISTRY_REVIEWER))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        org.hamcrest.Matchers.equalTo(foundInTime(ON_THE_MOVED_DAY)),
                        org.hamcrest.Matchers.instanceOf(PermitRestored.class),
                        org.hamcrest.Matchers.instanceOf(PermitDutyFulfilled.class))));
    }

    @Test
    @DisplayName("002 art. 28.3, 28.1, 28.4; domain-rules §2 (ADR 0046 items 125, 135; F482): an earlier suspension of the chain whose notice "
            + "was stored late on its moved day leaves the chain's restoration on the months spent the reviewer's")
    void a_chains_notice_stored_late_on_its_moved_day_leaves_the_restoration_the_reviewers() {
        tenAprilDeclaredADayOff();
        theReviewerRestores(PermitAbuseRound29Test.chainNoticedInTimeTooShort(weekNoticedOnTheMovedDayStoredLate()), "002 art. 28.1, 28.4");
    }

    @Test
    @DisplayName("002 art. 28.3, 28.1, 28.4; domain-rules §2 (ADR 0046 item 135; F482): where the stream itself shows the notice's day moved "
            + "to a day its record met (a recompute before the fulfilment, or after it), the fold judges the notice in time: the reviewer "
            + "restores with no correction recorded")
    void a_stream_that_shows_the_moved_day_judges_the_notice_in_time() {
        Deadline moved = offOn(NOTICE).deadline(NOTICE.receivedOn(), PermitDeadlines.SUSPENSION_NOTICE);
        PermitDutyDueRecomputed recomputed = new PermitDutyDueRecomputed(ID, PermitDuty.NOTIFY_SUSPENSION, "deadline-moved", moved.receivedOn(),
                moved.workingDays(), moved.due(), moved.calendarVersion());
        PermitRestored restored = new PermitRestored(ID, "28.1's three months are spent", MONTHS_SPENT, REVIEWER, "002 art. 28.1, 28.4");
        List<Object> before = with(PermitAbuseRound25Test.weekRanOut(), recomputed, storedLate(ON_THE_MOVED_DAY));
        fixture.given(before).when(restore(REVIEWER, Role.MINISTRY_REVIEWER))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(org.hamcrest.Matchers.equalTo(restored),
                        org.hamcrest.Matchers.instanceOf(PermitDutyFulfilled.class))));
        fixture = Signed.fixture(services);
        List<Object> after = with(weekNoticedOnTheMovedDayStoredLate(), recomputed);
        fixture.given(after).when(restore(REVIEWER, Role.MINISTRY_REVIEWER))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(org.hamcrest.Matchers.equalTo(restored),
                        org.hamcrest.Matchers.instanceOf(PermitDutyFulfilled.class))));
    }

    @Test
    @DisplayName("002 art. 28.3, 28.1, 28.4; domain-rules §2 (ADR 0046 items 121, 135; held): a notice recorded the day after the moved day "
            + "stays late: the reviewer's restoration on the months spent is refused (403, nothing stored), the supervisor's names 28.3")
    void a_notice_recorded_after_its_moved_day_stays_late() {
        tenAprilDeclaredADayOff();
        List<Object> lateStill = with(PermitAbuseRound25Test.weekRanOut(), storedLate(at(LocalDate.of(2025, 4, 14))));
        fixture.given(lateStill)
                .when(restore(REVIEWER, Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.restoration-on-unnoticed-months-is-the-supervisors", "restoration", "002 art. 28.1, 28.3, 28.4"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(lateStill)
                .when(restore(SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        org.hamcrest.Matchers.equalTo(new PermitRestored(ID, "28.1's three months are spent", MONTHS_SPENT, SUPERVISOR,
                                "002 art. 28.1, 28.3, 28.4")),
                        org.hamcrest.Matchers.instanceOf(PermitDutyFulfilled.class))));
    }

    @Test
    @DisplayName("002 art. 28.3, 28.1, 28.4 (ADR 0046 items 121, 135; ADR 0065): the desk's answer counts a notice stored late on its moved "
            + "day in time (the reviewer's restoration), and one recorded after it late (the supervisor's)")
    void the_answer_counts_a_notice_stored_late_on_its_moved_day_in_time() {
        tenAprilDeclaredADayOff();
        assertThat(answer(weekNoticedOnTheMovedDayStoredLate(), MONTHS_SPENT).restorationOnTheMonthsSpentIsTheSupervisors()).isFalse();
        assertThat(answer(with(PermitAbuseRound25Test.weekRanOut(), storedLate(at(LocalDate.of(2025, 4, 14)))), MONTHS_SPENT)
                .restorationOnTheMonthsSpentIsTheSupervisors()).isTrue();
    }

    // ------------------------------------------------------------------ the hunt: the database passed back (item 136)

    private static final String CONTRACT = "5e".repeat(32);
    private static final ApplicationId THE_REVOKED_COMPANYS_NEW_PERMIT = ApplicationId.of(java.util.UUID.fromString("11111111-2222-3333-4444-555555555557"));
    private static final ApplicationId ANOTHER_HOLDERS_PERMIT = ApplicationId.of(java.util.UUID.fromString("11111111-2222-3333-4444-555555555558"));

    /** Revoked at the holder's request on 1 June 2025 (no complaint period to wait for), its database handed over five days later. */
    private static List<Object> revokedAndHandedOver() {
        Instant revokedAt = Instant.parse("2025-06-01T02:00:00Z");
        return with(active(), new PermitRevoked(ID, RevocationGround.HOLDER_REQUEST, "reason", revokedAt, SUPERVISOR, true),
                new CertificateDatabaseHandedOver(ID, SHA, revokedAt.plusSeconds(86_400 * 5), REVIEWER, DATABASE_RECEIPT));
    }

    @Test
    @DisplayName("002 art. 29.3, 29.4 (ADR 0046 item 136; F483): the supervisor passes the revoked holder's certificate database on to the "
            + "new permit of the same company (it applied again once revoked): refused, 409, field successorPermit, nothing stored; passed on "
            + "to another holder's permit, received")
    void the_database_is_not_passed_back_to_the_revoked_holder() {
        Instant at = Instant.parse("2025-07-15T02:00:00Z");
        services.permitsInForce.addAll(List.of(THE_REVOKED_COMPANYS_NEW_PERMIT, ANOTHER_HOLDERS_PERMIT));
        services.holders.put(THE_REVOKED_COMPANYS_NEW_PERMIT, Applications.MONGOLIAN.registrationNumber());
        services.holders.put(ANOTHER_HOLDERS_PERMIT, "7654321");
        fixture.given(revokedAndHandedOver())
                .when(signed(new PassCertificateDatabaseOn(ID, THE_REVOKED_COMPANYS_NEW_PERMIT, CONTRACT), SUPERVISOR, at, Role.MINISTRY_SUPERVISOR))
                .expectException(problem("permit.database-to-the-revoked-holder", "successorPermit", "002 art. 29.3, 29.4"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(revokedAndHandedOver())
                .when(signed(new PassCertificateDatabaseOn(ID, ANOTHER_HOLDERS_PERMIT, CONTRACT), SUPERVISOR, at, Role.MINISTRY_SUPERVISOR))
                .expectEvents(new CertificateDatabasePassedOn(ID, ANOTHER_HOLDERS_PERMIT, CONTRACT, at, SUPERVISOR));
    }

    // ------------------------------------------------------------------ the hunt: attempts that held

    private static final String REORGANISATION = "6a".repeat(32);
    private static final String COMPLAINT = "6b".repeat(32);
    private static final String DATABASE = "6c".repeat(32);

    private static Object transfer(Company successor, Instant at) {
        return signed(new TransferPermit(ID, successor, Reorganisation.TRANSFORMATION, REORGANISATION, UlaanbaatarTime.dateOf(at), SuccessorsRepresentative.of(successor)), SUPERVISOR,
                at, Role.MINISTRY_SUPERVISOR);
    }

    @Test
    @DisplayName("002 art. 23.3, 23.2 (held): the supervisor passes on a suspended permit, to escape the suspension with a new holder, or "
            + "passes the permit to its holder itself under a transformation: refused, nothing stored")
    void a_suspended_permit_or_one_to_its_own_holder_is_not_transferred() {
        Instant at = Instant.parse("2025-03-20T02:00:00Z");
        fixture.given(suspended())
                .when(transfer(new Company("Tamga Trust LLC", "7654321", true, "Ulaanbaatar, Sukhbaatar district"), at))
                .expectException(problem("permit.wrong-state", null, "002 art. 23.3"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(active())
                .when(transfer(Applications.MONGOLIAN, at))
                .expectException(problem("permit.transfer-to-same-company", "successor", "002 art. 23.3"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 29.6, 29.1.1 (held): the holder complains against a revocation at its own request (29.6 names 29.1.2-29.1.5 "
            + "only): refused, nothing stored")
    void no_complaint_lies_against_a_revocation_at_the_holders_request() {
        fixture.given(revoked(RevocationGround.HOLDER_REQUEST))
                .when(signed(new FileRevocationComplaint(ID, COMPLAINT), HOLDER, Instant.parse("2025-06-05T02:00:00Z"), Role.APPLICANT))
                .expectException(problem("permit.complaint-not-allowed", null, "002 art. 29.6"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 29.3 (held): the ministry records the certificate database handed over before the permit is revoked, or a second "
            + "time after it: refused, nothing stored")
    void the_database_is_handed_over_once_and_only_after_the_revocation() {
        Instant at = Instant.parse("2025-06-10T02:00:00Z");
        fixture.given(active())
                .when(signed(new RecordCertificateDatabaseHandedOver(ID, DATABASE, DATABASE_RECEIPT), REVIEWER, at, Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.wrong-state", null, "002 art. 29.3"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(revokedAndHandedOver())
                .when(signed(new RecordCertificateDatabaseHandedOver(ID, DATABASE, DATABASE_RECEIPT), REVIEWER, at, Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.database-already-handed-over", null, "002 art. 29.3"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 23.3, 28.1 (held): the tax authority's request pending, the permit passed on to the company a transformation "
            + "created, to escape the suspension with a new holder: the request stays on the permit and the reviewer suspends on it")
    void a_transfer_does_not_escape_a_pending_tax_request() {
        Company successor = new Company("Tamga Trust LLC", "7654321", true, "Ulaanbaatar, Sukhbaatar district");
        Instant transferredAt = Instant.parse("2025-02-26T02:00:00Z");
        fixture.given(with(PermitSuspensionTest.taxRequested(), new PermitTransferred(ID, Applications.MONGOLIAN, successor,
                        Reorganisation.TRANSFORMATION, REORGANISATION, transferredAt, SUPERVISOR, LocalDate.of(2025, 2, 25), null)))
                .when(signed(new SuspendPermit(ID, SuspensionGround.TAX_EVASIONS, PermitSuspensionTest.TAX_SHA, 0, LocalDate.of(2025, 3, 1),
                        SUSPENDED_UNTIL), REVIEWER, SUSPENDED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.listWithAnyOf(org.hamcrest.Matchers.instanceOf(PermitSuspended.class))));
    }

    // ------------------------------------------------------------------ the hunt: a suspension on one's own finding (item 138)

    private static Object suspendOn(SuspensionGround ground, String evidence, PersonId by, Role... roles) {
        return signed(new SuspendPermit(ID, ground, evidence, 0, LocalDate.of(2025, 3, 1), SUSPENDED_UNTIL), by, SUSPENDED_AT, roles);
    }

    @Test
    @DisplayName("002 art. 28.1 (ADR 0046 item 138; F495): a person holding the inspector's role and the reviewer's records an opinion of a "
            + "violation and suspends the permit on it; a tax officer who is also a reviewer suspends on the request they filed: refused, 403, "
            + "field evidenceSha256, nothing stored; another reviewer suspends on the same ground")
    void a_suspension_is_not_decided_by_the_one_who_recorded_its_ground() {
        fixture.given(withOpinion())
                .when(suspendOn(SuspensionGround.INSPECTOR_OPINION, SHA, INSPECTOR, Role.COMMUNICATIONS_INSPECTOR, Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.suspension-on-ones-own-finding", "evidenceSha256", "002 art. 28.1"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(withOpinion())
                .when(suspendOn(SuspensionGround.INSPECTOR_OPINION, SHA, REVIEWER, Role.MINISTRY_REVIEWER))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.listWithAnyOf(org.hamcrest.Matchers.instanceOf(PermitSuspended.class))));
        fixture = Signed.fixture(services);
        fixture.given(PermitSuspensionTest.taxRequested())
                .when(suspendOn(SuspensionGround.TAX_EVASIONS, PermitSuspensionTest.TAX_SHA, PermitSuspensionTest.TAX_OFFICER, Role.TAX_OFFICER,
                        Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.suspension-on-ones-own-finding", "evidenceSha256", "002 art. 28.1"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(PermitSuspensionTest.taxRequested())
                .when(suspendOn(SuspensionGround.TAX_EVASIONS, PermitSuspensionTest.TAX_SHA, REVIEWER, Role.MINISTRY_REVIEWER))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.listWithAnyOf(org.hamcrest.Matchers.instanceOf(PermitSuspended.class))));
    }
}
