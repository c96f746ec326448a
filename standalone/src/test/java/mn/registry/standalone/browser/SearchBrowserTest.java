package mn.registry.standalone.browser;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.standalone.RegistryClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 item 4, issue 15 target 3: one search box on the home page across every kind, partial names and numbers in
 * Cyrillic or Latin, the filters as controls with their counts, in Mongolian and in English.
 */
@BrowserTest
class SearchBrowserTest {

    static final LegalEntity ENTITY = new LegalEntity("Хөвсгөл Нуур Трейд ХХК", Jurisdiction.MONGOLIAN, null, "6209933");

    private static BrowserRegistry registry;
    private static Browser browser;
    private static SearchPages pages;
    private static String number;

    @BeforeAll
    static void start() throws Exception {
        pages = new SearchPages(browser);
        // an entity registered in Altanbulag (its application and registration by API: the desks are other tests' subject)
        String registrationId = GovernorDeskBrowserTest.apply(registry, ENTITY, "altanbulag");
        RegistryClient.Reply registered = registry.client.command(registry.client.sign("governor-altanbulag", "RegisterEntity",
                new RegistrationCommands.RegisterEntity(new RegistrationId(registrationId))));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(200);
        BrowserRegistry.await("the entity on the public register", () -> registry.text("/api/public/search?q=khovsgol").contains(registrationId));
        JsonNode found = CanonicalJson.mapper().readTree(registry.text("/api/public/search?q=khovsgol"));
        number = found.path("items").get(0).path("number").asText();
    }

    @Test
    @DisplayName("issue 16 item 4 (en): the home page's one box finds a Cyrillic name by a Latin part, and an entity by the last digits of its number")
    void home_box_finds_names_and_numbers_in_english() {
        pages.searchFromHome("khovsgol", "en");
        assertThat(pages.rowNames()).containsExactly(ENTITY.name());
        assertThat(pages.total()).isEqualTo(1);
        assertThat(pages.countOf("entities")).isEqualTo(1);
        assertThat(browser.find("#register-total").getText()).contains("1 found");
        browser.screenshot("search-results-en");

        String digits = number.substring(number.length() - 5);
        pages.searchFromHome(digits, "en");
        assertThat(pages.hasResultLink(ENTITY.name())).as("found by " + digits + " of " + number).isTrue();
        assertThat(pages.rowNames().get(0)).isEqualTo(ENTITY.name());
    }

    @Test
    @DisplayName("issue 16 item 4 (mn): a part of a word in Cyrillic finds Latin and Cyrillic names; kind, status and zone are chosen with counts, in Mongolian")
    void filters_as_controls_in_mongolian() {
        pages.searchFromHome("өвсг", "mn");
        assertThat(pages.rowNames()).containsExactly(ENTITY.name());
        assertThat(browser.find("#register-total").getText()).contains("олдлоо");

        pages.searchFromHome("замын", "mn");
        assertThat(pages.rowKinds()).contains("zones");
        assertThat(pages.rowNames()).contains("Zamyn-Uud Free Economic Zone");

        browser.open("/register", "mn");
        assertThat(pages.options("kind")).anySatisfy(o -> assertThat(o).startsWith("Чөлөөт бүсүүд (").endsWith(")"));
        pages.choose("kind", "zones");
        assertThat(pages.rowKinds()).isNotEmpty().allMatch("zones"::equals);
        int zones = pages.total();
        assertThat(zones).isEqualTo(pages.countOf("zones"));
        // the zones' statuses, each with its count, add up to the zones (other classes on this registry may leave a zone unopened)
        java.util.Map<String, Integer> byStatus = pages.optionCounts("status");
        assertThat(byStatus.values().stream().mapToInt(Integer::intValue).sum()).as(byStatus.toString()).isEqualTo(zones);
        int open = byStatus.getOrDefault("OPEN", 0);
        assertThat(open).as(byStatus.toString()).isPositive();
        pages.choose("status", "OPEN");
        assertThat(pages.total()).isEqualTo(open);
        browser.screenshot("search-filters-mn");

        pages.choose("status", "");
        pages.choose("kind", "");
        pages.choose("zone", "altanbulag");
        assertThat(pages.rowKinds()).contains("zones", "entities").doesNotContain("permits");
        pages.choose("activity", "TRADE");
        assertThat(pages.rowNames()).contains(ENTITY.name());
        pages.date("from", "2100-01-01");
        pages.submit();
        assertThat(pages.total()).isZero();
        assertThat(browser.find("#register-none").getText()).contains("алга");
    }

    @Test
    @DisplayName("abuse: an over-long search pasted into the address is refused on the page with the reason in the page's language, not a JSON error")
    void over_long_search_refused_in_both_languages() {
        String text = "a".repeat(201);
        browser.open("/register?q=" + text, "mn");
        assertThat(browser.find("#register-problem").getAttribute("data-problem")).isEqualTo("register.query-too-long");
        assertThat(browser.find("#register-problem").getText()).contains("200 тэмдэгт");
        browser.open("/register?q=" + text, "en");
        assertThat(browser.find("#register-problem").getText()).contains("at most 200 characters");
        assertThat(browser.find("#q").getAttribute("maxlength")).isEqualTo("200");
    }
}
