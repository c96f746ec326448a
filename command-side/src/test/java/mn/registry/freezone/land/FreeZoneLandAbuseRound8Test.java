package mn.registry.freezone.land;

import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.money.Money;
import org.axonframework.commandhandling.CommandMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static mn.registry.freezone.land.FreeZoneLandAbuseRound5Test.problem;
import static mn.registry.freezone.land.ZoneLandTest.FEE_DUE_BY;
import static mn.registry.freezone.land.ZoneLandTest.FROM;
import static mn.registry.freezone.land.ZoneLandTest.HOLDER;
import static mn.registry.freezone.land.ZoneLandTest.PARCEL_A;
import static mn.registry.freezone.land.ZoneLandTest.REPRESENTATIVE;
import static mn.registry.freezone.land.ZoneLandTest.UNTIL;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static mn.registry.freezone.land.ZoneLandTest.applied;
import static mn.registry.freezone.land.ZoneLandTest.granted;

/**
 * Session 16's abuse audit of a zone's land register (docs/abuse-audit.md F160 on; ADR 0035 items 23 on): the land licence's later life.
 */
class FreeZoneLandAbuseRound8Test extends ZoneLandAbuseFixture {

    static final LandLicenceId L1 = LandLicenceId.of(ZONE, 1);
    static final Money FEE = Money.mnt(120_000_000);
    static final String RECEIPT_SHA = "7d".repeat(32);

    private static Instant noonOn(LocalDate day) {
        return day.atTime(12, 0).atZone(UlaanbaatarTime.ZONE).toInstant();
    }

    private static CommandMessage<Object> reported(LocalDate on) {
        return mn.registry.freezone.FreeZoneSigned.signed(new LandCommands.ReportLandFeePaid(ZONE, L1, FEE, RECEIPT_SHA), REPRESENTATIVE, noonOn(on),
                Role.APPLICANT);
    }

    @Test
    @DisplayName("003 art. 12.5, 22.5-22.7 (F162): the holder's report of its fee is refused when its 12.5.1/12.5.2 ground is raised or it is no "
            + "longer registered: it would keep from lapsing rights that the governor can no longer certify and the law revokes (F91)")
    void a_report_does_not_keep_rights_the_law_revokes() {
        Object[] given = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL)};
        services.standing = new LandHolders.Holder(HOLDER, true, REPRESENTATIVE, null, true);
        fixture.given(given).when(reported(FEE_DUE_BY))
                .expectException(problem("freezone.holder-ground-raised", "licenceId", "003 art. 12.5, 22.6")).expectNoEvents();
        services.standing = new LandHolders.Holder(HOLDER, false, REPRESENTATIVE);
        fixture.given(given).when(reported(FEE_DUE_BY))
                .expectException(problem("freezone.holder-not-registered", "licenceId", "003 art. 12.2, 22.2")).expectNoEvents();
        services.standing = null; // registered, no ground: the report is accepted as before
        fixture.given(given).when(reported(FEE_DUE_BY))
                .expectEvents(new LandEvents.LandFeePaymentReported(ZONE, L1, HOLDER, FEE, RECEIPT_SHA, noonOn(FEE_DUE_BY), REPRESENTATIVE));
    }

    @Test
    @DisplayName("003 art. 22.5 (F162, as F43 for the governor's record): a fee reported after the licence's period ended is refused: no "
            + "certificate is issued for possession that is over")
    void a_report_after_the_period_is_refused() {
        LocalDate from = UlaanbaatarTime.dateOf(ZoneLandTest.AT).plusDays(1);
        LocalDate until = from.plusDays(6);
        Object[] given = {applied(1, HOLDER, PARCEL_A, from, until), granted(1, 1, HOLDER, PARCEL_A, from, until)};
        fixture.given(given).when(reported(until.plusDays(1)))
                .expectException(problem("freezone.licence-ended", "licenceId", "003 art. 22.5")).expectNoEvents();
        fixture.given(given).when(reported(until))
                .expectSuccessfulHandlerExecution();
    }
}
