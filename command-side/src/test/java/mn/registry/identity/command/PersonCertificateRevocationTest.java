package mn.registry.identity.command;

import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.SignerCertificateRevoked;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

/** 001 art. 23.1.1 on a person's stream: which certificate a revocation may name, and that it is revoked once. */
class PersonCertificateRevocationTest {

    private static final PersonId PERSON = new PersonId("reviewer-7");
    private static final PersonId SUPERVISOR = new PersonId("supervisor-1");
    private static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");
    private static final Instant AT = T0.plusSeconds(86_400);
    private static final String CERT = "ab".repeat(32);
    private static final String OTHER = "cd".repeat(32);
    /**
     * The holder's written report a revocation of another's certificate rests on (ADR 0061 item 39, abuse audit F474: an official's too,
     * since session 28; ADR 0046 item 32's choice of F130 let a supervisor revoke an official's on their word).
     */
    private static final String REPORT = "5e".repeat(32);

    private AggregateTestFixture<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
        fixture.registerCommandTargetResolver(new RevokeSignerCertificateType().personTarget());
        fixture.registerInjectableResource((Person.OrdersOfStoredActs) stream -> java.util.Map.of()); // no grant stored before ADR 0061 item 21
        fixture.registerInjectableResource((mn.registry.identity.api.ZoneRecordsOfAppointments) (governor, zones) -> java.util.Set.of()); // item 32
    }

    /** The body as a supervisor signs it, received at {@code AT} (ADR 0026). */
    private static org.axonframework.commandhandling.CommandMessage<Object> revoke(String certificate, String ground) {
        return mn.registry.command.api.SignedCommandContext.message(new mn.registry.kernel.identity.RevokeSignerCertificate(PERSON, certificate, ground,
                        REPORT),
                new mn.registry.command.api.CommandContext("revoke-" + ground, AT, AT, SUPERVISOR, java.util.Set.of(mn.registry.kernel.identity.Role.MINISTRY_SUPERVISOR),
                        java.util.Set.of(), "ab".repeat(32)));
    }

    /** A refusal with this code, on this field ({@code null}: none). */
    static org.hamcrest.Matcher<RegistryProblem> problem(String code, String field) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RegistryProblem problem) {
                return code.equals(problem.code()) && java.util.Objects.equals(field, problem.field());
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a RegistryProblem " + code + " on " + field);
            }
        };
    }

    /** {@link #PERSON} is a ministry reviewer: an official, whose certificate a supervisor revokes without a document (F130). */
    private static final RoleGranted REVIEWER = new RoleGranted(PERSON, mn.registry.kernel.identity.Role.MINISTRY_REVIEWER, null, T0, SUPERVISOR, "appointed");

    private static PersonEnrolled enrolled(String certificate) {
        return new PersonEnrolled(PERSON, "Reviewer Seven", certificate, "AAAA", T0);
    }

    @Test
    @DisplayName("001 art. 23.1.1: the named certificate is revoked from the revocation's receipt")
    void named_certificate_is_revoked() {
        fixture.given(enrolled(CERT), REVIEWER, enrolled(OTHER))
                .when(revoke(CERT, "key reported lost"))
                .expectEvents(new SignerCertificateRevoked(PERSON, CERT, AT, SUPERVISOR, "key reported lost", REPORT));
    }

    @Test
    @DisplayName("001 art. 23.1.1: with no certificate named, every certificate still in use is revoked, and a second such revocation is refused")
    void every_certificate_is_revoked_once() {
        fixture.given(enrolled(CERT), REVIEWER, enrolled(OTHER), new SignerCertificateRevoked(PERSON, CERT, T0.plusSeconds(60), SUPERVISOR, "lost"))
                .when(revoke(null, "left the ministry"))
                .expectEvents(new SignerCertificateRevoked(PERSON, OTHER, AT, SUPERVISOR, "left the ministry", REPORT));
        fixture.given(enrolled(CERT), REVIEWER, new SignerCertificateRevoked(PERSON, CERT, T0.plusSeconds(60), SUPERVISOR, "lost"))
                .when(revoke(null, "again"))
                .expectNoEvents()
                .expectException(RegistryProblem.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already revoked"));
    }

    @Test
    @DisplayName("001 art. 23.1.1, abuse: a certificate the person never enrolled, or one already revoked, is not revoked (again)")
    void unknown_or_revoked_certificate_is_refused() {
        fixture.given(enrolled(CERT), REVIEWER)
                .when(revoke(OTHER, "someone else's"))
                .expectNoEvents()
                .expectException(RegistryProblem.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("has enrolled no certificate"));
        fixture.given(enrolled(CERT), REVIEWER, new SignerCertificateRevoked(PERSON, CERT, T0.plusSeconds(60), SUPERVISOR, "lost"))
                .when(revoke(CERT, "to move the date"))
                .expectNoEvents()
                .expectException(RegistryProblem.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already revoked"));
    }

    @Test
    @DisplayName("001 art. 23.1.1, abuse: a revocation without a visible ground, or naming no fingerprint but garbage, is refused")
    void ground_and_fingerprint_are_checked() {
        fixture.given(enrolled(CERT), REVIEWER)
                .when(revoke(CERT, "\u00A0\u200B"))
                .expectNoEvents()
                .expectException(RegistryProblem.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("ground"));
        fixture.given(enrolled(CERT), REVIEWER)
                .when(revoke("not a fingerprint", "key reported lost"))
                .expectNoEvents()
                .expectException(RegistryProblem.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("64"));
    }

    private static org.axonframework.commandhandling.CommandMessage<Object> revokeBy(PersonId target, PersonId actor, mn.registry.kernel.identity.Role role) {
        return mn.registry.command.api.SignedCommandContext.message(new mn.registry.kernel.identity.RevokeSignerCertificate(target, null, "key lost",
                        target.equals(actor) ? null : REPORT),
                new mn.registry.command.api.CommandContext("revoke-by-" + actor.value(), AT, AT, actor, java.util.Set.of(role), java.util.Set.of(),
                        "ab".repeat(32)));
    }

    private static mn.registry.kernel.identity.RoleGranted granted(PersonId person, mn.registry.kernel.identity.Role role) {
        return new mn.registry.kernel.identity.RoleGranted(person, role, null, T0, SUPERVISOR, "appointed");
    }

    @Test
    @DisplayName("001 art. 23.1.1 (choice, abuse audit F51): a supervisor cannot revoke another supervisor's certificate (or the Cabinet member's); "
            + "the Cabinet member can, and a supervisor can revoke their own")
    void oversight_is_not_revoked_by_a_peer() {
        PersonId other = new PersonId("supervisor-2");
        PersonEnrolled otherEnrolled = new PersonEnrolled(other, "Supervisor Two", CERT, "AAAA", T0);
        setUp();
        fixture.given(otherEnrolled, granted(other, mn.registry.kernel.identity.Role.MINISTRY_SUPERVISOR))
                .when(revokeBy(other, SUPERVISOR, mn.registry.kernel.identity.Role.MINISTRY_SUPERVISOR))
                .expectNoEvents()
                .expectException(RegistryProblem.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("is revoked by the Cabinet member or by its holder"));
        PersonId cabinet = new PersonId("cabinet-1");
        setUp();
        fixture.given(new PersonEnrolled(cabinet, "Cabinet Member", CERT, "AAAA", T0), granted(cabinet, mn.registry.kernel.identity.Role.CABINET_MEMBER))
                .when(revokeBy(cabinet, SUPERVISOR, mn.registry.kernel.identity.Role.MINISTRY_SUPERVISOR))
                .expectNoEvents()
                .expectException(RegistryProblem.class);
        setUp();
        fixture.given(otherEnrolled, granted(other, mn.registry.kernel.identity.Role.MINISTRY_SUPERVISOR))
                .when(revokeBy(other, cabinet, mn.registry.kernel.identity.Role.CABINET_MEMBER))
                .expectEvents(new SignerCertificateRevoked(other, CERT, AT, cabinet, "key lost", REPORT));
        setUp();
        fixture.given(otherEnrolled, granted(other, mn.registry.kernel.identity.Role.MINISTRY_SUPERVISOR))
                .when(revokeBy(other, other, mn.registry.kernel.identity.Role.MINISTRY_SUPERVISOR))
                .expectEvents(new SignerCertificateRevoked(other, CERT, AT, other, "key lost"));
        // a supervisor whose supervisor role was revoked is no longer oversight: a supervisor may revoke the certificate
        setUp();
        fixture.given(otherEnrolled, granted(other, mn.registry.kernel.identity.Role.MINISTRY_SUPERVISOR),
                        new mn.registry.kernel.identity.RoleRevoked(other, mn.registry.kernel.identity.Role.MINISTRY_SUPERVISOR, null, T0.plusSeconds(60), SUPERVISOR, "left"))
                .when(revokeBy(other, SUPERVISOR, mn.registry.kernel.identity.Role.MINISTRY_SUPERVISOR))
                .expectEvents(new SignerCertificateRevoked(other, CERT, AT, SUPERVISOR, "key lost", REPORT));
    }

    @Test
    @DisplayName("001 art. 23.1.1, 003 art. 8.2 (abuse audit F102): a governor in office, appointed and dismissed by the Cabinet member, does not lose "
            + "their certificate to a ministry supervisor, which would stop the zone's registrations; the Cabinet member or the governor revokes it, "
            + "and once dismissed a supervisor may")
    void a_governors_certificate_is_not_revoked_by_a_ministry_supervisor() {
        RoleGranted appointed = new RoleGranted(PERSON, mn.registry.kernel.identity.Role.ZONE_GOVERNOR, "altanbulag", T0, new PersonId("cabinet-1"), "Decision 12");
        fixture.given(enrolled(CERT), appointed)
                .when(revoke(CERT, "key reported lost"))
                .expectNoEvents()
                .expectException(problem("identity.revocation-of-a-governor", "personId"));
        fixture.given(enrolled(CERT), appointed, new mn.registry.kernel.identity.RoleRevoked(PERSON, mn.registry.kernel.identity.Role.ZONE_GOVERNOR,
                        "altanbulag", T0.plusSeconds(60), new PersonId("cabinet-1"), "Decision 13"))
                .when(revoke(CERT, "dismissed"))
                .expectEvents(new SignerCertificateRevoked(PERSON, CERT, AT, SUPERVISOR, "dismissed", REPORT));
    }

    @Test
    @DisplayName("001 art. 23.1.1, 002 art. 28.1 (choice, abuse audit F119, was O68): a ministry supervisor does not revoke the certificate of "
            + "the tax officer or the communications inspector, officials of other bodies whose signed requests and findings ground a "
            + "suspension; the Cabinet member does, and a supervisor still revokes a reviewer's")
    void another_bodys_official_is_not_revoked_by_a_ministry_supervisor() {
        for (mn.registry.kernel.identity.Role role : java.util.List.of(mn.registry.kernel.identity.Role.TAX_OFFICER,
                mn.registry.kernel.identity.Role.COMMUNICATIONS_INSPECTOR)) {
            setUp();
            fixture.given(enrolled(CERT), granted(PERSON, role))
                    .when(revoke(CERT, "key reported lost"))
                    .expectNoEvents()
                    .expectException(problem("identity.revocation-of-another-bodys-official", "personId"));
            PersonId cabinet = new PersonId("cabinet-1");
            setUp();
            fixture.given(enrolled(CERT), granted(PERSON, role))
                    .when(revokeBy(PERSON, cabinet, mn.registry.kernel.identity.Role.CABINET_MEMBER))
                    .expectEvents(new SignerCertificateRevoked(PERSON, CERT, AT, cabinet, "key lost", REPORT));
        }
        setUp();
        fixture.given(enrolled(CERT), granted(PERSON, mn.registry.kernel.identity.Role.MINISTRY_REVIEWER))
                .when(revoke(CERT, "key reported lost"))
                .expectEvents(new SignerCertificateRevoked(PERSON, CERT, AT, SUPERVISOR, "key reported lost", REPORT));
    }

    @Test
    @DisplayName("001 art. 23.1.1 (choice, abuse audit F130): the certificate of a holder's representative (no official role) is not revoked on "
            + "a supervisor's word: a \"key reported lost\" locked the holder out of its complaint and extension periods; the revocation names "
            + "the document it rests on (an official's too since ADR 0061 item 39)")
    void a_representatives_certificate_is_revoked_on_a_document() {
        PersonId representative = new PersonId("applicant-1");
        PersonEnrolled enrolled = new PersonEnrolled(representative, "Applicant One", CERT, "AAAA", T0);
        RoleGranted applicant = granted(representative, mn.registry.kernel.identity.Role.APPLICANT);
        setUp();
        fixture.given(enrolled, applicant)
                .when(revokeWith(representative, null))
                .expectNoEvents()
                .expectException(problem("identity.revocation-without-document", "documentSha256"));
        String report = "ef".repeat(32);
        setUp();
        fixture.given(enrolled, applicant)
                .when(revokeWith(representative, report))
                .expectEvents(new SignerCertificateRevoked(representative, CERT, AT, SUPERVISOR, "key lost", report));
        // since ADR 0061 item 39 (F474, was O283) an official's is revoked on a document too (IdentityAbuseRound11Test)
        setUp();
        fixture.given(enrolled(CERT), granted(PERSON, mn.registry.kernel.identity.Role.MINISTRY_REVIEWER))
                .when(revokeWith(PERSON, null))
                .expectNoEvents()
                .expectException(problem("identity.revocation-without-document", "documentSha256"));
    }

    private static org.axonframework.commandhandling.CommandMessage<Object> revokeWith(PersonId target, String documentSha256) {
        return mn.registry.command.api.SignedCommandContext.message(new mn.registry.kernel.identity.RevokeSignerCertificate(target, null, "key lost",
                        documentSha256),
                new mn.registry.command.api.CommandContext("revoke-with-" + documentSha256, AT, AT, SUPERVISOR,
                        java.util.Set.of(mn.registry.kernel.identity.Role.MINISTRY_SUPERVISOR), java.util.Set.of(), "ab".repeat(32)));
    }

    @Test
    @DisplayName("001 art. 23.1.1, 003 art. 8.2 (ADR 0061 item 27; abuse audit F385's rule, session 25): a dismissed governor's certificate is not "
            + "revoked on the document of the decision that appointed them, which their grant now names; on a document of its own it is")
    void a_governors_certificate_is_not_revoked_on_the_appointments_decision() {
        String appointment = "a7".repeat(32);
        RoleGranted appointed = new RoleGranted(PERSON, mn.registry.kernel.identity.Role.ZONE_GOVERNOR, "altanbulag", T0, new PersonId("cabinet-1"),
                "order 2026/94", appointment);
        mn.registry.kernel.identity.RoleRevoked dismissed = new mn.registry.kernel.identity.RoleRevoked(PERSON, mn.registry.kernel.identity.Role.ZONE_GOVERNOR,
                "altanbulag", T0.plusSeconds(60), new PersonId("cabinet-1"), "order 2026/120", null, "d7".repeat(32));
        fixture.given(enrolled(CERT), appointed, dismissed)
                .when(revokeWith(PERSON, appointment))
                .expectNoEvents()
                .expectException(problem("identity.document-of-the-enrolment", "documentSha256"));
        setUp();
        fixture.given(enrolled(CERT), appointed, dismissed)
                .when(revokeWith(PERSON, "e7".repeat(32)))
                .expectEvents(new SignerCertificateRevoked(PERSON, CERT, AT, SUPERVISOR, "key lost", "e7".repeat(32)));
    }
}
