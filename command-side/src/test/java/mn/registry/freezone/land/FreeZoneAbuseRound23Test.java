package mn.registry.freezone.land;

import mn.registry.kernel.freezone.LandActs;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.money.Money;
import org.axonframework.commandhandling.CommandMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static mn.registry.freezone.FreeZoneSigned.on;
import static mn.registry.freezone.land.ZoneLandTest.AT;
import static mn.registry.freezone.land.ZoneLandTest.FEE_DUE_BY;
import static mn.registry.freezone.land.ZoneLandTest.FROM;
import static mn.registry.freezone.land.ZoneLandTest.GOVERNOR;
import static mn.registry.freezone.land.ZoneLandTest.HOLDER;
import static mn.registry.freezone.land.ZoneLandTest.PARCEL_A;
import static mn.registry.freezone.land.ZoneLandTest.REPRESENTATIVE;
import static mn.registry.freezone.land.ZoneLandTest.UNTIL;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static mn.registry.freezone.land.ZoneLandTest.applied;
import static mn.registry.freezone.land.ZoneLandTest.granted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 25, Free Zone round 24 (abuse audit F391, was O239, and F402; ADR 0035 items 83-84): the holder's page offers the report of its land
 * fee paid, and the application for land, only where the zone's land register would record it on the signed-in representative's signature,
 * as the register answers ({@link ZoneLand#reportIsRecordable}, {@link ZoneLand#entityMayApplyForLand}, the methods the handlers call).
 */
class FreeZoneAbuseRound23Test extends ZoneLandAbuseFixture {

    static final LandLicenceId L1 = LandLicenceId.of(ZONE, 1);
    static final Money FEE = Money.mnt(120_000_000);
    static final String RECEIPT_SHA = "7d".repeat(32);
    static final Object[] GRANTED = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL)};

    private static CommandMessage<Object> reported(PersonId by, Instant at) {
        return mn.registry.freezone.FreeZoneSigned.signed(new LandCommands.ReportLandFeePaid(ZONE, L1, FEE, RECEIPT_SHA), by, at, Role.APPLICANT);
    }

    /** The answer on the report, asserted to be {@code expected}'s and to agree with what the register does with the report itself. */
    private void reportIs(String expected, Object[] given, PersonId by, Instant at) {
        LandActs.Verdict verdict = actsAt(at, by, given).reportOf(L1).orElseThrow();
        assertThat(verdict.refusedWith()).isEqualTo(expected);
        agrees(verdict, given, reported(by, at));
    }

    @Test
    @DisplayName("003 art. 22.5, 22.7 (ADR 0035 items 22, 83; F391, was O239): the holder's page is answered that its representative's report of "
            + "the fee paid is recorded by the last day to pay, and refused after it, once reported, or signed by anybody else, as the register "
            + "refuses the report itself")
    void the_report_is_answered_by_the_last_day_and_the_signer() {
        reportIs(null, GRANTED, REPRESENTATIVE, on(FEE_DUE_BY));
        reportIs("freezone.land-fee-overdue", GRANTED, REPRESENTATIVE, on(FEE_DUE_BY.plusDays(1)));
        reportIs("freezone.not-representative", GRANTED, GOVERNOR, AT);
        Object[] reportedAlready = {GRANTED[0], GRANTED[1], new LandEvents.LandFeePaymentReported(ZONE, L1, HOLDER, FEE, RECEIPT_SHA, AT, REPRESENTATIVE)};
        reportIs("freezone.fee-payment-reported-already", reportedAlready, REPRESENTATIVE, AT);
        assertThat(actsAt(AT, GOVERNOR, reportedAlready).feeOf(L1)).as("the governor still records the fee").contains(LandActs.Verdict.ACCEPTED);
    }

    @Test
    @DisplayName("003 art. 12.5, 22.5-22.7 (ADR 0035 item 83; F391, was O239): the holder's page is answered that the report is refused for rights "
            + "whose period ended, a holder no longer registered, or one with a ground of 12.5 raised (a dissolution recorded in another zone, F399), "
            + "as the register refuses it")
    void the_report_is_answered_by_the_period_and_the_holders_standing() {
        LocalDate today = mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(AT);
        Object[] shortLicence = {applied(1, HOLDER, PARCEL_A, today, today.plusDays(5)), granted(1, 1, HOLDER, PARCEL_A, today, today.plusDays(5))};
        reportIs("freezone.licence-ended", shortLicence, REPRESENTATIVE, on(today.plusDays(6)));
        services.standing = new LandHolders.Holder(HOLDER, false, REPRESENTATIVE);
        reportIs("freezone.holder-not-registered", GRANTED, REPRESENTATIVE, AT);
        services.standing = new LandHolders.Holder(HOLDER, true, REPRESENTATIVE, null, true);
        reportIs("freezone.holder-ground-raised", GRANTED, REPRESENTATIVE, AT);
        services.standing = null;
        reportIs(null, GRANTED, REPRESENTATIVE, AT);
    }

    /** What the land register answers the holder's page on an application for land in {@code applicant}'s name signed by {@code signer}. */
    private LandActs.Verdict applicationBy(RegistrationId applicant, PersonId signer) {
        org.axonframework.config.Configuration axon = landRegisters(services);
        try {
            return new LandActsNow(java.time.Clock.fixed(AT, java.time.ZoneOffset.UTC), services, axon.eventStore(), () -> axon.repository(ZoneLand.class))
                    .applicationBy(ZONE, applicant, signer, null); // a grant naming no company (F525 adds the company)
        } finally {
            axon.shutdown();
        }
    }

    /** The answer on an application, asserted to be {@code expected}'s and to agree with what the register does with the application itself. */
    private void applicationIs(String expected, RegistrationId applicant, PersonId by) {
        LandActs.Verdict verdict = applicationBy(applicant, by);
        assertThat(verdict.refusedWith()).isEqualTo(expected);
        agrees(verdict, new Object[0], mn.registry.freezone.FreeZoneSigned.signed(ZoneLandTest.application(applicant, PARCEL_A, FROM, UNTIL), by, AT,
                Role.APPLICANT));
    }

    @Test
    @DisplayName("003 art. 6.4, 12.1, 12.2, 12.5, 22.2 (ADR 0035 item 84; F402): the holder's page is answered that its representative applies for "
            + "land while the zone is open and the entity registered in it with no ground of 12.5 raised (a dissolution recorded in another zone, "
            + "F399), and that nobody else applies in its name, as the register records or refuses the application itself, with no land register "
            + "in the zone yet")
    void the_application_is_answered_by_the_zone_and_the_entitys_standing() {
        applicationIs(null, HOLDER, REPRESENTATIVE);
        applicationIs("freezone.not-representative", HOLDER, GOVERNOR);
        services.open = false;
        applicationIs("freezone.zone-closed", HOLDER, REPRESENTATIVE);
        services.open = true;
        services.standing = new LandHolders.Holder(HOLDER, false, REPRESENTATIVE);
        applicationIs("freezone.holder-not-registered", HOLDER, REPRESENTATIVE);
        services.standing = new LandHolders.Holder(HOLDER, true, REPRESENTATIVE, null, true);
        applicationIs("freezone.holder-ground-raised", HOLDER, REPRESENTATIVE);
        services.standing = null;
        applicationIs("freezone.holder-other-zone", RegistrationId.of(mn.registry.kernel.freezone.ZoneId.of("zamyn-uud"), LandHoldersTest.ENTITY),
                REPRESENTATIVE);
    }
}
