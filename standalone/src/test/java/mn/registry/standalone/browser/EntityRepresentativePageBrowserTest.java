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
 * Session 30, the entity's own people (003 art. 12.1, 22.2, 22.5; 001 art. 23.1.1; ADR 0035 item 111, the lead's reading, choice; abuse audit
 * F533, was O377): the entity's new representative, whose grant in force names its number, reads its registration page and is offered there
 * the land acts the register lets them make (item 103); the person who signed its application is shown as its earlier representative, no id;
 * once the grant naming it ends, nothing more. A registry of its own: the test changes grants. The new representative is the demo's
 * inspector-1, granted the applicant's role naming the entity (the demo has one applicant, who signed the entity's application).
 */
@BrowserTest(ownRegistry = true)
class EntityRepresentativePageBrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    static final ZoneId ALTANBULAG = ZoneId.of("altanbulag");
    /** The entity (a unique number: the registry's claims are shared by the tests of one registry), and two other companies. */
    static final LegalEntity YARD = new LegalEntity("Altanbulag Own People Yard LLC", Jurisdiction.MONGOLIAN, null, "6314001");
    static final String FIRST_MOVES_TO = "6314002";
    static final String SUCCESSOR_MOVES_TO = "6314003";

    private static RegistryClient.Reply send(String signer, String type, Object body) {
        RegistryClient.Reply reply = registry.client.command(registry.client.sign(signer, type, body));
        assertThat(reply.status()).as(type + " " + reply.body()).isEqualTo(200);
        return reply;
    }

    private static GeoPolygon parcel(double west) {
        return GeoPolygon.of(west, 50.325, west + 0.002, 50.325, west + 0.002, 50.327, west, 50.327);
    }

    @Test
    @DisplayName("003 art. 12.1, 22.2, 22.5; 001 art. 23.1.1 (F533, was O377; ADR 0035 item 111, choice): the entity's new representative "
            + "(grant naming 6314001) reads its registration page, in Mongolian and in English with axe, is offered the land application, the "
            + "withdrawal and the fee report, and sees the first application signed by the entity's earlier representative, whose id is not "
            + "shown; once their grant names another company, the page shows them nothing")
    void the_entitys_new_representative_reads_its_page() {
        LocalDate today = UlaanbaatarTime.dateOf(registry.context.getBean(RegistryClock.class).instant());
        RegistrationId yard = new RegistrationId(GovernorDeskBrowserTest.apply(registry, YARD, ALTANBULAG.value()));
        send("governor-altanbulag", "RegisterEntity", new RegistrationCommands.RegisterEntity(yard));
        String first = send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, yard, "Yard", parcel(106.45),
                "Container yard", today, today.plusYears(1), LandCommands.AllocationMethod.AUCTION)).body().path("applicationId").asText();
        mn.registry.standalone.LandSelectionStep.selected(registry.context, (p, t, b) -> send(p, t, b), "governor-altanbulag",
                new mn.registry.kernel.freezone.LandApplicationId(first), mn.registry.kernel.money.Money.mnt(30_000_000));
        String licence = send("governor-altanbulag", "GrantLandRights", new LandCommands.GrantLandRights(ALTANBULAG, yard, "Yard",
                parcel(106.45), "Container yard", today, today.plusYears(1), LandCommands.AllocationMethod.AUCTION,
                mn.registry.kernel.money.Money.mnt(30_000_000), "Governor decision 2026/131", new mn.registry.kernel.freezone.LandApplicationId(first)))
                .body().path("licenceId").asText();
        String pending = send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, yard, "Yard annex", parcel(106.455),
                "Container yard", today, today.plusYears(1), LandCommands.AllocationMethod.AUCTION)).body().path("applicationId").asText();

        // the entity's representative changes: applicant-1 now represents another company, inspector-1 the entity
        Enrolment enrolment = registry.context.getBean(Enrolment.class);
        PersonId supervisor = new PersonId("supervisor-1");
        PersonId successor = new PersonId("inspector-1");
        Instant now = registry.context.getBean(RegistryClock.class).instant().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        enrolment.revoke(new RoleRevoked(new PersonId("applicant-1"), Role.APPLICANT, null, now, supervisor, "test: the representation of 6314001 ended"));
        enrolment.grant(new RoleGranted(new PersonId("applicant-1"), Role.APPLICANT, null, now, supervisor, "test: represents " + FIRST_MOVES_TO,
                "4a".repeat(32), FIRST_MOVES_TO));
        enrolment.grant(new RoleGranted(successor, Role.APPLICANT, null, now, supervisor, "test: represents 6314001", "4b".repeat(32),
                YARD.registrationNumber()));

        String page = "/applicant/registrations/" + yard.value();
        String report = "form.fee-report[data-licence='" + licence + "']";
        String withdrawal = "form.land-withdrawal[data-application='" + pending + "']";
        browser.signInAsDemo(successor.value());
        browser.waitUntil("the entity is listed on the new representative's page", d -> {
            browser.open("/applicant", "en");
            return !browser.all("#registrations tr[data-registration='" + yard.value() + "']").isEmpty();
        });
        for (String[] c : new String[][]{{"en", "signed by the entity's earlier representative"}, {"mn", "хуулийн этгээдийн өмнөх төлөөлөгч гарын үсэг зурсан"}}) {
            browser.open(page, c[0]);
            assertThat(browser.find("#entity-number").getText()).isEqualTo(YARD.registrationNumber());
            assertThat(browser.all("#form-land")).as("the land application offered").hasSize(1);
            assertThat(browser.all(withdrawal)).as("the withdrawal of the pending application offered").hasSize(1);
            assertThat(browser.all(report)).as("the fee's report offered").hasSize(1);
            assertThat(browser.all("#rounds li.round")).singleElement().satisfies(round -> {
                assertThat(round.getAttribute("data-signed-by-reader")).isEqualTo("false");
                assertThat(round.getText()).contains(c[1]);
            });
            assertThat(browser.driver.getPageSource()).as("the earlier representative's id is theirs").doesNotContain("applicant-1");
            browser.axe();
        }
        browser.signOut();

        // the successor's grant naming the entity ends (they represent another company now): nothing more of the entity
        Instant later = registry.context.getBean(RegistryClock.class).instant().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        enrolment.revoke(new RoleRevoked(successor, Role.APPLICANT, null, later, supervisor, "test: the representation of 6314001 ended"));
        enrolment.grant(new RoleGranted(successor, Role.APPLICANT, null, later, supervisor, "test: represents " + SUCCESSOR_MOVES_TO,
                "4c".repeat(32), SUCCESSOR_MOVES_TO));
        browser.signInAsDemo(successor.value());
        for (String lang : new String[]{"en", "mn"}) {
            browser.open(page, lang);
            assertThat(browser.all("#receipt")).as("the entity's file not shown").isEmpty();
            assertThat(browser.all("#form-land")).isEmpty();
            browser.open("/applicant", lang);
            assertThat(browser.all("#registrations tr[data-registration='" + yard.value() + "']")).as("not listed").isEmpty();
        }
        browser.signOut();
    }
}
