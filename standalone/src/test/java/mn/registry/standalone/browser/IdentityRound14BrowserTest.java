package mn.registry.standalone.browser;

import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.pki.SigningIdentity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 30, identity round 14, on the supervisor's desk in both languages with axe. ADR 0061 item 60 (abuse audit O351 in part): the
 * persons the first official stated a stored act's order to concern are shown beside the act on the list of the person's stored acts, so that
 * a second official sees what the first stated.
 */
@BrowserTest
class IdentityRound14BrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    private static SigningIdentity person(String id) {
        return registry.newPerson(id);
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 60, abuse audit O351 in part): a supervisor states a stored grant's order and the other "
            + "persons it concerns; a second supervisor looking up the person's stored acts sees, beside the act, the order and the persons "
            + "stated, in Mongolian and in English with axe")
    void a_second_official_sees_whom_the_stated_order_concerns() throws InterruptedException {
        for (String lang : new String[]{"mn", "en"}) {
            browser.signInAsDemo("supervisor-1");
            browser.open("/desk", lang);
            String order = browser.chooseFile("sto-file", "sto-document", "%PDF-1.4\norder appointing reviewer-31" + lang + "s and reviewer-31"
                    + lang + "t " + System.nanoTime() + "\n%%EOF\n");
            Thread.sleep(1_100); // the order held before the grant, which is stored at the second (ADR 0061 item 31)
            SigningIdentity stored = person("reviewer-31" + lang + "s");
            registry.context.getBean(mn.registry.identity.command.Enrolment.class).enrolIfAbsent(stored.person(), "Reviewer", stored.certificate(),
                    mn.registry.kernel.identity.Role.MINISTRY_REVIEWER, null, new PersonId("supervisor-1"), "test enrolment, session 30");
            browser.find("#sto-person").sendKeys(stored.person().value());
            browser.find("#sto-sequence").sendKeys("1");
            browser.find("#sto-document").clear();
            browser.find("#sto-document").sendKeys(order);
            browser.find("#sto-concerns").sendKeys("reviewer-31" + lang + "t");
            browser.signAndSend("form-state-order");
            assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
            browser.signOut();

            browser.signInAsDemo("supervisor-2");
            browser.open("/desk?storedActsOf=" + stored.person().value(), lang);
            String shown = browser.find("#stored-acts-list tr[data-sequence='1'] .stated-concerns").getText();
            assertThat(shown).contains("reviewer-31" + lang + "s").contains("reviewer-31" + lang + "t").contains(order.substring(0, 12))
                    .contains("mn".equals(lang) ? "хамаатай гэж тодорхойлсон" : "was stated to concern");
            browser.signOut();
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
