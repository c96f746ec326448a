package mn.registry.standalone.browser;

import mn.registry.document.DocumentStore;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.ApplyForPermit;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.PermitRequirement;
import mn.registry.kernel.permit.RefusalReason;
import mn.registry.kernel.permit.RefusePermitApplication;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.kernel.permit.SubmittedDocument;
import mn.registry.standalone.RegistryClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13 item 9: the applicant signs in, reads its refused application with the reasons and the receipt's local time, in both languages. */
@BrowserTest
class ApplicantBrowserTest {

    static final String COMPANY = "Orkhon Trust Services LLC";
    static final String REASON = "the correspondent bank reference is older than three months";

    private static BrowserRegistry registry;
    private static Browser browser;

    /** Each test ends on a 403 page, logged by the browser as an error: read the log away so that the next test starts clean. */

    private static String upload(String what) {
        byte[] bytes = ("%PDF-1.4\n" + what + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        return registry.context.getBean(DocumentStore.class).receive(bytes, "application/pdf", what + ".pdf").document().sha256();
    }

    @Test
    @DisplayName("002 art. 26.2.1, 26.3: the applicant reads its refused application, the reasons and the time of receipt in Ulaanbaatar and UTC, in English and Mongolian")
    void applicant_reads_its_refused_application_in_both_languages() {
        RegistryClient client = registry.client;
        List<SubmittedDocument> documents = Arrays.stream(RequiredDocument.values()).filter(k -> k.requiredWhen(false))
                .map(k -> new SubmittedDocument(k, upload(COMPANY + " " + k))).toList();
        RegistryClient.Reply applied = client.command(client.sign("applicant-1", "ApplyForPermit",
                new ApplyForPermit(new Company(COMPANY, "6400001", true, "Seoul Street 5, Ulaanbaatar"), false, documents)));
        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(200);
        String id = applied.body().path("applicationId").asText();
        String receiptNumber = applied.body().path("receiptNumber").asText();
        Instant receivedAt = Instant.parse(applied.body().path("receivedAt").asText());
        RegistryClient.Reply refused = client.command(client.sign("reviewer-1", "RefusePermitApplication", new RefusePermitApplication(
                new ApplicationId(id), List.of(new RefusalReason(PermitRequirement.CORRESPONDENT_BANK_REFERENCE, REASON)))));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(200);

        browser.signInWithFiles("applicant-1");
        browser.waitUntil("the refused application is on the applicant's page", d -> {
            browser.open("/applicant", "en");
            return !browser.all("#cases tr[data-application='" + id + "']").isEmpty()
                    && browser.find("#cases tr[data-application='" + id + "']").getText().contains("Refused");
        });
        assertThat(browser.find("h1").getText()).isEqualTo("My applications");
        browser.find("#cases tr[data-application='" + id + "'] a").click();
        browser.waitFor("#receipt");
        assertThat(browser.find("#receipt-number").getText()).isEqualTo(receiptNumber);
        String localDay = DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH).format(receivedAt.atZone(java.time.ZoneId.of("Asia/Ulaanbaatar")));
        assertThat(browser.find("#received-local").getText()).startsWith(localDay).endsWith("(UTC+8)");
        assertThat(browser.find("#received-utc").getText()).isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
                .format(receivedAt.atZone(java.time.ZoneOffset.UTC)));
        assertThat(browser.find("#status").getAttribute("data-status")).isEqualTo("REFUSED");
        assertThat(browser.find("#refusal").getText()).contains("Reasons for the refusal").contains(REASON).contains("Correspondent bank");
        // the decision reads in words: its title, the reasons' requirement by name, the signer; no class name, no stored map
        String refusal = "#decisions tr[data-type='PermitApplicationRefused']";
        assertThat(browser.find(refusal).getText()).contains("Application refused").contains("Correspondent bank reference — " + REASON)
                .contains("reviewer-1").doesNotContain("PermitApplicationRefused").doesNotContain("CORRESPONDENT_BANK_REFERENCE").doesNotContain("{");
        assertThat(browser.find(refusal + " dd[data-field='reasons']").getText()).isEqualTo("Correspondent bank reference — " + REASON);
        browser.screenshot("applicant-case-en");

        browser.open("/applicant/applications/" + id, "mn");
        browser.waitFor("#receipt");
        assertThat(browser.find("#receipt h2").getText()).isEqualTo("Хүлээн авсан баримт");
        assertThat(browser.find("#status").getText()).isEqualTo("Татгалзсан");
        String localDate = DateTimeFormatter.ofPattern("yyyy.MM.dd").format(receivedAt.atZone(java.time.ZoneId.of("Asia/Ulaanbaatar")));
        assertThat(browser.find("#received-local").getText()).startsWith(localDate).endsWith("(UTC+8)");
        assertThat(browser.find("#refusal").getText()).contains("Татгалзсан үндэслэл").contains(REASON);
        assertThat(browser.find(refusal).getText()).contains("Өргөдлөөс татгалзсан").contains("Харилцагч банкны тодорхойлолт — " + REASON)
                .doesNotContain("??");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("applicant-case-mn");

        // a case that is not theirs (here: no case at all) is the same "not allowed" page, in the language chosen
        browser.open("/applicant/applications/00000000-0000-4000-8000-000000000000", "mn");
        assertThat(browser.find("h1").getText()).isEqualTo("Зөвшөөрөлгүй");
        assertThat(browser.driver.getPageSource()).doesNotContain(COMPANY);
        browser.signOut();
    }

    private static RegistryClient.Reply command(String person, String type, Object body) {
        return registry.client.command(registry.client.sign(person, type, body));
    }

    @Test
    @DisplayName("003 art. 12.1-12.2: the applicant's page lists its Free Zone registration beside its permit cases; it reads the rejection's reasons in English and Mongolian")
    void applicant_reads_its_rejected_free_zone_registration_in_both_languages() {
        LegalEntity entity = new LegalEntity("Sukhbaatar Grain Traders LLC", Jurisdiction.MONGOLIAN, null, "6400777");
        String reason = "the certificate of state registration submitted belongs to another company";
        List<SubmittedZoneDocument> documents = ZoneDocument.requiredFor(Jurisdiction.MONGOLIAN).stream()
                .map(k -> new SubmittedZoneDocument(k, upload(entity.name() + " " + k))).toList();
        RegistryClient.Reply applied = command("applicant-1", "ApplyForZoneRegistration",
                new RegistrationCommands.ApplyForZoneRegistration(ZoneId.of("altanbulag"), entity, Activity.TRADE, documents));
        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(200);
        RegistrationId id = new RegistrationId(applied.body().path("registrationId").asText());
        RegistryClient.Reply rejected = command("governor-altanbulag", "RejectZoneRegistration",
                new RegistrationCommands.RejectZoneRegistration(id, List.of(reason)));
        assertThat(rejected.status()).as(rejected.body().toString()).isEqualTo(200);

        browser.signInWithFiles("applicant-1");
        String row = "#registrations tr[data-registration='" + id.value() + "']";
        browser.waitUntil("the rejected registration is on the applicant's page", d -> {
            browser.open("/applicant", "en");
            return !browser.all(row).isEmpty() && browser.find(row).getText().contains("Rejected");
        });
        assertThat(browser.find("#fz-registrations h2").getText()).isEqualTo("My Free Zone registrations");
        assertThat(browser.find(row).getText()).contains(entity.name()).contains("altanbulag").contains("Trade").endsWith("UTC");
        browser.find(row + " a").click();
        browser.waitFor("#receipt");
        assertThat(browser.find("#status").getAttribute("data-status")).isEqualTo("REJECTED");
        assertThat(browser.find("#received-local").getText()).endsWith("(UTC+8)");
        assertThat(browser.find("#received-utc").getText()).endsWith("UTC");
        assertThat(browser.find("#rejection").getText()).contains("Reasons for the rejection").contains(reason);
        String rejection = "#decisions tr[data-type='ZoneRegistrationRejected']";
        assertThat(browser.find(rejection).getText()).contains("Registration rejected").contains(reason).contains("governor-altanbulag")
                .doesNotContain("ZoneRegistrationRejected").doesNotContain("??");
        browser.screenshot("applicant-registration-en");

        browser.open("/applicant", "mn");
        browser.waitFor("#fz-registrations");
        assertThat(browser.find("#fz-registrations h2").getText()).isEqualTo("Миний чөлөөт бүсийн бүртгэлүүд");
        assertThat(browser.find(row).getText()).contains("Татгалзсан");
        browser.open("/applicant/registrations/" + id.value(), "mn");
        browser.waitFor("#receipt");
        assertThat(browser.find("#receipt h2").getText()).isEqualTo("Бүртгүүлэх өргөдөл хүлээн авсан");
        assertThat(browser.find("#status").getText()).isEqualTo("Татгалзсан");
        assertThat(browser.find("#received-local").getText()).endsWith("(UTC+8)");
        assertThat(browser.find("#rejection").getText()).contains("Бүртгэхээс татгалзсан үндэслэл").contains(reason);
        assertThat(browser.find(rejection).getText()).contains("Бүртгэхээс татгалзсан").contains(reason).doesNotContain("??");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("applicant-registration-mn");

        // a registration that is not theirs (here: none at all) is the same "not allowed" page
        browser.open("/applicant/registrations/altanbulag:mn-0000001", "mn");
        assertThat(browser.find("h1").getText()).isEqualTo("Зөвшөөрөлгүй");
        assertThat(browser.driver.getPageSource()).doesNotContain(entity.name());
        browser.signOut();
    }
}
