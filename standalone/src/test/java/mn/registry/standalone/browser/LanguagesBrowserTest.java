package mn.registry.standalone.browser;

import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8: every page in both languages, at a phone's width: no message key missing (Thymeleaf shows one as
 * {@code ??key_lang??}), the page says its language, nothing is wider than the screen, every form field has a label and
 * every link or button a name, and the browser reports no Content-Security-Policy violation or script error. And the
 * language switch goes both ways.
 */
@BrowserTest(width = 390, height = 844)
class LanguagesBrowserTest {

    private static BrowserRegistry registry;
    private static Browser phone;

    private void check(String path, List<String> problems) {
        for (String lang : List.of("mn", "en")) {
            phone.open(path, lang);
            String source = phone.driver.getPageSource();
            if (source.contains("??")) {
                int at = source.indexOf("??");
                problems.add(path + " [" + lang + "]: missing message near " + source.substring(Math.max(0, at - 40), Math.min(source.length(), at + 60)));
            }
            String declared = phone.find("html").getAttribute("lang");
            if (!lang.equals(declared)) {
                problems.add(path + " [" + lang + "]: html lang is " + declared);
            }
            Number overflow = (Number) phone.script("return document.documentElement.scrollWidth - window.innerWidth;");
            if (overflow.intValue() > 1) {
                problems.add(path + " [" + lang + "]: " + overflow + " px wider than a phone");
            }
            Object unlabelled = phone.script("return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]"
                    + ".filter(e => e.labels.length === 0 && !e.getAttribute('aria-label')).map(e => e.id || e.name).join(',');");
            if (!"".equals(unlabelled)) {
                problems.add(path + " [" + lang + "]: form fields without a label: " + unlabelled);
            }
            Object noName = phone.script("return [...document.querySelectorAll('a, button')].filter(e => !e.textContent.trim() && !e.getAttribute('aria-label'))"
                    + ".map(e => e.outerHTML.slice(0, 80)).join(' ');");
            if (!"".equals(noName)) {
                problems.add(path + " [" + lang + "]: links or buttons without a name: " + noName);
            }
            String self = phone.driver.getCurrentUrl();
            for (String error : phone.consoleErrors()) {
                // a page answered with 403 or 404 on purpose is reported by the browser as a failed load of itself
                if (!error.startsWith(self + " - Failed to load resource")) {
                    problems.add(path + " [" + lang + "]: console: " + error);
                }
            }
        }
    }

    @Test
    @DisplayName("every page in Mongolian and in English: all labels translated, fits a phone, no CSP violation")
    void every_page_in_both_languages() {
        phone.open("/", "en");
        assertThat(((Number) phone.script("return window.innerWidth;")).intValue()).as("the viewport is a phone's").isEqualTo(390);
        String registrationId = GovernorDeskBrowserTest.apply(registry, new LegalEntity("Selenge Bridge LLC", Jurisdiction.MONGOLIAN, null, "6300123"),
                "altanbulag");
        String reviewer = registry.client.signIn("reviewer-1");
        String applicationId = registry.client.get("/api/reviewer/applications", reviewer).body().path(0).path("applicationId").asText();
        List<String> problems = new ArrayList<>();
        for (String path : List.of("/", "/register", "/register?kind=zones&name=altanbulag", "/register/zones/altanbulag", "/decisions", "/decisions/0",
                "/verify", "/verify?index=0", "/signin")) {
            check(path, problems);
        }
        phone.open("/", "mn");
        phone.screenshot("phone-home-mn");

        phone.signInAsDemo("reviewer-1");
        for (String path : List.of("/desk", "/desk/applications/" + applicationId)) {
            check(path, problems);
        }
        phone.signOut();
        phone.signInAsDemo("governor-altanbulag");
        for (String path : List.of("/governor/altanbulag", "/governor/altanbulag/entities/" + registrationId, "/governor/altanbulag/land",
                "/governor/altanbulag/reports", "/governor/zamyn-uud")) {
            check(path, problems);
        }
        phone.signOut();
        phone.signInAsDemo("cabinet-1");
        check("/cabinet", problems);
        phone.signOut();
        assertThat(problems).isEmpty();
    }

    @Test
    @DisplayName("the language switch goes from Mongolian to English and back, and is remembered from page to page")
    void language_switch_is_remembered() {
        phone.open("/", "mn");
        assertThat(phone.find("h1").getText()).isEqualTo("Нийтийн бүртгэл");
        phone.find("#lang-switch").click();
        phone.waitUntil("English", d -> "en".equals(phone.find("html").getAttribute("lang")));
        assertThat(phone.find("h1").getText()).isEqualTo("Public register");
        phone.open("/verify", null);
        assertThat(phone.find("html").getAttribute("lang")).isEqualTo("en");
        phone.find("#lang-switch").click();
        phone.waitUntil("Mongolian", d -> "mn".equals(phone.find("html").getAttribute("lang")));
        phone.open("/decisions", null);
        assertThat(phone.find("h1").getText()).isEqualTo("Сүүлд нийтлэгдсэн шийдвэрүүд");
    }
}
