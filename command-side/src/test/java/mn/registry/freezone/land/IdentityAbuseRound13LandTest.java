package mn.registry.freezone.land;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.RepresentativesCompany;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import org.axonframework.commandhandling.CommandMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static mn.registry.freezone.land.FreeZoneLandAbuseRound5Test.problem;
import static mn.registry.freezone.land.FreeZoneLandAbuseRound8Test.FEE;
import static mn.registry.freezone.land.FreeZoneLandAbuseRound8Test.L1;
import static mn.registry.freezone.land.FreeZoneLandAbuseRound8Test.RECEIPT_SHA;
import static mn.registry.freezone.land.ZoneLandTest.A1;
import static mn.registry.freezone.land.ZoneLandTest.AT;
import static mn.registry.freezone.land.ZoneLandTest.FEE_DUE_BY;
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
 * Session 30, who acts for an entity's land (ADR 0035 items 103-105; abuse audit F524, was O368): after a Mongolian entity's representative
 * changes, the land register's signer for it is the person who signed its registration application, or a representative whose grant of the
 * applicant's role in force at the registry's receipt names the entity's state registration number ({@link CommandContext#company()}, folded
 * by {@code IdentityDirectory}); a grant naming another company is refused first with F507's code, whoever signed the registration. The
 * entity here is {@link ZoneLandTest#HOLDER} (6001234), registered by {@link ZoneLandTest#REPRESENTATIVE}; {@link #SUCCESSOR} never signed its
 * registration. Also (F525, was O367) the holder's page's verdicts on the same rules, with the signed-in person's company now.
 */
@org.junit.jupiter.api.extension.ExtendWith(mn.registry.store.testing.EmbeddedMongoExtension.class)
class IdentityAbuseRound13LandTest extends ZoneLandAbuseFixture {

    /** The entity's number ({@link ZoneLandTest#HOLDER}), and another company's. */
    private static final String OWN = "6001234";
    private static final String ANOTHER = "6009876";
    /** The entity's new representative: enrolled naming 6001234 after its registration, which they did not sign. */
    private static final PersonId SUCCESSOR = new PersonId("applicant-30-new");
    private static final String NOT_REPRESENTATIVE = "freezone.not-representative";
    private static final String OWN_ENTITY_ARTICLE = "003 art. 12.1, 22.2; 001 art. 23.1.1";
    private static final String OWN_ENTITY_FEE_ARTICLE = "003 art. 12.1, 22.5; 001 art. 23.1.1";

    private static CommandMessage<Object> signed(PersonId person, String company, Object body, Instant at) {
        return SignedCommandContext.message(body, contextOf(person, company, "command-" + person + "-" + company + "-" + at, at));
    }

    private static CommandContext contextOf(PersonId person, String company, String commandId, Instant at) {
        return new CommandContext(commandId, at, at, person, Set.of(Role.APPLICANT), Set.of(), mn.registry.freezone.FreeZoneSigned.JWS_SHA256,
                company);
    }

    private static Instant noonOn(java.time.LocalDate day) {
        return day.atTime(12, 0).atZone(UlaanbaatarTime.ZONE).toInstant();
    }

    private static LandEvents.LandUseApplied appliedBy(PersonId signer) {
        LandEvents.LandUseApplied a = applied(1, HOLDER, PARCEL_A, FROM, UNTIL);
        return new LandEvents.LandUseApplied(a.zoneId(), a.applicationId(), a.applicant(), a.parcelName(), a.parcel(), a.areaHectares(), a.purpose(),
                a.from(), a.until(), a.method(), a.receivedAt(), signer);
    }

    @Test
    @DisplayName("003 art. 12.1, 22.2, 22.5; 001 art. 23.1.1 (F524, was O368; ADR 0035 item 103, choice): the entity's new representative, "
            + "whose grant in force at the receipt names its number 6001234, applies for land, withdraws the application and reports the fee "
            + "paid in its name: recorded, signed by them")
    void the_entitys_new_representative_acts_for_its_land() {
        fixture.given().when(signed(SUCCESSOR, OWN, ZoneLandTest.application(HOLDER, PARCEL_A, FROM, UNTIL), AT))
                .expectEvents(appliedBy(SUCCESSOR));
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(signed(SUCCESSOR, OWN, new LandCommands.WithdrawLandApplication(ZONE, A1), AT))
                .expectEvents(new LandEvents.LandApplicationWithdrawn(ZONE, A1, HOLDER, AT, SUCCESSOR));
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(signed(SUCCESSOR, OWN, new LandCommands.ReportLandFeePaid(ZONE, L1, FEE, RECEIPT_SHA), noonOn(FEE_DUE_BY)))
                .expectEvents(new LandEvents.LandFeePaymentReported(ZONE, L1, HOLDER, FEE, RECEIPT_SHA, noonOn(FEE_DUE_BY), SUCCESSOR));
    }

    @Test
    @DisplayName("003 art. 12.1, 22.2, 22.5; 001 art. 23.1.1 (F524; ADR 0035 items 103, 105): abuse: a representative whose grant names "
            + "another company (6009876) applies for land, withdraws or reports the fee for the entity 6001234, whose registration they did not "
            + "sign: refused 403 identity.representative-of-another-company (F507's code, asked first), no event")
    void a_grant_naming_another_company_does_not_act_for_the_entitys_land() {
        refusedForAnotherCompany(SUCCESSOR);
    }

    @Test
    @DisplayName("003 art. 12.1, 22.2; 001 art. 23.1.1 (F524, ADR 0035 item 103): abuse: the person who signed the entity's registration, "
            + "whose grant now names another company, still does not apply, withdraw or report for it (F507: 403 "
            + "identity.representative-of-another-company), no event")
    void the_person_who_applied_representing_another_company_now_is_still_refused() {
        refusedForAnotherCompany(REPRESENTATIVE);
    }

    /** {@code signer}, on a grant naming another company, applies, withdraws and reports the fee for the entity: each refused (F507's code), no event. */
    private void refusedForAnotherCompany(PersonId signer) {
        fixture.given().when(signed(signer, ANOTHER, ZoneLandTest.application(HOLDER, PARCEL_A, FROM, UNTIL), AT))
                .expectException(problem(RepresentativesCompany.ANOTHER_COMPANY, "applicant", OWN_ENTITY_ARTICLE))
                .expectNoEvents();
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(signed(signer, ANOTHER, new LandCommands.WithdrawLandApplication(ZONE, A1), AT))
                .expectException(problem(RepresentativesCompany.ANOTHER_COMPANY, "applicationId", OWN_ENTITY_ARTICLE))
                .expectNoEvents();
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(signed(signer, ANOTHER, new LandCommands.ReportLandFeePaid(ZONE, L1, FEE, RECEIPT_SHA), noonOn(FEE_DUE_BY)))
                .expectException(problem(RepresentativesCompany.ANOTHER_COMPANY, "licenceId", OWN_ENTITY_FEE_ARTICLE))
                .expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.1, 22.2; 001 art. 23.1.1 (F524, ADR 0035 item 103): abuse: a grant naming 6001234 that ended before the "
            + "registry's receipt, or is in force only from after it, folded as the registry folds the signer's standing, makes nobody the "
            + "entity's representative: 403 freezone.not-representative, no event")
    void only_the_grant_in_force_at_the_receipt_counts(com.mongodb.client.MongoDatabase database) {
        org.axonframework.eventsourcing.eventstore.EmbeddedEventStore events = org.axonframework.eventsourcing.eventstore.EmbeddedEventStore
                .builder().storageEngine(new org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine()).build();
        try {
            PersonId ended = new PersonId("applicant-30-ended");
            PersonId later = new PersonId("applicant-30-later");
            PersonId supervisor = new PersonId("supervisor-1");
            String certificate = "ab".repeat(32);
            Instant enrolled = AT.minusSeconds(86_400);
            publish(events, ended, new mn.registry.kernel.identity.PersonEnrolled(ended, "Former representative", certificate, "AAAA", enrolled),
                    new mn.registry.kernel.identity.RoleGranted(ended, Role.APPLICANT, null, enrolled, supervisor, "enrolment", "0d".repeat(32), OWN),
                    new mn.registry.kernel.identity.RoleRevoked(ended, Role.APPLICANT, null, AT.minusSeconds(60), supervisor, "power withdrawn"));
            publish(events, later, new mn.registry.kernel.identity.PersonEnrolled(later, "Future representative", certificate, "AAAA", enrolled),
                    new mn.registry.kernel.identity.RoleGranted(later, Role.APPLICANT, null, AT.plusSeconds(3_600), supervisor, "enrolment",
                            "0e".repeat(32), OWN));
            mn.registry.infrastructure.identity.IdentityDirectory directory = new mn.registry.infrastructure.identity.IdentityDirectory(events,
                    new mn.registry.infrastructure.privacy.PersonalDataVault(database, java.time.Clock.systemUTC()));
            for (PersonId person : java.util.List.of(ended, later)) {
                String company = directory.signerAt(person, certificate, AT).orElseThrow().actor().company();
                assertThat(company).as(person + "'s grant is not in force at the receipt").isNull();
                fixture.given().when(signed(person, company, ZoneLandTest.application(HOLDER, PARCEL_A, FROM, UNTIL), AT))
                        .expectException(problem(NOT_REPRESENTATIVE, "applicant", "003 art. 12.1, 22.2")).expectNoEvents();
                fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                        .when(signed(person, company, new LandCommands.WithdrawLandApplication(ZONE, A1), AT))
                        .expectException(problem(NOT_REPRESENTATIVE, "applicant", "003 art. 12.1, 22.2")).expectNoEvents();
                fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL))
                        .when(signed(person, company, new LandCommands.ReportLandFeePaid(ZONE, L1, FEE, RECEIPT_SHA), noonOn(FEE_DUE_BY)))
                        .expectException(problem(NOT_REPRESENTATIVE, "licenceId", "003 art. 12.1, 22.5")).expectNoEvents();
            }
        } finally {
            events.shutDown();
        }
    }

    @Test
    @DisplayName("003 art. 12.1, 22.2 (F524, ADR 0035 item 103): a foreign entity has no Mongolian number a grant can name: a representative "
            + "who did not sign its registration, whose grant names none, is refused freezone.not-representative; its registration's signer "
            + "applies as before")
    void a_foreign_entity_keeps_only_the_person_who_applied() {
        RegistrationId foreign = RegistrationId.of(ZONE, new LegalEntity("Erenhot Logistics Co", Jurisdiction.FOREIGN, "CN", "91150000"));
        services.standing = ZoneLandTest.registered(foreign);
        fixture.given().when(signed(SUCCESSOR, null, ZoneLandTest.application(foreign, PARCEL_A, FROM, UNTIL), AT))
                .expectException(problem(NOT_REPRESENTATIVE, "applicant", "003 art. 12.1, 22.2")).expectNoEvents();
        fixture.given().when(signed(REPRESENTATIVE, null, ZoneLandTest.application(foreign, PARCEL_A, FROM, UNTIL), AT))
                .expectSuccessfulHandlerExecution();
    }

    /** The holder's page's answer at {@code at} for {@code person} signed in, whose grant now names {@code company}, on these events. */
    private mn.registry.kernel.freezone.LandActs pageAt(Instant at, PersonId person, String company, Object... events) {
        org.axonframework.config.Configuration axon = landRegisters(services);
        try {
            for (int i = 0; i < events.length; i++) {
                axon.eventStore().publish(new org.axonframework.eventhandling.GenericDomainEventMessage<>("ZoneLand", ZONE.landStream(), i, events[i]));
            }
            return new LandActsNow(java.time.Clock.fixed(at, java.time.ZoneOffset.UTC), services, axon.eventStore(), () -> axon.repository(ZoneLand.class))
                    .foldedNow(ZONE, person, company).orElseThrow().answer();
        } finally {
            axon.shutdown();
        }
    }

    private mn.registry.kernel.freezone.LandActs.Verdict applicationOnThePage(PersonId person, String company) {
        org.axonframework.config.Configuration axon = landRegisters(services);
        try {
            return new LandActsNow(java.time.Clock.fixed(AT, java.time.ZoneOffset.UTC), services, axon.eventStore(), () -> axon.repository(ZoneLand.class))
                    .applicationBy(ZONE, HOLDER, person, company);
        } finally {
            axon.shutdown();
        }
    }

    @Test
    @DisplayName("003 art. 12.1, 22.2, 22.5; 001 art. 23.1.1 (F525, was O367; ADR 0035 item 104): the holder's page's verdicts judge the "
            + "signed-in person's grant now with its company, as the register does: the person who applied, now representing 6009876, is "
            + "offered no application, withdrawal or report (identity.representative-of-another-company); the entity's new representative "
            + "(grant naming 6001234) is offered all three; each verdict agrees with the register's act")
    void the_holders_page_judges_the_signers_company_as_the_register_does() {
        Object[] pending = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL)};
        Object[] granted = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL)};
        Instant dueDay = noonOn(FEE_DUE_BY);
        for (Object[] c : new Object[][]{{REPRESENTATIVE, ANOTHER, RepresentativesCompany.ANOTHER_COMPANY}, {SUCCESSOR, OWN, null},
                {SUCCESSOR, ANOTHER, RepresentativesCompany.ANOTHER_COMPANY}, {SUCCESSOR, null, NOT_REPRESENTATIVE}, {REPRESENTATIVE, null, null}}) {
            PersonId person = (PersonId) c[0];
            String company = (String) c[1];
            String refusedWith = (String) c[2];
            mn.registry.kernel.freezone.LandActs.Verdict application = applicationOnThePage(person, company);
            mn.registry.kernel.freezone.LandActs.Verdict withdrawal = pageAt(AT, person, company, pending).withdrawalOf(A1).orElseThrow();
            mn.registry.kernel.freezone.LandActs.Verdict report = pageAt(dueDay, person, company, granted).reportOf(L1).orElseThrow();
            for (mn.registry.kernel.freezone.LandActs.Verdict verdict : java.util.List.of(application, withdrawal, report)) {
                assertThat(verdict.refusedWith()).as(person + " representing " + company).isEqualTo(refusedWith);
            }
            agrees(application, new Object[0], signed(person, company, ZoneLandTest.application(HOLDER, PARCEL_A, FROM, UNTIL), AT));
            agrees(withdrawal, pending, signed(person, company, new LandCommands.WithdrawLandApplication(ZONE, A1), AT));
            agrees(report, granted, signed(person, company, new LandCommands.ReportLandFeePaid(ZONE, L1, FEE, RECEIPT_SHA), dueDay));
        }
    }

    private static void publish(org.axonframework.eventsourcing.eventstore.EventStore events, PersonId person, Object... stream) {
        for (int i = 0; i < stream.length; i++) {
            events.publish(new org.axonframework.eventhandling.GenericDomainEventMessage<>("Person",
                    mn.registry.infrastructure.identity.IdentityDirectory.streamOf(person), i, stream[i]));
        }
    }
}
