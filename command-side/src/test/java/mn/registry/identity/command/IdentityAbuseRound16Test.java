package mn.registry.identity.command;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.infrastructure.identity.Actor;
import mn.registry.infrastructure.identity.IdentityDirectory;
import mn.registry.infrastructure.privacy.PersonalDataVault;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.RepresentativesCompanyStated;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.identity.StateRepresentativesCompany;
import mn.registry.store.mongo.GaplessEventStorageEngine;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.store.testing.TestSealingKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static mn.registry.identity.command.PersonCertificateRevocationTest.problem;
import static mn.registry.identity.command.PersonEnrolmentTest.AT;
import static mn.registry.identity.command.PersonEnrolmentTest.DOCUMENT;
import static mn.registry.identity.command.PersonEnrolmentTest.FIRST;
import static mn.registry.identity.command.PersonEnrolmentTest.PERSON;
import static mn.registry.identity.command.PersonEnrolmentTest.SUPERVISOR;
import static mn.registry.identity.command.PersonEnrolmentTest.T0;
import static mn.registry.identity.command.PersonEnrolmentTest.fingerprint;
import static mn.registry.identity.command.PersonEnrolmentTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 31, identity round 16 (ADR 0061 items 68-73): the staff's list of the representatives' grants naming no company (F534, was O417),
 * the directory's company of the grant in force computed once (the same answers), and the statement of a grant's company refused to the
 * representative themselves (F539) and to an official whose own grant names the company stated (F563). In the browser:
 * {@code IdentityRound16BrowserTest} (standalone).
 */
@ExtendWith(EmbeddedMongoExtension.class)
class IdentityAbuseRound16Test {

    private static final String POWER = "5f".repeat(32);
    private static final String COMPANY = "6316001";
    private static final String OTHER_COMPANY = "6316002";
    private static final PersonEnrolled ENROLLED = new PersonEnrolled(PERSON, "Representative Seven", fingerprint(FIRST), "AAAA", T0);
    private static final RoleGranted NAMING_NONE = new RoleGranted(PERSON, Role.APPLICANT, null, T0, SUPERVISOR, "appointed", DOCUMENT);

    private static CommandMessage<Object> statement(String company, PersonId signer, String signersCompany) {
        return SignedCommandContext.message(new StateRepresentativesCompany(PERSON, company, POWER),
                new CommandContext("state-company", AT, AT, signer, Set.of(Role.MINISTRY_SUPERVISOR), Set.of(), "ab".repeat(32), signersCompany));
    }

    /** A person's stream of {@code events}, each dated by its own payload, stored under {@code person-<id>}. */
    private static void stored(EmbeddedEventStore store, String stream, Object... events) {
        for (int i = 0; i < events.length; i++) {
            store.publish(new GenericDomainEventMessage<>("Person", stream, i, events[i]));
        }
    }

    private static PersonEnrolled enrolled(String id) {
        return new PersonEnrolled(new PersonId(id), "Person " + id, "a0".repeat(32), "AAAA", T0);
    }

    private static RoleGranted representative(String id, String company) {
        return new RoleGranted(new PersonId(id), Role.APPLICANT, null, T0, SUPERVISOR, "appointed", DOCUMENT, company);
    }

    @Test
    @DisplayName("001 art. 23.1.1; 002 art. 23.2 (F534, was O417; ADR 0061 item 68): the staff's list of the representatives' grants in force "
            + "naming no company, from the persons' streams: a grant naming none (signed or at start-up) is listed; one naming its company, one "
            + "given its company by a statement received by then, one ended, an official's, and a stream of another kind are not")
    void the_grants_naming_no_company_are_listed_from_the_persons_streams(MongoDatabase database) {
        // an end takes effect when stored (ADR 0061 item 9): the store's clock stores rep-ended's at T0 + 300 s
        GaplessEventStorageEngine engine = engine(database, T0.plusSeconds(300));
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        Instant stated = T0.plusSeconds(600);
        stored(store, "person-rep-none", enrolled("rep-none"), representative("rep-none", null));
        stored(store, "person-rep-startup", enrolled("rep-startup"), new RoleGranted(new PersonId("rep-startup"), Role.APPLICANT, null,
                T0.plusSeconds(60), null, "start-up enrolment"));
        stored(store, "person-rep-named", enrolled("rep-named"), representative("rep-named", COMPANY));
        stored(store, "person-rep-stated", enrolled("rep-stated"), representative("rep-stated", null),
                new RepresentativesCompanyStated(new PersonId("rep-stated"), OTHER_COMPANY, POWER, stated, SUPERVISOR));
        stored(store, "person-rep-ended", enrolled("rep-ended"), representative("rep-ended", null),
                new RoleRevoked(new PersonId("rep-ended"), Role.APPLICANT, null, T0.plusSeconds(300), SUPERVISOR, "power ended"));
        stored(store, "person-reviewer-9", enrolled("reviewer-9"), new RoleGranted(new PersonId("reviewer-9"), Role.MINISTRY_REVIEWER, null, T0,
                SUPERVISOR, "appointed", DOCUMENT));
        stored(store, "personal-note", "not a person's stream");
        IdentityDirectory directory = new IdentityDirectory(store, org.mockito.Mockito.mock(PersonalDataVault.class), engine);

        assertThat(directory.grantsNamingNoCompanyAt(stated.minusSeconds(1))).extracting(g -> g.person().value())
                .as("before the statement's receipt rep-stated acted for any company").containsExactly("rep-none", "rep-startup", "rep-stated");
        List<IdentityDirectory.GrantNamingNoCompany> now = directory.grantsNamingNoCompanyAt(stated.plusSeconds(1));
        assertThat(now).extracting(g -> g.person().value()).containsExactly("rep-none", "rep-startup");
        assertThat(now.get(0).grantedBy()).isEqualTo(SUPERVISOR);
        assertThat(now.get(1).grantedBy()).as("the start-up enrolment signs nothing").isNull();
        assertThat(now.get(1).validFrom()).isEqualTo(T0.plusSeconds(60));
        assertThat(directory.grantsNamingNoCompanyAt(T0.minusSeconds(1))).as("no grant in force yet").isEmpty();
        assertThat(new IdentityDirectory(store, org.mockito.Mockito.mock(PersonalDataVault.class)).grantsNamingNoCompanyAt(stated))
                .as("a directory whose engine is not known lists nothing").isEmpty();
    }

    @Test
    @DisplayName("001 art. 23.1.1; 002 art. 23.2 (ADR 0061 items 49, 63, 70): the company of the grant in force, computed once per grant and "
            + "once per signer, answers as before: the signer's company is the grant in force's (named or stated) or none, and a grant read "
            + "for a transfer names the stated company")
    void the_company_of_the_grant_in_force_answers_as_before(MongoDatabase database) {
        RepresentativesCompanyStated statement = new RepresentativesCompanyStated(PERSON, COMPANY, POWER, AT, SUPERVISOR);
        Instant ended = AT.plusSeconds(3_600);
        List<List<Object>> histories = List.of(
                List.of(ENROLLED, NAMING_NONE),
                List.of(ENROLLED, NAMING_NONE, statement),
                List.of(ENROLLED, representative(PERSON.value(), OTHER_COMPANY)),
                List.of(ENROLLED, NAMING_NONE, statement, new RoleRevoked(PERSON, Role.APPLICANT, null, ended, SUPERVISOR, "ended"),
                        new RoleGranted(PERSON, Role.APPLICANT, null, ended.plusSeconds(60), null, "start-up enrolment")),
                List.of(ENROLLED, new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, T0, SUPERVISOR, "appointed", DOCUMENT), NAMING_NONE,
                        statement, new RoleRevoked(PERSON, Role.APPLICANT, null, ended, SUPERVISOR, "ended")));
        List<Instant> instants = List.of(T0.minusSeconds(1), T0, AT.minusSeconds(1), AT, ended.minusSeconds(1), ended, ended.plusSeconds(60),
                ended.plusSeconds(600));
        GaplessEventStorageEngine engine = engine(database, ended);
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        for (int h = 0; h < histories.size(); h++) {
            PersonId person = new PersonId("person-of-history-" + h);
            List<Object> history = new ArrayList<>();
            for (Object e : histories.get(h)) {
                history.add(onto(e, person));
            }
            stored(store, IdentityDirectory.streamOf(person), history.toArray());
            history = new ArrayList<>(); // as stored: an end in force from its storing
            store.readEvents(IdentityDirectory.streamOf(person)).asStream().map(e -> e.getPayload()).forEach(history::add);
            IdentityDirectory directory = new IdentityDirectory(store, org.mockito.Mockito.mock(PersonalDataVault.class), engine);
            for (Instant at : instants) {
                boolean represents = IdentityDirectory.grantsHeldAt(history, Role.APPLICANT, at).size() == 1;
                // main's answer: the company of the grant in force where the signer holds the applicant's role, else none
                String before = represents ? IdentityDirectory.companyOfTheGrantInForce(history, at) : null;
                Optional<Actor> actor = directory.actorAt(person, fingerprint(FIRST), at);
                assertThat(actor).as("history %d at %s", h, at).isPresent();
                assertThat(actor.get().company()).as("history %d at %s: the signer's company", h, at).isEqualTo(before);
                for (RoleGranted g : IdentityDirectory.grantsHeldAt(history, Role.APPLICANT, at)) {
                    String main = g.company() != null ? g.company() : IdentityDirectory.companyOfTheGrantInForce(history, at);
                    assertThat(g.company()).as("history %d at %s: the grant read for a transfer", h, at).isEqualTo(main);
                    assertThat(g.validFrom()).isNotNull();
                }
            }
        }
        assertThat(IdentityDirectory.grantsHeldAt(histories.get(1), Role.APPLICANT, AT)).singleElement()
                .satisfies(g -> assertThat(g.company()).isEqualTo(COMPANY));
        assertThat(IdentityDirectory.grantsHeldAt(histories.get(1), Role.APPLICANT, AT.minusSeconds(1))).singleElement()
                .satisfies(g -> assertThat(g.company()).isNull());
    }

    private static GaplessEventStorageEngine engine(MongoDatabase database, Instant clock) {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        GaplessEventStorageEngine engine = GaplessEventStorageEngine.builder().database(database).sealingKey(TestSealingKeys.sealingKey())
                .eventSerializer(serializer).snapshotSerializer(serializer).clock(java.time.Clock.fixed(clock, java.time.ZoneOffset.UTC)).build();
        engine.ensureIndexes();
        return engine;
    }

    /** {@code event} of {@link PersonEnrolmentTest#PERSON} as an event of {@code person}. */
    private static Object onto(Object event, PersonId person) {
        if (event instanceof PersonEnrolled p) {
            return new PersonEnrolled(person, p.displayName(), p.certificateSha256(), p.certificateBase64Der(), p.enrolledAt());
        }
        if (event instanceof RoleGranted g) {
            return new RoleGranted(person, g.role(), g.zoneId(), g.validFrom(), g.grantedBy(), g.ground(), g.documentSha256(), g.company());
        }
        if (event instanceof RoleRevoked r) {
            return new RoleRevoked(person, r.role(), r.zoneId(), r.validUntil(), r.revokedBy(), r.ground());
        }
        RepresentativesCompanyStated s = (RepresentativesCompanyStated) event;
        return new RepresentativesCompanyStated(person, s.company(), s.documentSha256(), s.statedAt(), s.statedBy());
    }

    @Test
    @DisplayName("001 art. 23.1.1; 002 art. 23.2 (F539; ADR 0061 item 71): abuse: a supervisor who also holds a representative's grant naming "
            + "no company states its company themselves, choosing on their own word the company they act for: refused identity.own-company-stated "
            + "on personId, nothing stored; another supervisor states it")
    void nobody_states_the_company_of_their_own_grant() {
        fixture().given(ENROLLED, NAMING_NONE)
                .when(statement(COMPANY, PERSON, null))
                .expectNoEvents().expectException(problem("identity.own-company-stated", "personId"));
        fixture().given(ENROLLED, NAMING_NONE)
                .when(statement(COMPANY, SUPERVISOR, null))
                .expectEvents(new RepresentativesCompanyStated(PERSON, COMPANY, POWER, AT, SUPERVISOR));
    }

    @Test
    @DisplayName("002 art. 23.2; 001 art. 23.1.1; domain-rules §1 (F563; ADR 0061 item 72): abuse: a supervisor whose own representative's "
            + "grant in force at the receipt names a company states that company for another person's grant, giving their company a "
            + "representative on their own word: refused identity.official-represents-the-company on company, nothing stored; their grant "
            + "naming another company, or none, does not refuse it")
    void an_official_does_not_state_their_own_company_for_another() {
        fixture().given(ENROLLED, NAMING_NONE)
                .when(statement(" " + COMPANY + " ", SUPERVISOR, COMPANY))
                .expectNoEvents().expectException(problem("identity.official-represents-the-company", "company"));
        fixture().given(ENROLLED, NAMING_NONE)
                .when(statement(COMPANY, SUPERVISOR, OTHER_COMPANY))
                .expectEvents(new RepresentativesCompanyStated(PERSON, COMPANY, POWER, AT, SUPERVISOR));
    }

    @Test
    @DisplayName("002 art. 23.2; 001 art. 23.1.1; domain-rules §1 (F564; ADR 0061 item 72): abuse: a supervisor whose own representative's "
            + "grant in force at the receipt names a company enrols another person as that company's representative: refused "
            + "identity.official-represents-the-company on company, nothing stored; an official's grant naming another company does not refuse it")
    void an_official_does_not_enrol_a_representative_of_their_own_company() {
        CommandMessage<Object> enrolment = SignedCommandContext.message(new mn.registry.kernel.identity.EnrolSigner(PERSON,
                PersonEnrolmentTest.pem(FIRST), Role.APPLICANT, DOCUMENT, COMPANY, null), new CommandContext("enrol", AT, AT, SUPERVISOR,
                Set.of(Role.MINISTRY_SUPERVISOR), Set.of(), "ab".repeat(32), COMPANY));
        fixture().givenNoPriorActivity().when(enrolment)
                .expectNoEvents().expectException(problem("identity.official-represents-the-company", "company"));
        CommandMessage<Object> another = SignedCommandContext.message(new mn.registry.kernel.identity.EnrolSigner(PERSON,
                PersonEnrolmentTest.pem(FIRST), Role.APPLICANT, DOCUMENT, COMPANY, null), new CommandContext("enrol", AT, AT, SUPERVISOR,
                Set.of(Role.MINISTRY_SUPERVISOR), Set.of(), "ab".repeat(32), OTHER_COMPANY));
        fixture().givenNoPriorActivity().when(another).expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.hamcrest.Matchers.instanceOf(PersonEnrolled.class), org.hamcrest.Matchers.instanceOf(RoleGranted.class),
                        org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    @DisplayName("001 art. 23.1.1; 002 art. 23.2 (ADR 0061 items 63, 73): held: a statement signed before the representative's role ended and "
            + "received after is judged at the receipt (refused identity.representative-grant-missing); a statement for a representative whose "
            + "certificate was revoked is stored (the grant is the person's: a certificate enrolled later signs for the company stated)")
    void the_statement_is_judged_at_its_receipt() {
        CommandMessage<Object> signedBefore = SignedCommandContext.message(new StateRepresentativesCompany(PERSON, COMPANY, POWER),
                new CommandContext("state-company", T0.plusSeconds(30), AT, SUPERVISOR, Set.of(Role.MINISTRY_SUPERVISOR), Set.of(), "ab".repeat(32)));
        fixture().given(ENROLLED, NAMING_NONE, new RoleRevoked(PERSON, Role.APPLICANT, null, T0.plusSeconds(60), SUPERVISOR, "ended"))
                .when(signedBefore)
                .expectNoEvents().expectException(problem("identity.representative-grant-missing", "personId"));
        fixture().given(ENROLLED, NAMING_NONE, new mn.registry.kernel.identity.SignerCertificateRevoked(PERSON, fingerprint(FIRST),
                        T0.plusSeconds(60), SUPERVISOR, "key lost", "c0".repeat(32), null))
                .when(statement(COMPANY, SUPERVISOR, null))
                .expectEvents(new RepresentativesCompanyStated(PERSON, COMPANY, POWER, AT, SUPERVISOR));
    }

    @Test
    @DisplayName("001 art. 23.1.1; 003 art. 8.2 (F535, was O401; ADR 0061 item 69): the staff's list of a person's grants and ends with "
            + "their orders: the order an enrolment, end or revocation names, one read from the archive, one stated since, none; a governor's "
            + "appointments recorded on a zone alone and the zone records' decisions; beside each order the persons its claim states")
    void a_persons_grants_and_ends_are_listed_with_their_orders(MongoDatabase database) {
        GaplessEventStorageEngine engine = engine(database, AT);
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        PersonId governor = new PersonId("governor-316");
        String named = "a1".repeat(32);
        String archived = "a2".repeat(32);
        String stated = "a3".repeat(32);
        String revocation = "a4".repeat(32);
        String decision = "a5".repeat(32);
        String zoneStated = "a6".repeat(32);
        String zoneStream = mn.registry.kernel.freezone.ZoneId.of("altanbulag").stream();
        stored(store, IdentityDirectory.streamOf(governor),
                enrolled("governor-316"),                                                                                   // 0
                new RoleGranted(governor, Role.MINISTRY_REVIEWER, null, T0, SUPERVISOR, "appointed", named),               // 1 named
                new RoleGranted(governor, Role.COMMUNICATIONS_INSPECTOR, null, T0, SUPERVISOR, "appointed"),                              // 2 archive
                new RoleRevoked(governor, Role.COMMUNICATIONS_INSPECTOR, null, T0.plusSeconds(60), SUPERVISOR, "dismissed"),              // 3 stated
                new mn.registry.kernel.identity.StoredActOrderStated(governor, 3, "end", Role.COMMUNICATIONS_INSPECTOR, null, stated, T0.plusSeconds(90),
                        new PersonId("cabinet-1"), null),                                                                  // 4
                new RoleRevoked(governor, Role.MINISTRY_REVIEWER, null, T0.plusSeconds(120), SUPERVISOR, "dismissed"),     // 5 none
                new mn.registry.kernel.identity.SignerCertificateRevoked(governor, fingerprint(FIRST), T0.plusSeconds(150), SUPERVISOR,
                        "key lost", revocation, null),                                                                     // 6
                new RoleGranted(governor, Role.ZONE_GOVERNOR, "altanbulag", T0, null, "first start"),                      // 7
                new mn.registry.kernel.identity.StoredActOrderStated(governor, 12, "grant", Role.ZONE_GOVERNOR, "altanbulag", zoneStated,
                        T0.plusSeconds(200), new PersonId("cabinet-1"), zoneStream));                                      // 8
        Person.OrdersOfStoredActs archive = stream -> java.util.Map.of(2L, archived);
        mn.registry.identity.api.ZoneRecordsOfAppointments zones = new mn.registry.identity.api.ZoneRecordsOfAppointments() {
            @Override
            public Set<String> appointmentDocuments(PersonId person, Set<String> inZones) {
                return person.equals(governor) && inZones.contains("altanbulag") ? Set.of(decision) : Set.of();
            }

            @Override
            public java.util.Map<Long, RecordNamingNoDocument> recordsNamingNoDocument(PersonId person, String zone) {
                return java.util.Map.of(12L, new RecordNamingNoDocument("grant", T0.plusSeconds(30)));
            }
        };
        java.util.Map<String, List<String>> claims = java.util.Map.of(named, List.of("governor-316", "reviewer-8"), stated, List.of("governor-316"),
                decision, List.of("governor-316"));
        List<mn.registry.kernel.identity.GrantsAndEndsOfAPerson.GrantOrEnd> listed = new PersonsGrantsAndEnds(store, archive, zones,
                order -> Optional.ofNullable(claims.get(order))).of(governor).orElseThrow();
        assertThat(listed).extracting(g -> g.sequence() + " " + g.act() + " " + g.role() + " " + g.order() + " " + g.orderFrom() + " "
                        + g.concerns() + " " + g.onTheZonesStream())
                .containsExactly(
                        "1 grant MINISTRY_REVIEWER " + named + " NAMED [governor-316, reviewer-8] null",
                        "2 grant COMMUNICATIONS_INSPECTOR " + archived + " ARCHIVE null null",
                        "3 end COMMUNICATIONS_INSPECTOR " + stated + " STATED [governor-316] null",
                        "5 end MINISTRY_REVIEWER null NONE null null",
                        "6 certificate-revoked null " + revocation + " NAMED null null",
                        "7 grant ZONE_GOVERNOR null NONE null null",
                        "12 grant ZONE_GOVERNOR " + zoneStated + " STATED null " + zoneStream,
                        "-1 grant ZONE_GOVERNOR " + decision + " NAMED [governor-316] " + zoneStream);
        assertThat(new PersonsGrantsAndEnds(store, archive, zones, order -> Optional.empty()).of(new PersonId("nobody-316"))).isEmpty();
        Person.OrdersOfStoredActs notReady = new Person.OrdersOfStoredActs() {
            @Override
            public java.util.Map<Long, String> ordersOf(String stream) {
                return java.util.Map.of();
            }

            @Override
            public java.util.Map<Long, String> ordersWithoutWaiting(String stream) {
                throw new mn.registry.kernel.problem.RegistryProblem(mn.registry.kernel.problem.RegistryProblem.Kind.UNAVAILABLE,
                        mn.registry.kernel.identity.StoredActsNamingNoOrder.NOT_READY, "not yet", null, "001 art. 23.1.1");
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PersonsGrantsAndEnds(store, notReady, zones, order -> Optional.empty())
                .of(governor)).as("a page does not wait for the start's pass").isInstanceOf(mn.registry.kernel.problem.RegistryProblem.class);
    }
}
