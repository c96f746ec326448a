package mn.registry.freezone.land;

import mn.registry.kernel.freezone.LandActs;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.money.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static mn.registry.freezone.land.ZoneLandTest.A1;
import static mn.registry.freezone.land.ZoneLandTest.A2;
import static mn.registry.freezone.land.ZoneLandTest.AT;
import static mn.registry.freezone.land.ZoneLandTest.CABINET;
import static mn.registry.freezone.land.ZoneLandTest.FROM;
import static mn.registry.freezone.land.ZoneLandTest.GOVERNOR;
import static mn.registry.freezone.land.ZoneLandTest.GRANTED_VALUE;
import static mn.registry.freezone.land.ZoneLandTest.HOLDER;
import static mn.registry.freezone.land.ZoneLandTest.OTHER;
import static mn.registry.freezone.land.ZoneLandTest.PARCEL_A;
import static mn.registry.freezone.land.ZoneLandTest.REPRESENTATIVE;
import static mn.registry.freezone.land.ZoneLandTest.UNTIL;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static mn.registry.freezone.land.ZoneLandTest.applied;
import static mn.registry.freezone.land.ZoneLandTest.grant;
import static mn.registry.freezone.land.ZoneLandTest.granted;
import static mn.registry.freezone.land.ZoneLandTest.governor;
import static mn.registry.freezone.land.ZoneLandTest.receiptDocument;
import static mn.registry.freezone.land.ZoneLandTest.selected;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 31, the selection's result (s31-land-selection; docs/abuse-audit.md F541-F545, was O364; ADR 0035 items 130-136): land granted
 * "by tender" or "by auction" (003 art. 22.4, the only routes) with no result of either recorded, to the loser, or at a value the result did
 * not set (22.5).
 */
class FreeZoneAbuseRound34Test extends ZoneLandAbuseFixture {

    static final String RESULT = receiptDocument("auction result, Altanbulag 2026/9");
    /** A parcel sharing ground with {@link ZoneLandTest#PARCEL_A} (its east half and beyond). */
    static final mn.registry.kernel.freezone.GeoPolygon PARCEL_OVER_A = mn.registry.kernel.freezone.GeoPolygon.of(106.415, 50.31, 106.425, 50.31,
            106.425, 50.32, 106.415, 50.32);
    /** A parcel sharing no ground with {@link ZoneLandTest#PARCEL_A}. */
    static final mn.registry.kernel.freezone.GeoPolygon PARCEL_B = mn.registry.kernel.freezone.GeoPolygon.of(106.43, 50.31, 106.44, 50.31,
            106.44, 50.32, 106.43, 50.32);

    /** The refusal {@code code} on {@code field} (null: none) citing {@code article}. */
    static org.hamcrest.Matcher<mn.registry.kernel.problem.RegistryProblem> problem(String code, String field, String article) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(mn.registry.kernel.problem.RegistryProblem problem) {
                return code.equals(problem.code()) && java.util.Objects.equals(field, problem.field()) && article.equals(problem.article());
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a RegistryProblem " + code + " on " + field + " citing " + article);
            }
        };
    }

    private static LandCommands.RecordLandSelectionResult result(mn.registry.kernel.freezone.LandApplicationId application, Money value, String sha256) {
        return new LandCommands.RecordLandSelectionResult(ZONE, application, value, sha256);
    }

    private static LandEvents.LandSelectionResultRecorded recorded(mn.registry.kernel.freezone.LandApplicationId application,
                                                                   mn.registry.kernel.freezone.RegistrationId winner, Money value, String sha256) {
        return new LandEvents.LandSelectionResultRecorded(ZONE, application, winner, LandCommands.AllocationMethod.AUCTION, value, sha256, AT, GOVERNOR);
    }

    @Test
    @DisplayName("003 art. 22.4 (ADR 0035 items 130, 132, F541, was O364): land is granted by tender or auction only, so a grant on an application "
            + "whose tender or auction has no recorded result is refused (409 freezone.selection-unknown on applicationId, nothing stored); once "
            + "the governor records the result (the winner and route copied from the application), the grant is recorded")
    void a_grant_rests_on_the_recorded_result() {
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(governor(grant(HOLDER, PARCEL_A, FROM, UNTIL, A1)))
                .expectException(problem("freezone.selection-unknown", "applicationId", "003 art. 22.4")).expectNoEvents();
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(governor(result(A1, GRANTED_VALUE, RESULT)))
                .expectEvents(recorded(A1, HOLDER, GRANTED_VALUE, RESULT));
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), recorded(A1, HOLDER, GRANTED_VALUE, RESULT))
                .when(governor(grant(HOLDER, PARCEL_A, FROM, UNTIL, A1)))
                .expectEvents(granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL));
        // a grant stored before this release, resting on no result, still folds: its fee is recorded (the rule is at receipt)
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(governor(new LandCommands.RecordLandFeePaid(ZONE, LandLicenceId.of(ZONE, 1), GRANTED_VALUE, "receipt 1",
                        receiptDocument("receipt 1"), null)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("003 art. 22.5 (ADR 0035 item 133, F543): the one-time fee equals the nominal value the auction set, so a grant naming another "
            + "nominal value than its application's recorded result is refused (400 freezone.nominal-value-not-the-results on nominalValue, "
            + "nothing stored), a higher one as a lower one")
    void the_grant_names_the_results_value() {
        Object[] given = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), selected(1, Money.mnt(150_000_000))};
        fixture.given(given).when(governor(grant(HOLDER, PARCEL_A, FROM, UNTIL, A1)))
                .expectException(problem("freezone.nominal-value-not-the-results", "nominalValue", "003 art. 22.5")).expectNoEvents();
        LandCommands.GrantLandRights g = grant(HOLDER, PARCEL_A, FROM, UNTIL, A1);
        LandCommands.GrantLandRights higher = new LandCommands.GrantLandRights(g.zoneId(), g.holder(), g.parcelName(), g.parcel(), g.purpose(), g.from(),
                g.until(), g.method(), Money.mnt(150_000_001), g.decision(), g.applicationId());
        fixture.given(given).when(governor(higher))
                .expectException(problem("freezone.nominal-value-not-the-results", "nominalValue", "003 art. 22.5")).expectNoEvents();
        LandCommands.GrantLandRights same = new LandCommands.GrantLandRights(g.zoneId(), g.holder(), g.parcelName(), g.parcel(), g.purpose(), g.from(),
                g.until(), g.method(), Money.mnt(150_000_000), g.decision(), g.applicationId());
        fixture.given(given).when(governor(same)).expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("003 art. 22.4 (ADR 0035 item 130, F541): a result is recorded once for a pending application: a second result for it (409 "
            + "freezone.selection-recorded-already), a result for an application granted, refused or withdrawn (409 freezone.land-application-"
            + "decided / -withdrawn), or unknown (404), or on a document never uploaded (resultSha256), is refused, nothing stored")
    void a_result_is_recorded_once_for_a_pending_application() {
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), selected(1))
                .when(governor(result(A1, Money.mnt(130_000_000), RESULT)))
                .expectException(problem("freezone.selection-recorded-already", "applicationId", "003 art. 22.4")).expectNoEvents();
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), selected(1), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(governor(result(A1, GRANTED_VALUE, RESULT)))
                .expectException(problem("freezone.land-application-decided", null, "003 art. 22.2")).expectNoEvents();
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), new LandEvents.LandUseRefused(ZONE, A1, HOLDER, List.of("no project"), "003 art. 22.2",
                        AT, GOVERNOR))
                .when(governor(result(A1, GRANTED_VALUE, RESULT)))
                .expectException(problem("freezone.land-application-decided", null, "003 art. 22.2")).expectNoEvents();
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), new LandEvents.LandApplicationWithdrawn(ZONE, A1, HOLDER, AT, REPRESENTATIVE))
                .when(governor(result(A1, GRANTED_VALUE, RESULT)))
                .expectException(problem("freezone.land-application-withdrawn", null, "003 art. 22.2")).expectNoEvents();
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(governor(result(A2, GRANTED_VALUE, RESULT)))
                .expectException(problem("freezone.land-application-unknown", "applicationId", "003 art. 22.2, 8.7.7")).expectNoEvents();
        services.documentsReceived = false;
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(governor(result(A1, GRANTED_VALUE, RESULT)))
                .expectException(problem("document.unknown", "resultSha256", "003 art. 22.4")).expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 8.7.7, 22.2, 22.4 (ADR 0035 item 130, F541): the result is recorded under the grant's authority rules "
            + "(applicationIsGrantable): the governor who signed the application as the entity's representative records no result of its "
            + "selection (403 freezone.decider-is-applicant), nor does a closed zone record one (409 freezone.zone-closed); nothing stored")
    void the_result_is_recorded_under_the_grants_authority_rules() {
        LandEvents.LandUseApplied byTheGovernor = new LandEvents.LandUseApplied(ZONE, A1, HOLDER, "parcel", PARCEL_A,
                ParcelGeometry.hectares(ParcelGeometry.polygon(PARCEL_A)), "warehouse", FROM, UNTIL, LandCommands.AllocationMethod.AUCTION, AT, GOVERNOR);
        fixture.given(byTheGovernor).when(governor(result(A1, GRANTED_VALUE, RESULT)))
                .expectException(problem("freezone.decider-is-applicant", "applicationId", "003 art. 8.7.7, 22.2")).expectNoEvents();
        services.open = false;
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL)).when(governor(result(A1, GRANTED_VALUE, RESULT)))
                .expectException(problem("freezone.zone-closed", null, "003 art. 6.4")).expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 22.2, 22.4 (ADR 0035 items 131, 134, F542): one tender or auction has one winner: a result for an application whose "
            + "parcel shares ground with a recorded, unused result's application for an overlapping period is refused (409 "
            + "freezone.parcel-selected-already, nothing stored: the loser is not 'selected' too); other ground, a later period, or the first "
            + "result's application since refused or withdrawn, is recorded")
    void one_selection_has_one_winner() {
        LandEvents.LandUseApplied loser = applied(2, OTHER, PARCEL_OVER_A, FROM, UNTIL);
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), loser, selected(1))
                .when(governor(result(A2, GRANTED_VALUE, RESULT)))
                .expectException(problem("freezone.parcel-selected-already", "applicationId", "003 art. 22.4")).expectNoEvents();
        // the same parcel applied for by the loser after the winner's period: a selection of its own
        LocalDate later = UNTIL.plusDays(1);
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), applied(2, OTHER, PARCEL_OVER_A, later, later.plusYears(5)), selected(1))
                .when(governor(result(A2, GRANTED_VALUE, RESULT))).expectSuccessfulHandlerExecution();
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), applied(2, OTHER, PARCEL_B, FROM, UNTIL), selected(1))
                .when(governor(result(A2, GRANTED_VALUE, RESULT))).expectSuccessfulHandlerExecution();
        // the first result's application refused, or withdrawn: its result selects no one now, and the ground is selected anew
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), loser, selected(1),
                        new LandEvents.LandUseRefused(ZONE, A1, HOLDER, List.of("no investment agreement"), "003 art. 22.2", AT, GOVERNOR))
                .when(governor(result(A2, GRANTED_VALUE, RESULT))).expectEvents(recorded(A2, OTHER, GRANTED_VALUE, RESULT));
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), loser, selected(1),
                        new LandEvents.LandApplicationWithdrawn(ZONE, A1, HOLDER, AT, REPRESENTATIVE))
                .when(governor(result(A2, GRANTED_VALUE, RESULT))).expectEvents(recorded(A2, OTHER, GRANTED_VALUE, RESULT));
    }

    @Test
    @DisplayName("003 art. 22.3, 22.5 (ADR 0035 item 135, F544): the result's nominal value is not below the zone's basic value of land in force "
            + "at the receipt times the area applied for (409 freezone.land-value-below-base on nominalValue, nothing stored: F529's rule, called); "
            + "a value at the floor is recorded; a value of zero or none is refused (400 freezone.nominal-value-missing)")
    void the_results_value_is_not_below_the_base_value() {
        LandEvents.LandBaseValueRecorded base = new LandEvents.LandBaseValueRecorded(ZONE, 1, Money.mnt(2_000_000), "Government decision 2026/140",
                LocalDate.of(2026, 11, 1), receiptDocument("Government decision 2026/140"), "003 art. 22.3", AT.minusSeconds(86_400), CABINET);
        java.math.BigDecimal hectares = ParcelGeometry.hectares(ParcelGeometry.polygon(PARCEL_A));
        Money floor = Money.mnt(2_000_000L * hectares.setScale(0, java.math.RoundingMode.CEILING).longValueExact());
        fixture.given(base, applied(1, HOLDER, PARCEL_A, FROM, UNTIL)).when(governor(result(A1, GRANTED_VALUE, RESULT)))
                .expectException(problem("freezone.land-value-below-base", "nominalValue", "003 art. 22.3, 22.5")).expectNoEvents();
        fixture.given(base, applied(1, HOLDER, PARCEL_A, FROM, UNTIL)).when(governor(result(A1, floor, RESULT)))
                .expectEvents(recorded(A1, HOLDER, floor, RESULT));
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL)).when(governor(result(A1, Money.mnt(0), RESULT)))
                .expectException(problem("freezone.nominal-value-missing", "nominalValue", "003 art. 22.5")).expectNoEvents();
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL)).when(governor(result(A1, null, RESULT)))
                .expectException(problem("freezone.nominal-value-missing", "nominalValue", "003 art. 22.5")).expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 22.4 (ADR 0035 item 130, F541): the land desk offers a pending application's result until it is recorded and its "
            + "grant only after (the grant's verdict refused freezone.selection-unknown before, as the handler refuses it)")
    void the_desk_offers_the_result_then_the_grant() {
        LandActs before = actsAt(AT, GOVERNOR, applied(1, HOLDER, PARCEL_A, FROM, UNTIL));
        assertThat(before.selectionOf(A1)).contains(LandActs.Verdict.ACCEPTED);
        assertThat(before.on(A1).orElseThrow().grant().refusedWith()).isEqualTo("freezone.selection-unknown");
        assertThat(before.on(A1).orElseThrow().refusal().accepted()).isTrue();
        LandActs after = actsAt(AT, GOVERNOR, applied(1, HOLDER, PARCEL_A, FROM, UNTIL), selected(1));
        assertThat(after.selectionOf(A1).orElseThrow().refusedWith()).isEqualTo("freezone.selection-recorded-already");
        assertThat(after.on(A1).orElseThrow().grant().accepted()).isTrue();
    }

    @Test
    @DisplayName("003 art. 22.4, 22.5 (ADR 0035 item 131): the result's public record is the selection's outcome whole (the application, its "
            + "entity, the route, the nominal value, the document, the governor), as the grant's is")
    void the_results_public_record_is_whole() {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();
        com.fasterxml.jackson.databind.JsonNode event = mapper.valueToTree(recorded(A1, HOLDER, GRANTED_VALUE, RESULT));
        com.fasterxml.jackson.databind.JsonNode published = mn.registry.kernel.freezone.FreeZonePublicRecords.mappers()
                .get(LandEvents.LandSelectionResultRecorded.class.getName()).apply(event).orElseThrow();
        assertThat(published).isEqualTo(event);
    }
}
