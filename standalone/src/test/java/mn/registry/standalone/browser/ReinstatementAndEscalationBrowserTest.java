package mn.registry.standalone.browser;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.deadline.DeadlinePoller;
import mn.registry.demo.AdvanceDemoClock;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.DecideRevocationComplaint;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.FileRevocationComplaint;
import mn.registry.kernel.permit.PublishReinstatement;
import mn.registry.kernel.permit.RecordPermitInspection;
import mn.registry.kernel.permit.RequestPermitSuspension;
import mn.registry.kernel.permit.RevocationComplaintDecided;
import mn.registry.kernel.permit.SuspendPermit;
import mn.registry.kernel.permit.SuspensionGround;
import mn.registry.standalone.RegistryClient;
import mn.registry.verifier.VerifyBundle;
import mn.registry.web.WebDates;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.Select;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 19's permits round 11 (docs/abuse-audit.md, "Session 19, permits round 11"; ADR 0046 items 57 on) on a running registry, over HTTP
 * and in the browser, in English and Mongolian: a revocation annulled on the holder's complaint is public (F205, was O118), and the reviewer's
 * desk offers no suspension on the tax authority's request once its decision escalated to the supervisor (F207). A registry of its own: the
 * second test moves the demo clock on.
 */
@BrowserTest(ownRegistry = true)
class ReinstatementAndEscalationBrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    @TempDir
    static Path work;

    @Test
    @DisplayName("002 art. 29.6, 31.1.6 (ADR 0046 item 57, F205, was O118): a permit revoked, complained against and reinstated is VALID on the "
            + "public register and in its search, the upheld decision is in the log and its bundle verifies offline; its page shows the "
            + "decision's line in both languages; one revoked while suspended is reinstated SUSPENDED (F197), after the same line")
    void an_upheld_complaint_is_public() throws Exception {
        RegistryClient client = registry.client;
        String active = PermitActsBrowserTest.activePermit(registry, "Orkhon Reinstated Trust LLC", "6400501");
        revokeComplainAndUphold(active);
        String number = permitNumber(active);
        BrowserRegistry.await("the register showing it valid again", () -> "VALID".equals(registerEntry(number).path("status").asText()));
        JsonNode found = client.get("/api/public/search?q=" + java.net.URLEncoder.encode("Orkhon Reinstated", StandardCharsets.UTF_8)
                + "&kind=permits").body();
        assertThat(found.path("items")).extracting(i -> i.path("id").asText() + " " + i.path("status").asText()).containsExactly(number + " VALID");
        assertThat(client.get("/api/public/register/providers/6400501").body().path("entry").path("status").asText()).isEqualTo("ACTIVE");

        long index = logIndexOf(active, "RevocationComplaintDecided");
        JsonNode record = client.get("/api/public/feed?after=" + (index - 1) + "&limit=1").body().path("entries").get(0).path("record");
        assertThat(record.path("payload").path("upheld").asBoolean()).isTrue();
        assertThat(record.path("payload").path("article").asText()).isEqualTo("002 art. 29.6");
        assertThat(record.path("payload").has("decisionSha256")).as("the decision's document is not public").isFalse();
        assertThat(verifiedBundle(index)).contains("RevocationComplaintDecided").contains("signed by supervisor-2");

        browser.open("/register/permits/" + number, "en");
        assertThat(browser.find("#entry-status").getAttribute("data-status")).isEqualTo("VALID");
        assertThat(browser.find("#history tr[data-type$='RevocationComplaintDecided'] .sentence").getText())
                .startsWith("The complaint against the revocation was upheld by").endsWith("the revocation is annulled and the permit reinstated.");
        browser.screenshot("register-reinstated-en");
        browser.open("/register/permits/" + number, "mn");
        assertThat(browser.find("#history tr[data-type$='RevocationComplaintDecided'] .sentence").getText())
                .contains("гомдлыг хангаж").contains("тусгай зөвшөөрлийг сэргээсэн").doesNotContain("??");
        browser.screenshot("register-reinstated-mn");

        // revoked while suspended: reinstated suspended (F197), the decision's line before the suspension's
        String suspended = PermitActsBrowserTest.activePermit(registry, "Orkhon Suspended Trust LLC", "6400502");
        ApplicationId id = new ApplicationId(suspended);
        LocalDate today = registry.context.getBean(WebDates.class).today();
        String findings = document("the inspector's findings of a violation by Orkhon Suspended Trust LLC");
        ok(client.command(client.sign("inspector-1", "RecordPermitInspection", new RecordPermitInspection(id, today, findings, true))));
        ok(client.command(client.sign("reviewer-1", "SuspendPermit", new SuspendPermit(id, SuspensionGround.INSPECTOR_OPINION, findings, 0, today,
                today.plusDays(30)))));
        revokeComplainAndUphold(suspended);
        String suspendedNumber = permitNumber(suspended);
        // it was suspended before the revocation too: wait for the decision itself in the register's history, not the status alone
        // (under load the page once showed the history before the revocation reached the register)
        BrowserRegistry.await("the register holding the complaint's decision", () -> {
            RegistryClient.Reply detail = registry.client.get("/api/public/register/permits/" + suspendedNumber);
            if (detail.status() != 200) {
                return false;
            }
            for (JsonNode row : detail.body().path("history")) {
                if (row.path("record").path("type").asText().endsWith("RevocationComplaintDecided")) {
                    return true;
                }
            }
            return false;
        });
        BrowserRegistry.await("the register showing it suspended", () -> "SUSPENDED".equals(registerEntry(suspendedNumber).path("status").asText()));
        browser.open("/register/permits/" + suspendedNumber, "en");
        assertThat(browser.find("#entry-status").getAttribute("data-status")).isEqualTo("SUSPENDED");
        java.util.Map<String, Long> lastIndexOfType = new java.util.HashMap<>();
        browser.all("#history tbody tr").forEach(r -> lastIndexOfType.merge(r.getAttribute("data-type"),
                Long.parseLong(r.findElement(org.openqa.selenium.By.cssSelector("td")).getText().strip()), Math::max));
        assertThat(lastIndexOfType.get("PermitRevoked")).isLessThan(lastIndexOfType.get("RevocationComplaintDecided"));
        assertThat(lastIndexOfType.get("RevocationComplaintDecided")).isLessThan(lastIndexOfType.get("PermitSuspended"));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** Revoked by supervisor-1, the holder's complaint filed, upheld by supervisor-2, each over HTTP. */
    private static void revokeComplainAndUphold(String permit) {
        RegistryClient client = registry.client;
        ApplicationId id = new ApplicationId(permit);
        PermitActsBrowserTest.revokedOnFalseDocuments(registry, permit, "audit report");
        ok(client.command(client.sign("applicant-1", "FileRevocationComplaint", new FileRevocationComplaint(id, document("the complaint of " + permit)))));
        ok(client.command(client.sign("supervisor-2", "DecideRevocationComplaint", new DecideRevocationComplaint(id, true,
                document("the decision upholding the complaint of " + permit)))));
    }

    @Test
    @DisplayName("domain-rules §1, 002 art. 28.1 (ADR 0046 item 59, F207): once the decision on the tax authority's request escalated, the "
            + "reviewer's desk offers the suspension on the inspector's opinion only, not on the request, and says the supervisor decides it; "
            + "the supervisor's desk offers the suspension on the request; both languages")
    void the_reviewers_desk_offers_no_suspension_on_an_escalated_tax_request() {
        RegistryClient client = registry.client;
        String permit = PermitActsBrowserTest.activePermit(registry, "Selenge Escalated Trust LLC", "6400503");
        String request = document("Tax authority request: two evasions, Selenge Escalated Trust LLC");
        ok(client.command(client.sign("tax-officer-1", "RequestPermitSuspension", new RequestPermitSuspension(new ApplicationId(permit), 2, request))));
        ok(client.command(client.sign("supervisor-1", "AdvanceDemoClock", new AdvanceDemoClock(14))));
        String reviewer = client.signIn("reviewer-1");
        BrowserRegistry.await("the tax request's decision escalated", () -> {
            registry.context.getBean(DeadlinePoller.class).pollOnce();
            return client.get("/api/reviewer/applications/" + permit, reviewer).body().path("duties").path("DECIDE_TAX_SUSPENSION_REQUEST")
                    .path("overdue").asBoolean();
        });

        browser.signInAsDemo("reviewer-1");
        for (String lang : List.of("en", "mn")) {
            browser.open("/desk/applications/" + permit, lang);
            assertThat(new Select(browser.find("#suspend-ground")).getOptions()).extracting(o -> o.getAttribute("value"))
                    .containsExactly("INSPECTOR_OPINION");
            assertThat(browser.find("#suspend-evidence").getAttribute("value")).isEmpty();
            assertThat(browser.all("#suspend-tax-explain")).isEmpty();
            assertThat(browser.all("#form-refuse-tax")).isEmpty();
            assertThat(browser.all("#form-inspect")).hasSize(1);
            assertThat(browser.find("#missing-first li[data-missing=\"desk.missing.escalatedToSupervisor\"]").getText())
                    .contains(lang.equals("en") ? "a supervisor decides it now" : "одоо хянагч шийднэ");
            browser.screenshot("desk-tax-escalated-reviewer-" + lang);
        }
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();

        browser.signInAsDemo("supervisor-1");
        browser.open("/desk/applications/" + permit, "en");
        assertThat(browser.all("#form-inspect")).as("F209: a supervisor records no inspection").isEmpty();
        browser.open("/desk/applications/" + permit, "mn");
        assertThat(browser.all("#form-inspect")).isEmpty();
        assertThat(new Select(browser.find("#suspend-ground")).getFirstSelectedOption().getAttribute("value")).isEqualTo("TAX_EVASIONS");
        assertThat(browser.find("#suspend-evidence").getAttribute("value")).isEqualTo(request);
        assertThat(browser.all("#form-refuse-tax")).hasSize(1);
        assertThat(browser.all("#missing-first li[data-missing=\"desk.missing.escalatedToSupervisor\"]")).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();
    }

    /** What {@link VerifyBundle} says offline of the bundle of log entry {@code index}, once a checkpoint covers it; it verified. */
    private static String verifiedBundle(long index) throws java.io.IOException {
        BrowserRegistry.await("a checkpoint covering entry " + index, () -> checkpointSize() > index);
        Path dir = Files.createDirectories(work.resolve("bundle-" + index));
        Files.writeString(dir.resolve("bundle.json"), registry.text("/api/public/bundle/" + index));
        Files.copy(registry.dataDir.resolve("keys").resolve("ca.cert.pem"), dir.resolve("ca.pem"));
        Files.writeString(dir.resolve("log.key"), registry.text("/api/public/log/key").strip() + "\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = VerifyBundle.run(new String[]{dir.resolve("bundle.json").toString(), "--key", dir.resolve("log.key").toString(),
                "--ca", dir.resolve("ca.pem").toString()}, print, print);
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("VERIFIED: ");
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("002 art. 29.6, 31.1.6 (ADR 0046 item 67, was O123): a complaint upheld before its decisions were public (stored without its "
            + "article) leaves the permit REVOKED on the register; the supervisor's desk offers the correcting record in both languages, "
            + "signed in the browser it makes the permit VALID, its line reads in both languages, its bundle verifies offline; a second "
            + "publication and a reviewer's are refused")
    void a_reinstatement_stored_unpublished_is_published_from_the_supervisors_desk() throws Exception {
        RegistryClient client = registry.client;
        String permit = PermitActsBrowserTest.activePermit(registry, "Darkhan Stored Reinstatement LLC", "6400504");
        ApplicationId id = new ApplicationId(permit);
        String number = permitNumber(permit);
        PermitActsBrowserTest.revokedOnFalseDocuments(registry, permit, "audit report");
        ok(client.command(client.sign("applicant-1", "FileRevocationComplaint", new FileRevocationComplaint(id, document("the complaint of " + permit)))));
        // the register folds the log as it is sequenced: wait for the revocation there (on a loaded machine the case file is ahead of it)
        BrowserRegistry.await("the register showing the revocation", () -> "REVOKED".equals(registerEntry(number).path("status").asText()));
        String decision = document("the decision upholding the complaint of " + permit + ", taken before item 57");
        // the decision as a release before ADR 0046 item 57 stored it: no article, so the log passed it as not public
        EventStore store = registry.context.getBean(EventStore.class);
        LocalDate validUntil = LocalDate.parse(client.get("/api/reviewer/permits/" + permit, client.signIn("reviewer-1")).body().path("permit")
                .path("validUntil").asText());
        store.publish(new GenericDomainEventMessage<>("PermitApplication", permit, store.lastSequenceNumberFor(permit).orElseThrow() + 1,
                new RevocationComplaintDecided(id, true, decision, registry.context.getBean(java.time.Clock.class).instant(),
                        new PersonId("supervisor-2"), validUntil, null)));
        String reviewer = client.signIn("reviewer-1");
        BrowserRegistry.await("the case file showing the reinstatement unpublished", () -> client.get("/api/reviewer/applications/" + permit,
                reviewer).body().path("complaint").path("storedUnpublished").asBoolean());
        assertThat(registerEntry(number).path("status").asText()).as("as a registry of the last releases shows it").isEqualTo("REVOKED");

        browser.signInWithFiles("supervisor-1");
        browser.open("/desk/applications/" + permit, "mn");
        assertThat(browser.find("#form-publish-reinstatement h3").getText()).startsWith("Гомдлын дагуу сэргээснийг нийтлэх");
        assertThat(browser.find("#reinstatement-explain").getText()).doesNotContain("??");
        browser.screenshot("desk-publish-reinstatement-mn");
        browser.open("/desk/applications/" + permit, "en");
        assertThat(browser.find("#pr-sha").getAttribute("value")).as("the stored decision, from the case file").isEqualTo(decision);
        JsonNode sent = new com.fasterxml.jackson.databind.ObjectMapper().readTree(browser.signAndSend("form-publish-reinstatement"));
        assertThat(sent.path("type").asText()).isEqualTo("PublishReinstatement");
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
        browser.signOut();

        BrowserRegistry.await("the register showing it valid again", () -> "VALID".equals(registerEntry(number).path("status").asText()));
        assertThat(client.get("/api/public/register/providers/6400504").body().path("entry").path("status").asText()).isEqualTo("ACTIVE");
        long index = logIndexOf(permit, "ReinstatementPublished");
        assertThat(verifiedBundle(index)).contains("ReinstatementPublished").contains("signed by supervisor-1");
        browser.open("/register/permits/" + number, "en");
        assertThat(browser.find("#entry-status").getAttribute("data-status")).isEqualTo("VALID");
        assertThat(browser.find("#history tr[data-type$='ReinstatementPublished'] .sentence").getText())
                .startsWith("The reinstatement on the complaint against the revocation, decided on").contains("was published by");
        browser.screenshot("register-reinstatement-published-en");
        browser.open("/register/permits/" + number, "mn");
        assertThat(browser.find("#history tr[data-type$='ReinstatementPublished'] .sentence").getText()).contains("сэргээснийг")
                .contains("нийтэлсэн").doesNotContain("??");
        assertThat(browser.consoleErrors()).isEmpty();

        RegistryClient.Reply again = client.command(client.sign("supervisor-2", "PublishReinstatement", new PublishReinstatement(id, decision)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().toString()).contains("permit.reinstatement-published-already");
        assertThat(client.command(client.sign("reviewer-1", "PublishReinstatement", new PublishReinstatement(id, decision))).status()).isEqualTo(403);
    }

    private static String document(String text) {
        return PermitActsBrowserTest.uploaded(registry, text);
    }

    private static String permitNumber(String permit) {
        return registry.client.get("/api/reviewer/permits/" + permit, registry.client.signIn("reviewer-1")).body().path("permit")
                .path("permitNumber").asText();
    }

    private static JsonNode registerEntry(String number) {
        RegistryClient.Reply reply = registry.client.get("/api/public/register/permits/" + number);
        return reply.status() == 200 ? reply.body().path("entry") : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** The log index of the permit's first public record of {@code type}, once the feed has it. */
    private static long logIndexOf(String permit, String type) {
        long[] index = {-1};
        BrowserRegistry.await("the " + type + " in the public feed", () -> {
            for (JsonNode entry : registry.client.get("/api/public/feed?after=-1&limit=1000").body().path("entries")) {
                if (entry.path("record").path("type").asText().endsWith(type) && entry.path("record").path("aggregateId").asText().equals(permit)) {
                    index[0] = entry.path("logIndex").asLong();
                    return true;
                }
            }
            return false;
        });
        return index[0];
    }

    private static long checkpointSize() {
        String[] lines = registry.text("/api/public/checkpoint").split("\n");
        return lines.length > 1 ? Long.parseLong(lines[1].strip()) : 0;
    }

    private static void ok(RegistryClient.Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    }
}
