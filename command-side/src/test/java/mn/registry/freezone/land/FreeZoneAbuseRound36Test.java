package mn.registry.freezone.land;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mn.registry.command.api.SignedCommandType;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.problem.RegistryProblem;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static mn.registry.freezone.FreeZoneSigned.byGovernor;
import static mn.registry.freezone.FreeZoneSigned.signed;
import static mn.registry.freezone.land.ZoneLandTest.AT;
import static mn.registry.freezone.land.ZoneLandTest.CABINET;
import static mn.registry.freezone.land.ZoneLandTest.FROM;
import static mn.registry.freezone.land.ZoneLandTest.GOVERNOR;
import static mn.registry.freezone.land.ZoneLandTest.HOLDER;
import static mn.registry.freezone.land.ZoneLandTest.PARCEL_A;
import static mn.registry.freezone.land.ZoneLandTest.UNTIL;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static mn.registry.freezone.land.ZoneLandTest.applied;
import static mn.registry.freezone.land.ZoneLandTest.receiptDocument;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 31, the base value's second signature (s31-base-value-confirmed; docs/abuse-audit.md F574-F576, was O409; ADR 0035 items 142-145):
 * a Cabinet member lowered the Government's basic value of land (003 art. 22.3), the floor under every grant's nominal value (22.5), on their
 * own word, on any PDF under a new reference. A value lower than the one in force is now in force only once a second Cabinet member confirms it.
 */
class FreeZoneAbuseRound36Test extends ZoneLandAbuseFixture {

    static final PersonId SECOND = new PersonId("cabinet-2");
    static final LocalDate RESOLVED = LocalDate.of(2026, 6, 12);
    static final LocalDate DECIDED = LocalDate.of(2026, 10, 1);
    static final String IN_FORCE_SHA = receiptDocument("Government decision 2026/200");
    static final String LOWER_SHA = receiptDocument("any PDF presented as Government decision 2026/201");
    static final String LATER_SHA = receiptDocument("Government decision 2026/202");
    static final String LOWER = "Government decision 2026/201";
    static final long HIGH = 1_500_000;
    static final long LOW = 1_000;
    static final Instant RECORDED = AT.minusSeconds(7_200);

    static final LandEvents.LandBaseValueRecorded IN_FORCE = new LandEvents.LandBaseValueRecorded(ZONE, 1, Money.mnt(HIGH),
            "Government decision 2026/200", DECIDED, IN_FORCE_SHA, "003 art. 22.3", AT.minusSeconds(86_400), CABINET);

    private static LandEvents.LandBaseValueRecorded pending(Instant at) {
        return new LandEvents.LandBaseValueRecorded(ZONE, 2, Money.mnt(LOW), LOWER, DECIDED.plusDays(1), LOWER_SHA, "003 art. 22.3", at, CABINET,
                Boolean.TRUE);
    }

    private static LandEvents.LandBaseValueConfirmed confirmed(Instant at) {
        return new LandEvents.LandBaseValueConfirmed(ZONE, 2, Money.mnt(LOW), LOWER, "003 art. 22.3", at, SECOND);
    }

    private static LandCommands.RecordLandBaseValue value(long perHectare, String reference, String sha256) {
        return new LandCommands.RecordLandBaseValue(ZONE, Money.mnt(perHectare), reference, DECIDED.plusDays(1), sha256);
    }

    private static LandCommands.ConfirmLandBaseValue confirm(String reference) {
        return new LandCommands.ConfirmLandBaseValue(ZONE, reference);
    }

    private static LandCommands.GrantLandRights grantAt(long nominalValue) {
        return new LandCommands.GrantLandRights(ZONE, HOLDER, "parcel", PARCEL_A, "warehouse", FROM, UNTIL, LandCommands.AllocationMethod.AUCTION,
                Money.mnt(nominalValue), "Governor decision 2026/90", LandApplicationId.of(ZONE, 1));
    }

    /** The floor of {@code perHectare} under the test's parcel, rounded up to the tögrög. */
    private static long floor(long perHectare) {
        BigDecimal hectares = ParcelGeometry.hectares(ParcelGeometry.polygon(PARCEL_A));
        return BigDecimal.valueOf(perHectare).multiply(hectares).setScale(0, java.math.RoundingMode.CEILING).longValueExact();
    }

    /** A refusal of {@code kind} with its code, field and article. */
    private static Matcher<RegistryProblem> refused(RegistryProblem.Kind kind, String code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RegistryProblem problem) {
                return problem.kind() == kind && code.equals(problem.code()) && field.equals(problem.field()) && "003 art. 22.3".equals(problem.article());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RegistryProblem " + kind + " " + code + " on " + field + " citing 003 art. 22.3");
            }
        };
    }

    @Test
    @DisplayName("003 art. 22.3, 22.5 (ADR 0035 item 142, choice; F574, was O409): a basic value lower than the one in force is recorded awaiting "
            + "a second signature and is not in force: a grant is still judged on the higher floor (409 freezone.land-value-below-base); an "
            + "equal or higher value, or a zone's first, is in force from its record as before")
    void a_lower_value_is_not_in_force_on_one_cabinet_members_word() {
        services.resolutionDate = RESOLVED;
        // recorded lower: awaiting the second signature
        fixture.given(IN_FORCE).when(signed(value(LOW, LOWER, LOWER_SHA), CABINET, RECORDED, Role.CABINET_MEMBER))
                .expectEvents(pending(RECORDED));
        // equal or higher, and a zone's first: in force from the record (no field)
        fixture.given(IN_FORCE).when(signed(value(HIGH, LOWER, LOWER_SHA), CABINET, RECORDED, Role.CABINET_MEMBER))
                .expectEvents(new LandEvents.LandBaseValueRecorded(ZONE, 2, Money.mnt(HIGH), LOWER, DECIDED.plusDays(1), LOWER_SHA, "003 art. 22.3",
                        RECORDED, CABINET));
        fixture.given(IN_FORCE).when(signed(value(HIGH + 1, LOWER, LOWER_SHA), CABINET, RECORDED, Role.CABINET_MEMBER))
                .expectEvents(new LandEvents.LandBaseValueRecorded(ZONE, 2, Money.mnt(HIGH + 1), LOWER, DECIDED.plusDays(1), LOWER_SHA,
                        "003 art. 22.3", RECORDED, CABINET));
        fixture.givenNoPriorActivity().when(signed(value(LOW, LOWER, LOWER_SHA), CABINET, RECORDED, Role.CABINET_MEMBER))
                .expectEvents(new LandEvents.LandBaseValueRecorded(ZONE, 1, Money.mnt(LOW), LOWER, DECIDED.plusDays(1), LOWER_SHA, "003 art. 22.3",
                        RECORDED, CABINET));

        // until confirmed, the grant is judged on the value in force (the higher floor)
        Object applied = applied(1, HOLDER, PARCEL_A, FROM, UNTIL);
        fixture.given(applied, IN_FORCE, pending(RECORDED)).when(byGovernor(grantAt(floor(LOW)), GOVERNOR, ZONE, AT))
                .expectException(FreeZoneLandAbuseRound5Test.problem("freezone.land-value-below-base", "nominalValue", "003 art. 22.3, 22.5"))
                .expectNoEvents();
        fixture.given(applied, IN_FORCE, pending(RECORDED), ZoneLandTest.selected(1, Money.mnt(floor(HIGH))))
                .when(byGovernor(grantAt(floor(HIGH)), GOVERNOR, ZONE, AT)).expectSuccessfulHandlerExecution();
        // confirmed by a second Cabinet member: in force from the confirmation's receipt, not from the record's
        Instant confirmedAt = AT.minusSeconds(60);
        fixture.given(applied, IN_FORCE, pending(RECORDED), confirmed(confirmedAt), ZoneLandTest.selected(1, Money.mnt(floor(LOW))))
                .when(byGovernor(grantAt(floor(LOW)), GOVERNOR, ZONE, AT)).expectSuccessfulHandlerExecution();
        fixture.given(applied, IN_FORCE, pending(RECORDED), confirmed(AT.plusSeconds(1))).when(byGovernor(grantAt(floor(LOW)), GOVERNOR, ZONE, AT))
                .expectException(FreeZoneLandAbuseRound5Test.problem("freezone.land-value-below-base", "nominalValue", "003 art. 22.3, 22.5"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 22.3 (ADR 0035 items 142-143, choice; F575): a second Cabinet member confirms the lower value by its decision's "
            + "reference and it is in force from the confirmation's receipt; the Cabinet member who recorded it confirming it is refused (403 "
            + "freezone.land-base-value-own-record, nothing stored); a value in force from its record, or confirmed already, is refused (409 "
            + "freezone.land-base-value-not-pending); a reference naming none 404")
    void a_second_cabinet_member_confirms_the_lower_value() {
        fixture.given(IN_FORCE, pending(RECORDED)).when(signed(confirm(LOWER), CABINET, AT, Role.CABINET_MEMBER))
                .expectException(refused(RegistryProblem.Kind.FORBIDDEN, "freezone.land-base-value-own-record", "decision")).expectNoEvents();
        fixture.given(IN_FORCE, pending(RECORDED)).when(signed(confirm(LOWER), SECOND, AT, Role.CABINET_MEMBER))
                .expectEvents(confirmed(AT));
        // named as the references are compared (one reference names one decision of the zone, item 119)
        fixture.given(IN_FORCE, pending(RECORDED)).when(signed(confirm(" government  DECISION 2026/201\u200b"), SECOND, AT, Role.CABINET_MEMBER))
                .expectEvents(confirmed(AT));

        fixture.given(IN_FORCE, pending(RECORDED), confirmed(AT.minusSeconds(60))).when(signed(confirm(LOWER), SECOND, AT, Role.CABINET_MEMBER))
                .expectException(refused(RegistryProblem.Kind.CONFLICT, "freezone.land-base-value-not-pending", "decision")).expectNoEvents();
        fixture.given(IN_FORCE, pending(RECORDED)).when(signed(confirm("Government decision 2026/200"), SECOND, AT, Role.CABINET_MEMBER))
                .expectException(refused(RegistryProblem.Kind.CONFLICT, "freezone.land-base-value-not-pending", "decision")).expectNoEvents();
        fixture.given(IN_FORCE, pending(RECORDED)).when(signed(confirm("Government decision 2026/999"), SECOND, AT, Role.CABINET_MEMBER))
                .expectException(refused(RegistryProblem.Kind.NOT_FOUND, "freezone.land-base-value-unknown", "decision")).expectNoEvents();
        fixture.givenNoPriorActivity().when(signed(confirm(LOWER), SECOND, AT, Role.CABINET_MEMBER))
                .expectException(refused(RegistryProblem.Kind.NOT_FOUND, "freezone.land-base-value-unknown", "decision")).expectNoEvents();
        fixture.given(IN_FORCE, pending(RECORDED)).when(signed(confirm(" \u00a0 "), SECOND, AT, Role.CABINET_MEMBER))
                .expectException(refused(RegistryProblem.Kind.INVALID, "freezone.field-missing", "decision")).expectNoEvents();

        // the same authority as the record's: the Cabinet member's role in force at the receipt, judged by the pipeline (403 signer.role-missing)
        SignedCommandType<LandCommands.ConfirmLandBaseValue> type = new LandCommandTypes(null).confirmLandBaseValueType();
        assertThat(type.allowedRoles()).isEqualTo(Set.of(Role.CABINET_MEMBER));
        assertThat(type.type()).isEqualTo("ConfirmLandBaseValue");
    }

    @Test
    @DisplayName("003 art. 22.3 (ADR 0035 item 142, choice; F576): a later value recorded for the zone supersedes the lower value awaiting its "
            + "second signature: confirming it then is refused (409 freezone.land-base-value-superseded, nothing stored), and the value in force "
            + "stays the one before it (or the later one)")
    void a_superseded_value_is_not_confirmed() {
        services.resolutionDate = RESOLVED;
        LandEvents.LandBaseValueRecorded later = new LandEvents.LandBaseValueRecorded(ZONE, 3, Money.mnt(HIGH + 100), "Government decision 2026/202",
                DECIDED.plusDays(2), LATER_SHA, "003 art. 22.3", AT.minusSeconds(600), CABINET);
        fixture.given(IN_FORCE, pending(RECORDED), later).when(signed(confirm(LOWER), SECOND, AT, Role.CABINET_MEMBER))
                .expectException(refused(RegistryProblem.Kind.CONFLICT, "freezone.land-base-value-superseded", "decision")).expectNoEvents();
        // a second lower value supersedes the first: it awaits its own second signature, the first is no longer confirmed
        LandEvents.LandBaseValueRecorded lowerAgain = new LandEvents.LandBaseValueRecorded(ZONE, 3, Money.mnt(LOW / 2), "Government decision 2026/202",
                DECIDED.plusDays(2), LATER_SHA, "003 art. 22.3", AT.minusSeconds(600), CABINET, Boolean.TRUE);
        fixture.given(IN_FORCE, pending(RECORDED)).when(signed(new LandCommands.RecordLandBaseValue(ZONE, Money.mnt(LOW / 2),
                        "Government decision 2026/202", DECIDED.plusDays(2), LATER_SHA), CABINET, AT.minusSeconds(600), Role.CABINET_MEMBER))
                .expectEvents(lowerAgain);
        fixture.given(IN_FORCE, pending(RECORDED), lowerAgain).when(signed(confirm(LOWER), SECOND, AT, Role.CABINET_MEMBER))
                .expectException(refused(RegistryProblem.Kind.CONFLICT, "freezone.land-base-value-superseded", "decision")).expectNoEvents();
        fixture.given(IN_FORCE, pending(RECORDED), lowerAgain).when(signed(confirm("Government decision 2026/202"), SECOND, AT, Role.CABINET_MEMBER))
                .expectEvents(new LandEvents.LandBaseValueConfirmed(ZONE, 3, Money.mnt(LOW / 2), "Government decision 2026/202", "003 art. 22.3",
                        AT, SECOND));
        // while pending, the higher floor still judges a grant whatever the later pending value
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), IN_FORCE, pending(RECORDED), lowerAgain)
                .when(byGovernor(grantAt(floor(HIGH) - 1), GOVERNOR, ZONE, AT))
                .expectException(FreeZoneLandAbuseRound5Test.problem("freezone.land-value-below-base", "nominalValue", "003 art. 22.3, 22.5"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 22.3 (ADR 0035 item 144): the confirmation is published whole, as the record it confirms (the value, its decision's "
            + "reference, the receipt it is in force from and the second Cabinet member); a value recorded in force from its record has no "
            + "awaitsSecondSignature field, so its stored and published shape is the one of store format 7")
    void the_confirmation_is_public_and_an_unconfirmed_record_keeps_its_shape() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        var mappers = mn.registry.kernel.freezone.FreeZonePublicRecords.mappers();
        JsonNode confirmation = mapper.valueToTree(confirmed(AT));
        assertThat(mappers.get(LandEvents.LandBaseValueConfirmed.class.getName()).apply(confirmation)).contains(confirmation);
        assertThat(confirmation.path("confirmedBy").asText()).isEqualTo("cabinet-2");
        assertThat(mapper.valueToTree(IN_FORCE).has("awaitsSecondSignature")).isFalse();
        assertThat(mapper.valueToTree(pending(RECORDED)).path("awaitsSecondSignature").asBoolean()).isTrue();
    }
}
