package mn.registry.standalone.browser;

import mn.registry.identity.command.Enrolment;
import mn.registry.infrastructure.time.RegistryClock;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.standalone.RegistryClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 003 art. 8.7.7, 22.2 (ADR 0035 item 81; abuse audit F396-F397, was O223): the land desk offers a grant or a refusal only where the zone's land
 * register would record it on the signed-in governor's signature, and says why it offers no grant. A registry of its own: the test moves a
 * governor into a second zone and the clock on.
 */
@BrowserTest(ownRegistry = true)
class LandDeskBrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    static final ZoneId ZAMYN_UUD = ZoneId.of("zamyn-uud");
    static final LegalEntity THE_GOVERNORS_OWN = new LegalEntity("Altanbulag Governor's Depot LLC", Jurisdiction.MONGOLIAN, null, "6207731");
    static final LegalEntity SHORT_STAY = new LegalEntity("Zamyn-Uud Short Stay LLC", Jurisdiction.MONGOLIAN, null, "6207732");
    static final LegalEntity LONG_STAY = new LegalEntity("Zamyn-Uud Long Stay LLC", Jurisdiction.MONGOLIAN, null, "6207733");

    private static RegistryClient.Reply send(String signer, String type, Object body) {
        RegistryClient.Reply reply = registry.client.command(registry.client.sign(signer, type, body));
        assertThat(reply.status()).as(type + " " + reply.body()).isEqualTo(200);
        return reply;
    }

    /** The entity's application for land in Zamyn-Uud, signed by its representative, from {@code from} to {@code until}: its id. */
    private static String applyForLand(String representative, RegistrationId entity, double west, LocalDate from, LocalDate until) {
        return send(representative, "ApplyForLandUse", new LandCommands.ApplyForLandUse(ZAMYN_UUD, entity, "Yard of " + entity.value(),
                GeoPolygon.of(west, 43.72, west + 0.002, 43.72, west + 0.002, 43.722, west, 43.722), "Container yard", from, until,
                LandCommands.AllocationMethod.AUCTION)).body().path("applicationId").asText();
    }

    private static List<String> options(String select) {
        return browser.all("#" + select + " option").stream().map(o -> o.getAttribute("value")).toList();
    }

    @Test
    @DisplayName("003 art. 8.7.7, 22.2 (ADR 0035 item 81, F396, was O223; F397): a governor who signed a land application as the entity's "
            + "representative is offered neither its grant nor its refusal, and the land page says in either language that another governor "
            + "decides; an application whose period ended is offered for refusal only, and says why; another application is offered both")
    void the_land_desk_offers_only_what_the_land_register_would_record() {
        RegistryClock clock = registry.context.getBean(RegistryClock.class);
        LocalDate today = UlaanbaatarTime.dateOf(clock.instant());
        // governor-altanbulag also represents an entity registered in Zamyn-Uud (its registration and land application signed while it held
        // the applicant's role), which Zamyn-Uud's governor registered
        Enrolment enrolment = registry.context.getBean(Enrolment.class);
        PersonId governor = new PersonId("governor-altanbulag");
        PersonId supervisor = new PersonId("supervisor-1");
        enrolment.grant(new RoleGranted(governor, Role.APPLICANT, null, Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1), supervisor,
                "test: the governor also represents an entity"));
        RegistrationId own = new RegistrationId(GovernorDeskBrowserTest.apply(registry, governor.value(), THE_GOVERNORS_OWN, ZAMYN_UUD.value()));
        RegistrationId shortStay = new RegistrationId(GovernorDeskBrowserTest.apply(registry, SHORT_STAY, ZAMYN_UUD.value()));
        RegistrationId longStay = new RegistrationId(GovernorDeskBrowserTest.apply(registry, LONG_STAY, ZAMYN_UUD.value()));
        for (RegistrationId entity : List.of(own, shortStay, longStay)) {
            send("governor-zamyn-uud", "RegisterEntity", new RegistrationCommands.RegisterEntity(entity));
        }
        String ownApplication = applyForLand(governor.value(), own, 111.89, today, today.plusYears(5));
        enrolment.revoke(new RoleRevoked(governor, Role.APPLICANT, null, Instant.now(), supervisor, "test: the representation ended"));
        String shortApplication = applyForLand("applicant-1", shortStay, 111.90, today, today.plusDays(2));
        String longApplication = applyForLand("applicant-1", longStay, 111.91, today, today.plusYears(5));
        // the Cabinet member makes governor-altanbulag Zamyn-Uud's governor too
        send("cabinet-1", "DismissGovernor", new ZoneCommands.DismissGovernor(ZAMYN_UUD, new PersonId("governor-zamyn-uud"), "Cabinet member's order 2026/301"));
        send("cabinet-1", "AppointGovernor", new ZoneCommands.AppointGovernor(ZAMYN_UUD, governor, "Cabinet member's order 2026/302"));
        clock.advance(Duration.ofDays(3)); // the short stay's period ended yesterday

        browser.signInAsDemo(governor.value());
        String page = "/governor/zamyn-uud/land";
        browser.waitUntil("the three applications and the answer are on the land page", d -> {
            browser.open(page, "en");
            String shown = browser.find("body").getText();
            return shown.contains(ownApplication) && shown.contains(shortApplication) && shown.contains(longApplication)
                    && !d.findElements(By.id("form-grant")).isEmpty();
        });
        assertThat(options("grant-application")).containsExactly(longApplication);
        assertThat(options("refuse-land-application")).containsExactlyInAnyOrder(shortApplication, longApplication);
        WebElement signed = browser.find("#land-not-granted li[data-application='" + ownApplication + "']");
        assertThat(signed.getAttribute("data-code")).isEqualTo("freezone.decider-is-applicant");
        assertThat(signed.getText()).startsWith(ownApplication + ": you signed this application as the entity's representative")
                .contains("another governor of the zone grants or refuses it");
        WebElement ended = browser.find("#land-not-granted li[data-application='" + shortApplication + "']");
        assertThat(ended.getAttribute("data-code")).isEqualTo("freezone.land-application-period-ended");
        assertThat(ended.getText()).startsWith(shortApplication + " is not granted now: The period of use the application asked for has ended");
        assertThat(browser.all("#land-not-granted li")).hasSize(2);
        browser.open(page, "mn");
        assertThat(browser.find("#land-not-granted li[data-application='" + ownApplication + "']").getText())
                .contains("бүсийн өөр Засаг дарга олгох эсвэл татгалзана");
        assertThat(browser.find("#land-not-granted li[data-application='" + shortApplication + "']").getText())
                .contains("газар ашиглах хугацаа дууссан");
        assertThat(options("grant-application")).containsExactly(longApplication);
        assertThat(options("refuse-land-application")).doesNotContain(ownApplication);
        // the refusal offered is recorded; the page then lists the application no more
        browser.open(page, "en");
        new org.openqa.selenium.support.ui.Select(browser.find("#refuse-land-application")).selectByValue(shortApplication);
        browser.find("#refuse-land-reasons").sendKeys("The period applied for has ended.");
        assertThat(browser.signAndSend("form-refuse-land")).contains("\"type\":\"RefuseLandUse\"").contains(shortApplication);
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
        browser.waitUntil("the refused application leaves the page", d -> {
            browser.open(page, "en");
            return !browser.find("body").getText().contains(shortApplication);
        });
        assertThat(options("refuse-land-application")).containsExactly(longApplication);
        browser.signOut();
    }
}
