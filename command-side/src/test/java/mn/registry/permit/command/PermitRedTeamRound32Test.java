package mn.registry.permit.command;

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
import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.*;
import static mn.registry.permit.command.Signed.signed;

/**
 * Session 32, the red team (docs/abuse-audit.md, "Session 32, the red team"; ADR 0046 items 171, 174): the rules behind two of the holes the
 * red team's signed requests found in the running registry (RedTeamRound32EndToEndTest): a restoration decided by the person whose own
 * finding removed the suspension's ground (F597), and a decision on an application received after its 17 working days while the deadline
 * service had not escalated it yet (F600).
 */
class PermitRedTeamRound32Test extends PermitAbuseFixture {

    PermitRedTeamRound32Test() {
        super(PermitSuspensionTest.TAX_SHA, "fa".repeat(32));
    }

    private static final Instant RESTORED_AT = Instant.parse("2025-03-25T02:00:00Z");
    /** A person holding the inspector's role and the reviewer's (or the tax officer's and the reviewer's). */
    private static final PersonId BOTH = new PersonId("inspector-reviewer-1");

    private static Object restore(PersonId by, Role... roles) {
        return signed(new RestorePermit(ID, "The violation is remedied"), by, RESTORED_AT, roles);
    }

    /** Suspended on the inspector's opinion, then {@code inspector}'s inspection found the violation remedied. */
    private static List<Object> remediedBy(PersonId inspector) {
        return with(suspended(), new PermitInspected(ID, LocalDate.of(2025, 3, 20), SHA2, false, Instant.parse("2025-03-20T02:00:00Z"), inspector,
                LocalDate.of(2026, 3, 20)));
    }

    @Test
    @DisplayName("002 art. 28.1, 28.4 (F597; ADR 0046 item 171, choice): one person holding the inspector's role and the reviewer's records the "
            + "inspection that finds the violation remedied and restores the permit on it: refused 403 permit.restoration-on-ones-own-finding, "
            + "field applicationId, nothing stored; another reviewer restores it")
    void a_restoration_is_not_decided_by_the_one_whose_inspection_found_the_ground_removed() {
        fixture.given(remediedBy(BOTH))
                .when(restore(BOTH, Role.COMMUNICATIONS_INSPECTOR, Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.restoration-on-ones-own-finding", "applicationId", "002 art. 28.1, 28.4"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(remediedBy(BOTH))
                .when(restore(REVIEWER, Role.MINISTRY_REVIEWER))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.listWithAnyOf(org.hamcrest.Matchers.instanceOf(PermitRestored.class))));
    }

    @Test
    @DisplayName("002 art. 28.1, 28.4 (F597): a tax officer who is also a reviewer records the evasions settled and restores the permit the tax "
            + "authority's request suspended: refused; a violation found again after the clean inspection, then found remedied by another "
            + "inspector, leaves the first person free to restore")
    void a_restoration_is_not_decided_by_the_one_who_recorded_the_evasions_settled() {
        List<Object> settled = with(PermitSuspensionTest.taxRequested(), new PermitSuspended(ID, SuspensionGround.TAX_EVASIONS,
                PermitSuspensionTest.TAX_SHA, 2, LocalDate.of(2025, 3, 1), SUSPENDED_UNTIL, SUSPENDED_AT, REVIEWER),
                new TaxEvasionsSettled(ID, "fa".repeat(32), Instant.parse("2025-03-20T02:00:00Z"), BOTH, "002 art. 28.1, 28.4"));
        fixture.given(settled)
                .when(restore(BOTH, Role.TAX_OFFICER, Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.restoration-on-ones-own-finding", "applicationId", "002 art. 28.1, 28.4"))
                .expectNoEvents();

        fixture = Signed.fixture(services);
        fixture.given(with(remediedBy(BOTH),
                        new PermitInspected(ID, LocalDate.of(2025, 3, 21), "fa".repeat(32), true, Instant.parse("2025-03-21T02:00:00Z"), INSPECTOR,
                                LocalDate.of(2026, 3, 21)),
                        new PermitInspected(ID, LocalDate.of(2025, 3, 22), PermitSuspensionTest.TAX_SHA, false, Instant.parse("2025-03-22T02:00:00Z"),
                                INSPECTOR, LocalDate.of(2026, 3, 22))))
                .when(restore(BOTH, Role.COMMUNICATIONS_INSPECTOR, Role.MINISTRY_REVIEWER))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.listWithAnyOf(org.hamcrest.Matchers.instanceOf(PermitRestored.class))));
    }

    // ------------------------------------------------------------------ F600: the 17 working days judged at the receipt

    private static Instant afterTheLastDay() {
        return UlaanbaatarTime.endOf(DECISION.due()).toInstant().plusSeconds(60);
    }

    @Test
    @DisplayName("002 art. 26.1, domain-rules §1-2 (F600; ADR 0046 item 174, choice): a reviewer's approval or refusal received a minute after "
            + "the application's 17 working days, the deadline service not having escalated it: refused 403 "
            + "permit.escalated-decision-is-the-supervisors, nothing stored; the supervisor decides; a reviewer's approval on the last day passes")
    void a_decision_received_after_the_last_day_is_the_supervisors_before_the_escalation() {
        fixture.given(registered())
                .when(signed(new ApprovePermitApplication(ID), REVIEWER, afterTheLastDay(), Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.escalated-decision-is-the-supervisors", "applicationId", "002 art. 26.1"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(registered())
                .when(signed(new RefusePermitApplication(ID, List.of(new RefusalReason(PermitRequirement.CERTIFICATE_ISSUING_PROCEDURE,
                        "incomplete"))), REVIEWER, afterTheLastDay(), Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.escalated-decision-is-the-supervisors", "applicationId", "002 art. 26.1"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(registered())
                .when(signed(new ApprovePermitApplication(ID), SUPERVISOR, afterTheLastDay(), Role.MINISTRY_SUPERVISOR))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.listWithAnyOf(org.hamcrest.Matchers.instanceOf(PermitApplicationApproved.class))));
        fixture = Signed.fixture(services);
        fixture.given(registered())
                .when(signed(new ApprovePermitApplication(ID), REVIEWER, UlaanbaatarTime.endOf(DECISION.due()).toInstant().minusSeconds(60),
                        Role.MINISTRY_REVIEWER))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.listWithAnyOf(org.hamcrest.Matchers.instanceOf(PermitApplicationApproved.class))));
    }
}
