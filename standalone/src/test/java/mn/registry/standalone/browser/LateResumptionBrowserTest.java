package mn.registry.standalone.browser;

import mn.registry.document.DocumentStore;
import mn.registry.infrastructure.time.RegistryClock;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.standalone.RegistryClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 003 art. 12.5.2, 12.5.3, 26.2 (ADR 0035 items 60, 70; abuse audit F336): after a court's dissolution the governor's page offers the
 * resumption only where the registry would record it, on a document received before the court's day. 003 art. 6.4, 12.5.1, 12.5.2 (ADR 0035
 * item 75; F377, F378): it offers the resumption, the agreement and the start only while their periods, moved by the zone's closures, run.
 * A registry of its own: the tests move its clock on (the court's day after the notice's; a year and more).
 */
@BrowserTest(ownRegistry = true)
class LateResumptionBrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    private static RegistrationId interrupted(LegalEntity entity, LocalDate today) {
        return interrupted(registry, entity, today);
    }

    /** Applied for by applicant-1 in Altanbulag and registered by its governor, on {@code registry}. */
    static RegistrationId registered(BrowserRegistry registry, LegalEntity entity) {
        RegistrationId registration = new RegistrationId(GovernorDeskBrowserTest.apply(registry, entity, "altanbulag"));
        send(registry, "governor-altanbulag", "RegisterEntity", new RegistrationCommands.RegisterEntity(registration));
        return registration;
    }

    /** Registered, started and interrupted on the registry's today, each act on a document of its own. */
    static RegistrationId interrupted(BrowserRegistry registry, LegalEntity entity, LocalDate today) {
        RegistrationId registration = registered(registry, entity);
        send(registry, "governor-altanbulag", "RecordOperationsStarted", new RegistrationCommands.RecordOperationsStarted(registration, today,
                upload(registry, "start of " + entity.name(), null)));
        send(registry, "governor-altanbulag", "RecordOperationsInterrupted", new RegistrationCommands.RecordOperationsInterrupted(registration, today,
                upload(registry, "interruption of " + entity.name(), null)));
        return registration;
    }

    private static void send(String type, Object body) {
        send("governor-altanbulag", type, body);
    }

    private static void send(String signer, String type, Object body) {
        send(registry, signer, type, body);
    }

    private static void send(BrowserRegistry registry, String signer, String type, Object body) {
        RegistryClient.Reply reply = registry.client.command(registry.client.sign(signer, type, body));
        assertThat(reply.status()).as(type + " " + reply.body()).isEqualTo(200);
    }

    private static String upload(String text, PersonId uploader) {
        return upload(registry, text, uploader);
    }

    private static String upload(BrowserRegistry registry, String text, PersonId uploader) {
        return registry.context.getBean(DocumentStore.class).receive(("%PDF-1.4\n" + text + " " + System.nanoTime() + "\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8), "application/pdf", "document.pdf", uploader).document().sha256();
    }

    private static void courtDecision(RegistrationId registration, LocalDate on) {
        send("RecordCourtDecision", new RegistrationCommands.RecordCourtDecision(registration, "Selenge civil court " + registration.value(), on, true,
                upload("bankruptcy of " + registration.value(), null)));
    }

    @Test
    @DisplayName("003 art. 12.5.2, 12.5.3, 26.2 (ADR 0035 items 60, 70, 75, F336, F379): after the entity's dissolution the governor's page "
            + "offers, in either language, the resumption on the documents the governor uploaded before the court's day that no act cites, and "
            + "records it; with none (the notice received on the court's day), it offers no resumption, as the registry would refuse it; the "
            + "removal on the ground raised only")
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
        // ADR 0035 item 75 (F379): the removal is offered on the ground raised, the court's decision, not on the others
        assertThat(new Select(browser.find("#dereg-ground")).getOptions()).extracting(option -> option.getAttribute("value"))
                .containsExactly("COURT_DECISION");
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

    /** The governor's page of {@code registration} in {@code lang}, signed in (the session does not outlive the days the clock moves on). */
    private static void openAsTheGovernor(RegistrationId registration, String lang) {
        browser.open("/governor/altanbulag/entities/" + registration.value(), lang);
    }

    private static void movedOnTo(RegistryClock clock, LocalDate day) {
        browser.signOut();
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(UlaanbaatarTime.dateOf(clock.instant()), day)));
        browser.signInAsDemo("governor-altanbulag");
    }

    @Test
    @DisplayName("003 art. 6.4, 12.5.1, 12.5.2 (ADR 0035 item 75, F377, F378): the governor's page offers, in either language, the resumption "
            + "while the 12 months of interruption, moved by the zone's closure, run, and the agreement and the start while the year to start, "
            + "moved likewise, runs; once they ran out it offers none of them and says on which day they ran out, as the registry refuses them")
    void the_resumption_start_and_agreement_are_offered_only_while_their_periods_moved_by_the_closures_run() {
        RegistryClock clock = registry.context.getBean(RegistryClock.class);
        LocalDate first = UlaanbaatarTime.dateOf(clock.instant());
        RegistrationId paused = interrupted(new LegalEntity("Selenge Long Pause LLC", Jurisdiction.MONGOLIAN, null, "6207731"), first);
        RegistrationId waiting = new RegistrationId(GovernorDeskBrowserTest.apply(registry, new LegalEntity("Selenge Slow Start LLC",
                Jurisdiction.MONGOLIAN, null, "6207732"), "altanbulag"));
        send("RegisterEntity", new RegistrationCommands.RegisterEntity(waiting));
        // the Government closes the zone's activities for 20 days (003 art. 6.4): neither period counts them (ADR 0035 item 21)
        ZoneId altanbulag = ZoneId.of("altanbulag");
        send("cabinet-1", "CloseZoneTemporarily", new ZoneCommands.CloseZoneTemporarily(altanbulag, "Government resolution 2027/90 (test)",
                upload("Government resolution closing Altanbulag", null)));
        browser.signInAsDemo("governor-altanbulag");
        movedOnTo(clock, first.plusDays(20));
        send("cabinet-1", "OpenZone", new ZoneCommands.OpenZone(altanbulag, "Government resolution 2027/91 (test)",
                upload("Government resolution opening Altanbulag", null)));
        // ten days after the law's 12 months and year, within the 20 days they are moved by: offered
        movedOnTo(clock, first.plusMonths(12).plusDays(9));
        for (String lang : java.util.List.of("mn", "en")) {
            openAsTheGovernor(paused, lang);
            assertThat(browser.find("#form-resumed h3").getText()).contains("mn".equals(lang) ? "Үйл ажиллагаа сэргэснийг бүртгэх"
                    : "Record that operations resumed");
            assertThat(browser.driver.findElements(By.id("re-ran-out"))).isEmpty();
            if ("en".equals(lang)) { // ADR 0035 item 76 (F380): the notice chosen on the form is uploaded for the resumption
                String notice = browser.chooseFile("re-file", "re-sha", "%PDF-1.4\nnotice of " + paused.value() + " " + System.nanoTime() + "\n%%EOF\n");
                assertThat(registry.context.getBean(com.mongodb.client.MongoDatabase.class).getCollection("documents")
                        .find(com.mongodb.client.model.Filters.eq("_id", notice)).first().getString("uploadedFor")).isEqualTo(paused.value());
            }
            openAsTheGovernor(waiting, lang);
            assertThat(browser.driver.findElements(By.id("form-started"))).as(lang).hasSize(1);
            assertThat(browser.driver.findElements(By.id("form-agreement"))).as(lang).hasSize(1);
            assertThat(browser.driver.findElements(By.id("st-ran-out"))).isEmpty();
        }
        // past the moved last days: the registry refuses them (409), and the page no longer offers them
        LocalDate monthsRanOut = first.plusMonths(12).minusDays(1).plusDays(20);
        movedOnTo(clock, first.plusMonths(12).plusDays(25));
        for (String lang : java.util.List.of("mn", "en")) {
            openAsTheGovernor(paused, lang);
            assertThat(browser.driver.findElements(By.id("form-resumed"))).as(lang).isEmpty();
            assertThat(browser.find("#re-ran-out").getAttribute("data-day")).isEqualTo(monthsRanOut.toString());
            assertThat(browser.find("#re-ran-out").getText()).contains("mn".equals(lang) ? "12 сар" : "12 months");
            openAsTheGovernor(waiting, lang);
            assertThat(browser.driver.findElements(By.id("form-started"))).as(lang).isEmpty();
            assertThat(browser.driver.findElements(By.id("form-agreement"))).as(lang).isEmpty();
            assertThat(browser.find("#st-ran-out").getAttribute("data-day")).isEqualTo(first.plusYears(1).minusDays(1).plusDays(20).toString());
            assertThat(browser.find("#st-ran-out").getText()).contains("mn".equals(lang) ? "нэг жил" : "year to start");
        }
        RegistryClient.Reply late = registry.client.command(registry.client.sign("governor-altanbulag", "RecordOperationsResumed",
                new RegistrationCommands.RecordOperationsResumed(paused, first.plusMonths(6), upload("notice of " + paused.value(), null))));
        assertThat(late.status()).as(late.body().toString()).isEqualTo(409);
        assertThat(late.body().toString()).contains("freezone.interruption-window-passed");
        browser.signOut();
    }
}
