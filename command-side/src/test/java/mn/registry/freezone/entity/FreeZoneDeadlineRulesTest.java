package mn.registry.freezone.entity;

import mn.registry.deadline.DeadlineInstruction;
import mn.registry.deadline.ScheduledDeadline;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.RegistrationEvents;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FreeZoneDeadlineRulesTest {

    private final FreeZoneDeadlineRules rules = new FreeZoneDeadlineRules();

    @Test
    @DisplayName("003 art. 12.2: an application starts a 5-business-day review deadline that registration ends and whose firing escalates")
    void review_deadline() {
        List<DeadlineInstruction> started = rules.instructionsFor(ZoneRegistrationTest.applied(), 0);
        assertThat(started).singleElement().isInstanceOfSatisfying(DeadlineInstruction.Start.class, s -> {
            assertThat(s.deadline().kind()).isEqualTo("freezone.review");
            assertThat(s.deadline().due()).isEqualTo(ZoneRegistrationTest.DUE);
            assertThat(s.deadline().workingDays().value()).isEqualTo(5);
            assertThat(s.deadline().startedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
            assertThat(rules.firingCommand(s.deadline(), Instant.parse("2026-11-27T16:00:01Z")))
                    .isInstanceOf(RegistrationStreamCommands.EscalateOverdueReview.class);
        });
        assertThat(rules.instructionsFor(ZoneRegistrationTest.registered(), 1))
                .containsExactly(new DeadlineInstruction.End(ZoneRegistrationTest.ID.value(), "freezone.review"));
    }

    @Test
    @DisplayName("003 art. 12.5.1, 12.5.2: the agreement starts the year to start and an interruption its 12 months; their firing raises the ground")
    void ground_deadlines() {
        RegistrationEvents.InvestmentAgreementRecorded agreement = ZoneRegistrationTest.agreement(LocalDate.of(2026, 6, 1), LocalDate.of(2027, 11, 23));
        ScheduledDeadline start = ((DeadlineInstruction.Start) rules.instructionsFor(agreement, 3).get(1)).deadline();
        assertThat(start.due()).isEqualTo(LocalDate.of(2027, 11, 23));
        assertThat(start.countsWorkingDays()).isFalse();
        Object fire = rules.firingCommand(start, Instant.parse("2027-11-23T16:00:01Z"));
        assertThat(fire).isEqualTo(new RegistrationStreamCommands.RaiseGroundIfDue(RegistrationStreamCommands.stream(ZoneRegistrationTest.ID),
                ZoneRegistrationTest.ID, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, LocalDate.of(2027, 11, 24), Instant.parse("2027-11-23T16:00:01Z")));
        assertThat(rules.instructionsFor(new RegistrationEvents.OperationsStarted(ZoneRegistrationTest.ID, LocalDate.of(2027, 1, 1), null), 4))
                .containsExactly(new DeadlineInstruction.End(ZoneRegistrationTest.ID.value(), "freezone.start"));

        ScheduledDeadline interruption = ((DeadlineInstruction.Start) rules.instructionsFor(new RegistrationEvents.OperationsInterrupted(ZoneRegistrationTest.ID,
                LocalDate.of(2027, 3, 1), LocalDate.of(2028, 2, 29), null), 5).get(0)).deadline();
        assertThat(interruption.due()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(rules.firingCommand(interruption, Instant.parse("2028-02-29T16:00:01Z")))
                .extracting(c -> ((RegistrationStreamCommands.RaiseGroundIfDue) c).ground()).isEqualTo(DeregistrationGround.INTERRUPTED_TWELVE_MONTHS);
    }
}
