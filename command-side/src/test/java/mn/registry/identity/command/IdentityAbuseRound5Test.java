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
                .expectEvents(new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, AT, SUPERVISOR, Person.ENROLMENT_GROUND));
        fixture().given(enrolledOn(DOCUMENT))
                .when(grant(Role.MINISTRY_REVIEWER, DOCUMENT))
                .expectEvents(new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, AT, SUPERVISOR, Person.ENROLMENT_GROUND));
    }

    @Test
    @DisplayName("001 art. 23.1.1 (abuse audit F344): a person enrolled again on a new order after the end is not given the ended role on the order "
            + "of the enrolment that came after the end only if that order was cited before the end: the new appointment order grants it")
    void an_order_first_cited_after_the_end_grants_the_role() {
        fixture().given(enrolledOn(DOCUMENT), new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, T0, SUPERVISOR, Person.ENROLMENT_GROUND),
                        ended(Role.MINISTRY_REVIEWER), PersonEnrolled.signed(PERSON, fingerprint(PersonEnrolmentTest.SECOND), T0.plusSeconds(7_200),
                                SEALED, SUPERVISOR, NEW_ORDER))
                .when(SignedCommandContext.message(new EnrolSigner(PERSON, pem(PersonEnrolmentTest.SECOND), Role.MINISTRY_REVIEWER, NEW_ORDER),
                        new CommandContext("grant-new", AT, AT, SUPERVISOR, Set.of(Role.MINISTRY_SUPERVISOR), Set.of(), "ab".repeat(32))))
                .expectEvents(new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, AT, SUPERVISOR, Person.ENROLMENT_GROUND));
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
}
