package mn.registry.permit.command;

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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 29's permits round 30, the short round (docs/abuse-audit.md, "Session 29, permits round 30, the short round"; ADR 0046 item
 * 139): O342, who finds the inspector's violation gone (F494). The histories are {@link PermitLifecycleTest}'s: the inspector's opinion of
 * 20 February 2025 (findings {@link PermitLifecycleTest#SHA}), the suspension on it from 1 March 2025.
 */
class PermitAbuseRound30InspectionTest extends PermitAbuseFixture {

    /** Findings of a clean inspection, received on its day. */
    private static final String CLEAN = "5a".repeat(32);
    /** 21 February 2025, 10:00 in Ulaanbaatar: the day after the opinion. */
    private static final Instant DAY_AFTER_THE_OPINION = Instant.parse("2025-02-21T02:00:00Z");
    /** 20 March 2025, 10:00 in Ulaanbaatar: during the suspension. */
    private static final Instant DURING_THE_SUSPENSION = Instant.parse("2025-03-20T02:00:00Z");

    PermitAbuseRound30InspectionTest() {
        super(CLEAN);
    }

    private static Object cleanInspection(Instant at, PersonId by, Role... roles) {
        return signed(new RecordPermitInspection(ID, mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(at), CLEAN, false), by, at, roles);
    }

    private void refusedToTheMinistry(List<Object> history, Instant at) {
        for (Object inspection : List.of(cleanInspection(at, REVIEWER, Role.MINISTRY_REVIEWER), cleanInspection(at, SUPERVISOR, Role.MINISTRY_SUPERVISOR))) {
            fixture = Signed.fixture(services);
            fixture.given(history).when(inspection)
                    .expectException(problem("permit.remedy-finding-is-the-inspectors", "violationFound", "002 art. 28.1, 28.4"))
                    .expectNoEvents(); // no inspection, no annual duty moved, no deadline
        }
    }

    private void acceptedFromTheInspector(List<Object> history, Instant at) {
        fixture = Signed.fixture(services);
        fixture.given(history).when(cleanInspection(at, INSPECTOR, Role.COMMUNICATIONS_INSPECTOR))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.listWithAnyOf(org.hamcrest.Matchers.instanceOf(PermitInspected.class))));
    }

    @Test
    @DisplayName("002 art. 28.1, 28.4 (ADR 0046 item 139; F494, was O342): the day after the inspector's opinion of a violation, a reviewer "
            + "(or supervisor) records an inspection finding none, so that no suspension rests on the opinion: refused, 403, field "
            + "violationFound, nothing stored; the inspector records it; the suspension on the opinion still decided")
    void a_reviewers_clean_inspection_does_not_undo_the_inspectors_opinion() {
        refusedToTheMinistry(withOpinion(), DAY_AFTER_THE_OPINION);
        fixture = Signed.fixture(services);
        fixture.given(withOpinion())
                .when(signed(new SuspendPermit(ID, SuspensionGround.INSPECTOR_OPINION, SHA, 0,
                        LocalDate.of(2025, 3, 1), SUSPENDED_UNTIL), REVIEWER, SUSPENDED_AT, Role.MINISTRY_REVIEWER))
                .expectSuccessfulHandlerExecution()
                .expectState(a -> assertThat(a.status()).isEqualTo(PermitApplicationStatus.SUSPENDED));
        acceptedFromTheInspector(withOpinion(), DAY_AFTER_THE_OPINION);
    }

    @Test
    @DisplayName("002 art. 28.4 (ADR 0046 item 139; F494): during the suspension on the inspector's opinion, a reviewer records an inspection "
            + "finding no violation and restores the permit: the inspection refused, 403, nothing stored, the restoration still refused; "
            + "the inspector's clean inspection lets the reviewer restore it")
    void only_the_inspector_finds_the_suspensions_violation_remedied() {
        refusedToTheMinistry(suspended(), DURING_THE_SUSPENSION);
        fixture = Signed.fixture(services);
        fixture.given(suspended())
                .when(signed(new RestorePermit(ID, "remedied"), REVIEWER, DURING_THE_SUSPENSION.plusSeconds(60), Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.restoration-without-inspection", null))
                .expectNoEvents();
        acceptedFromTheInspector(suspended(), DURING_THE_SUSPENSION);
        fixture = Signed.fixture(services);
        fixture.given(remedied())
                .when(signed(new RestorePermit(ID, "remedied"), REVIEWER, DURING_THE_SUSPENSION.plusSeconds(60), Role.MINISTRY_REVIEWER))
                .expectSuccessfulHandlerExecution()
                .expectState(a -> assertThat(a.status()).isEqualTo(PermitApplicationStatus.ACTIVE));
    }

    @Test
    @DisplayName("002 art. 31.1.7 (held, ADR 0046 item 139): the ministry's yearly inspection finding no violation stays the reviewer's where no "
            + "opinion stands: none recorded, or the inspector found it remedied; the desk's answer says whose it is")
    void the_yearly_inspection_stays_the_reviewers_otherwise() {
        Instant september = Instant.parse("2025-09-01T02:00:00Z");
        fixture.given(active()).when(cleanInspection(september, REVIEWER, Role.MINISTRY_REVIEWER))
                .expectSuccessfulHandlerExecution();
        List<Object> restored = with(remedied(), new PermitRestored(ID, "remedied", Instant.parse("2025-03-21T02:00:00Z"), REVIEWER, "002 art. 28.4"));
        fixture = Signed.fixture(services);
        fixture.given(restored).when(cleanInspection(september, REVIEWER, Role.MINISTRY_REVIEWER))
                .expectSuccessfulHandlerExecution();
        assertThat(answer(withOpinion(), DAY_AFTER_THE_OPINION).remedyFindingIsTheInspectors()).isTrue();
        assertThat(answer(suspended(), DURING_THE_SUSPENSION).remedyFindingIsTheInspectors()).isTrue();
        assertThat(answer(remedied(), DURING_THE_SUSPENSION).remedyFindingIsTheInspectors()).isFalse();
        assertThat(answer(active(), september).remedyFindingIsTheInspectors()).isFalse();
    }
}
