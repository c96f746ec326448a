package mn.registry.standalone.browser;

import mn.registry.document.DocumentStore;
import mn.registry.identity.command.Enrolment;
import mn.registry.infrastructure.identity.IdentityDirectory;
import mn.registry.infrastructure.time.RegistryClock;
import mn.registry.kernel.identity.EndSignerRole;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.keystore.DemoPeople;
import mn.registry.keystore.SigningIdentities;
import mn.registry.standalone.RegistryClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneId;
import java.util.List;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 33, the officials' desks, in both languages with axe (ADR 0061 item 84; abuse audit F612, was O470). The supervisor's end-of-role
 * and revocation forms ask, as a person's id is typed, whether the registry would refuse this official the act on that person (their own
 * company's representative, or one naming no company) and say why before anything is prepared; another company's representative is
 * prepared. Over HTTP the end is refused 403, the role kept.
 */
@BrowserTest
class IdentityDesksRound18BrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    private static final PersonId CABINET = new PersonId("cabinet-1");

    private static SigningIdentity supervisorRepresenting(String id, String company) throws IOException {
        SigningIdentity person = registry.newPerson(id);
        SigningIdentities.write(person, DemoPeople.directory(registry.dataDir).resolve(id));
        Enrolment enrolment = registry.context.getBean(Enrolment.class);
        enrolment.enrolIfAbsent(person.person(), "Person " + id, person.certificate(), Role.MINISTRY_SUPERVISOR, null, CABINET,
                "test enrolment of a supervisor, session 33");
        Instant now = registry.context.getBean(RegistryClock.class).instant().truncatedTo(ChronoUnit.SECONDS);
        enrolment.grant(new RoleGranted(person.person(), Role.APPLICANT, null, now, CABINET, "test: the supervisor also represents a company",
                null, company));
        return person;
    }

    private static boolean prepared() {
        return browser.find("#signing-panel").isDisplayed();
    }

    /** Types {@code person} into {@code field} and waits for the desk's answer about them. */
    private static void type(String field, String person) {
        browser.find(field).clear();
        browser.find(field).sendKeys(person);
        browser.waitUntil("the desk's answer about " + person, d -> person.equals(browser.find(field).getAttribute("data-tie-asked")));
    }

    @Test
    @DisplayName("002 art. 23.2; 001 art. 23.1.1 (F612, was O470; ADR 0061 item 84): the end's and the revocation's forms of a supervisor whose "
            + "representative's grant names a company say, as the id is typed, that the registry refuses the act on that company's "
            + "representative and on one naming no company, and prepare nothing; another company's representative is prepared; over HTTP "
            + "the end is refused, the role kept; Mongolian and English with axe")
    void the_desk_says_whom_the_official_may_not_act_on_as_the_id_is_typed() throws IOException {
        String company = "6318101";
        SigningIdentity official = supervisorRepresenting("supervisor-318own", company);
        SigningIdentity own = registry.newRepresentative("applicant-318own", company);
        SigningIdentity other = registry.newRepresentative("applicant-318other", "6318102");
        SigningIdentity unnamed = registry.newPerson("applicant-318any");
        registry.context.getBean(Enrolment.class).enrolRepresentativeOfAnyCompanyIfAbsent(unnamed.person(), "Representative",
                unnamed.certificate(), new PersonId("supervisor-1"), "test enrolment naming no company, session 33");
        String[][] langs = {{"mn", "компанийг төлөөлдөг", "ямар ч компанийг нэрлээгүй"}, {"en", "represents the company " + company,
                "names no company"}};
        browser.signInWithFiles(official.person().value());
        for (String[] lang : langs) {
            browser.open("/desk", lang[0]);
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo(lang[0]);
            type("#end-person", own.person().value());
            new Select(browser.find("#end-role")).selectByValue("APPLICANT");
            browser.find("#end-document").clear();
            browser.find("#end-document").sendKeys("ab".repeat(32));
            browser.find("#form-end-role button[type=submit]").click();
            assertThat(prepared()).as("the official's own company's representative: nothing prepared").isFalse();
            assertThat(browser.find("#end-person").getDomProperty("validationMessage")).contains(lang[1]).contains(company).contains("23.2")
                    .doesNotContain("??");
            browser.axe();
            type("#rev-person", unnamed.person().value());
            assertThat(browser.find("#rev-person").getDomProperty("validationMessage")).contains(lang[2]).contains("23.2");
            type("#rev-person", own.person().value());
            assertThat(browser.find("#rev-person").getDomProperty("validationMessage")).contains(company);
            type("#end-person", other.person().value());
            assertThat(browser.find("#end-person").getDomProperty("validationMessage")).isEmpty();
            browser.find("#form-end-role button[type=submit]").click();
            assertThat(prepared()).as("another company's representative is prepared").isTrue();
            browser.find("#sign-cancel").click();
            browser.screenshot("desk-end-of-own-companys-representative-" + lang[0]);
        }
        browser.signOut();

        String sha = registry.context.getBean(DocumentStore.class).receive(("%PDF-1.4\nend of applicant-318own " + System.nanoTime()
                + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8), "application/pdf", "order.pdf").document().sha256();
        RegistryClient.Reply ended = registry.client.command(registry.client.sign(official.person().value(), "EndSignerRole",
                new EndSignerRole(own.person(), Role.APPLICANT, sha)));
        assertThat(ended.status()).as(ended.body().toString()).isEqualTo(403);
        assertThat(ended.code()).isEqualTo("identity.official-represents-the-representatives-company");
        assertThat(registry.context.getBean(IdentityDirectory.class).actorAt(own.person(), Certificates.fingerprint(own.certificate()),
                Instant.now()).orElseThrow().roles()).as("the role kept").contains(Role.APPLICANT);
        assertThat(browser.consoleErrors()).isEmpty();
    }
    @Test
    @DisplayName("003 art. 8.1-8.2 (F619, was O471; ADR 0061 item 87): the Cabinet member's appointment form reads the persons' grants of the "
            + "governor's role: a governor enrolled with one zone's role and shown by no zone's record is refused for another zone before "
            + "anything is prepared, and says why; over HTTP the appointment is refused freezone.governor-of-another-zone, the zone's record "
            + "keeps no appointment; Mongolian and English with axe")
    void the_appointment_form_reads_the_persons_grants() {
        browser.signInAsDemo("cabinet-1");
        browser.open("/cabinet", "en");
        List<String> zones = browser.all("#AppointGovernor-zone option").stream().map(o -> o.getAttribute("value")).filter(z -> !z.isBlank())
                .toList();
        assertThat(zones).as("two zones at least").hasSizeGreaterThan(1);
        String held = zones.get(0);
        String other = zones.get(1);
        SigningIdentity governor = registry.newPerson("governor-318first");
        registry.context.getBean(Enrolment.class).enrolIfAbsent(governor.person(), "Governor 318", governor.certificate(), Role.ZONE_GOVERNOR,
                held, CABINET, "test: enrolled with a zone's role, no zone's record, session 33");
        String[][] langs = {{"mn", "өөр бүсийн ажиллаж буй Засаг дарга"}, {"en", "governor in office of another zone"}};
        for (String[] lang : langs) {
            browser.open("/cabinet", lang[0]);
            new Select(browser.find("#AppointGovernor-zone")).selectByValue(other);
            browser.find("#AppointGovernor-governor").sendKeys(governor.person().value());
            browser.find("#AppointGovernor-decision").sendKeys("Cabinet member's order 2026/318");
            browser.find("#AppointGovernor-sha").sendKeys("cd".repeat(32));
            browser.find("#form-appoint button[type=submit]").click();
            assertThat(prepared()).as("a governor holding another zone's grant: nothing prepared").isFalse();
            assertThat(browser.find("#AppointGovernor-governor").getDomProperty("validationMessage")).contains(lang[1]).contains("8.1");
            browser.axe();
            browser.screenshot("cabinet-appointment-of-a-governor-by-grant-" + lang[0]);
        }
        browser.signOut();

        String sha = registry.context.getBean(DocumentStore.class).receive(("%PDF-1.4\nCabinet member's order 2026/318 " + System.nanoTime()
                + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8), "application/pdf", "order.pdf").document().sha256();
        RegistryClient.Reply appointed = registry.client.command(registry.client.sign("cabinet-1", "AppointGovernor",
                new ZoneCommands.AppointGovernor(ZoneId.of(other), governor.person(), "Cabinet member's order 2026/318", sha)));
        assertThat(appointed.status()).as(appointed.body().toString()).isEqualTo(409);
        assertThat(appointed.code()).isEqualTo("freezone.governor-of-another-zone");
        assertThat(registry.client.get("/api/public/register/zones/" + other).body().toString()).as("the zone's record keeps no appointment")
                .doesNotContain("2026/318");
        assertThat(browser.consoleErrors()).isEmpty();
    }
    @Test
    @DisplayName("002 art. 23.2 (F612, was O470; ADR 0061 item 84): the Cabinet member's end-of-role form asks the same as the id is typed: a "
            + "Cabinet member whose representative's grant names a company is told the registry refuses the end of its representative, and "
            + "nothing is prepared; Mongolian and English with axe")
    void the_cabinet_members_end_form_asks_too() throws IOException {
        String company = "6318103";
        SigningIdentity member = registry.newPerson("cabinet-318own");
        SigningIdentities.write(member, DemoPeople.directory(registry.dataDir).resolve("cabinet-318own"));
        Enrolment enrolment = registry.context.getBean(Enrolment.class);
        enrolment.enrolIfAbsent(member.person(), "Person cabinet-318own", member.certificate(), Role.CABINET_MEMBER, null, CABINET,
                "test enrolment of a Cabinet member, session 33");
        enrolment.grant(new RoleGranted(member.person(), Role.APPLICANT, null,
                registry.context.getBean(RegistryClock.class).instant().truncatedTo(ChronoUnit.SECONDS), CABINET,
                "test: the Cabinet member also represents a company", null, company));
        SigningIdentity own = registry.newRepresentative("applicant-318cab", company);
        String[][] langs = {{"mn", "компанийг төлөөлдөг"}, {"en", "represents the company " + company}};
        browser.signInWithFiles(member.person().value());
        for (String[] lang : langs) {
            browser.open("/cabinet", lang[0]);
            type("#end-person", own.person().value());
            assertThat(browser.find("#end-person").getDomProperty("validationMessage")).contains(lang[1]).contains("23.2");
            browser.find("#form-end-role button[type=submit]").click();
            assertThat(prepared()).as("the Cabinet member's own company's representative: nothing prepared").isFalse();
            browser.axe();
        }
        browser.signOut();
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
