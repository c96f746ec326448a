package mn.registry.standalone.browser;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.document.DocumentStore;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.permit.ApplyForPermit;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.kernel.permit.SubmittedDocument;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.kernel.signing.CommandEnvelope;
import mn.registry.kernel.signing.CommandSigner;
import mn.registry.standalone.RegistryClient;
import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.Reorganisation;
import mn.registry.kernel.permit.RevocationGround;
import mn.registry.kernel.permit.RevokePermit;
import mn.registry.web.WebDates;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 33, published text and the permit desk (docs/abuse-audit.md; ADR 0046 items 175-177): on the running registry, a signed
 * application whose published company address names a representative the registry holds (the demo's {@code applicant-1}, enrolled at the
 * first start, and a representative enrolled after the start, {@code applicant-36-name}), or holds an e-mail written with the word at, is
 * refused as application/problem+json with its code, field and article, and nothing is stored (no event, no command-log entry). O453:
 * the desk's transfer to a company whose permit was revoked on its liquidation shows {@code permit.successor-liquidated}'s words, and
 * that company's application on the applicant's page {@code permit.applicant-liquidated}'s, in Mongolian and in English, with axe.
 * Company numbers 6436001-6436004 are this class's own. The rest of the brief's desk items (O476, O442, F600's desk in the browser)
 * were not reached this session (abuse audit O479).
 */
@BrowserTest
class PermitAbuseRound36BrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    private static RegistryClient.Reply applied(SigningIdentity signer, String address, String commandId) {
        DocumentStore store = registry.context.getBean(DocumentStore.class);
        String name = "Tamga Thirtysix LLC";
        List<SubmittedDocument> documents = Arrays.stream(RequiredDocument.values()).filter(k -> k.requiredWhen(false))
                .map(k -> new SubmittedDocument(k, store.receive(("%PDF-1.4\n" + name + " " + k + " " + commandId + "\n%%EOF\n")
                        .getBytes(StandardCharsets.UTF_8), "application/pdf", k + ".pdf").document().sha256())).toList();
        CommandEnvelope fresh = CommandEnvelope.fresh("ApplyForPermit", CanonicalJson.mapper().valueToTree(new ApplyForPermit(
                new Company(name, "6436001", true, address), false, documents)), Clock.systemUTC());
        CommandEnvelope envelope = new CommandEnvelope(commandId, fresh.type(), fresh.signedAt(), fresh.command());
        return registry.client.command(new CommandSigner().sign(envelope, signer));
    }

    private static void refused(RegistryClient.Reply reply, String commandId, String code) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(400);
        assertThat(reply.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(reply.code()).as(reply.body().toString()).isEqualTo(code);
        assertThat(reply.body().path("field").asText()).isEqualTo("company.address");
        assertThat(reply.body().path("article").asText()).contains("002 art. 15.3, 30.1");
        MongoDatabase database = registry.context.getBean(MongoDatabase.class);
        assertThat(database.getCollection("commands").countDocuments(Filters.eq("_id", commandId))).as("command-log entry").isZero();
        for (org.bson.Document commit : database.getCollection("events").find()) {
            assertThat(commit.toJson()).as("an event of the refused command").doesNotContain(commandId);
        }
    }

    @Test
    @DisplayName("002 art. 15.3, 30.1 (F601, F602; ADR 0046 items 175-177): a published address naming a representative held by the registry "
            + "(enrolled at the first start or after the start) is refused 400 text.personal-name; one holding \"bat at tamga.mn\" 400 "
            + "privacy.personal-details-in-published-text; problem+json on company.address with the article; nothing stored")
    void a_representatives_name_or_an_e_mail_with_the_word_at_is_refused_end_to_end() {
        SigningIdentity signer = registry.newRepresentative("applicant-36-name", "6436001");
        refused(applied(signer, "Peace Avenue 36, care of Тэмүүлэн Болд", "round36-name-demo"), "round36-name-demo", "text.personal-name");
        refused(applied(signer, "Peace Avenue 36, the person named applicant-36-name", "round36-name-new"), "round36-name-new",
                "text.personal-name");
        refused(applied(signer, "Peace Avenue 36; write to bat at tamga.mn", "round36-at"), "round36-at",
                "privacy.personal-details-in-published-text");
    }

    @Test
    @DisplayName("002 art. 29.1.2, 23.3 (O453 in part; ADR 0046 item 168): the desk's transfer to a company whose permit was revoked on its "
            + "liquidation is refused with permit.successor-liquidated's words, and that company's application on the applicant's page with "
            + "permit.applicant-liquidated's, each in Mongolian and in English, with axe on every page")
    void the_pages_show_the_liquidated_companys_refusals_in_both_languages() {
        String liquidated = PermitActsBrowserTest.activePermit(registry, "Tamga Liquidated Thirtysix LLC", "6436002");
        RegistryClient.Reply revoked = registry.client.command(registry.client.sign("supervisor-1", "RevokePermit", new RevokePermit(
                new ApplicationId(liquidated), RevocationGround.LIQUIDATION, "the holder was liquidated",
                PermitActsBrowserTest.uploaded(registry, "the state registration of the liquidation of 6436002"))));
        assertThat(revoked.status()).as(revoked.body().toString()).isEqualTo(200);
        String first = PermitActsBrowserTest.activePermit(registry, "Tamga Thirtysix Three LLC", "6436003");
        String second = PermitActsBrowserTest.activePermit(registry, "Tamga Thirtysix Four LLC", "6436004");
        LocalDate today = registry.context.getBean(WebDates.class).today();
        browser.signInWithFiles("supervisor-1");

        browser.open("/desk/applications/" + first, "mn");
        transfer(today, PermitActsBrowserTest.document("merger-6436003", "merger of 6436003 into 6436002"));
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).isEqualTo("refused");
        assertThat(browser.find("#command-result").getText()).contains("permit.successor-liquidated")
                .contains("компани байхгүй болсон тул түүнд зөвшөөрөл шилжихгүй").doesNotContain("no longer exists");

        browser.open("/desk/applications/" + second, "en");
        transfer(today, PermitActsBrowserTest.document("merger-6436004", "merger of 6436004 into 6436002"));
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).isEqualTo("refused");
        assertThat(browser.find("#command-result").getText()).contains("permit.successor-liquidated")
                .contains("no permit passes to a company that no longer exists").doesNotContain("шилжихгүй");
        assertThat(browser.consoleErrors()).allMatch(e -> e.contains("/api/commands - Failed to load resource"));
        browser.signOut();

        // the application of the liquidated company on the applicant's page (applicant-1's grant names no company: it applies for any)
        browser.signInAsDemo("applicant-1");
        apply("mn");
        assertThat(browser.find("#command-result").getText()).contains("permit.applicant-liquidated")
                .contains("компани байхгүй болсон тул зөвшөөрөл").doesNotContain("applies for no permit");
        apply("en");
        assertThat(browser.find("#command-result").getText()).contains("permit.applicant-liquidated")
                .contains("a company that no longer exists applies for no permit").doesNotContain("байхгүй болсон");
        assertThat(browser.consoleErrors()).allMatch(e -> e.contains("/api/commands - Failed to load resource"));
        browser.signOut();
    }

    /** The applicant's application form, in {@code lang}, for the liquidated company 6436002 with the six documents; signed and sent, refused. */
    private static void apply(String lang) {
        browser.open("/applicant/apply", lang);
        browser.waitFor("#form-apply");
        browser.find("#ap-name").sendKeys("Tamga Liquidated Thirtysix LLC");
        browser.find("#ap-number").sendKeys("6436002");
        browser.find("#ap-address").sendKeys("Peace Avenue 4, Ulaanbaatar");
        for (String kind : List.of("STATE_REGISTRATION_CERTIFICATE", "CERTIFICATE_ISSUING_PROCEDURE", "CORRESPONDENT_BANK_REFERENCE",
                "AUDITED_FINANCIAL_STATEMENTS", "SECURITY_RISK_ASSESSMENT_AND_AUDIT", "INTERNATIONAL_STANDARDS_REPORT")) {
            org.openqa.selenium.WebElement file = browser.find("#doc-file-" + kind);
            file.sendKeys(PermitActsBrowserTest.document(kind + "-6436002-" + lang, kind + " of 6436002 " + lang).toAbsolutePath().toString());
            browser.waitUntil("the " + kind + " is hashed and kept", d -> "yes".equals(file.getAttribute("data-uploaded")));
        }
        browser.signAndSend("form-apply");
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText())
                .isEqualTo("refused");
    }

    /** The desk's transfer of the open page to the liquidated company 6436002 by a merger, signed and sent (as PermitActsBrowserTest's). */
    private static void transfer(LocalDate reorganisedOn, Path record) {
        browser.find("#tr-name").sendKeys("Tamga Liquidated Thirtysix LLC");
        browser.find("#tr-number").sendKeys("6436002");
        browser.find("#tr-address").sendKeys("Peace Avenue 4, Ulaanbaatar");
        browser.script("document.getElementById('tr-reorganisation').value = arguments[0]", Reorganisation.MERGER.name());
        browser.script("document.getElementById('tr-on').value = arguments[0]", reorganisedOn.toString());
        if (browser.find("#tr-representative").getAttribute("value").isEmpty()) {
            browser.find("#tr-representative").sendKeys("applicant-1");
        }
        browser.find("#tr-file").sendKeys(record.toAbsolutePath().toString());
        String sha = PermitActsBrowserTest.sha256(record);
        browser.waitUntil("the record is hashed and uploaded in the browser", d -> sha.equals(browser.find("#tr-sha").getAttribute("value"))
                && browser.find("#tr-file").getAttribute("data-uploaded") != null);
        browser.signAndSend("form-transfer");
    }
}
