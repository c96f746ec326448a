package mn.registry.freezone.zone;

import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static mn.registry.freezone.zone.FreeZoneTest.AT;
import static mn.registry.freezone.zone.FreeZoneTest.GOVERNOR;
import static mn.registry.freezone.zone.FreeZoneTest.ZONE;
import static mn.registry.freezone.zone.FreeZoneTest.established;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Abuse audit, session 17 (round 9 of the Free Zone), on the zone's own stream: a quarter reported again only as a correction of its
 * latest report (ADR 0035 item 26, F166, was O99).
 */
class FreeZoneAbuseRound9Test {

    static final String FIRST = "a1".repeat(32);
    static final String SECOND = "b2".repeat(32);
    static final String THIRD = "c3".repeat(32);
    static final String OTHER_QUARTER = "d4".repeat(32);

    private AggregateTestFixture<FreeZone> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(FreeZone.class);
        fixture.registerCommandTargetResolver(new mn.registry.freezone.governor.StreamTarget(ZoneCommandTypes::streamOf));
    }

    static ZoneEvents.QuarterlyReportSigned first() {
        return new ZoneEvents.QuarterlyReportSigned(ZONE, 2026, 3, FIRST, AT.minusSeconds(86_400), GOVERNOR);
    }

    static ZoneStreamCommands.RecordReportSigned sign(ZoneCommands.SignQuarterlyReport body) {
        return new ZoneStreamCommands.RecordReportSigned(body, body.reportSha256(), AT, GOVERNOR); // the registry built these bytes
    }

    /** The aggregate's refusal itself, its code, field and article. */
    private static RegistryProblem problemOf(Object command, Object... given) {
        RegistryProblem[] caught = new RegistryProblem[1];
        AggregateTestFixture<FreeZone> f = new AggregateTestFixture<>(FreeZone.class);
        f.registerCommandTargetResolver(new mn.registry.freezone.governor.StreamTarget(ZoneCommandTypes::streamOf));
        Object[] events = new Object[given.length + 1];
        events[0] = established();
        System.arraycopy(given, 0, events, 1, given.length);
        f.given(events).when(command).expectException(org.hamcrest.Matchers.<Throwable>allOf(org.hamcrest.Matchers.instanceOf(RegistryProblem.class),
                new org.hamcrest.CustomMatcher<Throwable>("kept") {
                    @Override
                    public boolean matches(Object item) {
                        caught[0] = (RegistryProblem) item;
                        return true;
                    }
                }));
        return caught[0];
    }

    @Test
    @DisplayName("003 art. 12.3 (choice, ADR 0035 item 26, F166, was O99): a second, different report of a quarter already reported, "
            + "naming no report it corrects, is refused (409, field corrects): the Cabinet member would hold two sealed reports of one quarter")
    void a_quarter_already_reported_is_not_reported_again_as_if_for_the_first_time() {
        RegistryProblem problem = problemOf(sign(new ZoneCommands.SignQuarterlyReport(ZONE, 2026, 3, SECOND)), first());
        assertThat(problem.code()).isEqualTo("freezone.quarter-reported-already");
        assertThat(problem.field()).isEqualTo("corrects");
        assertThat(problem.article()).isEqualTo("003 art. 12.3");
        assertThat(problem.kind()).isEqualTo(RegistryProblem.Kind.CONFLICT);
        assertThat(problem.getMessage()).contains(FIRST);
        // the same report again changes nothing, as before
        fixture.given(established(), first()).when(sign(new ZoneCommands.SignQuarterlyReport(ZONE, 2026, 3, FIRST))).expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("003 art. 12.3 (ADR 0035 item 26, F166): a correction names the quarter's latest report; one naming an earlier report, a "
            + "report of another quarter, a report where the quarter has none, or a malformed hash is refused; the same correction again changes nothing")
    void a_correction_names_the_quarters_latest_report() {
        ZoneEvents.QuarterlyReportSigned corrected = new ZoneEvents.QuarterlyReportSigned(ZONE, 2026, 3, SECOND, AT.minusSeconds(3600), GOVERNOR, FIRST);
        fixture.given(established(), first()).when(sign(new ZoneCommands.SignQuarterlyReport(ZONE, 2026, 3, SECOND, FIRST)))
                .expectEvents(new ZoneEvents.QuarterlyReportSigned(ZONE, 2026, 3, SECOND, AT, GOVERNOR, FIRST, 2));
        ZoneEvents.QuarterlyReportSigned otherQuarter = new ZoneEvents.QuarterlyReportSigned(ZONE, 2026, 2, OTHER_QUARTER, AT.minusSeconds(7200), GOVERNOR);
        for (String named : new String[]{FIRST, OTHER_QUARTER}) {
            RegistryProblem problem = problemOf(sign(new ZoneCommands.SignQuarterlyReport(ZONE, 2026, 3, THIRD, named)), first(), corrected, otherQuarter);
            assertThat(problem.code()).as(named).isEqualTo("freezone.correction-not-of-the-latest");
            assertThat(problem.field()).isEqualTo("corrects");
            assertThat(problem.article()).isEqualTo("003 art. 12.3");
            assertThat(problem.getMessage()).contains(SECOND);
        }
        fixture.given(established(), first(), corrected).when(sign(new ZoneCommands.SignQuarterlyReport(ZONE, 2026, 3, THIRD, SECOND)))
                .expectEvents(new ZoneEvents.QuarterlyReportSigned(ZONE, 2026, 3, THIRD, AT, GOVERNOR, SECOND, 2));
        // a report back to the first content corrects the latest, not the first (the first's hash is not the latest any more)
        fixture.given(established(), first(), corrected).when(sign(new ZoneCommands.SignQuarterlyReport(ZONE, 2026, 3, FIRST, SECOND)))
                .expectEvents(new ZoneEvents.QuarterlyReportSigned(ZONE, 2026, 3, FIRST, AT, GOVERNOR, SECOND, 2));
        RegistryProblem nothing = problemOf(sign(new ZoneCommands.SignQuarterlyReport(ZONE, 2026, 3, FIRST, OTHER_QUARTER)), otherQuarter);
        assertThat(nothing.code()).isEqualTo("freezone.correction-not-of-the-latest");
        RegistryProblem malformed = problemOf(sign(new ZoneCommands.SignQuarterlyReport(ZONE, 2026, 3, SECOND, "not-a-hash")), first());
        assertThat(malformed.code()).isEqualTo("freezone.report-hash-malformed");
        assertThat(malformed.field()).isEqualTo("corrects");
        fixture.given(established(), first(), corrected).when(sign(new ZoneCommands.SignQuarterlyReport(ZONE, 2026, 3, SECOND, FIRST))).expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("003 art. 12.3 (ADR 0035 item 52, F251): a report naming no content version (version 1, which left out an entity's earlier "
            + "period) or another than 2 is refused, nothing stored; version 2 corrects a quarter reported on version 1 and only so")
    void version_1_is_retired() {
        for (Integer version : java.util.Arrays.asList(null, 1, 3)) {
            ZoneCommands.SignQuarterlyReport body = new ZoneCommands.SignQuarterlyReport(ZONE, 2026, 3, SECOND, null, version);
            RegistryProblem problem = problemOf(sign(body));
            assertThat(problem.code()).isEqualTo("freezone.report-version-retired");
            assertThat(problem.field()).isEqualTo("contentVersion");
            assertThat(problem.article()).isEqualTo("003 art. 12.3");
            fixture.given(established()).when(sign(body)).expectException(RegistryProblem.class).expectNoEvents();
        }
        // first() was stored before item 52: it names no version, so it is version 1
        assertThat(first().version()).isEqualTo(1);
        fixture.given(established(), first()).when(sign(new ZoneCommands.SignQuarterlyReport(ZONE, 2026, 3, SECOND, FIRST)))
                .expectEvents(new ZoneEvents.QuarterlyReportSigned(ZONE, 2026, 3, SECOND, AT, GOVERNOR, FIRST, 2));
        assertThat(problemOf(sign(new ZoneCommands.SignQuarterlyReport(ZONE, 2026, 3, SECOND)), first()).code())
                .isEqualTo("freezone.quarter-reported-already");
    }
}
