package mn.registry.standalone.browser;

import mn.registry.demo.AdvanceDemoClock;
import mn.registry.kernel.crypto.Sha256;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 "Done when", the permit half: a new application goes from the applicant's page through approval, insurance,
 * issue, suspension on an inspector's opinion, restoration, extension and revocation, every act signed in the browser
 * on its person's page and no command sent from a shell. Only the demo clock is moved by its own mechanism (the signed
 * {@code AdvanceDemoClock}, command-line only by design) to reach the last six months of the term, on a registry of
 * the test's own whose demo people hold ten-year certificates. Each step's page is screenshotted in Mongolian and English
 * with {@code -Dscreenshots=docs/screenshots}; every page opened is checked by axe.
 */
@BrowserTest(ownRegistry = true)
class PermitLifecycleBrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    private static Path document(String name) {
        try {
            Path file = Files.createTempFile(name + "-", ".pdf");
            Files.writeString(file, "%PDF-1.4\n" + name + " " + System.nanoTime() + "\n%%EOF\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Chooses a file in a form's file input and waits until the browser hashed it and the registry kept it; its SHA-256. */
    private static String choose(String fileInput, Path file) {
        WebElement input = browser.find(fileInput);
        input.sendKeys(file.toAbsolutePath().toString());
        browser.waitUntil("the file is hashed and kept", d -> "yes".equals(input.getAttribute("data-uploaded")));
        try {
            return Sha256.hex(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void set(String css, String value) {
        browser.script("document.querySelector(arguments[0]).value = arguments[1];", css, value);
    }

    private static void sent(String formId) {
        browser.signAndSend(formId);
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(formId + ": " + browser.find("#command-result").getText())
                .isEqualTo("sent");
    }

    /** Opens a page in Mongolian and in English (axe checks both) and screenshots each. */
    private static void both(String path, String name) {
        for (String lang : new String[]{"mn", "en"}) {
            browser.open(path, lang);
            browser.screenshot(name + "-" + lang);
        }
    }

    /** Waits until the case's status on a page (desk or applicant) is {@code status}. */
    private static void awaitStatus(String path, String status) {
        browser.waitUntil("the case is " + status, d -> {
            browser.open(path, "en");
            return status.equals(browser.find("#status").getAttribute("data-status"));
        });
    }

    @Test
    @DisplayName("002 art. 25-29: apply, approve, insure, issue, suspend, restore, extend and revoke, each from its person's page in the browser")
    void a_permit_from_application_to_revocation_in_the_browser() {
        // the applicant applies with the six documents of 002 art. 25.1
        browser.signInAsDemo("applicant-1");
        browser.open("/applicant/apply", "en");
        browser.find("#ap-name").sendKeys("Selenge Trust Services LLC");
        browser.find("#ap-number").sendKeys("6712345");
        browser.find("#ap-address").sendKeys("Sukhbaatar, Selenge aimag");
        for (String kind : new String[]{"STATE_REGISTRATION_CERTIFICATE", "CERTIFICATE_ISSUING_PROCEDURE", "CORRESPONDENT_BANK_REFERENCE",
                "AUDITED_FINANCIAL_STATEMENTS", "SECURITY_RISK_ASSESSMENT_AND_AUDIT", "INTERNATIONAL_STANDARDS_REPORT"}) {
            choose("#doc-file-" + kind, document(kind));
        }
        browser.screenshot("lifecycle-1-apply-en");
        sent("form-apply");
        browser.waitUntil("the case is listed", d -> {
            browser.open("/applicant", "en");
            return browser.find("main").getText().contains("Selenge Trust Services LLC");
        });
        String id = browser.driver.findElements(By.cssSelector("#cases tbody tr")).stream()
                .filter(r -> r.getText().contains("Selenge Trust Services LLC")).findFirst().orElseThrow().getAttribute("data-application");
        String applicantCase = "/applicant/applications/" + id;
        String deskCase = "/desk/applications/" + id;
        both(applicantCase, "lifecycle-1-applied");
        browser.signOut();

        // the supervisor sets the minimum insurance: until then the desk offers no approval and says why
        browser.signInAsDemo("reviewer-1");
        awaitStatus(deskCase, "REGISTERED");
        assertThat(browser.all("#form-approve")).isEmpty();
        assertThat(browser.find("#missing-first").getText()).contains("minimum insurance");
        browser.signOut();
        browser.signInAsDemo("supervisor-1");
        browser.open("/desk", "en");
        browser.find("#min-amount").sendKeys("100000000");
        sent("form-minimum-insurance");
        both("/desk", "lifecycle-2-minimum-insurance");
        browser.signOut();

        // 002 art. 26.2.2: the reviewer approves
        browser.signInAsDemo("reviewer-1");
        browser.waitUntil("approval is offered", d -> {
            browser.open(deskCase, "en");
            return !browser.all("#form-approve").isEmpty();
        });
        sent("form-approve");
        awaitStatus(deskCase, "APPROVED_PENDING_INSURANCE");
        assertThat(browser.find("#missing-first").getText()).contains("Record the insurance before issuing");
        both(deskCase, "lifecycle-3-approved");
        browser.signOut();

        // 002 art. 26.2.3: the applicant records its insurance
        browser.signInAsDemo("applicant-1");
        awaitStatus(applicantCase, "APPROVED_PENDING_INSURANCE");
        assertThat(browser.find("#missing-insurance").isDisplayed()).isTrue();
        browser.find("#ins-insurer").sendKeys("Mongol Daatgal");
        browser.find("#ins-policy").sendKeys("POL-2026-77");
        browser.find("#ins-amount").sendKeys("250000000");
        set("#ins-until", registry.context.getBean(mn.registry.web.WebDates.class).today().plusYears(3).toString()); // at most a term (F148)
        choose("#ins-file", document("policy"));
        sent("form-insurance");
        browser.waitUntil("the insurance is shown", d -> {
            browser.open(applicantCase, "en");
            return !browser.all("#insurance-recorded").isEmpty();
        });
        both(applicantCase, "lifecycle-4-insured");
        browser.signOut();

        // 002 art. 26.6: the supervisor issues, now that the insurance is recorded
        browser.signInAsDemo("supervisor-1");
        browser.waitUntil("issuing is offered", d -> {
            browser.open(deskCase, "en");
            return !browser.all("#form-issue").isEmpty();
        });
        browser.find("#issue-activity").sendKeys("Issuing qualified signature certificates");
        browser.find("#issue-conditions").sendKeys("Keep the certificate database in Mongolia");
        choose("#issue-contract-file", document("contract"));
        sent("form-issue");
        awaitStatus(deskCase, "ACTIVE");
        both(deskCase, "lifecycle-5-issued");
        browser.signOut();

        // 002 art. 28.1: the inspector records an opinion of a violation on its page
        browser.signInAsDemo("inspector-1");
        browser.waitUntil("the permit is in force on the inspector's page", d -> {
            browser.open("/inspector", "en");
            return browser.find("main").getText().contains("Selenge Trust Services LLC");
        });
        new Select(browser.find("#insp-permit")).selectByValue(id);
        String findings = choose("#insp-file", document("findings"));
        browser.find("#insp-violation").click();
        sent("form-inspect");
        both("/inspector", "lifecycle-6-inspected");
        browser.signOut();

        // the reviewer suspends on that opinion for one month, then restores
        browser.signInAsDemo("reviewer-1");
        browser.waitUntil("the inspection is on file", d -> {
            browser.open(deskCase, "en");
            return !browser.all("#history td[data-type='PermitInspected']").isEmpty();
        });
        new Select(browser.find("#suspend-ground")).selectByValue("INSPECTOR_OPINION");
        set("#suspend-evidence", findings);
        String from = browser.find("#suspend-from").getAttribute("value");
        set("#suspend-until", java.time.LocalDate.parse(from).plusMonths(1).toString());
        sent("form-suspend");
        awaitStatus(deskCase, "SUSPENDED");
        both(deskCase, "lifecycle-7-suspended");
        // 002 art. 28.4 (ADR 0046 item 18): not restored on the reviewer's word; an inspection since the suspension finds it remedied
        assertThat(browser.all("#form-restore")).isEmpty();
        assertThat(browser.find("#missing-first").getAttribute("innerHTML")).contains("desk.missing.remedyInspection");
        // 002 art. 28.1, 28.4 (ADR 0046 item 139, F494): the inspector's opinion stands, so the inspection finding it remedied is the
        // inspector's: the reviewer's desk offers no inspection and says so, in both languages; the inspector records it on its page
        for (String lang : new String[]{"mn", "en"}) {
            browser.open(deskCase, lang);
            assertThat(browser.all("#form-inspect")).isEmpty();
            assertThat(browser.find("#missing-first li[data-missing=\"desk.missing.remedyFindingIsTheInspectors\"]").getText())
                    .contains(lang.equals("en") ? "the communications inspector records the inspection" : "холбооны улсын байцаагч өөрийн хуудсанд");
        }
        browser.signOut();
        browser.signInAsDemo("inspector-1");
        browser.open("/inspector", "en");
        new Select(browser.find("#insp-permit")).selectByValue(id);
        choose("#insp-file", document("remedy-findings"));
        assertThat(browser.find("#insp-violation").isSelected()).isFalse();
        sent("form-inspect");
        both("/inspector", "lifecycle-7-remedy-inspected");
        browser.signOut();
        browser.signInAsDemo("reviewer-1");
        browser.waitUntil("the restoration is offered", d -> {
            browser.open(deskCase, "en");
            return !browser.all("#form-restore").isEmpty();
        });
        browser.find("#restore-reason").sendKeys("The violation was remedied; the inspector confirmed it");
        sent("form-restore");
        awaitStatus(deskCase, "ACTIVE");
        both(deskCase, "lifecycle-8-restored");
        browser.signOut();

        // 002 art. 27.2: the demo clock moves to five months before the expiry (the last six months of the term)
        String validUntil = registry.client.get("/api/reviewer/permits/" + id, registry.client.signIn("reviewer-1")).body().path("permit").path("validUntil").asText();
        java.time.LocalDate target = java.time.LocalDate.parse(validUntil).minusMonths(5);
        long days = java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse(from), target);
        while (days > 0) {
            int step = (int) Math.min(400, days);
            RegistryClientReplies.ok(registry.client.command(registry.client.sign("supervisor-1", "AdvanceDemoClock", new AdvanceDemoClock(step))));
            days -= step;
        }

        // the holder requests the extension with its stamp-duty proof
        browser.signInAsDemo("applicant-1");
        browser.open(applicantCase, "en");
        choose("#extension-file", document("stamp-duty"));
        sent("form-extension");
        both(applicantCase, "lifecycle-9-extension-requested");
        browser.signOut();

        // 002 art. 27.3-27.4: the reviewer extends by five years
        browser.signInAsDemo("reviewer-1");
        browser.waitUntil("the extension is offered", d -> {
            browser.open(deskCase, "en");
            return !browser.all("#form-extend").isEmpty();
        });
        // 002 art. 27.5 (ADR 0046 item 24): no ground to suspend stands, so "a ground to suspend" is not offered as a reason to refuse
        assertThat(browser.all("#ext-req-NO_GROUND_TO_SUSPEND")).isEmpty();
        assertThat(browser.all("#ext-req-STAMP_DUTY_PAID")).hasSize(1);
        assertThat(browser.find("#extend-no-ground").getText()).startsWith("No ground to suspend the permit stands");
        browser.open(deskCase, "mn");
        assertThat(browser.find("#extend-no-ground").getText()).startsWith("Зөвшөөрлийг түдгэлзүүлэх үндэслэл алга");
        new Select(browser.find("#extend-decision")).selectByValue("true");
        sent("form-extend");
        browser.waitUntil("the permit is extended", d -> {
            browser.open(deskCase, "en");
            return !browser.all("#history td[data-type='PermitExtended']").isEmpty();
        });
        both(deskCase, "lifecycle-10-extended");
        browser.signOut();

        // 002 art. 29.1.1 (ADR 0046 item 14): the holder's own request is no ground until the holder asked
        browser.signInAsDemo("supervisor-1");
        browser.open(deskCase, "en");
        assertThat(new Select(browser.find("#revoke-ground")).getOptions()).extracting(o -> o.getAttribute("value")).doesNotContain("HOLDER_REQUEST");
        assertThat(browser.all("#revoke-no-request")).hasSize(1);
        browser.signOut();

        // the holder asks for revocation by its signed request
        browser.signInAsDemo("applicant-1");
        browser.open(applicantCase, "en");
        sent("form-revocation-request");
        browser.waitUntil("the request is on record", d -> {
            browser.open(applicantCase, "en");
            return !browser.all("#revocation-request-pending").isEmpty();
        });
        both(applicantCase, "lifecycle-11a-revocation-requested");
        assertThat(browser.all("#form-revocation-request")).isEmpty();
        browser.signOut();

        // 002 art. 29.1: the supervisor revokes at the holder's request
        browser.signInAsDemo("supervisor-1");
        browser.waitUntil("the holder's request is shown", d -> {
            browser.open(deskCase, "en");
            return !browser.all("#revocation-request").isEmpty();
        });
        both(deskCase, "lifecycle-11b-revocation-request-on-the-desk");
        browser.open(deskCase, "en");
        new Select(browser.find("#revoke-ground")).selectByValue("HOLDER_REQUEST");
        browser.find("#revoke-reason").sendKeys("The holder asked to end the permit");
        sent("form-revoke");
        awaitStatus(deskCase, "REVOKED");
        both(deskCase, "lifecycle-11-revoked");
        browser.signOut();

        browser.signInAsDemo("applicant-1");
        awaitStatus(applicantCase, "REVOKED");
        assertThat(browser.all("#decisions tr[data-type]").stream().map(r -> r.getAttribute("data-type")).toList()).contains("PermitRevoked",
                "PermitExtended", "PermitRestored", "PermitSuspended", "PermitIssued", "PermitApplicationApproved");
        assertThat(browser.find("#decisions").getText()).doesNotContain("PermitRevoked").doesNotContain("??").doesNotContain("={");
        both(applicantCase, "lifecycle-12-applicant-reads-its-case");
        browser.signOut();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** The registry's answer to a signed command sent by the test itself (only the demo clock is). */
    private static final class RegistryClientReplies {
        static void ok(mn.registry.standalone.RegistryClient.Reply reply) {
            assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(200);
        }
    }
}
