package mn.registry.standalone.browser;

import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.pki.SigningIdentity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 30, identity round 13, on the supervisor's desk and the Cabinet member's page in both languages with axe. ADR 0061 item 53 (abuse
 * audit F520, was O350): the enrolment form asks the company while the role chosen is a representative's, and says why in the page's
 * language before anything is prepared for signing. Item 55 (F521, was O352): the statement of a stored act's order states the other
 * persons the order concerns.
 */
@BrowserTest
class IdentityRound13BrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    private static SigningIdentity person(String id) {
        return registry.newPerson(id);
    }

    @Test
    @DisplayName("001 art. 23.1.1; 002 art. 23.2 (ADR 0061 item 53, abuse audit F520, was O350): the enrolment form asks a representative's "
            + "company on the supervisor's desk and the Cabinet member's page, in Mongolian and in English with axe: not prepared for signing "
            + "without it, the reason in the page's language; an official's enrolment leaves it empty; the representative naming it is enrolled")
    void the_enrolment_form_asks_a_representatives_company() {
        String[][] pages = {{"supervisor-1", "/desk", "form-enrol-signer"}, {"cabinet-1", "/cabinet", "form-enrol-signer"}};
        int n = 0;
        for (String[] page : pages) {
            browser.signInAsDemo(page[0]);
            for (String lang : new String[]{"mn", "en"}) {
                n++;
                browser.open(page[1], lang);
                String formId = browser.find("#enr-person").findElement(org.openqa.selenium.By.xpath("ancestor::form")).getAttribute("id");
                SigningIdentity who = person("applicant-30" + lang + n);
                browser.find("#enr-person").sendKeys(who.person().value());
                browser.find("#enr-certificate").sendKeys(Certificates.toPem(List.of(who.chain().get(0))));
                browser.chooseFile("enr-file", "enr-document", "%PDF-1.4\npower of representation of 631320" + n + " for "
                        + who.person().value() + " " + System.nanoTime() + "\n%%EOF\n");
                new Select(browser.find("#enr-role")).selectByValue("MINISTRY_REVIEWER");
                assertThat(browser.find("#enr-company").getAttribute("required")).as("an official's enrolment names no company").isNull();
                new Select(browser.find("#enr-role")).selectByValue("APPLICANT");
                browser.find("#" + formId + " button[type=submit]").click();
                WebElement company = browser.find("#enr-company");
                assertThat(company.getAttribute("required")).isNotNull();
                assertThat(browser.find("#signing-panel").isDisplayed()).isFalse();
                assertThat(company.getDomProperty("validationMessage")).contains("mn".equals(lang)
                        ? "компанийн долоон оронтой улсын бүртгэлийн дугаарыг бичнэ үү" : "A company's representative is enrolled for a company");
                assertThat(browser.find("label[for=enr-company]").getText()).contains("mn".equals(lang) ? "төлөөлөгчид заавал"
                        : "required for a representative");
                browser.axe();

                company.sendKeys("631320" + n);
                if ("/desk".equals(page[1])) {
                    String shown = browser.signAndSend(formId);
                    assertThat(shown).contains("\"role\":\"APPLICANT\"").contains("\"company\":\"631320" + n + "\"");
                    assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText())
                            .isEqualTo("sent");
                } else { // the Cabinet member's form: prepared for signing naming the company, then cancelled (nothing sent)
                    browser.find("#" + formId + " button[type=submit]").click();
                    assertThat(browser.waitFor("#signed-text").getText()).contains("\"company\":\"631320" + n + "\"");
                    browser.find("#sign-cancel").click();
                }
            }
            browser.signOut();
        }
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 55, abuse audit F521, was O352): the supervisor states a stored grant's order and the other "
            + "persons it concerns on the desk, in Mongolian and in English with axe; the statement sent names them")
    void the_statement_of_a_stored_acts_order_states_whom_it_concerns() throws InterruptedException {
        browser.signInAsDemo("supervisor-1");
        for (String lang : new String[]{"mn", "en"}) {
            browser.open("/desk", lang);
            assertThat(browser.find("label[for=sto-concerns]").getText()).contains("mn".equals(lang) ? "хамаарах бусад хүмүүс" : "Other persons");
            String order = browser.chooseFile("sto-file", "sto-document", "%PDF-1.4\norder appointing reviewer-30" + lang + "s and reviewer-30"
                    + lang + "t " + System.nanoTime() + "\n%%EOF\n");
            Thread.sleep(1_100); // the order held before the grant, which is stored at the second (ADR 0061 item 31)
            SigningIdentity stored = person("reviewer-30" + lang + "s");
            registry.context.getBean(mn.registry.identity.command.Enrolment.class).enrolIfAbsent(stored.person(), "Reviewer", stored.certificate(),
                    mn.registry.kernel.identity.Role.MINISTRY_REVIEWER, null, new PersonId("supervisor-1"), "test enrolment, session 30");
            browser.find("#sto-person").sendKeys(stored.person().value());
            browser.find("#sto-sequence").sendKeys("1");
            browser.find("#sto-document").clear();
            browser.find("#sto-document").sendKeys(order);
            browser.find("#sto-concerns").sendKeys("reviewer-30" + lang + "t");
            browser.axe();
            String shown = browser.signAndSend("form-state-order");
            assertThat(shown).contains("\"type\":\"StateStoredActOrder\"").contains("\"orderConcerns\":[\"reviewer-30" + lang + "t\"]");
            assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
        }
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();
    }
}
