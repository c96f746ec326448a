package mn.registry.deadline;

import com.mongodb.client.MongoDatabase;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.calendar.YearConfirmed;
import mn.registry.deadline.DeadlineServiceTest.Moved;
import mn.registry.deadline.DeadlineServiceTest.Recompute;
import mn.registry.deadline.DeadlineServiceTest.TestRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0013 §2: declarations for years after 2030, and a year's confirmation, re-compute open deadlines like any declaration. */
@ExtendWith(EmbeddedMongoExtension.class)
class CalendarYearRecomputeTest {

    private static final WorkingDayCalendar BASE = WorkingDayCalendar.base();

    private MongoDeadlines deadlines;
    private final List<Object> sent = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start(MongoDatabase database) {
        deadlines = new MongoDeadlines(database);
        sent.clear();
    }

    /** Opens a deadline of {@code n} working days from {@code receivedOn} under the base calendar. */
    private Deadline open(String caseId, LocalDate receivedOn, int n) {
        Deadline d = BASE.deadline(receivedOn, WorkingDays.of(n));
        new DeadlineProjection(deadlines, List.of(new TestRules()), () -> BASE, sent::add)
                .on(new Moved(ScheduledDeadline.workingDays(caseId, "test.decision", 1, d, "decision", "002 art. 26.1")), 0);
        return d;
    }

    @Test
    @DisplayName("002 art. 26.1: a Government holiday declared for 2031 moves an open deadline that runs into 2031")
    void a_2031_holiday_moves_an_open_deadline() {
        Deadline before = open("case-2031", LocalDate.of(2030, 12, 20), 17);
        assertThat(before.due()).isEqualTo(LocalDate.of(2031, 1, 15));
        PublicHolidayDeclared holiday = new PublicHolidayDeclared(LocalDate.of(2031, 1, 6), "Declared day off", "Амралтын өдөр",
                "Government resolution 2030/999");
        WorkingDayCalendar declared = BASE.apply(holiday);

        int moved = new DeadlineProjection(deadlines, List.of(new TestRules()), () -> declared, sent::add).recomputeOpenDeadlines();

        assertThat(moved).isEqualTo(1);
        assertThat(sent).singleElement().isInstanceOfSatisfying(Recompute.class, r -> {
            assertThat(r.recomputed().due()).isEqualTo(LocalDate.of(2031, 1, 16));
            assertThat(r.recomputed().calendarVersion().value()).isEqualTo("MN-2024.2+provisional-2031");
        });
    }

    @Test
    @DisplayName("002 art. 26.1: the Government's confirmation of 2031 re-computes the open deadline it moves, which is no longer provisional")
    void confirming_a_year_recomputes_open_deadlines() {
        open("case-moved", LocalDate.of(2031, 2, 20), 5);   // across the computed Tsagaan Sar 22-24 Feb 2031: due 28 Feb
        open("case-same", LocalDate.of(2031, 4, 1), 5);     // not touched by the confirmation
        YearConfirmed confirmation = new YearConfirmed(2031, List.of(LocalDate.of(2031, 2, 24), LocalDate.of(2031, 2, 25),
                LocalDate.of(2031, 2, 26)), LocalDate.of(2031, 6, 5), LocalDate.of(2031, 11, 15), "Government resolution 2030/1000");
        WorkingDayCalendar confirmed = BASE.apply(confirmation);

        new DeadlineProjection(deadlines, List.of(new TestRules()), () -> confirmed, sent::add).on(confirmation, 0);

        assertThat(sent).singleElement().isInstanceOfSatisfying(Recompute.class, r -> {
            assertThat(r.deadlineId()).isEqualTo(ScheduledDeadline.idOf("case-moved", "test.decision", 1));
            assertThat(r.recomputed().due()).isEqualTo(LocalDate.of(2031, 3, 4));
            assertThat(r.recomputed().calendarVersion().value()).isEqualTo("MN-2024.2");
            assertThat(r.recomputed().provisional()).isFalse();
        });
    }
}
