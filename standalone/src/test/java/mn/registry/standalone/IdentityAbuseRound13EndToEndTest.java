package mn.registry.standalone;

import mn.registry.kernel.identity.EndSignerRole;
import mn.registry.kernel.identity.EnrolSigner;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.StateStoredActOrder;
import mn.registry.kernel.identity.StoredActOrderStated;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.pki.SigningIdentity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 30, identity round 13 (ADR 0061 items 53-57) on a running registry over HTTP: a new enrolment of a company's representative names
 * its company (F520, was O350); a statement of a stored act's order states the persons the order concerns and is judged by them as the
 * other identity acts (F521, was O352). Refusals are problem+json with their code, field and article, nothing stored
 * ({@link RunningRegistry#refused}).
 */
class IdentityAbuseRound13EndToEndTest {

    @RegisterExtension
    static final PermitRegistry registry = new PermitRegistry();

    private static SigningIdentity reviewer(String id) {
        return registry.reviewer(id, "test enrolment, session 30");
    }

    @Test
    @DisplayName("001 art. 23.1.1; 002 art. 23.2 (F520, was O350; ADR 0061 item 53): abuse: a supervisor enrols a company's representative "
            + "naming no company: refused 400 identity.representative-company-missing on company, nothing stored or claimed; naming its "
            + "company, the representative is enrolled and the grant names it")
    void a_representative_is_not_enrolled_naming_no_company() {
        SigningIdentity representative = registry.newPerson("applicant-30i", "Representative Thirty I", "Thirteen I LLC", Duration.ofDays(365));
        String power = registry.document("power of representation of 6313101 for applicant-30i, session 30");
        String pem = Certificates.toPem(List.of(representative.chain().get(0)));
        registry.refused(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(representative.person(), pem, Role.APPLICANT, power)), 400,
                "identity.representative-company-missing", "company", "001 art. 23.1.1; 002 art. 23.2");
        registry.refused(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(representative.person(), pem, Role.APPLICANT, power, " ",
                null)), 400, "identity.representative-company-missing", "company", "001 art. 23.1.1; 002 art. 23.2");
        assertThat(registry.events("person-applicant-30i")).isEmpty();
        assertThat(registry.claimOf(power)).as("nothing claimed").isNull();

        ok(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(representative.person(), pem, Role.APPLICANT, power, "6313101", null)));
        assertThat(registry.events("person-applicant-30i")).filteredOn(RoleGranted.class::isInstance).map(RoleGranted.class::cast)
                .singleElement().satisfies(grant -> assertThat(grant.company()).isEqualTo("6313101"));
    }

    @Test
    @DisplayName("001 art. 23.1.1 (F521, was O352; ADR 0061 item 55): abuse: a supervisor states, as the order of a reviewer's stored grant, "
            + "the dismissal order first cited for another reviewer: refused identity.order-concerns-other-persons, nothing stated, the claim "
            + "left as it was; a statement first citing an order states the persons it concerns, kept on the claim, and another reviewer's "
            + "end on that order is refused")
    void a_stored_acts_order_is_not_stated_on_another_officials_order() throws InterruptedException {
        String dismissal = registry.document("Order dismissing reviewer-30b, session 30");
        String appointment = registry.document("Order concerning reviewer-30a and reviewer-30c, session 30");
        Thread.sleep(1_100); // the orders were held before the grant, which is stored at the second (ADR 0061 item 31's time rule)
        SigningIdentity stored = reviewer("reviewer-30a"); // enrolled as the demo people are: its grant (sequence 1) names no order
        SigningIdentity dismissed = reviewer("reviewer-30b");
        SigningIdentity colleague = reviewer("reviewer-30c");
        SigningIdentity stranger = reviewer("reviewer-30d");
        ok(registry.send("supervisor-1", "EndSignerRole", new EndSignerRole(dismissed.person(), Role.MINISTRY_REVIEWER, dismissal)));

        registry.refused(registry.send("supervisor-1", "StateStoredActOrder", new StateStoredActOrder(stored.person(), 1L, dismissal)), 409,
                "identity.order-concerns-other-persons", "documentSha256", "001 art. 23.1.1");
        assertThat(registry.events("person-reviewer-30a")).noneMatch(StoredActOrderStated.class::isInstance);
        assertThat(registry.claimOf(dismissal).getList("concerns", String.class)).containsExactly("reviewer-30b");

        ok(registry.send("supervisor-1", "StateStoredActOrder", new StateStoredActOrder(stored.person(), 1L, appointment, null,
                List.of(colleague.person()))));
        assertThat(registry.events("person-reviewer-30a")).filteredOn(StoredActOrderStated.class::isInstance).hasSize(1);
        assertThat(registry.claimOf(appointment).getList("concerns", String.class)).containsExactly("reviewer-30a", "reviewer-30c");
        registry.refused(registry.send("supervisor-1", "EndSignerRole", new EndSignerRole(stranger.person(), Role.MINISTRY_REVIEWER, appointment)),
                409, "identity.order-concerns-other-persons", "documentSha256", "001 art. 23.1.1");
        ok(registry.send("supervisor-1", "EndSignerRole", new EndSignerRole(colleague.person(), Role.MINISTRY_REVIEWER, appointment)));
    }
}
