package mn.registry.standalone.browser;

import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.identity.PersonId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 30, who acts for an entity's land (003 art. 12.1, 22.2, 22.5; 001 art. 23.1.1; ADR 0035 item 104; abuse audit F525, was O367): the
 * holder's page judges the land acts it offers on the signed-in person's grant in force now with its company, as the land register judges the
 * act (F507, F524). A registry of its own: the test changes the demo representative's grant.
 */
@BrowserTest(ownRegistry = true)
class LandRepresentativeBrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    /** The entity (a unique number: the registry's claims are shared by the tests of one registry) and the company its representative moves to. */
    static final LegalEntity DEPOT = new LegalEntity("Altanbulag Session Thirty Depot LLC", Jurisdiction.MONGOLIAN, null, "6230301");
    static final String ANOTHER_COMPANY = "6230302";

    @Test
    @DisplayName("003 art. 12.1, 22.2, 22.5; 001 art. 23.1.1 (F525, was O367; ADR 0035 item 104): the person who signed the entity's registration, "
            + "once their grant names another company, is offered no land application, withdrawal or fee report, and "
            + "no longer reads the entity's file (F554, ADR 0035 item 122: nor is its page shown, in Mongolian and in English, with axe); before, "
            + "all three were offered")
    void the_holders_page_offers_no_land_act_to_another_companys_representative() {
        EntityWithLand depot = EntityWithLand.registered(registry, DEPOT, 50.315, "Governor decision 2026/130");
        String page = depot.page();
        String report = depot.report();
        String withdrawal = depot.withdrawal();
        browser.signInAsDemo("applicant-1");
        browser.waitUntil("the pending application's withdrawal is offered", d -> {
            browser.open(page, "en");
            return !browser.all(withdrawal).isEmpty();
        });
        assertThat(browser.all(report)).as("the fee's report offered to the entity's representative").hasSize(1);
        assertThat(browser.all("#form-land")).as("the land application offered").hasSize(1);
        browser.signOut();

        // the demo representative's grant ends and a new one names another company (their enrolment for that company's power)
        EntityWithLand.representsAnotherCompany(registry, new PersonId("applicant-1"), DEPOT.registrationNumber(), ANOTHER_COMPANY,
                "3a".repeat(32));

        // F554 (was O392; ADR 0035 item 122, choice): once their grant names another company they read nothing of the entity's file, so no
        // land act is offered to them at all (F525's "why" is told only to a reader of the page; the register refuses the act either way)
        browser.signInAsDemo("applicant-1");
        for (String lang : new String[]{"en", "mn"}) {
            browser.open(page, lang);
            assertThat(browser.all("#receipt")).as("the entity's file not shown").isEmpty();
            assertThat(browser.all("#form-land")).as("no land application offered").isEmpty();
            assertThat(browser.all(withdrawal)).as("no withdrawal offered").isEmpty();
            assertThat(browser.all(report)).as("no fee report offered").isEmpty();
            browser.axe();
            browser.open("/applicant", lang);
            assertThat(browser.all(depot.listed())).as("not listed").isEmpty();
        }
        browser.signOut();
    }
}
