package mn.registry.freezone.query;

import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.identity.IdentityDirectory;
import mn.registry.infrastructure.privacy.PersonalDataVault;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.RepresentativesCompanyStated;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.money.Money;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 31, the zone's readers (ADR 0035 item 125, the lead's reading, choice; abuse audit F527, was O413): a former representative whose
 * grant naming the entity ended (and who holds the applicant's role again naming none, as a grant stored before F520 could) reads the rounds
 * they signed as they stood when the grant ceased to name the entity, read from their identity stream by {@link IdentityDirectory}; a signer
 * whose grant never named the entity reads as before (ADR 0013 §5). Both the page and {@code GET /api/applicant/registrations[/{id}]} read
 * {@link ApplicantRegistrations#forApplicant(String, PersonId, String)} and {@code ofApplicant}.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class FreeZoneAbuseRound33ReadersTest {

    static final PersonId FORMER = new PersonId("applicant-33-former");
    static final PersonId SUCCESSOR = new PersonId("applicant-33-successor");
    static final PersonId LEGACY = new PersonId("applicant-33-legacy");
    static final PersonId SUPERVISOR = new PersonId("supervisor-1");
    static final PersonId GOVERNOR = GovernorDeskTest.GOVERNOR;
    static final String OWN = "5123456"; // Gobi Trade LLC's number (GovernorDeskTest.GOBI)
    static final String ANOTHER = "5999999";
    static final LocalDate RECEIVED_ON = LocalDate.of(2026, 11, 20);
    /** Granted naming the entity; ended (stored) at {@link #ENDED}; granted again naming none at {@link #AGAIN}. */
    static final Instant GRANTED = Instant.parse("2026-11-01T01:00:00Z");
    static final Instant ENDED = Instant.parse("2026-12-10T02:00:00Z");
    static final Instant AGAIN = Instant.parse("2026-12-20T02:00:00Z");
    static final GeoPolygon LOT = GeoPolygon.of(111.85, 43.70, 111.86, 43.70, 111.86, 43.71);
    static final String NEW_REPRESENTATIVES_PURPOSE = "cold store of the new representative";

    private ApplicantRegistrationProjection projection;
    private ApplicantRegistrations registrations;
    private EmbeddedEventStore identities;
    private long sequence;
    private final RegistrationId gobi = RegistrationId.of(GovernorDeskTest.ZONE, GovernorDeskTest.GOBI);
    private final RegistrationId erlian = RegistrationId.of(GovernorDeskTest.ZONE, GovernorDeskTest.ERLIAN);

    @BeforeEach
    void fresh(MongoDatabase database) {
        projection = new ApplicantRegistrationProjection(database);
        identities = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        registrations = new ApplicantRegistrations(database, new IdentityDirectory(identities, new PersonalDataVault(database, Clock.systemUTC())));
        sequence = 0;
        person(FORMER, new RoleGranted(FORMER, Role.APPLICANT, null, GRANTED, SUPERVISOR, "enrolment", "ab".repeat(32), OWN),
                new RoleRevoked(FORMER, Role.APPLICANT, null, ENDED, SUPERVISOR, "power of representation ended", ENDED, "cd".repeat(32)),
                new RoleGranted(FORMER, Role.APPLICANT, null, AGAIN, SUPERVISOR, "enrolment", "ef".repeat(32), null));
        person(LEGACY, new RoleGranted(LEGACY, Role.APPLICANT, null, GRANTED, SUPERVISOR, "enrolment", "ab".repeat(32), null));
        person(SUCCESSOR, new RoleGranted(SUCCESSOR, Role.APPLICANT, null, ENDED, SUPERVISOR, "enrolment", "12".repeat(32), OWN));
        // the rounds: Gobi (Mongolian, 5123456) and Erlian (foreign) applied for by the signer, registered before the grant ended
        deliver(applied(GovernorDeskTest.GOBI, Activity.TRADE, RECEIVED_ON, FORMER), FORMER);
        deliver(GovernorDeskTest.registered(GovernorDeskTest.GOBI, Activity.TRADE, RECEIVED_ON.plusDays(2)), GOVERNOR);
        deliver(applied(GovernorDeskTest.ERLIAN, Activity.PRODUCTION, RECEIVED_ON, FORMER), FORMER);
        deliver(GovernorDeskTest.registered(GovernorDeskTest.ERLIAN, Activity.PRODUCTION, RECEIVED_ON.plusDays(2)), GOVERNOR);
        // before the end: the signer's own land application, granted
        deliver(landApplied(gobi, 1, "depot", Instant.parse("2026-12-01T01:00:00Z"), FORMER), FORMER);
        deliver(granted(gobi, 1, Instant.parse("2026-12-05T01:00:00Z")), GOVERNOR);
        // from the end on: the entity's new representative's acts, and the decisions on them and on the registration
        deliver(landApplied(gobi, 2, NEW_REPRESENTATIVES_PURPOSE, ENDED, SUCCESSOR), SUCCESSOR);
        deliver(new LandEvents.LandFeePaymentReported(GovernorDeskTest.ZONE, LandLicenceId.of(GovernorDeskTest.ZONE, 1), gobi, Money.mnt(90_000_000),
                "34".repeat(32), Instant.parse("2026-12-15T01:00:00Z"), SUCCESSOR), SUCCESSOR);
        deliver(new LandEvents.LandUseRefused(GovernorDeskTest.ZONE, LandApplicationId.of(GovernorDeskTest.ZONE, 2), gobi,
                List.of("the parcel is reserved for the customs yard"), "003 art. 22.2", Instant.parse("2026-12-18T01:00:00Z"), GOVERNOR), GOVERNOR);
        deliver(new RegistrationEvents.EntityDeregistered(gobi, GovernorDeskTest.ZONE, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3",
                "the entity was dissolved", Instant.parse("2027-01-10T01:00:00Z"), true, false, GOVERNOR), GOVERNOR);
        deliver(landApplied(erlian, 3, "yard of the foreign entity", Instant.parse("2026-12-15T02:00:00Z"), LEGACY), LEGACY);
    }

    private void person(PersonId person, Object... events) {
        for (int i = 0; i < events.length; i++) {
            identities.publish(new GenericDomainEventMessage<>("Person", IdentityDirectory.streamOf(person), i, events[i]));
        }
    }

    private void deliver(Object event, PersonId signer) {
        RegistrationId id = event instanceof LandEvents.LandUseApplied l ? l.applicant() : event instanceof LandEvents.LandRightsGranted g ? g.holder()
                : event instanceof LandEvents.LandFeePaymentReported f ? f.holder() : event instanceof LandEvents.LandUseRefused r ? r.applicant()
                : event instanceof RegistrationEvents.ZoneRegistrationApplied a ? a.registrationId()
                : event instanceof RegistrationEvents.EntityRegistered e ? e.registrationId() : ((RegistrationEvents.EntityDeregistered) event).registrationId();
        projection.on(event, new GenericDomainEventMessage<>("ZoneRegistration", id.value(), sequence++, event, MetaData.with("signedBy", signer.value())));
    }

    /** An application for {@code entity} signed by {@code signer} (the projection lists its applicants by the event's signer). */
    static RegistrationEvents.ZoneRegistrationApplied applied(mn.registry.kernel.freezone.LegalEntity entity, Activity activity, LocalDate receivedOn,
                                                             PersonId signer) {
        LocalDate due = receivedOn.plusDays(7);
        return new RegistrationEvents.ZoneRegistrationApplied(RegistrationId.of(GovernorDeskTest.ZONE, entity), GovernorDeskTest.ZONE, entity, activity,
                List.of(), receivedOn.atTime(9, 0).atZone(mn.registry.kernel.calendar.UlaanbaatarTime.ZONE).toInstant(), due,
                mn.registry.kernel.calendar.UlaanbaatarTime.endOf(due).toInstant(), mn.registry.kernel.calendar.WorkingDays.of(5),
                new mn.registry.kernel.calendar.CalendarVersion("MN-2024.1"), "003 art. 12.2", signer);
    }

    static LandEvents.LandUseApplied landApplied(RegistrationId applicant, int n, String purpose, Instant at, PersonId signer) {
        return new LandEvents.LandUseApplied(GovernorDeskTest.ZONE, LandApplicationId.of(GovernorDeskTest.ZONE, n), applicant, "Lot " + n, LOT,
                new BigDecimal("40.2"), purpose, LocalDate.of(2027, 1, 1), LocalDate.of(2030, 12, 31), LandCommands.AllocationMethod.AUCTION, at, signer);
    }

    static LandEvents.LandRightsGranted granted(RegistrationId holder, int n, Instant at) {
        return new LandEvents.LandRightsGranted(GovernorDeskTest.ZONE, LandLicenceId.of(GovernorDeskTest.ZONE, n), holder, "Lot " + n, LOT,
                new BigDecimal("40.2"), "depot", LocalDate.of(2027, 1, 1), LocalDate.of(2030, 12, 31), LandCommands.AllocationMethod.AUCTION,
                Money.mnt(90_000_000), "d", at, GOVERNOR, LandApplicationId.of(GovernorDeskTest.ZONE, n), LocalDate.of(2026, 12, 31));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> page, String key) {
        return (List<Map<String, Object>>) page.get(key);
    }

    @Test
    @DisplayName("003 art. 12.1; 001 art. 23.1.1; ADR 0013 §5 (F527, was O413; ADR 0035 item 125, choice): abuse: a former representative "
            + "whose grant naming the entity ended (names none now) reads the rounds they signed only as they stood when it ended: not the new "
            + "representative's acts nor the decisions after it")
    void a_former_representative_reads_the_rounds_they_signed_until_their_grant_ended() {
        Map<String, Object> page = registrations.forApplicant(gobi.value(), FORMER, null).orElseThrow();
        assertThat(page.get("status")).as("registered when the grant ended; deregistered after").isEqualTo("REGISTERED");
        assertThat(page.get("readUntil")).isEqualTo(ENDED.toString());
        assertThat(page.get("readUntilUlaanbaatar")).isEqualTo("2026-12-10T10:00+08:00");
        assertThat(list(page, "landApplications")).singleElement().satisfies(a -> {
            assertThat(a.get("applicationId")).isEqualTo("zamyn-uud-A1");
            assertThat(a.get("licenceStatus")).as("the new representative's fee report is not theirs").isEqualTo("FEE_DUE");
        });
        assertThat(list(page, "decisions")).extracting(d -> d.get("type")).containsExactly("EntityRegistered", "LandRightsGranted");
        assertThat(page.toString()).doesNotContain(NEW_REPRESENTATIVES_PURPOSE, SUCCESSOR.value(), "customs yard", "dissolved");
        assertThat(registrations.ofApplicant(FORMER, null)).filteredOn(row -> gobi.value().equals(row.get("registrationId")))
                .singleElement().satisfies(row -> assertThat(row.get("status")).isEqualTo("REGISTERED"));
        // the entity's representative now reads it whole
        Map<String, Object> successors = registrations.forApplicant(gobi.value(), SUCCESSOR, OWN).orElseThrow();
        assertThat(successors.get("status")).isEqualTo("DEREGISTERED");
        assertThat(successors).doesNotContainKey("readUntil");
        assertThat(list(successors, "landApplications")).hasSize(2);
    }

    @Test
    @DisplayName("003 art. 12.1; ADR 0013 §5 (F527; ADR 0035 item 125): a signer whose grant never named the entity, and a foreign entity's "
            + "signer, read the rounds they signed whole, as before")
    void a_signer_whose_grant_never_named_the_entity_reads_as_before() {
        Map<String, Object> foreign = registrations.forApplicant(erlian.value(), FORMER, null).orElseThrow();
        assertThat(foreign).doesNotContainKey("readUntil");
        assertThat(list(foreign, "landApplications")).as("a foreign entity has no number a grant names").hasSize(1);
        // a Mongolian entity's round signed by a person whose grant (stored before F520) never named a company
        RegistrationId altai = RegistrationId.of(GovernorDeskTest.ZONE, GovernorDeskTest.ALTAI);
        deliver(applied(GovernorDeskTest.ALTAI, Activity.HOTEL, RECEIVED_ON, LEGACY), LEGACY);
        deliver(GovernorDeskTest.registered(GovernorDeskTest.ALTAI, Activity.HOTEL, RECEIVED_ON.plusDays(2)), GOVERNOR);
        deliver(landApplied(altai, 4, NEW_REPRESENTATIVES_PURPOSE, ENDED.plusSeconds(3600), SUCCESSOR), SUCCESSOR);
        Map<String, Object> page = registrations.forApplicant(altai.value(), LEGACY, null).orElseThrow();
        assertThat(page).doesNotContainKey("readUntil");
        assertThat(list(page, "landApplications")).singleElement().satisfies(a -> assertThat(a.get("purpose")).isEqualTo(NEW_REPRESENTATIVES_PURPOSE));
    }

    @Test
    @DisplayName("003 art. 12.1; ADR 0013 §5 (F527; ADR 0035 item 125): a round the former representative signs after their grant ended is "
            + "their own and read whole; the acts between the end and it are not")
    void a_round_signed_after_the_end_is_read_whole() {
        deliver(applied(GovernorDeskTest.GOBI, Activity.TRADE, LocalDate.of(2027, 2, 1), FORMER), FORMER);
        Map<String, Object> page = registrations.forApplicant(gobi.value(), FORMER, null).orElseThrow();
        assertThat(page.get("status")).isEqualTo("APPLIED");
        assertThat(page).doesNotContainKey("readUntil");
        assertThat(list(page, "applications")).hasSize(2);
        assertThat(page.toString()).doesNotContain(NEW_REPRESENTATIVES_PURPOSE, "dissolved");
    }

    @Test
    @DisplayName("001 art. 23.1.1 (F527; ADR 0035 item 125): the time a grant ceased to name the company is read from the person's stream: "
            + "its end, or the grant or statement that replaced it; none while it names it, or if it never did")
    void the_end_of_a_grant_naming_the_company() {
        Instant t0 = GRANTED;
        Instant t1 = ENDED;
        Instant t2 = AGAIN;
        RoleGranted naming = new RoleGranted(FORMER, Role.APPLICANT, null, t0, SUPERVISOR, "enrolment", "ab".repeat(32), OWN);
        RoleRevoked end = new RoleRevoked(FORMER, Role.APPLICANT, null, t1, SUPERVISOR, "ended", t1, "cd".repeat(32));
        assertThat(IdentityDirectory.representationEnded(List.<Object>of(naming), OWN)).as("names it now").isEmpty();
        assertThat(IdentityDirectory.representationEnded(List.<Object>of(naming, end), OWN)).contains(t1);
        assertThat(IdentityDirectory.representationEnded(List.<Object>of(naming, end), ANOTHER)).as("never named").isEmpty();
        RoleGranted another = new RoleGranted(FORMER, Role.APPLICANT, null, t2, SUPERVISOR, "enrolment", "ef".repeat(32), ANOTHER);
        assertThat(IdentityDirectory.representationEnded(List.<Object>of(naming, end, another), OWN)).as("ended, then another company's").contains(t1);
        RoleGranted again = new RoleGranted(FORMER, Role.APPLICANT, null, t2, SUPERVISOR, "enrolment", "ef".repeat(32), OWN);
        assertThat(IdentityDirectory.representationEnded(List.<Object>of(naming, end, again), OWN)).as("named again").isEmpty();
        RoleGranted none = new RoleGranted(FORMER, Role.APPLICANT, null, t0, SUPERVISOR, "enrolment", "ab".repeat(32), null);
        RepresentativesCompanyStated stated = new RepresentativesCompanyStated(FORMER, OWN, "12".repeat(32), t0.plusSeconds(60), SUPERVISOR);
        assertThat(IdentityDirectory.representationEnded(List.<Object>of(none, stated, end), OWN)).as("a stated company, then the end").contains(t1);
        assertThat(IdentityDirectory.representationEnded(List.<Object>of(none), OWN)).as("a grant naming none").isEmpty();
    }
}
