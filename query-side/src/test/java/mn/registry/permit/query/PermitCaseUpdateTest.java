package mn.registry.permit.query;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.*;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 7: the permit case's update is encoded once, as raw bytes, instead of as {@code Updates.combine} (which the
 * driver encoded twice). A rebuilt read model must stay the same document, so each update must be the very update
 * {@code Updates.combine} of {@code Updates.addToSet/set/unset/addEachToSet} gave: same operators, fields, order and
 * value types (a whole amount a 64-bit integer, a missing signer a null).
 */
@ExtendWith(EmbeddedMongoExtension.class)
class PermitCaseUpdateTest {

    private static final PermitApplicationRegistered REGISTERED = PermitCasesTest.REGISTERED;
    private static final ApplicationId ID = REGISTERED.applicationId();
    private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");

    private MongoDatabase database;
    private PermitCaseProjection projection;

    @BeforeEach
    void fresh(MongoDatabase database) {
        this.database = database;
        this.projection = new PermitCaseProjection(database);
    }

    private static DomainEventMessage<Object> message(Object event, long seq) {
        return new GenericDomainEventMessage<>("PermitApplication", ID.value(), seq, event,
                MetaData.with("signedBy", "reviewer-1").and("commandId", "cmd-" + seq).and("jwsSha256", "ef".repeat(32)));
    }

    private static Bson history(Object event, DomainEventMessage<?> m) {
        return Updates.addToSet("history", new Document("sequence", m.getSequenceNumber()).append("type", event.getClass().getSimpleName())
                .append("at", m.getTimestamp().toString()).append("signedBy", "reviewer-1").append("commandId", "cmd-" + m.getSequenceNumber())
                .append("jwsSha256", "ef".repeat(32)).append("event", PermitCaseProjection.asDocument(event)));
    }

    private void assertSameUpdate(Object event, long seq, Bson... changes) {
        DomainEventMessage<Object> m = message(event, seq);
        List<Bson> all = new java.util.ArrayList<>(List.of(changes));
        all.add(0, history(event, m));
        String combined = Updates.combine(all).toBsonDocument(Document.class, database.getCodecRegistry()).toJson();
        assertThat(projection.update(event, m).toJson()).isEqualTo(combined);
    }

    @Test
    @DisplayName("a registration's raw update is the update Updates.combine wrote: every field set in order, its documents, a null representative")
    void registration_update_is_the_combined_update() {
        DocumentRef bank = new DocumentRef(RequiredDocument.CORRESPONDENT_BANK_REFERENCE, "12".repeat(32), 10, "application/pdf", AT);
        PermitApplicationRegistered unsigned = new PermitApplicationRegistered(ID, REGISTERED.receiptNumber(), REGISTERED.company(), List.of(bank),
                REGISTERED.receivedAt(), REGISTERED.decisionDue(), REGISTERED.decisionDueAt(), REGISTERED.workingDays(), REGISTERED.calendarVersion(),
                REGISTERED.article(), null, REGISTERED.commandSignatureSha256());
        Document bankRow = new Document("kind", bank.kind().name()).append("article", bank.kind().article()).append("sha256", bank.sha256())
                .append("size", bank.size()).append("mediaType", bank.mediaType()).append("receivedAt", bank.receivedAt().toString());
        assertSameUpdate(unsigned, 0,
                Updates.set("status", "REGISTERED"),
                Updates.set("receiptNumber", unsigned.receiptNumber().value()),
                Updates.set("company", PermitCaseProjection.asDocument(unsigned.company())),
                Updates.set("receivedAt", unsigned.receivedAt().toString()),
                Updates.set("representative", null),
                Updates.set("decision", new Document("due", unsigned.decisionDue().toString()).append("workingDays", unsigned.workingDays().value())
                        .append("calendarVersion", unsigned.calendarVersion().value()).append("article", unsigned.article()).append("escalated", false)),
                Updates.set("documents", List.of(bankRow)));
    }

    @Test
    @DisplayName("documents added to a set go under the history's $addToSet, as one operator; an approval's whole amount stays a 64-bit integer")
    void merged_operators_and_whole_amounts() {
        DocumentRef audited = new DocumentRef(RequiredDocument.AUDITED_FINANCIAL_STATEMENTS, "34".repeat(32), 20, "application/pdf", AT);
        PermitDocumentsReceived received = new PermitDocumentsReceived(ID, List.of(audited), AT);
        assertSameUpdate(received, 1, Updates.addEachToSet("documents", List.of(new Document("kind", audited.kind().name())
                .append("article", audited.kind().article()).append("sha256", audited.sha256()).append("size", audited.size())
                .append("mediaType", audited.mediaType()).append("receivedAt", audited.receivedAt().toString()))));

        PermitApplicationApproved approved = new PermitApplicationApproved(ID, Money.mnt(1_000_000), AT, new PersonId("reviewer-1"), "002 art. 26.2.2");
        assertSameUpdate(approved, 2, Updates.set("status", "APPROVED_PENDING_INSURANCE"), Updates.set("decision.decidedAt", AT.toString()),
                Updates.set("minimumInsurance", PermitCaseProjection.asDocument(approved.minimumInsurance())));
        assertThat(projection.update(approved, message(approved, 2)).toJson()).contains("\"amount\": 1000000");
    }

    @Test
    @DisplayName("a fulfilled duty and an extension unset their fields as Updates.unset did, beside the fields they set")
    void unsets_are_the_combined_unsets() {
        PermitDuty duty = PermitDuty.values()[0];
        assertSameUpdate(new PermitDutyFulfilled(ID, duty, AT, false, "56".repeat(32), new PersonId("reviewer-1")), 3,
                Updates.unset("duties." + duty.name()));
        PermitExtended extended = new PermitExtended(ID, LocalDate.of(2031, 1, 1), LocalDate.of(2036, 1, 1), AT, new PersonId("minister"));
        assertSameUpdate(extended, 4, Updates.set("permit.validUntil", "2036-01-01"), Updates.unset("extensionRequest"));
    }
}
