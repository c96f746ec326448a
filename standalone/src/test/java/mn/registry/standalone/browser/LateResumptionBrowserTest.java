package mn.registry.standalone.browser;

import mn.registry.document.DocumentStore;
import mn.registry.infrastructure.time.RegistryClock;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.standalone.RegistryClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 003 art. 12.5.2, 12.5.3, 26.2 (ADR 0035 items 60, 70; abuse audit F336): after a court's dissolution the governor's page offers the
 * resumption only where the registry would record it, on a document received before the court's day. A registry of its own: the test moves
 * its clock on (the court's day after the notice's).
 */
@BrowserTest(ownRegistry = true)
class LateResumptionBrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    /** Registered, started and interrupted on the registry's today, each act on a document of its own. */
    private static RegistrationId interrupted(LegalEntity entity, LocalDate today) {
        RegistrationId registration = new RegistrationId(GovernorDeskBrowserTest.apply(registry, entity, "altanbulag"));
        send("RegisterEntity", new RegistrationCommands.RegisterEntity(registration));
        send("RecordOperationsStarted", new RegistrationCommands.RecordOperationsStarted(registration, today, upload("start of " + entity.name(), null)));
        send("RecordOperationsInterrupted", new RegistrationCommands.RecordOperationsInterrupted(registration, today,
                upload("interruption of " + entity.name(), null)));
        return registration;
    }

    private static void send(String type, Object body) {
        RegistryClient.Reply reply = registry.client.command(registry.client.sign("governor-altanbulag", type, body));
        assertThat(reply.status()).as(type + " " + reply.body()).isEqualTo(200);
    }

    private static String upload(String text, PersonId uploader) {
        return registry.context.getBean(DocumentStore.class).receive(("%PDF-1.4\n" + text + " " + System.nanoTime() + "\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8), "application/pdf", "document.pdf", uploader).document().sha256();
    }

    private static void courtDecision(RegistrationId registration, LocalDate on) {
        send("RecordCourtDecision", new RegistrationCommands.RecordCourtDecision(registration, "Selenge civil court " + registration.value(), on, true,
                upload("bankruptcy of " + registration.value(), null)));
    }

    @Test
    @DisplayName("003 art. 12.5.2, 12.5.3, 26.2 (ADR 0035 items 60, 70, F336): after the entity's dissolution the governor's page offers, in "
            + "either language, the resumption on the documents the governor uploaded before the court's day that no act cites, and records it; "
            + "with none (the notice received on the court's day), it offers no resumption, as the registry would refuse it")
    void the_honest_late_resumption_is_offered_only_on_a_document_received_before_the_courts_day() {
        RegistryClock clock = registry.context.getBean(RegistryClock.class);
        LocalDate first = UlaanbaatarTime.dateOf(clock.instant());
        RegistrationId refused = interrupted(new LegalEntity("Selenge Same-Day Notice LLC", Jurisdiction.MONGOLIAN, null, "6207721"), first);
        RegistrationId lawful = interrupted(new LegalEntity("Selenge Early Notice LLC", Jurisdiction.MONGOLIAN, null, "6207722"), first);
        courtDecision(refused, first);
        String notice = upload("the entity's notice: operations resumed", new PersonId("governor-altanbulag"));
        browser.signInAsDemo("governor-altanbulag");
        String refusedPage = "/governor/altanbulag/entities/" + refused.value();
        browser.waitUntil("the dissolution reaches the desk", d -> {
            browser.open(refusedPage, "en");
            return !d.findElements(By.id("form-deregister")).isEmpty();
        });
        // the only document the governor uploaded was received on the court's day, not before: no resumption offered (item 49)
        assertThat(browser.driver.findElements(By.id("form-resumed"))).isEmpty();
        assertThat(browser.driver.findElements(By.id("form-interrupted"))).isEmpty();

        browser.signOut(); // the session does not outlive the days the clock moves on
        clock.advance(Duration.ofDays(3));
        LocalDate courtsDay = UlaanbaatarTime.dateOf(clock.instant());
        courtDecision(lawful, courtsDay);
        browser.signInAsDemo("governor-altanbulag");
        String lawfulPage = "/governor/altanbulag/entities/" + lawful.value();
        browser.waitUntil("the dissolution reaches the desk", d -> {
            browser.open(lawfulPage, "mn");
            return !d.findElements(By.id("form-deregister")).isEmpty();
        });
        assertThat(browser.find("#re-late").getText()).contains("шүүхийн шийдвэр бүртгэгдсэн").contains("өмнө хүлээн авсан");
        assertThat(browser.find("label[for=re-sha]").getText()).contains("шүүхийн шийдвэрийн өдрөөс өмнө хүлээн авсан");
        assertThat(browser.driver.findElements(By.id("re-file"))).as("a file chosen now is received after the court's day").isEmpty();
        browser.open(lawfulPage, "en");
        assertThat(browser.find("#re-late").getText()).contains("a resumption is recorded only on a document the registry received before that day");
        assertThat(browser.find("label[for=re-sha]").getText()).contains("received before the court's day");
        Select documents = new Select(browser.find("#re-sha"));
        assertThat(documents.getOptions()).hasSize(1);
        assertThat(documents.getOptions().get(0).getAttribute("value")).isEqualTo(notice);
        documents.selectByValue(notice);
        browser.script("document.getElementById('re-on').value = arguments[0]", first.toString());
        assertThat(browser.signAndSend("form-resumed")).contains("\"type\":\"RecordOperationsResumed\"").contains(notice);
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
        browser.waitUntil("the resumption is recorded", d -> {
            browser.open(lawfulPage, "en");
            return d.findElements(By.id("form-resumed")).isEmpty() && !d.findElements(By.id("operations")).isEmpty()
                    && browser.find("#operations").getText().contains("Operations resumed");
        });
        // the notice now cites that act: the other entity's page still offers nothing
        browser.open(refusedPage, "en");
        assertThat(browser.driver.findElements(By.id("form-resumed"))).isEmpty();
        browser.signOut();
    }
}
