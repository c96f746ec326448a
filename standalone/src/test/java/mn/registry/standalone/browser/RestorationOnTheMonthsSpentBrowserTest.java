package mn.registry.standalone.browser;

import mn.registry.deadline.DeadlinePoller;
import mn.registry.demo.AdvanceDemoClock;
import mn.registry.kernel.calendar.LegalTerm;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.PermitDeadlines;
import mn.registry.kernel.permit.RecordPermitInspection;
import mn.registry.kernel.permit.SuspendPermit;
import mn.registry.kernel.permit.SuspensionGround;
import mn.registry.standalone.RegistryClient;
import mn.registry.web.WebDates;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 27's permits round 28 (docs/abuse-audit.md, "Session 27, permits round 28"; ADR 0046 item 113, F430, was O250) on a running
 * registry, in the browser, in English and Mongolian: a suspension the holder was never told of outlives 28.1's three months; the desk
 * offers its restoration, saying why no remedy is inspected; since session 28 (item 121, F466) the reviewer's desk says it is the supervisor's
 * (the notice never recorded), and the supervisor restores it. A registry of its own: the clock moves months on.
 */
@BrowserTest(ownRegistry = true)
class RestorationOnTheMonthsSpentBrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    @Test
    @DisplayName("002 art. 28.1, 28.4 (ADR 0046 items 113, 121, F430, F466): while a suspension runs the desk withholds the restoration for "
            + "the remedy; once its three months are spent with no notice to the holder recorded, the reviewer's desk says the restoration is the "
            + "supervisor's and the supervisor's offers it with the line \"28.1's three months are spent\" in English and Mongolian, and the "
            + "restoration signed in the browser restores the permit, its record naming 28.3")
    void the_desk_restores_a_suspension_that_outlived_its_three_months_unnoticed() {
        RegistryClient client = registry.client;
        String permit = PermitActsBrowserTest.activePermit(registry, "Sukhbaatar Three Months LLC", "6400701");
        ApplicationId id = new ApplicationId(permit);
        LocalDate today = registry.context.getBean(WebDates.class).today();
        LocalDate lastDay = new LegalTerm(today, PermitDeadlines.MAXIMUM_SUSPENSION).lastDay();
        String findings = PermitActsBrowserTest.uploaded(registry, "the inspector's findings of a violation by " + permit);
        ok(client.command(client.sign("inspector-1", "RecordPermitInspection", new RecordPermitInspection(id, today, findings, true))));
        ok(client.command(client.sign("reviewer-1", "SuspendPermit", new SuspendPermit(id, SuspensionGround.INSPECTOR_OPINION, findings, 0,
                today, lastDay)))); // its notice never recorded

        browser.signInAsDemo("reviewer-1");
        browser.open("/desk/applications/" + permit, "en");
        assertThat(browser.all("#form-restore")).isEmpty(); // the remedy not inspected (item 18)
        assertThat(browser.all("#restore-months-spent")).isEmpty();
        browser.signOut(); // a session does not outlive the months the demo clock moves on

        long days = ChronoUnit.DAYS.between(today, lastDay.plusDays(2));
        ok(client.command(client.sign("supervisor-1", "AdvanceDemoClock", new AdvanceDemoClock((int) days))));
        String reviewer = client.signIn("reviewer-1");
        BrowserRegistry.await("the suspension ran out unrestored", () -> {
            registry.context.getBean(DeadlinePoller.class).pollOnce();
            return !client.get("/api/reviewer/applications/" + permit, reviewer).body().path("revocationGroundRaised").isMissingNode();
        });
        // item 121 (F466, was O274): the notice never recorded, the reviewer's desk withholds the restoration and says it is the supervisor's
        browser.signInAsDemo("reviewer-1");
        browser.open("/desk/applications/" + permit, "en");
        assertThat(browser.all("#form-restore")).isEmpty();
        assertThat(browser.find("[data-missing='desk.missing.restorationOnUnnoticedMonths']").getText())
                .startsWith("28.1's three months are spent").contains("its restoration is the supervisor's");
        browser.screenshot("desk-restore-months-spent-reviewer-en");
        browser.open("/desk/applications/" + permit, "mn");
        assertThat(browser.all("#form-restore")).isEmpty();
        assertThat(browser.find("[data-missing='desk.missing.restorationOnUnnoticedMonths']").getText())
                .startsWith("28.1-д заасан гурван сарын хугацаа дууссан").contains("хянагчийн шийдвэр").doesNotContain("??");
        browser.screenshot("desk-restore-months-spent-reviewer-mn");
        browser.signOut();

        browser.signInAsDemo("supervisor-1");
        browser.open("/desk/applications/" + permit, "en");
        assertThat(browser.find("#restore-months-spent").getText()).startsWith("28.1's three months are spent");
        assertThat(browser.find("#restore-months-spent-unnoticed").getText()).contains("the restoration is the supervisor's");
        browser.screenshot("desk-restore-months-spent-en");
        browser.open("/desk/applications/" + permit, "mn");
        assertThat(browser.find("#restore-months-spent").getText()).startsWith("28.1-д заасан гурван сарын хугацаа дууссан").doesNotContain("??");
        assertThat(browser.find("#restore-months-spent-unnoticed").getText()).contains("хянагчийн шийдвэр").doesNotContain("??");
        browser.screenshot("desk-restore-months-spent-mn");
        browser.find("#restore-reason").sendKeys("28.1-д заасан гурван сар дууссан");
        assertThat(browser.signAndSend("form-restore")).contains("\"type\":\"RestorePermit\"");
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
        BrowserRegistry.await("the permit restored", () -> "ACTIVE".equals(client.get("/api/reviewer/applications/" + permit, reviewer)
                .body().path("status").asText()));
        assertThat(client.get("/api/reviewer/applications/" + permit, reviewer).body().path("history").toString())
                .as("the restoration's record names 28.3").contains("002 art. 28.1, 28.3, 28.4");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();
    }

    private static void ok(RegistryClient.Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    }
}
