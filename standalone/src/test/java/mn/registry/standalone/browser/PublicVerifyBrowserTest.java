package mn.registry.standalone.browser;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 8: a member of the public searches the register, opens a decision and verifies it in the browser against the log key. */
@BrowserTest
class PublicVerifyBrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    @Test
    @DisplayName("domain-rules §5: search, open a published decision, verify it in the browser in English and in Mongolian; a changed record does not verify")
    void the_public_searches_opens_and_verifies_a_decision() {
        browser.open("/", "en");
        assertThat(browser.find("#stats").getText()).contains("Special permits").contains("Free zones");
        assertThat(browser.all("#recent tbody tr")).isNotEmpty();
        browser.screenshot("public-home");

        browser.open("/register", "en");
        new org.openqa.selenium.support.ui.Select(browser.find("#kind")).selectByValue("zones");
        browser.find("#q").sendKeys("Altanbulag");
        browser.find("#register-submit").click();
        browser.waitFor("#register-results");
        List<WebElement> rows = browser.all("#register-results tbody tr");
        assertThat(rows).hasSize(1);
        browser.screenshot("public-search");
        browser.driver.findElement(By.linkText("Altanbulag Free Trade Zone")).click();
        browser.waitFor("#zone-map .leaflet-interactive");
        // ADR 0021: the history reads in sentences, the Cabinet member by title, never by the internal person id
        assertThat(browser.find("#history").getText()).contains("Free zone established").contains("Altanbulag Free Trade Zone established on")
                .contains("the Cabinet member for Free Zones").doesNotContain("cabinet-1");
        browser.screenshot("public-zone");

        browser.driver.findElement(By.linkText("Free zone established")).click();
        browser.waitFor("#extract");
        assertThat(browser.find("#extract").getText()).contains("Altanbulag Free Trade Zone").contains("Economic cooperation zone").doesNotContain("true");
        assertThat(browser.find("#record").getAttribute("textContent")).contains("Altanbulag Free Trade Zone");
        browser.screenshot("public-decision");

        browser.find("#verify-link").click();
        String verifyPage = java.net.URI.create(browser.driver.getCurrentUrl()).getRawPath() + "?" + java.net.URI.create(browser.driver.getCurrentUrl()).getRawQuery();
        browser.waitUntil("the bundle is verified", d -> d.findElement(By.id("verify-verdict")).getAttribute("data-outcome") != null);
        assertThat(browser.find("#verify-verdict").getAttribute("data-outcome")).as(browser.find("#verify-results").getText()).isEqualTo("verified");
        assertThat(browser.all("#verify-results li.verify-good")).hasSize(5);
        assertThat(browser.all("#verify-results li.verify-bad")).isEmpty();
        // ADR 0015: the disclosed fields are checked against the registry's sealed commitment; no signed command in the bundle
        assertThat(browser.find("#verify-results").getText()).contains("the ones the registry sealed");
        browser.screenshot("public-verify");

        // the same bundle with one word of the record changed is refused
        String bundle = browser.find("#bundle-text").getAttribute("value");
        String tampered = bundle.replace("Altanbulag Free Trade Zone", "Altanbulag Free Trade Zona");
        assertThat(tampered).isNotEqualTo(bundle);
        browser.script("document.getElementById('bundle-text').value = arguments[0];", tampered);
        browser.script("document.getElementById('verify-verdict').removeAttribute('data-outcome');");
        browser.find("#verify-submit").click();
        browser.waitUntil("the tampered bundle is checked", d -> d.findElement(By.id("verify-verdict")).getAttribute("data-outcome") != null);
        assertThat(browser.find("#verify-verdict").getAttribute("data-outcome")).isEqualTo("failed");
        assertThat(browser.find("li.verify-bad[data-check=inclusion]").isDisplayed()).isTrue();
        assertThat(browser.find("li.verify-bad[data-check=disclosed]").isDisplayed()).isTrue();

        // ADR 0061 item 14: the role the act was signed under is the one sealed at receipt; another role named in the record is refused
        String otherRole = bundle.replaceFirst("(\"actingRoles\"\\s*:\\s*\\[\\s*\")CABINET_MEMBER\"", "$1ZONE_GOVERNOR\""); // the record's, not the sealed metadata's (escaped)
        assertThat(otherRole).as("the establishment names the Cabinet member's role: %s", bundle).isNotEqualTo(bundle);
        browser.script("document.getElementById('bundle-text').value = arguments[0];", otherRole);
        browser.script("document.getElementById('verify-verdict').removeAttribute('data-outcome');");
        browser.find("#verify-submit").click();
        browser.waitUntil("the bundle naming another role is checked", d -> d.findElement(By.id("verify-verdict")).getAttribute("data-outcome") != null);
        assertThat(browser.find("#verify-verdict").getAttribute("data-outcome")).isEqualTo("failed");
        assertThat(browser.find("li.verify-bad[data-check=disclosed]").isDisplayed()).isTrue();

        // ADR 0061 item 15: a zone the act was not judged in, added to the record (as if a governor's act), is refused: none was sealed
        String aZone = bundle.replaceFirst("(\"actingRoles\"\\s*:)", "\"actingZone\":\"altanbulag\",$1");
        assertThat(aZone).as("the record names its roles: %s", bundle).isNotEqualTo(bundle);
        browser.script("document.getElementById('bundle-text').value = arguments[0];", aZone);
        browser.script("document.getElementById('verify-verdict').removeAttribute('data-outcome');");
        browser.find("#verify-submit").click();
        browser.waitUntil("the bundle naming a zone is checked", d -> d.findElement(By.id("verify-verdict")).getAttribute("data-outcome") != null);
        assertThat(browser.find("#verify-verdict").getAttribute("data-outcome")).isEqualTo("failed");
        assertThat(browser.find("li.verify-bad[data-check=disclosed]").isDisplayed()).isTrue();

        // the same verification in Mongolian: the verdict and every check read in the page's language, the changed role refused there too
        browser.open(verifyPage.replaceAll("[?&]lang=[a-z]+", ""), "mn");
        browser.waitUntil("the bundle is verified in Mongolian", d -> d.findElement(By.id("verify-verdict")).getAttribute("data-outcome") != null);
        assertThat(browser.find("#verify-verdict").getAttribute("data-outcome")).as(browser.find("#verify-results").getText()).isEqualTo("verified");
        assertThat(browser.find("#verify-verdict").getText()).contains("Баталгаажлаа");
        assertThat(browser.find("#verify-results").getText()).contains("бүртгэлийн тамгалсан (давсалсан хэш) талбарууд мөн")
                .doesNotContain("the ones the registry sealed");
        browser.script("document.getElementById('bundle-text').value = arguments[0];", otherRole);
        browser.script("document.getElementById('verify-verdict').removeAttribute('data-outcome');");
        browser.find("#verify-submit").click();
        browser.waitUntil("the bundle naming another role is checked in Mongolian", d -> d.findElement(By.id("verify-verdict")).getAttribute("data-outcome") != null);
        assertThat(browser.find("#verify-verdict").getAttribute("data-outcome")).isEqualTo("failed");
        assertThat(browser.find("#verify-verdict").getText()).contains("Баталгаажсангүй");
        assertThat(browser.find("li.verify-bad[data-check=disclosed]").getText()).contains("тамгалсан");
    }
}
