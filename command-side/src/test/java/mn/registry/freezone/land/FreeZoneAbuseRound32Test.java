package mn.registry.freezone.land;

import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.money.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static mn.registry.freezone.FreeZoneSigned.signed;
import static mn.registry.freezone.land.FreeZoneLandAbuseRound5Test.problem;
import static mn.registry.freezone.land.ZoneLandTest.AT;
import static mn.registry.freezone.land.ZoneLandTest.CABINET;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static mn.registry.freezone.land.ZoneLandTest.receiptDocument;

/**
 * Session 30, the base value's dates (s30-freezone32; docs/abuse-audit.md F550-F551, was O396 and part of O395; ADR 0035 items 118-119):
 * the Government's basic value of land (003 art. 22.3) on a decision older than the one in force, and a reference already recorded for
 * another document.
 */
class FreeZoneAbuseRound32Test extends ZoneLandAbuseFixture {

    static final LocalDate RESOLVED = LocalDate.of(2026, 6, 12);
    static final LocalDate IN_FORCE_DECIDED = LocalDate.of(2026, 10, 1);
    static final String DECISION = receiptDocument("Government decision 2026/150");
    static final String OLDER = receiptDocument("Government decision 2026/90");
    static final String SAME_DAY = receiptDocument("Government decision 2026/151");
    static final String ANY_PDF = receiptDocument("a file presented as Government decision 2026/150");

    private static LandCommands.RecordLandBaseValue value(long perHectare, String reference, LocalDate decidedOn, String sha256) {
        return new LandCommands.RecordLandBaseValue(ZONE, Money.mnt(perHectare), reference, decidedOn, sha256);
    }

    private static LandEvents.LandBaseValueRecorded recorded(int number, long perHectare, String reference, LocalDate decidedOn, String sha256,
                                                             Instant at) {
        return new LandEvents.LandBaseValueRecorded(ZONE, number, Money.mnt(perHectare), reference, decidedOn, sha256, "003 art. 22.3", at, CABINET);
    }

    /**
     * As {@link #recorded}, lower than the value in force: since session 31 (ADR 0035 item 142, F574) recorded awaiting a second Cabinet
     * member's signature, the rules of this round judged as before.
     */
    private static LandEvents.LandBaseValueRecorded recordedLower(int number, long perHectare, String reference, LocalDate decidedOn, String sha256,
                                                                  Instant at) {
        return new LandEvents.LandBaseValueRecorded(ZONE, number, Money.mnt(perHectare), reference, decidedOn, sha256, "003 art. 22.3", at, CABINET,
                Boolean.TRUE);
    }

    private static final LandEvents.LandBaseValueRecorded IN_FORCE = recorded(1, 1_500_000, "Government decision 2026/150", IN_FORCE_DECIDED,
            DECISION, AT.minusSeconds(86_400));

    @Test
    @DisplayName("003 art. 22.3 (ADR 0035 item 118, choice; F550, was O396): a basic value on a Government decision dated before the decision "
            + "of the value in force at the registry's receipt is refused (409 freezone.land-base-value-decision-older on decidedOn, nothing "
            + "stored): a Cabinet member does not lower the floor by picking an old decision; a decision of the same day on another document, "
            + "and a newer one, are recorded")
    void an_older_decision_does_not_replace_the_value_in_force() {
        services.resolutionDate = RESOLVED;
        fixture.given(IN_FORCE).when(signed(value(1_000, "Government decision 2026/90", IN_FORCE_DECIDED.minusDays(1), OLDER), CABINET, AT,
                        Role.CABINET_MEMBER))
                .expectException(problem("freezone.land-base-value-decision-older", "decidedOn", "003 art. 22.3")).expectNoEvents();
        // higher or not, an older decision does not replace a newer one
        fixture.given(IN_FORCE).when(signed(value(9_000_000, "Government decision 2026/90", RESOLVED, OLDER), CABINET, AT, Role.CABINET_MEMBER))
                .expectException(problem("freezone.land-base-value-decision-older", "decidedOn", "003 art. 22.3")).expectNoEvents();
        // the same day, another document: recorded (ADR 0035 item 118), not lower than the value in force (item 127, F561)
        fixture.given(IN_FORCE).when(signed(value(1_600_000, "Government decision 2026/151", IN_FORCE_DECIDED, SAME_DAY), CABINET, AT,
                        Role.CABINET_MEMBER))
                .expectEvents(recorded(2, 1_600_000, "Government decision 2026/151", IN_FORCE_DECIDED, SAME_DAY, AT));
        // the same day, the same document: refused as before (F537)
        fixture.given(IN_FORCE).when(signed(value(1_200_000, "Government decision 2026/151", IN_FORCE_DECIDED, DECISION), CABINET, AT,
                        Role.CABINET_MEMBER))
                .expectException(problem("freezone.land-base-value-decision-used", "decisionSha256", "003 art. 22.3")).expectNoEvents();
        // a newer decision: recorded
        fixture.given(IN_FORCE).when(signed(value(1_200_000, "Government decision 2026/151", IN_FORCE_DECIDED.plusDays(1), SAME_DAY), CABINET,
                        AT, Role.CABINET_MEMBER))
                .expectEvents(recordedLower(2, 1_200_000, "Government decision 2026/151", IN_FORCE_DECIDED.plusDays(1), SAME_DAY, AT));
    }

    @Test
    @DisplayName("003 art. 22.3 (ADR 0035 item 118): the value in force is the one at the registry's receipt: after a newer decision replaced "
            + "an old one, the old one's date is judged against the newer; the first value of a zone is judged by the earlier rules only")
    void the_value_in_force_is_judged_at_the_receipt() {
        services.resolutionDate = RESOLVED;
        LandEvents.LandBaseValueRecorded second = recorded(2, 1_800_000, "Government decision 2026/160", IN_FORCE_DECIDED.plusDays(20),
                SAME_DAY, AT.minusSeconds(3_600));
        fixture.given(IN_FORCE, second).when(signed(value(1_000, "Government decision 2026/152", IN_FORCE_DECIDED.plusDays(5), OLDER), CABINET,
                        AT, Role.CABINET_MEMBER))
                .expectException(problem("freezone.land-base-value-decision-older", "decidedOn", "003 art. 22.3")).expectNoEvents();
        fixture.givenNoPriorActivity().when(signed(value(1_000, "Government decision 2026/90", RESOLVED, OLDER), CABINET, AT, Role.CABINET_MEMBER))
                .expectEvents(recorded(1, 1_000, "Government decision 2026/90", RESOLVED, OLDER, AT));
    }

    @Test
    @DisplayName("003 art. 22.3 (ADR 0035 item 119, choice; F551, part of O395): a reference recorded for the zone's value with one document "
            + "is refused with another (409 freezone.land-base-value-reference-used on decision, nothing stored), compared without case, spaces "
            + "or invisible characters; a new reference on a new document is recorded (whether the file is the decision is a person's reading)")
    void one_reference_names_one_decision_of_the_zone() {
        services.resolutionDate = RESOLVED;
        for (String reference : new String[]{"Government decision 2026/150", "government  DECISION 2026/150", "Government\u00a0decision\u200b 2026/150",
                "Ｇovernment decision ２０２６/150"}) {
            fixture.given(IN_FORCE).when(signed(value(1_000, reference, IN_FORCE_DECIDED, ANY_PDF), CABINET, AT, Role.CABINET_MEMBER))
                    .expectException(problem("freezone.land-base-value-reference-used", "decision", "003 art. 22.3")).expectNoEvents();
        }
        fixture.given(IN_FORCE).when(signed(value(1_000, "Government decision 2026/170", IN_FORCE_DECIDED.plusDays(2), ANY_PDF), CABINET, AT,
                        Role.CABINET_MEMBER))
                .expectEvents(recordedLower(2, 1_000, "Government decision 2026/170", IN_FORCE_DECIDED.plusDays(2), ANY_PDF, AT));
    }
}
