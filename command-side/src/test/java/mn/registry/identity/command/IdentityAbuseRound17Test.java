package mn.registry.identity.command;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.kernel.identity.EndSignerRole;
import mn.registry.kernel.identity.EnrolSigner;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.RepresentativesCompanyStated;
import mn.registry.kernel.identity.RevokeSignerCertificate;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.identity.SignerCertificateRevoked;
import mn.registry.kernel.identity.StateRepresentativesCompany;
import org.axonframework.commandhandling.CommandMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static mn.registry.identity.command.PersonCertificateRevocationTest.problem;
import static mn.registry.identity.command.PersonEnrolmentTest.AT;
import static mn.registry.identity.command.PersonEnrolmentTest.CABINET;
import static mn.registry.identity.command.PersonEnrolmentTest.DOCUMENT;
import static mn.registry.identity.command.PersonEnrolmentTest.FIRST;
import static mn.registry.identity.command.PersonEnrolmentTest.PERSON;
import static mn.registry.identity.command.PersonEnrolmentTest.SECOND;
import static mn.registry.identity.command.PersonEnrolmentTest.SUPERVISOR;
import static mn.registry.identity.command.PersonEnrolmentTest.T0;
import static mn.registry.identity.command.PersonEnrolmentTest.fingerprint;
import static mn.registry.identity.command.PersonEnrolmentTest.fixture;
import static mn.registry.identity.command.PersonEnrolmentTest.pem;

/**
 * Session 32, identity round 17 (ADR 0061 items 75-76): an official does not act on their own company's representative either way (item 72
 * refused giving; now the end of the role, the revocation of a certificate and a new certificate enrolled for them: F593, was O429; F595), and
 * an official whose own representative's grant names no company is tied to every company (F594, was O431). The governor's side (item 74,
 * F592, was O447) is {@code freezone.governor.IdentityAbuseRound17GovernorsTest}; in the browser {@code IdentityRound17BrowserTest}.
 */
class IdentityAbuseRound17Test {

    private static final String COMPANY = "6317001";
    private static final String OTHER_COMPANY = "6317002";
    private static final String END_ORDER = "e7".repeat(32);
    private static final String REPORT = "f7".repeat(32);
    private static final String POWER = "5f".repeat(32);
    private static final PersonEnrolled ENROLLED = new PersonEnrolled(PERSON, "Representative Seven", fingerprint(FIRST), "AAAA", T0);
    private static final RoleGranted OF_THE_COMPANY = new RoleGranted(PERSON, Role.APPLICANT, null, T0, SUPERVISOR, "appointed", DOCUMENT, COMPANY);
    private static final RoleGranted NAMING_NONE = new RoleGranted(PERSON, Role.APPLICANT, null, T0, SUPERVISOR, "appointed", DOCUMENT);

    /** A supervisor's context: their own representative's grant naming {@code company} (null with {@code representative}: naming none). */
    private static CommandContext supervisor(boolean representative, String company) {
        Set<Role> roles = representative ? Set.of(Role.MINISTRY_SUPERVISOR, Role.APPLICANT) : Set.of(Role.MINISTRY_SUPERVISOR);
        return new CommandContext("act-" + representative + "-" + company, AT, AT, SUPERVISOR, roles, Set.of(), "ab".repeat(32), company);
    }

    private static CommandMessage<Object> end(CommandContext context) {
        return SignedCommandContext.message(new EndSignerRole(PERSON, Role.APPLICANT, END_ORDER), context);
    }

    private static CommandMessage<Object> revocation(CommandContext context) {
        return SignedCommandContext.message(new RevokeSignerCertificate(PERSON, null, "key reported lost", REPORT), context);
    }

    private static CommandMessage<Object> newCertificate(CommandContext context) {
        return SignedCommandContext.message(new EnrolSigner(PERSON, pem(SECOND), null, DOCUMENT.replace('d', 'c')), context);
    }

    @Test
    @DisplayName("002 art. 23.2; 001 art. 23.1.1 (F593, was O429; ADR 0061 item 75): abuse: a supervisor whose own representative's grant "
            + "names a company ends the role of that company's representative, or revokes their certificate: refused "
            + "identity.official-represents-the-representatives-company on personId, nothing stored; so too where the company was stated for "
            + "the representative's grant; another supervisor, or one whose grant names another company, ends and revokes")
    void an_official_does_not_end_or_lock_out_their_own_companys_representative() {
        fixture().given(ENROLLED, OF_THE_COMPANY).when(end(supervisor(true, COMPANY)))
                .expectNoEvents().expectException(problem("identity.official-represents-the-representatives-company", "personId"));
        fixture().given(ENROLLED, OF_THE_COMPANY).when(revocation(supervisor(true, COMPANY)))
                .expectNoEvents().expectException(problem("identity.official-represents-the-representatives-company", "personId"));
        fixture().given(ENROLLED, NAMING_NONE, new RepresentativesCompanyStated(PERSON, COMPANY, POWER, T0.plusSeconds(60), CABINET))
                .when(end(supervisor(true, COMPANY)))
                .expectNoEvents().expectException(problem("identity.official-represents-the-representatives-company", "personId"));

        fixture().given(ENROLLED, OF_THE_COMPANY).when(end(supervisor(false, null)))
                .expectEvents(RoleRevoked.onDocument(PERSON, Role.APPLICANT, AT, SUPERVISOR, Person.ROLE_END_GROUND, END_ORDER));
        fixture().given(ENROLLED, OF_THE_COMPANY).when(end(supervisor(true, OTHER_COMPANY)))
                .expectEvents(RoleRevoked.onDocument(PERSON, Role.APPLICANT, AT, SUPERVISOR, Person.ROLE_END_GROUND, END_ORDER));
        fixture().given(ENROLLED, OF_THE_COMPANY).when(revocation(supervisor(true, OTHER_COMPANY)))
                .expectEvents(new SignerCertificateRevoked(PERSON, fingerprint(FIRST), AT, SUPERVISOR, "key reported lost", REPORT));
    }

    @Test
    @DisplayName("002 art. 23.2; 001 art. 23.1.1 (F595; ADR 0061 item 75): abuse: a supervisor whose own representative's grant names a "
            + "company enrols a new certificate for that company's representative, which replaces the representative's own: refused on "
            + "personId, nothing stored; another official enrols it, the old certificate revoked with it")
    void an_official_does_not_enrol_a_new_certificate_for_their_own_companys_representative() {
        fixture().given(ENROLLED, OF_THE_COMPANY).when(newCertificate(supervisor(true, COMPANY)))
                .expectNoEvents().expectException(problem("identity.official-represents-the-representatives-company", "personId"));
        fixture().given(ENROLLED, OF_THE_COMPANY).when(newCertificate(supervisor(true, OTHER_COMPANY))).expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.hamcrest.Matchers.instanceOf(PersonEnrolled.class), org.hamcrest.Matchers.instanceOf(SignerCertificateRevoked.class),
                        org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    @DisplayName("002 art. 23.2; 001 art. 23.1.1 (F594, was O431; ADR 0061 item 76): abuse: a supervisor whose own representative's grant "
            + "names no company (acting for any company) states a company for a representative, enrols one, ends a representative's role or "
            + "revokes their certificate: each refused identity.official-represents-any-company, nothing stored")
    void an_official_whose_grant_names_no_company_is_tied_to_every_company() {
        CommandContext namingNone = supervisor(true, null);
        fixture().given(ENROLLED, NAMING_NONE)
                .when(SignedCommandContext.message(new StateRepresentativesCompany(PERSON, OTHER_COMPANY, POWER), namingNone))
                .expectNoEvents().expectException(problem("identity.official-represents-any-company", "company"));
        fixture().givenNoPriorActivity()
                .when(SignedCommandContext.message(new EnrolSigner(PERSON, pem(FIRST), Role.APPLICANT, DOCUMENT, OTHER_COMPANY, null), namingNone))
                .expectNoEvents().expectException(problem("identity.official-represents-any-company", "company"));
        fixture().given(ENROLLED, OF_THE_COMPANY).when(end(namingNone))
                .expectNoEvents().expectException(problem("identity.official-represents-any-company", "personId"));
        fixture().given(ENROLLED, OF_THE_COMPANY).when(revocation(namingNone))
                .expectNoEvents().expectException(problem("identity.official-represents-any-company", "personId"));
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 items 75-76): held: the rules are about a representative's grant: the same supervisor ends another "
            + "role of a person (a reviewer's) and revokes the certificate of a person holding no representative's grant; a representative "
            + "revokes their own certificate; a representative whose role ended is no longer their company's")
    void the_rules_are_about_a_representatives_grant() {
        CommandContext namingNone = supervisor(true, null);
        RoleGranted reviewer = new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, T0, SUPERVISOR, "appointed", DOCUMENT);
        fixture().given(ENROLLED, reviewer, OF_THE_COMPANY)
                .when(SignedCommandContext.message(new EndSignerRole(PERSON, Role.MINISTRY_REVIEWER, END_ORDER), namingNone))
                .expectEvents(RoleRevoked.onDocument(PERSON, Role.MINISTRY_REVIEWER, AT, SUPERVISOR, Person.ROLE_END_GROUND, END_ORDER));
        fixture().given(ENROLLED, reviewer).when(revocation(supervisor(true, COMPANY)))
                .expectEvents(new SignerCertificateRevoked(PERSON, fingerprint(FIRST), AT, SUPERVISOR, "key reported lost", REPORT));
        CommandContext own = new CommandContext("own", AT, AT, PERSON, Set.of(Role.APPLICANT), Set.of(), "ab".repeat(32), COMPANY);
        fixture().given(ENROLLED, OF_THE_COMPANY)
                .when(SignedCommandContext.message(new RevokeSignerCertificate(PERSON, null, "my key is lost"), own))
                .expectEvents(new SignerCertificateRevoked(PERSON, fingerprint(FIRST), AT, PERSON, "my key is lost", null));
        fixture().given(ENROLLED, OF_THE_COMPANY, new RoleRevoked(PERSON, Role.APPLICANT, null, T0.plusSeconds(60), CABINET, "ended"))
                .when(revocation(supervisor(true, COMPANY)))
                .expectEvents(new SignerCertificateRevoked(PERSON, fingerprint(FIRST), AT, SUPERVISOR, "key reported lost", REPORT));
    }

    @Test
    @DisplayName("003 art. 8.2; 001 art. 23.1.1 (F596, was O432; ADR 0061 item 77): the staff's list of a governor's grants and ends shows the "
            + "decision of an appointment recorded on the zone alone with its number on the zone's stream, its time and its signer (item 69 "
            + "listed it with none); a decision cited on the person's stream is listed there once")
    void a_zone_records_appointment_is_listed_with_its_number_and_time() {
        org.axonframework.eventsourcing.eventstore.EmbeddedEventStore store = org.axonframework.eventsourcing.eventstore.EmbeddedEventStore.builder()
                .storageEngine(new org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine()).build();
        PersonId governor = new PersonId("governor-317");
        String cited = "c1".repeat(32);
        String alone = "c2".repeat(32);
        java.time.Instant appointed = T0.plusSeconds(600);
        Object[] stream = {new PersonEnrolled(governor, "Governor", "a0".repeat(32), "AAAA", T0),
                new RoleGranted(governor, Role.ZONE_GOVERNOR, "altanbulag", T0, null, "first start"),
                new RoleGranted(governor, Role.ZONE_GOVERNOR, "zamyn-uud", T0.plusSeconds(60), CABINET, "order 2026/9", cited)};
        for (int seq = 0; seq < stream.length; seq++) {
            store.publish(new org.axonframework.eventhandling.GenericDomainEventMessage<>("Person", "person-governor-317", seq, stream[seq]));
        }
        mn.registry.identity.api.ZoneRecordsOfAppointments zones = new mn.registry.identity.api.ZoneRecordsOfAppointments() {
            @Override
            public Set<String> appointmentDocuments(PersonId person, Set<String> inZones) {
                throw new AssertionError("the list reads the appointments with their numbers");
            }

            @Override
            public java.util.List<RecordedAppointment> appointmentsOnTheRecords(PersonId person, Set<String> inZones) {
                return inZones.contains("altanbulag") ? java.util.List.of(new RecordedAppointment("altanbulag", 6, appointed, CABINET, alone))
                        : java.util.List.of(new RecordedAppointment("zamyn-uud", 3, T0.plusSeconds(60), CABINET, cited));
            }
        };
        java.util.List<mn.registry.kernel.identity.GrantsAndEndsOfAPerson.GrantOrEnd> listed = new PersonsGrantsAndEnds(store,
                s -> java.util.Map.of(), zones, order -> java.util.Optional.of(java.util.List.of("governor-317"))).of(governor).orElseThrow();
        org.assertj.core.api.Assertions.assertThat(listed).extracting(g -> g.sequence() + " " + g.act() + " " + g.zoneId() + " " + g.at() + " "
                        + g.by() + " " + g.order() + " " + g.orderFrom() + " " + g.onTheZonesStream())
                .containsExactly(
                        "1 grant altanbulag " + T0 + " null null NONE null",
                        "2 grant zamyn-uud " + T0.plusSeconds(60) + " cabinet-1 " + cited + " NAMED null",
                        "6 grant altanbulag " + appointed + " cabinet-1 " + alone + " NAMED " + mn.registry.kernel.freezone.ZoneId.of("altanbulag").stream());
    }
}
