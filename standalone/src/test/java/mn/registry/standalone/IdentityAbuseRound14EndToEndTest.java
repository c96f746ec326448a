package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.identity.RoleGranted;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 30, identity round 14 (ADR 0061 items 58-62) on the demo as registry.jar starts it (without the test suite's
 * {@code registry.demo-applicant-names-no-company}, item 59): the start-up enrolment grants each demo company's representative for that
 * company (F540, was O373 in part), and each demo application is signed by its company's own representative.
 */
class IdentityAbuseRound14EndToEndTest {

    @RegisterExtension
    static final PermitRegistry registry = new PermitRegistry("--registry.demo-applicant-names-no-company=false");

    private static String companyOf(String person) {
        return registry.events("person-" + person).stream().filter(RoleGranted.class::isInstance).map(RoleGranted.class::cast)
                .findFirst().map(RoleGranted::company).orElse(null);
    }

    @Test
    @DisplayName("001 art. 23.1.1; 002 art. 23.2 (F540, was O373 in part; ADR 0061 item 58): abuse: the demo's representative applies for "
            + "another company than the one the start-up enrolment named: refused 403 identity.representative-of-another-company, nothing "
            + "stored; one representative per demo company, each grant naming it, each demo application signed by its own")
    void the_demos_representatives_act_for_their_own_company() throws InterruptedException {
        assertThat(companyOf("applicant-1")).isEqualTo("9011223");
        assertThat(companyOf("applicant-khan-sign")).isEqualTo("9055667");
        assertThat(companyOf("reviewer-1")).isNull();

        registry.refused(registry.send("applicant-1", "ApplyForPermit", ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(),
                "Fourteen Round LLC", "6314001")), 403, "identity.representative-of-another-company", "company.registrationNumber",
                "002 art. 23.2");
        registry.refused(registry.send("applicant-1", "ApplyForPermit", ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(),
                "Khan Sign LLC", "9055667")), 403, "identity.representative-of-another-company", "company.registrationNumber",
                "002 art. 23.2");

        String reviewer = registry.signIn("reviewer-1");
        JsonNode list = registry.await("/api/reviewer/applications", reviewer,
                body -> body.toString().contains("Tenger Trust LLC") && body.toString().contains("Khan Sign LLC"));
        assertThat(list.toString()).doesNotContain("Fourteen Round LLC");
    }
}
