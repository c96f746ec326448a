package mn.registry.standalone;

import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;

import static mn.registry.standalone.FreeZoneRegistry.ALTANBULAG;
import static mn.registry.standalone.FreeZoneRegistry.ZAMYN_UUD;
import static mn.registry.standalone.RunningRegistry.ok;

/**
 * Session 18's abuse audit of the Free Zone on a running registry (docs/abuse-audit.md F168 on; ADR 0035 items 28 on): each act the law
 * forbids is refused over HTTP as {@code application/problem+json} with its code, field and article, and leaves no event and no command.
 */
class FreeZoneAbuseRound10EndToEndTest {

    @RegisterExtension
    static final FreeZoneRegistry registry = new FreeZoneRegistry();

    private static LandCommands.GrantLandFeeExemption exemption(ZoneId zone, Activity activity, int percent, LocalDate from, int years, String decision) {
        return new LandCommands.GrantLandFeeExemption(zone, null, activity, percent, from, years, "Government resolution 2027/120 (test)", registry.today(), decision);
    }

    @Test
    @DisplayName("003 art. 23.4, 6.4 (choice, ADR 0035 item 28, F168, was O100): the Government decision of a land-fee exemption grounds "
            + "exemptions only: a closure citing it is refused, and an exemption citing a closure's decision; the same decision exempts several "
            + "activities and zones, and one activity by stages, but never one activity twice on a day")
    void an_exemptions_decision_grounds_exemptions_only() {
        String decision = ReceiptTimeEndToEndTest.upload(registry.context(), "Government resolution 2027/120 on land-fee exemptions (test)");
        LocalDate from = registry.today();
        ok(registry.send("cabinet-1", "GrantLandFeeExemption", exemption(ALTANBULAG, Activity.PRODUCTION, 40, from, 3, decision)));

        // the exemption's decision is not a closure's
        registry.refused(registry.send("cabinet-1", "CloseZoneTemporarily", new ZoneCommands.CloseZoneTemporarily(ALTANBULAG,
                "Government resolution 2027/120 (test)", decision)), 409, "freezone.decision-cited-already", "decisionSha256", "003 art. 6.4");
        // the same decision exempts the same activity of the same zone once on any day, whatever percentage
        registry.refused(registry.send("cabinet-1", "GrantLandFeeExemption", exemption(ALTANBULAG, Activity.PRODUCTION, 60, from.plusYears(2), 3,
                decision)), 409, "freezone.exemption-recorded-already", "decisionSha256", "003 art. 23.4");
        // one decision lawfully names several beneficiaries, in several zones, and stages one's exemption over successive periods
        ok(registry.send("cabinet-1", "GrantLandFeeExemption", exemption(ALTANBULAG, Activity.TRADE, 40, from, 3, decision)));
        ok(registry.send("cabinet-1", "GrantLandFeeExemption", exemption(ZAMYN_UUD, Activity.PRODUCTION, 40, from, 3, decision)));
        ok(registry.send("cabinet-1", "GrantLandFeeExemption", exemption(ALTANBULAG, Activity.PRODUCTION, 20, from.plusYears(3), 2, decision)));

        // a closure's decision is not an exemption's
        String closing = ReceiptTimeEndToEndTest.upload(registry.context(), "Government resolution 2027/121 closing Zamyn-Uud (test)");
        ok(registry.send("cabinet-1", "CloseZoneTemporarily", new ZoneCommands.CloseZoneTemporarily(ZAMYN_UUD, "Government resolution 2027/121 (test)",
                closing)));
        registry.refused(registry.send("cabinet-1", "GrantLandFeeExemption", exemption(ZAMYN_UUD, Activity.TRADE, 40, from, 3, closing)), 409,
                "freezone.exemption-decision-cited-already", "decisionSha256", "003 art. 23.4, 6.4");
        ok(registry.send("cabinet-1", "OpenZone", new ZoneCommands.OpenZone(ZAMYN_UUD, "Government resolution 2027/122 (test)",
                ReceiptTimeEndToEndTest.upload(registry.context(), "Government resolution 2027/122 opening Zamyn-Uud (test)"))));
        // the exemptions recorded keep their decision claimed: the closure citing it is still refused
        registry.refused(registry.send("cabinet-1", "CloseZoneTemporarily", new ZoneCommands.CloseZoneTemporarily(ALTANBULAG,
                "Government resolution 2027/120 (test)", decision)), 409, "freezone.decision-cited-already", "decisionSha256", "003 art. 6.4");
    }

    @Test
    @DisplayName("003 art. 6.1, 23.4 (ADR 0035 item 30, F169): an exemption for an activity the zone's resolution does not allow (a hotel in "
            + "Zamyn-Uud) is refused, nothing stored")
    void an_exemption_is_for_an_activity_the_zone_allows() {
        String decision = ReceiptTimeEndToEndTest.upload(registry.context(), "Government resolution 2027/130 on hotels in Zamyn-Uud (test)");
        registry.refused(registry.send("cabinet-1", "GrantLandFeeExemption", exemption(ZAMYN_UUD, Activity.HOTEL, 100, registry.today(), 5, decision)), 409,
                "freezone.exemption-activity-not-allowed", "activity", "003 art. 6.1, 23.4");
    }
}
