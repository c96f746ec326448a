package mn.registry.permit.command;

import org.axonframework.commandhandling.CommandMessage;
import mn.registry.deadline.DeadlineInstruction;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.*;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.permit.command.PermitCommands.*;
import static mn.registry.permit.command.Signed.signed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.permit.command.PermitLifecycleTest.*;
import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0013 §3: the dates a permit command carries, the extension window, one extension per term, and expiry with a request pending. */
class PermitDatesAndExtensionTest {

    /** The permit of {@link PermitLifecycleTest}: issued 2024-12-10, valid until 2029-12-09; requests from 2029-06-10, due by 2029-09-09. */
    static final LocalDate WINDOW_OPENS = LocalDate.of(2029, 6, 10);
    static final Instant IN_WINDOW = Instant.parse("2029-08-01T02:00:00Z");
    static final Instant DECIDED = Instant.parse("2029-08-05T02:00:00Z");
    static final LocalDate NEXT_TERM_ENDS = LocalDate.of(2034, 12, 9);
    static final Instant AFTER_TERM = Instant.parse("2029-12-09T16:00:01Z");

    /** A fresh fixture per case: after a refused command Axon's fixture cannot show the state of the next one. */
    private static AggregateTestFixture<PermitApplication> fixture() {
        return Signed.fixture();
    }

    private static CommandMessage<Object> issue(LocalDate validFrom, Instant at) {
        return signed(new IssuePermit(ID, "Issuing signature certificates", List.of("Keep the certificate database in Mongolia"), validFrom, SHA2), SUPERVISOR, at);
    }

    private static CommandMessage<Object> request(Instant at, String proof) {
        return request(at, proof, at);
    }

    /** Due dates counted from {@code dueFrom}: the aggregate takes them as given (the calendar of 2034 is not shipped yet). */
    private static CommandMessage<Object> request(Instant at, String proof, Instant dueFrom) {
        return signed(new RequestPermitExtension(ID, proof), HOLDER, at);
    }

    /** The refusal's stable code. */
    static org.hamcrest.Matcher<Object> code(String code) {
        return new org.hamcrest.TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof RegistryProblem p && code.equals(p.code());
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a RegistryProblem with code " + code);
            }
        };
    }

    private static List<Object> with(List<Object> base, Object... more) {
        List<Object> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    static PermitExtensionRequested requested(Instant at) {
        return new PermitExtensionRequested(ID, SHA, at, LocalDate.of(2029, 9, 10), false,
                CALENDAR.deadline(at, PermitDeadlines.EXTENSION_FAST_PATH).due(), HOLDER);
    }

    /**
     * 27.5 (ADR 0046 item 24): a refusal rests on a ground to suspend: here the inspector's opinion of a violation at the last
     * inspection, recorded before the request (the last two events of {@link #pending}).
     */
    static List<Object> withAGroundToSuspend(List<Object> events) {
        List<Object> all = new ArrayList<>(events);
        all.add(all.size() - 2, new PermitInspected(ID, LocalDate.of(2029, 7, 20), SHA2, true, Instant.parse("2029-07-20T02:00:00Z"), INSPECTOR, LocalDate.of(2030, 7, 20)));
        return all;
    }

    static List<Object> pending(Instant at) {
        return with(active(), requested(at), duty(PermitDuty.DECIDE_EXTENSION, CALENDAR.deadline(at, PermitDeadlines.EXTENSION_FAST_PATH), at));
    }

    private static CommandMessage<Object> grant(Instant at) {
        return signed(new DecidePermitExtension(ID, true, List.of()), SUPERVISOR, at);
    }

    private static CommandMessage<Object> refuse(Instant at) {
        return signed(new DecidePermitExtension(ID, false, List.of(new RefusalReason(PermitRequirement.NO_GROUND_TO_SUSPEND, "reason"))), SUPERVISOR, at);
    }

    // ------------------------------------------------------------------ item 2: dates in command bodies

    @Test
    @DisplayName("002 art. 26.6.4, 27.1: the term starts on the day of issue in Ulaanbaatar; a validFrom in 2030 or 2019, or the UTC date, is refused and nothing is issued")
    void term_starts_on_the_day_of_issue() {
        Instant lateEveningUtc = Instant.parse("2024-12-09T17:00:00Z"); // 2024-12-10 01:00 in Ulaanbaatar
        fixture().given(insured()).when(issue(LocalDate.of(2024, 12, 10), lateEveningUtc))
                .expectSuccessfulHandlerExecution()
                .expectState(a -> assertThat(a.validUntil()).isEqualTo(LocalDate.of(2029, 12, 9)));
        for (LocalDate chosen : List.of(LocalDate.of(2030, 1, 1), LocalDate.of(2019, 1, 1), LocalDate.of(2024, 12, 9))) {
            fixture().given(insured()).when(issue(chosen, lateEveningUtc))
                    .expectException(RegistryProblem.class)
                    .expectException(code("permit.valid-from-not-today"))
                    .expectNoEvents();
        }
    }

    @Test
    @DisplayName("002 art. 26.2.3: a policy that ended before its receipt insures nothing and is refused; a policy that ended before the day of issue stops the issue")
    void insurance_covers_the_day_of_issue() {
        Instant at = APPROVED_AT.plusSeconds(86_400); // 2024-12-02 in Ulaanbaatar
        fixture().given(approved()).when(signed(new RecordPermitInsurance(ID, "Mongol Daatgal", "POL-1", Money.mnt(600_000_000), LocalDate.of(2024, 12, 1), SHA), HOLDER, at))
                .expectException(code("permit.insurance-expired")).expectNoEvents();
        fixture().given(approved()).when(signed(new RecordPermitInsurance(ID, "Mongol Daatgal", "POL-1", Money.mnt(600_000_000), null, SHA), HOLDER, at))
                .expectException(code("permit.insurance-until-missing")).expectNoEvents();
        // a policy ending on the day of its receipt was accepted here before F139; it now covers at least the first year (PermitAbuseRound10Test)
        fixture().given(approved()).when(signed(new RecordPermitInsurance(ID, "Mongol Daatgal", "POL-1", Money.mnt(600_000_000), LocalDate.of(2025, 12, 1), SHA), HOLDER, at))
                .expectEvents(new PermitInsuranceRecorded(ID, "Mongol Daatgal", "POL-1", Money.mnt(600_000_000), MINIMUM, LocalDate.of(2025, 12, 1), SHA, at));
        List<Object> shortPolicy = with(approved(), new PermitInsuranceRecorded(ID, "Mongol Daatgal", "POL-1", Money.mnt(600_000_000), MINIMUM,
                LocalDate.of(2024, 12, 5), SHA, at));
        fixture().given(shortPolicy).when(issue(VALID_FROM, ISSUED_AT))
                .expectException(code("permit.insurance-expired")).expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 20.3.3: a change dated before the permit was issued is not a change to its information and is refused; one on the day of issue is recorded")
    void change_before_issue_is_refused() {
        Instant at = Instant.parse("2024-12-11T02:00:00Z");
        LocalDate before = LocalDate.of(2024, 12, 9);
        fixture().given(active()).when(signed(new ReportPermitChange(ID, before, "New address", SHA), HOLDER, at))
                .expectException(code("permit.change-before-issue")).expectNoEvents();
        Deadline report = CALENDAR.deadline(VALID_FROM, PermitDeadlines.CHANGE_REPORT);
        fixture().given(active()).when(signed(new ReportPermitChange(ID, VALID_FROM, "New address", SHA), HOLDER, at))
                .expectEvents(new PermitChangeReported(ID, VALID_FROM, "New address", SHA, at, report.due(), false, HOLDER));
    }

    @Test
    @DisplayName("002 art. 22.1.2: a certificates report covers a period that has ended by the day of receipt; a period ending later is refused")
    void certificates_report_period_has_ended() {
        Instant at = Instant.parse("2025-04-01T02:00:00Z");
        fixture().given(active()).when(signed(new ReportCertificatesIssued(ID, 3, LocalDate.of(2025, 4, 2)), HOLDER, at))
                .expectException(code("permit.report-period-in-future")).expectNoEvents();
        fixture().given(active()).when(signed(new ReportCertificatesIssued(ID, 3, LocalDate.of(2025, 4, 1)), HOLDER, at))
                .expectEvents(new CertificatesIssuedReported(ID, 3, LocalDate.of(2025, 4, 1), at, HOLDER));
    }

    // ------------------------------------------------------------------ item 3: extension window, once per term

    @Test
    @DisplayName("002 art. 27.2: an extension is requested in the last six months of the term; on the day of issue it is refused with the window's dates, on its first day it is accepted")
    void extension_only_in_the_last_part_of_the_term() {
        fixture().given(active()).when(request(ISSUED_AT, SHA))
                .expectException(code("permit.extension-too-early"))
                .expectExceptionMessage(Matchers.allOf(Matchers.containsString("2029-06-10"), Matchers.containsString("2029-12-09"),
                        Matchers.containsString("2029-09-10")))
                .expectNoEvents();
        Instant dayBefore = Instant.parse("2029-06-09T02:00:00Z");
        fixture().given(active()).when(request(dayBefore, SHA))
                .expectException(code("permit.extension-too-early")).expectNoEvents();
        Instant firstDay = Instant.parse("2029-06-09T16:00:00Z"); // 2029-06-10 00:00 in Ulaanbaatar
        fixture().given(active()).when(request(firstDay, SHA))
                .expectSuccessfulHandlerExecution()
                .expectState(a -> assertThat(a.openDuties()).containsKey(PermitDuty.DECIDE_EXTENSION));
        assertThat(PermitApplication.extensionWindowOpens(VALID_UNTIL)).isEqualTo(WINDOW_OPENS);
    }

    @Test
    @DisplayName("002 art. 27.1, 27.4: a term is extended once: a second request in the same term after the grant is refused, as is a second request while one is pending")
    void one_extension_per_term() {
        List<Object> extended = with(pending(IN_WINDOW), new PermitExtended(ID, VALID_UNTIL, NEXT_TERM_ENDS, DECIDED, SUPERVISOR));
        fixture().given(extended).when(request(DECIDED.plusSeconds(3600), SHA2))
                .expectException(code("permit.extension-already-granted"))
                .expectExceptionMessage(Matchers.containsString("2034-06-10"))
                .expectNoEvents();
        fixture().given(pending(IN_WINDOW)).when(request(DECIDED, SHA2))
                .expectException(code("permit.extension-pending")).expectNoEvents();
        Instant nextWindow = Instant.parse("2034-07-01T02:00:00Z");
        fixture().given(extended).when(request(nextWindow, SHA2, IN_WINDOW)).expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("002 art. 27.2, 28.1, 28.4: a suspended permit may request an extension (decided within 5 working days); it is granted only once restored, and may be refused while suspended")
    void suspended_permit_requests_and_the_decision_follows_the_suspension() {
        Instant suspendedAt = Instant.parse("2029-07-01T02:00:00Z");
        List<Object> suspended = with(active(), new PermitSuspended(ID, SuspensionGround.INSPECTOR_OPINION, SHA, 0, LocalDate.of(2029, 7, 1),
                LocalDate.of(2029, 9, 30), suspendedAt, REVIEWER));
        fixture().given(suspended).when(request(IN_WINDOW, SHA))
                .expectEvents(requested(IN_WINDOW), duty(PermitDuty.DECIDE_EXTENSION, CALENDAR.deadline(IN_WINDOW, PermitDeadlines.EXTENSION_DECISION), IN_WINDOW));
        List<Object> suspendedPending = with(suspended, requested(IN_WINDOW),
                duty(PermitDuty.DECIDE_EXTENSION, CALENDAR.deadline(IN_WINDOW, PermitDeadlines.EXTENSION_DECISION), IN_WINDOW));
        fixture().given(suspendedPending).when(grant(DECIDED))
                .expectException(code("permit.extension-while-suspended")).expectNoEvents();
        fixture().given(suspendedPending).when(refuse(DECIDED)).expectSuccessfulHandlerExecution()
                .expectState(a -> assertThat(a.status()).isEqualTo(PermitApplicationStatus.SUSPENDED));
        Instant restoredAt = Instant.parse("2029-08-03T02:00:00Z");
        fixture().given(with(suspendedPending, new PermitRestored(ID, "remedied", restoredAt, REVIEWER, "002 art. 28.4"))).when(grant(DECIDED))
                .expectSuccessfulHandlerExecution()
                .expectState(a -> assertThat(a.validUntil()).isEqualTo(NEXT_TERM_ENDS));
    }

    @Test
    @DisplayName("002 art. 29.2: no request after expiry, whether or not the expiry was recorded yet")
    void no_request_after_expiry() {
        fixture().given(with(active(), new PermitExpired(ID, VALID_UNTIL, AFTER_TERM, "002 art. 29.2"))).when(request(AFTER_TERM, SHA))
                .expectException(code("permit.extension-after-expiry")).expectNoEvents();
        fixture().given(active()).when(request(AFTER_TERM, SHA))
                .expectException(code("permit.extension-after-expiry")).expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 27.7: a request refused after its due date leaves the term unextended: the holder's notice to certificate holders becomes a duty, due one month before expiry or at once")
    void refusal_after_the_due_date_raises_the_notice_duty() {
        Instant refusedInOctober = Instant.parse("2029-10-01T02:00:00Z");
        fixture().given(withAGroundToSuspend(pending(IN_WINDOW))).when(refuse(refusedInOctober))
                .expectEvents(new PermitExtensionRefused(ID, List.of(new RefusalReason(PermitRequirement.NO_GROUND_TO_SUSPEND, "reason")), refusedInOctober, SUPERVISOR),
                        new PermitDutyFulfilled(ID, PermitDuty.DECIDE_EXTENSION, refusedInOctober, true, null, SUPERVISOR),
                        dutyOnDate(PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, LocalDate.of(2029, 11, 10), refusedInOctober));
        Instant refusedLate = Instant.parse("2029-11-20T02:00:00Z");
        fixture().given(withAGroundToSuspend(pending(IN_WINDOW))).when(refuse(refusedLate))
                .expectState(a -> assertThat(a.openDuties()).containsEntry(PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, LocalDate.of(2029, 11, 20)));
        fixture().given(withAGroundToSuspend(pending(IN_WINDOW))).when(refuse(DECIDED))
                .expectState(a -> assertThat(a.openDuties()).doesNotContainKey(PermitDuty.NOTIFY_CERTIFICATE_HOLDERS));
    }

    // ------------------------------------------------------------------ item 4: a pending request never keeps an expired permit valid

    @Test
    @DisplayName("002 art. 29.2: a permit expires at the end of its term even while a request waits for the ministry's decision")
    void pending_request_does_not_hold_off_expiry() {
        fixture().given(pending(IN_WINDOW)).when(new Expire(ID, VALID_UNTIL, AFTER_TERM))
                .expectEvents(new PermitExpired(ID, VALID_UNTIL, AFTER_TERM, "002 art. 29.2"))
                .expectState(a -> {
                    assertThat(a.status()).isEqualTo(PermitApplicationStatus.EXPIRED);
                    assertThat(a.openDuties()).containsKey(PermitDuty.DECIDE_EXTENSION);
                });
    }

    @Test
    @DisplayName("002 art. 27.3, 29.2: the decision on a request pending at expiry stays due and escalates when overdue; its deadline outlives the expiry")
    void pending_request_escalates_after_expiry() {
        Deadline fastPath = CALENDAR.deadline(Instant.parse("2029-12-08T02:00:00Z"), PermitDeadlines.EXTENSION_FAST_PATH);
        Instant lateRequest = Instant.parse("2029-12-08T02:00:00Z");
        List<Object> expired = with(active(), requested(lateRequest), duty(PermitDuty.DECIDE_EXTENSION, fastPath, lateRequest),
                new PermitExpired(ID, VALID_UNTIL, AFTER_TERM, "002 art. 29.2"));
        Instant overdue = fastPath.dueAt().toInstant().plusSeconds(1);
        fixture().given(expired).when(new FlagOverdueDuty(ID, PermitDuty.DECIDE_EXTENSION, fastPath.due(), overdue, PermitLifecycleTest.FIRED_DEADLINE))
                .expectEvents(new PermitDutyOverdue(ID, PermitDuty.DECIDE_EXTENSION, fastPath.due(), overdue, "002 art. 27.3"));
        List<DeadlineInstruction> atExpiry = new PermitDeadlineRules().instructionsFor(new PermitExpired(ID, VALID_UNTIL, AFTER_TERM, "002 art. 29.2"), 20);
        assertThat(atExpiry).contains(new DeadlineInstruction.End(ID.value(), PermitDeadlineRules.EXPIRY))
                .doesNotContain(new DeadlineInstruction.End(ID.value(), PermitDeadlineRules.dutyKind(PermitDuty.DECIDE_EXTENSION)));
        assertThat(new PermitDeadlineRules().instructionsFor(new PermitRevoked(ID, RevocationGround.HOLDER_REQUEST, "r", AFTER_TERM, SUPERVISOR, true), 20))
                .contains(new DeadlineInstruction.End(ID.value(), PermitDeadlineRules.dutyKind(PermitDuty.DECIDE_EXTENSION)));
    }

    @Test
    @DisplayName("002 art. 27.4, 29.2: a request made before expiry may still be granted after it: in force again from the decision, the new term counted from the old expiry")
    void grant_after_expiry_puts_the_permit_in_force_from_the_decision() {
        List<Object> expired = with(pending(IN_WINDOW), new PermitExpired(ID, VALID_UNTIL, AFTER_TERM, "002 art. 29.2"));
        Instant decided = Instant.parse("2029-12-12T02:00:00Z");
        fixture().given(expired).when(grant(decided))
                .expectEvents(new PermitExtendedAfterExpiry(ID, VALID_UNTIL, NEXT_TERM_ENDS, decided, SUPERVISOR, "002 art. 27.4, 29.2"),
                        dutyOnDate(PermitDuty.ANNUAL_INSPECTION, VALID_FROM.plusYears(1), decided),
                        dutyOnDate(PermitDuty.RENEW_INSURANCE, PermitLifecycleTest.INSURED_UNTIL, decided),
                        new PermitDutyFulfilled(ID, PermitDuty.DECIDE_EXTENSION, decided, true, null, SUPERVISOR),
                        duty(PermitDuty.PUBLISH_EXTENSION, publication(decided), decided))
                .expectState(a -> {
                    assertThat(a.status()).isEqualTo(PermitApplicationStatus.ACTIVE);
                    assertThat(a.validUntil()).isEqualTo(NEXT_TERM_ENDS);
                });
        // the expiry deadline had not fired yet: the expiry is recorded first, then the extension
        fixture().given(pending(IN_WINDOW)).when(grant(decided))
                .expectEvents(new PermitExpired(ID, VALID_UNTIL, decided, "002 art. 29.2"),
                        new PermitExtendedAfterExpiry(ID, VALID_UNTIL, NEXT_TERM_ENDS, decided, SUPERVISOR, "002 art. 27.4, 29.2"),
                        dutyOnDate(PermitDuty.ANNUAL_INSPECTION, VALID_FROM.plusYears(1), decided),
                        dutyOnDate(PermitDuty.RENEW_INSURANCE, PermitLifecycleTest.INSURED_UNTIL, decided),
                        new PermitDutyFulfilled(ID, PermitDuty.DECIDE_EXTENSION, decided, true, null, SUPERVISOR),
                        duty(PermitDuty.PUBLISH_EXTENSION, publication(decided), decided));
        // 27.5 (ADR 0046 item 24): no ground to suspend stands, so the request made in time is not refused after the expiry either
        fixture().given(expired).when(refuse(decided)).expectException(code("permit.extension-refusal-without-ground")).expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 28.4, 29.2: a permit that expired while suspended is never extended: its ground was never removed; the request can only be refused")
    void expired_while_suspended_is_not_extended() {
        Instant suspendedAt = Instant.parse("2029-11-01T02:00:00Z");
        List<Object> expiredSuspended = with(pending(IN_WINDOW), new PermitSuspended(ID, SuspensionGround.INSPECTOR_OPINION, SHA, 0,
                LocalDate.of(2029, 11, 1), LocalDate.of(2030, 1, 31), suspendedAt, REVIEWER), new PermitExpired(ID, VALID_UNTIL, AFTER_TERM, "002 art. 29.2"));
        Instant decided = Instant.parse("2029-12-12T02:00:00Z");
        fixture().given(expiredSuspended).when(grant(decided))
                .expectException(code("permit.extension-while-suspended")).expectNoEvents();
        fixture().given(expiredSuspended).when(refuse(decided)).expectSuccessfulHandlerExecution();
    }
}
