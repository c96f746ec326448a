package mn.registry.freezone.land;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import mn.registry.command.api.SignedCommandType;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.money.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static mn.registry.freezone.FreeZoneSigned.byGovernor;
import static mn.registry.freezone.FreeZoneSigned.signed;
import static mn.registry.freezone.land.FreeZoneLandAbuseRound5Test.problem;
import static mn.registry.freezone.land.ZoneLandTest.AT;
import static mn.registry.freezone.land.ZoneLandTest.CABINET;
import static mn.registry.freezone.land.ZoneLandTest.FROM;
import static mn.registry.freezone.land.ZoneLandTest.GOVERNOR;
import static mn.registry.freezone.land.ZoneLandTest.HOLDER;
import static mn.registry.freezone.land.ZoneLandTest.PARCEL_A;
import static mn.registry.freezone.land.ZoneLandTest.REPRESENTATIVE;
import static mn.registry.freezone.land.ZoneLandTest.UNTIL;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static mn.registry.freezone.land.ZoneLandTest.applied;
import static mn.registry.freezone.land.ZoneLandTest.granted;
import static mn.registry.freezone.land.ZoneLandTest.receiptDocument;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Session 30, the land's fee and value (003 art. 22.3, 22.5; ADR 0035 items 107-108): the governor certified the fee on any document while
 * the holder had reported its own receipt (F528, was O359); and the nominal value of a grant, the one-time fee, was any amount above zero, the
 * Government's basic value of land unknown to the registry (F529, was O347).
 */
class FreeZoneAbuseRound30Test extends ZoneLandAbuseFixture {

    static final LandLicenceId L1 = LandLicenceId.of(ZONE, 1);
    static final Money FEE = Money.mnt(120_000_000);
    static final String RECEIPT = "TDB-2027-003001";
    static final String DECISION_SHA = receiptDocument("Government decision 2026/130");

    private static LandCommands.RecordLandFeePaid feeOfL1(String receiptSha256, String otherReceiptReason) {
        return new LandCommands.RecordLandFeePaid(ZONE, L1, FEE, RECEIPT, receiptSha256, otherReceiptReason);
    }

    private static LandEvents.LandBaseValueRecorded baseValue(int number, long perHectare, Instant at) {
        return new LandEvents.LandBaseValueRecorded(ZONE, number, Money.mnt(perHectare), "Government decision 2026/130", LocalDate.of(2026, 11, 20),
                DECISION_SHA, "003 art. 22.3", at, CABINET);
    }

    private static LandCommands.RecordLandBaseValue baseValueOf(Money perHectare, LocalDate decidedOn) {
        return new LandCommands.RecordLandBaseValue(ZONE, perHectare, "Government decision 2026/130", decidedOn, DECISION_SHA);
    }

    private static LandCommands.GrantLandRights grantAt(Money nominalValue) {
        return new LandCommands.GrantLandRights(ZONE, HOLDER, "parcel", PARCEL_A, "warehouse", FROM, UNTIL, LandCommands.AllocationMethod.AUCTION,
                nominalValue, "Governor decision 2026/44", LandApplicationId.of(ZONE, 1));
    }

    @Test
    @DisplayName("003 art. 22.5 (ADR 0035 item 107, F528, was O359): once the holder reported its receipt's document, the certificate on another "
            + "document is refused unless the governor states why (a reason with a person's phone refused; nothing stored); the reason is kept on "
            + "the event; the reported document, or any received one with no report, is certified as before")
    void the_certificate_names_the_holders_reported_receipt_or_says_why() {
        String reported = receiptDocument(RECEIPT);
        String governorsPdf = receiptDocument("any PDF the governor uploaded");
        Object[] given = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL),
                new LandEvents.LandFeePaymentReported(ZONE, L1, HOLDER, FEE, reported, AT, REPRESENTATIVE)};

        fixture.given(given).when(byGovernor(feeOfL1(governorsPdf, null), GOVERNOR, ZONE, AT))
                .expectException(problem("freezone.land-fee-receipt-not-the-reported-one", "receiptSha256", "003 art. 22.5")).expectNoEvents();
        fixture.given(given).when(byGovernor(feeOfL1(governorsPdf, " \u00a0\u200b "), GOVERNOR, ZONE, AT))
                .expectException(problem("freezone.land-fee-receipt-not-the-reported-one", "receiptSha256", "003 art. 22.5")).expectNoEvents();
        fixture.given(given).when(byGovernor(feeOfL1(governorsPdf, "The bank reissued the slip; call the clerk on 99112233"), GOVERNOR, ZONE, AT))
                .expectException(problem("privacy.personal-details-in-receipt-reason", "otherReceiptReason", "002 art. 15.3, 30.1")).expectNoEvents();
        fixture.given(given).when(byGovernor(feeOfL1(governorsPdf, "x".repeat(501)), GOVERNOR, ZONE, AT))
                .expectException(problem("freezone.other-receipt-reason-too-long", "otherReceiptReason", "003 art. 22.5")).expectNoEvents();

        String reason = "The bank reissued the payment slip with its own stamp; the holder's upload was a photo.";
        fixture.given(given).when(byGovernor(feeOfL1(governorsPdf, "  " + reason + " "), GOVERNOR, ZONE, AT))
                .expectEvents(new LandEvents.LandLicenceIssued(ZONE, L1, HOLDER, FEE, RECEIPT, AT, GOVERNOR, governorsPdf, reason));
        fixture.given(given).when(byGovernor(feeOfL1(reported, null), GOVERNOR, ZONE, AT))
                .expectEvents(new LandEvents.LandLicenceIssued(ZONE, L1, HOLDER, FEE, RECEIPT, AT, GOVERNOR, reported));
        fixture.given(given).when(byGovernor(feeOfL1(reported, "nothing to explain"), GOVERNOR, ZONE, AT))
                .expectEvents(new LandEvents.LandLicenceIssued(ZONE, L1, HOLDER, FEE, RECEIPT, AT, GOVERNOR, reported)); // no reason kept
        fixture.given(given[0], given[1]).when(byGovernor(feeOfL1(governorsPdf, null), GOVERNOR, ZONE, AT)) // no report: as before
                .expectEvents(new LandEvents.LandLicenceIssued(ZONE, L1, HOLDER, FEE, RECEIPT, AT, GOVERNOR, governorsPdf));
    }

    @Test
    @DisplayName("003 art. 22.3 (ADR 0035 item 108, F529, was O347): the Cabinet member records the zone's basic value of land per hectare on "
            + "the Government decision's received document, in force from the registry's receipt; a governor may not (403), a zero or negative "
            + "value, a decision not received or dated after the receipt are refused (400, nothing stored)")
    void the_cabinet_member_records_the_base_value_of_land() throws Exception {
        LocalDate decidedOn = LocalDate.of(2026, 11, 20);
        fixture.givenNoPriorActivity().when(signed(baseValueOf(Money.mnt(1_500_000), decidedOn), CABINET, AT, Role.CABINET_MEMBER))
                .expectEvents(baseValue(1, 1_500_000, AT));
        // the next value on the Government's next decision (since F537 one decision sets the zone's value once: FreeZoneAbuseRound31ValueTest)
        String next = receiptDocument("Government decision 2026/131");
        fixture.given(baseValue(1, 1_500_000, AT.minusSeconds(86_400)))
                .when(signed(new LandCommands.RecordLandBaseValue(ZONE, Money.mnt(2_000_000), "Government decision 2026/131", decidedOn, next), CABINET,
                        AT, Role.CABINET_MEMBER))
                .expectEvents(new LandEvents.LandBaseValueRecorded(ZONE, 2, Money.mnt(2_000_000), "Government decision 2026/131", decidedOn, next,
                        "003 art. 22.3", AT, CABINET));

        fixture.givenNoPriorActivity().when(signed(baseValueOf(Money.mnt(0), decidedOn), CABINET, AT, Role.CABINET_MEMBER))
                .expectException(problem("freezone.land-base-value-not-positive", "perHectare", "003 art. 22.3")).expectNoEvents();
        fixture.givenNoPriorActivity().when(signed(baseValueOf(new Money(1_500_000, "USD"), decidedOn), CABINET, AT, Role.CABINET_MEMBER))
                .expectException(problem("freezone.land-base-value-not-positive", "perHectare", "003 art. 22.3")).expectNoEvents();
        fixture.givenNoPriorActivity().when(signed(baseValueOf(Money.mnt(1_500_000), LocalDate.of(2026, 12, 25)), CABINET, AT, Role.CABINET_MEMBER))
                .expectException(problem("freezone.decision-in-future", "decidedOn", "003 art. 22.3")).expectNoEvents();
        services.documentsReceived = false;
        fixture.givenNoPriorActivity().when(signed(baseValueOf(Money.mnt(1_500_000), decidedOn), CABINET, AT, Role.CABINET_MEMBER))
                .expectException(problem("document.unknown", "decisionSha256", "003 art. 22.3")).expectNoEvents();

        // a negative amount is no Money: the pipeline reads no body (400 command.body-invalid) and nothing reaches the register
        assertThatThrownBy(() -> new ObjectMapper().readValue("{\"zoneId\":\"altanbulag\",\"perHectare\":{\"amount\":-5,\"currency\":\"MNT\"}}",
                LandCommands.RecordLandBaseValue.class)).isInstanceOf(ValueInstantiationException.class);

        // only the Cabinet member signs it: a governor's signature is refused by the pipeline (403 signer.role-missing) before it is read
        SignedCommandType<LandCommands.RecordLandBaseValue> type = new LandCommandTypes(null).recordLandBaseValueType(null, null);
        assertThat(type.allowedRoles()).isEqualTo(Set.of(Role.CABINET_MEMBER));
        assertThat(type.type()).isEqualTo("RecordLandBaseValue");
    }

    @Test
    @DisplayName("003 art. 22.3, 22.5 (ADR 0035 item 108, F529, was O347): a grant whose nominal value is below the basic value in force at its "
            + "receipt times the parcel's area is refused (409, at 1 MNT and just below); with no base value recorded no floor is known; a base "
            + "value recorded after the grant's receipt neither judges it nor undoes it")
    void a_grant_below_the_base_value_is_refused() {
        Object[] applied = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL)};
        BigDecimal hectares = ParcelGeometry.hectares(ParcelGeometry.polygon(PARCEL_A));
        long perHectare = 1_000_000;
        long floor = BigDecimal.valueOf(perHectare).multiply(hectares).setScale(0, java.math.RoundingMode.CEILING).longValueExact();
        Instant before = AT.minusSeconds(3_600);

        fixture.given(applied[0], baseValue(1, perHectare, before)).when(byGovernor(grantAt(Money.mnt(1)), GOVERNOR, ZONE, AT))
                .expectException(problem("freezone.land-value-below-base", "nominalValue", "003 art. 22.3, 22.5")).expectNoEvents();
        fixture.given(applied[0], baseValue(1, perHectare, before)).when(byGovernor(grantAt(Money.mnt(floor - 1)), GOVERNOR, ZONE, AT))
                .expectException(problem("freezone.land-value-below-base", "nominalValue", "003 art. 22.3, 22.5")).expectNoEvents();
        fixture.given(applied[0], baseValue(1, 5 * perHectare, before.minusSeconds(60)), baseValue(2, perHectare, before),
                        ZoneLandTest.selected(1, Money.mnt(floor)))
                .when(byGovernor(grantAt(Money.mnt(floor)), GOVERNOR, ZONE, AT)).expectSuccessfulHandlerExecution(); // the last in force
        fixture.given(applied[0], ZoneLandTest.selected(1, Money.mnt(1))).when(byGovernor(grantAt(Money.mnt(1)), GOVERNOR, ZONE, AT))
                .expectSuccessfulHandlerExecution(); // no floor known
        fixture.given(applied[0], baseValue(1, perHectare, AT.plusSeconds(1)), ZoneLandTest.selected(1, Money.mnt(1)))
                .when(byGovernor(grantAt(Money.mnt(1)), GOVERNOR, ZONE, AT)).expectSuccessfulHandlerExecution(); // not in force at the receipt

        // recorded after the grant: the licence stands, its fee at the nominal value certified
        LandEvents.LandRightsGranted cheap = granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL);
        cheap = new LandEvents.LandRightsGranted(ZONE, L1, HOLDER, cheap.parcelName(), PARCEL_A, cheap.areaHectares(), cheap.purpose(), FROM, UNTIL,
                cheap.method(), Money.mnt(1), cheap.decision(), AT, GOVERNOR, cheap.applicationId(), cheap.feeDueBy());
        String slip = receiptDocument(RECEIPT);
        fixture.given(applied[0], cheap, baseValue(1, perHectare, AT.plusSeconds(60)))
                .when(byGovernor(new LandCommands.RecordLandFeePaid(ZONE, L1, Money.mnt(1), RECEIPT, slip), GOVERNOR, ZONE, AT.plusSeconds(120)))
                .expectEvents(new LandEvents.LandLicenceIssued(ZONE, L1, HOLDER, Money.mnt(1), RECEIPT, AT.plusSeconds(120), GOVERNOR, slip));
    }

    @Test
    @DisplayName("003 art. 22.3, 22.5 (ADR 0035 items 107-108): the basic value of land is published whole (a Government decision, the Cabinet "
            + "member who recorded it); the certificate is published without its receipt, its document or the governor's reason for another")
    void the_base_value_is_public_and_the_reason_is_not() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        var mappers = mn.registry.kernel.freezone.FreeZonePublicRecords.mappers();
        com.fasterxml.jackson.databind.JsonNode base = mapper.valueToTree(baseValue(1, 1_500_000, AT));
        assertThat(mappers.get(LandEvents.LandBaseValueRecorded.class.getName()).apply(base)).contains(base);
        com.fasterxml.jackson.databind.JsonNode issued = mapper.valueToTree(new LandEvents.LandLicenceIssued(ZONE, L1, HOLDER, FEE, RECEIPT, AT,
                GOVERNOR, receiptDocument(RECEIPT), "The bank reissued the slip."));
        com.fasterxml.jackson.databind.JsonNode published = mappers.get(LandEvents.LandLicenceIssued.class.getName()).apply(issued).orElseThrow();
        assertThat(published.has("otherReceiptReason")).isFalse();
        assertThat(published.has("receiptSha256")).isFalse();
        assertThat(published.has("licenceId")).isTrue();
    }
}
