package mn.registry.identity.command;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.freezone.governor.ZoneAloneAppointmentFixture;
import mn.registry.kernel.identity.EndSignerRole;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.RevokeSignerCertificate;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.identity.SignerCertificateRevoked;
import mn.registry.kernel.identity.StoredActOrderStated;
import mn.registry.kernel.identity.StoredActsNamingNoOrder;
import mn.registry.kernel.identity.StoredActsNamingNoOrder.ActNamingNoOrder;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static mn.registry.freezone.governor.ZoneAloneAppointmentFixture.APPOINTED;
import static mn.registry.freezone.governor.ZoneAloneAppointmentFixture.APPOINTMENT_ON_THE_ZONE;
import static mn.registry.freezone.governor.ZoneAloneAppointmentFixture.CABINET_MEMBER;
import static mn.registry.freezone.governor.ZoneAloneAppointmentFixture.GOVERNOR;
import static mn.registry.freezone.governor.ZoneAloneAppointmentFixture.ZONE;
import static mn.registry.identity.command.PersonEnrolmentTest.AT;
import static mn.registry.identity.command.PersonEnrolmentTest.CABINET;
import static mn.registry.identity.command.PersonEnrolmentTest.FIRST;
import static mn.registry.identity.command.PersonEnrolmentTest.PERSON;
import static mn.registry.identity.command.PersonEnrolmentTest.SEALED;
import static mn.registry.identity.command.PersonEnrolmentTest.SUPERVISOR;
import static mn.registry.identity.command.PersonEnrolmentTest.T0;
import static mn.registry.identity.command.PersonEnrolmentTest.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 28, identity round 11 (abuse audit F474 on): the revocation of another official's certificate rests on a document (O283, ADR 0061
 * item 39); the staff list shows a governor's appointments recorded on a zone alone (O281, item 40); authority judged at the registry's
 * receipt. The governor's side of O282 (item 41) is {@code freezone.governor.IdentityAbuseRound11GovernorsTest}.
 */
class IdentityAbuseRound11Test {

    private static final String APPOINTMENT = "a1".repeat(32);
    private static final String REPORT = "b2".repeat(32);
    private static final String ARTICLE = "001 art. 23.1.1";

    /** A refusal with this code, on this field, citing this article. */
    private static Matcher<RegistryProblem> refused(String code, String field, String article) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RegistryProblem problem) {
                return code.equals(problem.code()) && Objects.equals(field, problem.field()) && article.equals(problem.article());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RegistryProblem " + code + " on " + field + " citing " + article);
            }
        };
    }

    private static CommandMessage<Object> revoke(PersonId person, String document, PersonId by, Role role) {
        return SignedCommandContext.message(new RevokeSignerCertificate(person, null, "key reported lost", document),
                new CommandContext("revoke-" + by.value() + "-" + document, AT, AT, by, Set.of(role), Set.of(), "ab".repeat(32)));
    }

    /** {@link PersonEnrolmentTest#PERSON}, enrolled on their appointment order and holding {@code role}. */
    private static List<Object> official(Role role, PersonId grantedBy) {
        return List.of(PersonEnrolled.signed(PERSON, fingerprint(FIRST), T0, SEALED, grantedBy, APPOINTMENT),
                new RoleGranted(PERSON, role, null, T0, grantedBy, Person.ENROLMENT_GROUND, APPOINTMENT));
    }

    // ---------------------------------------------------------------- O283: another official's certificate, on a document

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 39, abuse audit F474, was O283; narrows ADR 0046 item 32): a supervisor revokes every certificate "
            + "of a reviewer naming no document (\"key reported lost\", on their word alone), the Cabinet member a supervisor's: refused "
            + "(identity.revocation-without-document, field documentSha256), nothing stored; on the holder's report each is revoked, naming it")
    void another_officials_certificate_is_not_revoked_on_the_word_alone() {
        PersonEnrolmentTest.fixture().given(official(Role.MINISTRY_REVIEWER, SUPERVISOR))
                .when(revoke(PERSON, null, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectNoEvents()
                .expectException(refused("identity.revocation-without-document", "documentSha256", ARTICLE));
        PersonEnrolmentTest.fixture().given(official(Role.MINISTRY_SUPERVISOR, CABINET))
                .when(revoke(PERSON, null, CABINET, Role.CABINET_MEMBER))
                .expectNoEvents()
                .expectException(refused("identity.revocation-without-document", "documentSha256", ARTICLE));
        // an official who held a role once (ended since) is another person too
        List<Object> former = new ArrayList<>(official(Role.MINISTRY_REVIEWER, SUPERVISOR));
        former.add(RoleRevoked.onDocument(PERSON, Role.MINISTRY_REVIEWER, T0.plusSeconds(60), SUPERVISOR, Person.ROLE_END_GROUND, "e5".repeat(32)));
        PersonEnrolmentTest.fixture().given(former)
                .when(revoke(PERSON, null, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectNoEvents()
                .expectException(refused("identity.revocation-without-document", "documentSha256", ARTICLE));

        // the lawful acts: on the holder's report, naming it
        PersonEnrolmentTest.fixture().given(official(Role.MINISTRY_REVIEWER, SUPERVISOR))
                .when(revoke(PERSON, REPORT, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectEvents(new SignerCertificateRevoked(PERSON, fingerprint(FIRST), AT, SUPERVISOR, "key reported lost", REPORT));
        PersonEnrolmentTest.fixture().given(official(Role.MINISTRY_SUPERVISOR, CABINET))
                .when(revoke(PERSON, REPORT, CABINET, Role.CABINET_MEMBER))
                .expectEvents(new SignerCertificateRevoked(PERSON, fingerprint(FIRST), AT, CABINET, "key reported lost", REPORT));
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 39, abuse audit F474): an official revokes their own certificate at once, naming no document "
            + "(a compromised key is revoked by the one who holds it); the document, when named, is still judged (the appointment refused)")
    void an_officials_own_certificate_is_revoked_without_a_document() {
        PersonEnrolmentTest.fixture().given(official(Role.MINISTRY_SUPERVISOR, CABINET))
                .when(revoke(PERSON, null, PERSON, Role.MINISTRY_SUPERVISOR))
                .expectEvents(new SignerCertificateRevoked(PERSON, fingerprint(FIRST), AT, PERSON, "key reported lost", null));
        PersonEnrolmentTest.fixture().given(official(Role.MINISTRY_REVIEWER, SUPERVISOR))
                .when(revoke(PERSON, APPOINTMENT, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectNoEvents()
                .expectException(refused("identity.document-of-the-enrolment", "documentSha256", ARTICLE));
    }

    // ---------------------------------------------------------------- O281: the zone-alone appointment on the staff list

    private static StoredActsNamingNoOrder lookup(EmbeddedEventStore zones, List<Object> governorsStream) {
        AggregateTestFixture<Person> fixture = PersonEnrolmentTest.fixture(stream -> Map.of(), org.mockito.Mockito.mock(mn.registry.document.DocumentStore.class),
                ZoneAloneAppointmentFixture.zoneRecords(zones));
        fixture.given(governorsStream);
        return new PersonsStoredActs(fixture.getEventStore(), fixture::getRepository, stream -> Map.of(), ZoneAloneAppointmentFixture.zoneRecords(zones));
    }

    private static List<Object> governorsStreamAnd(Object... more) {
        List<Object> all = new ArrayList<>(ZoneAloneAppointmentFixture.governorsStream());
        all.addAll(List.of(more));
        return all;
    }

    @Test
    @DisplayName("003 art. 8.2 (ADR 0061 item 40, abuse audit F475, was O281): the staff list of a governor enrolled with the role at the first "
            + "start lists the appointment recorded on the zone alone by its number on the zone's stream, naming that stream, the Cabinet "
            + "member's to state; once stated, marked so; not another governor's act there; an appointment recorded on the governor's stream "
            + "too is listed once, by its number there")
    void a_zone_alone_appointment_is_listed_by_its_number_on_the_zones_stream() {
        EmbeddedEventStore zones = ZoneAloneAppointmentFixture.store();
        ActNamingNoOrder onTheZone = new ActNamingNoOrder(APPOINTMENT_ON_THE_ZONE, "grant", Role.ZONE_GOVERNOR, ZONE.value(), APPOINTED, false, true,
                ZONE.stream());
        assertThat(lookup(zones, ZoneAloneAppointmentFixture.governorsStream()).of(GOVERNOR).orElseThrow()).containsExactly(onTheZone);

        StoredActOrderStated stated = new StoredActOrderStated(GOVERNOR, APPOINTMENT_ON_THE_ZONE, "grant", Role.ZONE_GOVERNOR, ZONE.value(),
                "c9".repeat(32), AT, CABINET_MEMBER, ZONE.stream());
        assertThat(lookup(zones, governorsStreamAnd(stated)).of(GOVERNOR).orElseThrow()).containsExactly(
                new ActNamingNoOrder(APPOINTMENT_ON_THE_ZONE, "grant", Role.ZONE_GOVERNOR, ZONE.value(), APPOINTED, true, true, ZONE.stream()));

        // the appointment granted on the governor's stream too (its twin): stated there, listed there alone
        RoleGranted twin = new RoleGranted(GOVERNOR, Role.ZONE_GOVERNOR, ZONE.value(), APPOINTED, CABINET_MEMBER, ZoneAloneAppointmentFixture.REFERENCE);
        assertThat(lookup(zones, List.of(ZoneAloneAppointmentFixture.governorsStream().get(0), twin)).of(GOVERNOR).orElseThrow()).containsExactly(
                new ActNamingNoOrder(1, "grant", Role.ZONE_GOVERNOR, ZONE.value(), APPOINTED, false, true, null));
        zones.shutDown();
    }
}
