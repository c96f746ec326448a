package mn.registry.standalone.browser;

import mn.registry.identity.command.Enrolment;
import mn.registry.infrastructure.time.RegistryClock;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.keystore.SigningIdentities;
import mn.registry.standalone.RegistryClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 31, the zone's readers and the Cabinet's desk (003 art. 23.4; 001 art. 23.1.1; ADR 0035 item 126; abuse audit F530, was O391): the
 * Cabinet's desk judges the exemption's chosen holder by the land register's own rules before it offers the form, on the signed-in Cabinet
 * member's grant: a member whose grant of the applicant's role names the entity's number is not offered its exemption, and told why, in
 * Mongolian and in English with axe; another entity's is offered, its holder filled. The Cabinet member is a person of this test's own
 * (enrolled here, signed in with their key files), so that no demo person's roles change.
 */
@BrowserTest
class CabinetDeskRound33BrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    /** Two entities of this test's own numbers: the one the Cabinet member represents, and another. */
    static final LegalEntity REPRESENTED = new LegalEntity("Altanbulag Cabinet Desk Own LLC", Jurisdiction.MONGOLIAN, null, "6331001");
    static final LegalEntity OTHER = new LegalEntity("Altanbulag Cabinet Desk Other LLC", Jurisdiction.MONGOLIAN, null, "6331002");

    private static RegistrationId registered(LegalEntity entity) {
        RegistrationId id = new RegistrationId(GovernorDeskBrowserTest.apply(registry, entity, "altanbulag"));
        RegistryClient.Reply reply = registry.client.command(registry.client.sign("governor-altanbulag", "RegisterEntity",
                new RegistrationCommands.RegisterEntity(id)));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return id;
    }

    @Test
    @DisplayName("003 art. 23.4; 001 art. 23.1.1 (F530, was O391; ADR 0035 items 110, 126): the Cabinet's desk offers no exemption form for "
            + "the entity the signed-in Cabinet member represents (their grant names 6331001) and says why, in Mongolian and in English with "
            + "axe; another entity's form is offered with its holder filled")
    void the_cabinets_desk_offers_no_exemption_for_the_entity_the_member_represents() throws Exception {
        RegistrationId represented = registered(REPRESENTED);
        RegistrationId other = registered(OTHER);
        SigningIdentity member = registry.newPerson("cabinet-r33");
        Enrolment enrolment = registry.context.getBean(Enrolment.class);
        PersonId supervisor = new PersonId("supervisor-1");
        enrolment.enrolIfAbsent(member.person(), "Cabinet member r33", member.certificate(), Role.CABINET_MEMBER, null,
                new PersonId("cabinet-1"), "test: a Cabinet member of session 31");
        Instant now = registry.context.getBean(RegistryClock.class).instant().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        enrolment.grant(new RoleGranted(member.person(), Role.APPLICANT, null, now, supervisor, "test: represents " + REPRESENTED.registrationNumber(),
                "5a".repeat(32), REPRESENTED.registrationNumber()));
        Path home = Files.createTempDirectory("cabinet-r33-");
        SigningIdentities.write(member, home.resolve("person"));
        browser.signInWithFiles(home.resolve("person"));

        String[][] langs = {{"mn", "Энэ хуулийн этгээдийн чөлөөлөлтийг танд санал болгохгүй"}, {"en", "The exemption of this entity is not offered to you"}};
        for (String[] lang : langs) {
            browser.open("/cabinet?exemptionHolder=" + represented.value(), lang[0]);
            assertThat(browser.find("#exemption-holder-refused").getAttribute("data-code")).isEqualTo("freezone.decider-represents-the-entity");
            assertThat(browser.find("#exemption-holder-refused").getText()).startsWith(lang[1]).contains("23.1.1");
            assertThat(browser.find("#ex-holder").getAttribute("value")).as("the form is not offered for it").isEmpty();
            assertThat(browser.find("#ex-holder").getAttribute("readonly")).as("nor can the holder be typed in").isNotNull();

            // chosen on the desk's own form, as a Cabinet member would
            browser.find("#exh-holder").clear();
            browser.find("#exh-holder").sendKeys(other.value());
            browser.find("#form-exemption-holder button[type=submit]").click();
            browser.waitUntil("the other entity judged", d -> !d.findElements(org.openqa.selenium.By.cssSelector("#ex-holder[value='" + other.value() + "']")).isEmpty());
            assertThat(browser.all("#exemption-holder-refused")).isEmpty();
            assertThat(browser.all("#ex-zone option")).singleElement().satisfies(o -> assertThat(o.getAttribute("value")).isEqualTo("altanbulag"));
            browser.axe();

            browser.open("/cabinet?exemptionHolder=not-a-registration", lang[0]);
            assertThat(browser.find("#ex-holder").getAttribute("value")).isEmpty();
            assertThat(browser.find("#exemption-holder-refused").getText()).isNotBlank();
        }
        browser.signOut();
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
