package mn.registry.standalone.browser;

import mn.registry.standalone.RegistryClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 28, desks, the short round (docs/abuse-audit.md; ADR 0071 item 17 left it, abuse audit F489, was O319): the holder's notice to
 * its certificate holders before an unextended expiry (002 art. 27.7) sent from its page. The duty arises only once the extension
 * request's due date passed with none, months before the expiry, years after the permit's issue: a registry of its own, whose demo clock
 * the test moves on.
 */
@BrowserTest(ownRegistry = true)
class CertificateHoldersNoticeBrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    @Test
    @DisplayName("002 art. 27.7 (ADR 0071 item 17, abuse audit F489, was O319): no extension requested by its due date, the holder's page "
            + "offers the notice to its certificate holders in Mongolian and English, checked by axe; sent from the form with its evidence "
            + "chosen as a file, it is recorded and the form is gone")
    void the_holder_sends_its_notice_to_its_certificate_holders_from_its_page() {
        RegistryClient client = registry.client;
        String permit = PermitActsBrowserTest.activePermit(registry, "Dornod Notice LLC", "6400733");
        LocalDate validUntil = LocalDate.parse(client.get("/api/reviewer/permits/" + permit, client.signIn("reviewer-1")).body()
                .path("permit").path("validUntil").asText());
        registry.advanceDemoClockTo(validUntil.minusDays(60)); // past the request's due date (three months before expiry), no request made

        browser.signInAsDemo("applicant-1");
        BrowserRegistry.await("the notice's duty on the holder's page", () -> {
            browser.open("/applicant/applications/" + permit, "mn");
            return !browser.all("#form-duty-NOTIFY_CERTIFICATE_HOLDERS").isEmpty();
        });
        browser.open("/applicant/applications/" + permit, "en");
        assertThat(browser.all("#form-duty-NOTIFY_CERTIFICATE_HOLDERS")).hasSize(1);
        browser.chooseFile("duty-file-NOTIFY_CERTIFICATE_HOLDERS", "duty-sha-NOTIFY_CERTIFICATE_HOLDERS", "%PDF-1.4\nthe notice to the "
                + "certificate holders of " + permit + " that its term ends unextended\n%%EOF\n");
        String sent = browser.signAndSend("form-duty-NOTIFY_CERTIFICATE_HOLDERS");
        assertThat(sent).contains("\"type\":\"RecordPermitDutyFulfilled\"").contains("\"duty\":\"NOTIFY_CERTIFICATE_HOLDERS\"");
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
        for (String lang : new String[]{"en", "mn"}) {
            browser.open("/applicant/applications/" + permit, lang); // ADR 0071: one load, the page waits for the register
            assertThat(browser.all("#form-duty-NOTIFY_CERTIFICATE_HOLDERS")).as("the notice is recorded").isEmpty();
        }
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();
    }
}
