package mn.registry.standalone.browser;

import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.DecidePermitExtension;
import mn.registry.kernel.permit.DecideRevocationComplaint;
import mn.registry.kernel.permit.FileRevocationComplaint;
import mn.registry.kernel.permit.RequestPermitExtension;
import mn.registry.standalone.RegistryClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 26's permits round 26 (docs/abuse-audit.md, "Session 26, permits round 26"; ADR 0046 item 111, F428, was O249) on a running
 * registry, over HTTP and in the browser, in English and Mongolian: an extension request that waited on a revocation is closed once the
 * revocation stands; the holder's page says so as the command side answers. A registry of its own: the test moves the demo clock years on.
 */
@BrowserTest(ownRegistry = true)
class ExtensionClosedByTheRevocationBrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    @Test
    @DisplayName("002 art. 27.3, 29.6 (ADR 0046 items 111, 115; F428, was O249; F431, was O270): the holder requests the extension in "
            + "time; the permit is revoked and the holder complains: the page says the request waits for the revocation's outcome and comes "
            + "back if the complaint is upheld; the complaint rejected, the ministry's extension is refused (409), and the holder's page "
            + "shows the request closed, not pending, and offers no new request, in both languages")
    void an_extension_request_closed_by_the_revocation_in_the_browser() {
        RegistryClient client = registry.client;
        String permit = PermitActsBrowserTest.activePermit(registry, "Khentii Closed Request LLC", "6400511");
        ApplicationId id = new ApplicationId(permit);
        LocalDate validUntil = LocalDate.parse(client.get("/api/reviewer/permits/" + permit, client.signIn("reviewer-1")).body()
                .path("permit").path("validUntil").asText());
        advanceTo(validUntil.minusDays(150)); // in the last six months of the term, before the request's due date
        ok(client.command(client.sign("applicant-1", "RequestPermitExtension", new RequestPermitExtension(id,
                PermitActsBrowserTest.uploaded(registry, "the stamp duty paid for the extension of " + permit)))));
        browser.signInAsDemo("applicant-1");
        browser.open("/applicant/applications/" + permit, "en");
        assertThat(browser.find("#extension-pending").getText()).contains("waiting for the ministry's decision");

        PermitActsBrowserTest.revokedOnFalseDocuments(registry, permit, "audit report");
        ok(client.command(client.sign("applicant-1", "FileRevocationComplaint", new FileRevocationComplaint(id,
                PermitActsBrowserTest.uploaded(registry, "the complaint of " + permit)))));
        // ADR 0046 item 115 (F431, was O270): while the complaint may annul the revocation, the page says the request waits for its outcome
        BrowserRegistry.await("the holder's page showing the request waiting for the revocation's outcome", () -> {
            browser.open("/applicant/applications/" + permit, "en");
            return !browser.all("#extension-waits").isEmpty();
        });
        assertThat(browser.find("#extension-waits").getText()).contains("waits for the outcome of the revocation")
                .contains("if a complaint against it is upheld, the request comes back");
        assertThat(browser.all("#extension-closed")).isEmpty();
        browser.screenshot("applicant-extension-waits-en");
        browser.open("/applicant/applications/" + permit, "mn");
        assertThat(browser.find("#extension-waits").getText()).contains("хүчингүй болголтын үр дүнг хүлээж байна").doesNotContain("??");
        browser.screenshot("applicant-extension-waits-mn");
        ok(client.command(client.sign("supervisor-2", "DecideRevocationComplaint", new DecideRevocationComplaint(id, false,
                PermitActsBrowserTest.uploaded(registry, "the decision rejecting the complaint of " + permit)))));
        RegistryClient.Reply extended = client.command(client.sign("supervisor-2", "DecidePermitExtension", new DecidePermitExtension(id, true, List.of())));
        assertThat(extended.status()).as(extended.body().toString()).isEqualTo(409);
        assertThat(extended.code()).isEqualTo("permit.extension-request-closed-by-the-revocation");

        BrowserRegistry.await("the holder's page showing the request closed", () -> {
            browser.open("/applicant/applications/" + permit, "en");
            return !browser.all("#extension-closed").isEmpty();
        });
        assertThat(browser.find("#extension-closed").getText()).contains("ended with the permit");
        assertThat(browser.all("#extension-waits")).isEmpty();
        assertThat(browser.all("#extension-pending")).isEmpty();
        assertThat(browser.all("#form-extension")).isEmpty();
        browser.screenshot("applicant-extension-closed-en");
        browser.open("/applicant/applications/" + permit, "mn");
        assertThat(browser.find("#extension-closed").getText()).contains("зөвшөөрлийн хамт дуусгавар болсон").doesNotContain("??");
        assertThat(browser.all("#form-extension")).isEmpty();
        browser.screenshot("applicant-extension-closed-mn");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** Moves the demo clock forward to {@code target} (Ulaanbaatar date), at most 400 days a step. */
    private static void advanceTo(LocalDate target) {
        registry.advanceDemoClockTo(target);
    }

    private static void ok(RegistryClient.Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    }
}
