package mn.registry.identity.command;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.infrastructure.identity.IdentityDirectory;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.RepresentativesCompanyStated;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.identity.StateRepresentativesCompany;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.commandhandling.CommandMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;
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
import static mn.registry.testing.Refusals.refusedAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Session 30, identity round 15 (ADR 0061 items 63-67): a representative's grant stored naming no company is given its company by an
 * official's statement on the company's power of representation, and from the receipt on acts for that company only (F556, was O402).
 * On the supervisor's desk: {@code IdentityRound15BrowserTest} (standalone).
 */
@ExtendWith(EmbeddedMongoExtension.class)
class IdentityAbuseRound15Test {

    private static final String POWER = "5e".repeat(32);
    private static final String COMPANY = "6315001";
    private static final String OTHER_COMPANY = "6315002";
    private static final PersonEnrolled ENROLLED = new PersonEnrolled(PERSON, "Representative Seven", fingerprint(FIRST), "AAAA", T0);
    /** A representative's grant stored before session 29 (or by the start-up enrolment's any-company path): it names no company. */
    private static final RoleGranted NAMING_NONE = new RoleGranted(PERSON, Role.APPLICANT, null, T0, SUPERVISOR, "appointed", DOCUMENT);

    private static CommandMessage<Object> statement(String company, Role signersRole) {
        return SignedCommandContext.message(new StateRepresentativesCompany(PERSON, company, POWER),
                new CommandContext("state-company", AT, AT, SUPERVISOR, Set.of(signersRole),
                        Set.of(), "ab".repeat(32)));
    }

    @Test
    @DisplayName("001 art. 23.1.1; 002 art. 23.2 (F556, was O402; ADR 0061 item 63): abuse: a representative whose stored grant names no company "
            + "acts for any company; once an official states its company, the grant in force names it from the statement's receipt on (not "
            + "before), and a later grant is not given an earlier statement's company")
    void a_stated_company_is_the_grant_in_forces_company() {
        RepresentativesCompanyStated stated = new RepresentativesCompanyStated(PERSON, COMPANY, POWER, AT, SUPERVISOR);
        List<Object> history = List.of(ENROLLED, NAMING_NONE, stated);
        assertThat(IdentityDirectory.companyOfTheGrantInForce(history, AT.minusSeconds(1))).as("before the statement's receipt").isNull();
        assertThat(IdentityDirectory.companyOfTheGrantInForce(history, AT)).isEqualTo(COMPANY);
        assertThat(IdentityDirectory.grantsHeldAt(history, Role.APPLICANT, AT.plusSeconds(60))).singleElement()
                .satisfies(g -> assertThat(g.company()).as("the grant read for a transfer's successor's representative").isEqualTo(COMPANY));

        Instant ended = AT.plusSeconds(3_600);
        List<Object> regranted = List.of(ENROLLED, NAMING_NONE, stated,
                new RoleRevoked(PERSON, Role.APPLICANT, null, ended, SUPERVISOR, "power of representation ended"),
                new RoleGranted(PERSON, Role.APPLICANT, null, ended.plusSeconds(60), null, "start-up enrolment"));
        assertThat(IdentityDirectory.companyOfTheGrantInForce(regranted, ended.plusSeconds(120)))
                .as("the statement was of the earlier grant").isNull();
        List<Object> named = List.of(ENROLLED, new RoleGranted(PERSON, Role.APPLICANT, null, T0, SUPERVISOR, "appointed", DOCUMENT, OTHER_COMPANY));
        assertThat(IdentityDirectory.companyOfTheGrantInForce(named, AT)).isEqualTo(OTHER_COMPANY);
    }

    @Test
    @DisplayName("001 art. 23.1.1; 002 art. 23.2 (F556, was O402; ADR 0061 item 63): abuse: the company is stated only for a grant of the "
            + "applicant's role in force naming none: no such grant (none, an official's, one ended) is refused "
            + "identity.representative-grant-missing, a grant naming a company or stated already identity.representatives-company-already-named; "
            + "nothing stored")
    void the_company_is_stated_once_for_a_grant_naming_none() {
        fixture().given(ENROLLED, NAMING_NONE)
                .when(statement(" " + COMPANY + " ", Role.MINISTRY_SUPERVISOR))
                .expectEvents(new RepresentativesCompanyStated(PERSON, COMPANY, POWER, AT, SUPERVISOR));
        fixture().given(ENROLLED)
                .when(statement(COMPANY, Role.MINISTRY_SUPERVISOR))
                .expectNoEvents().expectException(problem("identity.representative-grant-missing", "personId"));
        fixture().given(ENROLLED, new RoleGranted(PERSON, Role.MINISTRY_REVIEWER, null, T0, SUPERVISOR, "appointed", DOCUMENT))
                .when(statement(COMPANY, Role.MINISTRY_SUPERVISOR))
                .expectNoEvents().expectException(problem("identity.representative-grant-missing", "personId"));
        fixture().given(ENROLLED, NAMING_NONE, new RoleRevoked(PERSON, Role.APPLICANT, null, T0.plusSeconds(60), SUPERVISOR, "ended"))
                .when(statement(COMPANY, Role.MINISTRY_SUPERVISOR))
                .expectNoEvents().expectException(problem("identity.representative-grant-missing", "personId"));
        fixture().given(ENROLLED, new RoleGranted(PERSON, Role.APPLICANT, null, T0, SUPERVISOR, "appointed", DOCUMENT, OTHER_COMPANY))
                .when(statement(COMPANY, Role.MINISTRY_SUPERVISOR))
                .expectNoEvents().expectException(problem("identity.representatives-company-already-named", "company"));
        fixture().given(ENROLLED, NAMING_NONE, new RepresentativesCompanyStated(PERSON, OTHER_COMPANY, "6e".repeat(32), T0.plusSeconds(60), SUPERVISOR))
                .when(statement(COMPANY, Role.MINISTRY_SUPERVISOR))
                .expectNoEvents().expectException(problem("identity.representatives-company-already-named", "company"));
    }

    @Test
    @DisplayName("001 art. 23.1.1; 002 art. 23.2, 25.1.1 (F556; ADR 0061 items 63-64): abuse: a statement naming no company, or a number of "
            + "another shape, is refused as an enrolment's is; only a ministry supervisor signs it (not a reviewer, a representative, the Cabinet member)")
    void the_statement_names_a_registration_number_and_is_an_officials() {
        for (String none : new String[]{null, "", "  "}) {
            assertThatThrownBy(() -> StateRepresentativesCompanyType.statedCompanyIsARegistrationNumber(none)).satisfies(t -> refusedAs(t,
                    "identity.representative-company-missing", "company", EnrolSignerType.REPRESENTATIVE_ARTICLE));
        }
        for (String malformed : new String[]{"6315 01", "631500", "63150011", "６３１５００１", "631500a"}) {
            assertThatThrownBy(() -> StateRepresentativesCompanyType.statedCompanyIsARegistrationNumber(malformed)).satisfies(t -> refusedAs(t,
                    "identity.company-number-malformed", "company", EnrolSignerType.COMPANY_ARTICLE));
        }
        assertThat(StateRepresentativesCompanyType.statedCompanyIsARegistrationNumber(" " + COMPANY)).isEqualTo(COMPANY);
        assertThat(new StateRepresentativesCompanyType().stateRepresentativesCompany(null, null, null).allowedRoles())
                .containsExactly(Role.MINISTRY_SUPERVISOR);
    }

    @Test
    @DisplayName("001 art. 23.1.1; 002 art. 20.3.3 (F556; ADR 0061 item 63): abuse: a statement on another company's power of representation "
            + "(claimed by that company's enrolment) is refused document.claimed-by-another-company.identity-order, the claim left as it was; "
            + "the statement's claim names the company stated")
    void the_power_of_representation_is_the_stated_companys_paper(MongoDatabase database) {
        IdentityOrderClaims orders = IdentityOrderClaims.on(database);
        assertThat(orders.claimedBy("cmd-enrol", "EnrolSigner", POWER, EnrolSignerType.concerning(PERSON, null).ofCompany(OTHER_COMPANY)))
                .isTrue();
        orders.logged("cmd-state", "StateRepresentativesCompany");
        assertThatThrownBy(() -> orders.claim("cmd-state", POWER, EnrolSignerType.concerning(PERSON, null).ofCompany(COMPANY)))
                .satisfies(t -> assertThat(((RegistryProblem) t).code()).isEqualTo("document.claimed-by-another-company.identity-order"));
        assertThat(orders.stored(POWER).getString("commandId")).isEqualTo("cmd-enrol");
        String fresh = "7e".repeat(32);
        assertThat(orders.claim("cmd-state", fresh, EnrolSignerType.concerning(PERSON, null).ofCompany(COMPANY))).isTrue();
    }
}
