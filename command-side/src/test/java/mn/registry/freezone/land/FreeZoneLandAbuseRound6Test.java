package mn.registry.freezone.land;

import mn.registry.deadline.DeadlineInstruction;
import mn.registry.kernel.freezone.FreeZoneTerms;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.money.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static mn.registry.freezone.FreeZoneSigned.byGovernor;
import static mn.registry.freezone.land.FreeZoneLandAbuseRound5Test.PARCEL_B;
import static mn.registry.freezone.land.FreeZoneLandAbuseRound5Test.problem;
import static mn.registry.freezone.land.ZoneLandTest.AT;
import static mn.registry.freezone.land.ZoneLandTest.FEE_DUE_BY;
import static mn.registry.freezone.land.ZoneLandTest.FROM;
import static mn.registry.freezone.land.ZoneLandTest.GOVERNOR;
import static mn.registry.freezone.land.ZoneLandTest.HOLDER;
import static mn.registry.freezone.land.ZoneLandTest.OTHER;
import static mn.registry.freezone.land.ZoneLandTest.PARCEL_A;
import static mn.registry.freezone.land.ZoneLandTest.UNTIL;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static mn.registry.freezone.land.ZoneLandTest.applied;
import static mn.registry.freezone.land.ZoneLandTest.granted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 14's abuse audit of a zone's land register (docs/abuse-audit.md F125, was O86; ADR 0035 item 20): land granted and never
 * paid for kept its parcel from every other entity for its whole period; now the fee has a last day, judged at receipt, and the
 * rights lapse after it.
 */
class FreeZoneLandAbuseRound6Test extends ZoneLandAbuseFixture {

    static final LandLicenceId L1 = LandLicenceId.of(ZONE, 1);
    static final Money FEE = Money.mnt(120_000_000);

    /** Noon in Ulaanbaatar on {@code day}. */
    private static Instant noonOn(LocalDate day) {
        return day.atTime(12, 0).atZone(UlaanbaatarTime.ZONE).toInstant();
    }

    private static LandStreamCommands.LapseUnpaidLicence lapse(LocalDate on) {
        return new LandStreamCommands.LapseUnpaidLicence(L1, noonOn(on));
    }

    @Test
    @DisplayName("003 art. 22.5, 22.7 (choice, F125): a grant names the last day to pay the fee, 30 days after the grant's day in Ulaanbaatar")
    void the_grant_names_the_last_day_to_pay() {
        assertThat(FEE_DUE_BY).isEqualTo(UlaanbaatarTime.dateOf(AT).plusDays(FreeZoneTerms.LAND_FEE_DAYS));
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), ZoneLandTest.selected(1))
                .when(byGovernor(ZoneLandTest.grant(HOLDER, PARCEL_A, FROM, UNTIL, mn.registry.kernel.freezone.LandApplicationId.of(ZONE, 1)),
                        GOVERNOR, ZONE, AT))
                .expectEvents(granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL));
    }

    @Test
    @DisplayName("003 art. 22.5, 22.7 (F125): the fee recorded on its last day issues the certificate; recorded the day after, judged at receipt, "
            + "it is refused even before the lapse is stored; after the lapse it is refused as lapsed")
    void the_fee_is_paid_by_its_last_day() {
        Object[] given = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL)};
        LandCommands.RecordLandFeePaid paid = new LandCommands.RecordLandFeePaid(ZONE, L1, FEE, "TDB-2027-000001", ZoneLandTest.receiptDocument("TDB-2027-000001"));
        fixture.given(given)
                .when(byGovernor(paid, GOVERNOR, ZONE, noonOn(FEE_DUE_BY)))
                .expectEvents(new LandEvents.LandLicenceIssued(ZONE, L1, HOLDER, FEE, "TDB-2027-000001", noonOn(FEE_DUE_BY), GOVERNOR, ZoneLandTest.receiptDocument("TDB-2027-000001")));
        fixture.given(given)
                .when(byGovernor(paid, GOVERNOR, ZONE, noonOn(FEE_DUE_BY.plusDays(1))))
                .expectException(problem("freezone.land-fee-overdue", "licenceId", "003 art. 22.5, 22.7"))
                .expectNoEvents();
        fixture.given(given[0], given[1], new LandEvents.LandRightsLapsed(ZONE, L1, HOLDER, FEE_DUE_BY, "003 art. 22.5, 22.7", noonOn(FEE_DUE_BY.plusDays(1))))
                .when(byGovernor(paid, GOVERNOR, ZONE, noonOn(FEE_DUE_BY.plusDays(1))))
                .expectException(problem("freezone.licence-lapsed", "licenceId", "003 art. 22.5, 22.7"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 22.5, 22.7 (F125): unpaid after the last day the rights lapse, once; not before it ends, not once paid or revoked")
    void unpaid_rights_lapse_once() {
        Object[] given = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL)};
        LandEvents.LandRightsLapsed lapsed = new LandEvents.LandRightsLapsed(ZONE, L1, HOLDER, FEE_DUE_BY, "003 art. 22.5, 22.7",
                noonOn(FEE_DUE_BY.plusDays(1)));
        fixture.given(given).when(lapse(FEE_DUE_BY.plusDays(1))).expectEvents(lapsed);
        fixture.given(given[0], given[1], lapsed).when(lapse(FEE_DUE_BY.plusDays(2))).expectNoEvents();
        fixture.given(given).when(lapse(FEE_DUE_BY)).expectNoEvents();
        fixture.given(given[0], given[1], new LandEvents.LandLicenceIssued(ZONE, L1, HOLDER, FEE, "R-1", AT, GOVERNOR, ZoneLandTest.receiptDocument("R-1")))
                .when(lapse(FEE_DUE_BY.plusDays(1))).expectNoEvents();
        fixture.given(given[0], given[1], new LandEvents.LandRightsRevoked(ZONE, L1, HOLDER, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR,
                        "003 art. 22.6", AT))
                .when(lapse(FEE_DUE_BY.plusDays(1))).expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 6.1, 22.2, 22.5 (F125): lapsed rights no longer hold the parcel: another entity's application for it is granted")
    void a_lapsed_parcel_is_free() {
        LandEvents.LandRightsLapsed lapsed = new LandEvents.LandRightsLapsed(ZONE, L1, HOLDER, FEE_DUE_BY, "003 art. 22.5, 22.7",
                noonOn(FEE_DUE_BY.plusDays(1)));
        Object[] held = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), applied(2, OTHER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL)};
        LandCommands.GrantLandRights toOther = ZoneLandTest.grant(OTHER, PARCEL_A, FROM, UNTIL, mn.registry.kernel.freezone.LandApplicationId.of(ZONE, 2));
        fixture.given(held)
                .when(byGovernor(toOther, GOVERNOR, ZONE, AT))
                .expectException(new org.hamcrest.FeatureMatcher<mn.registry.kernel.problem.RegistryProblem, String>(
                        // an application wholly on licensed ground is refused as such since F415 (session 26)
                        org.hamcrest.Matchers.equalTo("freezone.applied-ground-licensed"), "a problem with code", "code") {
                    @Override
                    protected String featureValueOf(mn.registry.kernel.problem.RegistryProblem problem) {
                        return problem.code();
                    }
                })
                .expectNoEvents();
        fixture.given(held[0], held[1], held[2], lapsed, ZoneLandTest.selected(2, OTHER, ZoneLandTest.GRANTED_VALUE))
                .when(byGovernor(toOther, GOVERNOR, ZONE, AT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("003 art. 22.5 (F125): rights granted before the rule carry no last day: their fee is recorded late as before and they never lapse")
    void rights_granted_before_the_rule_keep_no_last_day() {
        LandEvents.LandRightsGranted before = granted(1, 1, HOLDER, PARCEL_B, FROM, UNTIL);
        LandEvents.LandRightsGranted stored = new LandEvents.LandRightsGranted(before.zoneId(), before.licenceId(), before.holder(), before.parcelName(),
                before.parcel(), before.areaHectares(), before.purpose(), before.from(), before.until(), before.method(), before.nominalValue(),
                before.decision(), before.grantedAt(), before.grantedBy(), before.applicationId());
        Object[] given = {applied(1, HOLDER, PARCEL_B, FROM, UNTIL), stored};
        fixture.given(given).when(lapse(FEE_DUE_BY.plusDays(300))).expectNoEvents();
        fixture.given(given)
                .when(byGovernor(new LandCommands.RecordLandFeePaid(ZONE, L1, FEE, "R-9", ZoneLandTest.receiptDocument("R-9")), GOVERNOR, ZONE, noonOn(FEE_DUE_BY.plusDays(300))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("003 art. 22.5, 22.7 (F125): the deadline starts with a grant that names its last day, ends with the certificate, a revocation or "
            + "the lapse, and fires the lapse on the zone's land register")
    void the_deadline_follows_the_licence() {
        LandDeadlineRules rules = new LandDeadlineRules();
        LandEvents.LandRightsGranted grant = granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL);
        DeadlineInstruction.Start start = (DeadlineInstruction.Start) rules.instructionsFor(grant, 3).get(0);
        assertThat(start.deadline().aggregateId()).isEqualTo(L1.value());
        assertThat(start.deadline().kind()).isEqualTo(LandDeadlineRules.FEE);
        assertThat(start.deadline().due()).isEqualTo(FEE_DUE_BY);
        assertThat(start.deadline().countsWorkingDays()).isFalse();
        LandEvents.LandRightsGranted old = new LandEvents.LandRightsGranted(grant.zoneId(), grant.licenceId(), grant.holder(), grant.parcelName(),
                grant.parcel(), grant.areaHectares(), grant.purpose(), grant.from(), grant.until(), grant.method(), grant.nominalValue(),
                grant.decision(), grant.grantedAt(), grant.grantedBy(), grant.applicationId());
        assertThat(rules.instructionsFor(old, 3)).isEmpty();
        DeadlineInstruction.End end = new DeadlineInstruction.End(L1.value(), LandDeadlineRules.FEE);
        assertThat(rules.instructionsFor(new LandEvents.LandLicenceIssued(ZONE, L1, HOLDER, FEE, "R", AT, GOVERNOR, ZoneLandTest.receiptDocument("R")), 4)).containsExactly(end);
        assertThat(rules.instructionsFor(new LandEvents.LandRightsRevoked(ZONE, L1, HOLDER, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR,
                "003 art. 22.6", AT), 4)).containsExactly(end);
        assertThat(rules.instructionsFor(new LandEvents.LandRightsLapsed(ZONE, L1, HOLDER, FEE_DUE_BY, "003 art. 22.5, 22.7", AT), 4))
                .containsExactly(end);
        Object firing = rules.firingCommand(start.deadline(), AT);
        assertThat(firing).isEqualTo(new LandStreamCommands.LapseUnpaidLicence(ZONE.landStream(), ZONE, L1, AT));
        assertThat(LandDeadlineRules.zoneOf(LandLicenceId.of(mn.registry.kernel.freezone.ZoneId.of("zamyn-uud"), 12)).value()).isEqualTo("zamyn-uud");
    }

    // ------------------------------------------------------------------ F131: the holder reports its fee paid

    private static org.axonframework.commandhandling.CommandMessage<Object> reported(LocalDate on, mn.registry.kernel.identity.PersonId by, Money paid) {
        return mn.registry.freezone.FreeZoneSigned.signed(new LandCommands.ReportLandFeePaid(ZONE, L1, paid, RECEIPT_SHA), by, noonOn(on),
                mn.registry.kernel.identity.Role.APPLICANT);
    }

    static final String RECEIPT_SHA = "7e".repeat(32);

    @Test
    @DisplayName("003 art. 22.5, 22.7 (choice, F131): a governor who sits on a paid receipt past the last day no longer makes the rights lapse: "
            + "the holder's representative reports the payment by its receipt's document in time, the rights do not lapse, and the governor "
            + "records the fee after the last day")
    void the_holder_reports_its_fee_paid() {
        Object[] given = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL)};
        LandEvents.LandFeePaymentReported report = new LandEvents.LandFeePaymentReported(ZONE, L1, HOLDER, FEE, RECEIPT_SHA, noonOn(FEE_DUE_BY),
                ZoneLandTest.REPRESENTATIVE);
        fixture.given(given).when(reported(FEE_DUE_BY, ZoneLandTest.REPRESENTATIVE, FEE)).expectEvents(report);
        fixture.given(given[0], given[1], report).when(lapse(FEE_DUE_BY.plusDays(1))).expectNoEvents();
        // session 30 (ADR 0035 item 107, F528): the certificate names the holder's reported document (another one only with a reason)
        LandCommands.RecordLandFeePaid paid = new LandCommands.RecordLandFeePaid(ZONE, L1, FEE, "TDB-2027-000002", RECEIPT_SHA);
        fixture.given(given[0], given[1], report)
                .when(byGovernor(paid, GOVERNOR, ZONE, noonOn(FEE_DUE_BY.plusDays(20))))
                .expectEvents(new LandEvents.LandLicenceIssued(ZONE, L1, HOLDER, FEE, "TDB-2027-000002", noonOn(FEE_DUE_BY.plusDays(20)), GOVERNOR, RECEIPT_SHA));
    }

    @Test
    @DisplayName("003 art. 22.5, 22.7 (F131): a report after the last day, by another person, for another amount, on a document never received, "
            + "or a second one is refused")
    void a_report_is_the_holders_in_time_on_its_document() {
        Object[] given = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL)};
        fixture.given(given).when(reported(FEE_DUE_BY.plusDays(1), ZoneLandTest.REPRESENTATIVE, FEE))
                .expectException(problem("freezone.land-fee-overdue", "licenceId", "003 art. 22.5, 22.7")).expectNoEvents();
        fixture.given(given).when(reported(FEE_DUE_BY, new mn.registry.kernel.identity.PersonId("applicant-2"), FEE))
                .expectException(problem("freezone.not-representative", "licenceId", "003 art. 12.1, 22.5")).expectNoEvents();
        fixture.given(given).when(reported(FEE_DUE_BY, ZoneLandTest.REPRESENTATIVE, Money.mnt(1)))
                .expectException(problem("freezone.fee-not-nominal-value", "paid", "003 art. 22.5")).expectNoEvents();
        services.documentsReceived = false;
        fixture.given(given).when(reported(FEE_DUE_BY, ZoneLandTest.REPRESENTATIVE, FEE))
                .expectException(problem("document.unknown", "receiptSha256", "003 art. 22.5, 22.7")).expectNoEvents();
        services.documentsReceived = true;
        fixture.given(given[0], given[1], new LandEvents.LandFeePaymentReported(ZONE, L1, HOLDER, FEE, RECEIPT_SHA, noonOn(FEE_DUE_BY),
                        ZoneLandTest.REPRESENTATIVE))
                .when(reported(FEE_DUE_BY, ZoneLandTest.REPRESENTATIVE, FEE))
                .expectException(problem("freezone.fee-payment-reported-already", "licenceId", "003 art. 22.5, 22.7")).expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 22.5 (F131): one payment's receipt reports one licence's fee: the same receipt for a second licence of the zone "
            + "is refused")
    void one_receipt_reports_one_fee() {
        LandLicenceId second = LandLicenceId.of(ZONE, 2);
        Object[] given = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), applied(2, HOLDER, PARCEL_B, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL),
                granted(2, 2, HOLDER, PARCEL_B, FROM, UNTIL),
                new LandEvents.LandFeePaymentReported(ZONE, L1, HOLDER, FEE, RECEIPT_SHA, noonOn(FEE_DUE_BY), ZoneLandTest.REPRESENTATIVE)};
        fixture.given(given)
                .when(mn.registry.freezone.FreeZoneSigned.signed(new LandCommands.ReportLandFeePaid(ZONE, second, FEE, RECEIPT_SHA),
                        ZoneLandTest.REPRESENTATIVE, noonOn(FEE_DUE_BY), mn.registry.kernel.identity.Role.APPLICANT))
                .expectException(problem("freezone.fee-receipt-reported-already", "receiptSha256", "003 art. 22.5")).expectNoEvents();
        fixture.given(given)
                .when(mn.registry.freezone.FreeZoneSigned.signed(new LandCommands.ReportLandFeePaid(ZONE, second, FEE, "7f".repeat(32)),
                        ZoneLandTest.REPRESENTATIVE, noonOn(FEE_DUE_BY), mn.registry.kernel.identity.Role.APPLICANT))
                .expectSuccessfulHandlerExecution();
    }
}
