package mn.registry.document;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.kernel.identity.PersonId;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.testing.MovableClock;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 29, speed (ADR 0072; abuse audit F492, was O304): a claim of an act ({@code document_claims}) keeps its document as a citation
 * does, so the retention job ({@link UncitedDocumentSweep}, {@link DocumentStore#deleteUncited}) asks the claims of the documents it would
 * delete, in one {@code $in}, and deletes none a claim names; one neither cited nor claimed is still deleted after its retention.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class DocumentsKeptByClaimsTest {

    private static final PersonId APPLICANT = new PersonId("applicant-1");
    private static final Instant UPLOADED = Instant.parse("2026-11-20T02:00:00Z");

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n" + text + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A claim as {@code DocumentClaims} writes it for a permit application's paper. */
    private static void claimed(MongoDatabase database, String sha256, String commandId) {
        database.getCollection(DocumentClaims.COLLECTION).insertOne(new Document("_id", sha256).append("kind", "permit-application-document")
                .append("commandId", commandId).append("claimedAt", UPLOADED.toString()).append("grounds", "permit:an-application")
                .append("company", "6543210"));
    }

    @Test
    @DisplayName("001 art. 38.1, 15.6 (ADR 0072, F492, was O304): a document an act's claim holds, never marked cited, is kept past its "
            + "retention and ten years on; beside it an upload neither cited nor claimed is deleted, a cited one kept")
    void a_claimed_document_is_never_deleted(MongoDatabase database) {
        MovableClock clock = new MovableClock(UPLOADED);
        DocumentStore store = new DocumentStore(database, clock, 1024, Duration.ofDays(7), 1_000_000);
        UncitedDocumentSweep sweep = new UncitedDocumentSweep(store, Duration.ofHours(1));
        String paper = store.receive(pdf("a company's registration certificate"), "application/pdf", null, APPLICANT).document().sha256();
        String forgotten = store.receive(pdf("never cited, never claimed"), "application/pdf", null, APPLICANT).document().sha256();
        String cited = store.receive(pdf("cited by an act"), "application/pdf", null, APPLICANT).document().sha256();
        claimed(database, paper, "cmd-application");
        assertThat(store.find(cited)).isPresent();
        assertThat(store.cited(paper)).as("claimed, not cited").isFalse();

        clock.advance(Duration.ofDays(8));
        assertThat(sweep.sweepOnce()).isEqualTo(1);
        clock.advance(Duration.ofDays(3650));
        assertThat(sweep.sweepOnce()).isZero();

        assertThat(store.original(paper)).as("claimed: kept as a cited one is").isPresent();
        assertThat(store.original(cited)).isPresent();
        assertThat(store.original(forgotten)).isEmpty();
    }

    @Test
    @DisplayName("001 art. 38.1, 15.6 (ADR 0072, F492): an upload whose claim was released (its act refused) or that only another paper's "
            + "claim names is neither cited nor claimed: deleted after its retention, not before; one uploaded for an act still citable is kept")
    void an_unclaimed_uncited_document_is_still_deleted(MongoDatabase database) {
        MovableClock clock = new MovableClock(UPLOADED);
        DocumentStore store = new DocumentStore(database, clock, 1024, Duration.ofDays(7), 1_000_000);
        String released = store.receive(pdf("named by a refused application"), "application/pdf", null, APPLICANT).document().sha256();
        String beside = store.receive(pdf("uploaded beside a claimed paper"), "application/pdf", null, APPLICANT).document().sha256();
        String forAnAct = store.receive(pdf("uploaded for a resumption"), "application/pdf", null, APPLICANT, "registration:r-1").document().sha256();
        String other = store.receive(pdf("another paper, claimed"), "application/pdf", null, APPLICANT).document().sha256();
        claimed(database, released, "cmd-refused");
        claimed(database, other, "cmd-stored");
        database.getCollection(DocumentClaims.COLLECTION).deleteOne(Filters.and(Filters.eq("_id", released), Filters.eq("commandId", "cmd-refused")));

        clock.advance(Duration.ofDays(7));
        assertThat(store.deleteUncited((act, receivedAt) -> true)).as("within its 7 days").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.deleteUncited((act, receivedAt) -> true)).isEqualTo(2);

        assertThat(List.of(released, beside)).allSatisfy(gone -> assertThat(store.original(gone)).isEmpty());
        assertThat(store.original(other)).isPresent();
        assertThat(store.original(forAnAct)).as("its act may still cite it").isPresent();
        assertThat(store.deleteUncited((act, receivedAt) -> false)).as("once it may not, it goes as the others").isEqualTo(1);
    }
}
