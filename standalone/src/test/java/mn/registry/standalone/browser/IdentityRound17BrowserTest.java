package mn.registry.standalone.browser;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.document.DocumentStore;
import mn.registry.identity.command.Enrolment;
import mn.registry.infrastructure.identity.IdentityDirectory;
import mn.registry.infrastructure.time.RegistryClock;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.EndSignerRole;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.StateRepresentativesCompany;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.keystore.DemoPeople;
import mn.registry.keystore.SigningIdentities;
import mn.registry.standalone.RegistryClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 32, identity round 17, on the desks in both languages with axe (ADR 0061 items 74-76). The supervisor's desk of an official whose
 * own representative's grant names a company (F593, F595; item 72's F563, F564) or none (F594) says what the registry refuses them and leaves
 * it out: the company's field refuses their company before anything is prepared; naming none, no representative's enrolment, statement or end
 * is offered. The Cabinet member's appointment form refuses a governor serving another zone (F592). Over HTTP each is refused, nothing stored.
 */
@BrowserTest
class IdentityRound17BrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    private static final PersonId CABINET = new PersonId("cabinet-1");

    /**
     * A ministry supervisor of the test's own who also holds a representative's grant naming {@code company} (null: none), with key files
     * where the browser and the client find them.
     */
    private static SigningIdentity supervisorRepresenting(String id, String company) throws IOException {
        SigningIdentity person = registry.newPerson(id);
        SigningIdentities.write(person, DemoPeople.directory(registry.dataDir).resolve(id));
        Enrolment enrolment = registry.context.getBean(Enrolment.class);
        enrolment.enrolIfAbsent(person.person(), "Person " + id, person.certificate(), Role.MINISTRY_SUPERVISOR, null, CABINET,
                "test enrolment of a supervisor, session 32");
        Instant now = registry.context.getBean(RegistryClock.class).instant().truncatedTo(ChronoUnit.SECONDS);
        enrolment.grant(new RoleGranted(person.person(), Role.APPLICANT, null, now, CABINET, "test: the supervisor also represents a company",
                null, company));
        return person;
    }

    private static String upload(String text) {
        return registry.context.getBean(DocumentStore.class).receive(("%PDF-1.4\n" + text + " " + System.nanoTime() + "\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8), "application/pdf", "order.pdf").document().sha256();
    }

    private static RegistryClient.Reply send(String signer, String type, Object body) {
        return registry.client.command(registry.client.sign(signer, type, body));
    }

    private static boolean prepared() {
        return browser.find("#signing-panel").isDisplayed();
    }

    @Test
    @DisplayName("002 art. 23.2; 001 art. 23.1.1 (F593, F595, was O429; ADR 0061 item 75): the desk of a supervisor whose own representative's "
            + "grant names a company says so, and its enrolment form refuses that company before anything is prepared (another company is "
            + "prepared); over HTTP the end of that company's representative's role is refused, the role kept; Mongolian and English with axe")
    void the_desk_of_an_official_of_a_company_refuses_its_representatives() throws IOException {
        String company = "6317101";
        SigningIdentity official = supervisorRepresenting("supervisor-317own", company);
        SigningIdentity representative = registry.newRepresentative("applicant-317own", company);
        SigningIdentity newcomer = registry.newPerson("applicant-317new");
        String[][] langs = {{"mn", "компанийг нэрлэдэг"}, {"en", "names the company " + company}};
        browser.signInWithFiles(official.person().value());
        for (String[] lang : langs) {
            browser.open("/desk", lang[0]);
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo(lang[0]);
            assertThat(browser.find("#representative-acts-own-company").getText()).contains(lang[1]).contains(company).doesNotContain("??");
            assertThat(browser.all("#representative-acts-not-offered")).isEmpty();
            browser.axe();
            browser.find("#enr-person").sendKeys(newcomer.person().value());
            browser.find("#enr-certificate").sendKeys(Certificates.toPem(List.of(newcomer.chain().get(0))));
            new Select(browser.find("#enr-role")).selectByValue("APPLICANT");
            browser.find("#enr-company").sendKeys(company);
            browser.find("#enr-document").sendKeys("ab".repeat(32));
            browser.find("#form-enrol-signer button[type=submit]").click();
            assertThat(prepared()).as("the official's own company: nothing prepared").isFalse();
            assertThat(browser.find("#enr-company").getDomProperty("validationMessage")).contains(company).contains("23.2");
            browser.find("#rco-company").sendKeys(company);
            assertThat(browser.find("#rco-company").getDomProperty("validationMessage")).contains(company);
            browser.find("#enr-company").clear();
            browser.find("#enr-company").sendKeys("6317102");
            browser.find("#form-enrol-signer button[type=submit]").click();
            assertThat(prepared()).as("another company's representative is prepared").isTrue();
            browser.find("#sign-cancel").click();
            browser.screenshot("desk-official-of-a-company-" + lang[0]);
        }
        browser.signOut();

        RegistryClient.Reply ended = send(official.person().value(), "EndSignerRole", new EndSignerRole(representative.person(), Role.APPLICANT,
                upload("end of the power of representation of applicant-317own")));
        assertThat(ended.status()).as(ended.body().toString()).isEqualTo(403);
        assertThat(ended.code()).isEqualTo("identity.official-represents-the-representatives-company");
        assertThat(registry.context.getBean(IdentityDirectory.class).actorAt(representative.person(),
                Certificates.fingerprint(representative.certificate()), Instant.now()).orElseThrow().roles()).contains(Role.APPLICANT);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @DisplayName("002 art. 23.2; 001 art. 23.1.1 (F594, was O431; ADR 0061 item 76): the desk of a supervisor whose own representative's "
            + "grant names no company says they act for no representative, and offers no representative's enrolment, statement or end; over "
            + "HTTP their statement of a company is refused, nothing stored; Mongolian and English with axe")
    void the_desk_of_an_official_representing_any_company_offers_no_representatives_acts() throws IOException {
        SigningIdentity official = supervisorRepresenting("supervisor-317any", null);
        SigningIdentity unnamed = registry.newPerson("applicant-317any");
        registry.context.getBean(Enrolment.class).enrolRepresentativeOfAnyCompanyIfAbsent(unnamed.person(), "Representative", unnamed.certificate(),
                new PersonId("supervisor-1"), "test enrolment naming no company, session 32");
        String[][] langs = {{"mn", "ямар ч компанийг нэрлээгүй"}, {"en", "names no company"}};
        browser.signInWithFiles(official.person().value());
        for (String[] lang : langs) {
            browser.open("/desk", lang[0]);
            assertThat(browser.find("#representative-acts-not-offered").getText()).contains(lang[1]).doesNotContain("??");
            assertThat(browser.all("#enr-role option")).extracting(o -> o.getAttribute("value")).doesNotContain("APPLICANT").contains("MINISTRY_REVIEWER");
            assertThat(browser.all("#end-role option")).extracting(o -> o.getAttribute("value")).doesNotContain("APPLICANT").contains("MINISTRY_REVIEWER");
            assertThat(browser.all("#enr-company, #form-representatives-company, a.choose-representative")).isEmpty();
            assertThat(browser.find("#naming-no-company-list tr[data-person='" + unnamed.person().value() + "']").getText())
                    .contains("mn".equals(lang[0]) ? "Өөр албан тушаалтан" : "Another official");
            browser.axe();
            browser.screenshot("desk-official-of-any-company-" + lang[0]);
        }
        browser.signOut();

        RegistryClient.Reply stated = send(official.person().value(), "StateRepresentativesCompany", new StateRepresentativesCompany(
                unnamed.person(), "6317103", upload("power of representation of 6317103 for applicant-317any")));
        assertThat(stated.status()).as(stated.body().toString()).isEqualTo(403);
        assertThat(stated.code()).isEqualTo("identity.official-represents-any-company");
        assertThat(registry.context.getBean(IdentityDirectory.class).actorAt(unnamed.person(), Certificates.fingerprint(unnamed.certificate()),
                Instant.now()).orElseThrow().company()).as("nothing stated").isNull();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @DisplayName("003 art. 8.1-8.2 (F592, was O447; ADR 0061 item 74): the Cabinet member's appointment form refuses a governor serving "
            + "another zone before anything is prepared (a person serving none is prepared), and says why; over HTTP the appointment is "
            + "refused freezone.governor-of-another-zone and the zone's record keeps no appointment; Mongolian and English with axe")
    void the_appointment_form_refuses_a_governor_serving_another_zone() {
        browser.signInAsDemo("cabinet-1");
        String[][] langs = {{"mn", "өөр бүсийн ажиллаж буй Засаг дарга"}, {"en", "governor in office of another zone"}};
        String serving = null;
        String servedZone = null;
        String otherZone = null;
        for (String[] lang : langs) {
            browser.open("/cabinet", lang[0]);
            JsonNode inOffice;
            try {
                inOffice = CanonicalJson.mapper().readTree(browser.find("#form-appoint").getAttribute("data-governors-in-office"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertThat(inOffice.size()).as("the demo zones' governors serve").isPositive();
            Iterator<Map.Entry<String, JsonNode>> first = inOffice.fields();
            Map.Entry<String, JsonNode> governor = first.next();
            serving = governor.getKey();
            servedZone = governor.getValue().asText();
            List<String> zones = browser.all("#AppointGovernor-zone option").stream().map(o -> o.getAttribute("value")).toList();
            String served = servedZone;
            otherZone = zones.stream().filter(z -> !z.equals(served)).findFirst().orElseThrow();
            new Select(browser.find("#AppointGovernor-zone")).selectByValue(otherZone);
            browser.find("#AppointGovernor-governor").sendKeys(serving);
            browser.find("#AppointGovernor-decision").sendKeys("Cabinet member's order 2026/317");
            browser.find("#AppointGovernor-sha").sendKeys("cd".repeat(32));
            browser.find("#form-appoint button[type=submit]").click();
            assertThat(prepared()).as("a governor serving another zone: nothing prepared").isFalse();
            assertThat(browser.find("#AppointGovernor-governor").getDomProperty("validationMessage")).contains(lang[1]).contains("8.1");
            browser.axe();
            browser.find("#AppointGovernor-governor").clear();
            browser.find("#AppointGovernor-governor").sendKeys("governor-317-" + lang[0]);
            browser.find("#form-appoint button[type=submit]").click();
            assertThat(prepared()).as("a person serving no zone is prepared").isTrue();
            browser.find("#sign-cancel").click();
            browser.screenshot("cabinet-appointment-of-a-governor-serving-another-zone-" + lang[0]);
        }
        browser.signOut();

        RegistryClient.Reply appointed = send("cabinet-1", "AppointGovernor", new ZoneCommands.AppointGovernor(ZoneId.of(otherZone),
                new PersonId(serving), "Cabinet member's order 2026/317", upload("Cabinet member's order 2026/317 appointing " + serving)));
        assertThat(appointed.status()).as(appointed.body().toString()).isEqualTo(409);
        assertThat(appointed.code()).isEqualTo("freezone.governor-of-another-zone");
        assertThat(appointed.body().path("field").asText()).isEqualTo("governor");
        RegistryClient.Reply zone = registry.client.get("/api/public/register/zones/" + otherZone);
        assertThat(zone.status()).isEqualTo(200);
        assertThat(zone.body().toString()).as("the zone's record keeps no appointment").doesNotContain("2026/317");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @DisplayName("003 art. 8.2 (F596, was O432; ADR 0061 item 77): the list of a governor's grants and ends on the supervisor's desk and on the "
            + "Cabinet member's page shows the decision of their appointment recorded on the zone alone (the demo's, the role held from the "
            + "start) with its number on the zone's stream, its time and its signer, in Mongolian and English with axe")
    void a_zone_records_appointment_is_shown_with_its_number_and_time() {
        String stream = ZoneId.of("altanbulag").stream();
        // the rows of the zone's record naming their decision (F596); a record naming none whose order another browser class of this JVM's
        // registry stated (ADR 0061 item 36) is listed too, from the statement, without a signer: not this test's row
        String row = "#grants-and-ends-list tr[data-zone-stream='" + stream + "'][data-order][data-order-from='NAMED']";
        String[][] pages = {{"supervisor-1", "/desk"}, {"cabinet-1", "/cabinet"}};
        for (String[] page : pages) {
            browser.signInAsDemo(page[0]);
            for (String lang : List.of("mn", "en")) {
                browser.open(page[1] + "?storedActsOf=governor-altanbulag", lang);
                List<org.openqa.selenium.WebElement> recorded = browser.all(row).stream()
                        .filter(r -> !"-1".equals(r.getAttribute("data-sequence"))).toList();
                assertThat(recorded).as("the zone record's appointment with its number").isNotEmpty();
                List<org.openqa.selenium.WebElement> cells = recorded.get(0).findElements(org.openqa.selenium.By.tagName("td"));
                assertThat(Long.parseLong(recorded.get(0).getAttribute("data-sequence"))).isNotNegative();
                assertThat(cells.get(0).getText()).startsWith(recorded.get(0).getAttribute("data-sequence"))
                        .contains("mn".equals(lang) ? "altanbulag" : "on the record of zone altanbulag");
                assertThat(cells.get(4).getText()).as("its time").isNotBlank();
                assertThat(cells.get(5).getText()).as("its signer").isEqualTo("cabinet-1");
                assertThat(browser.find("#grants-and-ends-list").getText()).doesNotContain("??");
                browser.axe();
            }
            browser.signOut();
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
