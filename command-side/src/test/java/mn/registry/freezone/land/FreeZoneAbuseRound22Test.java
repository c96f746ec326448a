package mn.registry.freezone.land;

import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.LandActs;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static mn.registry.freezone.FreeZoneSigned.byGovernor;
import static mn.registry.freezone.FreeZoneSigned.on;
import static mn.registry.freezone.land.ZoneLandTest.A1;
import static mn.registry.freezone.land.ZoneLandTest.A2;
import static mn.registry.freezone.land.ZoneLandTest.AT;
import static mn.registry.freezone.land.ZoneLandTest.FEE_DUE_BY;
import static mn.registry.freezone.land.ZoneLandTest.FROM;
import static mn.registry.freezone.land.ZoneLandTest.GOVERNOR;
import static mn.registry.freezone.land.ZoneLandTest.HOLDER;
import static mn.registry.freezone.land.ZoneLandTest.OTHER;
import static mn.registry.freezone.land.ZoneLandTest.PARCEL_A;
import static mn.registry.freezone.land.ZoneLandTest.REPRESENTATIVE;
import static mn.registry.freezone.land.ZoneLandTest.UNTIL;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static mn.registry.freezone.land.ZoneLandTest.applied;
import static mn.registry.freezone.land.ZoneLandTest.granted;
import static mn.registry.freezone.land.ZoneLandTest.registered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 25, Free Zone round 23 (abuse audit F396-F399; ADR 0035 items 81-): the land desk offers a grant, a refusal or a fee's record only
 * where the zone's land register would record it, as the register itself answers ({@link LandActsNow}, on the rules its handlers refuse by);
 * land licences as a dishonest governor or holder would use them.
 */
class FreeZoneAbuseRound22Test extends ZoneLandAbuseFixture {

    static final GeoPolygon PARCEL_B = FreeZoneLandAbuseRound5Test.PARCEL_B;
    static final LandLicenceId L1 = LandLicenceId.of(ZONE, 1);

    private static LandCommands.GrantLandRights grant(LandCommands.GrantLandRights applied, LocalDate from) {
        return new LandCommands.GrantLandRights(ZONE, applied.holder(), applied.parcelName(), applied.parcel(), applied.purpose(), from, applied.until(),
                applied.method(), applied.nominalValue(), applied.decision(), applied.applicationId());
    }

    private static LandCommands.RefuseLandUse refusal(mn.registry.kernel.freezone.LandApplicationId application) {
        return new LandCommands.RefuseLandUse(ZONE, application, List.of("the parcel is kept for the zone's road"));
    }

    @Test
    @DisplayName("003 art. 8.7.7, 22.2 (ADR 0035 item 81, F396, was O223): the land desk is answered that a governor who signed an application as "
            + "the entity's representative neither grants nor refuses it, nor records the fee of the holder they represent, and that another "
            + "governor does, exactly as the register records or refuses each act")
    void the_governor_who_signed_the_land_application_is_answered_no_decision_on_it() {
        Object[] pending = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), applied(2, OTHER, PARCEL_B, FROM, UNTIL), ZoneLandTest.selected(1),
                ZoneLandTest.selected(2, OTHER, ZoneLandTest.GRANTED_VALUE)};
        PersonId signedIt = REPRESENTATIVE; // the demo representative, now also a governor of the zone
        LandActs theirs = actsAt(AT, signedIt, pending);
        LandActs.Decision own = theirs.on(A1).orElseThrow();
        assertThat(own.grant().refusedWith()).isEqualTo("freezone.decider-is-applicant");
        assertThat(own.refusal().refusedWith()).isEqualTo("freezone.decider-is-applicant");
        agrees(own.grant(), pending, byGovernor(ZoneLandTest.grant(HOLDER, PARCEL_A, FROM, UNTIL, A1), signedIt, ZONE, AT));
        agrees(own.refusal(), pending, byGovernor(refusal(A1), signedIt, ZONE, AT));
        LandActs another = actsAt(AT, GOVERNOR, pending);
        assertThat(another.on(A1).orElseThrow()).isEqualTo(new LandActs.Decision(LandActs.Verdict.ACCEPTED, LandActs.Verdict.ACCEPTED));
        agrees(another.on(A1).orElseThrow().grant(), pending, byGovernor(ZoneLandTest.grant(HOLDER, PARCEL_A, FROM, UNTIL, A1), GOVERNOR, ZONE, AT));
        agrees(another.on(A1).orElseThrow().refusal(), pending, byGovernor(refusal(A1), GOVERNOR, ZONE, AT));
        // the fee of the licence of an entity they represent (ZoneLandTest's standing: every holder represented by the demo representative)
        Object[] granted = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL)};
        LandActs.Verdict fee = actsAt(AT, signedIt, granted).feeOf(L1).orElseThrow();
        assertThat(fee.refusedWith()).isEqualTo("freezone.decider-is-applicant");
        agrees(fee, granted, byGovernor(new LandCommands.RecordLandFeePaid(ZONE, L1, Money.mnt(120_000_000), "R-1", ZoneLandTest.receiptDocument("R-1")), signedIt, ZONE, AT));
        assertThat(actsAt(AT, GOVERNOR, granted).feeOf(L1)).contains(LandActs.Verdict.ACCEPTED);
        assertThat(actsAt(AT, GOVERNOR, granted).on(A1)).as("decided: no longer pending").isEmpty();
    }

    @Test
    @DisplayName("003 art. 22.2 (ADR 0035 item 81, F397): an application whose period of use ended before the decision's receipt is granted on no "
            + "period (a grant lies within it and does not start before its receipt): refused with that reason, and the desk is answered that it is "
            + "only refused")
    void an_application_whose_period_ended_is_refused_only() {
        LocalDate today = mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(AT);
        Object[] ran = {applied(1, HOLDER, PARCEL_A, today.minusDays(40), today.minusDays(1))};
        // the period applied for, as the desk's form fills it (on the base refused as starting before the act, freezone.period-before-act)
        LandCommands.GrantLandRights late = ZoneLandTest.grant(HOLDER, PARCEL_A, today.minusDays(40), today.minusDays(1), A1);
        fixture.given(ran).when(byGovernor(late, GOVERNOR, ZONE, AT))
                .expectException(FreeZoneLandAbuseRound5Test.problem("freezone.land-application-period-ended", "applicationId", "003 art. 22.2"))
                .expectNoEvents();
        LandActs.Decision decision = actsAt(AT, GOVERNOR, ran).on(A1).orElseThrow();
        assertThat(decision.grant().refusedWith()).isEqualTo("freezone.land-application-period-ended");
        assertThat(decision.refusal()).isEqualTo(LandActs.Verdict.ACCEPTED);
        agrees(decision.refusal(), ran, byGovernor(refusal(A1), GOVERNOR, ZONE, AT));
        // its last day still counts: granted from that day
        Object[] lastDay = {applied(1, HOLDER, PARCEL_A, today.minusDays(40), today), ZoneLandTest.selected(1)};
        assertThat(actsAt(AT, GOVERNOR, lastDay).on(A1).orElseThrow().grant()).isEqualTo(LandActs.Verdict.ACCEPTED);
        agrees(LandActs.Verdict.ACCEPTED, lastDay, byGovernor(grant(ZoneLandTest.grant(HOLDER, PARCEL_A, today.minusDays(40), today, A1), today),
                GOVERNOR, ZONE, AT));
    }

    @Test
    @DisplayName("003 art. 6.4, 12.2, 12.5, 22.2, 22.6 (ADR 0035 item 81): the desk is answered the grant's refusal where the zone is closed, the "
            + "applicant is no longer registered or its ground of 12.5 is raised, the refusal still accepted, as the register decides each")
    void the_grant_is_answered_by_the_zone_and_the_applicants_standing() {
        Object[] pending = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), ZoneLandTest.selected(1)};
        CommandMessage<Object> grant = byGovernor(ZoneLandTest.grant(HOLDER, PARCEL_A, FROM, UNTIL, A1), GOVERNOR, ZONE, AT);
        services.open = false;
        LandActs.Decision closed = actsAt(AT, GOVERNOR, pending).on(A1).orElseThrow();
        assertThat(closed.grant().refusedWith()).isEqualTo("freezone.zone-closed");
        assertThat(closed.refusal()).isEqualTo(LandActs.Verdict.ACCEPTED);
        agrees(closed.grant(), pending, grant);
        services.open = true;
        services.standing = new LandHolders.Holder(HOLDER, false, REPRESENTATIVE);
        LandActs.Decision removed = actsAt(AT, GOVERNOR, pending).on(A1).orElseThrow();
        assertThat(removed.grant().refusedWith()).isEqualTo("freezone.holder-not-registered");
        agrees(removed.grant(), pending, grant);
        services.standing = new LandHolders.Holder(HOLDER, true, REPRESENTATIVE, null, true);
        LandActs.Decision raised = actsAt(AT, GOVERNOR, pending).on(A1).orElseThrow();
        assertThat(raised.grant().refusedWith()).isEqualTo("freezone.holder-ground-raised");
        assertThat(raised.refusal()).isEqualTo(LandActs.Verdict.ACCEPTED);
        agrees(raised.grant(), pending, grant);
        services.standing = registered(HOLDER);
        assertThat(actsAt(AT, GOVERNOR, pending).on(A1).orElseThrow().grant()).isEqualTo(LandActs.Verdict.ACCEPTED);
    }

    @Test
    @DisplayName("003 art. 22.5, 22.7 (ADR 0035 items 20, 81; F398): the desk is answered that the fee of rights whose period ended, or whose last "
            + "day to pay passed before the lapse is stored, is not recorded, as the register refuses it; and that it is on that last day")
    void the_fee_is_answered_by_the_licences_period_and_last_day_to_pay() {
        LocalDate today = mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(AT);
        Object[] shortLicence = {applied(1, HOLDER, PARCEL_A, today, today.plusDays(5)), granted(1, 1, HOLDER, PARCEL_A, today, today.plusDays(5))};
        Instant afterItsEnd = on(today.plusDays(6));
        LandActs.Verdict ended = actsAt(afterItsEnd, GOVERNOR, shortLicence).feeOf(L1).orElseThrow();
        assertThat(ended.refusedWith()).isEqualTo("freezone.licence-ended");
        agrees(ended, shortLicence, byGovernor(new LandCommands.RecordLandFeePaid(ZONE, L1, Money.mnt(120_000_000), "R-1", ZoneLandTest.receiptDocument("R-1")), GOVERNOR, ZONE, afterItsEnd));
        Object[] granted = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL)};
        assertThat(actsAt(on(FEE_DUE_BY), GOVERNOR, granted).feeOf(L1)).contains(LandActs.Verdict.ACCEPTED);
        agrees(LandActs.Verdict.ACCEPTED, granted, byGovernor(new LandCommands.RecordLandFeePaid(ZONE, L1, Money.mnt(120_000_000), "R-1", ZoneLandTest.receiptDocument("R-1")), GOVERNOR,
                ZONE, on(FEE_DUE_BY)));
        LandActs.Verdict overdue = actsAt(on(FEE_DUE_BY.plusDays(1)), GOVERNOR, granted).feeOf(L1).orElseThrow();
        assertThat(overdue.refusedWith()).isEqualTo("freezone.land-fee-overdue");
        agrees(overdue, granted, byGovernor(new LandCommands.RecordLandFeePaid(ZONE, L1, Money.mnt(120_000_000), "R-1", ZoneLandTest.receiptDocument("R-1")), GOVERNOR, ZONE,
                on(FEE_DUE_BY.plusDays(1))));
    }
    @Test
    @DisplayName("003 art. 12.5.3, 22.6, 22.7 (ADR 0035 item 82, F399): once a court's dissolution of the entity, dated on or after its certificate "
            + "here, is recorded in another zone, no land is applied for, granted, certified, reported paid or exempted here before this zone's "
            + "governor records it; a decision dated before the certificate was not about this registration")
    void a_dissolution_recorded_in_another_zone_ends_the_entitys_land_here() {
        org.axonframework.eventsourcing.eventstore.EventStore events = org.axonframework.eventsourcing.eventstore.EmbeddedEventStore.builder()
                .storageEngine(new org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine()).build();
        mn.registry.kernel.freezone.ZoneId zamynUud = mn.registry.kernel.freezone.ZoneId.of("zamyn-uud");
        mn.registry.kernel.freezone.RegistrationId here = mn.registry.kernel.freezone.RegistrationId.of(ZONE, LandHoldersTest.ENTITY);
        mn.registry.kernel.freezone.RegistrationId there = here.inZone(zamynUud);
        events.publish(new GenericDomainEventMessage<>("ZoneRegistration", here.stream(), 0, LandHoldersTest.applied(here)),
                new GenericDomainEventMessage<>("ZoneRegistration", here.stream(), 1, LandHoldersTest.registered(here)));
        // the court decisions of the other zone's stream, as CourtDecisionsElsewhere reads every established zone's
        LandHolders holders = new LandHolders(events, registrations -> registrations.stream().collect(java.util.stream.Collectors.toMap(entity -> entity,
                entity -> events.readEvents(entity.inZone(zamynUud).stream()).asStream()
                        .map(org.axonframework.eventhandling.EventMessage::getPayload)
                        .filter(mn.registry.kernel.freezone.RegistrationEvents.CourtDissolutionRecorded.class::isInstance)
                        .map(mn.registry.kernel.freezone.RegistrationEvents.CourtDissolutionRecorded.class::cast).toList())));
        LocalDate certificate = LandHoldersTest.registered(here).certificate().issuedOn();
        events.publish(new GenericDomainEventMessage<>("ZoneRegistration", there.stream(), 0, new mn.registry.kernel.freezone.RegistrationEvents
                .CourtDissolutionRecorded(there, "Dornogovi civil court 2026/7", certificate.minusDays(1), false, new PersonId("governor-zamyn-uud"), null)));
        assertThat(holders.standing(here).landGroundRaised()).as("a decision before the certificate here").isFalse();
        events.publish(new GenericDomainEventMessage<>("ZoneRegistration", there.stream(), 1, new mn.registry.kernel.freezone.RegistrationEvents
                .CourtDissolutionRecorded(there, "Dornogovi civil court 2026/9", certificate, false, new PersonId("governor-zamyn-uud"), null)));
        LandHolders.Holder dissolved = holders.standing(here);
        assertThat(dissolved.registered()).as("still registered here: this zone's governor has not recorded it").isTrue();
        assertThat(dissolved.landGroundRaised()).isTrue();
        var refused = FreeZoneLandAbuseRound5Test.problem("freezone.holder-ground-raised", "applicant", "003 art. 12.5, 22.6");
        services.standing = dissolved;
        fixture.given().when(mn.registry.freezone.FreeZoneSigned.signed(new LandCommands.ApplyForLandUse(ZONE, here, "parcel", PARCEL_A, "warehouse",
                        FROM, UNTIL, LandCommands.AllocationMethod.AUCTION), LandHoldersTest.APPLICANT, AT, mn.registry.kernel.identity.Role.APPLICANT))
                .expectException(refused).expectNoEvents();
        Object[] pending = {applied(1, here, PARCEL_A, FROM, UNTIL)};
        fixture.given(pending).when(byGovernor(ZoneLandTest.grant(here, PARCEL_A, FROM, UNTIL, A1), GOVERNOR, ZONE, AT))
                .expectException(FreeZoneLandAbuseRound5Test.problem("freezone.holder-ground-raised", "holder", "003 art. 12.5, 22.6")).expectNoEvents();
        assertThat(actsAt(AT, GOVERNOR, pending).on(A1).orElseThrow().grant().refusedWith()).isEqualTo("freezone.holder-ground-raised");
        Object[] granted = {applied(1, here, PARCEL_A, FROM, UNTIL), granted(1, 1, here, PARCEL_A, FROM, UNTIL)};
        fixture.given(granted).when(byGovernor(new LandCommands.RecordLandFeePaid(ZONE, L1, Money.mnt(120_000_000), "R-1", ZoneLandTest.receiptDocument("R-1")), GOVERNOR, ZONE, AT))
                .expectException(FreeZoneLandAbuseRound5Test.problem("freezone.holder-ground-raised", "licenceId", "003 art. 12.5, 22.6")).expectNoEvents();
        assertThat(actsAt(AT, GOVERNOR, granted).feeOf(L1).orElseThrow().refusedWith()).isEqualTo("freezone.holder-ground-raised");
    }
    @Test
    @DisplayName("003 art. 6.1, 22.2 (held): a second licence over licensed ground is refused however its parcel is drawn (the same polygon, one "
            + "inside it, one around it), and granted once the first licence's rights are revoked")
    void a_second_licence_over_licensed_ground_is_refused_however_drawn() {
        GeoPolygon inside = GeoPolygon.of(106.412, 50.312, 106.418, 50.312, 106.418, 50.318, 106.412, 50.318);
        GeoPolygon around = GeoPolygon.of(106.405, 50.305, 106.425, 50.305, 106.425, 50.325, 106.405, 50.325);
        for (GeoPolygon parcel : List.of(PARCEL_A, inside, around)) {
            Object[] licensed = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL),
                    applied(2, OTHER, parcel, FROM, UNTIL)};
            // an application wholly on licensed ground is refused as such since F415 (session 26): none of it can be granted
            agrees(new LandActs.Verdict(parcel == around ? "freezone.parcel-already-licensed" : "freezone.applied-ground-licensed"), licensed,
                    byGovernor(ZoneLandTest.grant(OTHER, parcel, FROM, UNTIL, A2), GOVERNOR, ZONE, AT));
        }
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL),
                        new mn.registry.kernel.freezone.LandEvents.LandRightsRevoked(ZONE, L1, HOLDER,
                                mn.registry.kernel.freezone.DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, "003 art. 22.6", AT),
                        applied(2, OTHER, around, FROM, UNTIL), ZoneLandTest.selected(2, OTHER, ZoneLandTest.GRANTED_VALUE))
                .when(byGovernor(ZoneLandTest.grant(OTHER, around, FROM, UNTIL, A2), GOVERNOR, ZONE, AT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("002 art. 15.3, 30.1; 003 art. 22.2 (held): a land application's or decision's published text (parcel name, purpose, the "
            + "decision's reference) holding a person's e-mail address or phone number is refused before anything is claimed")
    void published_land_texts_hold_no_personal_details() {
        String email = "ask bat.erdene@gmail.com";
        for (Object body : List.of(
                new LandCommands.ApplyForLandUse(ZONE, HOLDER, "Lot " + email, PARCEL_A, "warehouse", FROM, UNTIL, LandCommands.AllocationMethod.AUCTION),
                new LandCommands.GrantLandRights(ZONE, HOLDER, "Lot 7", PARCEL_A, "warehouse, call 99112233", FROM, UNTIL,
                        LandCommands.AllocationMethod.AUCTION, Money.mnt(120_000_000), "Governor decision 2026/44", A1),
                new LandCommands.GrantLandRights(ZONE, HOLDER, "Lot 7", PARCEL_A, "warehouse", FROM, UNTIL, LandCommands.AllocationMethod.AUCTION,
                        Money.mnt(120_000_000), "Governor decision 2026/44, " + email, A1))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> mn.registry.kernel.privacy.PublishedTextScreen.screen(body))
                    .isInstanceOfSatisfying(RegistryProblem.class, p -> assertThat(p.code()).isEqualTo(mn.registry.kernel.privacy.PublishedTextScreen.CODE));
        }
    }
}
