package mn.registry.standalone.browser;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.deadline.DeadlinePoller;
import mn.registry.demo.AdvanceDemoClock;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.DecideRevocationComplaint;
import mn.registry.kernel.permit.FileRevocationComplaint;
import mn.registry.kernel.permit.PermitDuty;
import mn.registry.kernel.permit.RecordPermitDutyFulfilled;
import mn.registry.kernel.permit.RevocationGround;
import mn.registry.kernel.permit.RevokePermit;
import mn.registry.kernel.permit.RecordPermitInspection;
import mn.registry.kernel.permit.SuspendPermit;
import mn.registry.kernel.permit.SuspensionGround;
import mn.registry.standalone.RegistryClient;
import mn.registry.web.WebDates;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 23, the revocation's evidence (docs/abuse-audit.md, "Session 23, the revocation's evidence"; ADR 0064, ADR 0046 items 80 on) in
 * the browser, in English and Mongolian: the supervisor revokes on 29.1.2 with the document that shows the liquidation, chosen as a file
 * (F328, was O185); the desk withholds 29.1.5 where the record shows the suspension's ground removed during it, and offers it where lawful
 * (F330, was O186). A registry of its own: the second test moves the demo clock on.
 */
@BrowserTest(ownRegistry = true)
class RevocationEvidenceBrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    @Test
    @DisplayName("002 art. 29.1.2, 29.1.3, 29.6 (F328, was O185): on the supervisor's desk a revocation because the legal entity was liquidated, "
            + "with no document, is refused in English; with the liquidation's record chosen as a file (hashed and uploaded) it is signed "
            + "naming it, and the holder's page shows it; the same record to revoke another permit on false documents is refused in Mongolian")
    void the_supervisor_revokes_on_the_document_that_shows_the_ground() {
        String first = PermitActsBrowserTest.activePermit(registry, "Khentii Liquidated LLC", "6400601");
        String second = PermitActsBrowserTest.activePermit(registry, "Dornod Other LLC", "6400602");
        Path liquidation = PermitActsBrowserTest.document("liquidation-6400601",
                "State registration: the legal entity Khentii Liquidated LLC (6400601) is liquidated");
        String sha = PermitActsBrowserTest.sha256(liquidation);

        browser.signInWithFiles("supervisor-1");
        browser.open("/desk/applications/" + first, "en");
        assertThat(browser.find("label[for='revoke-evidence']").getText()).startsWith("SHA-256 of the document that shows the ground");
        assertThat(browser.find("#revoke-evidence-note").getText()).startsWith("Ground 29.1.2 or 29.1.3 rests on a document");
        revoke("LIQUIDATION", "The legal entity was liquidated", null);
        assertThat(outcome()).isEqualTo("refused");
        assertThat(browser.find("#command-result").getText()).contains("permit.revocation-evidence-missing").contains("liquidated");
        browser.screenshot("desk-revocation-evidence-missing-en");
        browser.open("/desk/applications/" + first, "en");
        JsonNode sent = revoke("LIQUIDATION", "The legal entity was liquidated", liquidation);
        assertThat(sent.path("command").path("evidenceSha256").asText()).isEqualTo(sha);
        assertThat(outcome()).as(browser.find("#command-result").getText()).isEqualTo("sent");

        browser.open("/desk/applications/" + second, "mn");
        assertThat(browser.find("label[for='revoke-evidence']").getText()).startsWith("Үндэслэлийг нотлох баримтын SHA-256");
        revoke("FALSE_DOCUMENTS", "Хуурамч аудитын тайлан", liquidation);
        assertThat(outcome()).isEqualTo("refused");
        assertThat(browser.find("#command-result").getText()).contains("document.already-grounds-another-act").doesNotContain("grounds an act");
        browser.screenshot("desk-revocation-evidence-used-mn");
        assertThat(browser.consoleErrors()).allMatch(e -> e.contains("/api/commands - Failed to load resource"));
        browser.signOut();

        browser.signInAsDemo("applicant-1");
        browser.waitUntil("the holder's page shows the revocation", d -> {
            browser.open("/applicant/applications/" + first, "en");
            return !browser.all("#decisions tr[data-type='PermitRevoked']").isEmpty();
        });
        assertThat(browser.find("#decisions tr[data-type='PermitRevoked'] dd[data-field='evidenceSha256']").getText()).isEqualTo(sha);
        browser.open("/applicant/applications/" + first, "mn");
        assertThat(browser.find("#decisions tr[data-type='PermitRevoked'] dd[data-field='evidenceSha256']").getText()).isEqualTo(sha);
        assertThat(browser.find("#decisions").getText()).doesNotContain("??");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();
    }

    /** The desk's revocation on the open page, the document's file chosen if any; signed and sent: the text shown for signing. */
    private static JsonNode revoke(String ground, String reason, Path evidence) {
        new Select(browser.find("#revoke-ground")).selectByValue(ground);
        browser.find("#revoke-reason").sendKeys(reason);
        if (evidence != null) {
            browser.find("#revoke-file").sendKeys(evidence.toAbsolutePath().toString());
            String sha = PermitActsBrowserTest.sha256(evidence);
            browser.waitUntil("the document is hashed and uploaded in the browser", d -> sha.equals(browser.find("#revoke-evidence").getAttribute("value"))
                    && browser.find("#revoke-file").getAttribute("data-uploaded") != null);
            assertThat(browser.find("#revoke-file").getAttribute("data-uploaded")).isEqualTo("yes");
        }
        try {
            JsonNode sent = CanonicalJson.mapper().readTree(browser.signAndSend("form-revoke"));
            assertThat(sent.path("type").asText()).isEqualTo("RevokePermit");
            assertThat(sent.path("command").has("evidenceSha256")).as("left out when no file is chosen").isEqualTo(evidence != null);
            return sent;
        } catch (java.io.IOException e) {
            throw new AssertionError("the text shown for signing is not JSON", e);
        }
    }

    private static String outcome() {
        return browser.find("#command-result").getAttribute("data-outcome");
    }

    @Test
    @DisplayName("002 art. 28.4, 29.1.5 (F330, was O186): a suspension on the inspector's opinion runs out after an inspection during it found "
            + "the violation remedied: the supervisor's desk does not offer revocation on 29.1.5 and says the permit is restored, in English and "
            + "Mongolian, and offers the restoration; for a permit whose violation no inspection found remedied it offers 29.1.5, and the "
            + "revocation signed in the browser is recorded; for a permit whose suspension the holder was never told of (its notice not "
            + "recorded in its days, ADR 0046 item 98, was O216), or was told on its first day of a suspension of two days (too late to "
            + "remedy, item 104, was O230), it withholds 29.1.5 and says why, in English and Mongolian")
    void the_desk_offers_29_1_5_only_where_the_record_shows_the_violation_not_remedied() {
        RegistryClient client = registry.client;
        String remedied = PermitActsBrowserTest.activePermit(registry, "Govi-Altai Remedied LLC", "6400603");
        String unremedied = PermitActsBrowserTest.activePermit(registry, "Zavkhan Unremedied LLC", "6400604");
        String unnoticed = PermitActsBrowserTest.activePermit(registry, "Khovd Unnoticed LLC", "6400606");
        String tooShort = PermitActsBrowserTest.activePermit(registry, "Bayan-Ulgii Two Days LLC", "6400607");
        LocalDate today = registry.context.getBean(WebDates.class).today();
        for (String permit : List.of(remedied, unremedied, unnoticed, tooShort)) {
            ApplicationId id = new ApplicationId(permit);
            String findings = PermitActsBrowserTest.uploaded(registry, "the inspector's findings of a violation by " + permit);
            ok(client.command(client.sign("inspector-1", "RecordPermitInspection", new RecordPermitInspection(id, today, findings, true))));
            ok(client.command(client.sign("reviewer-1", "SuspendPermit", new SuspendPermit(id, SuspensionGround.INSPECTOR_OPINION, findings, 0, today,
                    today.plusDays(permit.equals(tooShort) ? 1 : 10)))));
            if (!permit.equals(unnoticed)) {
                noticed(client, id);
            }
        }
        // an inspection the day the suspension began finds the violation remedied; the ministry does not restore before the last day
        ok(client.command(client.sign("inspector-1", "RecordPermitInspection", new RecordPermitInspection(new ApplicationId(remedied), today,
                PermitActsBrowserTest.uploaded(registry, "the inspector's findings: the violation of " + remedied + " remedied"), false))));
        ok(client.command(client.sign("supervisor-1", "AdvanceDemoClock", new AdvanceDemoClock(12))));
        String reviewer = client.signIn("reviewer-1");
        for (String permit : List.of(remedied, unremedied, unnoticed, tooShort)) {
            BrowserRegistry.await("the suspension ran out unrestored", () -> {
                registry.context.getBean(DeadlinePoller.class).pollOnce();
                return !client.get("/api/reviewer/applications/" + permit, reviewer).body().path("revocationGroundRaised").isMissingNode();
            });
        }

        browser.signInAsDemo("supervisor-1");
        for (String lang : List.of("en", "mn")) {
            browser.open("/desk/applications/" + remedied, lang);
            assertThat(new Select(browser.find("#revoke-ground")).getOptions()).extracting(o -> o.getAttribute("value"))
                    .doesNotContain("VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION");
            assertThat(browser.find("#revoke-ground-removed").getText())
                    .startsWith(lang.equals("en") ? "The suspension ran out, but the record shows its ground removed" : "Түдгэлзүүлсэн хугацаа дууссан боловч");
            assertThat(browser.all("#form-restore")).hasSize(1);
            browser.screenshot("desk-29-1-5-withheld-" + lang);
        }
        for (String lang : List.of("en", "mn")) { // ADR 0046 items 98, 104: the holder was not told of the suspension in time to remedy
            for (String permit : List.of(unnoticed, tooShort)) {
                browser.open("/desk/applications/" + permit, lang);
                assertThat(new Select(browser.find("#revoke-ground")).getOptions()).extracting(o -> o.getAttribute("value"))
                        .doesNotContain("VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION").contains("FALSE_DOCUMENTS");
                assertThat(browser.find("#revoke-not-notified").getText()).startsWith(lang.equals("en")
                        ? "The suspension ran out, but its notice to the holder was recorded after its last day, or never, or so late"
                        : "Түдгэлзүүлсэн хугацаа дууссан боловч эзэмшигчид мэдэгдсэнийг");
            }
            browser.screenshot("desk-29-1-5-not-notified-" + lang);
        }
        browser.open("/desk/applications/" + unremedied, "mn");
        assertThat(browser.all("#revoke-ground-removed")).isEmpty();
        assertThat(browser.all("#revoke-not-notified")).isEmpty();
        new Select(browser.find("#revoke-ground")).selectByValue("VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION");
        browser.find("#revoke-reason").sendKeys("Түдгэлзүүлсэн хугацаанд зөрчлөө арилгаагүй");
        assertThat(browser.signAndSend("form-revoke")).contains("\"ground\":\"VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION\"")
                .doesNotContain("evidenceSha256");
        assertThat(outcome()).as(browser.find("#command-result").getText()).isEqualTo("sent");
        BrowserRegistry.await("the permit revoked", () -> "REVOKED".equals(client.get("/api/reviewer/applications/" + unremedied, reviewer)
                .body().path("status").asText()));
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();
    }

    @Test
    @DisplayName("002 art. 28.1, 29.1.5, 29.6 (ADR 0046 item 92, the lead's reading of O213): a permit revoked on 29.1.5 and reinstated "
            + "suspended on the spent run-out by the upheld complaint: the desk offers no 29.1.5 and offers the suspension anew, saying what it "
            + "rests on, in English and Mongolian; the reviewer signs it in the browser on an inspector's opinion recorded since the decision, "
            + "and the permit is suspended to the new day; the tax officer's page offers the spent run-out the tax authority's request, "
            + "saying why (item 93), and withholds it once suspended anew")
    void a_permit_reinstated_on_a_spent_run_out_is_suspended_anew_from_the_desk() {
        RegistryClient client = registry.client;
        String permit = PermitActsBrowserTest.activePermit(registry, "Uvs Spent Run-out LLC", "6400605");
        ApplicationId id = new ApplicationId(permit);
        LocalDate suspendedOn = registry.context.getBean(WebDates.class).today();
        String first = PermitActsBrowserTest.uploaded(registry, "the inspector's findings of a violation by " + permit);
        ok(client.command(client.sign("inspector-1", "RecordPermitInspection", new RecordPermitInspection(id, suspendedOn, first, true))));
        ok(client.command(client.sign("reviewer-1", "SuspendPermit", new SuspendPermit(id, SuspensionGround.INSPECTOR_OPINION, first, 0,
                suspendedOn, suspendedOn.plusDays(10)))));
        noticed(client, id);
        ok(client.command(client.sign("supervisor-1", "AdvanceDemoClock", new AdvanceDemoClock(12))));
        String reviewer = client.signIn("reviewer-1");
        BrowserRegistry.await("the suspension ran out unrestored", () -> {
            registry.context.getBean(DeadlinePoller.class).pollOnce();
            return !client.get("/api/reviewer/applications/" + permit, reviewer).body().path("revocationGroundRaised").isMissingNode();
        });
        ok(client.command(client.sign("supervisor-1", "RevokePermit", new RevokePermit(id, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION,
                "not remedied during the suspension"))));
        ok(client.command(client.sign("applicant-1", "FileRevocationComplaint", new FileRevocationComplaint(id,
                PermitActsBrowserTest.uploaded(registry, "the complaint of " + permit)))));
        ok(client.command(client.sign("supervisor-2", "DecideRevocationComplaint", new DecideRevocationComplaint(id, true,
                PermitActsBrowserTest.uploaded(registry, "the decision upholding the complaint of " + permit)))));
        String since = PermitActsBrowserTest.uploaded(registry, "the inspector's findings of a violation since the decision, " + permit);
        LocalDate today = registry.context.getBean(WebDates.class).today();
        ok(client.command(client.sign("inspector-1", "RecordPermitInspection", new RecordPermitInspection(id, today, since, true))));

        browser.signInAsDemo("tax-officer-1");
        for (String lang : List.of("en", "mn")) { // ADR 0046 item 93: the request is the tax authority's "own ground found"
            browser.open("/tax", lang);
            assertThat(new Select(browser.find("#tax-permit")).getOptions()).extracting(o -> o.getAttribute("value")).contains(permit);
            assertThat(browser.find("#tax-suspended-anew").getText()).startsWith(lang.equals("en")
                    ? "A permit listed as suspended is suspended on a run-out" : "Түдгэлзүүлсэн гэж жагсаасан тусгай зөвшөөрл");
            browser.screenshot("tax-suspension-anew-" + lang);
        }
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();

        browser.signInAsDemo("reviewer-1");
        for (String lang : List.of("en", "mn")) {
            browser.open("/desk/applications/" + permit, lang);
            assertThat(browser.find("#status").getAttribute("data-status")).isEqualTo("SUSPENDED");
            assertThat(browser.find("#suspend-anew").getText()).startsWith(lang.equals("en")
                    ? "The permit is suspended on a run-out that the decision on the holder's complaint spent" : "Тусгай зөвшөөрлийг эзэмшигчийн гомдлын шийдвэрээр");
            browser.screenshot("desk-suspension-anew-" + lang);
        }
        browser.find("#suspend-evidence").sendKeys(since);
        browser.script("document.getElementById('suspend-until').value = arguments[0]", today.plusMonths(1).toString());
        assertThat(browser.signAndSend("form-suspend")).contains("\"evidenceSha256\":\"" + since + "\"");
        assertThat(outcome()).as(browser.find("#command-result").getText()).isEqualTo("sent");
        BrowserRegistry.await("suspended anew", () -> today.plusMonths(1).toString().equals(client.get("/api/reviewer/applications/" + permit,
                reviewer).body().path("suspension").path("until").asText()));
        browser.open("/desk/applications/" + permit, "en");
        assertThat(browser.all("#form-suspend")).as("one suspension anew").isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();

        browser.signInAsDemo("tax-officer-1");
        browser.open("/tax", "en");
        assertThat(browser.all("#tax-permit option[value='" + permit + "']")).as("suspended anew: no spent run-out").isEmpty();
        browser.signOut();

        browser.signInAsDemo("supervisor-1");
        browser.open("/desk/applications/" + permit, "en");
        assertThat(new Select(browser.find("#revoke-ground")).getOptions()).extracting(o -> o.getAttribute("value"))
                .doesNotContain("VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION");
        browser.signOut();
    }

    /** The reviewer records the suspension's notice to the holder (002 art. 28.3), on the day it was decided: 29.1.5 needs it (item 98). */
    private static void noticed(RegistryClient client, ApplicationId id) {
        ok(client.command(client.sign("reviewer-1", "RecordPermitDutyFulfilled", new RecordPermitDutyFulfilled(id, PermitDuty.NOTIFY_SUSPENSION,
                PermitActsBrowserTest.uploaded(registry, "the notice of the suspension to the holder of " + id.value())))));
    }

    private static void ok(RegistryClient.Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    }
}
