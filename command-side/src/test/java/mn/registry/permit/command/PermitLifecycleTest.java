package mn.registry.permit.command;

import mn.registry.permit.api.PublishedByCheckpoint;
import org.axonframework.commandhandling.CommandMessage;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.*;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.permit.command.PermitCommands.*;
import static mn.registry.permit.command.Signed.signed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The permit lifecycle of 002 ch. 6 (domain-rules §3), one law rule per test, on Axon's aggregate fixture. */
class PermitLifecycleTest {

    static final ApplicationId ID = ApplicationId.of(UUID.fromString("0b6f9a52-3c1e-4f7a-8d2b-5e4c3a2b1f00"));
    static final ReceiptNumber RECEIPT = ReceiptNumber.of(2024, 7);
    static final Instant RECEIVED = Instant.parse("2024-11-20T03:00:00Z");
    static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.base();
    static final Deadline DECISION = CALENDAR.deadline(RECEIVED, PermitDeadlines.DECISION);
    /** The deadline a test fires a duty under (the deadline service names it; ADR 0046 item 127). */
    static final String FIRED_DEADLINE = ID.value() + ":permit.duty.fired:1";
    static final PersonId REVIEWER = new PersonId("reviewer-1");
    static final PersonId SUPERVISOR = new PersonId("supervisor-1");
    /** A second supervisor: a complaint against a revocation is decided by another official than the revoker (ADR 0046 item 10). */
    static final PersonId SUPERVISOR_2 = new PersonId("supervisor-2");
    static final PersonId HOLDER = new PersonId("applicant-1");
    static final PersonId INSPECTOR = new PersonId("inspector-1");
    static final Money MINIMUM = Money.mnt(500_000_000);
    static final Instant APPROVED_AT = Instant.parse("2024-12-01T02:00:00Z");
    static final Instant ISSUED_AT = Instant.parse("2024-12-10T02:00:00Z");
    static final LocalDate VALID_FROM = LocalDate.of(2024, 12, 10);
    static final LocalDate VALID_UNTIL = LocalDate.of(2029, 12, 9);
    static final String SHA = "ab".repeat(32);
    /** The last day the policy of {@link #insured()} covers: the holder owes a renewed policy by then (F140). */
    static final LocalDate INSURED_UNTIL = LocalDate.of(2025, 12, 31);
    static final String SHA2 = "cd".repeat(32);
    /** The signed receipt of the certificate database handed over (002 art. 29.3; ADR 0057, session 20 round 2), received. */
    static final String DATABASE_RECEIPT = "dd".repeat(32);
    /** The finding of false documents a revocation on 29.1.3 rests on (ADR 0064). */
    static final String REVOCATION_EVIDENCE = "de".repeat(32);

    private AggregateTestFixture<PermitApplication> fixture;
    private final Signed.Services services = new Signed.Services();

    @BeforeEach
    void fixture() {
        fixture = Signed.fixture(services);
    }

    static List<DocumentRef> documents() {
        return Arrays.stream(RequiredDocument.values()).filter(k -> k.requiredWhen(false))
                .map(k -> new DocumentRef(k, Applications.submitted(k).sha256(), 100, "application/pdf", RECEIVED.minusSeconds(60)))
                .toList();
    }

    static PermitApplicationRegistered registered() {
        return new PermitApplicationRegistered(ID, RECEIPT, Applications.MONGOLIAN, documents(), RECEIVED, DECISION.due(),
                DECISION.dueAt().toInstant(), PermitDeadlines.DECISION, DECISION.calendarVersion(), "002 art. 26.1", HOLDER, SHA);
    }

    static List<Object> approved() {
        return List.of(registered(), new PermitApplicationApproved(ID, MINIMUM, APPROVED_AT, REVIEWER, "002 art. 26.2.2"));
    }

    static List<Object> insured() {
        List<Object> events = new ArrayList<>(approved());
        events.add(new PermitInsuranceRecorded(ID, "Mongol Daatgal", "POL-1", Money.mnt(600_000_000), MINIMUM, INSURED_UNTIL,
                SHA, APPROVED_AT.plusSeconds(86_400)));
        return events;
    }

    static Deadline publication(Instant decidedAt) {
        return CALENDAR.deadline(decidedAt, PermitDeadlines.PUBLICATION);
    }

    static PermitIssued issuedEvent() {
        return new PermitIssued(ID, PermitNumber.of(RECEIPT), PermitApplication.ISSUER, Applications.MONGOLIAN, "Issuing signature certificates",
                VALID_FROM, VALID_UNTIL, List.of("Keep the certificate database in Mongolia"), ISSUED_AT, SUPERVISOR, SHA2);
    }

    static PermitDutyRaised duty(PermitDuty duty, Deadline d, Instant at) {
        return new PermitDutyRaised(ID, duty, d.receivedOn(), d.workingDays(), d.due(), d.calendarVersion(), at, duty.article());
    }

    static PermitDutyRaised dutyOnDate(PermitDuty duty, LocalDate due, Instant at) {
        return new PermitDutyRaised(ID, duty, null, null, due, null, at, duty.article());
    }

    static List<Object> active() {
        List<Object> events = new ArrayList<>(insured());
        events.add(issuedEvent());
        events.add(duty(PermitDuty.PUBLISH_GRANT, publication(ISSUED_AT), ISSUED_AT));
        events.add(dutyOnDate(PermitDuty.ANNUAL_INSPECTION, VALID_FROM.plusYears(1), ISSUED_AT));
        events.add(dutyOnDate(PermitDuty.RENEW_INSURANCE, INSURED_UNTIL, ISSUED_AT));
        return events;
    }

    static final Instant SUSPENDED_AT = Instant.parse("2025-03-01T02:00:00Z");
    static final LocalDate SUSPENDED_UNTIL = LocalDate.of(2025, 5, 31);

    /** A communications inspector's opinion of a violation, findings {@link #SHA}, recorded before the suspension. */
    static PermitInspected opinion() {
        return new PermitInspected(ID, LocalDate.of(2025, 2, 20), SHA, true, Instant.parse("2025-02-20T02:00:00Z"), INSPECTOR,
                LocalDate.of(2026, 2, 20));
    }

    static List<Object> withOpinion() {
        List<Object> events = new ArrayList<>(active());
        events.add(opinion());
        return events;
    }

    /** Suspended, then an inspection found the violation remedied (002 art. 28.4, ADR 0046 item 18). */
    static List<Object> remedied() {
        List<Object> events = new ArrayList<>(suspended());
        events.add(new PermitInspected(ID, LocalDate.of(2025, 3, 20), SHA2, false, Instant.parse("2025-03-20T02:00:00Z"), INSPECTOR,
                LocalDate.of(2026, 3, 20)));
        return events;
    }

    static List<Object> suspended() {
        List<Object> events = new ArrayList<>(active());
        events.add(opinion());
        events.add(new PermitSuspended(ID, SuspensionGround.INSPECTOR_OPINION, SHA, 0, LocalDate.of(2025, 3, 1), SUSPENDED_UNTIL, SUSPENDED_AT, REVIEWER));
        events.add(duty(PermitDuty.NOTIFY_SUSPENSION, CALENDAR.deadline(SUSPENDED_AT, PermitDeadlines.SUSPENSION_NOTICE), SUSPENDED_AT));
        return events;
    }

    static List<Object> revoked(RevocationGround ground) {
        List<Object> events = new ArrayList<>(active());
        Instant at = Instant.parse("2025-06-01T02:00:00Z");
        events.add(new PermitRevoked(ID, ground, "reason", at, SUPERVISOR, true));
        events.add(dutyOnDate(PermitDuty.HAND_OVER_DATABASE, LocalDate.of(2025, 7, 1), at));
        return events;
    }

    // ------------------------------------------------------------------ 26.1 decision deadline

    @Test
    @DisplayName("002 art. 26.1: a decision not made within 17 working days escalates to a supervisor once, and approves nothing")
    void overdue_decision_escalates_once() {
        Instant after = DECISION.dueAt().toInstant().plusSeconds(1);
        fixture.given(registered())
                .when(new EscalateOverdueDecision(ID, DECISION.due(), after))
                .expectEvents(new PermitDecisionOverdue(ID, DECISION.due(), after, "002 art. 26.1"))
                .expectState(a -> assertThat(a.status()).isEqualTo(PermitApplicationStatus.REGISTERED));
        fixture.given(registered(), new PermitDecisionOverdue(ID, DECISION.due(), after, "002 art. 26.1"))
                .when(new EscalateOverdueDecision(ID, DECISION.due(), after.plusSeconds(5)))
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 26.1: no escalation on the due date itself (it ends at 23:59:59 in Ulaanbaatar), nor once a decision is made")
    void no_escalation_before_the_end_of_the_due_date_or_after_a_decision() {
        fixture.given(registered())
                .when(new EscalateOverdueDecision(ID, DECISION.due(), DECISION.dueAt().toInstant()))
                .expectNoEvents();
        fixture.given(approved())
                .when(new EscalateOverdueDecision(ID, DECISION.due(), DECISION.dueAt().toInstant().plusSeconds(60)))
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 26.1, domain-rules §2: a declared holiday moves the decision due date, and a firing for the old date is ignored")
    void calendar_change_moves_the_decision_due_date() {
        WorkingDayCalendar declared = CALENDAR.apply(new PublicHolidayDeclared(LocalDate.of(2024, 12, 2), "Declared", "Зарласан", "R-1"));
        Deadline moved = declared.deadline(RECEIVED, PermitDeadlines.DECISION);
        assertThat(moved.due()).isEqualTo(DECISION.due().plusDays(1));
        fixture.given(registered())
                .when(new RecomputeDecisionDue(ID, moved.due(), moved.dueAt().toInstant(), moved.calendarVersion()))
                .expectEvents(new PermitDecisionDueRecomputed(ID, DECISION.receivedOn(), moved.due(), moved.dueAt().toInstant(),
                        moved.calendarVersion(), "002 art. 26.1"));
        fixture.given(registered(), new PermitDecisionDueRecomputed(ID, DECISION.receivedOn(), moved.due(), moved.dueAt().toInstant(),
                        moved.calendarVersion(), "002 art. 26.1"))
                .when(new EscalateOverdueDecision(ID, DECISION.due(), DECISION.dueAt().toInstant().plusSeconds(1)))
                .expectNoEvents();
    }

    // ------------------------------------------------------------------ 26.2 review, approval, refusal

    @Test
    @DisplayName("002 art. 26.2.2: the reviewer requests documents and records their receipt, kept by hash (001 art. 38.1)")
    void documents_requested_and_received() {
        Instant at = Instant.parse("2024-11-25T02:00:00Z");
        DocumentRef later = new DocumentRef(RequiredDocument.CORRESPONDENT_BANK_REFERENCE, SHA2, 10, "application/pdf", at);
        fixture.given(registered())
                .when(signed(new RequestPermitDocuments(ID, List.of(RequiredDocument.CORRESPONDENT_BANK_REFERENCE), "signed copy"), REVIEWER, at))
                .expectEvents(new PermitDocumentsRequested(ID, List.of(RequiredDocument.CORRESPONDENT_BANK_REFERENCE), "signed copy", at, REVIEWER));
        services.received(later);
        fixture.given(registered())
                .when(signed(new RecordPermitDocumentsReceived(ID, List.of(new SubmittedDocument(later.kind(), later.sha256()))), REVIEWER, at))
                .expectEvents(new PermitDocumentsReceived(ID, List.of(later), at));
        fixture.given(registered())
                .when(signed(new RequestPermitDocuments(ID, List.of(), "nothing"), REVIEWER, at))
                .expectException(RegistryProblem.class).expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 26.2.2: an approved applicant is told the permit follows insurance of at least the ministry's minimum")
    void approval_waits_for_insurance() {
        fixture.given(registered())
                .when(signed(new ApprovePermitApplication(ID), REVIEWER, APPROVED_AT))
                .expectEvents(new PermitApplicationApproved(ID, MINIMUM, APPROVED_AT, REVIEWER, "002 art. 26.2.2"))
                .expectState(a -> assertThat(a.status()).isEqualTo(PermitApplicationStatus.APPROVED_PENDING_INSURANCE));
    }

    @Test
    @DisplayName("002 art. 26.5: no approval before the ministry has set the minimum insurance")
    void approval_needs_the_minimum_insurance_parameter() {
        services.minimum = null;
        fixture.given(registered())
                .when(signed(new ApprovePermitApplication(ID), REVIEWER, APPROVED_AT))
                .expectException(RegistryProblem.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("minimum insurance"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 26.3: a refusal states its reasons, each tied to a requirement and its article; a refusal without reasons is an error")
    void refusal_states_reasons() {
        List<RefusalReason> reasons = List.of(new RefusalReason(PermitRequirement.SECURITY_AUDIT_REPORT, "The audit is older than a year."));
        fixture.given(registered())
                .when(signed(new RefusePermitApplication(ID, reasons), REVIEWER, APPROVED_AT))
                .expectEvents(new PermitApplicationRefused(ID, reasons, APPROVED_AT, REVIEWER, "002 art. 26.3"))
                .expectState(a -> assertThat(a.status()).isEqualTo(PermitApplicationStatus.REFUSED));
        assertThat(reasons.get(0).article()).isEqualTo("002 art. 25.1.5");
        fixture.given(registered())
                .when(signed(new RefusePermitApplication(ID, List.of()), REVIEWER, APPROVED_AT))
                .expectException(RegistryProblem.class).expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 26.2.3, 26.5: insurance below the minimum in force is refused, and no permit is issued before insurance")
    void insurance_at_least_minimum_before_issue() {
        fixture.given(approved())
                .when(signed(new RecordPermitInsurance(ID, "Mongol Daatgal", "POL-1", Money.mnt(499_999_999), LocalDate.of(2025, 12, 31), SHA), HOLDER, APPROVED_AT))
                .expectException(RegistryProblem.class).expectNoEvents();
        fixture.given(approved())
                .when(signed(new IssuePermit(ID, "Issuing signature certificates", List.of("c"), VALID_FROM, SHA2), SUPERVISOR, ISSUED_AT))
                .expectException(RegistryProblem.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("insurance"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 26.6-26.8, 27.1: the issued permit names issuer, holder, activity, period of five years, conditions, number, date, official and contract; publication (26.4) and inspection (31.1.7) become duties")
    void issue_with_content_and_duties() {
        fixture.given(insured())
                .when(signed(new IssuePermit(ID, "Issuing signature certificates", List.of("Keep the certificate database in Mongolia"), VALID_FROM, SHA2), SUPERVISOR, ISSUED_AT))
                .expectEvents(issuedEvent(), duty(PermitDuty.PUBLISH_GRANT, publication(ISSUED_AT), ISSUED_AT),
                        dutyOnDate(PermitDuty.ANNUAL_INSPECTION, LocalDate.of(2025, 12, 10), ISSUED_AT),
                        dutyOnDate(PermitDuty.RENEW_INSURANCE, INSURED_UNTIL, ISSUED_AT))
                .expectState(a -> {
                    assertThat(a.status()).isEqualTo(PermitApplicationStatus.ACTIVE);
                    assertThat(a.validUntil()).isEqualTo(LocalDate.of(2029, 12, 9));
                });
        fixture.given(insured())
                .when(signed(new IssuePermit(ID, "Issuing signature certificates", List.of("c"), VALID_FROM, null), SUPERVISOR, ISSUED_AT))
                .expectException(RegistryProblem.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("contract"));
    }

    @Test
    @DisplayName("002 art. 26.4: the grant is published within 3 working days; a publication not done is flagged once, and a late one is marked late")
    void publication_within_three_working_days() {
        Deadline publish = publication(ISSUED_AT);
        Instant after = publish.dueAt().toInstant().plusSeconds(1);
        fixture.given(active())
                .when(new FlagOverdueDuty(ID, PermitDuty.PUBLISH_GRANT, publish.due(), after, PermitLifecycleTest.FIRED_DEADLINE))
                .expectEvents(new PermitDutyOverdue(ID, PermitDuty.PUBLISH_GRANT, publish.due(), after, "002 art. 26.4"));
        fixture.given(active(), new PermitDutyOverdue(ID, PermitDuty.PUBLISH_GRANT, publish.due(), after, "002 art. 26.4"))
                .when(new FlagOverdueDuty(ID, PermitDuty.PUBLISH_GRANT, publish.due(), after.plusSeconds(9), PermitLifecycleTest.FIRED_DEADLINE))
                .expectNoEvents();
        fixture.given(active())
                .when(new PublishedByCheckpoint(ID, PermitDuty.PUBLISH_GRANT, 7, SHA, after))
                .expectEvents(new PermitDutyFulfilled(ID, PermitDuty.PUBLISH_GRANT, after, true, SHA, null));
        fixture.given(active())
                .when(new PublishedByCheckpoint(ID, PermitDuty.PUBLISH_GRANT, 7, SHA, ISSUED_AT.plusSeconds(3600)))
                .expectEvents(new PermitDutyFulfilled(ID, PermitDuty.PUBLISH_GRANT, ISSUED_AT.plusSeconds(3600), false, SHA, null));
    }

    // ------------------------------------------------------------------ 27 term and extension

    static final Instant REQUEST_ON_TIME = Instant.parse("2029-08-01T02:00:00Z");
    static final Instant REQUEST_LATE = Instant.parse("2029-10-01T02:00:00Z");

    private static CommandMessage<Object> extensionRequest(Instant at) {
        return signed(new RequestPermitExtension(ID, SHA), HOLDER, at);
    }

    @Test
    @DisplayName("002 art. 27.2: an extension request with stamp duty is due three months before expiry; a later one is accepted and marked late")
    void extension_request_due_three_months_before_expiry() {
        LocalDate requestDue = LocalDate.of(2029, 9, 10);
        Deadline fastPath = CALENDAR.deadline(REQUEST_ON_TIME, PermitDeadlines.EXTENSION_FAST_PATH);
        fixture.given(active())
                .when(extensionRequest(REQUEST_ON_TIME))
                .expectEvents(new PermitExtensionRequested(ID, SHA, REQUEST_ON_TIME, requestDue, false,
                                CALENDAR.deadline(REQUEST_ON_TIME, PermitDeadlines.EXTENSION_FAST_PATH).due(), HOLDER),
                        duty(PermitDuty.DECIDE_EXTENSION, fastPath, REQUEST_ON_TIME));
        fixture.given(active())
                .when(extensionRequest(REQUEST_LATE))
                .expectEvents(new PermitExtensionRequested(ID, SHA, REQUEST_LATE, requestDue, true,
                                CALENDAR.deadline(REQUEST_LATE, PermitDeadlines.EXTENSION_FAST_PATH).due(), HOLDER),
                        duty(PermitDuty.DECIDE_EXTENSION, CALENDAR.deadline(REQUEST_LATE, PermitDeadlines.EXTENSION_FAST_PATH), REQUEST_LATE))
                .expectState(a -> assertThat(a.openDuties()).containsKey(PermitDuty.DECIDE_EXTENSION));
    }

    @Test
    @DisplayName("002 art. 27.2: a request after expiry, or without proof of stamp duty, is refused with a stable code")
    void no_extension_after_expiry_or_without_stamp_duty() {
        fixture.given(active())
                .when(extensionRequest(Instant.parse("2029-12-10T02:00:00Z")))
                .expectException(RegistryProblem.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("expired"));
        fixture.given(active())
                .when(signed(new RequestPermitExtension(ID, null), HOLDER, REQUEST_ON_TIME))
                .expectException(RegistryProblem.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("stamp duty"));
    }

    @Test
    @DisplayName("002 art. 27.3-27.6: an extension is decided within 5 working days and extends by five years from the current expiry; its publication is a duty")
    void extension_by_five_years_from_current_expiry() {
        List<Object> given = new ArrayList<>(active());
        given.add(new PermitExtensionRequested(ID, SHA, REQUEST_ON_TIME, LocalDate.of(2029, 9, 10), false, LocalDate.of(2029, 8, 6), HOLDER));
        given.add(duty(PermitDuty.DECIDE_EXTENSION, CALENDAR.deadline(REQUEST_ON_TIME, PermitDeadlines.EXTENSION_DECISION), REQUEST_ON_TIME));
        Instant decidedAt = Instant.parse("2029-08-05T02:00:00Z");
        fixture.given(given)
                .when(signed(new DecidePermitExtension(ID, true, List.of()), REVIEWER, decidedAt))
                .expectEvents(new PermitExtended(ID, VALID_UNTIL, LocalDate.of(2034, 12, 9), decidedAt, REVIEWER),
                        new PermitDutyFulfilled(ID, PermitDuty.DECIDE_EXTENSION, decidedAt, false, null, REVIEWER),
                        duty(PermitDuty.PUBLISH_EXTENSION, publication(decidedAt), decidedAt))
                .expectState(a -> assertThat(a.validUntil()).isEqualTo(LocalDate.of(2034, 12, 9)));
    }

    @Test
    @DisplayName("002 art. 27.7: when the extension request date passes without a request, the duty to tell certificate holders one month before expiry is raised")
    void certificate_holders_notice_duty() {
        Instant passed = Instant.parse("2029-09-10T16:00:01Z");
        fixture.given(active())
                .when(new ExtensionRequestDueDatePassed(ID, LocalDate.of(2029, 9, 10), passed))
                .expectEvents(dutyOnDate(PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, LocalDate.of(2029, 11, 10), passed));
        List<Object> given = new ArrayList<>(active());
        given.add(new PermitExtensionRequested(ID, SHA, REQUEST_ON_TIME, LocalDate.of(2029, 9, 10), false, LocalDate.of(2029, 8, 6), HOLDER));
        fixture.given(given)
                .when(new ExtensionRequestDueDatePassed(ID, LocalDate.of(2029, 9, 10), passed))
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 29.2: an unextended permit expires at the end of its term by itself, once; an extended one does not")
    void expiry_by_itself() {
        Instant after = Instant.parse("2029-12-09T16:00:00Z");
        fixture.given(active())
                .when(new Expire(ID, VALID_UNTIL, after))
                .expectEvents(new PermitExpired(ID, VALID_UNTIL, after, "002 art. 29.2"))
                .expectState(a -> assertThat(a.status()).isEqualTo(PermitApplicationStatus.EXPIRED));
        List<Object> expired = new ArrayList<>(active());
        expired.add(new PermitExpired(ID, VALID_UNTIL, after, "002 art. 29.2"));
        fixture.given(expired).when(new Expire(ID, VALID_UNTIL, after.plusSeconds(2))).expectNoEvents();
        List<Object> extended = new ArrayList<>(active());
        extended.add(new PermitExtended(ID, VALID_UNTIL, LocalDate.of(2034, 12, 9), REQUEST_ON_TIME, REVIEWER));
        fixture.given(extended).when(new Expire(ID, VALID_UNTIL, after)).expectNoEvents();
        fixture.given(active()).when(new Expire(ID, VALID_UNTIL, Instant.parse("2029-12-09T15:59:59Z"))).expectNoEvents();
    }

    // ------------------------------------------------------------------ 28 suspension and restoration

    private static CommandMessage<Object> suspend(SuspensionGround ground, int evasions, LocalDate until) {
        return signed(new SuspendPermit(ID, ground, SHA, evasions, LocalDate.of(2025, 3, 1), until), REVIEWER, SUSPENDED_AT);
    }

    @Test
    @DisplayName("002 art. 28.1, 28.3: a suspension on the inspector's opinion for up to three months; notifying holder and tax authority within 3 working days is a duty")
    void suspension_on_inspector_opinion() {
        fixture.given(withOpinion())
                .when(suspend(SuspensionGround.INSPECTOR_OPINION, 0, SUSPENDED_UNTIL))
                .expectEvents(new PermitSuspended(ID, SuspensionGround.INSPECTOR_OPINION, SHA, 0, LocalDate.of(2025, 3, 1), SUSPENDED_UNTIL,
                                SUSPENDED_AT, REVIEWER),
                        duty(PermitDuty.NOTIFY_SUSPENSION, CALENDAR.deadline(SUSPENDED_AT, PermitDeadlines.SUSPENSION_NOTICE), SUSPENDED_AT))
                .expectState(a -> assertThat(a.status()).isEqualTo(PermitApplicationStatus.SUSPENDED));
    }

    @Test
    @DisplayName("002 art. 28.1: a suspension longer than three months and a second suspension while suspended are refused")
    void suspension_limits() {
        fixture.given(withOpinion()).when(suspend(SuspensionGround.INSPECTOR_OPINION, 0, LocalDate.of(2025, 6, 1)))
                .expectException(RegistryProblem.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("three months"));
        fixture.given(suspended()).when(suspend(SuspensionGround.INSPECTOR_OPINION, 0, SUSPENDED_UNTIL))
                .expectException(RegistryProblem.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("already suspended"));
    }

    @Test
    @DisplayName("002 art. 28.2: while suspended the holder issues no new certificates")
    void no_new_certificates_while_suspended() {
        fixture.given(suspended())
                .when(signed(new ReportCertificatesIssued(ID, 3, LocalDate.of(2025, 3, 31)), HOLDER, Instant.parse("2025-04-01T02:00:00Z")))
                .expectException(RegistryProblem.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("no new certificates"))
                .expectNoEvents();
        fixture.given(active())
                .when(signed(new ReportCertificatesIssued(ID, 3, LocalDate.of(2025, 3, 31)), HOLDER, Instant.parse("2025-04-01T02:00:00Z")))
                .expectEvents(new CertificatesIssuedReported(ID, 3, LocalDate.of(2025, 3, 31), Instant.parse("2025-04-01T02:00:00Z"), HOLDER));
    }

    @Test
    @DisplayName("002 art. 28.4: a suspended permit is restored when the ground is removed; an active one cannot be restored")
    void restoration() {
        Instant at = Instant.parse("2025-04-01T02:00:00Z");
        fixture.given(remedied()).when(signed(new RestorePermit(ID, "Violations remedied"), REVIEWER, at))
                .expectEvents(new PermitRestored(ID, "Violations remedied", at, REVIEWER, "002 art. 28.4"))
                .expectState(a -> assertThat(a.status()).isEqualTo(PermitApplicationStatus.ACTIVE));
        fixture.given(active()).when(signed(new RestorePermit(ID, "x"), REVIEWER, at)).expectException(RegistryProblem.class);
    }

    @Test
    @DisplayName("002 art. 29.1.5: a suspension that runs out without restoration raises a ground of revocation for a decision, once; none after restoration")
    void suspension_running_out_raises_revocation_ground() {
        Instant after = Instant.parse("2025-05-31T16:00:00Z");
        Deadline decision = CALENDAR.deadline(after, PermitDuty.AFTER_SUSPENSION_DECISION);
        fixture.given(suspended()).when(new SuspensionRanOut(ID, SUSPENDED_UNTIL, after, decision))
                .expectEvents(new RevocationGroundRaised(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, after, "002 art. 29.1.5"),
                        duty(PermitDuty.DECIDE_AFTER_SUSPENSION, decision, after))
                .expectState(a -> assertThat(a.status()).isEqualTo(PermitApplicationStatus.SUSPENDED));
        List<Object> raised = new ArrayList<>(suspended());
        raised.add(new RevocationGroundRaised(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, after, "002 art. 29.1.5"));
        fixture.given(raised).when(new SuspensionRanOut(ID, SUSPENDED_UNTIL, after.plusSeconds(3), decision)).expectNoEvents();
        List<Object> restored = new ArrayList<>(suspended());
        restored.add(new PermitRestored(ID, "ok", Instant.parse("2025-04-01T02:00:00Z"), REVIEWER, "002 art. 28.4"));
        fixture.given(restored).when(new SuspensionRanOut(ID, SUSPENDED_UNTIL, after, decision)).expectNoEvents();
    }

    // ------------------------------------------------------------------ 29 revocation, hand-over, complaint

    @Test
    @DisplayName("002 art. 29.1, 29.3, 29.5: a revocation names its ground, keeps issued certificates valid and makes the database hand-over a duty")
    void revocation_with_hand_over_duty() {
        Instant at = Instant.parse("2025-06-01T02:00:00Z");
        fixture.given(active()).when(signed(new RevokePermit(ID, RevocationGround.FALSE_DOCUMENTS, "reason", REVOCATION_EVIDENCE), SUPERVISOR, at))
                .expectEvents(new PermitRevoked(ID, RevocationGround.FALSE_DOCUMENTS, "reason", at, SUPERVISOR, true, REVOCATION_EVIDENCE),
                        dutyOnDate(PermitDuty.HAND_OVER_DATABASE, LocalDate.of(2025, 7, 1), at))
                .expectState(a -> assertThat(a.status()).isEqualTo(PermitApplicationStatus.REVOKED));
        fixture.given(active()).when(signed(new RevokePermit(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, "r"), SUPERVISOR, at))
                .expectException(RegistryProblem.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("not suspended"));
    }

    @Test
    @DisplayName("002 art. 29.3-29.4: the former holder hands over the certificate database and the ministry passes it to another holder")
    void database_hand_over_and_passing_on() {
        Instant at = Instant.parse("2025-06-10T02:00:00Z");
        ApplicationId other = ApplicationId.of(UUID.fromString("11111111-2222-3333-4444-555555555555"));
        services.permitsInForce.add(other);
        fixture.given(revoked(RevocationGround.HOLDER_REQUEST)).when(signed(new RecordCertificateDatabaseHandedOver(ID, SHA, DATABASE_RECEIPT), REVIEWER, at))
                .expectEvents(new CertificateDatabaseHandedOver(ID, SHA, at, REVIEWER, DATABASE_RECEIPT),
                        new PermitDutyFulfilled(ID, PermitDuty.HAND_OVER_DATABASE, at, false, null, REVIEWER));
        fixture.given(revoked(RevocationGround.HOLDER_REQUEST)).when(signed(new PassCertificateDatabaseOn(ID, other, SHA2), SUPERVISOR, at))
                .expectException(RegistryProblem.class);
        List<Object> handed = new ArrayList<>(revoked(RevocationGround.HOLDER_REQUEST));
        handed.add(new CertificateDatabaseHandedOver(ID, SHA, at, REVIEWER));
        fixture.given(handed).when(signed(new PassCertificateDatabaseOn(ID, other, SHA2), SUPERVISOR, at))
                .expectEvents(new CertificateDatabasePassedOn(ID, other, SHA2, at, SUPERVISOR));
    }

    @Test
    @DisplayName("002 art. 29.6: a complaint lies against revocation on grounds 29.1.2-29.1.5, not on the holder's own request; an upheld complaint reinstates the permit")
    void complaint_against_revocation() {
        Instant at = Instant.parse("2025-06-15T02:00:00Z");
        fixture.given(revoked(RevocationGround.REPEATED_VIOLATIONS)).when(signed(new FileRevocationComplaint(ID, SHA), HOLDER, at))
                .expectEvents(new RevocationComplaintFiled(ID, SHA, at, HOLDER));
        List<Object> filed = new ArrayList<>(revoked(RevocationGround.REPEATED_VIOLATIONS));
        filed.add(new RevocationComplaintFiled(ID, SHA, at, HOLDER));
        fixture.given(filed).when(signed(new DecideRevocationComplaint(ID, true, SHA2), SUPERVISOR_2, at.plusSeconds(86_400)))
                .expectEvents(new RevocationComplaintDecided(ID, true, SHA2, at.plusSeconds(86_400), SUPERVISOR_2, VALID_UNTIL, RevocationComplaintDecided.ARTICLE),
                        dutyOnDate(PermitDuty.ANNUAL_INSPECTION, VALID_FROM.plusYears(1), at.plusSeconds(86_400)),
                        dutyOnDate(PermitDuty.RENEW_INSURANCE, INSURED_UNTIL, at.plusSeconds(86_400))) // ADR 0046 item 58: they run again
                .expectSuccessfulHandlerExecution()
                .expectState(a -> assertThat(a.status()).isEqualTo(PermitApplicationStatus.ACTIVE));
        fixture.given(filed).when(signed(new DecideRevocationComplaint(ID, false, SHA2), SUPERVISOR_2, at.plusSeconds(86_400)))
                .expectSuccessfulHandlerExecution()
                .expectState(a -> assertThat(a.status()).isEqualTo(PermitApplicationStatus.REVOKED));
        fixture.given(revoked(RevocationGround.HOLDER_REQUEST)).when(signed(new FileRevocationComplaint(ID, SHA), HOLDER, at))
                .expectException(RegistryProblem.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("own request"));
    }

    // ------------------------------------------------------------------ 20.3.3, 31.1.7, 23.3

    @Test
    @DisplayName("002 art. 20.3.3: a change is reported within 3 working days of it; a later report is marked late")
    void change_reports() {
        LocalDate changedOn = LocalDate.of(2025, 2, 5);
        Deadline report = CALENDAR.deadline(changedOn, PermitDeadlines.CHANGE_REPORT);
        Instant onTime = report.dueAt().toInstant().minusSeconds(3600);
        Instant late = report.dueAt().toInstant().plusSeconds(3600);
        fixture.given(active()).when(signed(new ReportPermitChange(ID, changedOn, "New address", SHA), HOLDER, onTime))
                .expectEvents(new PermitChangeReported(ID, changedOn, "New address", SHA, onTime, report.due(), false, HOLDER));
        fixture.given(active()).when(signed(new ReportPermitChange(ID, changedOn, "New address", SHA), HOLDER, late))
                .expectEvents(new PermitChangeReported(ID, changedOn, "New address", SHA, late, report.due(), true, HOLDER));
    }

    @Test
    @DisplayName("002 art. 31.1.7: an inspection at least once a year; an inspection not made is flagged, and a recorded one raises the next")
    void annual_inspection() {
        LocalDate due = LocalDate.of(2025, 12, 10);
        Instant after = Instant.parse("2025-12-10T16:00:00Z");
        fixture.given(active()).when(new FlagOverdueDuty(ID, PermitDuty.ANNUAL_INSPECTION, due, after, PermitLifecycleTest.FIRED_DEADLINE))
                .expectEvents(new PermitDutyOverdue(ID, PermitDuty.ANNUAL_INSPECTION, due, after, "002 art. 31.1.7"));
        Instant at = Instant.parse("2025-09-01T02:00:00Z");
        fixture.given(active()).when(signed(new RecordPermitInspection(ID, LocalDate.of(2025, 9, 1), SHA, false), INSPECTOR, at, Role.COMMUNICATIONS_INSPECTOR))
                .expectEvents(new PermitInspected(ID, LocalDate.of(2025, 9, 1), SHA, false, at, INSPECTOR, LocalDate.of(2026, 9, 1)),
                        new PermitDutyFulfilled(ID, PermitDuty.ANNUAL_INSPECTION, at, false, null, INSPECTOR),
                        dutyOnDate(PermitDuty.ANNUAL_INSPECTION, LocalDate.of(2026, 9, 1), at));
    }

    @Test
    @DisplayName("002 art. 23.3: on reorganisation the permit passes to the new Mongolian company; a foreign successor or no reorganisation is refused")
    void transfer_on_reorganisation() {
        Instant at = Instant.parse("2025-08-01T02:00:00Z");
        Company successor = new Company("Tamga Trust LLC", "7654321", true, "Ulaanbaatar, Sukhbaatar district");
        fixture.given(active()).when(signed(new TransferPermit(ID, successor, Reorganisation.MERGER, SHA, LocalDate.of(2025, 7, 30), SuccessorsRepresentative.of(successor)), SUPERVISOR, at))
                .expectEvents(new PermitTransferred(ID, Applications.MONGOLIAN, successor, Reorganisation.MERGER, SHA, at, SUPERVISOR, LocalDate.of(2025, 7, 30), SuccessorsRepresentative.of(successor)));
        fixture.given(active()).when(signed(new TransferPermit(ID, Applications.FOREIGN, Reorganisation.MERGER, SHA, LocalDate.of(2025, 7, 30), SuccessorsRepresentative.of(Applications.FOREIGN)), SUPERVISOR, at))
                .expectException(RegistryProblem.class).expectNoEvents();
        fixture.given(active()).when(signed(new TransferPermit(ID, successor, null, SHA, LocalDate.of(2025, 7, 30), SuccessorsRepresentative.of(successor)), SUPERVISOR, at))
                .expectException(RegistryProblem.class).expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 27.3, 27.5: with a violation found at the last inspection the extension is decided within 5 working days, otherwise within 3")
    void extension_decision_period_depends_on_a_ground_to_suspend() {
        List<Object> violation = new ArrayList<>(active());
        violation.add(new PermitInspected(ID, LocalDate.of(2029, 6, 1), SHA, true, Instant.parse("2029-06-01T02:00:00Z"), INSPECTOR,
                LocalDate.of(2030, 6, 1)));
        fixture.given(violation)
                .when(extensionRequest(REQUEST_ON_TIME))
                .expectEvents(new PermitExtensionRequested(ID, SHA, REQUEST_ON_TIME, LocalDate.of(2029, 9, 10), false,
                                CALENDAR.deadline(REQUEST_ON_TIME, PermitDeadlines.EXTENSION_FAST_PATH).due(), HOLDER),
                        duty(PermitDuty.DECIDE_EXTENSION, CALENDAR.deadline(REQUEST_ON_TIME, PermitDeadlines.EXTENSION_DECISION), REQUEST_ON_TIME));
        assertThat(CALENDAR.deadline(REQUEST_ON_TIME, PermitDeadlines.EXTENSION_DECISION).due())
                .isAfter(CALENDAR.deadline(REQUEST_ON_TIME, PermitDeadlines.EXTENSION_FAST_PATH).due());
    }

    @Test
    @DisplayName("002 art. 27.2, 29.6: only the holder's representative who applied acts for the holder; another applicant is refused")
    void only_the_representative_acts_for_the_holder() {
        fixture.given(active())
                .when(signed(new RequestPermitExtension(ID, SHA), new PersonId("applicant-2"), REQUEST_ON_TIME))
                .expectException(RegistryProblem.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("representative"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 29.6: an upheld complaint starts the permit's term deadlines again and ends the hand-over's (ADR 0046 item 58); a rejected one does neither")
    void reinstated_permit_runs_its_term_again() {
        PermitDeadlineRules rules = new PermitDeadlineRules();
        Instant at = Instant.parse("2025-07-01T02:00:00Z");
        List<mn.registry.deadline.DeadlineInstruction> upheld = rules.instructionsFor(new RevocationComplaintDecided(ID, true, SHA2, at, SUPERVISOR,
                VALID_UNTIL, RevocationComplaintDecided.ARTICLE), 9);
        assertThat(upheld).filteredOn(mn.registry.deadline.DeadlineInstruction.Start.class::isInstance)
                .extracting(i -> ((mn.registry.deadline.DeadlineInstruction.Start) i).deadline().kind())
                .containsExactlyInAnyOrder(PermitDeadlineRules.EXPIRY, PermitDeadlineRules.EXTENSION_REQUEST);
        assertThat(upheld).filteredOn(mn.registry.deadline.DeadlineInstruction.End.class::isInstance)
                .containsExactly(new mn.registry.deadline.DeadlineInstruction.End(ID.value(), PermitDeadlineRules.dutyKind(PermitDuty.HAND_OVER_DATABASE)));
        assertThat(rules.instructionsFor(new RevocationComplaintDecided(ID, false, SHA2, at, SUPERVISOR, VALID_UNTIL, RevocationComplaintDecided.ARTICLE), 9)).isEmpty();
    }
}
