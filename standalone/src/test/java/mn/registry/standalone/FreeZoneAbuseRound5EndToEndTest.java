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
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.money.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.List;

import static mn.registry.standalone.FreeZoneRegistry.ALTANBULAG;
import static mn.registry.standalone.FreeZoneRegistry.ZAMYN_UUD;
import static mn.registry.standalone.RunningRegistry.ok;

/**
 * Session 10's abuse audit of the Free Zone (docs/abuse-audit.md F80-F99) on a running registry over HTTP: each act refused with
 * its code, field and article and nothing stored (no event, no command-log entry: {@link RunningRegistry#refused}), and the honest
 * act beside it accepted. Only the last test moves the clock (a year and a day), so it runs last ({@link Order}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FreeZoneAbuseRound5EndToEndTest {

    static final LandCommands.AllocationMethod TENDER = LandCommands.AllocationMethod.TENDER;

    @RegisterExtension
    static final FreeZoneRegistry registry = new FreeZoneRegistry();

    @Test
    @DisplayName("003 art. 12.1.2 (F80): a 'foreign' entity of Mongolia, its number spelled 06001234 beside a registered 6001234, is refused; nothing stored; one of China is received")
    void foreign_entity_of_mongolia_is_refused() {
        registry.registeredIn(ALTANBULAG, new LegalEntity("Darkhan Wool LLC", Jurisdiction.MONGOLIAN, null, "6401001"));
        LegalEntity posing = new LegalEntity("Darkhan Wool LLC", Jurisdiction.FOREIGN, "MN", "06401001");
        // documents of its own (the registered entity's fee receipt would be refused first, F123)
        List<SubmittedZoneDocument> ownDocuments = registry.documentsOf(new LegalEntity("Darkhan Wool LLC posing", Jurisdiction.FOREIGN, "MN", "06401001"));
        registry.refused(registry.send("applicant-1", "ApplyForZoneRegistration", new RegistrationCommands.ApplyForZoneRegistration(ALTANBULAG, posing,
                Activity.TRADE, ownDocuments)), 400, "freezone.entity-country", "entity.country", "003 art. 12.1.2");
        LegalEntity chinese = new LegalEntity("Erlian Freight Co", Jurisdiction.FOREIGN, "CN", "91152501MA0N5EK7QY");
        ok(registry.send("applicant-1", "ApplyForZoneRegistration", new RegistrationCommands.ApplyForZoneRegistration(ALTANBULAG, chinese,
                Activity.TRADE, registry.documentsOf(chinese))));
    }

    @Test
    @DisplayName("003 art. 8.2, 12.3 (F86): the Cabinet member appointing themselves a zone's governor is refused (403); nothing stored")
    void cabinet_member_does_not_appoint_themselves() {
        registry.refused(registry.send("cabinet-1", "AppointGovernor", new ZoneCommands.AppointGovernor(ZoneId.of("zamyn-uud"), new PersonId("cabinet-1"),
                "Cabinet member's order 2026/140", registry.document("Cabinet member's order 2026/140"))), 403, "freezone.self-appointment", "governor", "003 art. 8.2, 12.3");
    }

    @Test
    @DisplayName("003 art. 12.1, 12.3, 12.5.1, 22.2, 22.5 (F82, F84, F85, F87): an agreement of 0 MNT, a parcel under a square metre, a purpose with a bidirectional override, and one fee receipt for two certificates are refused; nothing stored")
    void free_zone_acts_read_as_signed_and_pay_once() {
        RegistrationId first = registry.registeredIn(ALTANBULAG, new LegalEntity("Selenge Timber LLC", Jurisdiction.MONGOLIAN, null, "6401002"));
        RegistrationId second = registry.registeredIn(ALTANBULAG, new LegalEntity("Orkhon Glass LLC", Jurisdiction.MONGOLIAN, null, "6401003"));

        registry.refused(registry.send("governor-altanbulag", "RecordInvestmentAgreement", new RegistrationCommands.RecordInvestmentAgreement(first, registry.today(),
                registry.today().plusYears(10), Money.mnt(0), true, ReceiptTimeEndToEndTest.upload(registry.context(), "investment agreement of nothing"))), 400,
                "freezone.agreement-invalid", "investment", "003 art. 12.3, 12.5.1");
        registry.refused(registry.send("applicant-1", "ApplyForZoneRegistration", new RegistrationCommands.ApplyForZoneRegistration(ALTANBULAG,
                new LegalEntity("Khuvsgul \u202eCLL hsif", Jurisdiction.MONGOLIAN, null, "6401004"), Activity.TRADE,
                registry.documentsOf(new LegalEntity("Khuvsgul Fish LLC", Jurisdiction.MONGOLIAN, null, "6401004")))), 400,
                "privacy.published-text-has-control-characters", "entity.name", "002 art. 30.1 (domain-rules §5)");

        LocalDate from = registry.today().plusDays(1);
        LocalDate until = registry.today().plusYears(5);
        GeoPolygon speck = GeoPolygon.of(106.44, 50.315, 106.440001, 50.315, 106.440001, 50.315001, 106.44, 50.315001);
        registry.refused(registry.send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, first, "Lot 17", speck,
                "timber yard", from, until, TENDER)), 400, "freezone.parcel-too-small", "parcel", "003 art. 22.2");
        GeoPolygon lotA = GeoPolygon.of(106.44, 50.315, 106.445, 50.315, 106.445, 50.32, 106.44, 50.32);
        GeoPolygon lotB = GeoPolygon.of(106.445, 50.315, 106.45, 50.315, 106.45, 50.32, 106.445, 50.32);
        registry.refused(registry.send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, first, "Lot 17", lotA,
                "timber\u202e yard", from, until, TENDER)), 400, "privacy.published-text-has-control-characters", "purpose", "002 art. 30.1 (domain-rules §5)");

        LandLicenceId licenceA = granted(first, "Lot 17", lotA, "timber yard", from, until, "Governor decision 2026/91");
        LandLicenceId licenceB = granted(second, "Lot 18", lotB, "glass workshop", from, until, "Governor decision 2026/92");
        ok(registry.send("governor-altanbulag", "RecordLandFeePaid", new LandCommands.RecordLandFeePaid(ALTANBULAG, licenceA, Money.mnt(30_000_000),
                "TDB-2026-000451", ReceiptTimeEndToEndTest.upload(registry.context(), "Receipt "+"TDB-2026-000451"))));
        registry.refused(registry.send("governor-altanbulag", "RecordLandFeePaid", new LandCommands.RecordLandFeePaid(ALTANBULAG, licenceB,
                Money.mnt(30_000_000), "tdb 2026 000451", ReceiptTimeEndToEndTest.upload(registry.context(), "Receipt "+"tdb 2026 000451"))), 409, "freezone.receipt-used-already", "receipt", "003 art. 22.5");
        ok(registry.send("governor-altanbulag", "RecordLandFeePaid", new LandCommands.RecordLandFeePaid(ALTANBULAG, licenceB, Money.mnt(30_000_000),
                "TDB-2026-000452", ReceiptTimeEndToEndTest.upload(registry.context(), "Receipt "+"TDB-2026-000452"))));
    }

    @Test
    @DisplayName("003 art. 22.5 (F122, was O82): the receipt that paid a licence's fee in Altanbulag does not pay another licence's fee in Zamyn-Uud, "
            + "in any spelling; nothing stored; a refused fee does not keep the receipt")
    void one_receipt_pays_one_fee_in_the_whole_registry() {
        RegistrationId north = registry.registeredIn(ALTANBULAG, new LegalEntity("Selenge Fur LLC", Jurisdiction.MONGOLIAN, null, "6401011"));
        LegalEntity southern = new LegalEntity("Dornogovi Glass LLC", Jurisdiction.MONGOLIAN, null, "6401012");
        ok(registry.send("applicant-1", "ApplyForZoneRegistration", new RegistrationCommands.ApplyForZoneRegistration(ZAMYN_UUD, southern,
                Activity.TRADE, registry.documentsOf(southern))));
        RegistrationId south = RegistrationId.of(ZAMYN_UUD, southern);
        ok(registry.send("governor-zamyn-uud", "RegisterEntity", new RegistrationCommands.RegisterEntity(south)));
        LocalDate from = registry.today().plusDays(1);
        LocalDate until = registry.today().plusYears(5);
        LandLicenceId inAltanbulag = granted(ALTANBULAG, "governor-altanbulag", north, "Lot 40", GeoPolygon.of(106.455, 50.315, 106.46, 50.315,
                106.46, 50.32, 106.455, 50.32), "fur store", from, until, "Governor decision 2026/140");
        LandLicenceId inZamynUud = granted(ZAMYN_UUD, "governor-zamyn-uud", south, "Lot 3", GeoPolygon.of(111.89, 43.71, 111.895, 43.71, 111.895,
                43.715, 111.89, 43.715), "glass store", from, until, "Governor decision 2026/07");

        // a fee refused for another fault (not the nominal value) does not keep the receipt
        registry.refused(registry.send("governor-altanbulag", "RecordLandFeePaid", new LandCommands.RecordLandFeePaid(ALTANBULAG, inAltanbulag,
                Money.mnt(29_000_000), "KHAN-2026-7781", ReceiptTimeEndToEndTest.upload(registry.context(), "Receipt "+"KHAN-2026-7781"))), 400, "freezone.fee-not-nominal-value", "paid", "003 art. 22.5");
        ok(registry.send("governor-altanbulag", "RecordLandFeePaid", new LandCommands.RecordLandFeePaid(ALTANBULAG, inAltanbulag, Money.mnt(30_000_000),
                "KHAN-2026-7781", ReceiptTimeEndToEndTest.upload(registry.context(), "Receipt "+"KHAN-2026-7781"))));
        // the same payment presented in the other zone, in another spelling
        registry.refused(registry.send("governor-zamyn-uud", "RecordLandFeePaid", new LandCommands.RecordLandFeePaid(ZAMYN_UUD, inZamynUud,
                Money.mnt(30_000_000), "khan 2026 7781", ReceiptTimeEndToEndTest.upload(registry.context(), "Receipt "+"khan 2026 7781"))), 409, "freezone.receipt-used-already", "receipt", "003 art. 22.5");
        registry.refused(registry.send("governor-zamyn-uud", "RecordLandFeePaid", new LandCommands.RecordLandFeePaid(ZAMYN_UUD, inZamynUud,
                Money.mnt(30_000_000), "ＫＨＡＮ／２０２６／７７８１", ReceiptTimeEndToEndTest.upload(registry.context(), "Receipt "+"ＫＨＡＮ／２０２６／７７８１"))), 409, "freezone.receipt-used-already", "receipt", "003 art. 22.5");
        ok(registry.send("governor-zamyn-uud", "RecordLandFeePaid", new LandCommands.RecordLandFeePaid(ZAMYN_UUD, inZamynUud, Money.mnt(30_000_000),
                "KHAN-2026-7790", ReceiptTimeEndToEndTest.upload(registry.context(), "Receipt "+"KHAN-2026-7790"))));
    }

    @Test
    @DisplayName("003 art. 12.1 (F123): one registration fee receipt is the fee of one registration: not of another entity's application, nor of "
            + "the same entity's in another zone; the same registration may apply again on it after a rejection")
    void one_fee_receipt_pays_one_registration() {
        LegalEntity first = new LegalEntity("Selenge Honey LLC", Jurisdiction.MONGOLIAN, null, "6401021");
        LegalEntity second = new LegalEntity("Orkhon Honey LLC", Jurisdiction.MONGOLIAN, null, "6401022");
        List<SubmittedZoneDocument> documents = registry.documentsOf(first);
        String receipt = documents.stream().filter(d -> d.kind() == ZoneDocument.REGISTRATION_FEE_RECEIPT).findFirst().orElseThrow().sha256();
        ok(registry.send("applicant-1", "ApplyForZoneRegistration", new RegistrationCommands.ApplyForZoneRegistration(ALTANBULAG, first, Activity.TRADE,
                documents)));
        List<SubmittedZoneDocument> secondsWithTheSameReceipt = registry.documentsOf(second).stream()
                .map(d -> d.kind() == ZoneDocument.REGISTRATION_FEE_RECEIPT ? new SubmittedZoneDocument(d.kind(), receipt) : d).toList();
        registry.refused(registry.send("applicant-1", "ApplyForZoneRegistration", new RegistrationCommands.ApplyForZoneRegistration(ALTANBULAG, second,
                Activity.TRADE, secondsWithTheSameReceipt)), 409, "freezone.fee-receipt-used-elsewhere", "documents", "003 art. 12.1");
        registry.refused(registry.send("applicant-1", "ApplyForZoneRegistration", new RegistrationCommands.ApplyForZoneRegistration(ZAMYN_UUD, first,
                Activity.TRADE, documents)), 409, "freezone.fee-receipt-used-elsewhere", "documents", "003 art. 12.1");
        // the first application rejected, the same entity applies again in the same zone on the same receipt
        RegistrationId registration = RegistrationId.of(ALTANBULAG, first);
        ok(registry.send("governor-altanbulag", "RejectZoneRegistration", new RegistrationCommands.RejectZoneRegistration(registration,
                List.of("The application form is not signed"))));
        ok(registry.send("applicant-1", "ApplyForZoneRegistration", new RegistrationCommands.ApplyForZoneRegistration(ALTANBULAG, first, Activity.TRADE,
                documents)));
        // the second entity with a receipt of its own
        ok(registry.send("applicant-1", "ApplyForZoneRegistration", new RegistrationCommands.ApplyForZoneRegistration(ALTANBULAG, second,
                Activity.TRADE, registry.documentsOf(second))));
    }

    private static LandLicenceId granted(RegistrationId holder, String name, GeoPolygon lot, String purpose, LocalDate from, LocalDate until,
                                         String decision) {
        return granted(ALTANBULAG, "governor-altanbulag", holder, name, lot, purpose, from, until, decision);
    }

    private static LandLicenceId granted(ZoneId zone, String governor, RegistrationId holder, String name, GeoPolygon lot, String purpose,
                                         LocalDate from, LocalDate until, String decision) {
        JsonNode applied = ok(registry.send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(zone, holder, name, lot, purpose,
                from, until, TENDER)));
        LandApplicationId application = new LandApplicationId(applied.path("applicationId").asText());
        LandSelectionStep.selected(registry, governor, application, Money.mnt(30_000_000));
        JsonNode licence = ok(registry.send(governor, "GrantLandRights", new LandCommands.GrantLandRights(zone, holder, name, lot,
                purpose, from, until, TENDER, Money.mnt(30_000_000), decision, application)));
        return new LandLicenceId(licence.path("licenceId").asText());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    @DisplayName("003 art. 12.5.1, 22.6 (F91): once the 12.5.1 ground is raised, land applied for in time is not granted, nor applied for anew; nothing stored")
    void no_land_for_an_entity_whose_ground_for_losing_it_is_raised() throws InterruptedException {
        RegistrationId idle = registry.registeredIn(ALTANBULAG, new LegalEntity("Bulgan Felt LLC", Jurisdiction.MONGOLIAN, null, "6401005"));
        GeoPolygon lot = GeoPolygon.of(106.43, 50.325, 106.435, 50.325, 106.435, 50.33, 106.43, 50.33);
        LocalDate from = registry.today().plusYears(1);
        LocalDate until = registry.today().plusYears(6);
        JsonNode applied = ok(registry.send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, idle, "Lot 19", lot,
                "felt workshop", from, until, TENDER)));
        LandApplicationId application = new LandApplicationId(applied.path("applicationId").asText());
        LocalDate lastDay = registry.today().plusYears(1).minusDays(1);
        registry.clock().advance(java.time.Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(registry.today(), lastDay) + 1));
        registry.await("/api/governor/zones/altanbulag/grounds", registry.signIn("governor-altanbulag"),
                grounds -> grounds.toString().contains(idle.value()));
        registry.refused(registry.send("governor-altanbulag", "GrantLandRights", new LandCommands.GrantLandRights(ALTANBULAG, idle, "Lot 19", lot,
                "felt workshop", from, until, TENDER, Money.mnt(30_000_000), "Governor decision 2027/12", application)), 409,
                "freezone.holder-ground-raised", "holder", "003 art. 12.5, 22.6");
        registry.refused(registry.send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, idle, "Lot 19", lot,
                "felt workshop", registry.today().plusDays(1), until, TENDER)), 409, "freezone.holder-ground-raised", "applicant", "003 art. 12.5, 22.6");
    }
}
