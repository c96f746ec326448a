package mn.registry.freezone.entity;

import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.ZoneCertificate;
import mn.registry.kernel.calendar.WorkingDays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static mn.registry.freezone.entity.ZoneRegistrationTest.APPLICANT;
import static mn.registry.freezone.entity.ZoneRegistrationTest.COURT_DOC;
import static mn.registry.freezone.entity.ZoneRegistrationTest.DUE;
import static mn.registry.freezone.entity.ZoneRegistrationTest.DUE_AT;
import static mn.registry.freezone.entity.ZoneRegistrationTest.GOVERNOR;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ID;
import static mn.registry.freezone.entity.ZoneRegistrationTest.MONGOLIAN;
import static mn.registry.freezone.entity.ZoneRegistrationTest.VERSION;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ZONE;
import static mn.registry.freezone.entity.ZoneRegistrationTest.applied;
import static mn.registry.freezone.entity.ZoneRegistrationTest.documents;
import static mn.registry.freezone.entity.ZoneRegistrationTest.governor;
import static mn.registry.freezone.entity.ZoneRegistrationTest.registered;

/** Session 21, Free Zone round 15, a second certificate's number (s21b-desk; docs/abuse-audit.md F264, was O153; ADR 0035 item 57). */
class FreeZoneAbuseRound15Test extends ZoneRegistrationAbuseFixture {

    @Test
    @DisplayName("003 art. 12.2, 12.3 (ADR 0035 item 57, F264, was O153): an entity dissolved by a court and registered again in the same "
            + "year gets a certificate whose number carries its period's ordinal (/2), not the first certificate's number; the first "
            + "period's certificate keeps the number it was issued with (ZoneRegistrationTest#registered_with_certificate_valid_only_in_the_zone)")
    void a_second_period_has_a_certificate_of_its_own() {
        LocalDate decided = LocalDate.of(2026, 11, 30);
        Instant removed = Instant.parse("2026-12-01T02:00:00Z");
        Instant appliedAgain = Instant.parse("2026-12-02T02:00:00Z");
        Instant registeredAgain = Instant.parse("2026-12-04T02:00:00Z");
        RegistrationEvents.ZoneRegistrationApplied again = new RegistrationEvents.ZoneRegistrationApplied(ID, ZONE, MONGOLIAN, Activity.TRADE,
                documents(Jurisdiction.MONGOLIAN), appliedAgain, DUE.plusDays(12), DUE_AT.plusSeconds(12 * 86400), WorkingDays.of(5), VERSION,
                "003 art. 12.2", APPLICANT);
        fixture.given(applied(), registered(),
                        new RegistrationEvents.CourtDissolutionRecorded(ID, "ref", decided, false, GOVERNOR, COURT_DOC),
                        new RegistrationEvents.DeregistrationGroundRaised(ID, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", decided, removed, GOVERNOR),
                        new RegistrationEvents.EntityDeregistered(ID, ZONE, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", "dissolved", removed,
                                false, false, GOVERNOR),
                        again)
                .when(governor(new RegistrationCommands.RegisterEntity(ID), registeredAgain))
                .expectEvents(new RegistrationEvents.EntityRegistered(ID, new ZoneCertificate("ALTANBULAG/2026/MN-6001234/2", ID, MONGOLIAN,
                        Activity.TRADE, LocalDate.of(2026, 12, 4), ZONE), registeredAgain, GOVERNOR));
    }
}
