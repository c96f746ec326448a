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
 * Session 31, identity round 16, on the supervisor's desk in both languages with axe. ADR 0061 item 68 (abuse audit F534, was O417): the
 * representatives' grants in force naming no company are listed beside the form of {@code StateRepresentativesCompany}, from the persons'
 * streams; choosing one fills the form, and once its company is stated the grant leaves the list.
 */
@BrowserTest
class IdentityRound16BrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    private static String row(String person) {
        return "#naming-no-company-list tr[data-person='" + person + "']";
    }

    @Test
    @DisplayName("001 art. 23.1.1; 002 art. 23.2 (F534, was O417; ADR 0061 item 68): the supervisor's desk lists the representatives' grants "
            + "in force naming no company; choosing one fills the statement's form, and the grant whose company was stated leaves the list, "
            + "in Mongolian and in English with axe")
    void the_desk_lists_the_grants_naming_no_company() {
        String[] langs = {"mn", "en"};
        IdentityDirectory directory = registry.context.getBean(IdentityDirectory.class);
        for (int i = 0; i < langs.length; i++) {
            String lang = langs[i];
            SigningIdentity representative = registry.newPerson("applicant-316" + lang);
            String person = representative.person().value();
            registry.context.getBean(mn.registry.identity.command.Enrolment.class).enrolRepresentativeOfAnyCompanyIfAbsent(
                    representative.person(), "Representative", representative.certificate(), new PersonId("supervisor-1"),
                    "test enrolment naming no company, session 31");
            String fingerprint = Certificates.fingerprint(representative.certificate());

            browser.signInAsDemo("supervisor-1");
            browser.open("/desk", lang);
            assertThat(browser.find("#naming-no-company-list").isDisplayed()).isTrue();
            assertThat(browser.find(row(person)).getText()).contains(person);
            browser.find(row(person) + " a.choose-representative").click();
            browser.axe();
            assertThat(browser.find("#rco-person").getAttribute("value")).as("the row chosen fills the form").isEqualTo(person);

            String company = "631610" + i;
            browser.chooseFile("rco-file", "rco-document", "%PDF-1.4\npower of representation of " + company + " for " + person + " "
                    + System.nanoTime() + "\n%%EOF\n");
            browser.find("#rco-company").sendKeys(company);
            assertThat(browser.signAndSend("form-representatives-company")).contains("\"type\":\"StateRepresentativesCompany\"");
            assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
            assertThat(directory.actorAt(representative.person(), fingerprint, Instant.now()).orElseThrow().company()).isEqualTo(company);

            browser.open("/desk", lang);
            assertThat(browser.all(row(person))).as("stated: no longer listed").isEmpty();
            browser.signOut();
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @DisplayName("001 art. 23.1.1 (F535, was O401; ADR 0061 item 69): a second official sees on the desk every grant of a person with its "
            + "order and the persons the order was stated to concern (an enrolment's order, not on the stored acts' list), read-only, in "
            + "Mongolian and in English with axe")
    void the_desk_shows_a_persons_grants_with_their_orders() {
        String[] langs = {"mn", "en"};
        for (int i = 0; i < langs.length; i++) {
            String lang = langs[i];
            SigningIdentity representative = registry.newPerson("applicant-316" + lang + "-order");
            String person = representative.person().value();
            String colleague = "applicant-316" + lang + "-colleague";
            browser.signInAsDemo("supervisor-1");
            browser.open("/desk", lang);
            browser.find("#enr-person").sendKeys(person);
            browser.find("#enr-certificate").sendKeys(Certificates.toPem(java.util.List.of(representative.chain().get(0))));
            new org.openqa.selenium.support.ui.Select(browser.find("#enr-role")).selectByValue("APPLICANT");
            browser.find("#enr-company").sendKeys("631620" + i);
            browser.chooseFile("enr-file", "enr-document", "%PDF-1.4\npower of representation of 631620" + i + " for " + person + " and "
                    + colleague + " " + System.nanoTime() + "\n%%EOF\n");
            String order = browser.find("#enr-document").getAttribute("value");
            browser.find("#enr-concerns").sendKeys(colleague);
            assertThat(browser.signAndSend("form-enrol-signer")).contains("\"type\":\"EnrolSigner\"");
            assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");

            browser.open("/desk?storedActsOf=" + person, lang);
            assertThat(browser.all("#stored-acts-list")).as("the enrolment names its order: not a stored act naming none").isEmpty();
            String grant = "#grants-and-ends-list tr[data-order='" + order + "']";
            assertThat(browser.find(grant).getText()).contains(order.substring(0, 12))
                    .contains("mn".equals(lang) ? "үйлдэл өөрөө нэрлэсэн" : "named by the act");
            assertThat(browser.find(grant + " td.concerns").getText()).contains(person).contains(colleague);
            assertThat(browser.all("#grants-and-ends-list form, #grants-and-ends-list a")).as("read-only").isEmpty();
            browser.signOut();
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
