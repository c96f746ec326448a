package mn.registry.permit.command;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import mn.registry.command.api.CommandContext;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.ReceiptNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;

/**
 * Application ids and receipt numbers. The application id is a name-based UUID of the signer and
 * their command id, so a signed command that reaches the aggregate twice meets its own application
 * and is refused by the event store instead of registering a second one. Receipt numbers count per
 * year with one atomic {@code $inc} in {@code permit_receipt_counters}, which every node shares
 * (on the embedded server and on a replica set alike); a number taken by a command that then fails
 * stays unused, so serials are unique and increasing but may have gaps.
 */
@Component
class MongoPermitApplicationIds implements PermitApplicationIds {

    static final String COLLECTION = "permit_receipt_counters";

    private final MongoCollection<Document> counters;

    MongoPermitApplicationIds(MongoDatabase database) {
        this.counters = database.getCollection(COLLECTION);
    }

    @Override
    public ApplicationId applicationId(CommandContext context) {
        String name = "ApplyForPermit\n" + context.actor().value() + "\n" + context.commandId();
        return ApplicationId.of(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public ReceiptNumber nextReceiptNumber(int year) {
        Document counter = counters.findOneAndUpdate(eq("_id", "SP-" + year), Updates.inc("last", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ReceiptNumber.of(year, ((Number) counter.get("last")).longValue());
    }
}
