package mn.registry.identity.command;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.kernel.identity.EnrolSigner;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.PersonalDataErased;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.SignerCertificateRevoked;
import mn.registry.kernel.pki.CertificateAuthority;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.kernel.privacy.EncryptedPersonalData;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/** ADR 0055 on a person's stream: who may enrol whose certificate and role (001 art. 23.1.1; abuse audit F132-F135, O88). */
class PersonEnrolmentTest {

    static final PersonId PERSON = new PersonId("reviewer-7");
    static final PersonId SUPERVISOR = new PersonId("supervisor-1");
    static final PersonId CABINET = new PersonId("cabinet-1");
    static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");
    static final Instant AT = T0.plusSeconds(86_400);
    static final String DOCUMENT = "d0".repeat(32);
    static final EncryptedPersonalData SEALED = new EncryptedPersonalData("person-reviewer-7", "bm9uY2U=", "c2VhbGVk");
    private static final CertificateAuthority CA = CertificateAuthority.create("Test CA", T0.minus(1, ChronoUnit.DAYS), T0.plus(800, ChronoUnit.DAYS));
    static final SigningIdentity FIRST = CA.newPerson(PERSON, "Reviewer Seven", "Ministry", T0, T0.plus(700, ChronoUnit.DAYS));
    static final SigningIdentity SECOND = CA.newPerson(PERSON, "Reviewer Seven", "Ministry", T0, T0.plus(700, ChronoUnit.DAYS));

    static AggregateTestFixture<Person> fixture() {
        // the grants and ends these tests give as stored before ADR 0061 item 21 have no archived command (IdentityAbuseRound6Test has)
        return fixture(stream -> java.util.Map.of());
    }

    /** The person's stream with the orders of its grants and ends stored before ADR 0061 item 21 read by {@code archive}. */
    static AggregateTestFixture<Person> fixture(Person.OrdersOfStoredActs archive) {
        return fixture(archive, org.mockito.Mockito.mock(mn.registry.document.DocumentStore.class), (governor, zones) -> Set.of());
    }

    /**
     * ... with the registry's documents (their receipts: ADR 0061 item 31) and the zones' records of appointments (item 32) as the test
     * gives them.
     */
    static AggregateTestFixture<Person> fixture(Person.OrdersOfStoredActs archive, mn.registry.document.DocumentStore documents,
                                                mn.registry.identity.api.ZoneRecordsOfAppointments zoneRecords) {
        AggregateTestFixture<Person> fixture = new AggregateTestFixture<>(Person.class);
        fixture.registerCommandTargetResolver(new RevokeSignerCertificateType().personTarget());
        fixture.registerInjectableResource((PersonalDataSealer) (person, details) -> SEALED);
        fixture.registerInjectableResource(archive);
        fixture.registerInjectableResource(documents);
        fixture.registerInjectableResource(zoneRecords);
        return fixture;
    }

    static String pem(SigningIdentity identity) {
        return Certificates.toPem(List.of(identity.chain().get(0)));
    }

    static String fingerprint(SigningIdentity identity) {
        return Certificates.fingerprint(identity.chain().get(0));
    }

    private static CommandMessage<Object> enrol(SigningIdentity identity, Role role, PersonId by, Role byRole) {
        return SignedCommandContext.message(new EnrolSigner(PERSON, pem(identity), role, DOCUMENT),
                new CommandContext("enrol-" + by.value(), AT, AT, by, Set.of(byRole), Set.of(), "ab".repeat(32)));
    }

    private static PersonEnrolled enrolled(SigningIdentity identity) {
        return new PersonEnrolled(PERSON, "Reviewer Seven", fingerprint(identity), "AAAA", T0);
    }

    private static RoleGranted granted(Role role) {
        return new RoleGranted(PERSON, role, null, T0, SUPERVISOR, "appointed");
    }

    @Test
    @DisplayName("ADR 0055: a supervisor enrols a new reviewer: the certificate, sealed under the person's key, and the role, both from the receipt, "
            + "naming the signer and the document")
    void a_new_reviewer_is_enrolled() {
        fixture().givenNoPriorActivity()
                .when(enrol(FIRST, Role.MINISTRY_REVIEWER, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectEvents(PersonEnrolled.signed(PERSON, fingerprint(FIRST), AT, SEALED, SUPERVISOR, DOCUMENT),
                        new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, AT, SUPERVISOR, Person.ENROLMENT_GROUND, DOCUMENT));
    }

    @Test
    @DisplayName("ADR 0055 (was O88): after a representative's certificate was revoked for a lost key, a supervisor enrols a new one, and no role "
            + "is granted twice; the revoked certificate is not enrolled again")
    void a_new_certificate_after_a_revocation() {
        PersonEnrolled first = enrolled(FIRST);
        RoleGranted applicant = granted(Role.APPLICANT);
        SignerCertificateRevoked revoked = new SignerCertificateRevoked(PERSON, fingerprint(FIRST), T0.plusSeconds(60), SUPERVISOR, "key lost", DOCUMENT);
        fixture().given(first, applicant, revoked)
                .when(enrol(SECOND, null, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectEvents(PersonEnrolled.signed(PERSON, fingerprint(SECOND), AT, SEALED, SUPERVISOR, DOCUMENT));
        // abuse: the revocation undone by enrolling the revoked certificate again
        fixture().given(first, applicant, revoked)
                .when(enrol(FIRST, null, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectNoEvents()
                .expectException(PersonCertificateRevocationTest.problem("identity.certificate-already-enrolled", null));
        fixture().given(first, applicant, revoked)
                .when(enrol(FIRST, Role.MINISTRY_REVIEWER, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectNoEvents()
                .expectException(PersonCertificateRevocationTest.problem("identity.certificate-already-enrolled", null));
        // a role held is not granted again
        fixture().given(first, applicant)
                .when(enrol(SECOND, Role.APPLICANT, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectNoEvents()
                .expectException(PersonCertificateRevocationTest.problem("identity.role-already-held", null));
        // an enrolled certificate with a new role: the role alone
        fixture().given(first, applicant)
                .when(enrol(FIRST, Role.MINISTRY_REVIEWER, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectEvents(new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, AT, SUPERVISOR, Person.ENROLMENT_GROUND, DOCUMENT));
    }

    @Test
    @DisplayName("ADR 0055, abuse: nobody enrols themselves: a supervisor whose certificate the Cabinet member revoked enrolling a new one, "
            + "or granting themselves a role")
    void nobody_enrols_themselves() {
        fixture().given(enrolled(FIRST), granted(Role.MINISTRY_SUPERVISOR),
                        new SignerCertificateRevoked(PERSON, fingerprint(FIRST), T0.plusSeconds(60), CABINET, "dismissed from oversight"))
                .when(enrol(SECOND, null, PERSON, Role.MINISTRY_SUPERVISOR))
                .expectNoEvents()
                .expectException(PersonCertificateRevocationTest.problem("identity.self-enrolment", null));
        fixture().given(enrolled(FIRST), granted(Role.MINISTRY_REVIEWER))
                .when(enrol(FIRST, Role.APPLICANT, PERSON, Role.MINISTRY_SUPERVISOR))
                .expectNoEvents()
                .expectException(PersonCertificateRevocationTest.problem("identity.self-enrolment", null));
    }

    @Test
    @DisplayName("ADR 0055, abuse: a supervisor grants no role that answers to the Cabinet member (a supervisor, the tax officer, the inspector) "
            + "and enrols no new certificate of a person holding one (signing as a colleague); the Cabinet member does")
    void officials_answering_to_the_cabinet_are_enrolled_by_it() {
        for (Role role : List.of(Role.MINISTRY_SUPERVISOR, Role.TAX_OFFICER, Role.COMMUNICATIONS_INSPECTOR)) {
            fixture().givenNoPriorActivity()
                    .when(enrol(FIRST, role, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                    .expectNoEvents()
                    .expectException(PersonCertificateRevocationTest.problem("identity.enrolment-by-the-cabinet-member", "role"));
            fixture().givenNoPriorActivity()
                    .when(enrol(FIRST, role, CABINET, Role.CABINET_MEMBER))
                    .expectEvents(PersonEnrolled.signed(PERSON, fingerprint(FIRST), AT, SEALED, CABINET, DOCUMENT),
                            new RoleGranted(PERSON, role, null, AT, CABINET, Person.ENROLMENT_GROUND, DOCUMENT));
            fixture().given(enrolled(FIRST), granted(role))
                    .when(enrol(SECOND, null, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                    .expectNoEvents()
                    .expectException(PersonCertificateRevocationTest.problem("identity.enrolment-by-the-cabinet-member", "role"));
        }
        RoleGranted governor = new RoleGranted(PERSON, Role.ZONE_GOVERNOR, "altanbulag", T0, CABINET, "Decision 12");
        fixture().given(enrolled(FIRST), governor)
                .when(enrol(SECOND, null, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectNoEvents()
                .expectException(PersonCertificateRevocationTest.problem("identity.enrolment-by-the-cabinet-member", "role"));
        fixture().given(enrolled(FIRST), governor)
                .when(enrol(SECOND, null, CABINET, Role.CABINET_MEMBER))
                .expectEvents(PersonEnrolled.signed(PERSON, fingerprint(SECOND), AT, SEALED, CABINET, DOCUMENT),
                        new SignerCertificateRevoked(PERSON, fingerprint(FIRST), AT, CABINET, Person.REPLACED_GROUND, DOCUMENT)); // F146
    }

    @Test
    @DisplayName("ADR 0055, abuse: a person whose personal data was erased is not enrolled again under the same id")
    void an_erased_person_is_not_enrolled_again() {
        fixture().given(enrolled(FIRST), granted(Role.APPLICANT), new PersonalDataErased(PERSON, "person-reviewer-7", "asked", T0.plusSeconds(60), SUPERVISOR))
                .when(enrol(SECOND, null, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectNoEvents()
                .expectException(PersonCertificateRevocationTest.problem("identity.person-erased", null));
    }

    private static CommandMessage<Object> endRole(Role role, PersonId by, Role byRole) {
        return SignedCommandContext.message(new mn.registry.kernel.identity.EndSignerRole(PERSON, role, DOCUMENT),
                new CommandContext("end-" + by.value(), AT, AT, by, Set.of(byRole), Set.of(), "ab".repeat(32)));
    }

    @Test
    @DisplayName("ADR 0055: a supervisor ends a reviewer's role from the receipt on; abuse: a role not held, one's own role, a role that "
            + "answers to the Cabinet member ended by a supervisor")
    void a_role_ends_by_the_officials_who_grant_it() {
        fixture().given(enrolled(FIRST), granted(Role.MINISTRY_REVIEWER))
                .when(endRole(Role.MINISTRY_REVIEWER, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectEvents(mn.registry.kernel.identity.RoleRevoked.onDocument(PERSON, Role.MINISTRY_REVIEWER, AT, SUPERVISOR, Person.ROLE_END_GROUND, DOCUMENT));
        fixture().given(enrolled(FIRST), granted(Role.MINISTRY_REVIEWER))
                .when(endRole(Role.APPLICANT, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectNoEvents()
                .expectException(PersonCertificateRevocationTest.problem("identity.role-not-held", null));
        fixture().given(enrolled(FIRST), granted(Role.MINISTRY_SUPERVISOR))
                .when(endRole(Role.MINISTRY_SUPERVISOR, PERSON, Role.MINISTRY_SUPERVISOR))
                .expectNoEvents()
                .expectException(PersonCertificateRevocationTest.problem("identity.own-role-ended", null));
        for (Role role : List.of(Role.MINISTRY_SUPERVISOR, Role.TAX_OFFICER, Role.COMMUNICATIONS_INSPECTOR)) {
            fixture().given(enrolled(FIRST), granted(role))
                    .when(endRole(role, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                    .expectNoEvents()
                    .expectException(PersonCertificateRevocationTest.problem("identity.role-ended-by-the-cabinet-member", "role"));
            fixture().given(enrolled(FIRST), granted(role))
                    .when(endRole(role, CABINET, Role.CABINET_MEMBER))
                    .expectEvents(mn.registry.kernel.identity.RoleRevoked.onDocument(PERSON, role, AT, CABINET, Person.ROLE_END_GROUND, DOCUMENT));
        }
    }

    @Test
    @DisplayName("001 art. 23.1.1 (choice, abuse audit F146): a new certificate enrolled for a person replaces the ones in force: they sign "
            + "nothing from the enrolment's receipt on (the key reported lost, still in another's hands, signed on beside the new one)")
    void a_new_certificate_replaces_the_one_in_force() {
        fixture().given(enrolled(FIRST), granted(Role.APPLICANT))
                .when(enrol(SECOND, null, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectEvents(PersonEnrolled.signed(PERSON, fingerprint(SECOND), AT, SEALED, SUPERVISOR, DOCUMENT),
                        new SignerCertificateRevoked(PERSON, fingerprint(FIRST), AT, SUPERVISOR, Person.REPLACED_GROUND, DOCUMENT));
        // a certificate revoked before is not revoked again; a role granted to the enrolled certificate replaces nothing
        SignerCertificateRevoked revoked = new SignerCertificateRevoked(PERSON, fingerprint(FIRST), T0.plusSeconds(60), SUPERVISOR, "key lost", DOCUMENT);
        fixture().given(enrolled(FIRST), granted(Role.APPLICANT), revoked)
                .when(enrol(SECOND, null, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectEvents(PersonEnrolled.signed(PERSON, fingerprint(SECOND), AT, SEALED, SUPERVISOR, DOCUMENT));
        fixture().given(enrolled(FIRST), granted(Role.APPLICANT))
                .when(enrol(FIRST, Role.MINISTRY_REVIEWER, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectEvents(new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, AT, SUPERVISOR, Person.ENROLMENT_GROUND, DOCUMENT));
    }

    @Test
    @DisplayName("001 art. 23.1.1 (abuse audit F184): the document an enrolment rested on (the appointment order, the company's power of "
            + "representation) is not the ground of the end of the person's role or of the revocation of their certificate: the holder's "
            + "representative revoked on the power that made them one, a reviewer dismissed on their appointment; another document is")
    void the_enrolments_document_is_not_its_undoing() {
        PersonEnrolled first = PersonEnrolled.signed(PERSON, fingerprint(FIRST), T0, SEALED, SUPERVISOR, DOCUMENT);
        String report = "e4".repeat(32);
        fixture().given(first, granted(Role.APPLICANT))
                .when(SignedCommandContext.message(new mn.registry.kernel.identity.RevokeSignerCertificate(PERSON, null, "key reported lost",
                        DOCUMENT), new CommandContext("revoke-1", AT, AT, SUPERVISOR, Set.of(Role.MINISTRY_SUPERVISOR),
                        Set.of(), "ab".repeat(32))))
                .expectNoEvents()
                .expectException(PersonCertificateRevocationTest.problem("identity.document-of-the-enrolment", "documentSha256"));
        fixture().given(first, granted(Role.MINISTRY_REVIEWER))
                .when(SignedCommandContext.message(new mn.registry.kernel.identity.EndSignerRole(PERSON, Role.MINISTRY_REVIEWER, DOCUMENT),
                        new CommandContext("end-1", AT, AT, SUPERVISOR, Set.of(Role.MINISTRY_SUPERVISOR), Set.of(), "ab".repeat(32))))
                .expectNoEvents()
                .expectException(PersonCertificateRevocationTest.problem("identity.document-of-the-enrolment", "documentSha256"));
        fixture().given(first, granted(Role.MINISTRY_REVIEWER))
                .when(SignedCommandContext.message(new mn.registry.kernel.identity.EndSignerRole(PERSON, Role.MINISTRY_REVIEWER, report),
                        new CommandContext("end-2", AT, AT, SUPERVISOR, Set.of(Role.MINISTRY_SUPERVISOR), Set.of(), "ab".repeat(32))))
                .expectSuccessfulHandlerExecution();
        fixture().given(first, granted(Role.APPLICANT))
                .when(SignedCommandContext.message(new mn.registry.kernel.identity.RevokeSignerCertificate(PERSON, null, "key reported lost", report),
                        new CommandContext("revoke-2", AT, AT, SUPERVISOR, Set.of(Role.MINISTRY_SUPERVISOR), Set.of(), "ab".repeat(32))))
                .expectSuccessfulHandlerExecution();
    }
}
