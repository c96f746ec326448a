package mn.registry.standalone;

import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.EndSignerRole;
import mn.registry.kernel.identity.EnrolSigner;
import mn.registry.kernel.identity.ErasePersonalData;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.keystore.RegistryKeys;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** Session 23, identity round 5 over HTTP: the officials' authority played by a careless or dishonest official (abuse audit F344 on). */
class IdentityAbuseRound5EndToEndTest {

    @RegisterExtension
    static final RunningRegistry registry = new RunningRegistry();

    private static SigningIdentity issued(String person) {
        Instant now = registry.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        return registry.getBean(RegistryKeys.class).ca().newPerson(new PersonId(person), "Шинэ Ажилтан " + person, "Ministry",
                now.minus(1, ChronoUnit.DAYS), now.plus(365, ChronoUnit.DAYS));
    }

    private static String pem(SigningIdentity identity) {
        return Certificates.toPem(List.of(identity.chain().get(0)));
    }

    private static String upload(String what) {
        return ReceiptTimeEndToEndTest.upload(registry.context(), what);
    }

    private static long eventsOf(PersonId person) {
        return registry.getBean(org.axonframework.eventsourcing.eventstore.EventStore.class)
                .readEvents(mn.registry.infrastructure.identity.IdentityDirectory.streamOf(person)).asStream().count();
    }

    @Test
    @DisplayName("001 art. 23.1.1 (abuse audit F344): a supervisor gives a dismissed reviewer the role back on the order that appointed them: "
            + "refused, the reviewer still signs nothing; on the new appointment order the role is granted again")
    void a_dismissed_reviewer_is_not_given_the_role_back_on_the_old_order() {
        String appointment = upload("Minister's order 2026/31 appointing reviewer-31");
        SigningIdentity reviewer = issued("reviewer-31");
        ok(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(reviewer.person(), pem(reviewer), Role.MINISTRY_REVIEWER, appointment)));
        ok(registry.send("supervisor-1", "EndSignerRole", new EndSignerRole(reviewer.person(), Role.MINISTRY_REVIEWER,
                upload("Minister's order 2026/32 dismissing reviewer-31"))));

        long stored = eventsOf(reviewer.person());
        registry.refused(registry.send("supervisor-2", "EnrolSigner", new EnrolSigner(reviewer.person(), pem(reviewer), Role.MINISTRY_REVIEWER,
                appointment)), 409, "identity.role-again-on-a-used-order", "documentSha256", "001 art. 23.1.1");
        assertThat(eventsOf(reviewer.person())).as("nothing stored").isEqualTo(stored);

        ok(registry.send("supervisor-2", "EnrolSigner", new EnrolSigner(reviewer.person(), pem(reviewer), Role.MINISTRY_REVIEWER,
                upload("Minister's order 2026/40 appointing reviewer-31 again"))));
    }

    @Test
    @DisplayName("003 art. 8.2; 001 art. 15.6 (ADR 0055 item 7; abuse audit F345): the Cabinet member appoints as a zone's governor a former "
            + "representative whose personal data was erased (who can sign nothing): refused, the zone keeps no appointment and another is appointed")
    void an_erased_person_is_not_appointed_governor() {
        SigningIdentity former = issued("representative-45");
        ok(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(former.person(), pem(former), Role.APPLICANT,
                upload("power of representation of representative-45"), "6313045", null))); // names its company (ADR 0061 item 53, F520)
        ok(registry.send("supervisor-1", "ErasePersonalData", new ErasePersonalData(former.person(), "the person's request")));
        ok(registry.send("cabinet-1", "DismissGovernor", new ZoneCommands.DismissGovernor(ZoneId.of("zamyn-uud"), new PersonId("governor-zamyn-uud"),
                "Cabinet member's order 2026/95", upload("Cabinet member's order 2026/95"))));

        registry.refused(registry.send("cabinet-1", "AppointGovernor", new ZoneCommands.AppointGovernor(ZoneId.of("zamyn-uud"), former.person(),
                "Cabinet member's order 2026/96", upload("Cabinet member's order 2026/96"))), 409, "identity.person-erased", null, "001 art. 15.6, 002 art. 15.3");
        assertThat(registry.client().get("/api/public/register/zones/zamyn-uud").body().toString()).doesNotContain("representative-45");

        SigningIdentity governor = issued("governor-46");
        ok(registry.send("cabinet-1", "EnrolSigner", new EnrolSigner(governor.person(), pem(governor), null, upload("Cabinet order enrolling governor-46"))));
        ok(registry.send("cabinet-1", "AppointGovernor", new ZoneCommands.AppointGovernor(ZoneId.of("zamyn-uud"), governor.person(),
                "Cabinet member's order 2026/97", upload("Cabinet member's order 2026/97"))));
    }

    /** A reviewer enrolled with no role, then granted it on their enrolled certificate: the grant's order, returned. */
    private static String grantedOnTheEnrolledCertificate(SigningIdentity reviewer, String number) {
        ok(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(reviewer.person(), pem(reviewer), null,
                upload("Minister's order 2026/" + number + " enrolling " + reviewer.person() + "'s certificate"))));
        String appointment = upload("Minister's order 2026/" + number + " appointing " + reviewer.person());
        ok(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(reviewer.person(), pem(reviewer), Role.MINISTRY_REVIEWER, appointment)));
        return appointment;
    }

    @Test
    @DisplayName("001 art. 23.1.1 (abuse audit F346): a reviewer granted the role on their enrolled certificate is not dismissed on "
            + "that grant's order (F184 saw only an enrolment's), nothing stored; on a dismissal order of its own they are")
    void a_grants_order_is_not_its_undoing() {
        SigningIdentity reviewer = issued("reviewer-33");
        String appointment = grantedOnTheEnrolledCertificate(reviewer, "33");
        long stored = eventsOf(reviewer.person());
        registry.refused(registry.send("supervisor-2", "EndSignerRole", new EndSignerRole(reviewer.person(), Role.MINISTRY_REVIEWER, appointment)),
                409, "identity.document-of-the-enrolment", "documentSha256", "001 art. 23.1.1");
        assertThat(eventsOf(reviewer.person())).as("nothing stored").isEqualTo(stored);
        ok(registry.send("supervisor-2", "EndSignerRole", new EndSignerRole(reviewer.person(), Role.MINISTRY_REVIEWER,
                upload("Minister's order 2026/35 dismissing reviewer-33"))));
    }

    @Test
    @DisplayName("001 art. 23.1.1 (abuse audit F347): a reviewer re-appointed after a dismissal is not dismissed again on the first "
            + "dismissal's order, nor given the role back on the order of the grant the dismissal ended; on orders of their own they are")
    void an_order_ends_a_role_once() {
        SigningIdentity reviewer = issued("reviewer-34");
        String appointment = grantedOnTheEnrolledCertificate(reviewer, "34");
        String dismissal = upload("Minister's order 2026/38 dismissing reviewer-34");
        ok(registry.send("supervisor-2", "EndSignerRole", new EndSignerRole(reviewer.person(), Role.MINISTRY_REVIEWER, dismissal)));
        ok(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(reviewer.person(), pem(reviewer), Role.MINISTRY_REVIEWER,
                upload("Minister's order 2026/39 appointing reviewer-34 again"))));
        registry.refused(registry.send("supervisor-2", "EndSignerRole", new EndSignerRole(reviewer.person(), Role.MINISTRY_REVIEWER, dismissal)),
                409, "identity.end-on-a-used-order", "documentSha256", "001 art. 23.1.1");
        ok(registry.send("supervisor-2", "EndSignerRole", new EndSignerRole(reviewer.person(), Role.MINISTRY_REVIEWER,
                upload("Minister's order 2026/41 dismissing reviewer-34 again"))));
        registry.refused(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(reviewer.person(), pem(reviewer), Role.MINISTRY_REVIEWER,
                appointment)), 409, "identity.role-again-on-a-used-order", "documentSha256", "001 art. 23.1.1");
    }
}
