package mn.registry.standalone;

import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static mn.registry.standalone.RunningRegistry.ok;

/**
 * Session 18, Free Zone round 10 (s18-freezone2; docs/abuse-audit.md F170 on; ADR 0035 items 31 on) on a running registry: each act the
 * law forbids is refused over HTTP as {@code application/problem+json} with its code, field and article, and leaves no event and no command.
 */
class ZoneResolutionDateEndToEndTest {

    @RegisterExtension
    static final RunningRegistry registry = new RunningRegistry();

    private static LocalDate today() {
        return UlaanbaatarTime.dateOf(registry.clock().instant());
    }

    private static ZoneCommands.EstablishZone zone(ZoneId id, double west, LocalDate resolutionDate) {
        return new ZoneCommands.EstablishZone(id, "Gobi " + id.value() + " Free Zone (test)", "Dalanzadgad soum, Umnugovi aimag",
                new BigDecimal("100"), GeoPolygon.of(west, 43.50, west + 0.01, 43.50, west + 0.01, 43.51, west, 43.51), List.of(Activity.TRADE), false,
                "State Great Khural resolution " + id.value() + " (test)", resolutionDate,
                ReceiptTimeEndToEndTest.upload(registry.context(), "State Great Khural resolution " + id.value() + " (test)"));
    }

    private static LandCommands.GrantLandFeeExemption exemption(ZoneId zone, LocalDate decidedOn, LocalDate from, String decision) {
        return new LandCommands.GrantLandFeeExemption(zone, null, Activity.TRADE, 100, from, 5, "Government resolution 2015/7 (test)", decidedOn,
                decision);
    }

    @Test
    @DisplayName("003 art. 23.4, 6.1 (ADR 0035 item 31, F170, was O101): an exemption decided years before the State Great Khural resolution "
            + "establishing the zone is refused over HTTP, nothing stored; one decided since is recorded; a zone recorded without the date keeps "
            + "the earlier rules; a resolution dated after today is refused")
    void no_exemption_is_older_than_the_zones_resolution() {
        LocalDate resolved = today().minusMonths(6);
        ZoneId dated = ZoneId.of("gobi-dated");
        ok(registry.send("cabinet-1", "EstablishZone", zone(dated, 104.40, resolved)));
        String decision = ReceiptTimeEndToEndTest.upload(registry.context(), "Government resolution 2015/7 on land-fee exemptions in gobi-dated (test)");
        registry.refused(registry.send("cabinet-1", "GrantLandFeeExemption", exemption(dated, LocalDate.of(2015, 3, 1), LocalDate.of(2015, 3, 1),
                decision)), 409, "freezone.exemption-before-zone", "decidedOn", "003 art. 23.4, 6.1");
        registry.refused(registry.send("cabinet-1", "GrantLandFeeExemption", exemption(dated, resolved.minusDays(1), today(), decision)), 409,
                "freezone.exemption-before-zone", "decidedOn", "003 art. 23.4, 6.1");
        ok(registry.send("cabinet-1", "GrantLandFeeExemption", exemption(dated, resolved, resolved, decision)));

        // a zone recorded without its resolution's date (as before this release): an old decision is still recorded
        ZoneId undated = ZoneId.of("gobi-undated");
        ok(registry.send("cabinet-1", "EstablishZone", zone(undated, 104.50, null)));
        ok(registry.send("cabinet-1", "GrantLandFeeExemption", exemption(undated, LocalDate.of(2015, 3, 1), LocalDate.of(2015, 3, 1),
                ReceiptTimeEndToEndTest.upload(registry.context(), "Government resolution 2015/8 on land-fee exemptions in gobi-undated (test)"))));

        // a resolution not yet adopted establishes nothing
        registry.refused(registry.send("cabinet-1", "EstablishZone", zone(ZoneId.of("gobi-future"), 104.60, today().plusDays(1))), 400,
                "freezone.resolution-in-future", "resolutionDate", "003 art. 6.1");
    }
}
