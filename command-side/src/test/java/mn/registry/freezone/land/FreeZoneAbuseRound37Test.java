package mn.registry.freezone.land;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mn.registry.command.api.SignedCommandType;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.privacy.PublishedTextScreen;
import mn.registry.kernel.problem.RegistryProblem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static mn.registry.freezone.FreeZoneSigned.byGovernor;
import static mn.registry.freezone.FreeZoneSigned.signed;
import static mn.registry.freezone.land.FreeZoneAbuseRound34Test.problem;
import static mn.registry.freezone.land.ZoneLandTest.A1;
import static mn.registry.freezone.land.ZoneLandTest.AT;
import static mn.registry.freezone.land.ZoneLandTest.CABINET;
import static mn.registry.freezone.land.ZoneLandTest.FROM;
import static mn.registry.freezone.land.ZoneLandTest.GOVERNOR;
import static mn.registry.freezone.land.ZoneLandTest.GRANTED_VALUE;
import static mn.registry.freezone.land.ZoneLandTest.HOLDER;
import static mn.registry.freezone.land.ZoneLandTest.PARCEL_A;
import static mn.registry.freezone.land.ZoneLandTest.REPRESENTATIVE;
import static mn.registry.freezone.land.ZoneLandTest.UNTIL;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static mn.registry.freezone.land.ZoneLandTest.applied;
import static mn.registry.freezone.land.ZoneLandTest.grant;
import static mn.registry.freezone.land.ZoneLandTest.granted;
import static mn.registry.freezone.land.ZoneLandTest.governor;
import static mn.registry.freezone.land.ZoneLandTest.receiptDocument;
import static mn.registry.freezone.land.ZoneLandTest.selected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Session 32, the result annulled and the value that lapses (s32-land-result; docs/abuse-audit.md F582-F586, was O440, O450-O451; ADR 0035 items
 * 146-150): a tender's or auction's result recorded in error (the wrong application, the wrong value) could not be corrected (003 art. 22.4,
 * 22.5); a lower basic value of land awaiting its second signature could be confirmed weeks after its record (22.3).
 */
class FreeZoneAbuseRound37Test extends ZoneLandAbuseFixture {

    static final String REASONS = "The auction's minutes name application altanbulag-A2 as the winner; recorded on the wrong application.";
    static final Instant ANNULLED = AT.plusSeconds(600);
    static final Instant LATER = AT.plusSeconds(1_200);
    static final String NEW_RESULT = receiptDocument("auction result, Altanbulag 2026/9, corrected");

    private static LandCommands.AnnulLandSelectionResult annul(String reasons) {
        return new LandCommands.AnnulLandSelectionResult(ZONE, A1, reasons);
    }

    private static LandEvents.LandSelectionResultAnnulled annulled(Instant at) {
        LandEvents.LandSelectionResultRecorded result = selected(1);
        return new LandEvents.LandSelectionResultAnnulled(ZONE, A1, HOLDER, LandCommands.AllocationMethod.AUCTION, GRANTED_VALUE,
                result.resultSha256(), REASONS, "003 art. 22.4, 22.5", at, GOVERNOR);
    }

    @Test
    @DisplayName("003 art. 22.4, 22.5 (ADR 0035 items 146-147, choice; F582, was O440): the governor annuls a result recorded in error before any "
            + "grant, with reasons, the result repeated; the application then has no result: a grant on it at once is refused (409 "
            + "freezone.selection-unknown, nothing stored) until a new result is recorded, on its own document, and then granted")
    void a_result_recorded_in_error_is_annulled_before_the_grant() {
        Object applied = applied(1, HOLDER, PARCEL_A, FROM, UNTIL);
        fixture.given(applied, selected(1)).when(byGovernor(annul("  " + REASONS + " "), GOVERNOR, ZONE, ANNULLED))
                .expectEvents(annulled(ANNULLED));
        // annul then grant at once: the application has no result any more
        fixture.given(applied, selected(1), annulled(ANNULLED)).when(byGovernor(grant(HOLDER, PARCEL_A, FROM, UNTIL, A1), GOVERNOR, ZONE, LATER))
                .expectException(problem("freezone.selection-unknown", "applicationId", "003 art. 22.4")).expectNoEvents();
        // a new result may then be recorded, on its own document, and the grant rests on it
        LandEvents.LandSelectionResultRecorded corrected = new LandEvents.LandSelectionResultRecorded(ZONE, A1, HOLDER,
                LandCommands.AllocationMethod.AUCTION, Money.mnt(130_000_000), NEW_RESULT, LATER, GOVERNOR);
        fixture.given(applied, selected(1), annulled(ANNULLED))
                .when(byGovernor(new LandCommands.RecordLandSelectionResult(ZONE, A1, Money.mnt(130_000_000), NEW_RESULT), GOVERNOR, ZONE, LATER))
                .expectEvents(corrected);
        LandCommands.GrantLandRights atTheNewValue = new LandCommands.GrantLandRights(ZONE, HOLDER, "parcel", PARCEL_A, "warehouse", FROM, UNTIL,
                LandCommands.AllocationMethod.AUCTION, Money.mnt(130_000_000), "Governor decision 2026/44", A1);
        fixture.given(applied, selected(1), annulled(ANNULLED), corrected).when(byGovernor(atTheNewValue, GOVERNOR, ZONE, LATER.plusSeconds(60)))
                .expectSuccessfulHandlerExecution();
        fixture.given(applied, selected(1), annulled(ANNULLED), corrected)
                .when(byGovernor(grant(HOLDER, PARCEL_A, FROM, UNTIL, A1), GOVERNOR, ZONE, LATER.plusSeconds(60)))
                .expectException(problem("freezone.nominal-value-not-the-results", "nominalValue", "003 art. 22.5")).expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 22.4 (ADR 0035 item 148, choice; F584): the annulled result's document stays claimed by it: a new result for the same "
            + "application on it is refused (409 freezone.selection-result-document-annulled on resultSha256, nothing stored); annulling twice "
            + "(409 freezone.selection-annulled-already) or an application with no result (409 freezone.selection-unknown) is refused; a second "
            + "result, once recorded, may be annulled in its turn")
    void an_annulled_result_is_annulled_once_and_its_document_not_reused() {
        Object applied = applied(1, HOLDER, PARCEL_A, FROM, UNTIL);
        String annulledDocument = selected(1).resultSha256();
        fixture.given(applied, selected(1), annulled(ANNULLED))
                .when(byGovernor(new LandCommands.RecordLandSelectionResult(ZONE, A1, GRANTED_VALUE, annulledDocument), GOVERNOR, ZONE, LATER))
                .expectException(problem("freezone.selection-result-document-annulled", "resultSha256", "003 art. 22.4")).expectNoEvents();
        fixture.given(applied, selected(1), annulled(ANNULLED)).when(byGovernor(annul(REASONS), GOVERNOR, ZONE, LATER))
                .expectException(problem("freezone.selection-annulled-already", "applicationId", "003 art. 22.4")).expectNoEvents();
        fixture.given(applied).when(byGovernor(annul(REASONS), GOVERNOR, ZONE, LATER))
                .expectException(problem("freezone.selection-unknown", "applicationId", "003 art. 22.4")).expectNoEvents();
        fixture.given(applied).when(byGovernor(new LandCommands.AnnulLandSelectionResult(ZONE, LandApplicationId.of(ZONE, 9), REASONS), GOVERNOR,
                ZONE, LATER)).expectException(problem("freezone.land-application-unknown", "applicationId", "003 art. 22.2, 8.7.7")).expectNoEvents();
        LandEvents.LandSelectionResultRecorded corrected = new LandEvents.LandSelectionResultRecorded(ZONE, A1, HOLDER,
                LandCommands.AllocationMethod.AUCTION, GRANTED_VALUE, NEW_RESULT, LATER, GOVERNOR);
        fixture.given(applied, selected(1), annulled(ANNULLED), corrected).when(byGovernor(annul("the minutes were misread again"), GOVERNOR, ZONE,
                LATER.plusSeconds(60))).expectEvents(new LandEvents.LandSelectionResultAnnulled(ZONE, A1, HOLDER,
                LandCommands.AllocationMethod.AUCTION, GRANTED_VALUE, NEW_RESULT, "the minutes were misread again", "003 art. 22.4, 22.5",
                LATER.plusSeconds(60), GOVERNOR));
    }

    @Test
    @DisplayName("003 art. 22.4, 22.5 (ADR 0035 item 146, choice; F583): a result land rights were granted on is not annulled (409 "
            + "freezone.selection-result-granted on applicationId); nor the result of an application refused or withdrawn since (409 "
            + "freezone.land-application-decided / -withdrawn: it selects no one any more); nothing stored")
    void a_result_a_grant_rests_on_is_not_annulled() {
        Object applied = applied(1, HOLDER, PARCEL_A, FROM, UNTIL);
        fixture.given(applied, selected(1), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL)).when(byGovernor(annul(REASONS), GOVERNOR, ZONE, LATER))
                .expectException(problem("freezone.selection-result-granted", "applicationId", "003 art. 22.4, 22.5")).expectNoEvents();
        fixture.given(applied, selected(1), new LandEvents.LandUseRefused(ZONE, A1, HOLDER, List.of("no project"), "003 art. 22.2", AT, GOVERNOR))
                .when(byGovernor(annul(REASONS), GOVERNOR, ZONE, LATER))
                .expectException(problem("freezone.land-application-decided", null, "003 art. 22.2")).expectNoEvents();
        fixture.given(applied, selected(1), new LandEvents.LandApplicationWithdrawn(ZONE, A1, HOLDER, AT, REPRESENTATIVE))
                .when(byGovernor(annul(REASONS), GOVERNOR, ZONE, LATER))
                .expectException(problem("freezone.land-application-withdrawn", null, "003 art. 22.2")).expectNoEvents();
        // the applicant's own representative holding a governor's office does not annul its entity's result, as they do not record it
        fixture.given(applied, selected(1)).when(byGovernor(annul(REASONS), REPRESENTATIVE, ZONE, LATER))
                .expectException(problem("freezone.decider-is-applicant", "applicationId", "003 art. 8.7.7, 22.2")).expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 22.4; 002 art. 15.3, 30.1 (ADR 0035 item 147): the reasons are required (400 freezone.annulment-reasons-missing, blank or "
            + "invisible) and published, so screened as published text: a person's phone number or civil registration number refused (400 "
            + "privacy.personal-details-in-published-text) before anything is claimed or stored; the act is the zone governor's alone, and the "
            + "annulment is published whole")
    void the_reasons_are_given_and_screened() {
        Object applied = applied(1, HOLDER, PARCEL_A, FROM, UNTIL);
        fixture.given(applied, selected(1)).when(byGovernor(annul(" \u00a0\u200b "), GOVERNOR, ZONE, LATER))
                .expectException(problem("freezone.annulment-reasons-missing", "reasons", "003 art. 22.4")).expectNoEvents();
        fixture.given(applied, selected(1)).when(byGovernor(annul(null), GOVERNOR, ZONE, LATER))
                .expectException(problem("freezone.annulment-reasons-missing", "reasons", "003 art. 22.4")).expectNoEvents();
        for (String personal : List.of("the winner's director called from 99112233 to say it was wrong",
                "the bidder Бат, РД УБ99112233, was recorded instead")) {
            assertThatThrownBy(() -> PublishedTextScreen.screen(annul(personal))).as(personal)
                    .isInstanceOfSatisfying(RegistryProblem.class, p -> assertThat(p.code()).isEqualTo(PublishedTextScreen.CODE));
        }
        PublishedTextScreen.screen(annul(REASONS));

        SignedCommandType<LandCommands.AnnulLandSelectionResult> type = new LandCommandTypes(null).annulLandSelectionResultType();
        assertThat(type.type()).isEqualTo("AnnulLandSelectionResult");
        assertThat(type.allowedRoles()).isEqualTo(Set.of(Role.ZONE_GOVERNOR));

        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        JsonNode published = mapper.valueToTree(annulled(ANNULLED));
        assertThat(mn.registry.kernel.freezone.FreeZonePublicRecords.mappers().get(LandEvents.LandSelectionResultAnnulled.class.getName())
                .apply(published)).contains(published);
    }

    // ---- the lower base value that lapses (003 art. 22.3; ADR 0035 item 149, choice; F585, was O451)

    static final PersonId SECOND = new PersonId("cabinet-2");
    static final String LOWER = "Government decision 2026/301";

    private static LandEvents.LandBaseValueRecorded inForce(Instant recordedAt) {
        return new LandEvents.LandBaseValueRecorded(ZONE, 1, Money.mnt(1_500_000), "Government decision 2026/300", LocalDate.of(2026, 10, 1),
                receiptDocument("Government decision 2026/300"), "003 art. 22.3", recordedAt.minusSeconds(86_400), CABINET);
    }

    private static LandEvents.LandBaseValueRecorded pending(Instant recordedAt) {
        return new LandEvents.LandBaseValueRecorded(ZONE, 2, Money.mnt(1_000), LOWER, LocalDate.of(2026, 10, 2),
                receiptDocument("Government decision 2026/301"), "003 art. 22.3", recordedAt, CABINET, Boolean.TRUE);
    }

    private static LandEvents.LandBaseValueConfirmed confirmed(Instant at) {
        return new LandEvents.LandBaseValueConfirmed(ZONE, 2, Money.mnt(1_000), LOWER, "003 art. 22.3", at, SECOND);
    }

    private static org.axonframework.commandhandling.CommandMessage<Object> confirmAt(Instant at) {
        return signed(new LandCommands.ConfirmLandBaseValue(ZONE, LOWER), SECOND, at, Role.CABINET_MEMBER);
    }

    /** The instant a day in Ulaanbaatar (UTC+8) starts, and the last second of it. */
    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(mn.registry.kernel.calendar.UlaanbaatarTime.ZONE).toInstant();
    }

    @Test
    @DisplayName("003 art. 22.3 (ADR 0035 item 149, choice; F585, was O451): a lower value awaits its second signature 10 working days after its "
            + "record's receipt (day 0): confirmed on the last of them, to its last second in Ulaanbaatar; refused from the first second of the "
            + "day after (409 freezone.land-base-value-lapsed on decision, nothing stored), and weeks after")
    void a_lower_value_lapses_ten_working_days_after_its_record() {
        Instant recorded = Instant.parse("2026-12-01T03:00:00Z"); // Tuesday 1 December in Ulaanbaatar: day 0
        LocalDate lastDay = LocalDate.of(2026, 12, 15); // 2-4, 7-11, 14-15 December: the 10th working day, a Tuesday
        assertThat(services.lastDayToConfirmBaseValue(recorded)).isEqualTo(lastDay);
        fixture.given(inForce(recorded), pending(recorded)).when(confirmAt(startOf(lastDay.plusDays(1)).minusSeconds(1)))
                .expectEvents(confirmed(startOf(lastDay.plusDays(1)).minusSeconds(1)));
        fixture.given(inForce(recorded), pending(recorded)).when(confirmAt(startOf(lastDay.plusDays(1))))
                .expectException(problem("freezone.land-base-value-lapsed", "decision", "003 art. 22.3")).expectNoEvents();
        fixture.given(inForce(recorded), pending(recorded)).when(confirmAt(recorded.plusSeconds(21L * 86_400)))
                .expectException(problem("freezone.land-base-value-lapsed", "decision", "003 art. 22.3")).expectNoEvents();
        // a lapsed value is not in force: a grant at its lower floor is still judged on the value in force before it
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), inForce(recorded), pending(recorded), selected(1, Money.mnt(1)))
                .when(byGovernor(new LandCommands.GrantLandRights(ZONE, HOLDER, "parcel", PARCEL_A, "warehouse", FROM, UNTIL,
                        LandCommands.AllocationMethod.AUCTION, Money.mnt(1), "Governor decision 2026/45", A1), GOVERNOR, ZONE,
                        startOf(lastDay.plusDays(1))))
                .expectException(problem("freezone.land-value-below-base", "nominalValue", "003 art. 22.3, 22.5")).expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 22.3 (ADR 0035 item 149; F585): the 10 working days skip the public holidays of the registry's calendar: recorded on "
            + "22 December 2026, the value awaits past National Freedom Day (29 December) and New Year's Day to Thursday 7 January 2027; "
            + "confirmed then, refused on the 8th")
    void the_working_days_skip_the_holidays() {
        Instant recorded = Instant.parse("2026-12-22T03:00:00Z"); // Tuesday 22 December in Ulaanbaatar
        LocalDate lastDay = LocalDate.of(2027, 1, 7); // 23, 24, 25, 28, 30, 31 December; 4, 5, 6, 7 January (29 Dec and 1 Jan holidays)
        assertThat(services.lastDayToConfirmBaseValue(recorded)).isEqualTo(lastDay);
        fixture.given(inForce(recorded), pending(recorded)).when(confirmAt(startOf(lastDay).plusSeconds(3_600)))
                .expectEvents(confirmed(startOf(lastDay).plusSeconds(3_600)));
        fixture.given(inForce(recorded), pending(recorded)).when(confirmAt(startOf(lastDay.plusDays(1)).plusSeconds(3_600)))
                .expectException(problem("freezone.land-base-value-lapsed", "decision", "003 art. 22.3")).expectNoEvents();
    }

    /** The Cabinet desk's verdict at {@code at} on {@code signer}'s confirmation of {@link #LOWER}, read as the registry reads it, on these events. */
    private java.util.Optional<mn.registry.kernel.freezone.LandActs.Verdict> deskVerdict(Instant at, PersonId signer, Object... events) {
        org.axonframework.config.Configuration axon = landRegisters(services);
        try {
            for (int i = 0; i < events.length; i++) {
                axon.eventStore().publish(new org.axonframework.eventhandling.GenericDomainEventMessage<>("ZoneLand", ZONE.landStream(), i, events[i]));
            }
            LandActsNow acts = new LandActsNow(java.time.Clock.fixed(at, java.time.ZoneOffset.UTC), services, axon.eventStore(),
                    () -> axon.repository(ZoneLand.class));
            var verdict = acts.baseValueConfirmationBy(ZONE, LOWER, signer);
            assertThat(axon.eventStore().readEvents(ZONE.landStream()).asStream().count()).as("the answer stores nothing").isEqualTo(events.length);
            return verdict;
        } finally {
            axon.shutdown();
        }
    }

    @Test
    @DisplayName("003 art. 22.3 (ADR 0035 item 150; F586, was O450): the Cabinet desk asks the land register, which knows the value's recorder: "
            + "accepted for a second Cabinet member before the last day; refused freezone.land-base-value-own-record for its recorder (the desk "
            + "lists it, not in the form) and freezone.land-base-value-lapsed after the last day; each verdict the register's own at the receipt")
    void the_cabinet_desk_is_answered_by_the_register() {
        Instant recorded = Instant.parse("2026-12-01T03:00:00Z");
        Instant lastSecond = startOf(LocalDate.of(2026, 12, 16)).minusSeconds(1);
        Object[] given = {inForce(recorded), pending(recorded)};
        assertThat(deskVerdict(lastSecond, SECOND, given)).contains(mn.registry.kernel.freezone.LandActs.Verdict.ACCEPTED);
        assertThat(deskVerdict(lastSecond, CABINET, given).orElseThrow().refusedWith()).isEqualTo("freezone.land-base-value-own-record");
        assertThat(deskVerdict(lastSecond.plusSeconds(1), SECOND, given).orElseThrow().refusedWith()).isEqualTo("freezone.land-base-value-lapsed");
        for (Instant at : List.of(lastSecond, lastSecond.plusSeconds(1))) {
            for (PersonId who : List.of(SECOND, CABINET)) {
                agrees(deskVerdict(at, who, given).orElseThrow(), given, signed(new LandCommands.ConfirmLandBaseValue(ZONE, LOWER), who, at,
                        Role.CABINET_MEMBER));
            }
        }
    }

    @Test
    @DisplayName("003 art. 22.4 (ADR 0035 item 146; F582-F584): the land desk's verdict on an annulment is the register's: offered for a pending "
            + "application whose result stands; not for the applicant's signer (freezone.decider-is-applicant), nor once it was annulled or "
            + "granted (no verdict: not offered); each verdict agrees with the handler at the same receipt")
    void the_land_desk_offers_the_annulment_as_the_register_judges_it() {
        Object applied = applied(1, HOLDER, PARCEL_A, FROM, UNTIL);
        Object[] standing = {applied, selected(1)};
        mn.registry.kernel.freezone.LandActs.Verdict offered = actsAt(LATER, GOVERNOR, standing).annulmentOf(A1).orElseThrow();
        assertThat(offered.accepted()).isTrue();
        agrees(offered, standing, byGovernor(annul(REASONS), GOVERNOR, ZONE, LATER));
        mn.registry.kernel.freezone.LandActs.Verdict signer = actsAt(LATER, REPRESENTATIVE, standing).annulmentOf(A1).orElseThrow();
        assertThat(signer.refusedWith()).isEqualTo("freezone.decider-is-applicant");
        agrees(signer, standing, byGovernor(annul(REASONS), REPRESENTATIVE, ZONE, LATER));
        assertThat(actsAt(LATER, GOVERNOR, applied, selected(1), annulled(ANNULLED)).annulmentOf(A1)).isEmpty();
        assertThat(actsAt(LATER, GOVERNOR, applied, selected(1), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL)).annulmentOf(A1)).isEmpty();
        assertThat(actsAt(LATER, GOVERNOR, applied).annulmentOf(A1)).isEmpty();
    }
}
