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
import mn.registry.kernel.permit.RequestPermitDocuments;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.kernel.permit.ApplicationId;
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
 * Session 32, the liquidated company (docs/abuse-audit.md; ADR 0046 item 169, choice; F580, was O421): the person who signed a permit
 * application and whose grant naming the company ended (re-granted naming none) reads on their page the case as it stood at the end, the
 * notice saying so, and not a reviewer's request made after it, in Mongolian and in English with axe. A person of its own
 * ({@code applicant-351}) and company number 6435201.
 */
@BrowserTest
class PermitAbuseRound35BrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    private static final PersonId SUPERVISOR = new PersonId("supervisor-1");

    private static Instant now() {
        return registry.context.getBean(RegistryClock.class).instant().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
    }

    private static void waitASecond() {
        try {
            Thread.sleep(2_100); // the registry's receipts are to the second: the next act is received after the one before
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("002 art. 26.2.1; 001 art. 23.1.1; ADR 0013 §5 (F580, was O421; ADR 0046 item 169, choice): the signer whose grant naming "
            + "the company ended reads the permit case as it stood at the end, with a notice of it, and not the documents request a reviewer "
            + "made after it, in Mongolian and in English with axe; the API answers the same")
    void a_former_representative_reads_the_permit_case_up_to_their_grants_end_in_the_browser() throws Exception {
        SigningIdentity signer = registry.newPerson("applicant-351");
        registry.context.getBean(Enrolment.class).enrolIfAbsent(signer.person(), "Person applicant-351", signer.certificate(), Role.APPLICANT,
                null, "6435201", SUPERVISOR, "test enrolment, session 32");
        Path home = Files.createTempDirectory("round35-").resolve(signer.person().value());
        mn.registry.keystore.SigningIdentities.write(signer, home);
        DocumentStore store = registry.context.getBean(DocumentStore.class);
        String name = "Zavkhan Tamga Thirtyfive LLC";
        List<SubmittedDocument> documents = Arrays.stream(RequiredDocument.values()).filter(k -> k.requiredWhen(false))
                .map(k -> new SubmittedDocument(k, store.receive(("%PDF-1.4\n" + name + " " + k + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8),
                        "application/pdf", k + ".pdf").document().sha256())).toList();
        RegistryClient.Reply applied = registry.client.command(new CommandSigner().sign(CommandEnvelope.fresh("ApplyForPermit",
                CanonicalJson.mapper().valueToTree(new ApplyForPermit(new Company(name, "6435201", true, "Peace Avenue 35, Ulaanbaatar"), false,
                        documents)), Clock.systemUTC()), signer));
        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(200);
        String id = applied.body().path("applicationId").asText();
        waitASecond();

        // the grant naming the company ends; the person keeps the applicant's role naming none
        Enrolment enrolment = registry.context.getBean(Enrolment.class);
        enrolment.revoke(new RoleRevoked(signer.person(), Role.APPLICANT, null, now(), SUPERVISOR, "test: the representation of 6435201 ended"));
        enrolment.grant(new RoleGranted(signer.person(), Role.APPLICANT, null, now(), SUPERVISOR, "test: represents none", "3e".repeat(32), null));
        waitASecond();
        RegistryClient.Reply requested = registry.client.command(new CommandSigner().sign(CommandEnvelope.fresh("RequestPermitDocuments",
                CanonicalJson.mapper().valueToTree(new RequestPermitDocuments(ApplicationId.of(java.util.UUID.fromString(id)),
                        List.of(RequiredDocument.SECURITY_RISK_ASSESSMENT_AND_AUDIT), "the audit of Zavkhan thirtyfive is unsigned")),
                Clock.systemUTC()), registry.client.person("reviewer-1")));
        assertThat(requested.status()).as(requested.body().toString()).isEqualTo(200);

        String page = "/applicant/applications/" + id;
        browser.signInWithFiles(home);
        browser.waitUntil("the case shown to its signer", d -> {
            browser.open(page, "en");
            return !browser.all("#receipt").isEmpty();
        });
        for (String lang : new String[]{"en", "mn"}) {
            browser.open(page, lang);
            assertThat(browser.find("#read-until").getText()).contains(lang.equals("en") ? "as it stood until then" : "тэр хүртэлх байдлаар");
            assertThat(browser.all("#documents-requested")).as("the request made after the end").isEmpty();
            assertThat(browser.driver.getPageSource()).doesNotContain("Zavkhan thirtyfive is unsigned");
            browser.axe();
        }
        browser.screenshot("applicant-permit-read-until-mn");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.signOut();

        // the reviewer's request is stored and read by a reader the cut does not concern (the case's own page for the ministry)
        assertThat(registry.context.getBean(mn.registry.permit.query.PermitCases.class).application(id).orElseThrow())
                .containsKey("documentsRequested");
    }
}
