package mn.registry.standalone.browser;

import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.document.DocumentStore;
import mn.registry.identity.command.Enrolment;
import mn.registry.infrastructure.time.RegistryClock;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.permit.ApplyForPermit;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.kernel.permit.SubmittedDocument;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.kernel.signing.CommandEnvelope;
import mn.registry.kernel.signing.CommandSigner;
import mn.registry.standalone.RegistryClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 31, the permit's readers (docs/abuse-audit.md; ADR 0046 items 155-158): the inspector's page leaves the holder's own official's
 * permits out of its form and says why (F546's change, F559), the desk's lists mark them "another official decides" (F526), and a permit
 * case's signer whose grant now names another company reads nothing of it (F522), in Mongolian and in English, with axe. Persons of their
 * own (not the demo people, whose roles this leaves alone) and company numbers 64331xx.
 */
@BrowserTest
class PermitAbuseRound33BrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    private static final PersonId SUPERVISOR = new PersonId("supervisor-1");

    /** A person of the test's own, enrolled for {@code role} naming {@code company} (null for an official), with key files in a directory. */
    private static Path enrolled(SigningIdentity person, Role role, String company) {
        registry.context.getBean(Enrolment.class).enrolIfAbsent(person.person(), "Person " + person.person().value(), person.certificate(), role,
                null, company, SUPERVISOR, "test enrolment, session 31");
        try {
            Path home = Files.createTempDirectory("round33-").resolve(person.person().value());
            mn.registry.keystore.SigningIdentities.write(person, home);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant now() {
        return registry.context.getBean(RegistryClock.class).instant().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
    }

    private static void grantRepresenting(PersonId person, String company) {
        registry.context.getBean(Enrolment.class).grant(new RoleGranted(person, Role.APPLICANT, null, now(), SUPERVISOR,
                "test: represents " + company, "3d".repeat(32), company));
    }

    /** An application of {@code company} signed by {@code signer} (its documents received), registered: its id. */
    private static String applied(SigningIdentity signer, String name, String number) {
        DocumentStore store = registry.context.getBean(DocumentStore.class);
        List<SubmittedDocument> documents = Arrays.stream(RequiredDocument.values()).filter(k -> k.requiredWhen(false))
                .map(k -> new SubmittedDocument(k, store.receive(("%PDF-1.4\n" + name + " " + k + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8),
                        "application/pdf", k + ".pdf").document().sha256())).toList();
        String jws = new CommandSigner().sign(CommandEnvelope.fresh("ApplyForPermit", CanonicalJson.mapper().valueToTree(
                new ApplyForPermit(new Company(name, number, true, "Peace Avenue 33, Ulaanbaatar"), false, documents)), Clock.systemUTC()), signer);
        RegistryClient.Reply applied = registry.client.command(jws);
        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(200);
        return applied.body().path("applicationId").asText();
    }

    private static String signIn(SigningIdentity who) {
        RegistryClient client = registry.client;
        String challenge = client.get("/api/session/challenge").body().path("challenge").asText();
        ObjectNode body = CanonicalJson.mapper().createObjectNode().put("challenge", challenge);
        RegistryClient.Reply reply = client.post("/api/session", new CommandSigner().sign(CommandEnvelope.fresh("SignIn", body, Clock.systemUTC()), who),
                "application/json");
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body().path("token").asText();
    }

    @Test
    @DisplayName("002 art. 23.2, 31.1.7; 001 art. 23.1.1 (F559; F546, ADR 0046 items 151, 158): an inspector whose grant names a permit's "
            + "holder is not offered that permit in the inspection form, the page says why and marks it, in Mongolian and in English with "
            + "axe; another company's permit is offered")
    void the_inspection_form_leaves_out_the_holders_own_inspectors_permit() {
        String own = PermitActsBrowserTest.activePermit(registry, "Gobi Tamga Thirtythree LLC", "6433111");
        String other = PermitActsBrowserTest.activePermit(registry, "Khentii Tamga Thirtythree LLC", "6433112");
        SigningIdentity inspector = registry.newPerson("inspector-331");
        Path home = enrolled(inspector, Role.COMMUNICATIONS_INSPECTOR, null);
        grantRepresenting(inspector.person(), "6433111");

        browser.signInWithFiles(home);
        for (String lang : new String[]{"en", "mn"}) {
            browser.open("/inspector", lang);
            assertThat(browser.all("#insp-permit option[value='" + own + "']")).as("not offered in the form").isEmpty();
            assertThat(browser.all("#insp-permit option[value='" + other + "']")).as("another company's offered").hasSize(1);
            assertThat(browser.all("#permits tr[data-application='" + own + "']")).as("the holder's permit listed").hasSize(1);
            assertThat(browser.find("#permits tr[data-application='" + own + "'] .another-official").getText())
                    .isEqualTo(lang.equals("en") ? "Another inspector inspects it" : "Өөр байцаагч шалгана");
            assertThat(browser.all("#permits tr[data-application='" + other + "'] .another-official")).isEmpty();
            assertThat(browser.find("#inspector-holders-own").getText()).contains(lang.equals("en") ? "does not offer that permit" : "санал болгохгүй");
            browser.axe();
        }
        browser.screenshot("inspector-holders-own-mn");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();
    }

    @Test
    @DisplayName("002 art. 23.2, 26.2.2; 001 art. 23.1.1 (F526, was O405; ADR 0046 item 157, choice): the reviewer's queue and the files list "
            + "mark the application of the company the reviewer's grant names \"another official decides\", listed, in Mongolian and in "
            + "English with axe; another company's is not marked")
    void the_desks_lists_mark_the_holders_own_officials_files() {
        SigningIdentity reviewer = registry.newPerson("reviewer-331");
        Path home = enrolled(reviewer, Role.MINISTRY_REVIEWER, null);
        String own = applied(registry.client.person("applicant-1"), "Dornogovi Tamga Thirtythree LLC", "6433113");
        String other = applied(registry.client.person("applicant-1"), "Sukhbaatar Tamga Thirtythree LLC", "6433116");
        grantRepresenting(reviewer.person(), "6433113");

        browser.signInWithFiles(home);
        browser.waitUntil("both applications in the queue", d -> {
            browser.open("/desk", "en");
            return !browser.all("#queue a[href$='" + own + "']").isEmpty() && !browser.all("#queue a[href$='" + other + "']").isEmpty();
        });
        for (String lang : new String[]{"en", "mn"}) {
            browser.open("/desk", lang);
            String mark = lang.equals("en") ? "Another official decides" : "Өөр албан тушаалтан шийднэ";
            for (String list : new String[]{"#queue", "#files"}) {
                assertThat(browser.find(list + " .another-official[data-application='" + own + "']").getText()).as(list).isEqualTo(mark);
                assertThat(browser.all(list + " .another-official[data-application='" + other + "']")).as(list + ": another company's").isEmpty();
            }
            assertThat(browser.find("#another-official-explain").getText()).containsIgnoringCase(mark);
            browser.axe();
        }
        browser.screenshot("desk-another-official-mn");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();
    }

    @Test
    @DisplayName("002 art. 23.2, 26.2.1; 001 art. 23.1.1 (F522, was O414; ADR 0046 item 155, choice): the person who signed a permit "
            + "application reads its case on their page while their grant names the company; once it names another company the page is "
            + "403 and the case not listed, in Mongolian and in English with axe, and the API answers 403 applicant.not-your-case")
    void a_former_representative_reads_nothing_of_the_permit_case_in_the_browser() {
        SigningIdentity signer = registry.newPerson("applicant-331");
        Path home = enrolled(signer, Role.APPLICANT, "6433114");
        String id = applied(signer, "Umnugovi Tamga Thirtythree LLC", "6433114");
        String page = "/applicant/applications/" + id;
        browser.signInWithFiles(home);
        browser.waitUntil("the case shown to its signer", d -> {
            browser.open(page, "en");
            return !browser.all("#receipt").isEmpty();
        });
        browser.signOut();

        Enrolment enrolment = registry.context.getBean(Enrolment.class);
        enrolment.revoke(new RoleRevoked(signer.person(), Role.APPLICANT, null, now(), SUPERVISOR, "test: the representation of 6433114 ended"));
        grantRepresenting(signer.person(), "6433115");

        browser.signInWithFiles(home);
        for (String lang : new String[]{"en", "mn"}) {
            browser.open(page, lang);
            assertThat(browser.all("#receipt")).as("the case not shown").isEmpty();
            assertThat(browser.driver.getPageSource()).doesNotContain("Umnugovi Tamga Thirtythree LLC");
            browser.axe();
            browser.open("/applicant", lang);
            assertThat(browser.all("#cases tr[data-application='" + id + "']")).as("not listed").isEmpty();
        }
        browser.consoleErrors(); // the 403 page's answer is logged by the browser
        browser.signOut();
        String token = signIn(signer);
        RegistryClient.Reply read = registry.client.get("/api/applicant/applications/" + id, token);
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.code()).isEqualTo("applicant.not-your-case");
        assertThat(read.body().toString()).doesNotContain("Umnugovi");
        assertThat(registry.client.get("/api/applicant/applications", token).body().findValuesAsText("applicationId")).doesNotContain(id);
    }
}
