package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.money.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static mn.registry.standalone.FreeZoneRegistry.ALTANBULAG;
import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 16's abuse audit of the Free Zone on a running registry (docs/abuse-audit.md F160 on; ADR 0035 items 23 on): each act the law
 * forbids is refused over HTTP as {@code application/problem+json} with its code, field and article, and leaves no event and no command.
 */
class FreeZoneAbuseRound8EndToEndTest {

    @RegisterExtension
    static final FreeZoneRegistry registry = new FreeZoneRegistry();

    @Test
    @DisplayName("003 art. 12.5.1, 23.1-23.2 (choice, ADR 0035 item 23, F160, was O90): a start of operations without its document, or with a "
            + "document never received, is refused; with it, the day it names is the start the desk shows; another entity's start citing "
            + "that document is refused")
    void a_start_of_operations_rests_on_its_document() throws InterruptedException {
        RegistrationId first = registry.registeredIn(ALTANBULAG, new LegalEntity("Orkhon Start Trading LLC", Jurisdiction.MONGOLIAN, null, "6416001"));
        RegistrationId second = registry.registeredIn(ALTANBULAG, new LegalEntity("Selbe Start Trading LLC", Jurisdiction.MONGOLIAN, null, "6416002"));
        LocalDate began = registry.today().plusDays(3);
        registry.clock().advance(Duration.ofDays(40)); // the governor records the start 37 days after it

        registry.refused(registry.send("governor-altanbulag", "RecordOperationsStarted", new RegistrationCommands.RecordOperationsStarted(first,
                began, null)), 400, "freezone.field-missing", "documentSha256", "003 art. 12.5.1, 23.1-23.2");
        registry.refused(registry.send("governor-altanbulag", "RecordOperationsStarted", new RegistrationCommands.RecordOperationsStarted(first,
                began, "4".repeat(64))), 400, "document.unknown", "documentSha256", "003 art. 12.5.1, 23.1-23.2");

        String notice = ReceiptTimeEndToEndTest.upload(registry.context(), "Notice of the start of operations " + first);
        ok(registry.send("governor-altanbulag", "RecordOperationsStarted", new RegistrationCommands.RecordOperationsStarted(first, began, notice)));
        JsonNode entities = registry.await("/api/governor/zones/altanbulag/entities", registry.signIn("governor-altanbulag"),
                list -> list.toString().contains("\"operationsStartedOn\":\"" + began + "\""));
        assertThat(entities.toString()).doesNotContain("\"operationsStartedOn\":\"" + registry.today() + "\"");

        registry.refused(registry.send("governor-altanbulag", "RecordOperationsStarted", new RegistrationCommands.RecordOperationsStarted(second,
                began, notice)), 409, "freezone.document-cited-elsewhere", "documentSha256", "003 art. 12.5.1, 23.1-23.2");
    }

    @Test
    @DisplayName("003 art. 6.1, 22.2 (choice, ADR 0035 item 24, F161): the Cabinet member establishes no zone over part of Altanbulag's ground "
            + "(two governors, two land registers for one parcel); a neighbour sharing its border is established")
    void no_zone_over_another_zones_ground() throws InterruptedException {
        registry.refused(registry.send("cabinet-1", "EstablishZone", new ZoneCommands.EstablishZone(ZoneId.of("altanbulag-north"),
                "Altanbulag North Free Zone", "Altanbulag soum, Selenge aimag", new BigDecimal("300"),
                GeoPolygon.of(106.44, 50.32, 106.48, 50.32, 106.48, 50.36, 106.44, 50.36), List.of(Activity.TRADE), false,
                "State Great Khural resolution 2027/9 (test)", null, resolution("2027/9"))), 409, "freezone.zone-overlaps", "boundary", "003 art. 6.1, 22.2");
        ok(registry.send("cabinet-1", "EstablishZone", new ZoneCommands.EstablishZone(ZoneId.of("altanbulag-east"), "Altanbulag East Free Zone",
                "Altanbulag soum, Selenge aimag", new BigDecimal("200"), GeoPolygon.of(106.47, 50.31, 106.50, 50.31, 106.50, 50.33, 106.47, 50.33),
                List.of(Activity.TRADE), false, "State Great Khural resolution 2027/10 (test)", null, resolution("2027/10"))));
        // and the neighbour, once established, is itself another zone's ground
        registry.refused(registry.send("cabinet-1", "EstablishZone", new ZoneCommands.EstablishZone(ZoneId.of("altanbulag-east-2"),
                "Altanbulag East 2", "Altanbulag soum, Selenge aimag", new BigDecimal("10"),
                GeoPolygon.of(106.48, 50.315, 106.49, 50.315, 106.49, 50.32, 106.48, 50.32), List.of(Activity.TRADE), false,
                "State Great Khural resolution 2027/11 (test)", null, resolution("2027/11"))), 409, "freezone.zone-overlaps", "boundary", "003 art. 6.1, 22.2");
    }

    /** The State Great Khural resolution's document, received (ADR 0035 item 41: an establishment cites it). */
    private static String resolution(String number) {
        return ReceiptTimeEndToEndTest.upload(registry.context(), "State Great Khural resolution " + number + " (test)");
    }

    private static LandLicenceId granted(ZoneId zone, RegistrationId holder, GeoPolygon parcel) {
        LocalDate from = registry.today().plusDays(10);
        LocalDate until = from.plusYears(5);
        JsonNode applied = ok(registry.send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(zone, holder, "Lot 8", parcel,
                "bonded warehouse", from, until, LandCommands.AllocationMethod.TENDER)));
        LandApplicationId application = new LandApplicationId(applied.path("applicationId").asText());
        LandSelectionStep.selected(registry, "governor-" + zone.value(), application, Money.mnt(40_000_000));
        return new LandLicenceId(ok(registry.send("governor-" + zone.value(), "GrantLandRights", new LandCommands.GrantLandRights(zone, holder, "Lot 8",
                parcel, "bonded warehouse", from, until, LandCommands.AllocationMethod.TENDER, Money.mnt(40_000_000), "Governor decision 2027/8 (test)",
                application))).path("licenceId").asText());
    }

    @Test
    @DisplayName("003 art. 22.5, 22.7 (F163): one bank slip's scan reported as the fee of a licence in Altanbulag and of one in Zamyn-Uud (two "
            + "entities of one representative): the second report is refused, and that licence is left to lapse")
    void one_receipt_reports_one_fee_in_the_whole_registry() {
        RegistrationId north = registry.registeredIn(ALTANBULAG, new LegalEntity("Bulgan Bonded Depot LLC", Jurisdiction.MONGOLIAN, null, "6416011"));
        RegistrationId south = registry.registeredIn(ZoneId.of("zamyn-uud"), new LegalEntity("Gobi Bonded Depot LLC", Jurisdiction.MONGOLIAN, null, "6416012"));
        LandLicenceId inAltanbulag = granted(ALTANBULAG, north, GeoPolygon.of(106.455, 50.325, 106.46, 50.325, 106.46, 50.328, 106.455, 50.328));
        LandLicenceId inZamynUud = granted(ZoneId.of("zamyn-uud"), south, GeoPolygon.of(111.90, 43.71, 111.905, 43.71, 111.905, 43.715, 111.90, 43.715));
        String slip = ReceiptTimeEndToEndTest.upload(registry.context(), "Bank slip KHAN-2027-0451 40,000,000 MNT");
        ok(registry.send("applicant-1", "ReportLandFeePaid", new LandCommands.ReportLandFeePaid(ALTANBULAG, inAltanbulag, Money.mnt(40_000_000), slip)));
        registry.refused(registry.send("applicant-1", "ReportLandFeePaid", new LandCommands.ReportLandFeePaid(ZoneId.of("zamyn-uud"), inZamynUud,
                Money.mnt(40_000_000), slip)), 409, "freezone.fee-receipt-reported-already", "receiptSha256", "003 art. 22.5");
        ok(registry.send("applicant-1", "ReportLandFeePaid", new LandCommands.ReportLandFeePaid(ZoneId.of("zamyn-uud"), inZamynUud,
                Money.mnt(40_000_000), ReceiptTimeEndToEndTest.upload(registry.context(), "Bank slip KHAN-2027-0452 40,000,000 MNT"))));
    }

    @Test
    @DisplayName("003 art. 6.4, 12.5.1 (F164): Zamyn-Uud closed for ten days and reopened: a start dated inside the closure is refused, one "
            + "dated on the reopening's day is recorded")
    void no_start_dated_in_a_closure() {
        ZoneId zamynUud = ZoneId.of("zamyn-uud");
        RegistrationId waiting = registry.registeredIn(zamynUud, new LegalEntity("Erlian Gate Trading LLC", Jurisdiction.MONGOLIAN, null, "6416021"));
        ok(registry.send("cabinet-1", "CloseZoneTemporarily", new ZoneCommands.CloseZoneTemporarily(zamynUud,
                "Government resolution 2027/50 (border closed, test)", ReceiptTimeEndToEndTest.upload(registry.context(), "Government decision document " + System.nanoTime()))));
        LocalDate closedOn = registry.today();
        registry.clock().advance(Duration.ofDays(10));
        ok(registry.send("cabinet-1", "OpenZone", new ZoneCommands.OpenZone(zamynUud, "Government resolution 2027/51 (test)", ReceiptTimeEndToEndTest.upload(registry.context(), "Government decision document " + System.nanoTime()))));
        registry.refused(registry.send("governor-zamyn-uud", "RecordOperationsStarted", new RegistrationCommands.RecordOperationsStarted(waiting,
                closedOn.plusDays(5), ReceiptTimeEndToEndTest.upload(registry.context(), "Start notice " + waiting + " in the closure"))), 400,
                "freezone.date-in-closure", "on", "003 art. 6.4, 12.5.1");
        ok(registry.send("governor-zamyn-uud", "RecordOperationsStarted", new RegistrationCommands.RecordOperationsStarted(waiting, registry.today(),
                ReceiptTimeEndToEndTest.upload(registry.context(), "Start notice " + waiting + " after the reopening"))));
    }
}
