package mn.registry.standalone.browser;

import mn.registry.deadline.DeadlinePoller;
import mn.registry.infrastructure.time.RegistryClock;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.FreeZoneTerms;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 003 art. 12.5.1 (ADR 0035 item 96; abuse audit F472, was O301): once the year to start ran out and the registry raised the ground, the entity's
 * own page shows, in either language, the day that passed and, beside it, the day the registry raised the ground. A registry of its own: the
 * test moves its clock more than a year on. Every page opened is checked by axe ({@link Browser#open}).
 */
@BrowserTest(ownRegistry = true)
class GroundRaisedBrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    @Test
    @DisplayName("003 art. 12.5.1 (ADR 0035 item 96; F472, was O301): the entity's page shows, in Mongolian and English, the last day to start "
            + "passed and the day the registry raised the ground beside it; while the day ran, no raised day")
    void the_entitys_page_shows_the_day_the_registry_raised_the_ground() {
        RegistryClock clock = registry.context.getBean(RegistryClock.class);
        LocalDate registeredOn = UlaanbaatarTime.dateOf(clock.instant());
        RegistrationId waiting = LateResumptionBrowserTest.registered(registry, new LegalEntity("Altanbulag Never Started LLC",
                Jurisdiction.MONGOLIAN, null, "6207791"));
        LocalDate lastDay = FreeZoneTerms.startDueBy(registeredOn);
        String page = "/applicant/registrations/" + waiting.value();
        browser.signInAsDemo("applicant-1");
        browser.waitUntil("the day reaches the entity's page", d -> {
            browser.open(page, "en");
            return !d.findElements(By.cssSelector("#days-to-act dd[data-ground=NOT_STARTED_WITHIN_ONE_YEAR]")).isEmpty();
        });
        assertThat(browser.driver.findElements(By.cssSelector("#days-to-act .ground-raised"))).as("running: nothing raised").isEmpty();
        browser.signOut(); // the session does not outlive the days the clock moves on

        // three days after the last day (the deadline service a node behind): the registry raises the ground on the day it fires
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(registeredOn, lastDay.plusDays(3))));
        LocalDate raisedOn = UlaanbaatarTime.dateOf(clock.instant());
        registry.context.getBean(DeadlinePoller.class).pollOnce();
        browser.signInAsDemo("applicant-1");
        browser.waitUntil("the raised ground reaches the entity's page", d -> {
            browser.open(page, "mn");
            return !d.findElements(By.cssSelector("#days-to-act .ground-raised")).isEmpty();
        });
        for (String lang : List.of("mn", "en")) {
            browser.open(page, lang);
            List<WebElement> days = browser.all("#days-to-act dd.day-to-act");
            assertThat(days).as(lang).singleElement().satisfies(dd -> {
                assertThat(dd.getAttribute("data-day")).isEqualTo(lastDay.toString());
                assertThat(dd.getAttribute("data-passed")).isEqualTo("true");
                assertThat(dd.getText()).contains("mn".equals(lang) ? "бүртгэлээс хасах үндэслэл" : "a ground for removal");
            });
            WebElement raised = browser.find("#days-to-act .ground-raised");
            assertThat(raised.getAttribute("data-raised-on")).isEqualTo(raisedOn.toString());
            assertThat(raised.getText()).contains("mn".equals(lang) ? "тэмдэглэсэн" : "The registry raised this ground for removal on");
            browser.screenshot("entity-ground-raised-" + lang);
        }
        browser.signOut();
    }
}
