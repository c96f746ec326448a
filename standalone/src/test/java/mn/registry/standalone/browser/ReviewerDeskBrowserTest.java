package mn.registry.standalone.browser;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.RecordPermitInsurance;
import mn.registry.kernel.permit.SetMinimumInsurance;
import mn.registry.standalone.RegistryClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 8: a reviewer signs in with their key files, approves an application with an in-browser signature, and the public page shows the decision. */
@BrowserTest
class ReviewerDeskBrowserTest {


    private static BrowserRegistry registry;
    private static Browser browser;

    @Test
    @DisplayName("002 art. 26.1-26.4: sign in by signing the challenge, approve in the browser, the supervisor issues, the public permit page shows the grant")
    void reviewer_approves_and_the_public_sees_the_permit() {
        // 002 art. 26.5: the ministry's minimum insurance is set before any approval
        ok(registry.client.command(registry.client.sign("supervisor-1", "SetMinimumInsurance", new SetMinimumInsurance(Money.mnt(100_000_000)))));
        browser.signInWithFiles("reviewer-1");
        browser.open("/desk", "en");
        assertThat(browser.all("#queue tbody tr")).hasSizeGreaterThanOrEqualTo(1);
        String firstRowClass = browser.find("#queue tbody tr").getAttribute("class");
        assertThat(firstRowClass).isIn("on-time", "near-due", "overdue");
        assertThat(browser.find("#queue tbody tr").getText()).contains("working day");
        browser.screenshot("desk-queue");

        browser.find("#queue tbody tr a").click();
        browser.waitFor("#form-approve");
        String url = browser.driver.getCurrentUrl();
        String applicationId = url.substring(url.lastIndexOf('/') + 1);
        String company = browser.find("h1 span").getText();
        assertThat(browser.all("#checklist tbody tr")).hasSize(7);
        assertThat(browser.find("#checklist").getText()).containsPattern("[0-9a-f]{64}");
        assertThat(browser.find("#history td[data-type='PermitApplicationRegistered']").getText()).isEqualTo("Application registered");
        assertThat(browser.find("#history").getText()).contains("applicant-1").doesNotContain("PermitApplicationRegistered");
        browser.screenshot("desk-application");

        String shown = browser.signAndSend("form-approve");
        JsonNode signed = parse(shown);
        assertThat(signed.path("type").asText()).isEqualTo("ApprovePermitApplication");
        assertThat(signed.path("command").path("applicationId").asText()).isEqualTo(applicationId);
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");

        // the command on file is the one the browser signed, by the reviewer's key
        browser.waitUntil("the application is approved", d -> {
            browser.open("/desk/applications/" + applicationId, "en");
            return "APPROVED_PENDING_INSURANCE".equals(browser.find("#status").getAttribute("data-status"));
        });
        assertThat(browser.find("#history td[data-type='PermitApplicationApproved']").getText()).isEqualTo("Application approved");
        assertThat(browser.find("#history").getText()).contains("reviewer-1");

        // the applicant insures (the applicant's own act, signed outside the desk), then the supervisor issues in the browser
        RegistryClient client = registry.client;
        ApplicationId id = new ApplicationId(applicationId);
        // the policy and the contract are documents the registry received (ADR 0046 item 13): uploaded first
        String proof = registry.context.getBean(mn.registry.document.DocumentStore.class).receive(
                ("%PDF-1.4\nthe policy and the contract " + java.util.UUID.randomUUID() + "\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/pdf",
                "contract.pdf").document().sha256();
        ok(client.command(client.sign("applicant-1", "RecordPermitInsurance",
                new RecordPermitInsurance(id, "Mongol Daatgal", "POL-1", Money.mnt(200_000_000), LocalDate.now().plusYears(1), proof))));
        browser.signOut();
        browser.signInAsDemo("supervisor-1");
        browser.open("/desk/applications/" + applicationId, "en");
        browser.find("#issue-activity").sendKeys("Issuing electronic-signature certificates");
        browser.find("#issue-conditions").sendKeys("Keep the certificate database in Mongolia");
        browser.find("#issue-contract").sendKeys(proof);
        JsonNode issue = parse(browser.signAndSend("form-issue"));
        assertThat(issue.path("type").asText()).isEqualTo("IssuePermit");
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");

        // the public register, no login: search the permits by the holder's name, open the permit, see the grant
        browser.signOut();
        browser.waitUntil("the grant is on the public register", d -> {
            browser.open("/register?kind=permits&name=" + company.split(" ")[0], "en");
            return !d.findElements(By.linkText(company)).isEmpty();
        });
        browser.driver.findElement(By.linkText(company)).click();
        browser.waitFor("#history");
        assertThat(browser.find("#entry-status").getAttribute("data-status")).isEqualTo("VALID");
        // ADR 0021: the grant as a sentence, the official by title, never by the internal person id
        assertThat(browser.find("#history").getText()).contains("Special permit granted").contains("Permit granted by the Ministry")
                .contains("an official of the Ministry").doesNotContain("supervisor-1");
        browser.screenshot("public-permit");
    }

    private static JsonNode parse(String text) {
        try {
            return CanonicalJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("the text shown for signing is not JSON: " + text, e);
        }
    }

    private static void ok(RegistryClient.Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    }
}
