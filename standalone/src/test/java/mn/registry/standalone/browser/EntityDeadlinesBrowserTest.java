package mn.registry.standalone.browser;

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

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 003 art. 12.5.1, 12.5.2 (ADR 0035 item 93; abuse audit F460, was O286): the entity's own registration page shows, in either language, the
 * days that run against it, as the governor's desk shows them: the last day to start operations of a registration that has not started, and
 * the day by which an interrupted activity must resume. Every page opened is checked by axe ({@link Browser#open}).
 */
@BrowserTest
class EntityDeadlinesBrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    @Test
    @DisplayName("003 art. 12.5.1, 12.5.2 (ADR 0035 item 93; F460, was O286): the entity's page shows, in Mongolian and English, the last day to "
            + "start operations of a registration not started, and only the day to resume of one whose operations were interrupted")
    void the_entitys_page_shows_the_days_that_run_against_it() {
        LocalDate today = UlaanbaatarTime.dateOf(registry.context.getBean(RegistryClock.class).instant());
        String number = String.format("%06d", System.nanoTime() % 1_000_000); // a Mongolian number is seven digits
        RegistrationId waiting = LateResumptionBrowserTest.registered(registry, new LegalEntity("Altanbulag Slow Start LLC",
                Jurisdiction.MONGOLIAN, null, "7" + number));
        RegistrationId paused = LateResumptionBrowserTest.interrupted(registry, new LegalEntity("Altanbulag Paused Trade LLC",
                Jurisdiction.MONGOLIAN, null, "8" + number), today);
        browser.signInAsDemo("applicant-1");

        dayOnTheEntitysPage(waiting, "NOT_STARTED_WITHIN_ONE_YEAR", FreeZoneTerms.startDueBy(today),
                "Үндсэн үйл ажиллагаа эхлүүлэх эцсийн өдөр", "Last day to start the main operations");
        dayOnTheEntitysPage(paused, "INTERRUPTED_TWELVE_MONTHS", today.plusMonths(FreeZoneTerms.INTERRUPTION_MONTHS).minusDays(1),
                "Тасалдсан үйл ажиллагааг сэргээх эцсийн өдөр", "Last day to resume the interrupted operations");
        browser.signOut();
    }

    /** The registration's page in both languages shows one day that runs against it, of {@code ground}, not passed, labelled in each language. */
    private static void dayOnTheEntitysPage(RegistrationId registration, String ground, LocalDate day, String mn, String en) {
        String page = "/applicant/registrations/" + registration.value();
        browser.waitUntil("the registration and its day reach the entity's page", d -> {
            browser.open(page, "mn");
            return !d.findElements(By.cssSelector("#days-to-act dd[data-ground=" + ground + "]")).isEmpty();
        });
        for (String lang : List.of("mn", "en")) {
            browser.open(page, lang);
            List<WebElement> days = browser.all("#days-to-act dd.day-to-act");
            assertThat(days).as(lang).singleElement().satisfies(dd -> {
                assertThat(dd.getAttribute("data-ground")).isEqualTo(ground);
                assertThat(dd.getAttribute("data-day")).isEqualTo(day.toString());
                assertThat(dd.getAttribute("data-passed")).isEqualTo("false");
                assertThat(dd.getText()).contains("mn".equals(lang) ? "үргэлжилж байна" : "still running");
            });
            assertThat(browser.find("#days-to-act dt").getText()).isEqualTo("mn".equals(lang) ? mn : en);
            browser.screenshot("entity-days-" + ground + "-" + lang);
        }
    }
}
