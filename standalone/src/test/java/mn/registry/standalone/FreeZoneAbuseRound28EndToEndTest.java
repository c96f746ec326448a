package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.deadline.DeadlinePoller;
import mn.registry.deadline.DeadlineState;
import mn.registry.deadline.MongoDeadlines;
import mn.registry.deadline.ScheduledDeadline;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.freezone.FreeZoneTerms;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static mn.registry.standalone.FreeZoneRegistry.ALTANBULAG;
import static mn.registry.standalone.FreeZoneRegistry.ZAMYN_UUD;
import static mn.registry.standalone.FreeZoneRegistry.dutyOf;
import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 28, Free Zone round 28 on a running registry: the court decision's duty escalated on the calendar in force when the registry handles
 * the firing, the deadline service behind the Government's day of mourning (F470, was O276; ADR 0035 item 94), its moved deadline kept over a
 * restart; the entity's own registration over the API with the days that run against it (F471, was O300; ADR 0035 item 95).
 */
class FreeZoneAbuseRound28EndToEndTest {

    @RegisterExtension
    static final FreeZoneRegistry registry = new FreeZoneRegistry();

    static final String COURT_DECISION = "freezone.court-decision";

    private static StreamingEventProcessor deadlineService() {
        return registry.getBean(EventProcessingConfiguration.class).eventProcessor("deadlines", StreamingEventProcessor.class).orElseThrow();
    }

    private static List<ScheduledDeadline> dutysDeadlines(RegistrationId registration) {
        return registry.getBean(MongoDeadlines.class).openOf(registration.value()).stream().filter(d -> COURT_DECISION.equals(d.kind())).toList();
    }

    private static void awaitDutysDeadline(RegistrationId registration, LocalDate due) throws InterruptedException {
        for (int i = 0; i < 200 && !dutysDeadlines(registration).stream().map(ScheduledDeadline::due).toList().equals(List.of(due)); i++) {
            Thread.sleep(100);
        }
        assertThat(dutysDeadlines(registration)).extracting(ScheduledDeadline::due).as("the duty's open deadline").containsExactly(due);
    }

    private static void movedTo(java.time.Instant instant) {
        registry.clock().advance(Duration.between(registry.clock().instant(), instant));
    }

    private static long count(RegistrationId registration, Class<?> type) {
        return registry.events(registration.stream()).stream().filter(type::isInstance).count();
    }

    @Test
    @DisplayName("003 art. 12.5.3; domain-rules §2 (ADR 0035 item 94; F470, was O276): the Cabinet member declares the duty's last day a day of "
            + "mourning that day; the deadline service, behind, fires the escalation at midnight before it handled the declaration: nothing "
            + "escalated, the deadline moved to the moved day; kept over a restart; fired after the moved day: escalated once")
    void the_escalation_waits_for_the_day_the_calendar_in_force_counts() throws InterruptedException {
        LegalEntity mourned = new LegalEntity("Khongor Mourned LLC", Jurisdiction.MONGOLIAN, null, "6207781");
        RegistrationId here = registry.registeredIn(ZAMYN_UUD, mourned);
        RegistrationId elsewhere = registry.registeredAlsoIn(ALTANBULAG, mourned);
        LocalDate raisedOn = registry.today();
        registry.dissolvedIn(elsewhere, "Selenge civil court 2026/91", raisedOn);
        String governor = registry.signIn("governor-zamyn-uud");
        LocalDate lastDay = LocalDate.parse(dutyOf(registry.await("/api/governor/zones/zamyn-uud/court-decisions", governor,
                d -> dutyOf(d, here) != null), here).path("dueOn").asText());
        awaitDutysDeadline(here, lastDay);
        String firstDeadline = dutysDeadlines(here).get(0).id();

        // the duty's last day: the deadline service stops handling events (a node behind); the Cabinet member declares the day one of mourning
        movedTo(UlaanbaatarTime.endOf(lastDay).toInstant().minus(Duration.ofHours(2)));
        StreamingEventProcessor deadlines = deadlineService();
        deadlines.shutDown();
        try {
            ok(registry.send("cabinet-1", "DeclarePublicHoliday", new PublicHolidayDeclared(lastDay, "Day of mourning (round 28)",
                    "Гашуудлын өдөр (28)", "Government resolution E2E-28")));
            LocalDate movedDay = registry.getBean(CurrentCalendar.class).refresh().deadline(raisedOn, WorkingDays.of(5)).due();
            assertThat(movedDay).isAfter(lastDay);

            // midnight: the deadline fires on the day the service still holds
            movedTo(UlaanbaatarTime.endOf(lastDay).toInstant().plusSeconds(1));
            registry.getBean(DeadlinePoller.class).pollOnce();
            assertThat(registry.getBean(MongoDeadlines.class).state(firstDeadline)).contains(DeadlineState.FIRED);
            assertThat(count(here, RegistrationEvents.CourtDecisionToRecordOverdue.class)).as("nothing escalated").isZero();
            assertThat(registry.events(here.stream())).filteredOn(RegistrationEvents.CourtDecisionToRecordDueRecomputed.class::isInstance)
                    .singleElement().satisfies(e -> assertThat(((RegistrationEvents.CourtDecisionToRecordDueRecomputed) e).dueOn()).isEqualTo(movedDay));
            deadlines.start();
            awaitDutysDeadline(here, movedDay);

            // a restart keeps the moved deadline (the deadlines collection)
            registry.restart();
            assertThat(dutysDeadlines(here)).extracting(ScheduledDeadline::due).containsExactly(movedDay);
            registry.getBean(DeadlinePoller.class).pollOnce();
            assertThat(count(here, RegistrationEvents.CourtDecisionToRecordOverdue.class)).as("the moved day has not passed").isZero();

            // after the moved day: escalated once, on it
            movedTo(UlaanbaatarTime.endOf(movedDay).toInstant().plusSeconds(1));
            registry.getBean(DeadlinePoller.class).pollOnce();
            registry.getBean(DeadlinePoller.class).pollOnce();
            assertThat(registry.events(here.stream())).filteredOn(RegistrationEvents.CourtDecisionToRecordOverdue.class::isInstance)
                    .singleElement().satisfies(e -> assertThat(((RegistrationEvents.CourtDecisionToRecordOverdue) e).dueOn()).isEqualTo(movedDay));
            String governorAgain = registry.signIn("governor-zamyn-uud");
            registry.await("/api/governor/zones/zamyn-uud/court-decisions", governorAgain, d -> dutyOf(d, here) != null
                    && dutyOf(d, here).path("escalated").asBoolean() && movedDay.toString().equals(dutyOf(d, here).path("dueOn").asText()));
        } finally {
            deadlineService().start();
        }
    }

    @Test
    @DisplayName("003 art. 12.5.1, 12.5.2 (ADR 0035 item 95; F471, was O300): the entity's registration over the API answers the days that "
            + "run against it, as its page shows them: the last day to start, running, no ground raised")
    void the_api_answers_the_days_that_run_against_the_entity() throws InterruptedException {
        RegistrationId registration = registry.registeredIn(ZAMYN_UUD, new LegalEntity("Khongor Answered LLC", Jurisdiction.MONGOLIAN, null,
                "6207782"));
        LocalDate registeredOn = registry.today();
        String path = "/api/applicant/registrations/" + URLEncoder.encode(registration.value(), StandardCharsets.UTF_8);
        JsonNode answer = registry.awaitVisible(path, registry.signIn("applicant-1"), a -> "REGISTERED".equals(a.path("status").asText())
                && a.path("daysToAct").size() == 1);
        JsonNode day = answer.path("daysToAct").get(0);
        assertThat(day.path("ground").asText()).isEqualTo("NOT_STARTED_WITHIN_ONE_YEAR");
        assertThat(day.path("article").asText()).isEqualTo("003 art. 12.5.1");
        assertThat(day.path("dueBy").asText()).isEqualTo(FreeZoneTerms.startDueBy(registeredOn).toString());
        assertThat(day.path("passed").asBoolean()).isFalse();
        assertThat(day.path("raisedOn").isNull() || day.path("raisedOn").isMissingNode()).as(day.toString()).isTrue();
    }
}
