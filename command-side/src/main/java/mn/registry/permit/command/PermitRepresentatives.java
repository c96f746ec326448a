package mn.registry.permit.command;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The applications each person represents (002 art. 26.2.3, 27.2, 29.6; ADR 0046 items 42 and 46, ADR 0058): {@value #SHARDS}
 * documents per person in {@value #COLLECTION}, {@code {_id: personId/k, applications: [applicationId...]}} ({@code k} from the
 * application id's hash), so that the erasure of a person's data asks the applications that person applied for by one {@code _id $in}
 * lookup ({@link HolderActsNeedTheirRepresentative}), not a scan of every company's claim (the architecture's "no full scans"; the
 * embedded server uses no index but {@code _id}).
 * <p>
 * The representative of an application is who signed it (the registry knows no other) and never changes, so the index is a fold of the
 * stored {@link PermitApplicationRegistered} events: the store is read from the position the index last reached ({@code _id:}
 * {@value #THROUGH}) to its head, every {@value #CATCH_UP_SECONDS} s in the background and again by every erasure before it is judged
 * (ADR 0058; the catch-up is {@link StoredEventsIndex}'s, shared with {@link CompaniesOnRecord}). So an erasure sees every application
 * stored before its receipt, and {@code ApplyForPermit} writes nothing here: session
 * 17 wrote the index on the command's own path, one more round trip per application (docs/benchmarks.md, session 17). Writes are
 * {@code $addToSet} and the position only moves forward ({@code $max}), so a catch-up stopped half-way, run again, or run by two
 * nodes at once adds nothing twice. A registry that had the index of session 17 keeps its documents (what they list is also in
 * the store, or names an application a lost command never registered, passed over when asked) and reads the store once from its start.
 */
@Component
class PermitRepresentatives extends StoredEventsIndex {

    static final String COLLECTION = "permit_representatives";

    /**
     * Documents a person's applications are spread over (the lead's review, session 17): the embedded server re-encodes a whole
     * document on each update, and an agent who signs every application of many companies (the throughput benchmark's one
     * applicant signs thousands) made each update rewrite a list of all of them. As the deadlines' day buckets.
     */
    static final int SHARDS = 16;

    PermitRepresentatives(MongoDatabase database, EventStore events) {
        super(database.getCollection(COLLECTION), events, "permit representatives (ADR 0058)", () -> new RegistryProblem(
                RegistryProblem.Kind.UNAVAILABLE, "privacy.erasure-not-ready", "The registry is still indexing the representatives of the "
                + "applications it holds; retry the erasure in a minute.", null, "domain-rules §5"));
    }

    /** The document of {@code person}'s that lists {@code application}. */
    static String shard(String person, String application) {
        return person + "/" + Math.floorMod(application.hashCode(), SHARDS);
    }

    /** The applications {@code person} applied for, every one stored before this call among them (one {@code _id $in} lookup). */
    List<ApplicationId> of(PersonId person) {
        catchUpOrRefuse();
        List<String> shards = new ArrayList<>(SHARDS);
        for (int k = 0; k < SHARDS; k++) {
            shards.add(person.value() + "/" + k);
        }
        List<ApplicationId> applications = new ArrayList<>();
        for (Document found : index.find(Filters.in("_id", shards))) {
            for (String id : found.getList("applications", String.class, List.of())) {
                applications.add(new ApplicationId(id));
            }
        }
        return applications;
    }

    /** The applications each representative signed, by the person's shard; written with {@code $addToSet}. */
    @Override
    Fold fold() {
        Map<String, Set<String>> byShard = new LinkedHashMap<>();
        return new Fold() {
            @Override
            public void accept(TrackedEventMessage<?> event) {
                if (event.getPayloadType() == PermitApplicationRegistered.class) {
                    PermitApplicationRegistered registered = (PermitApplicationRegistered) event.getPayload();
                    if (registered.signedBy() != null) {
                        String application = registered.applicationId().value();
                        byShard.computeIfAbsent(shard(registered.signedBy().value(), application), k -> new LinkedHashSet<>()).add(application);
                    }
                }
            }

            @Override
            public List<UpdateOneModel<Document>> writes() {
                List<UpdateOneModel<Document>> writes = new ArrayList<>(byShard.size());
                byShard.forEach((shard, listed) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", shard),
                        Updates.addEachToSet("applications", new ArrayList<>(listed)), new UpdateOptions().upsert(true))));
                return writes;
            }
        };
    }
}
