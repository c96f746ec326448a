package mn.registry.standalone.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

/** What the register search pages offer a person, as helpers over the shared {@link Browser} (kept apart from it). */
final class SearchPages {

    private final Browser browser;

    SearchPages(Browser browser) {
        this.browser = browser;
    }

    /** Types into the one search box of the home page and submits it, as a person would. */
    void searchFromHome(String text, String lang) {
        browser.open("/", lang);
        browser.find("#home-search #q").sendKeys(text);
        browser.find("#search-submit").click();
        browser.waitFor("#register-search");
    }

    /** Chooses an option of one of the search form's filters by its value and submits the form. */
    void choose(String selectId, String value) {
        new Select(browser.find("#register-search #" + selectId)).selectByValue(value);
        submit();
    }

    /** Fills a date filter ({@code from}/{@code to}) with an ISO date through the page's script (date inputs differ by locale). */
    void date(String inputId, String isoDate) {
        browser.script("document.getElementById(arguments[0]).value = arguments[1];", inputId, isoDate);
    }

    /**
     * Submits the search form and waits for the page it loads: the form is a plain GET, so the page before it stays in place (its
     * {@code #register-search} too) until the answer replaces it; reading the results before that reads the old page's, or elements the
     * new page has just made stale (seen on a loaded machine).
     */
    void submit() {
        WebElement before = browser.find("#register-search");
        browser.find("#register-submit").click();
        browser.waitUntil("the search page submitted", d -> {
            try {
                before.isDisplayed();
                return false;
            } catch (StaleElementReferenceException replaced) {
                return true;
            } catch (org.openqa.selenium.WebDriverException replacedWhileAsked) {
                // asked while the document was being replaced, Chromium 156's driver answers "Node with given id does not belong to the
                // document" (an unknown error, not a stale element): the old page is gone all the same (the intermediate CI of session 27)
                return replacedWhileAsked.getMessage() != null && replacedWhileAsked.getMessage().contains("does not belong to the document");
            }
        });
        browser.waitFor("#register-search");
    }

    /** How many the page says matched. */
    int total() {
        return Integer.parseInt(browser.find("#register-total").getAttribute("data-total"));
    }

    /** The count shown beside a kind. */
    int countOf(String kind) {
        return Integer.parseInt(browser.find("#kind-counts li[data-kind='" + kind + "']").getAttribute("data-count"));
    }

    /** The results' kinds, row by row. */
    List<String> rowKinds() {
        return browser.all("#register-results tbody tr").stream().map(r -> r.getAttribute("data-kind")).toList();
    }

    /** The results' linked names, row by row. */
    List<String> rowNames() {
        return browser.all("#register-results tbody tr td a").stream().map(WebElement::getText).toList();
    }

    /** The visible texts of a filter's options. */
    List<String> options(String selectId) {
        return browser.all("#register-search #" + selectId + " option").stream().map(WebElement::getText).toList();
    }

    /** The counts shown in a select's options, by value (e.g. OPEN -> 4 for "Нээлттэй (4)"), the "any" option left out. */
    java.util.Map<String, Integer> optionCounts(String selectId) {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        java.util.regex.Pattern count = java.util.regex.Pattern.compile("\\((\\d+)\\)\\s*$");
        for (WebElement option : browser.all("#register-search #" + selectId + " option")) {
            java.util.regex.Matcher m = count.matcher(option.getText());
            if (!option.getAttribute("value").isEmpty() && m.find()) {
                counts.put(option.getAttribute("value"), Integer.parseInt(m.group(1)));
            }
        }
        return counts;
    }

    boolean hasResultLink(String text) {
        return !browser.driver.findElements(By.linkText(text)).isEmpty();
    }
}
