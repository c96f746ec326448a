package mn.registry.freezone.zone;

import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static mn.registry.freezone.zone.FreeZoneTest.AT;
import static mn.registry.freezone.zone.FreeZoneTest.BOUNDARY;
import static mn.registry.freezone.zone.FreeZoneTest.CABINET;
import static mn.registry.freezone.zone.FreeZoneTest.ZONE;
import static mn.registry.freezone.zone.FreeZoneTest.byCabinet;
import static mn.registry.freezone.zone.FreeZoneTest.established;

/** Session 10's abuse audit (docs/abuse-audit.md F89): a zone's published texts read as the Cabinet member signed them. */
class ZoneTextsReadAsSignedTest {

    private AggregateTestFixture<FreeZone> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(FreeZone.class);
        fixture.registerCommandTargetResolver(new mn.registry.freezone.governor.StreamTarget(ZoneCommandTypes::streamOf));
    }

    static Matcher<RegistryProblem> problem(String code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RegistryProblem problem) {
                return code.equals(problem.code()) && field.equals(problem.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RegistryProblem " + code + " on " + field);
            }
        };
    }

    @Test
    @DisplayName("003 art. 6.1, 6.4 (F89): a zone's name, location, resolution or opening decision with a bidirectional override or a control character is refused; in plain text it is recorded")
    void zone_texts_have_no_control_characters() {
        fixture.givenNoPriorActivity()
                .when(byCabinet(new ZoneCommands.EstablishZone(ZONE, "Altanbulag \u202eenoZ eerF", "Altanbulag soum, Selenge aimag", new BigDecimal("500"),
                        BOUNDARY, List.of(Activity.TRADE), false, "State Great Khural resolution 2002/15")))
                .expectException(problem("privacy.published-text-has-control-characters", "name")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(byCabinet(new ZoneCommands.EstablishZone(ZONE, "Altanbulag Free Zone", "Altanbulag soum, Selenge aimag", new BigDecimal("500"),
                        BOUNDARY, List.of(Activity.TRADE), false, "State Great Khural resolution \u00002002/15")))
                .expectException(problem("privacy.published-text-has-control-characters", "resolution")).expectNoEvents();
        fixture.given(established())
                .when(byCabinet(new ZoneCommands.OpenZone(ZONE, "Government resolution \u2067101/6202")))
                .expectException(problem("privacy.published-text-has-control-characters", "decision")).expectNoEvents();
        fixture.given(established())
                .when(byCabinet(new ZoneCommands.OpenZone(ZONE, "Government resolution 2026/101")))
                .expectEvents(new ZoneEvents.ZoneOpened(ZONE, "Government resolution 2026/101", AT, CABINET));
    }
}
