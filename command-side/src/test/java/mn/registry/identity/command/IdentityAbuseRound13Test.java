package mn.registry.identity.command;

import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.identity.EnrolSigner;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.StateStoredActOrder;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static mn.registry.identity.command.PersonEnrolmentTest.DOCUMENT;
import static mn.registry.identity.command.PersonEnrolmentTest.FIRST;
import static mn.registry.identity.command.PersonEnrolmentTest.PERSON;
import static mn.registry.identity.command.PersonEnrolmentTest.pem;
import static mn.registry.testing.Refusals.refusedAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Session 30, identity round 13 (ADR 0061 items 53-57): a new enrolment of a company's representative names its company (F520, was O350);
 * a statement of a stored act's order states the persons the order concerns and is judged by them as the other identity acts (F521, was
 * O352). Over HTTP: {@code IdentityAbuseRound13EndToEndTest} (standalone); on the desk: {@code IdentityRound13BrowserTest}.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class IdentityAbuseRound13Test {

    private static final String ORDER = "1d".repeat(32);
    private static final String OTHER_ORDER = "2d".repeat(32);

    private static EnrolSigner enrolment(String company, Role role) {
        return new EnrolSigner(PERSON, pem(FIRST), role, DOCUMENT, company, null);
    }

    @Test
    @DisplayName("001 art. 23.1.1; 002 art. 23.2 (F520, was O350; ADR 0061 item 53): abuse: a representative's enrolment naming no company "
            + "(none, or blank) is refused identity.representative-company-missing on company; an official's enrolment and a certificate "
            + "alone name none; a number of another shape is refused by the permit application's rule")
    void a_representatives_enrolment_names_their_company() {
        for (String none : new String[]{null, "", "   "}) {
            assertThatThrownBy(() -> EnrolSignerType.representativesCompany(enrolment(none, Role.APPLICANT))).satisfies(t -> refusedAs(t,
                    "identity.representative-company-missing", "company", "001 art. 23.1.1; 002 art. 23.2"));
        }
        assertThat(EnrolSignerType.representativesCompany(enrolment(null, Role.MINISTRY_REVIEWER))).isNull();
        assertThat(EnrolSignerType.representativesCompany(enrolment(null, null))).as("a certificate alone").isNull();
        assertThat(EnrolSignerType.representativesCompany(enrolment("6313001", Role.APPLICANT))).isEqualTo("6313001");
        for (String malformed : new String[]{"6313 01", "631300", "63130011", "６３１３００１", "631300a"}) {
            assertThatThrownBy(() -> EnrolSignerType.representativesCompany(enrolment(malformed, Role.APPLICANT))).satisfies(t -> refusedAs(t,
                    "identity.company-number-malformed", "company", EnrolSignerType.COMPANY_ARTICLE));
        }
    }

    @Test
    @DisplayName("001 art. 23.1.1 (F521, was O352; ADR 0061 item 55): abuse: a statement of a stored act's order on an order first cited for "
            + "another official is refused identity.order-concerns-other-persons, the claim left as it was; a statement first citing an order "
            + "states its person and the others named, kept on the claim, and a later act for a person not stated is refused")
    void a_statement_of_a_stored_acts_order_states_its_persons(MongoDatabase database) {
        IdentityOrderClaims orders = IdentityOrderClaims.on(database);
        PersonId colleague = new PersonId("reviewer-30a");
        assertThat(orders.claimedBy("cmd-end", "EndSignerRole", ORDER, EnrolSignerType.concerning(colleague, null))).isTrue();

        StateStoredActOrder onAnothers = new StateStoredActOrder(PERSON, 1L, ORDER);
        assertThatThrownBy(() -> orders.claim("cmd-statement", ORDER, StateStoredActOrderType.statedPersons(onAnothers)))
                .satisfies(t -> refusedAs(t, "identity.order-concerns-other-persons", "documentSha256", "001 art. 23.1.1"));
        org.bson.Document claim = orders.stored(ORDER);
        assertThat(claim.getString("commandId")).isEqualTo("cmd-end");
        assertThat(claim.getList("concerns", String.class)).containsExactly(colleague.value());

        PersonId second = new PersonId("reviewer-30b");
        StateStoredActOrder stating = new StateStoredActOrder(PERSON, 1L, OTHER_ORDER, null, List.of(second));
        assertThat(orders.claimedBy("cmd-stated", "StateStoredActOrder", OTHER_ORDER, StateStoredActOrderType.statedPersons(stating))).isTrue();
        assertThat(orders.stored(OTHER_ORDER).getList("concerns", String.class)).containsExactlyInAnyOrder(PERSON.value(), second.value());
        assertThat(orders.claim("cmd-second-end", OTHER_ORDER, EnrolSignerType.concerning(second, null))).as("the person stated: passes")
                .isFalse();
        assertThatThrownBy(() -> orders.claim("cmd-third", OTHER_ORDER, EnrolSignerType.concerning(colleague, null)))
                .satisfies(t -> refusedAs(t, "identity.order-concerns-other-persons", "documentSha256", "001 art. 23.1.1"));
    }
}
