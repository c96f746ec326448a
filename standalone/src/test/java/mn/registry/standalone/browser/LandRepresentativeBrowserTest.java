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
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.standalone.RegistryClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 30, who acts for an entity's land (003 art. 12.1, 22.2, 22.5; 001 art. 23.1.1; ADR 0035 item 104; abuse audit F525, was O367): the
 * holder's page judges the land acts it offers on the signed-in person's grant in force now with its company, as the land register judges the
 * act (F507, F524). A registry of its own: the test changes the demo representative's grant.
 */
@BrowserTest(ownRegistry = true)
class LandRepresentativeBrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    static final ZoneId ALTANBULAG = ZoneId.of("altanbulag");
    /** The entity (a unique number: the registry's claims are shared by the tests of one registry) and the company its representative moves to. */
    static final LegalEntity DEPOT = new LegalEntity("Altanbulag Session Thirty Depot LLC", Jurisdiction.MONGOLIAN, null, "6230301");
    static final String ANOTHER_COMPANY = "6230302";

    private static RegistryClient.Reply send(String signer, String type, Object body) {
        RegistryClient.Reply reply = registry.client.command(registry.client.sign(signer, type, body));
        assertThat(reply.status()).as(type + " " + reply.body()).isEqualTo(200);
        return reply;
    }

    private static GeoPolygon parcel(double west) {
        return GeoPolygon.of(west, 50.315, west + 0.002, 50.315, west + 0.002, 50.317, west, 50.317);
    }

    @Test
    @DisplayName("003 art. 12.1, 22.2, 22.5; 001 art. 23.1.1 (F525, was O367; ADR 0035 item 104): the person who signed the entity's registration, "
            + "once their grant names another company, is offered no land application, withdrawal or fee report, and "
            + "no longer reads the entity's file (F554, ADR 0035 item 122: nor is its page shown, in Mongolian and in English, with axe); before, "
            + "all three were offered")
    void the_holders_page_offers_no_land_act_to_another_companys_representative() {
        LocalDate today = UlaanbaatarTime.dateOf(registry.context.getBean(RegistryClock.class).instant());
        RegistrationId depot = new RegistrationId(GovernorDeskBrowserTest.apply(registry, DEPOT, ALTANBULAG.value()));
        send("governor-altanbulag", "RegisterEntity", new RegistrationCommands.RegisterEntity(depot));
        String first = send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, depot, "Depot yard", parcel(106.45),
                "Container yard", today, today.plusYears(1), LandCommands.AllocationMethod.AUCTION)).body().path("applicationId").asText();
        mn.registry.standalone.LandSelectionStep.selected(registry.context, (p, t, b) -> send(p, t, b), "governor-altanbulag",
                new mn.registry.kernel.freezone.LandApplicationId(first), mn.registry.kernel.money.Money.mnt(30_000_000));
        String licence = send("governor-altanbulag", "GrantLandRights", new LandCommands.GrantLandRights(ALTANBULAG, depot, "Depot yard",
                parcel(106.45), "Container yard", today, today.plusYears(1), LandCommands.AllocationMethod.AUCTION,
                mn.registry.kernel.money.Money.mnt(30_000_000), "Governor decision 2026/130", new mn.registry.kernel.freezone.LandApplicationId(first)))
                .body().path("licenceId").asText();
        String pending = send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, depot, "Depot annex", parcel(106.455),
                "Container yard", today, today.plusYears(1), LandCommands.AllocationMethod.AUCTION)).body().path("applicationId").asText();

        String page = "/applicant/registrations/" + depot.value();
        String report = "form.fee-report[data-licence='" + licence + "']";
        String withdrawal = "form.land-withdrawal[data-application='" + pending + "']";
        browser.signInAsDemo("applicant-1");
        browser.waitUntil("the pending application's withdrawal is offered", d -> {
            browser.open(page, "en");
            return !browser.all(withdrawal).isEmpty();
        });
        assertThat(browser.all(report)).as("the fee's report offered to the entity's representative").hasSize(1);
        assertThat(browser.all("#form-land")).as("the land application offered").hasSize(1);
        browser.signOut();

        // the demo representative's grant ends and a new one names another company (their enrolment for that company's power)
        Enrolment enrolment = registry.context.getBean(Enrolment.class);
        PersonId representative = new PersonId("applicant-1");
        PersonId supervisor = new PersonId("supervisor-1");
        Instant now = registry.context.getBean(RegistryClock.class).instant().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        enrolment.revoke(new RoleRevoked(representative, Role.APPLICANT, null, now, supervisor, "test: the representation of 6230301 ended"));
        enrolment.grant(new RoleGranted(representative, Role.APPLICANT, null, now, supervisor, "test: represents " + ANOTHER_COMPANY,
                "3a".repeat(32), ANOTHER_COMPANY));

        // F554 (was O392; ADR 0035 item 122, choice): once their grant names another company they read nothing of the entity's file, so no
        // land act is offered to them at all (F525's "why" is told only to a reader of the page; the register refuses the act either way)
        browser.signInAsDemo("applicant-1");
        for (String lang : new String[]{"en", "mn"}) {
            browser.open(page, lang);
            assertThat(browser.all("#receipt")).as("the entity's file not shown").isEmpty();
            assertThat(browser.all("#form-land")).as("no land application offered").isEmpty();
            assertThat(browser.all(withdrawal)).as("no withdrawal offered").isEmpty();
            assertThat(browser.all(report)).as("no fee report offered").isEmpty();
            browser.axe();
            browser.open("/applicant", lang);
            assertThat(browser.all("#registrations tr[data-registration='" + depot.value() + "']")).as("not listed").isEmpty();
        }
        browser.signOut();
    }
}
