package mn.registry.freezone.report;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Which registrations a zone has (processing group {@value #PROCESSING_GROUP}, collection {@code fz_registration_index}):
 * only the ids, so that the quarterly report can be built from each registration's own events (003 art. 12.3). An
 * application precedes its registration, and a report covers only a quarter that has ended, so the index has every
 * entity a report can name long before the report is signed. Idempotent upserts.
 */
@Component
@ProcessingGroup(ZoneRegistrationIndex.PROCESSING_GROUP)
class ZoneRegistrationIndex {

    static final String PROCESSING_GROUP = "freezone-registration-index";

    private final MongoCollection<Document> index;

    ZoneRegistrationIndex(MongoDatabase database) {
        this.index = database.getCollection("fz_registration_index");
    }

    @EventHandler
    void on(RegistrationEvents.ZoneRegistrationApplied e) {
        index.replaceOne(Filters.eq("_id", e.registrationId().value()), new Document("_id", e.registrationId().value())
                .append("zoneId", e.zoneId().value()), new ReplaceOptions().upsert(true));
    }

    @ResetHandler
    void reset() {
        index.deleteMany(new Document());
    }

    List<RegistrationId> registrationsOf(ZoneId zone) {
        List<RegistrationId> ids = new ArrayList<>();
        for (Document d : index.find(Filters.eq("zoneId", zone.value()))) {
            ids.add(new RegistrationId(d.getString("_id")));
        }
        return ids;
    }
}
