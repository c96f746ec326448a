package mn.registry.freezone.land;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.freezone.zone.DeciderRepresentsTheEntity;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.money.Money;
import org.axonframework.commandhandling.CommandMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import static mn.registry.freezone.FreeZoneSigned.signed;
import static mn.registry.freezone.land.FreeZoneLandAbuseRound5Test.problem;
import static mn.registry.freezone.land.ZoneLandTest.AT;
import static mn.registry.freezone.land.ZoneLandTest.CABINET;
import static mn.registry.freezone.land.ZoneLandTest.FROM;
import static mn.registry.freezone.land.ZoneLandTest.HOLDER;
import static mn.registry.freezone.land.ZoneLandTest.PARCEL_A;
import static mn.registry.freezone.land.ZoneLandTest.REPRESENTATIVE;
import static mn.registry.freezone.land.ZoneLandTest.UNTIL;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static mn.registry.freezone.land.ZoneLandTest.applied;
import static mn.registry.freezone.land.ZoneLandTest.granted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 31, the zone's readers and the Cabinet's desk (docs/abuse-audit.md F530, was O391; ADR 0035 item 126): the Cabinet's desk judges the
 * exemption's chosen holder by the land register's own rules before it offers the form, on the signed-in Cabinet member's grant now.
 */
class FreeZoneAbuseRound33Test extends ZoneLandAbuseFixture {

    /** The holder's Mongolian number (Selenge Trade LLC, {@link ZoneLandTest#HOLDER}), and another company's. */
    static final String OWN = "6001234";
    static final String ANOTHER = "6009876";

    /** The body signed by the Cabinet member {@code official}, whose grant of the applicant's role in force names {@code company}. */
    private static CommandMessage<Object> representing(PersonId official, String company, Object body, Instant at) {
        return SignedCommandContext.message(body, new CommandContext("command-" + official + "-" + company + "-" + at, at, at, official,
                Set.of(Role.CABINET_MEMBER, Role.APPLICANT), Set.of(), mn.registry.freezone.FreeZoneSigned.JWS_SHA256, company));
    }

    private LandActsNow desk() {
        // the exemption's verdict reads no register: no event store is asked
        return new LandActsNow(Clock.fixed(AT, ZoneOffset.UTC), services, null, () -> null);
    }

    @Test
    @DisplayName("003 art. 23.4; 001 art. 23.1.1 (F530, was O391; ADR 0035 items 110, 126): abuse: the Cabinet's desk offered the exemption's "
            + "form for a holder the signed-in Cabinet member represents (their grant names its number 6001234, or they signed its application): "
            + "the desk's verdict is now the register's refusal, freezone.decider-represents-the-entity / freezone.decider-is-applicant")
    void the_cabinets_desk_judges_the_exemptions_holder_as_the_register_does() {
        LandActsNow desk = desk();
        assertThat(desk.exemptionFor(ZONE, HOLDER, CABINET, OWN).refusedWith()).isEqualTo(DeciderRepresentsTheEntity.CODE);
        assertThat(desk.exemptionFor(ZONE, HOLDER, REPRESENTATIVE, null).refusedWith()).as("the person who signed its application")
                .isEqualTo("freezone.decider-is-applicant");
        assertThat(desk.exemptionFor(ZONE, HOLDER, CABINET, ANOTHER).accepted()).as("a grant naming another company").isTrue();
        assertThat(desk.exemptionFor(ZONE, HOLDER, CABINET, null).accepted()).as("no grant of the applicant's role").isTrue();
        RegistrationId elsewhere = RegistrationId.of(ZoneId.of("zamyn-uud"), new LegalEntity("Selenge Trade LLC", Jurisdiction.MONGOLIAN, null, OWN));
        assertThat(desk.exemptionFor(ZONE, elsewhere, CABINET, null).refusedWith()).as("another zone's entity").isEqualTo("freezone.holder-other-zone");
        services.standing = new LandHolders.Holder(HOLDER, false, REPRESENTATIVE);
        assertThat(desk.exemptionFor(ZONE, HOLDER, CABINET, null).refusedWith()).as("not registered (F94)").isEqualTo("freezone.holder-not-registered");
    }

    @Test
    @DisplayName("003 art. 23.4; 001 art. 23.1.1 (F530; ADR 0035 item 126): the desk's verdict and the register agree: the exemption sent for "
            + "the holder the Cabinet member represents is refused 403 on holder, nothing stored; for another's recorded")
    void the_desk_and_the_register_agree() {
        LandActsNow desk = desk();
        Object[] land = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL)};
        var exemption = ZoneLandTest.exemption(HOLDER, null, 30, FROM, 3, LocalDate.of(2026, 12, 1));
        for (String company : new String[]{OWN, ANOTHER}) {
            agrees(desk.exemptionFor(ZONE, HOLDER, CABINET, company), land, representing(CABINET, company, exemption, AT));
        }
        fixture.given(land).when(representing(CABINET, OWN, exemption, AT))
                .expectException(problem(DeciderRepresentsTheEntity.CODE, "holder", DeciderRepresentsTheEntity.ARTICLE)).expectNoEvents();
    }

    private static final LocalDate IN_FORCE_DECIDED = FreeZoneAbuseRound32Test.IN_FORCE_DECIDED;

    private static LandCommands.RecordLandBaseValue value(long perHectare, String reference, LocalDate decidedOn, String sha256) {
        return new LandCommands.RecordLandBaseValue(ZONE, Money.mnt(perHectare), reference, decidedOn, sha256);
    }

    private static LandEvents.LandBaseValueRecorded recorded(int number, long perHectare, String reference, LocalDate decidedOn, String sha256,
                                                             Instant at) {
        return new LandEvents.LandBaseValueRecorded(ZONE, number, Money.mnt(perHectare), reference, decidedOn, sha256, "003 art. 22.3", at, CABINET);
    }

    @Test
    @DisplayName("003 art. 22.3 (F561, was O410; ADR 0035 item 127, choice): abuse: a Cabinet member records a lower basic value on another "
            + "document presented as a second Government decision of the same day as the one in force: refused 409 "
            + "freezone.land-base-value-same-day-lower on perHectare, nothing stored; the same or a higher value of that day, and a lower "
            + "value on a later decision, are recorded (a lower one awaiting a second Cabinet member's signature, F574)")
    void a_decision_of_the_same_day_does_not_lower_the_value_in_force() {
        services.resolutionDate = FreeZoneAbuseRound32Test.RESOLVED;
        LandEvents.LandBaseValueRecorded inForce = recorded(1, 1_500_000, "Government decision 2026/150", IN_FORCE_DECIDED,
                FreeZoneAbuseRound32Test.DECISION, AT.minusSeconds(86_400));
        String sameDay = FreeZoneAbuseRound32Test.SAME_DAY;
        fixture.given(inForce).when(signed(value(1_200_000, "Government decision 2026/151", IN_FORCE_DECIDED, sameDay), CABINET, AT,
                        Role.CABINET_MEMBER))
                .expectException(problem("freezone.land-base-value-same-day-lower", "perHectare", "003 art. 22.3")).expectNoEvents();
        fixture.given(inForce).when(signed(value(1_499_999, "Government decision 2026/151", IN_FORCE_DECIDED, sameDay), CABINET, AT,
                        Role.CABINET_MEMBER))
                .expectException(problem("freezone.land-base-value-same-day-lower", "perHectare", "003 art. 22.3")).expectNoEvents();
        for (long same : new long[]{1_500_000, 1_800_000}) {
            fixture.given(inForce).when(signed(value(same, "Government decision 2026/151", IN_FORCE_DECIDED, sameDay), CABINET, AT,
                            Role.CABINET_MEMBER))
                    .expectEvents(recorded(2, same, "Government decision 2026/151", IN_FORCE_DECIDED, sameDay, AT));
        }
        fixture.given(inForce).when(signed(value(1_200_000, "Government decision 2026/151", IN_FORCE_DECIDED.plusDays(1), sameDay), CABINET, AT,
                        Role.CABINET_MEMBER))
                .expectEvents(new LandEvents.LandBaseValueRecorded(ZONE, 2, Money.mnt(1_200_000), "Government decision 2026/151",
                        IN_FORCE_DECIDED.plusDays(1), sameDay, "003 art. 22.3", AT, CABINET, Boolean.TRUE)); // lower: awaits a second signature (F574)
        // judged against the value in force at the receipt: the same day as an earlier, replaced value is item 118's older decision
        LandEvents.LandBaseValueRecorded later = recorded(2, 1_800_000, "Government decision 2026/160", IN_FORCE_DECIDED.plusDays(20),
                FreeZoneAbuseRound32Test.OLDER, AT.minusSeconds(3_600));
        fixture.given(inForce, later).when(signed(value(1_600_000, "Government decision 2026/161", IN_FORCE_DECIDED.plusDays(20), sameDay),
                        CABINET, AT, Role.CABINET_MEMBER))
                .expectException(problem("freezone.land-base-value-same-day-lower", "perHectare", "003 art. 22.3")).expectNoEvents();
    }
}
