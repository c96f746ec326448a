package mn.registry.standalone.browser;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.document.DocumentStore;
import mn.registry.kernel.crypto.CanonicalJson;
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

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 33, published text and the permit desk (docs/abuse-audit.md; ADR 0046 items 175-177): on the running registry, a signed
 * application whose published company address names a representative the registry holds (the demo's {@code applicant-1}, enrolled at the
 * first start, and a representative enrolled after the start, {@code applicant-36-name}), or holds an e-mail written with the word at, is
 * refused as application/problem+json with its code, field and article, and nothing is stored (no event, no command-log entry). Company
 * number 6436001 is this class's own. The desk's items of the brief (O476, O442, O453, F600's desk in the browser) were not reached this
 * session (abuse audit O479).
 */
@BrowserTest
class PermitAbuseRound36BrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    private static RegistryClient.Reply applied(SigningIdentity signer, String address, String commandId) {
        DocumentStore store = registry.context.getBean(DocumentStore.class);
        String name = "Tamga Thirtysix LLC";
        List<SubmittedDocument> documents = Arrays.stream(RequiredDocument.values()).filter(k -> k.requiredWhen(false))
                .map(k -> new SubmittedDocument(k, store.receive(("%PDF-1.4\n" + name + " " + k + " " + commandId + "\n%%EOF\n")
                        .getBytes(StandardCharsets.UTF_8), "application/pdf", k + ".pdf").document().sha256())).toList();
        CommandEnvelope fresh = CommandEnvelope.fresh("ApplyForPermit", CanonicalJson.mapper().valueToTree(new ApplyForPermit(
                new Company(name, "6436001", true, address), false, documents)), Clock.systemUTC());
        CommandEnvelope envelope = new CommandEnvelope(commandId, fresh.type(), fresh.signedAt(), fresh.command());
        return registry.client.command(new CommandSigner().sign(envelope, signer));
    }

    private static void refused(RegistryClient.Reply reply, String commandId, String code) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(400);
        assertThat(reply.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(reply.code()).as(reply.body().toString()).isEqualTo(code);
        assertThat(reply.body().path("field").asText()).isEqualTo("company.address");
        assertThat(reply.body().path("article").asText()).contains("002 art. 15.3, 30.1");
        MongoDatabase database = registry.context.getBean(MongoDatabase.class);
        assertThat(database.getCollection("commands").countDocuments(Filters.eq("_id", commandId))).as("command-log entry").isZero();
        for (org.bson.Document commit : database.getCollection("events").find()) {
            assertThat(commit.toJson()).as("an event of the refused command").doesNotContain(commandId);
        }
    }

    @Test
    @DisplayName("002 art. 15.3, 30.1 (F601, F602; ADR 0046 items 175-177): a published address naming a representative held by the registry "
            + "(enrolled at the first start or after the start) is refused 400 text.personal-name; one holding \"bat at tamga.mn\" 400 "
            + "privacy.personal-details-in-published-text; problem+json on company.address with the article; nothing stored")
    void a_representatives_name_or_an_e_mail_with_the_word_at_is_refused_end_to_end() {
        SigningIdentity signer = registry.newRepresentative("applicant-36-name", "6436001");
        refused(applied(signer, "Peace Avenue 36, care of Тэмүүлэн Болд", "round36-name-demo"), "round36-name-demo", "text.personal-name");
        refused(applied(signer, "Peace Avenue 36, the person named applicant-36-name", "round36-name-new"), "round36-name-new",
                "text.personal-name");
        refused(applied(signer, "Peace Avenue 36; write to bat at tamga.mn", "round36-at"), "round36-at",
                "privacy.personal-details-in-published-text");
    }
}
