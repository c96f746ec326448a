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
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.standalone.RegistryClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 003 art. 8.7.7, 22.2 (ADR 0035 item 81; abuse audit F396-F397, was O223): the land desk offers a grant or a refusal only where the zone's land
 * register would record it on the signed-in governor's signature, and says why it offers no grant. A registry of its own: the test appoints a
 * governor of its own to Zamyn-Uud and moves the clock on.
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
                yard(west), "Container yard", from, until, LandCommands.AllocationMethod.AUCTION)).body().path("applicationId").asText();
    }

    /** A yard in Zamyn-Uud whose west side runs along {@code west}. */
    private static GeoPolygon yard(double west) {
        return GeoPolygon.of(west, 43.72, west + 0.002, 43.72, west + 0.002, 43.722, west, 43.722);
    }

    /** The decision's document, received first (ADR 0061 item 27): its SHA-256. */
    private static String upload(String decision) {
        return registry.context.getBean(mn.registry.document.DocumentStore.class).receive(("%PDF-1.4\n" + decision + "\n%%EOF\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/pdf", "decision.pdf").document().sha256();
    }

    private static List<String> options(String select) {
        return browser.all("#" + select + " option").stream().map(o -> o.getAttribute("value")).toList();
    }

    @Test
    @DisplayName("003 art. 8.7.7, 22.2 (ADR 0035 item 81, F396, was O223; F397): a governor who signed a land application as the entity's "
            + "representative is offered neither its grant nor its refusal, and the land page says in either language that another governor "
            + "decides; an application whose period ended is offered for refusal only, and says why; another application is offered both; "
            + "003 art. 6.1, 22.2 (ADR 0035 item 87, F415, was O240): an application whose whole parcel is licensed for its whole period is "
            + "offered for refusal only, and the page says why in either language")
    void the_land_desk_offers_only_what_the_land_register_would_record() {
        RegistryClock clock = registry.context.getBean(RegistryClock.class);
        LocalDate today = UlaanbaatarTime.dateOf(clock.instant());
        // a person of the test's own represents an entity registered in Zamyn-Uud (its registration and land application signed while they
        // held the applicant's role), which Zamyn-Uud's governor registered; since F592 (ADR 0061 item 74) a governor serves one zone, so the
        // governor made Zamyn-Uud's is not one serving another zone (governor-altanbulag was, before)
        Enrolment enrolment = registry.context.getBean(Enrolment.class);
        mn.registry.kernel.pki.SigningIdentity person = registry.newPerson("governor-land-832");
        try {
            mn.registry.keystore.SigningIdentities.write(person, mn.registry.keystore.DemoPeople.directory(registry.dataDir).resolve("governor-land-832"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        PersonId governor = person.person();
        PersonId supervisor = new PersonId("supervisor-1");
        enrolment.enrolRepresentativeOfAnyCompanyIfAbsent(governor, "Person governor-land-832", person.certificate(), supervisor,
                "test: the future governor represents an entity");
        RegistrationId own = new RegistrationId(GovernorDeskBrowserTest.apply(registry, governor.value(), THE_GOVERNORS_OWN, ZAMYN_UUD.value()));
        RegistrationId shortStay = new RegistrationId(GovernorDeskBrowserTest.apply(registry, SHORT_STAY, ZAMYN_UUD.value()));
        RegistrationId longStay = new RegistrationId(GovernorDeskBrowserTest.apply(registry, LONG_STAY, ZAMYN_UUD.value()));
        for (RegistrationId entity : List.of(own, shortStay, longStay)) {
            send("governor-zamyn-uud", "RegisterEntity", new RegistrationCommands.RegisterEntity(entity));
        }
        String ownApplication = applyForLand(governor.value(), own, 111.89, today, today.plusYears(5));
        enrolment.revoke(new RoleRevoked(governor, Role.APPLICANT, null, clock.instant(), supervisor, "test: the representation ended"));
        String shortApplication = applyForLand("applicant-1", shortStay, 111.90, today, today.plusDays(2));
        String longApplication = applyForLand("applicant-1", longStay, 111.91, today, today.plusYears(5));
        // 003 art. 22.4 (F541): the long stay's auction has its result (the other two have none: each is refused for its own reason first)
        mn.registry.standalone.LandSelectionStep.selected(registry.context, (p, t, b) -> send(p, t, b), "governor-zamyn-uud",
                new mn.registry.kernel.freezone.LandApplicationId(longApplication), mn.registry.kernel.money.Money.mnt(45_000_000));
        // the Cabinet member makes them Zamyn-Uud's governor
        send("cabinet-1", "DismissGovernor", new ZoneCommands.DismissGovernor(ZAMYN_UUD, new PersonId("governor-zamyn-uud"), "Cabinet member's order 2026/301",
                upload("Cabinet member's order 2026/301")));
        send("cabinet-1", "AppointGovernor", new ZoneCommands.AppointGovernor(ZAMYN_UUD, governor, "Cabinet member's order 2026/302",
                upload("Cabinet member's order 2026/302")));
        clock.advance(Duration.ofDays(3)); // the short stay's period ended yesterday

        browser.signInWithFiles(governor.value());
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
        browser.open(page, "en"); // ADR 0071: one load, the page waits for the register
        assertThat(!browser.find("body").getText().contains(shortApplication)).as("the refused application leaves the page").isTrue();
        assertThat(options("refuse-land-application")).containsExactly(longApplication);

        // F415: the long stay's yard granted to it, the short stay applies for the whole of it for the same period: no grant is offered
        LocalDate now = UlaanbaatarTime.dateOf(clock.instant());
        send(governor.value(), "GrantLandRights", new LandCommands.GrantLandRights(ZAMYN_UUD, longStay, "Yard of " + longStay.value(), yard(111.91),
                "Container yard", now, today.plusYears(5), LandCommands.AllocationMethod.AUCTION, mn.registry.kernel.money.Money.mnt(45_000_000),
                "Governor decision 2026/93", new mn.registry.kernel.freezone.LandApplicationId(longApplication)));
        String covered = applyForLand("applicant-1", shortStay, 111.91, now, today.plusYears(5));
        String why = "#land-not-granted li[data-application='" + covered + "']";
        browser.waitUntil("the application on licensed ground is on the land page", d -> {
            browser.open(page, "en");
            return !browser.all(why).isEmpty();
        });
        assertThat(browser.find(why).getAttribute("data-code")).isEqualTo("freezone.applied-ground-licensed");
        assertThat(browser.find(why).getText()).startsWith(covered + " is not granted now: Every part of the parcel applied for is licensed");
        assertThat(options("grant-application")).doesNotContain(covered);
        assertThat(options("refuse-land-application")).containsExactly(covered);
        browser.open(page, "mn");
        assertThat(browser.find(why).getText()).contains("Хүссэн газрын бүх хэсэг нь");
        assertThat(options("refuse-land-application")).containsExactly(covered);
        browser.signOut();
    }

    static final ZoneId ALTANBULAG = ZoneId.of("altanbulag");
    static final LegalEntity TWO_DAY_YARD = new LegalEntity("Altanbulag Two Day Yard LLC", Jurisdiction.MONGOLIAN, null, "6207734");

    @Test
    @DisplayName("003 art. 22.5, 22.7 (ADR 0035 item 83, F391, was O239): the holder's page offers the report of its land fee paid while the land "
            + "register would record it, and once the licence's period has ended (its last day to pay not yet passed) offers it no more and says "
            + "why in either language; 003 art. 6.4, 22.2 (item 84, F402): likewise the application for land once the zone is closed; 003 art. "
            + "22.2 (item 86, F416, was O244): the representative withdraws a pending application on the page, which then shows it withdrawn in "
            + "either language and offers no second withdrawal")
    void the_holders_page_offers_the_fee_report_only_where_the_land_register_would_record_it() {
        RegistryClock clock = registry.context.getBean(RegistryClock.class);
        LocalDate today = UlaanbaatarTime.dateOf(clock.instant());
        RegistrationId yard = new RegistrationId(GovernorDeskBrowserTest.apply(registry, TWO_DAY_YARD, ALTANBULAG.value()));
        send("governor-altanbulag", "RegisterEntity", new RegistrationCommands.RegisterEntity(yard));
        GeoPolygon parcel = GeoPolygon.of(106.44, 50.315, 106.442, 50.315, 106.442, 50.317, 106.44, 50.317);
        String application = send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, yard, "Two day yard", parcel,
                "Container yard", today, today.plusDays(2), LandCommands.AllocationMethod.AUCTION)).body().path("applicationId").asText();
        mn.registry.standalone.LandSelectionStep.selected(registry.context, (p, t, b) -> send(p, t, b), "governor-altanbulag",
                new mn.registry.kernel.freezone.LandApplicationId(application), mn.registry.kernel.money.Money.mnt(45_000_000));
        String licence = send("governor-altanbulag", "GrantLandRights", new LandCommands.GrantLandRights(ALTANBULAG, yard, "Two day yard", parcel,
                "Container yard", today, today.plusDays(2), LandCommands.AllocationMethod.AUCTION, mn.registry.kernel.money.Money.mnt(45_000_000),
                "Governor decision 2026/91", new mn.registry.kernel.freezone.LandApplicationId(application))).body().path("licenceId").asText();

        browser.signInAsDemo("applicant-1");
        String page = "/applicant/registrations/" + yard.value();
        String form = "form.fee-report[data-licence='" + licence + "']";
        String notOffered = ".fee-report-not-offered[data-licence='" + licence + "']";
        browser.open(page, "en"); // ADR 0071: one load, the page waits for the register
        assertThat(!browser.all(form).isEmpty()).as("the grant is on the holder's page and its fee's report form is offered").isTrue();
        assertThat(browser.all(notOffered)).isEmpty();
        browser.signOut();
        clock.advance(Duration.ofDays(3)); // the period of use ended yesterday; the last day to pay has not passed, so nothing lapses
        browser.signInAsDemo("applicant-1"); // the session of three days ago has expired
        browser.open(page, "en");
        assertThat(browser.find("#land-applications").getText()).contains("Two day yard");
        assertThat(browser.all(form)).as("a report the land register refuses (freezone.licence-ended) is not offered").isEmpty();
        WebElement why = browser.find(notOffered);
        assertThat(why.getAttribute("data-code")).isEqualTo("freezone.licence-ended");
        assertThat(why.getText()).startsWith("The fee of " + licence + " cannot be reported paid here: ").contains("period of use has ended");
        browser.open(page, "mn");
        assertThat(browser.all(form)).isEmpty();
        assertThat(browser.find(notOffered).getText()).startsWith(licence + " эрхийн төлбөрийг төлсөн гэж энд мэдэгдэх боломжгүй: ");
        // F416: a pending application is withdrawn on the page; then shown withdrawn, with no second withdrawal offered
        LocalDate now = UlaanbaatarTime.dateOf(clock.instant());
        String pending = send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, yard, "Second yard",
                GeoPolygon.of(106.444, 50.315, 106.446, 50.315, 106.446, 50.317, 106.444, 50.317), "Container yard", now, now.plusYears(1),
                LandCommands.AllocationMethod.AUCTION)).body().path("applicationId").asText();
        String withdrawal = "form.land-withdrawal[data-application='" + pending + "']";
        browser.waitUntil("the pending application's withdrawal is offered", d -> {
            browser.open(page, "en");
            return !browser.all(withdrawal).isEmpty();
        });
        assertThat(browser.find(withdrawal + " h3").getText()).startsWith("Withdraw the application " + pending + " (");
        assertThat(browser.signAndSend(browser.find(withdrawal).getAttribute("id"))).contains("\"type\":\"WithdrawLandApplication\"").contains(pending);
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
        String row = "#land-applications tr[data-land-application='" + pending + "'] td:nth-child(3)";
        browser.waitUntil("the application is shown withdrawn", d -> {
            browser.open(page, "en");
            return "Withdrawn".equals(browser.find(row).getText());
        });
        assertThat(browser.all(withdrawal)).as("withdrawn once").isEmpty();
        browser.open(page, "mn");
        assertThat(browser.find(row).getText()).isEqualTo("Буцаан авсан");
        assertThat(browser.all(withdrawal)).isEmpty();
        // F402: the land application's form while the zone is open; once the Cabinet member closes it (6.4) the form is not offered, and why
        assertThat(browser.all("#form-land")).hasSize(1);
        assertThat(browser.all("#land-application-not-offered")).isEmpty();
        send("cabinet-1", "CloseZoneTemporarily", new ZoneCommands.CloseZoneTemporarily(ALTANBULAG, "Government resolution 2026/92",
                upload("Government resolution 2026/92")));
        browser.open(page, "en");
        assertThat(browser.all("#form-land")).as("an application the land register refuses (freezone.zone-closed) is not offered").isEmpty();
        assertThat(browser.find("#land-application-not-offered").getAttribute("data-code")).isEqualTo("freezone.zone-closed");
        assertThat(browser.find("#land-application-not-offered").getText())
                .isEqualTo("No land can be applied for in this entity's name now: The zone is closed: it takes no new registrations or land licences.");
        browser.open(page, "mn");
        assertThat(browser.all("#form-land")).isEmpty();
        assertThat(browser.find("#land-application-not-offered").getText()).startsWith("Энэ хуулийн этгээдийн нэрээр одоо газар хүсэх боломжгүй: Бүс хаалттай");
        browser.signOut();
    }
}
