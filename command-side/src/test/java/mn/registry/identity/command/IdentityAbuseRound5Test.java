package mn.registry.identity.command;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.kernel.identity.EnrolSigner;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import org.axonframework.commandhandling.CommandMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static mn.registry.identity.command.PersonEnrolmentTest.AT;
import static mn.registry.identity.command.PersonEnrolmentTest.DOCUMENT;
import static mn.registry.identity.command.PersonEnrolmentTest.FIRST;
import static mn.registry.identity.command.PersonEnrolmentTest.PERSON;
import static mn.registry.identity.command.PersonEnrolmentTest.SEALED;
import static mn.registry.identity.command.PersonEnrolmentTest.SUPERVISOR;
import static mn.registry.identity.command.PersonEnrolmentTest.T0;
import static mn.registry.identity.command.PersonEnrolmentTest.fingerprint;
import static mn.registry.identity.command.PersonEnrolmentTest.fixture;
import static mn.registry.identity.command.PersonEnrolmentTest.pem;

/** Session 23, identity round 5: the officials' authority played by a careless or dishonest official (abuse audit F344 on). */
class IdentityAbuseRound5Test {

    private static final String NEW_ORDER = "a5".repeat(32);

    private static CommandMessage<Object> grant(Role role, String document) {
        return SignedCommandContext.message(new EnrolSigner(PERSON, pem(FIRST), role, document),
                new CommandContext("grant-" + document.substring(0, 4), AT, AT, SUPERVISOR, Set.of(Role.MINISTRY_SUPERVISOR), Set.of(), "ab".repeat(32)));
    }

    private static PersonEnrolled enrolledOn(String document) {
        return PersonEnrolled.signed(PERSON, fingerprint(FIRST), T0, SEALED, SUPERVISOR, document);
    }

    private static RoleRevoked ended(Role role) {
        return new RoleRevoked(PERSON, role, null, T0.plusSeconds(3_600), SUPERVISOR, Person.ROLE_END_GROUND);
    }

    @Test
    @DisplayName("001 art. 23.1.1 (abuse audit F344): a supervisor gives a dismissed reviewer the role back on the order that appointed them "
            + "before the dismissal: refused, nothing stored; on an order of its own the role is granted again, and a role never ended is granted on the "
            + "enrolment's order (one order may appoint to two roles)")
    void a_role_ended_is_not_granted_again_on_the_order_used_before_its_end() {
        fixture().given(enrolledOn(DOCUMENT), new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, T0, SUPERVISOR, Person.ENROLMENT_GROUND),
                        ended(Role.MINISTRY_REVIEWER))
                .when(grant(Role.MINISTRY_REVIEWER, DOCUMENT))
                .expectNoEvents()
                .expectException(PersonCertificateRevocationTest.problem("identity.role-again-on-a-used-order", "documentSha256"));
        fixture().given(enrolledOn(DOCUMENT), new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, T0, SUPERVISOR, Person.ENROLMENT_GROUND),
                        ended(Role.MINISTRY_REVIEWER))
                .when(grant(Role.MINISTRY_REVIEWER, NEW_ORDER))
                .expectEvents(new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, AT, SUPERVISOR, Person.ENROLMENT_GROUND, NEW_ORDER));
        fixture().given(enrolledOn(DOCUMENT))
                .when(grant(Role.MINISTRY_REVIEWER, DOCUMENT))
                .expectEvents(new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, AT, SUPERVISOR, Person.ENROLMENT_GROUND, DOCUMENT));
    }

    @Test
    @DisplayName("001 art. 23.1.1 (abuse audit F344): after the end, a new certificate enrolled on a new appointment order (first cited after the "
            + "end): the role is granted again on that order")
    void an_order_first_cited_after_the_end_grants_the_role() {
        fixture().given(enrolledOn(DOCUMENT), new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, T0, SUPERVISOR, Person.ENROLMENT_GROUND),
                        ended(Role.MINISTRY_REVIEWER), PersonEnrolled.signed(PERSON, fingerprint(PersonEnrolmentTest.SECOND), T0.plusSeconds(7_200),
                                SEALED, SUPERVISOR, NEW_ORDER))
                .when(SignedCommandContext.message(new EnrolSigner(PERSON, pem(PersonEnrolmentTest.SECOND), Role.MINISTRY_REVIEWER, NEW_ORDER),
                        new CommandContext("grant-new", AT, AT, SUPERVISOR, Set.of(Role.MINISTRY_SUPERVISOR), Set.of(), "ab".repeat(32))))
                .expectEvents(new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, AT, SUPERVISOR, Person.ENROLMENT_GROUND, NEW_ORDER));
    }

    @Test
    @DisplayName("003 art. 8.2; 001 art. 15.6 (ADR 0055 item 7; abuse audit F345): the Cabinet member appoints as governor a former representative "
            + "whose personal data was erased: their key is destroyed, so they could never sign, and the zone would have a serving governor who "
            + "cannot act; refused on the person's stream as an enrolment is, nothing stored")
    void an_erased_person_is_granted_no_role() {
        RoleGranted governor = new RoleGranted(PERSON, Role.ZONE_GOVERNOR, "zamyn-uud", AT, PersonEnrolmentTest.CABINET, "Cabinet member's order 2026/94");
        fixture().given(PersonEnrolled.signed(PERSON, fingerprint(FIRST), T0, SEALED, SUPERVISOR, DOCUMENT),
                        new RoleGranted(PERSON, Role.APPLICANT, null, T0, SUPERVISOR, Person.ENROLMENT_GROUND),
                        new mn.registry.kernel.identity.PersonalDataErased(PERSON, "person-reviewer-7", "asked", T0.plusSeconds(60), SUPERVISOR))
                .when(new PersonCommands.Grant(governor))
                .expectNoEvents()
                .expectException(PersonCertificateRevocationTest.problem("identity.person-erased", null));
        fixture().given(PersonEnrolled.signed(PERSON, fingerprint(FIRST), T0, SEALED, SUPERVISOR, DOCUMENT))
                .when(new PersonCommands.Grant(governor))
                .expectEvents(governor);
    }

    private static CommandMessage<Object> end(Role role, String document) {
        return SignedCommandContext.message(new mn.registry.kernel.identity.EndSignerRole(PERSON, role, document),
                new CommandContext("end-" + document.substring(0, 4), AT, AT, SUPERVISOR, Set.of(Role.MINISTRY_SUPERVISOR), Set.of(), "ab".repeat(32)));
    }

    private static RoleGranted grantedOn(Role role, String document) {
        return new RoleGranted(PERSON, role, null, T0, SUPERVISOR, Person.ENROLMENT_GROUND, document);
    }

    @Test
    @DisplayName("001 art. 23.1.1 (abuse audit F346): a reviewer granted the role on their enrolled certificate is dismissed on the "
            + "appointment order of that grant: refused as F184 refuses the enrolment's order; the grant and the end name their document, "
            + "withheld from the public record")
    void the_grants_order_is_not_its_undoing() {
        String enrolment = "e1".repeat(32);
        fixture().given(enrolledOn(enrolment))
                .when(grant(Role.MINISTRY_REVIEWER, NEW_ORDER))
                .expectEvents(new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, AT, SUPERVISOR, Person.ENROLMENT_GROUND, NEW_ORDER));
        fixture().given(enrolledOn(enrolment), grantedOn(Role.MINISTRY_REVIEWER, NEW_ORDER))
                .when(end(Role.MINISTRY_REVIEWER, NEW_ORDER))
                .expectNoEvents()
                .expectException(PersonCertificateRevocationTest.problem("identity.document-of-the-enrolment", "documentSha256"));
        fixture().given(enrolledOn(enrolment), grantedOn(Role.MINISTRY_REVIEWER, NEW_ORDER))
                .when(end(Role.MINISTRY_REVIEWER, "d1".repeat(32)))
                .expectEvents(RoleRevoked.onDocument(PERSON, Role.MINISTRY_REVIEWER, AT, SUPERVISOR, Person.ROLE_END_GROUND, "d1".repeat(32)));
    }

    @Test
    @DisplayName("001 art. 23.1.1 (abuse audit F347): a reviewer re-appointed after a dismissal is dismissed again on the first dismissal's "
            + "order, or given the role back on an order that granted it before the end: refused; one order ending one role and granting "
            + "another (a promotion) does both")
    void an_order_ends_a_role_once() {
        String dismissal = "d1".repeat(32);
        String reappointment = "a7".repeat(32);
        Object[] history = {enrolledOn("e1".repeat(32)), grantedOn(Role.MINISTRY_REVIEWER, NEW_ORDER),
                new RoleRevoked(PERSON, Role.MINISTRY_REVIEWER, null, T0.plusSeconds(60), SUPERVISOR, Person.ROLE_END_GROUND, null, dismissal)};
        fixture().given(append(history, grantedOn(Role.MINISTRY_REVIEWER, reappointment)))
                .when(end(Role.MINISTRY_REVIEWER, dismissal))
                .expectNoEvents()
                .expectException(PersonCertificateRevocationTest.problem("identity.end-on-a-used-order", "documentSha256"));
        fixture().given(history)
                .when(grant(Role.MINISTRY_REVIEWER, NEW_ORDER))
                .expectNoEvents()
                .expectException(PersonCertificateRevocationTest.problem("identity.role-again-on-a-used-order", "documentSha256"));
        fixture().given(history)
                .when(grant(Role.MINISTRY_REVIEWER, dismissal))
                .expectNoEvents()
                .expectException(PersonCertificateRevocationTest.problem("identity.role-again-on-a-used-order", "documentSha256"));
        String promotion = "b2".repeat(32);
        fixture().given(enrolledOn("e1".repeat(32)), grantedOn(Role.MINISTRY_REVIEWER, NEW_ORDER), grantedOn(Role.APPLICANT, "c3".repeat(32)))
                .when(end(Role.APPLICANT, promotion))
                .expectSuccessfulHandlerExecution();
        fixture().given(enrolledOn("e1".repeat(32)), grantedOn(Role.APPLICANT, "c3".repeat(32)),
                        RoleRevoked.onDocument(PERSON, Role.APPLICANT, T0, SUPERVISOR, Person.ROLE_END_GROUND, promotion))
                .when(grant(Role.MINISTRY_REVIEWER, promotion))
                .expectEvents(new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, AT, SUPERVISOR, Person.ENROLMENT_GROUND, promotion));
    }

    private static Object[] append(Object[] events, Object event) {
        Object[] all = java.util.Arrays.copyOf(events, events.length + 1);
        all[events.length] = event;
        return all;
    }
}
