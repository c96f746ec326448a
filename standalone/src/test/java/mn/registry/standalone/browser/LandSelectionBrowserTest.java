package mn.registry.standalone.browser;

import mn.registry.document.DocumentStore;
import mn.registry.infrastructure.time.RegistryClock;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.standalone.RegistryClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 31, the selection's result (003 art. 22.4, 22.5; ADR 0035 items 130-133; abuse audit F541, F543, was O364): the land desk offers the
 * result's form for a pending application with none, no grant until it is recorded and says why, then the grant at the result's nominal value,
 * in Mongolian and English, with axe. A registry of its own (a parcel and company number of its own too).
 */
@BrowserTest(ownRegistry = true)
class LandSelectionBrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    static final ZoneId ALTANBULAG = ZoneId.of("altanbulag");
    /** The entity: a state registration number no other test uses. */
    static final LegalEntity GRANARY = new LegalEntity("Altanbulag Session Thirty-One Granary LLC", Jurisdiction.MONGOLIAN, null, "6310341");
    static final GeoPolygon PARCEL = GeoPolygon.of(106.44, 50.315, 106.442, 50.315, 106.442, 50.317, 106.44, 50.317);

    private static RegistryClient.Reply send(String signer, String type, Object body) {
        RegistryClient.Reply reply = registry.client.command(registry.client.sign(signer, type, body));
        assertThat(reply.status()).as(type + " " + reply.body()).isEqualTo(200);
        return reply;
    }

    private static List<String> options(String select) {
        return browser.all("#" + select + " option").stream().map(o -> o.getAttribute("value")).toList();
    }

    @Test
    @DisplayName("003 art. 22.4, 22.5 (F541, F543, was O364; ADR 0035 items 130-133): the land desk offers the tender's or auction's result for a "
            + "pending application with none and no grant, saying why in Mongolian and English; the result recorded on its form, the grant is "
            + "offered at the result's nominal value and recorded; both languages pass axe")
    void the_land_desk_records_the_result_then_grants() {
        LocalDate today = UlaanbaatarTime.dateOf(registry.context.getBean(RegistryClock.class).instant());
        RegistrationId granary = new RegistrationId(GovernorDeskBrowserTest.apply(registry, GRANARY, ALTANBULAG.value()));
        send("governor-altanbulag", "RegisterEntity", new RegistrationCommands.RegisterEntity(granary));
        String application = send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, granary, "Granary plot", PARCEL,
                "Grain store", today.plusDays(1), today.plusYears(5), LandCommands.AllocationMethod.AUCTION)).body().path("applicationId").asText();

        browser.signInAsDemo("governor-altanbulag");
        String page = "/governor/altanbulag/land";
        String why = "#land-not-granted li[data-application='" + application + "']";
        browser.waitUntil("the application is offered for its result", d -> {
            browser.open(page, "en");
            return options("selection-application").contains(application);
        });
        assertThat(options("grant-application")).as("no grant before the result").doesNotContain(application);
        assertThat(browser.find(why).getAttribute("data-code")).isEqualTo("freezone.selection-unknown");
        assertThat(browser.find(why).getText()).startsWith(application + " is not granted now: No result of the tender or auction");
        assertThat(browser.find("#form-selection-result").getText()).contains("Record the result of a tender or auction");
        browser.axe();
        browser.open(page, "mn");
        assertThat(browser.find(why).getText()).contains("дүн бүртгэгдээгүй");
        assertThat(browser.find("#form-selection-result").getText()).contains("дуудлага худалдааны дүнг бүртгэх");
        browser.axe();

        // the result recorded on the desk's form (its document uploaded, named by its SHA-256), in English
        browser.open(page, "en");
        new Select(browser.find("#selection-application")).selectByValue(application);
        browser.find("#selection-value").sendKeys("9000000");
        browser.find("#selection-sha").sendKeys(registry.context.getBean(DocumentStore.class).receive(("%PDF-1.4\nAuction result for " + application
                + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8), "application/pdf", "auction-result.pdf").document().sha256());
        assertThat(browser.signAndSend("form-selection-result")).contains("\"type\":\"RecordLandSelectionResult\"").contains(application);
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");

        // the grant is offered now, at the result's value; the result is not offered again
        for (String lang : new String[]{"en", "mn"}) {
            browser.waitUntil("the grant is offered in " + lang, d -> {
                browser.open(page, lang);
                return options("grant-application").contains(application);
            });
            assertThat(options("selection-application")).doesNotContain(application);
            assertThat(browser.all(why)).as("no reason: the grant is offered").isEmpty();
            new Select(browser.find("#grant-application")).selectByValue(application);
            assertThat(browser.find("#grant-value").getAttribute("value")).isEqualTo("9000000");
            assertThat(browser.find("#grant-name").getAttribute("value")).isEqualTo("Granary plot");
            browser.axe();
        }
        browser.find("#grant-decision").sendKeys("Governor decision 2026/311");
        assertThat(browser.signAndSend("form-grant")).contains("\"type\":\"GrantLandRights\"").contains(application);
        WebElement outcome = browser.find("#command-result");
        assertThat(outcome.getAttribute("data-outcome")).as(outcome.getText()).isEqualTo("sent");
        browser.waitUntil("the licence is on the land page", d -> {
            browser.open(page, "en");
            return !d.findElements(By.xpath("//section[contains(@class,'licence')][contains(., 'Granary plot')]")).isEmpty();
        });
        browser.signOut();
    }

    /** Another entity and parcel of this class's own (a company number no other test uses). */
    static final LegalEntity MILL = new LegalEntity("Altanbulag Session Thirty-Two Mill LLC", Jurisdiction.MONGOLIAN, null, "6320342");
    static final GeoPolygon MILL_PARCEL = GeoPolygon.of(106.446, 50.315, 106.448, 50.315, 106.448, 50.317, 106.446, 50.317);

    private static String resultDocument(String what) {
        return registry.context.getBean(DocumentStore.class).receive(("%PDF-1.4\n" + what + " " + System.nanoTime() + "\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8), "application/pdf", "auction-result.pdf").document().sha256();
    }

    @Test
    @DisplayName("003 art. 22.4, 22.5 (F582-F584, was O440; ADR 0035 items 146-148): the land desk offers the annulment of a result recorded in "
            + "error, in Mongolian and English with axe; annulled on its form with reasons, the application is offered its result again and no "
            + "grant; over HTTP a second annulment 409, reasons with a phone number 400, and once land is granted on a new result its annulment "
            + "is neither offered nor recorded (409)")
    void the_land_desk_annuls_a_result_recorded_in_error() {
        LocalDate today = UlaanbaatarTime.dateOf(registry.context.getBean(RegistryClock.class).instant());
        RegistrationId mill = new RegistrationId(GovernorDeskBrowserTest.apply(registry, MILL, ALTANBULAG.value()));
        send("governor-altanbulag", "RegisterEntity", new RegistrationCommands.RegisterEntity(mill));
        String application = send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, mill, "Mill plot", MILL_PARCEL,
                "Flour mill", today.plusDays(1), today.plusYears(5), LandCommands.AllocationMethod.AUCTION)).body().path("applicationId").asText();
        mn.registry.kernel.freezone.LandApplicationId id = new mn.registry.kernel.freezone.LandApplicationId(application);
        send("governor-altanbulag", "RecordLandSelectionResult", new LandCommands.RecordLandSelectionResult(ALTANBULAG, id,
                mn.registry.kernel.money.Money.mnt(7_000_000), resultDocument("Auction result recorded on the wrong value for " + application)));

        browser.signInAsDemo("governor-altanbulag");
        String page = "/governor/altanbulag/land";
        for (String lang : new String[]{"mn", "en"}) {
            browser.waitUntil("the result is offered for its annulment in " + lang, d -> {
                browser.open(page, lang);
                return options("annul-application").contains(application);
            });
            assertThat(browser.find("#form-annul-selection").getText()).contains(lang.equals("en") ? "Annul a result recorded in error"
                    : "Алдаатай бүртгэсэн дүнг хүчингүй болгох").doesNotContain("??");
            assertThat(options("selection-application")).as("a result stands: none recorded again").doesNotContain(application);
            browser.axe();
            browser.screenshot("land-annul-selection-" + lang);
        }
        browser.find("#annul-reasons").sendKeys("The auction's minutes set 9 000 000 MNT; the result was recorded at the wrong value.");
        assertThat(browser.signAndSend("form-annul-selection")).contains("\"type\":\"AnnulLandSelectionResult\"").contains(application);
        WebElement annulled = browser.find("#command-result");
        assertThat(annulled.getAttribute("data-outcome")).as(annulled.getText()).isEqualTo("sent");
        browser.waitUntil("the application is offered its result again", d -> {
            browser.open(page, "en");
            return options("selection-application").contains(application);
        });
        assertThat(options("annul-application")).doesNotContain(application);
        assertThat(options("grant-application")).as("no grant: the result was annulled").doesNotContain(application);

        // over HTTP: annulled already (409); reasons naming a person's phone number (400), nothing stored
        LandCommands.AnnulLandSelectionResult again = new LandCommands.AnnulLandSelectionResult(ALTANBULAG, id, "recorded twice");
        RegistryClient.Reply twice = registry.client.command(registry.client.sign("governor-altanbulag", "AnnulLandSelectionResult", again));
        assertThat(twice.status()).as(twice.body().toString()).isEqualTo(409);
        assertThat(twice.body().path("code").asText()).isEqualTo("freezone.selection-annulled-already");
        // a new result on its own document, then the grant on it: its annulment is no longer offered nor recorded
        send("governor-altanbulag", "RecordLandSelectionResult", new LandCommands.RecordLandSelectionResult(ALTANBULAG, id,
                mn.registry.kernel.money.Money.mnt(9_000_000), resultDocument("Auction result for " + application)));
        RegistryClient.Reply personal = registry.client.command(registry.client.sign("governor-altanbulag", "AnnulLandSelectionResult",
                new LandCommands.AnnulLandSelectionResult(ALTANBULAG, id, "the bidder called from 99112233")));
        assertThat(personal.status()).as(personal.body().toString()).isEqualTo(400);
        assertThat(personal.body().path("code").asText()).isEqualTo("privacy.personal-details-in-published-text");
        send("governor-altanbulag", "GrantLandRights", new LandCommands.GrantLandRights(ALTANBULAG, mill, "Mill plot", MILL_PARCEL, "Flour mill",
                today.plusDays(1), today.plusYears(5), LandCommands.AllocationMethod.AUCTION, mn.registry.kernel.money.Money.mnt(9_000_000),
                "Governor decision 2026/321", id));
        RegistryClient.Reply late = registry.client.command(registry.client.sign("governor-altanbulag", "AnnulLandSelectionResult",
                new LandCommands.AnnulLandSelectionResult(ALTANBULAG, id, "recorded on the wrong value")));
        assertThat(late.status()).as(late.body().toString()).isEqualTo(409);
        assertThat(late.body().path("code").asText()).isEqualTo("freezone.selection-result-granted");
        browser.open(page, "en");
        assertThat(options("annul-application")).doesNotContain(application);
        browser.signOut();
    }
}
