package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.money.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.LocalDate;

import static mn.registry.standalone.FreeZoneRegistry.ALTANBULAG;
import static mn.registry.standalone.FreeZoneRegistry.ZAMYN_UUD;
import static mn.registry.standalone.FreeZoneRegistry.dutyOf;
import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 26, Free Zone round 25 on a running registry (abuse audit F417, was O238; the lead's reading, ADR 0035 item 85): a court's
 * dissolution recorded in one zone becomes the duty of the governor of the entity's other zone, on its desk with its last day; left undone it
 * is escalated by the deadline service; recorded there, the duty ends and the removal revokes the entity's land there as before.
 */
class FreeZoneAbuseRound25EndToEndTest {

    @RegisterExtension
    static final FreeZoneRegistry registry = new FreeZoneRegistry();

    static final LegalEntity NEVER_RECORDED = new LegalEntity("Khongor Never Recorded LLC", Jurisdiction.MONGOLIAN, null, "6207751");
    static final LegalEntity RECORDED = new LegalEntity("Khongor Recorded LLC", Jurisdiction.MONGOLIAN, null, "6207752");
    static final GeoPolygon YARD = GeoPolygon.of(111.915, 43.705, 111.917, 43.705, 111.917, 43.707, 111.915, 43.707);

    @Test
    @DisplayName("003 art. 12.5.3, 22.6, 22.7 (ADR 0035 item 85; F417, was O238): a dissolution recorded in Altanbulag is on the Zamyn-Uud governor's "
            + "desk to record within 5 business days; never recorded, the deadline escalates it; recorded in Zamyn-Uud, the duty ends, and the "
            + "removal revokes the entity's land there as before")
    void a_dissolution_recorded_in_one_zone_is_the_other_zones_governors_duty() throws InterruptedException {
        RegistrationId neverA = registry.registeredIn(ALTANBULAG, NEVER_RECORDED);
        RegistrationId neverB = registry.registeredAlsoIn(ZAMYN_UUD, NEVER_RECORDED);
        RegistrationId recordedA = registry.registeredIn(ALTANBULAG, RECORDED);
        RegistrationId recordedB = registry.registeredAlsoIn(ZAMYN_UUD, RECORDED);
        LocalDate today = registry.today();
        // the entity that will be removed in Zamyn-Uud holds land there
        String application = ok(registry.send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ZAMYN_UUD, recordedB, "Khongor yard",
                YARD, "Container yard", today, today.plusYears(5), LandCommands.AllocationMethod.AUCTION))).path("applicationId").asText();
        LandSelectionStep.selected(registry, "governor-zamyn-uud", new mn.registry.kernel.freezone.LandApplicationId(application), Money.mnt(45_000_000));
        String licence = ok(registry.send("governor-zamyn-uud", "GrantLandRights", new LandCommands.GrantLandRights(ZAMYN_UUD, recordedB, "Khongor yard",
                YARD, "Container yard", today, today.plusYears(5), LandCommands.AllocationMethod.AUCTION, Money.mnt(45_000_000), "Governor decision 2026/95",
                new mn.registry.kernel.freezone.LandApplicationId(application)))).path("licenceId").asText();

        registry.dissolvedIn(neverA, "Selenge civil court 2026/41", today);
        registry.dissolvedIn(recordedA, "Selenge civil court 2026/42", today);
        String governor = registry.signIn("governor-zamyn-uud");
        JsonNode duties = registry.await("/api/governor/zones/zamyn-uud/court-decisions", governor,
                d -> dutyOf(d, neverB) != null && dutyOf(d, recordedB) != null);
        JsonNode duty = dutyOf(duties, neverB);
        assertThat(duty.path("recordedIn").asText()).isEqualTo("altanbulag");
        assertThat(duty.path("decidedOn").asText()).isEqualTo(today.toString());
        assertThat(LocalDate.parse(duty.path("dueOn").asText())).isAfter(today.plusDays(4)); // 5 business days
        assertThat(duty.path("escalated").asBoolean()).isFalse();
        assertThat(registry.events(neverA.stream())).noneMatch(RegistrationEvents.CourtDecisionToRecord.class::isInstance);

        // the governor records the second entity's decision in Zamyn-Uud and removes it: the duty ends, the land is revoked as before
        registry.dissolvedIn(recordedB, "Selenge civil court 2026/42", today);
        ok(registry.send("governor-zamyn-uud", "DeregisterEntity", new RegistrationCommands.DeregisterEntity(recordedB, DeregistrationGround.COURT_DECISION,
                "The court dissolved the entity.")));
        registry.await("/api/governor/zones/zamyn-uud/court-decisions", governor, d -> dutyOf(d, recordedB) == null);
        registry.await("/api/governor/zones/zamyn-uud/land", governor, land -> land.toString().contains(licence)
                && land.toString().contains("\"status\":\"REVOKED\""));

        // the first is never recorded: after its last day the deadline service escalates it, once
        registry.clock().advance(Duration.ofDays(10));
        String later = registry.signIn("governor-zamyn-uud");
        JsonNode escalated = registry.await("/api/governor/zones/zamyn-uud/court-decisions", later,
                d -> dutyOf(d, neverB) != null && dutyOf(d, neverB).path("escalated").asBoolean());
        assertThat(dutyOf(escalated, neverB).path("overdue").asBoolean()).isTrue();
        assertThat(registry.events(neverB.stream()).stream().filter(RegistrationEvents.CourtDecisionToRecordOverdue.class::isInstance)).hasSize(1);
        assertThat(registry.events(recordedB.stream())).noneMatch(RegistrationEvents.CourtDecisionToRecordOverdue.class::isInstance);
    }
}
