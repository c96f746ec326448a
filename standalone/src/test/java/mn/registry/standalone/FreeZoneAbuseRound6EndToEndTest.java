package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.freezone.FreeZoneTerms;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.money.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.LocalDate;

import static mn.registry.standalone.FreeZoneRegistry.ALTANBULAG;
import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 14's abuse audit of the Free Zone on a running registry (docs/abuse-audit.md F125, F129; ADR 0035 items 20, 21): land granted
 * and never paid for lapses after its last day to pay, through the deadline service, and the parcel is free for another entity; a zone's
 * temporary closure moves the year to start of the entities that could not operate.
 */
class FreeZoneAbuseRound6EndToEndTest {

    static final GeoPolygon LOT = GeoPolygon.of(106.46, 50.32, 106.465, 50.32, 106.465, 50.325, 106.46, 50.325);

    @RegisterExtension
    static final FreeZoneRegistry registry = new FreeZoneRegistry();

    private static LandApplicationId applied(RegistrationId holder, LocalDate from, LocalDate until) {
        JsonNode applied = ok(registry.send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, holder, "Lot 31", LOT,
                "bonded warehouse", from, until, LandCommands.AllocationMethod.TENDER)));
        return new LandApplicationId(applied.path("applicationId").asText());
    }

    private static RunningRegistry.Sent grant(RegistrationId holder, LandApplicationId application, LocalDate from, LocalDate until, String decision) {
        return registry.send("governor-altanbulag", "GrantLandRights", new LandCommands.GrantLandRights(ALTANBULAG, holder, "Lot 31", LOT,
                "bonded warehouse", from, until, LandCommands.AllocationMethod.TENDER, Money.mnt(30_000_000), decision, application));
    }

    @Test
    @DisplayName("003 art. 22.5, 22.7 (F125): unpaid 30 days after the grant, the rights lapse on the deadline, the desk and the register say so, a "
            + "late fee is refused, and the parcel goes to another entity")
    void unpaid_land_lapses_and_the_parcel_is_free() throws InterruptedException {
        RegistrationId idle = registry.registeredIn(ALTANBULAG, new LegalEntity("Tuv Cargo LLC", Jurisdiction.MONGOLIAN, null, "6401031"));
        RegistrationId next = registry.registeredIn(ALTANBULAG, new LegalEntity("Dornod Cargo LLC", Jurisdiction.MONGOLIAN, null, "6401032"));
        LocalDate from = registry.today().plusMonths(3);
        LocalDate until = registry.today().plusYears(5);
        LandApplicationId first = applied(idle, from, until);
        LandSelectionStep.selected(registry, "governor-altanbulag", first, Money.mnt(30_000_000));
        LandLicenceId licence = new LandLicenceId(ok(grant(idle, first, from, until, "Governor decision 2027/31"))
                .path("licenceId").asText());
        LocalDate dueBy = FreeZoneTerms.landFeeDueBy(registry.today());
        String governor = registry.signIn("governor-altanbulag");
        JsonNode desk = registry.await("/api/governor/zones/altanbulag/land", governor, land -> land.toString().contains(licence.value()));
        assertThat(desk.toString()).contains("\"feeDueBy\":\"" + dueBy + "\"");

        // the other entity's application for the same ground waits: the parcel is licensed (wholly, for the whole period: F415, session 26)
        LandApplicationId waiting = applied(next, from, until);
        registry.refused(grant(next, waiting, from, until, "Governor decision 2027/32"), 409, "freezone.applied-ground-licensed", "applicationId",
                "003 art. 6.1, 22.2");

        registry.clock().advance(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(registry.today(), dueBy) + 1));
        registry.await("/api/governor/zones/altanbulag/land", registry.signIn("governor-altanbulag"), // a month later: a new session
                land -> land.toString().contains("\"status\":\"LAPSED\""));
        registry.refused(registry.send("governor-altanbulag", "RecordLandFeePaid", new LandCommands.RecordLandFeePaid(ALTANBULAG, licence,
                Money.mnt(30_000_000), "TDB-2027-003101", ReceiptTimeEndToEndTest.upload(registry.context(), "Receipt "+"TDB-2027-003101"))), 409, "freezone.licence-lapsed", "licenceId", "003 art. 22.5, 22.7");
        // 003 art. 22.4 (F541): the ground free again, the tender's result for the waiting application is recorded, then its grant
        LandSelectionStep.selected(registry, "governor-altanbulag", waiting, Money.mnt(30_000_000));
        ok(grant(next, waiting, from, until, "Governor decision 2027/33"));
    }

    @Test
    @DisplayName("003 art. 6.4, 12.5.1 (F129): a zone closed for 30 days in an entity's year to start moves that year by 30 days: when the year "
            + "runs out the registry records the move, and the governor's desk shows the moved last day, not a ground")
    void a_closure_moves_the_year_to_start() throws InterruptedException {
        RegistrationId waiting = registry.registeredIn(ALTANBULAG, new LegalEntity("Khovsgol Logistics LLC", Jurisdiction.MONGOLIAN, null, "6401033"));
        LocalDate lastDay = FreeZoneTerms.startDueBy(registry.today());
        ok(registry.send("cabinet-1", "CloseZoneTemporarily", new mn.registry.kernel.freezone.ZoneCommands.CloseZoneTemporarily(ALTANBULAG,
                "Government resolution 2027/40 (border closed)", ReceiptTimeEndToEndTest.upload(registry.context(), "Government decision document " + System.nanoTime()))));
        registry.clock().advance(Duration.ofDays(30));
        ok(registry.send("cabinet-1", "OpenZone", new mn.registry.kernel.freezone.ZoneCommands.OpenZone(ALTANBULAG, "Government resolution 2027/41", ReceiptTimeEndToEndTest.upload(registry.context(), "Government decision document " + System.nanoTime()))));
        registry.clock().advance(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(registry.today(), lastDay) + 1));
        String moved = lastDay.plusDays(30).toString();
        JsonNode entities = registry.await("/api/governor/zones/altanbulag/entities", registry.signIn("governor-altanbulag"),
                list -> list.toString().contains("\"startDueBy\":\"" + moved + "\""));
        assertThat(entities.toString()).contains(waiting.value());
        JsonNode grounds = registry.client().get("/api/governor/zones/altanbulag/grounds", registry.signIn("governor-altanbulag")).body();
        assertThat(grounds.toString()).doesNotContain(waiting.value());
    }
}
