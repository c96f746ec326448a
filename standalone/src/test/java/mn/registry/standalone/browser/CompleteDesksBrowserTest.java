package mn.registry.standalone.browser;

import mn.registry.command.api.SignedCommandType;
import mn.registry.identity.command.Enrolment;
import mn.registry.infrastructure.privacy.PersonalDataVault;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.FileRevocationComplaint;
import mn.registry.kernel.permit.RevocationGround;
import mn.registry.kernel.permit.RecordPermitInspection;
import mn.registry.kernel.permit.RevokePermit;
import mn.registry.kernel.permit.SuspendPermit;
import mn.registry.kernel.permit.SuspensionGround;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.keystore.RegistryKeys;
import mn.registry.standalone.RegistryClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0071 item 14 (session 28, desks round 3): every act a role may sign has a form on that role's pages; a shell is for automation, not for
 * officials. The acts found without one get their form here (F478: the supervisor's erasure of a person's personal data), in both languages,
 * each page checked by axe.
 */
@BrowserTest
class CompleteDesksBrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    /** Each role's pages: the folder of their templates (the reviewer and the supervisor share the ministry's desk). */
    private static final Map<Role, String> PAGES_OF = Map.of(Role.MINISTRY_REVIEWER, "desk", Role.MINISTRY_SUPERVISOR, "desk",
            Role.COMMUNICATIONS_INSPECTOR, "inspector", Role.TAX_OFFICER, "tax", Role.CABINET_MEMBER, "cabinet", Role.ZONE_GOVERNOR, "governor",
            Role.APPLICANT, "applicant");

    /**
     * ADR 0071 item 14 (choice): the one command no official makes, left without a form: the demo clock (demo mode only, moves the registry's
     * clock for a demonstration; no law names it).
     */
    private static final Set<String> NO_OFFICIALS_ACT = Set.of("AdvanceDemoClock");

    @Test
    @DisplayName("domain-rules §1 (ADR 0071 item 14): every command a role may sign has a form on that role's pages whose body the page's "
            + "scripts build, the demo clock alone left to automation")
    void every_act_a_role_may_sign_has_a_form_on_its_roles_pages() {
        Set<String> missing = new TreeSet<>();
        Set<String> unbuilt = new TreeSet<>();
        String scripts = text("classpath*:static/web/*.js");
        for (SignedCommandType<?> type : registry.context.getBeansOfType(SignedCommandType.class).values()) {
            if (NO_OFFICIALS_ACT.contains(type.type())) {
                continue;
            }
            for (Role role : type.allowedRoles()) {
                String pages = PAGES_OF.get(role);
                if (pages == null || !formsOn(pages).contains(type.type())) {
                    missing.add(type.type() + " (" + role + ", " + pages + ")");
                }
            }
            if (!java.util.regex.Pattern.compile("\\b" + type.type() + ": f =>").matcher(scripts).find()) {
                unbuilt.add(type.type()); // the form's fields become the command's body in the page's scripts (commands.js)
            }
        }
        assertThat(missing).as("commands a role may sign with no form on that role's pages").isEmpty();
        assertThat(unbuilt).as("forms whose command's body the page's scripts do not build").isEmpty();
        assertThat(formsOn("desk")).as("the rule reads the forms (a form the desk has)").contains("ApprovePermitApplication", "EnrolSigner");
        assertThat(formsOn("cabinet")).as("and the forms written as a list").contains("OpenZone", "DismissGovernor");
    }

    /** The command types of the forms in {@code folder}'s templates: {@code data-type="..."}, or a type named in a list the form is made of. */
    private static Set<String> formsOn(String folder) {
        Set<String> types = new TreeSet<>();
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("data-type=\"([A-Za-z]+)\"|'([A-Z][A-Za-z]+)'")
                .matcher(text("classpath*:templates/" + folder + "/*.html"));
        while (named.find()) {
            types.add(named.group(1) != null ? named.group(1) : named.group(2));
        }
        return types;
    }

    /** The resources matching {@code pattern}, their texts one after the other. */
    private static String text(String pattern) {
        StringBuilder text = new StringBuilder();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                text.append(resource.getContentAsString(StandardCharsets.UTF_8)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    @Test
    @DisplayName("002 art. 15.3, 30.1 (ADR 0071 item 14, F478): the supervisor erases a person's personal data from the desk, in both languages; "
            + "an official's erasure is refused in the page's language and nothing is erased")
    void supervisor_erases_a_persons_personal_data_from_the_desk() {
        PersonalDataVault vault = registry.context.getBean(PersonalDataVault.class);
        PersonId person = enrolledApplicant();
        browser.signInAsDemo("supervisor-1");
        for (String lang : new String[]{"en", "mn"}) {
            browser.open("/desk", lang);
            assertThat(browser.all("#form-erase-personal-data")).hasSize(1);
            assertThat(browser.find("label[for=era-ground]").getText()).isNotBlank();
            browser.axe();
        }
        // the Mongolian page: an official's personal data is kept with the acts they signed (002 art. 6.3, 001 art. 15.6)
        browser.find("#era-person").sendKeys("reviewer-1");
        browser.find("#era-ground").sendKeys("хүний хүсэлтээр");
        String refused = browser.signAndSend("form-erase-personal-data");
        assertThat(refused).contains("\"type\":\"ErasePersonalData\"").contains("\"personId\":\"reviewer-1\"");
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).isEqualTo("refused");
        assertThat(browser.find("#command-result").getText()).contains("privacy.official-acts-kept")
                .contains("Албан тушаал эрхэлж байсан хүний мэдээллийг устгахгүй").doesNotContain("is not erased");
        assertThat(vault.erased(new PersonId("reviewer-1"))).as("nothing erased on the refusal").isFalse();
        browser.consoleErrors(); // the refused command's 4xx answer is logged by the browser

        // the English page: an applicant with no act to make is erased
        browser.open("/desk", "en");
        browser.find("#era-person").sendKeys(person.value());
        browser.find("#era-ground").sendKeys("the person's request under the Personal Data Protection Law");
        String sent = browser.signAndSend("form-erase-personal-data");
        assertThat(sent).contains("\"personId\":\"" + person.value() + "\"");
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
        assertThat(vault.erased(person)).isTrue();
        browser.signOut();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @DisplayName("002 art. 29.3, 29.6 (ADR 0071 item 17): on a revoked permit the holder records its certificate database handed over from its "
            + "page and another supervisor decides the complaint from the desk, each form in both languages, checked by axe")
    void a_revoked_permits_duty_and_complaint_are_sent_from_their_pages() {
        String id = PermitActsBrowserTest.activePermit(registry, "Khovd Complete Desks LLC", "6400731");
        ApplicationId permit = new ApplicationId(id);
        RegistryClient client = registry.client;
        accepted(client.command(client.sign("supervisor-1", "RevokePermit", new RevokePermit(permit, RevocationGround.FALSE_DOCUMENTS,
                "the audit report was forged", PermitActsBrowserTest.uploaded(registry, "the finding that " + id + "'s audit report was forged")))));
        accepted(client.command(client.sign("applicant-1", "FileRevocationComplaint", new FileRevocationComplaint(permit,
                PermitActsBrowserTest.uploaded(registry, "the complaint of " + id)))));

        // 002 art. 29.3: the holder's duty to hand its certificate database over, recorded from its own page
        browser.signInAsDemo("applicant-1");
        String handedOver = sentFromItsPage("/applicant/applications/" + id, "form-duty-HAND_OVER_DATABASE", "duty-file-HAND_OVER_DATABASE",
                "duty-sha-HAND_OVER_DATABASE", "the certificate database of " + id + " handed over to the ministry");
        assertThat(handedOver).contains("\"type\":\"RecordPermitDutyFulfilled\"").contains("\"duty\":\"HAND_OVER_DATABASE\"");
        browser.signOut();

        // 002 art. 29.6: the complaint decided by a supervisor who did not revoke, from the desk
        browser.signInAsDemo("supervisor-2");
        String decided = sentFromItsPage("/desk/applications/" + id, "form-decide-complaint", "dc-file", "dc-sha",
                "the decision dismissing the complaint of " + id);
        assertThat(decided).contains("\"type\":\"DecideRevocationComplaint\"").contains("\"upheld\":false");
        browser.signOut();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @DisplayName("002 art. 28.3 (ADR 0071 item 17): the reviewer records from the desk that the holder and the tax authority were told of the "
            + "suspension, the form in both languages, checked by axe")
    void the_suspensions_notification_is_recorded_from_the_desk() {
        String id = PermitActsBrowserTest.activePermit(registry, "Dornod Complete Desks LLC", "6400733");
        ApplicationId permit = new ApplicationId(id);
        RegistryClient client = registry.client;
        java.time.LocalDate today = registry.context.getBean(mn.registry.web.WebDates.class).today();
        String findings = PermitActsBrowserTest.uploaded(registry, "the inspector's findings of a violation by " + id);
        accepted(client.command(client.sign("inspector-1", "RecordPermitInspection", new RecordPermitInspection(permit, today, findings, true))));
        accepted(client.command(client.sign("reviewer-1", "SuspendPermit", new SuspendPermit(permit, SuspensionGround.INSPECTOR_OPINION, findings, 0,
                today, today.plusDays(30)))));

        browser.signInAsDemo("reviewer-1");
        String notified = sentFromItsPage("/desk/applications/" + id, "form-duty-notify", "dn-file", "dn-sha",
                "the letters to the holder and the tax authority on the suspension of " + id);
        assertThat(notified).contains("\"type\":\"RecordPermitDutyFulfilled\"").contains("\"duty\":\"NOTIFY_SUSPENSION\"");
        browser.signOut();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @DisplayName("003 art. 6.4 (ADR 0071 item 17): the Cabinet member closes a zone temporarily from the desk, the form in both languages, "
            + "checked by axe; a zone of the test's own, so that the demo zones stay open")
    void the_cabinet_member_closes_a_zone_temporarily_from_the_desk() {
        String zone = "khankh-desks";
        String resolution = "State Great Khural resolution 71 (desks round 3)";
        accepted(registry.client.command(registry.client.sign("cabinet-1", "EstablishZone", new ZoneCommands.EstablishZone(ZoneId.of(zone),
                "Khankh Free Zone (desks)", "Khuvsgul aimag", new java.math.BigDecimal("90"), GeoPolygon.of(100.60, 51.40, 100.70, 51.40, 100.70,
                51.45, 100.60, 51.45), List.of(Activity.TRADE), false, resolution, null, PermitActsBrowserTest.uploaded(registry, resolution)))));
        String opening = "Government decision 71 opening " + zone;
        accepted(registry.client.command(registry.client.sign("cabinet-1", "OpenZone", new ZoneCommands.OpenZone(ZoneId.of(zone), opening,
                PermitActsBrowserTest.uploaded(registry, opening)))));

        browser.signInAsDemo("cabinet-1");
        for (String lang : new String[]{"mn", "en"}) {
            browser.waitUntil("the zone is offered on the desk", d -> {
                browser.open("/cabinet", lang);
                return !d.findElements(org.openqa.selenium.By.cssSelector("#CloseZoneTemporarily-zone option[value='" + zone + "']")).isEmpty();
            });
            assertThat(browser.all("#form-close")).as(lang).hasSize(1);
            browser.axe();
        }
        new org.openqa.selenium.support.ui.Select(browser.find("#CloseZoneTemporarily-zone")).selectByValue(zone);
        browser.find("#CloseZoneTemporarily-decision").sendKeys("Government decision 72 closing " + zone + " for repairs");
        browser.chooseFile("CloseZoneTemporarily-file", "CloseZoneTemporarily-sha", "%PDF-1.4\nGovernment decision 72 closing " + zone
                + "\n%%EOF\n");
        String closed = browser.signAndSend("form-close");
        assertThat(closed).contains("\"type\":\"CloseZoneTemporarily\"").contains(zone);
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
        assertThat(registry.context.getBean(org.axonframework.eventsourcing.eventstore.EventStore.class).readEvents(ZoneId.of(zone).stream())
                .asStream().map(e -> e.getPayload().getClass().getSimpleName()).toList()).last().asString().contains("Closed");
        browser.signOut();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /**
     * Opens {@code path} in Mongolian and English (the form {@code formId} offered, checked by axe), sends the form on a paper reading
     * {@code paper} and checks that it was sent; loaded again, the page offers the form no more (the act recorded). Answers the command sent.
     */
    private String sentFromItsPage(String path, String formId, String fileInput, String shaInput, String paper) {
        for (String lang : new String[]{"mn", "en"}) {
            browser.open(path, lang);
            assertThat(browser.all("#" + formId)).as(lang).hasSize(1);
            browser.axe();
        }
        browser.chooseFile(fileInput, shaInput, "%PDF-1.4\n" + paper + "\n%%EOF\n");
        String sent = browser.signAndSend(formId);
        assertThat(browser.find("#command-result").getAttribute("data-outcome")).as(browser.find("#command-result").getText()).isEqualTo("sent");
        browser.open(path, "en"); // ADR 0071: one load, the page waits for the register
        assertThat(browser.all("#" + formId)).as("the act recorded: the form is offered no more").isEmpty();
        return sent;
    }

    private static void accepted(RegistryClient.Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    }

    /** A person enrolled as an applicant who has made no act (an id of letters only, so that no digits read as a civil number). */
    private static PersonId enrolledApplicant() {
        String letters = Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        PersonId person = new PersonId("erasable-" + letters);
        Instant now = Instant.now();
        SigningIdentity identity = registry.context.getBean(RegistryKeys.class).ca().newPerson(person, "Erasable Person", "Test",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        registry.context.getBean(Enrolment.class).enrolIfAbsent(person, "Erasable Person", identity.certificate(),
                Role.APPLICANT, null, "6331099", new PersonId("supervisor-1"), "test enrolment of a company's representative");
        return person;
    }
}
