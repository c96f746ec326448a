package mn.registry.standalone.browser;

import mn.registry.infrastructure.identity.IdentityDirectory;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.pki.SigningIdentity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 30, identity round 15, on the supervisor's desk in both languages with axe. ADR 0061 item 63 (abuse audit F556, was O402): a
 * supervisor states the company of a representative's grant naming none, on the company's power of representation; from the receipt on the
 * representative acts for that company only, and a second statement moving them to another company is refused.
 */
@BrowserTest
class IdentityRound15BrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    private static SigningIdentity person(String id) {
        return registry.newPerson(id);
    }

    @Test
    @DisplayName("001 art. 23.1.1; 002 art. 23.2 (F556, was O402; ADR 0061 item 63): a supervisor states on the desk the company of a "
            + "representative's grant naming none; the representative then represents that company only, and a second statement naming "
            + "another company is refused identity.representatives-company-already-named, in Mongolian and in English with axe")
    void a_supervisor_states_the_company_of_a_grant_naming_none() {
        String[] langs = {"mn", "en"};
        for (int i = 0; i < langs.length; i++) {
            String lang = langs[i];
            SigningIdentity representative = person("applicant-315" + lang);
            registry.context.getBean(mn.registry.identity.command.Enrolment.class).enrolRepresentativeOfAnyCompanyIfAbsent(
                    representative.person(), "Representative", representative.certificate(), new PersonId("supervisor-1"),
                    "test enrolment naming no company, session 30");
            IdentityDirectory directory = registry.context.getBean(IdentityDirectory.class);
            String fingerprint = Certificates.fingerprint(representative.certificate());
            assertThat(directory.actorAt(representative.person(), fingerprint, Instant.now()).orElseThrow().company()).isNull();

            String company = "631510" + i;
            browser.signInAsDemo("supervisor-1");
            browser.open("/desk", lang);
            assertThat(browser.find("#form-representatives-company").isDisplayed()).isTrue();
            browser.chooseFile("rco-file", "rco-document", "%PDF-1.4\npower of representation of " + company + " for "
                    + representative.person().value() + " " + System.nanoTime() + "\n%%EOF\n");
            browser.find("#rco-person").sendKeys(representative.person().value());
            browser.find("#rco-company").sendKeys(company);
            assertThat(browser.signAndSend("form-representatives-company")).contains("\"type\":\"StateRepresentativesCompany\"");
            assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
            assertThat(directory.actorAt(representative.person(), fingerprint, Instant.now()).orElseThrow().company()).isEqualTo(company);

            browser.open("/desk", lang); // a fresh page: the answer shown is the next command's
            browser.chooseFile("rco-file", "rco-document", "%PDF-1.4\npower of representation of 631519" + i + " "
                    + System.nanoTime() + "\n%%EOF\n");
            browser.find("#rco-person").sendKeys(representative.person().value());
            browser.find("#rco-company").sendKeys("631519" + i);
            browser.signAndSend("form-representatives-company");
            assertThat(browser.find("#command-result").getAttribute("data-outcome")).isEqualTo("refused");
            assertThat(browser.find("#command-result").getText()).contains("identity.representatives-company-already-named");
            browser.consoleErrors(); // the refused command's 4xx answer is logged by the browser
            assertThat(directory.actorAt(representative.person(), fingerprint, Instant.now()).orElseThrow().company()).isEqualTo(company);
            browser.signOut();
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
