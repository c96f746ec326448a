package mn.registry.standalone.browser;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.document.DocumentStore;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.ApplyForPermit;
import mn.registry.kernel.permit.ApprovePermitApplication;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.IssuePermit;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.RecordPermitInsurance;
import mn.registry.kernel.permit.Reorganisation;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.kernel.permit.SetMinimumInsurance;
import mn.registry.kernel.permit.SubmittedDocument;
import mn.registry.standalone.RegistryClient;
import mn.registry.web.WebDates;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 item 1: the acts of the tax officer, of the ministry on the tax authority's request, and of the permit holder
 * have forms on their pages, signed in the browser, in English and Mongolian; a refusal is shown in the page's language.
 */
@BrowserTest
class PermitActsBrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    @Test
    @DisplayName("002 art. 28.1: the tax officer requests a suspension on its page, the reviewer refuses it, the officer asks again, a second pending request is refused in Mongolian, the reviewer suspends on it; restoration waits for the officer's record that the evasions are settled (28.4)")
    void tax_officer_requests_and_the_ministry_decides_in_the_browser() throws Exception {
        String id = activePermit("Khuvsgul Trust Certificates LLC", "6400311");
        Path request = document("tax-request-1", "Tax authority request: two evasions in 2026");
        String requestSha = sha256(request);

        // the tax officer lands on its page after signing in, and asks for the suspension (English)
        browser.signInAsDemo("tax-officer-1");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/tax");
        browser.open("/tax", "en");
        assertThat(browser.find("h1").getText()).isEqualTo("Tax authority: active permits");
        assertThat(browser.find("#permits").getText()).contains("Khuvsgul Trust Certificates LLC");
        requestSuspension(id, request, 3);
        JsonNode signed = parse(browser.signAndSend("form-tax-request"));
        assertThat(signed.path("type").asText()).isEqualTo("RequestPermitSuspension");
        assertThat(signed.path("command").path("evidenceSha256").asText()).isEqualTo(requestSha);
        assertThat(signed.path("command").path("taxEvasions").asInt()).isEqualTo(3);
        assertThat(outcome()).as(browser.find("#command-result").getText()).isEqualTo("sent");
        browser.screenshot("tax-request-en");
        // the cookie alone does not upload: a request without the page's CSRF token (another site's) is refused
        Object forged = browser.script("return fetch('/api/documents', { method: 'POST', headers: { 'Content-Type': 'application/pdf' },"
                + " body: '%PDF-1.4 forged' }).then(r => r.status)");
        assertThat(((Number) forged).intValue()).isIn(401, 403);
        assertThat(browser.consoleErrors()).allMatch(e -> e.contains("/api/documents - Failed to load resource"));
        browser.signOut();

        // the reviewer's desk shows the pending request and refuses it with reasons (English)
        browser.signInAsDemo("reviewer-1");
        browser.open("/desk/applications/" + id, "en"); // ADR 0071: one load, the page waits for the register
        assertThat(!browser.all("#tax-request").isEmpty()).as("the desk shows the tax authority's request").isTrue();
        assertThat(browser.find("#tax-request").getText()).contains(requestSha).contains("tax-officer-1").contains("3");
        // the document was uploaded from the officer's browser with its session: the ministry opens it by its hash
        assertThat(java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(registry.url("/api/documents/" + requestSha)))
                .header("Authorization", "Bearer " + registry.client.signIn("reviewer-1")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body()).contains("two evasions in 2026");
        assertThat(browser.find("#suspend-ground").getAttribute("value")).isEqualTo("TAX_EVASIONS");
        assertThat(browser.find("#suspend-evidence").getAttribute("value")).isEqualTo(requestSha);
        browser.find("#refuse-tax-reasons").sendKeys("The evasions named were settled before the request");
        JsonNode refusal = parse(browser.signAndSend("form-refuse-tax"));
        assertThat(refusal.path("type").asText()).isEqualTo("RefusePermitSuspensionRequest");
        assertThat(outcome()).as(browser.find("#command-result").getText()).isEqualTo("sent");
        browser.open("/desk/applications/" + id, "en"); // ADR 0071: one load, the page waits for the register
        assertThat(browser.all("#tax-request").isEmpty() && browser.all("#form-refuse-tax").isEmpty()).as("the request is decided").isTrue();
        browser.signOut();

        // the officer asks again (Mongolian); a second request while that one waits is refused, in Mongolian
        browser.signInAsDemo("tax-officer-1");
        Path second = document("tax-request-2", "Tax authority request: three evasions in 2026");
        browser.open("/tax", "mn");
        assertThat(browser.find("h1").getText()).isEqualTo("Татварын алба: хүчин төгөлдөр зөвшөөрлүүд");
        requestSuspension(id, second, 2);
        browser.signAndSend("form-tax-request");
        assertThat(outcome()).as(browser.find("#command-result").getText()).isEqualTo("sent");
        browser.open("/tax", "mn");
        requestSuspension(id, second, 2);
        browser.signAndSend("form-tax-request");
        assertThat(outcome()).isEqualTo("refused");
        assertThat(browser.find("#command-result").getText()).contains("permit.suspension-request-pending")
                .contains("Татварын албаны хүсэлт аль хэдийн шийдвэр хүлээж байна").doesNotContain("already waiting");
        browser.screenshot("tax-request-refused-mn");
        // the refused command is the browser's only logged error (its 4xx answer)
        assertThat(browser.consoleErrors()).allMatch(e -> e.contains("/api/commands - Failed to load resource"));
        browser.signOut();

        // the reviewer suspends on the request (Mongolian): the ground and the evidence come from the pending request
        browser.signInAsDemo("reviewer-1");
        browser.open("/desk/applications/" + id, "mn"); // ADR 0071: one load, the page waits for the register
        assertThat(!browser.all("#tax-request").isEmpty()).as("the desk shows the second request").isTrue();
        assertThat(browser.find("#suspend-evidence").getAttribute("value")).isEqualTo(sha256(second));
        assertThat(browser.find("#suspend-tax").getAttribute("value")).isEqualTo("2");
        assertThat(browser.find("label[for=suspend-evidence]").getText()).isEqualTo("Хүсэлтийн баримтын SHA-256");
        LocalDate today = registry.context.getBean(WebDates.class).today();
        browser.script("document.getElementById('suspend-until').value = arguments[0]", today.plusMonths(1).toString());
        browser.screenshot("desk-tax-request-mn");
        JsonNode suspension = parse(browser.signAndSend("form-suspend"));
        assertThat(suspension.path("command").path("ground").asText()).isEqualTo("TAX_EVASIONS");
        assertThat(outcome()).as(browser.find("#command-result").getText()).isEqualTo("sent");
        browser.open("/desk/applications/" + id, "en"); // ADR 0071: one load, the page waits for the register
        assertThat("SUSPENDED".equals(browser.find("#status").getAttribute("data-status"))).as("the permit is suspended").isTrue();
        assertThat(browser.all("#tax-request")).isEmpty();
        // 002 art. 28.4 (ADR 0046 item 19): no restoration on the reviewer's word; the desk says the tax authority settles first
        assertThat(browser.all("#form-restore")).isEmpty();
        assertThat(browser.find("#missing-first li[data-missing=\"desk.missing.taxSettlement\"]").getText()).contains("the tax authority records that the evasions are settled");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();

        // the tax officer finds the permit among those suspended at its request and records the settlement (English)
        browser.signInAsDemo("tax-officer-1");
        browser.open("/tax", "en");
        assertThat(browser.find("#suspended").getText()).contains("Khuvsgul Trust Certificates LLC");
        Path settled = document("tax-settled-1", "Tax authority: the evasions of 2026 are settled");
        browser.script("document.getElementById('settled-permit').value = arguments[0]", id);
        browser.find("#settled-file").sendKeys(settled.toAbsolutePath().toString());
        browser.waitUntil("the settlement's document is hashed and uploaded in the browser", d -> sha256(settled).equals(
                browser.find("#settled-evidence").getAttribute("value")) && browser.find("#settled-file").getAttribute("data-uploaded") != null);
        browser.screenshot("tax-settled-en");
        JsonNode settlement = parse(browser.signAndSend("form-tax-settled"));
        assertThat(settlement.path("command").path("evidenceSha256").asText()).isEqualTo(sha256(settled));
        assertThat(outcome()).as(browser.find("#command-result").getText()).isEqualTo("sent");
        browser.open("/tax", "mn"); // ADR 0071: one load, the page waits for the register
        assertThat(browser.all("#suspended").isEmpty()).as("the permit leaves the list of settlements to record").isTrue();
        assertThat(browser.find("#suspended-none").getText()).isEqualTo("Татварын албаны хүсэлтээр түдгэлзүүлж, зөрчил нь барагдаагүй зөвшөөрөл алга.");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();

        // the reviewer is now offered the restoration (Mongolian)
        browser.signInAsDemo("reviewer-1");
        browser.open("/desk/applications/" + id, "mn"); // ADR 0071: one load, the page waits for the register
        assertThat(!browser.all("#form-restore").isEmpty()).as("the desk offers the restoration").isTrue();
        assertThat(browser.find("#form-restore h3").getText()).isNotBlank();
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();
    }

    @Test
    @DisplayName("002 art. 22.1.2, 27.2: the holder reports the certificates issued on its page; the page says in Mongolian from which day an extension may be asked, and offers no request before")
    void holder_reports_and_asks_for_an_extension_in_the_browser() throws Exception {
        String id = activePermit("Darkhan Signature Services LLC", "6400312");
        browser.signInWithFiles("applicant-1");
        browser.open("/applicant/applications/" + id, "en"); // ADR 0071: one load, the page waits for the register
        assertThat(!browser.all("#form-certificates").isEmpty()).as("the permit is active on the applicant's page").isTrue();
        assertThat(browser.find("#holder-acts h2").getText()).isEqualTo("Acts of the permit holder");
        browser.find("#certificates-count").sendKeys("12");
        JsonNode report = parse(browser.signAndSend("form-certificates"));
        assertThat(report.path("type").asText()).isEqualTo("ReportCertificatesIssued");
        assertThat(report.path("command").path("count").asInt()).isEqualTo(12);
        assertThat(outcome()).as(browser.find("#command-result").getText()).isEqualTo("sent");
        String reviewer = registry.client.signIn("reviewer-1");
        BrowserRegistry.await("the report is in the case's history", () -> registry.client.get("/api/reviewer/applications/" + id, reviewer)
                .body().toString().contains("CertificatesIssuedReported"));
        browser.screenshot("applicant-holder-acts-en");

        // the permit was issued today: an extension is asked in the last part of its term only (002 art. 27.2), so the
        // page offers no request yet and says in Mongolian from which day it may be made
        browser.open("/applicant/applications/" + id, "mn");
        assertThat(browser.find("#holder-acts h2").getText()).isEqualTo("Зөвшөөрөл эзэмшигчийн үйлдэл");
        assertThat(browser.all("#form-extension")).isEmpty();
        String validUntil = registry.client.get("/api/reviewer/permits/" + id, reviewer).body().path("permit").path("validUntil").asText();
        String opens = String.valueOf(java.time.LocalDate.parse(validUntil).plusDays(1).minusMonths(6).getYear());
        assertThat(browser.find("#extension-opens").getText()).contains("Сунгуулах хүсэлт").contains(opens);
        browser.screenshot("applicant-extension-opens-mn");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();
    }

    @Test
    @DisplayName("002 art. 20.3.3 (ADR 0046 item 45, F181, was O94): the holder reports a change with the document that shows it, in English "
            + "and in Mongolian (the file is hashed and kept, the form asks for it); the reviewer's desk shows the day the holder names beside "
            + "the document, in both languages")
    void holder_reports_a_change_with_its_document_in_the_browser() {
        String id = activePermit("Zavkhan Change Services LLC", "6400317");
        LocalDate today = registry.context.getBean(WebDates.class).today();
        browser.signInWithFiles("applicant-1");
        browser.open("/applicant/applications/" + id, "en"); // ADR 0071: one load, the page waits for the register
        assertThat(!browser.all("#form-change").isEmpty()).as("the permit is active on the applicant's page").isTrue();
        assertThat(browser.find("label[for='change-file']").getText()).startsWith("Document that shows the change");
        assertThat(browser.find("#change-document").getAttribute("required")).isNotNull();
        String english = reportChange("New registered address", document("extract-6400317-1", "state register extract of 6400317: new address"));
        browser.open("/applicant/applications/" + id, "mn");
        assertThat(browser.find("label[for='change-file']").getText()).startsWith("Өөрчлөлтийг харуулах баримт");
        String mongolian = reportChange("Шинэ захирал", document("extract-6400317-2", "state register extract of 6400317: new director"));
        browser.signOut();

        browser.signInWithFiles("reviewer-1");
        browser.open("/desk/applications/" + id, "en"); // ADR 0071: one load, the page waits for the register
        assertThat(browser.all("#change-reports tbody tr").size() == 2).as("both reports are on the reviewer's desk").isTrue();
        assertThat(browser.find("#change-reports h2").getText()).startsWith("The holder's reports of a change").contains("20.3.3");
        List<org.openqa.selenium.WebElement> rows = browser.all("#change-reports tbody tr");
        String day = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH).format(today);
        assertThat(rows.get(0).findElement(org.openqa.selenium.By.cssSelector(".changed-on")).getText()).isEqualTo(day);
        assertThat(rows.get(0).findElement(org.openqa.selenium.By.cssSelector(".change-document a")).getAttribute("href"))
                .endsWith("/api/documents/" + english + "?application=" + id); // ADR 0035 item 151 (F587): the desk names the application it reads for
        assertThat(rows.get(1).findElement(org.openqa.selenium.By.cssSelector(".change-document a")).getAttribute("href"))
                .endsWith("/api/documents/" + mongolian + "?application=" + id); // ADR 0035 item 151 (F587): the desk names the application it reads for
        browser.open("/desk/applications/" + id, "mn");
        assertThat(browser.find("#change-reports h2").getText()).startsWith("Эзэмшигчийн өөрчлөлтийн мэдэгдэл").contains("20.3.3");
        assertThat(browser.find("#change-reports tbody tr .changed-on").getText())
                .isEqualTo(java.time.format.DateTimeFormatter.ofPattern("yyyy.MM.dd").format(today));
        browser.screenshot("desk-change-reports-mn");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();
    }

    /** The holder's report of a change on the open page, with {@code file} chosen: the document's SHA-256 the signed command names. */
    private static String reportChange(String description, Path file) {
        browser.find("#change-description").sendKeys(description);
        browser.find("#change-file").sendKeys(file.toAbsolutePath().toString());
        String sha = sha256(file);
        browser.waitUntil("the document is hashed and uploaded in the browser", d -> sha.equals(browser.find("#change-document").getAttribute("value"))
                && browser.find("#change-file").getAttribute("data-uploaded") != null);
        assertThat(browser.find("#change-file").getAttribute("data-uploaded")).isEqualTo("yes");
        JsonNode sent = parse(browser.signAndSend("form-change"));
        assertThat(sent.path("type").asText()).isEqualTo("ReportPermitChange");
        assertThat(sent.path("command").path("documentSha256").asText()).isEqualTo(sha);
        assertThat(outcome()).as(browser.find("#command-result").getText()).isEqualTo("sent");
        return sha;
    }

    @Test
    @DisplayName("002 art. 26.2.3 (ADR 0046 item 34, F140): the holder's page says by which day the policy is renewed, and the holder records "
            + "the renewed policy on it in English; the page then names the next day in Mongolian")
    void holder_renews_its_insurance_in_the_browser() {
        String id = activePermit("Uvs Insured Services LLC", "6400313");
        LocalDate today = registry.context.getBean(WebDates.class).today();
        browser.signInWithFiles("applicant-1");
        browser.open("/applicant/applications/" + id, "en"); // ADR 0071: one load, the page waits for the register
        assertThat(!browser.all("#insurance-renewal-due").isEmpty()).as("the renewal's day is on the applicant's page").isTrue();
        // the day in the page's words, and the records' section under its own heading, not a second "Acts of the permit holder"
        assertThat(browser.find("#insurance-renewal-due").getText())
                .contains(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH).format(today.plusYears(1)))
                .contains("renewed policy").doesNotContain("ADR");
        assertThat(browser.find("#holder-records h2").getText()).isEqualTo("The holder's records: insurance and duties");
        browser.find("#ins-insurer").sendKeys("Mongol Daatgal");
        browser.find("#ins-policy").sendKeys("POL-6400313-2");
        browser.find("#ins-amount").sendKeys("200000000");
        LocalDate renewed = today.plusYears(2);
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("document.getElementById('ins-until').value = arguments[0]",
                renewed.toString());
        browser.find("#ins-file").sendKeys(document("renewed-policy", "renewed policy of 6400313").toAbsolutePath().toString());
        browser.waitUntil("the policy hashed", d -> d.findElement(org.openqa.selenium.By.id("ins-sha")).getAttribute("value").length() == 64);
        JsonNode sent = parse(browser.signAndSend("form-insurance"));
        assertThat(sent.path("type").asText()).isEqualTo("RecordPermitInsurance");
        assertThat(outcome()).as(browser.find("#command-result").getText()).isEqualTo("sent");
        browser.open("/applicant/applications/" + id, "mn"); // ADR 0071: one load, the page waits for the register
        assertThat(browser.find("#insurance-renewal-due").getText().contains(java.time.format.DateTimeFormatter.ofPattern("yyyy.MM.dd").format(renewed))).as("the next renewal's day is on the page").isTrue();
        assertThat(browser.find("#insurance-renewal-due").getText()).contains("сунгасан гэрээг");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();
    }

    @Test
    @DisplayName("003 art. 22.2: a registered Free Zone entity applies for land use on the applicant's page in Mongolian; the application is listed in English")
    void registered_entity_applies_for_land_in_the_browser() {
        mn.registry.kernel.freezone.LegalEntity entity = new mn.registry.kernel.freezone.LegalEntity("Selenge Cold Storage LLC",
                mn.registry.kernel.freezone.Jurisdiction.MONGOLIAN, null, "6400313");
        // in Zamyn-Uud: the other browser tests share this registry and read Altanbulag's land queue
        String registrationId = GovernorDeskBrowserTest.apply(registry, entity, "zamyn-uud");
        ok(registry.client.command(registry.client.sign("governor-zamyn-uud", "RegisterEntity",
                new mn.registry.kernel.freezone.RegistrationCommands.RegisterEntity(new mn.registry.kernel.freezone.RegistrationId(registrationId)))));
        browser.signInWithFiles("applicant-1");
        browser.open("/applicant/registrations/" + registrationId, "mn"); // ADR 0071: one load, the page waits for the register
        assertThat(!browser.all("#form-land").isEmpty()).as("the registration is registered on the applicant's page").isTrue();
        assertThat(browser.find("#entity-acts h2").getText()).isEqualTo("Газар ашиглах хүсэлт (Чөлөөт бүсийн тухай хууль, 22.2-р зүйл)");
        LocalDate from = registry.context.getBean(WebDates.class).today().plusDays(7);
        browser.find("#land-name").sendKeys("Parcel S-3");
        browser.find("#land-parcel").sendKeys("{\"type\":\"Polygon\",\"coordinates\":[[[111.89,43.71],[111.895,43.71],[111.895,43.713],[111.89,43.713],[111.89,43.71]]]}");
        browser.find("#land-purpose").sendKeys("Cold storage");
        browser.script("document.getElementById('land-from').value = arguments[0]; document.getElementById('land-until').value = arguments[1]",
                from.toString(), from.plusYears(10).minusDays(1).toString());
        JsonNode signed = parse(browser.signAndSend("form-land"));
        assertThat(signed.path("type").asText()).isEqualTo("ApplyForLandUse");
        assertThat(signed.path("command").path("applicant").asText()).isEqualTo(registrationId);
        assertThat(signed.path("command").path("parcel").path("type").asText()).isEqualTo("Polygon");
        assertThat(outcome()).as(browser.find("#command-result").getText()).isEqualTo("sent");
        browser.screenshot("applicant-land-mn");
        browser.open("/applicant/registrations/" + registrationId, "en"); // ADR 0071: one load, the page waits for the register
        assertThat(!browser.all("#land-applications").isEmpty()).as("the land application is on the applicant's page").isTrue();
        assertThat(browser.find("#land-applications").getText()).contains("Parcel S-3");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();
    }

    @Test
    @DisplayName("002 art. 29.4, 29.6 (ADR 0046 item 20): after a revocation on false documents the desk offers no pass-on of the handed-over database "
            + "while the holder may still complain, and says why in English and Mongolian")
    void the_desk_waits_for_the_complaint_period_before_the_pass_on() {
        String id = activePermit("Uvs Trust Services LLC", "6400315");
        RegistryClient client = registry.client;
        ApplicationId permit = new ApplicationId(id);
        RegistryClient.Reply revoked = client.command(client.sign("supervisor-1", "RevokePermit",
                new mn.registry.kernel.permit.RevokePermit(permit, mn.registry.kernel.permit.RevocationGround.FALSE_DOCUMENTS, "the audit report was forged",
                        uploaded(registry, "the finding that " + id + "'s audit report was forged"))));
        assertThat(revoked.status()).as(revoked.body().toString()).isEqualTo(200);
        RegistryClient.Reply handedOver = client.command(client.sign("reviewer-1", "RecordCertificateDatabaseHandedOver",
                new mn.registry.kernel.permit.RecordCertificateDatabaseHandedOver(permit, "d4".repeat(32), registry.context.getBean(DocumentStore.class)
                        .receive("%PDF-1.4\nthe ministry's receipt of Uvs Trust's database\n%%EOF\n".getBytes(StandardCharsets.UTF_8),
                                "application/pdf", "receipt.pdf").document().sha256())));
        assertThat(handedOver.status()).as(handedOver.body().toString()).isEqualTo(200);

        browser.signInAsDemo("supervisor-2");
        browser.open("/desk/applications/" + id, "en"); // ADR 0071: one load, the page waits for the register
        assertThat(!browser.all("#missing-first li[data-missing=\"desk.missing.complaintPeriod\"]").isEmpty()).as("the desk shows the database handed over").isTrue();
        assertThat(browser.all("#form-pass-database")).isEmpty();
        assertThat(browser.find("#missing-first li[data-missing=\"desk.missing.complaintPeriod\"]").getText())
                .startsWith("The holder may still complain against the revocation");
        browser.open("/desk/applications/" + id, "mn");
        assertThat(browser.all("#form-pass-database")).isEmpty();
        assertThat(browser.find("#missing-first li[data-missing=\"desk.missing.complaintPeriod\"]").getText())
                .startsWith("Эзэмшигч хүчингүй болгосон шийдвэрийн талаар гомдол гаргах хугацаа дуусаагүй байна");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();
        // 002 art. 29.6 (ADR 0046 item 30): the holder's page offers the complaint while its period runs, in both languages
        browser.signInAsDemo("applicant-1");
        browser.open("/applicant/applications/" + id, "en"); // ADR 0071: one load, the page waits for the register
        assertThat(!browser.all("#form-complaint").isEmpty()).as("the holder's page offers the complaint").isTrue();
        assertThat(browser.all("#complaint-period-over")).isEmpty();
        browser.open("/applicant/applications/" + id, "mn");
        assertThat(browser.all("#form-complaint")).hasSize(1);
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();
    }

    @Test
    @DisplayName("002 art. 29.4, 29.6 (ADR 0046 item 120, F458, was O271): revoked again after an upheld complaint, the holder's page offers the "
            + "complaint against the new revocation and the desk holds the database's pass-on in its period, in English and Mongolian")
    void a_second_revocations_complaint_period_in_the_browser() {
        String id = activePermit("Zavkhan Second Revocation LLC", "6400727");
        RegistryClient client = registry.client;
        ApplicationId permit = new ApplicationId(id);
        revokedOnFalseDocuments(registry, id, "audit report");
        ok(client.command(client.sign("applicant-1", "FileRevocationComplaint", new mn.registry.kernel.permit.FileRevocationComplaint(permit,
                uploaded(registry, "the complaint of " + id)))));
        ok(client.command(client.sign("supervisor-2", "DecideRevocationComplaint", new mn.registry.kernel.permit.DecideRevocationComplaint(permit,
                true, uploaded(registry, "the decision upholding the complaint of " + id)))));
        revokedOnFalseDocuments(registry, id, "insurance policy");
        ok(client.command(client.sign("reviewer-1", "RecordCertificateDatabaseHandedOver", new mn.registry.kernel.permit.RecordCertificateDatabaseHandedOver(
                permit, "d7".repeat(32), uploaded(registry, "the ministry's receipt of " + id + "'s database, handed over again")))));

        browser.signInAsDemo("supervisor-2");
        for (String lang : List.of("en", "mn")) {
            browser.open("/desk/applications/" + id, lang); // ADR 0071: one load, the page waits for the register
            assertThat(browser.all("#missing-first li[data-missing=\"desk.missing.complaintPeriod\"]")).as("the pass-on held, " + lang).hasSize(1);
            assertThat(browser.all("#form-pass-database")).isEmpty();
        }
        assertThat(browser.find("#missing-first li[data-missing=\"desk.missing.complaintPeriod\"]").getText())
                .startsWith("Эзэмшигч хүчингүй болгосон шийдвэрийн талаар гомдол гаргах хугацаа дуусаагүй байна");
        browser.screenshot("desk-second-revocation-complaint-period-mn");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();
        browser.signInAsDemo("applicant-1");
        for (String lang : List.of("en", "mn")) {
            browser.open("/applicant/applications/" + id, lang); // ADR 0071: one load, the page waits for the register
            assertThat(browser.all("#form-complaint")).as("the holder's page offers the complaint, " + lang).hasSize(1);
            assertThat(browser.all("#complaint-period-over")).isEmpty();
        }
        assertThat(browser.find("#form-complaint h3").getText()).isNotBlank();
        browser.screenshot("holder-second-revocation-complaint-mn");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();
    }

    @Test
    @DisplayName("002 art. 29.3 (F221, was O121): the reviewer records a revoked holder's database handed over on the desk with the "
            + "database's signed receipt, chosen as a file (hashed and kept), in English; the same receipt for another revoked permit's "
            + "database is refused in Mongolian")
    void the_database_is_handed_over_on_its_receipt_in_the_browser() {
        String first = activePermit("Khovd Receipt Services LLC", "6400318");
        String second = activePermit("Bayan-Ulgii Receipt Services LLC", "6400319");
        RegistryClient client = registry.client;
        for (String id : List.of(first, second)) {
            revokedOnFalseDocuments(registry, id, "audit report");
        }
        Path receipt = document("database-receipt-6400318", "The ministry received the certificate database of permit 6400318");
        browser.signInWithFiles("reviewer-1");
        browser.open("/desk/applications/" + first, "en"); // ADR 0071: one load, the page waits for the register
        assertThat(!browser.all("#form-database-handed-over").isEmpty()).as("the desk offers the hand-over").isTrue();
        assertThat(browser.find("label[for='dh-receipt']").getText()).startsWith("SHA-256 of the database's signed receipt");
        assertThat(browser.find("#dh-receipt").getAttribute("required")).isNotNull();
        handOver(document("database-6400318", "certificate database of 6400318"), receipt);
        assertThat(outcome()).as(browser.find("#command-result").getText()).isEqualTo("sent");

        browser.open("/desk/applications/" + second, "mn"); // ADR 0071: one load, the page waits for the register
        assertThat(!browser.all("#form-database-handed-over").isEmpty()).as("the desk offers the second hand-over").isTrue();
        assertThat(browser.find("label[for='dh-receipt']").getText()).startsWith("Мэдээллийн санг хүлээн авсныг баталсан");
        handOver(document("database-6400319", "certificate database of 6400319"), receipt);
        assertThat(outcome()).isEqualTo("refused");
        assertThat(browser.find("#command-result").getText()).contains("document.already-grounds-another-act")
                .contains("хүлээлгэн өгсөн мэдээллийн санг хүлээн авсны баримт").doesNotContain("grounds an act");
        browser.screenshot("desk-database-receipt-refused-mn");
        assertThat(browser.consoleErrors()).allMatch(e -> e.contains("/api/commands - Failed to load resource"));
        browser.signOut();
    }

    /** The desk's hand-over on the open page, with the database's and its receipt's files chosen; signed and sent. */
    private static void handOver(Path database, Path receipt) {
        browser.find("#dh-file").sendKeys(database.toAbsolutePath().toString());
        browser.find("#dh-receipt-file").sendKeys(receipt.toAbsolutePath().toString());
        String sha = sha256(receipt);
        browser.waitUntil("the receipt is hashed and uploaded in the browser", d -> sha.equals(browser.find("#dh-receipt").getAttribute("value"))
                && browser.find("#dh-receipt-file").getAttribute("data-uploaded") != null && sha256(database).equals(browser.find("#dh-sha")
                .getAttribute("value")));
        assertThat(browser.find("#dh-receipt-file").getAttribute("data-uploaded")).isEqualTo("yes");
        JsonNode sent = parse(browser.signAndSend("form-database-handed-over"));
        assertThat(sent.path("type").asText()).isEqualTo("RecordCertificateDatabaseHandedOver");
        assertThat(sent.path("command").path("receiptSha256").asText()).isEqualTo(sha);
    }

    @Test
    @DisplayName("002 art. 29.1.1 (ADR 0046 item 25): the holder withdraws its request for revocation on its page in Mongolian; the desk then "
            + "offers no revocation at the holder's request")
    void the_holder_withdraws_its_request_for_revocation_in_the_browser() {
        String id = activePermit("Zavkhan Sign LLC", "6400316");
        RegistryClient client = registry.client;
        RegistryClient.Reply requested = client.command(client.sign("applicant-1", "RequestPermitRevocation",
                new mn.registry.kernel.permit.RequestPermitRevocation(new ApplicationId(id))));
        assertThat(requested.status()).as(requested.body().toString()).isEqualTo(200);

        browser.signInAsDemo("applicant-1");
        browser.open("/applicant/applications/" + id, "mn"); // ADR 0071: one load, the page waits for the register
        assertThat(!browser.all("#form-revocation-withdrawal").isEmpty()).as("the request is pending on the holder's page").isTrue();
        assertThat(browser.find("#form-revocation-withdrawal h3").getText()).isEqualTo("Хүчингүй болгуулах хүсэлтээ буцаах (Цахим гарын үсгийн тухай хууль, 29.1.1-р зүйл)");
        JsonNode withdrawal = parse(browser.signAndSend("form-revocation-withdrawal"));
        assertThat(withdrawal.path("type").asText()).isEqualTo("WithdrawPermitRevocationRequest");
        assertThat(outcome()).as(browser.find("#command-result").getText()).isEqualTo("sent");
        browser.open("/applicant/applications/" + id, "en"); // ADR 0071: one load, the page waits for the register
        assertThat(!browser.all("#form-revocation-request").isEmpty()).as("the request can be made again").isTrue();
        assertThat(browser.all("#revocation-request-pending")).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();

        browser.signInAsDemo("supervisor-1");
        browser.open("/desk/applications/" + id, "en");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.find("#revoke-ground")).getOptions()).extracting(o -> o.getAttribute("value"))
                .doesNotContain("HOLDER_REQUEST");
        browser.signOut();
    }

    @Test
    @DisplayName("002 art. 23.3, 29.1.1 (ADR 0046 item 74, F320): the predecessor asked to revoke, the permit passed to its successor; the "
            + "desk shows the request as the former holder's and offers no revocation at the holder's request, in English and Mongolian; the "
            + "successor's page offers its own request, signed in the browser, which the desk then offers as the ground")
    void a_request_received_before_the_transfer_is_the_predecessors_in_the_browser() {
        String id = activePermit("Uvs Tamga LLC", "6423001");
        RegistryClient client = registry.client;
        ok(client.command(client.sign("applicant-1", "RequestPermitRevocation", new mn.registry.kernel.permit.RequestPermitRevocation(new ApplicationId(id)))));
        String evidence = registry.context.getBean(DocumentStore.class).receive(("%PDF-1.4\nmerger of Uvs Tamga LLC\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8), "application/pdf", "merger.pdf").document().sha256();
        ok(client.command(client.sign("supervisor-1", "TransferPermit", new mn.registry.kernel.permit.TransferPermit(new ApplicationId(id),
                new Company("Uvs Tamga Successor LLC", "6423002", true, "Peace Avenue 3, Ulaanbaatar"), mn.registry.kernel.permit.Reorganisation.MERGER,
                evidence, registry.context.getBean(WebDates.class).today(), new mn.registry.kernel.identity.PersonId("applicant-1")))));

        browser.signInAsDemo("supervisor-1");
        browser.open("/desk/applications/" + id, "en"); // ADR 0071: one load, the page waits for the register
        assertThat(!browser.all("#revocation-request-predecessors").isEmpty()).as("the transfer is on the desk").isTrue();
        assertThat(browser.find("#revocation-request-predecessors").getText()).startsWith("This request was received before the permit passed");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.find("#revoke-ground")).getOptions()).extracting(o -> o.getAttribute("value"))
                .doesNotContain("HOLDER_REQUEST").isNotEmpty();
        assertThat(browser.all("#revoke-no-request")).hasSize(1);
        browser.open("/desk/applications/" + id, "mn");
        assertThat(browser.find("#revocation-request-predecessors").getText()).startsWith("Энэ хүсэлтийг зөвшөөрөл залгамжлагч компанид шилжихээс өмнө");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.find("#revoke-ground")).getOptions()).extracting(o -> o.getAttribute("value"))
                .doesNotContain("HOLDER_REQUEST");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();

        browser.signInAsDemo("applicant-1");
        browser.open("/applicant/applications/" + id, "mn");
        assertThat(browser.find("#revocation-request-predecessors").getText()).startsWith("Зөвшөөрөл танай компанид шилжихээс өмнө");
        assertThat(browser.all("#revocation-request-pending")).isEmpty();
        assertThat(browser.all("#form-revocation-withdrawal")).isEmpty();
        browser.open("/applicant/applications/" + id, "en");
        assertThat(browser.find("#revocation-request-predecessors").getText()).startsWith("A request for revocation was received before the permit passed");
        JsonNode request = parse(browser.signAndSend("form-revocation-request"));
        assertThat(request.path("type").asText()).isEqualTo("RequestPermitRevocation");
        assertThat(outcome()).as(browser.find("#command-result").getText()).isEqualTo("sent");
        browser.open("/applicant/applications/" + id, "en"); // ADR 0071: one load, the page waits for the register
        assertThat(!browser.all("#revocation-request-pending").isEmpty()).as("the successor's own request is pending").isTrue();
        assertThat(browser.all("#revocation-request-predecessors")).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();

        browser.signInAsDemo("supervisor-1");
        browser.open("/desk/applications/" + id, "en");
        assertThat(browser.all("#revocation-request-predecessors")).isEmpty();
        assertThat(new org.openqa.selenium.support.ui.Select(browser.find("#revoke-ground")).getOptions()).extracting(o -> o.getAttribute("value"))
                .contains("HOLDER_REQUEST");
        browser.signOut();
    }

    @Test
    @DisplayName("002 art. 23.3 (ADR 0046 item 96, F370-F371, was O191): the supervisor transfers the permit on the desk naming the day the "
            + "reorganisation took effect, with its record chosen as a file, in English; a reorganisation dated before the permit's issue is "
            + "refused in Mongolian")
    void the_supervisor_transfers_on_the_reorganisations_day_in_the_browser() {
        String first = activePermit("Dornod Tamga LLC", "6424001");
        String second = activePermit("Sukhbaatar Tamga LLC", "6424003");
        LocalDate today = registry.context.getBean(WebDates.class).today();
        browser.signInWithFiles("supervisor-1");
        browser.open("/desk/applications/" + first, "en"); // ADR 0071: one load, the page waits for the register
        assertThat(!browser.all("#form-transfer").isEmpty()).as("the desk offers the transfer").isTrue();
        assertThat(browser.find("label[for='tr-on']").getText()).startsWith("Day the reorganisation took effect");
        assertThat(browser.find("#tr-on").getAttribute("required")).isNotNull();
        JsonNode sent = transfer("Dornod Tamga Holding LLC", "6424002", Reorganisation.SEPARATION, today, document("merger-6424001",
                "state registration of 6424002"));
        assertThat(sent.path("command").path("reorganisedOn").asText()).isEqualTo(today.toString());
        assertThat(outcome()).as(browser.find("#command-result").getText()).isEqualTo("sent");

        browser.open("/desk/applications/" + second, "mn");
        assertThat(browser.find("label[for='tr-on']").getText()).startsWith("Өөрчлөн байгуулалт хүчин төгөлдөр болсон өдөр");
        transfer("Sukhbaatar Tamga Holding LLC", "6424004", Reorganisation.SEPARATION, today.minusDays(1), document("merger-6424003",
                "state registration of 6424004"));
        assertThat(outcome()).isEqualTo("refused");
        assertThat(browser.find("#command-result").getText()).contains("permit.reorganisation-before-the-holder-held-the-permit")
                .contains("одоогийн эзэмшигч зөвшөөрлийг эзэмшиж эхэлснээс").doesNotContain("present holder");
        browser.screenshot("desk-transfer-before-the-issue-refused-mn");
        assertThat(browser.consoleErrors()).allMatch(e -> e.contains("/api/commands - Failed to load resource"));
        browser.signOut();
    }

    @Test
    @DisplayName("002 art. 23.3 (ADR 0046 item 102, F392-F394, was O220): the supervisor chooses the reorganisation's form on the desk (none "
            + "chosen until they do), in English a consolidation passes the permit to the company it creates; in Mongolian a merger into "
            + "the company that consolidation ended is refused")
    void the_supervisor_names_the_reorganisations_form_and_a_company_it_ended_receives_no_permit_in_the_browser() {
        String first = activePermit("Khovd Tamga LLC", "6425001");
        String second = activePermit("Zavkhan Tamga LLC", "6425003");
        LocalDate today = registry.context.getBean(WebDates.class).today();
        browser.signInWithFiles("supervisor-1");
        browser.open("/desk/applications/" + first, "en"); // ADR 0071: one load, the page waits for the register
        assertThat(!browser.all("#form-transfer").isEmpty()).as("the desk offers the transfer").isTrue();
        assertThat(browser.find("#tr-reorganisation").getAttribute("value")).as("no form chosen for the supervisor").isEmpty();
        assertThat(browser.find("#tr-reorganisation").getAttribute("required")).isNotNull();
        assertThat(browser.find("#tr-reorganisation").getText()).contains("Choose the form of the reorganisation", "merger", "consolidation",
                "division", "separation", "transformation");
        assertThat(browser.find("#transfer-explain").getText()).contains("In a merger the holder is absorbed by a company that existed before");
        JsonNode sent = transfer("Khovd Tamga Consolidated LLC", "6425002", Reorganisation.CONSOLIDATION, today, document("consolidation-6425001",
                "state registration of 6425002"));
        assertThat(sent.path("command").path("reorganisation").asText()).isEqualTo("CONSOLIDATION");
        assertThat(outcome()).as(browser.find("#command-result").getText()).isEqualTo("sent");

        browser.open("/desk/applications/" + second, "mn");
        assertThat(browser.find("#tr-reorganisation").getText()).contains("Өөрчлөн байгуулалтын хэлбэрийг сонгоно уу", "нэгтгэх", "нийлүүлэх");
        assertThat(browser.find("#transfer-explain").getText()).contains("Нэгтгэх үед");
        transfer("Khovd Tamga LLC", "6425001", Reorganisation.MERGER, today, document("merger-6425003", "merger of 6425003 into 6425001"));
        assertThat(outcome()).isEqualTo("refused");
        assertThat(browser.find("#command-result").getText()).contains("permit.successor-ceased-by-a-reorganisation")
                .contains("байхгүй болсон компанид зөвшөөрөл шилжихгүй").doesNotContain("no longer exists");
        browser.screenshot("desk-transfer-to-a-company-that-ceased-refused-mn");
        assertThat(browser.consoleErrors()).allMatch(e -> e.contains("/api/commands - Failed to load resource"));
        browser.signOut();
    }

    @Test
    @DisplayName("002 art. 23.3 (ADR 0046 items 142, 144, F496, F516): the supervisor names the successor's representative on the desk's "
            + "transfer (a required field), in English a company's representative (sent, named on the command); in Mongolian a person who holds no company "
            + "representative's role is refused, with axe on both pages")
    void the_supervisor_names_the_successors_representative_in_the_browser() {
        String first = activePermit("Govi Tamga LLC", "6426001");
        String second = activePermit("Arkhangai Tamga LLC", "6426003");
        LocalDate today = registry.context.getBean(WebDates.class).today();
        browser.signInWithFiles("supervisor-1");
        browser.open("/desk/applications/" + first, "en"); // ADR 0071: one load, the page waits for the register
        assertThat(browser.find("label[for='tr-representative']").getText()).startsWith("The successor's representative");
        assertThat(browser.find("#tr-representative").getAttribute("required")).as("F516: a transfer names the successor's representative")
                .isNotNull();
        browser.find("#tr-representative").sendKeys("applicant-1");
        JsonNode sent = transfer("Govi Tamga Holding LLC", "6426002", Reorganisation.SEPARATION, today, document("separation-6426001",
                "state registration of 6426002"));
        assertThat(sent.path("command").path("successorRepresentative").asText()).isEqualTo("applicant-1");
        assertThat(outcome()).as(browser.find("#command-result").getText()).isEqualTo("sent");

        browser.open("/desk/applications/" + second, "mn");
        assertThat(browser.find("label[for='tr-representative']").getText()).startsWith("Залгамжлагчийн төлөөлөгч");
        assertThat(browser.find("#tr-representative").getAttribute("required")).isNotNull();
        browser.find("#tr-representative").sendKeys("reviewer-1");
        transfer("Arkhangai Tamga Holding LLC", "6426004", Reorganisation.SEPARATION, today, document("separation-6426003",
                "state registration of 6426004"));
        assertThat(outcome()).isEqualTo("refused");
        assertThat(browser.find("#command-result").getText()).contains("permit.successor-representative-not-a-representative")
                .contains("компанийн төлөөлөгчийн эрхгүй").doesNotContain("held no company");
        browser.screenshot("desk-transfer-successor-representative-refused-mn");
        assertThat(browser.consoleErrors()).allMatch(e -> e.contains("/api/commands - Failed to load resource"));
        browser.signOut();
    }

    @Test
    @DisplayName("002 art. 23.2; 001 art. 23.1.1 (ADR 0046 items 145, 148, F517, was O361): the supervisor names the holder's representative "
            + "on the desk's form with the holder's power of representation chosen as a file, in English a company's representative (sent); in "
            + "Mongolian the person who already acts for the holder is refused (permit.holder-representative-unchanged)")
    void the_supervisor_names_the_holders_representative_in_the_browser() {
        String first = activePermit("Selenge Tamga Thirty LLC", "6431001");
        String second = activePermit("Tuv Tamga Thirty LLC", "6431003");
        registry.newRepresentative("applicant-31-holder", "6431001");
        browser.signInWithFiles("supervisor-1");
        browser.open("/desk/applications/" + first, "en"); // ADR 0071: one load, the page waits for the register
        assertThat(!browser.all("#form-holder-representative").isEmpty()).as("the desk offers the act").isTrue();
        assertThat(browser.find("label[for='hr-representative']").getText()).startsWith("The holder's representative");
        assertThat(browser.find("#hr-representative").getAttribute("required")).isNotNull();
        JsonNode sent = nameHoldersRepresentative("applicant-31-holder", document("power-6431001", "power of representation of 6431001"));
        assertThat(sent.path("command").path("representative").asText()).isEqualTo("applicant-31-holder");
        assertThat(outcome()).as(browser.find("#command-result").getText()).isEqualTo("sent");

        browser.open("/desk/applications/" + second, "mn");
        assertThat(browser.find("label[for='hr-representative']").getText()).startsWith("Эзэмшигчийн төлөөлөгч");
        assertThat(browser.find("#holder-representative-explain").getText()).contains("итгэмжлэл");
        nameHoldersRepresentative("applicant-1", document("power-6431003", "power of representation of 6431003"));
        assertThat(outcome()).isEqualTo("refused");
        assertThat(browser.find("#command-result").getText()).contains("permit.holder-representative-unchanged")
                .contains("аль хэдийн").doesNotContain("already acts");
        browser.screenshot("desk-holder-representative-unchanged-refused-mn");
        assertThat(browser.consoleErrors()).allMatch(e -> e.contains("/api/commands - Failed to load resource"));
        browser.signOut();
    }

    @Test
    @DisplayName("002 art. 23.2; 001 art. 23.1.1 (ADR 0046 item 151, F546, was O393): a reviewer whose grant as a company's representative "
            + "now names the permit's holder is offered no act on its permit on the desk, which says why in English and Mongolian; another "
            + "company's permit keeps its forms; with axe")
    void the_desk_offers_no_act_to_the_holders_own_reviewer_in_the_browser() {
        String own = activePermit("Khovd Tamga Thirtytwo LLC", "6432001");
        String other = activePermit("Uvs Tamga Thirtytwo LLC", "6432003");
        mn.registry.identity.command.Enrolment enrolment = registry.context.getBean(mn.registry.identity.command.Enrolment.class);
        mn.registry.kernel.identity.PersonId reviewer = new mn.registry.kernel.identity.PersonId("reviewer-1");
        mn.registry.kernel.identity.PersonId supervisor = new mn.registry.kernel.identity.PersonId("supervisor-1");
        java.time.Instant now = registry.context.getBean(mn.registry.infrastructure.time.RegistryClock.class).instant()
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(1);
        enrolment.grant(new mn.registry.kernel.identity.RoleGranted(reviewer, mn.registry.kernel.identity.Role.APPLICANT, null, now, supervisor,
                "test: the reviewer represents 6432001", "3b".repeat(32), "6432001"));
        try {
            browser.signInAsDemo("reviewer-1");
            String why = "#missing-first li[data-missing='problem.permit.official-represents-the-holder']";
            browser.waitUntil("the desk withholds the acts on the holder's permit", d -> {
                browser.open("/desk/applications/" + own, "en");
                return !browser.all(why).isEmpty();
            });
            assertThat(browser.all("#decisions")).as("no act offered on the holder's permit").isEmpty();
            assertThat(browser.find(why).getText()).contains("names the company that holds this permit");
            browser.axe();
            browser.open("/desk/applications/" + own, "mn");
            assertThat(browser.all("#decisions")).isEmpty();
            assertThat(browser.find(why).getText()).contains("төлөөлөгчийн эрх").doesNotContain("names the company");
            browser.axe();
            browser.screenshot("desk-holders-own-reviewer-mn");
            browser.open("/desk/applications/" + other, "en");
            assertThat(browser.all("#decisions")).as("another company's permit keeps its forms").isNotEmpty();
            assertThat(browser.all(why)).isEmpty();
            browser.signOut();
        } finally {
            enrolment.revoke(new mn.registry.kernel.identity.RoleRevoked(reviewer, mn.registry.kernel.identity.Role.APPLICANT, null,
                    registry.context.getBean(mn.registry.infrastructure.time.RegistryClock.class).instant(), supervisor,
                    "test: the representation of 6432001 ended"));
        }
    }

    @Test
    @DisplayName("002 art. 23.2, 29.6; 001 art. 23.1.1 (ADR 0046 item 152, F547, was O370): on a permit revoked on false documents, while "
            + "the holder may complain, the supervisor's desk offers the naming of the holder's representative in Mongolian and English, and "
            + "names a company's representative (sent)")
    void the_supervisor_names_the_holders_representative_during_the_complaint_period_in_the_browser() {
        String id = activePermit("Dornod Tamga Thirtytwo LLC", "6432005");
        RegistryClient client = registry.client;
        RegistryClient.Reply revoked = client.command(client.sign("supervisor-1", "RevokePermit",
                new mn.registry.kernel.permit.RevokePermit(new ApplicationId(id), mn.registry.kernel.permit.RevocationGround.FALSE_DOCUMENTS,
                        "the audit report was forged", uploaded(registry, "the finding that " + id + "'s audit report was forged"))));
        assertThat(revoked.status()).as(revoked.body().toString()).isEqualTo(200);
        registry.newRepresentative("applicant-32-complaint", "6432005");
        browser.signInWithFiles("supervisor-1");
        browser.open("/desk/applications/" + id, "mn"); // ADR 0071: one load, the page waits for the register
        assertThat(!browser.all("#form-holder-representative").isEmpty()).as("the desk offers the act while the holder may complain").isTrue();
        assertThat(browser.find("label[for='hr-representative']").getText()).startsWith("Эзэмшигчийн төлөөлөгч");
        browser.axe();
        browser.open("/desk/applications/" + id, "en");
        assertThat(browser.find("label[for='hr-representative']").getText()).startsWith("The holder's representative");
        JsonNode sent = nameHoldersRepresentative("applicant-32-complaint", document("power-6432005", "power of representation of 6432005"));
        assertThat(sent.path("command").path("representative").asText()).isEqualTo("applicant-32-complaint");
        assertThat(outcome()).as(browser.find("#command-result").getText()).isEqualTo("sent");
        browser.axe();
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();
    }

    @Test
    @DisplayName("002 art. 23.2; 001 art. 23.1.1 (ADR 0046 item 153, F548, was O369): the desk's permit page says, in English and Mongolian, "
            + "when the holder's representative no longer holds the company representative's role for the holder (their role revoked), and "
            + "not before; with axe")
    void the_desk_says_the_holders_representative_no_longer_acts_in_the_browser() {
        String id = activePermit("Khentii Tamga Thirtytwo LLC", "6432007");
        RegistryClient client = registry.client;
        mn.registry.kernel.identity.PersonId person = registry.newRepresentative("applicant-32-lapsed", "6432007").person();
        mn.registry.kernel.identity.PersonId supervisor = new mn.registry.kernel.identity.PersonId("supervisor-1");
        mn.registry.identity.command.Enrolment enrolment = registry.context.getBean(mn.registry.identity.command.Enrolment.class);
        RegistryClient.Reply named = client.command(client.sign("supervisor-1", "NameHolderRepresentative",
                new mn.registry.kernel.permit.NameHolderRepresentative(new ApplicationId(id), person,
                        uploaded(registry, "power of representation of 6432007 for applicant-32-lapsed"))));
        assertThat(named.status()).as(named.body().toString()).isEqualTo(200);
        browser.signInAsDemo("supervisor-1");
        browser.open("/desk/applications/" + id, "en"); // ADR 0071: one load, the page waits for the register
        assertThat(browser.all("#representative-no-longer-acts")).as("the representative acts for the holder").isEmpty();
        enrolment.revoke(new mn.registry.kernel.identity.RoleRevoked(person, mn.registry.kernel.identity.Role.APPLICANT, null,
                registry.context.getBean(mn.registry.infrastructure.time.RegistryClock.class).instant(), supervisor,
                "test: the representation of 6432007 ended"));
        browser.waitUntil("the desk says the representative no longer acts", d -> {
            browser.open("/desk/applications/" + id, "en");
            return !browser.all("#representative-no-longer-acts").isEmpty();
        });
        assertThat(browser.find("#representative-no-longer-acts").getText()).contains("no longer holds the company representative's role");
        browser.axe();
        browser.open("/desk/applications/" + id, "mn");
        assertThat(browser.find("#representative-no-longer-acts").getText()).contains("эрхгүй болсон").doesNotContain("no longer");
        browser.axe();
        browser.signOut();
    }

    /** The desk's naming of the holder's representative on the open page: the person and the power of representation's file; signed and sent. */
    private static JsonNode nameHoldersRepresentative(String person, Path power) {
        browser.find("#hr-representative").sendKeys(person);
        browser.find("#hr-file").sendKeys(power.toAbsolutePath().toString());
        String sha = sha256(power);
        browser.waitUntil("the power of representation is hashed and uploaded in the browser", d -> sha.equals(browser.find("#hr-sha")
                .getAttribute("value")) && browser.find("#hr-file").getAttribute("data-uploaded") != null);
        JsonNode sent = parse(browser.signAndSend("form-holder-representative"));
        assertThat(sent.path("type").asText()).isEqualTo("NameHolderRepresentative");
        assertThat(sent.path("command").path("documentSha256").asText()).isEqualTo(sha);
        return sent;
    }

    /**
     * The desk's transfer on the open page: the successor, the reorganisation's form, the day it took effect and its record's file; signed
     * and sent.
     */
    private static JsonNode transfer(String successor, String number, Reorganisation form, LocalDate reorganisedOn, Path record) {
        browser.find("#tr-name").sendKeys(successor);
        browser.find("#tr-number").sendKeys(number);
        browser.find("#tr-address").sendKeys("Peace Avenue 4, Ulaanbaatar");
        browser.script("document.getElementById('tr-reorganisation').value = arguments[0]", form.name());
        browser.script("document.getElementById('tr-on').value = arguments[0]", reorganisedOn.toString());
        if (browser.find("#tr-representative").getAttribute("value").isEmpty()) { // required since ADR 0046 item 144 (F516): the demo's
            browser.find("#tr-representative").sendKeys("applicant-1");         // applicant-1, whose grant names no company
        }
        browser.find("#tr-file").sendKeys(record.toAbsolutePath().toString());
        String sha = sha256(record);
        browser.waitUntil("the record is hashed and uploaded in the browser", d -> sha.equals(browser.find("#tr-sha").getAttribute("value"))
                && browser.find("#tr-file").getAttribute("data-uploaded") != null);
        JsonNode sent = parse(browser.signAndSend("form-transfer"));
        assertThat(sent.path("type").asText()).isEqualTo("TransferPermit");
        assertThat(sent.path("command").path("evidenceSha256").asText()).isEqualTo(sha);
        return sent;
    }

    private static String outcome() {
        return browser.find("#command-result").getAttribute("data-outcome");
    }

    private static void requestSuspension(String id, Path document, int evasions) {
        browser.script("document.getElementById('tax-permit').value = arguments[0]", id);
        browser.find("#tax-evasions").clear();
        browser.find("#tax-evasions").sendKeys(String.valueOf(evasions));
        browser.find("#tax-file").sendKeys(document.toAbsolutePath().toString());
        String sha = sha256(document);
        browser.waitUntil("the document is hashed and uploaded in the browser", d -> sha.equals(browser.find("#tax-evidence").getAttribute("value"))
                && browser.find("#tax-file").getAttribute("data-uploaded") != null);
        assertThat(browser.find("#tax-file").getAttribute("data-uploaded")).isEqualTo("yes");
    }

    private static String activePermit(String company, String number) {
        return activePermit(registry, company, number);
    }

    /** An application of applicant-1 taken through approval, insurance and issue by the API: a permit in force today. */
    static String activePermit(BrowserRegistry registry, String company, String number) {
        RegistryClient client = registry.client;
        // 002 art. 26.5: a minimum is set before any approval; an amount of its own, so that ReviewerDeskBrowserTest's setting
        // in the same registry is not "unchanged"; set already by the other test of this class, it is
        RegistryClient.Reply minimum = client.command(client.sign("supervisor-1", "SetMinimumInsurance", new SetMinimumInsurance(Money.mnt(150_000_000))));
        assertThat(minimum.status() == 200 || minimum.body().path("code").asText().equals("permit.minimum-insurance-unchanged"))
                .as(minimum.body().toString()).isTrue();
        DocumentStore store = registry.context.getBean(DocumentStore.class);
        List<SubmittedDocument> documents = Arrays.stream(RequiredDocument.values()).filter(k -> k.requiredWhen(false))
                .map(k -> new SubmittedDocument(k, store.receive(("%PDF-1.4\n" + company + " " + k + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8),
                        "application/pdf", k + ".pdf").document().sha256())).toList();
        RegistryClient.Reply applied = client.command(client.sign("applicant-1", "ApplyForPermit",
                new ApplyForPermit(new Company(company, number, true, "Peace Avenue 1, Ulaanbaatar"), false, documents)));
        ok(applied);
        ApplicationId id = new ApplicationId(applied.body().path("applicationId").asText());
        ok(client.command(client.sign("reviewer-1", "ApprovePermitApplication", new ApprovePermitApplication(id))));
        LocalDate today = registry.context.getBean(WebDates.class).today();
        // the policy and the contract are documents the registry received (ADR 0046 item 13)
        String sha = registry.context.getBean(mn.registry.document.DocumentStore.class).receive(("%PDF-1.4\npolicy and contract of " + number
                + "\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/pdf", "contract.pdf").document().sha256();
        ok(client.command(client.sign("applicant-1", "RecordPermitInsurance",
                new RecordPermitInsurance(id, "Mongol Daatgal", "POL-" + number, Money.mnt(200_000_000), today.plusYears(1), sha))));
        ok(client.command(client.sign("supervisor-1", "IssuePermit",
                new IssuePermit(id, "Issuing electronic-signature certificates",
                        List.of("Keep the certificate database in Mongolia"), today, sha))));
        String reviewer = client.signIn("reviewer-1");
        BrowserRegistry.await("the permit is active", () -> client.get("/api/reviewer/applications/" + id.value(), reviewer)
                .body().path("status").asText().equals("ACTIVE"));
        return id.value();
    }

    /** A document the registry received, by its hash, as an act that cites it needs (the permit's browser tests share it). */
    static String uploaded(BrowserRegistry registry, String text) {
        return registry.context.getBean(DocumentStore.class).receive(("%PDF-1.4\n" + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8),
                "application/pdf", "document.pdf").document().sha256();
    }

    /**
     * Revoked by supervisor-1 on false documents (002 art. 29.1.3), on the finding that the permit's {@code what} was forged, uploaded as the
     * registry receives a document (ADR 0064): the revocation the browser tests of a complaint, a reinstatement, a hand-over or an extension
     * closed by it set up over HTTP (it was written out in each).
     */
    static void revokedOnFalseDocuments(BrowserRegistry registry, String permit, String what) {
        RegistryClient client = registry.client;
        ok(client.command(client.sign("supervisor-1", "RevokePermit", new mn.registry.kernel.permit.RevokePermit(new ApplicationId(permit),
                mn.registry.kernel.permit.RevocationGround.FALSE_DOCUMENTS, "the " + what + " was forged",
                uploaded(registry, "the finding that " + permit + "'s " + what + " was forged")))));
    }

    /** A file to choose in a form: the browser hashes it and uploads it. */
    static Path document(String name, String text) {
        try {
            Path file = Files.createTempFile(name, ".pdf");
            Files.writeString(file, "%PDF-1.4\n" + text + "\n%%EOF\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ok(RegistryClient.Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    }

    private static JsonNode parse(String text) {
        try {
            return CanonicalJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("the text shown for signing is not JSON: " + text, e);
        }
    }
}
