package mn.registry.document;

import com.mongodb.client.MongoDatabase;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.kernel.problem.RegistryProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(EmbeddedMongoExtension.class)
class DocumentStoreTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final Instant T0 = Instant.parse("2026-11-20T02:15:30.123456789Z");

    private MongoDatabase database;
    private DocumentStore store;

    @BeforeEach
    void fresh(MongoDatabase database) {
        this.database = database;
        store = new DocumentStore(database, Clock.fixed(T0, ZoneOffset.UTC), 1024);
    }

    @Test
    @DisplayName("001 art. 38.1: the original bytes come back unaltered with their SHA-256, size, media type and time of receipt")
    void keeps_original_bytes() {
        DocumentStore.Upload upload = store.receive(PDF, "application/pdf", "charter.pdf");

        assertThat(upload.created()).isTrue();
        StoredDocument d = upload.document();
        assertThat(d.sha256()).isEqualTo(Sha256.hex(PDF));
        assertThat(d.size()).isEqualTo(PDF.length);
        assertThat(d.mediaType()).isEqualTo("application/pdf");
        assertThat(d.fileName()).isEqualTo("charter.pdf");
        assertThat(d.receivedAt()).isEqualTo(Instant.parse("2026-11-20T02:15:30.123Z"));
        DocumentStore.Original original = store.original(d.sha256()).orElseThrow();
        assertThat(original.content()).isEqualTo(PDF);
        assertThat(original.document()).isEqualTo(d);
        assertThat(store.find(d.sha256())).contains(d);
        assertThat(d.as(RequiredDocument.AUDITED_FINANCIAL_STATEMENTS).sha256()).isEqualTo(d.sha256());
    }

    @Test
    @DisplayName("001 art. 15.6: the same bytes sent again keep their first receipt and are stored once")
    void re_upload_is_idempotent() {
        StoredDocument first = store.receive(PDF, "application/pdf", "a.pdf").document();
        DocumentStore later = new DocumentStore(database, Clock.fixed(T0.plus(Duration.ofDays(1)), ZoneOffset.UTC), 1024);

        DocumentStore.Upload again = later.receive(PDF, "application/pdf", "b.pdf");

        assertThat(again.created()).isFalse();
        assertThat(again.document()).isEqualTo(first);
        assertThat(database.getCollection(DocumentStore.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    @DisplayName("a document of 0 bytes is refused and nothing is stored")
    void empty_document_refused() {
        assertThatThrownBy(() -> store.receive(new byte[0], "text/plain", null))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("document.empty");
                    assertThat(p.kind()).isEqualTo(RegistryProblem.Kind.INVALID);
                });
        assertThat(database.getCollection(DocumentStore.COLLECTION).countDocuments()).isZero();
    }

    @Test
    @DisplayName("a document one byte over the limit is refused with 413; one at the limit is kept")
    void size_limit() {
        byte[] atLimit = new byte[1024];
        Arrays.fill(atLimit, (byte) 'a');
        byte[] over = Arrays.copyOf(atLimit, 1025);
        over[1024] = 'a';

        assertThatThrownBy(() -> store.receive(over, "text/plain", null))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("document.too-large");
                    assertThat(p.kind().status()).isEqualTo(413);
                });
        assertThat(database.getCollection(DocumentStore.COLLECTION).countDocuments()).isZero();
        assertThat(store.receive(atLimit, "text/plain", null).document().size()).isEqualTo(1024);
    }

    @Test
    @DisplayName("a limit above what one MongoDB document holds is refused at start")
    void limit_cannot_exceed_one_mongo_document() {
        assertThatThrownBy(() -> new DocumentStore(database, Clock.systemUTC(), 16L * 1024 * 1024))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("an unsupported media type is refused with 415")
    void unsupported_media_type() {
        assertThatThrownBy(() -> store.receive("<html></html>".getBytes(StandardCharsets.UTF_8), "text/html", null))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("document.media-type-unsupported");
                    assertThat(p.kind().status()).isEqualTo(415);
                });
        assertThatThrownBy(() -> store.receive(PDF, null, null))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> assertThat(p.code()).isEqualTo("document.media-type-missing"));
    }

    @Test
    @DisplayName("bytes that do not start as the declared PDF, PNG, JPEG or ZIP are refused")
    void content_must_match_declared_type() {
        assertThatThrownBy(() -> store.receive("plain words".getBytes(StandardCharsets.US_ASCII), "application/pdf", null))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> assertThat(p.code()).isEqualTo("document.content-mismatch"));
        assertThatThrownBy(() -> store.receive(PDF, "image/png", null))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> assertThat(p.code()).isEqualTo("document.content-mismatch"));
        byte[] emptyZip = {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertThat(store.receive(emptyZip, "application/zip", null).created()).isTrue();
    }

    @Test
    @DisplayName("the media type is kept in normal form: lower-case type, parameters as sent")
    void media_type_normal_form() {
        assertThat(store.receive(PDF, "Application/PDF", null).document().mediaType()).isEqualTo("application/pdf");
        byte[] text = "Улаанбаатар".getBytes(StandardCharsets.UTF_8);
        assertThat(store.receive(text, "Text/Plain; charset=UTF-8", null).document().mediaType()).isEqualTo("text/plain; charset=UTF-8");
    }

    @Test
    @DisplayName("001 art. 53.1: an uploader's file name is kept under their key and is gone with it; the bytes and their hash stay")
    void file_names_are_erased_with_the_uploader() {
        mn.registry.infrastructure.privacy.PersonalDataVault vault = new mn.registry.infrastructure.privacy.PersonalDataVault(database, Clock.fixed(T0, ZoneOffset.UTC));
        DocumentStore sealing = new DocumentStore(database, Clock.fixed(T0, ZoneOffset.UTC), 1024, Duration.ofDays(7), 1_000_000, vault);
        mn.registry.kernel.identity.PersonId uploader = new mn.registry.kernel.identity.PersonId("applicant-7");
        StoredDocument d = sealing.receive(PDF, "application/pdf", "passport Бат Болд УБ90010112.pdf", uploader).document();
        assertThat(d.fileName()).isEqualTo("passport Бат Болд УБ90010112.pdf");
        assertThat(database.getCollection(DocumentStore.COLLECTION).find().first().toJson()).doesNotContain("Бат Болд").doesNotContain("УБ90010112")
                .contains("applicant-7");
        assertThat(sealing.find(d.sha256()).orElseThrow().fileName()).isEqualTo("passport Бат Болд УБ90010112.pdf");
        // a name given in clear before sealing (another upload of the same person)
        byte[] other = (new String(PDF, StandardCharsets.US_ASCII) + " ").getBytes(StandardCharsets.US_ASCII);
        database.getCollection(DocumentStore.COLLECTION).insertOne(new org.bson.Document("_id", Sha256.hex(other)).append("content", new org.bson.types.Binary(other))
                .append("size", (long) other.length).append("mediaType", "application/pdf").append("fileName", "old Бат Болд.pdf")
                .append("receivedAt", java.util.Date.from(T0)).append(DocumentStore.UPLOADED_BY, uploader.value()));

        // a command cites it by kind and hash: the same record, the name not opened
        StoredDocument cited = sealing.cite(d.sha256()).orElseThrow();
        assertThat(cited).isEqualTo(new StoredDocument(d.sha256(), d.size(), d.mediaType(), null, d.receivedAt()));
        assertThat(cited.as(mn.registry.kernel.permit.RequiredDocument.values()[0])).isEqualTo(d.as(mn.registry.kernel.permit.RequiredDocument.values()[0]));

        vault.erase(uploader, new mn.registry.kernel.identity.PersonId("supervisor-1"));
        assertThat(sealing.erased(uploader)).isEqualTo(1);

        assertThat(sealing.find(d.sha256()).orElseThrow().fileName()).as("not the name remembered in memory").isNull();
        assertThat(sealing.original(d.sha256()).orElseThrow().content()).isEqualTo(PDF);
        assertThat(sealing.original(Sha256.hex(other)).orElseThrow().document().fileName()).isNull();
        for (org.bson.Document row : database.getCollection(DocumentStore.COLLECTION).find()) {
            assertThat(row.toJson()).doesNotContain("Бат Болд");
        }
        // the registry's own documents (no uploader) keep their names
        assertThat(sealing.receive("%PDF-1.7 demo".getBytes(StandardCharsets.US_ASCII), "application/pdf", "charter.pdf").document().fileName())
                .isEqualTo("charter.pdf");
    }

    @Test
    @DisplayName("001 art. 38.1: a document cited by a command is kept for ever; one never uploaded, or deleted as uncited, cannot be cited")
    void citing_keeps_the_document() {
        StoredDocument d = store.receive(PDF, "application/pdf", "charter.pdf").document();
        assertThat(store.cite(d.sha256())).contains(new StoredDocument(d.sha256(), d.size(), d.mediaType(), null, d.receivedAt()));
        assertThat(database.getCollection(DocumentStore.COLLECTION).find().first().get("citedAt")).isNotNull();
        assertThat(store.cite(Sha256.hex("never uploaded".getBytes(StandardCharsets.US_ASCII)))).isEmpty();

        byte[] uncited = "%PDF-1.7 uncited".getBytes(StandardCharsets.US_ASCII);
        String sha = new DocumentStore(database, Clock.fixed(T0, ZoneOffset.UTC), 1024).receive(uncited, "application/pdf", "x.pdf").document().sha256();
        DocumentStore weekLater = new DocumentStore(database, Clock.fixed(T0.plus(Duration.ofDays(8)), ZoneOffset.UTC), 1024);
        weekLater.deleteUncited();
        assertThat(weekLater.cite(sha)).as("deleted as uncited").isEmpty();
        assertThat(weekLater.cite(d.sha256())).as("cited before: kept").isPresent();
    }

    @Test
    @DisplayName("001 art. 38.1: the one check an act makes of the document it cites: a malformed hash, then one never received, is refused "
            + "in the act's field, article and words; a received one is answered and cited")
    void an_act_requires_its_document_named_well_formed_and_received() {
        DocumentCitation proof = DocumentCitation.of("proofSha256", "002 art. 26.2.3");
        RegistryProblem malformed = org.assertj.core.api.Assertions.catchThrowableOfType(() -> store.requireReceived("ABC", proof),
                RegistryProblem.class);
        assertThat(malformed.code()).isEqualTo("document.sha256-malformed");
        assertThat(malformed.field()).isEqualTo("proofSha256");
        assertThat(malformed.article()).isEqualTo("002 art. 26.2.3");
        assertThat(malformed.getMessage()).contains(DocumentCitation.MALFORMED);
        String never = Sha256.hex("never uploaded".getBytes(StandardCharsets.US_ASCII));
        RegistryProblem unknown = org.assertj.core.api.Assertions.catchThrowableOfType(() -> store.requireReceived(never,
                proof.unknownSays("The proof was not received.")), RegistryProblem.class);
        assertThat(unknown.code()).isEqualTo("document.unknown");
        assertThat(unknown.getMessage()).contains("The proof was not received.");
        assertThat(unknown.field()).isEqualTo("proofSha256");
        RegistryProblem malformedAsUnknown = org.assertj.core.api.Assertions.catchThrowableOfType(() -> store.requireReceived(null,
                proof.malformedAsUnknown()), RegistryProblem.class);
        assertThat(malformedAsUnknown.code()).isEqualTo("document.unknown");

        StoredDocument d = store.receive(PDF, "application/pdf", "proof.pdf").document();
        assertThat(store.requireReceived(d.sha256(), "proofSha256", "002 art. 26.2.3").sha256()).isEqualTo(d.sha256());
        assertThat(store.cited(d.sha256())).as("cited: kept for ever").isTrue();
    }
}
