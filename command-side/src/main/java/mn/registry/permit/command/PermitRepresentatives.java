package mn.registry.permit.command;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import mn.registry.command.backfill.StartupBackfill;
import mn.registry.command.backfill.StoreBackfills;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The applications each person represents (002 art. 26.2.3, 27.2, 29.6; ADR 0046 items 42 and 46): {@value #SHARDS} documents per
 * person in {@value #COLLECTION}, {@code {_id: personId/k, applications: [applicationId...]}} ({@code k} from the application id's
 * hash), so that the erasure of a person's data asks the applications that person applied for by one {@code _id $in} lookup ({@link HolderActsNeedTheirRepresentative}), not a scan of every
 * company's claim (the architecture's "no full scans"; the embedded server uses no index but {@code _id}). The representative of an
 * application is who signed it (the registry knows no other) and never changes, so an application is added once: by
 * {@code ApplyForPermit} before the aggregate acts, and taken out again when the command is refused; one added for a command lost in a
 * stop names no application and is passed over when asked. Applications registered before this index are added once per registry at
 * start, from one pass over the store ({@link StartupBackfill}); an erasure waits for it.
 */
@Component
class PermitRepresentatives implements StartupBackfill {

    private static final Logger log = LoggerFactory.getLogger(PermitRepresentatives.class);
    static final String COLLECTION = "permit_representatives";
    /** The backfill's marker: never a person id (those have no colon). */
    static final String MARKER = "backfill:permit-representatives";

    /**
     * Documents a person's applications are spread over (the lead's review, session 17): the embedded server re-encodes a whole
     * document on each update, and an agent who signs every application of many companies (the throughput benchmark's one
     * applicant signs thousands) made each {@code ApplyForPermit} rewrite a list of all of them. As the deadlines' day buckets.
     */
    static final int SHARDS = 16;

    private final MongoCollection<Document> representatives;
    private final EventStore events;
    private final Clock clock;
    private final CountDownLatch done = new CountDownLatch(1);

    PermitRepresentatives(MongoDatabase database, EventStore events, Clock clock) {
        this.representatives = database.getCollection(COLLECTION);
        this.events = events;
        this.clock = clock;
    }

    /** {@code person} represents {@code application} (its {@code ApplyForPermit} is about to be carried out). */
    void add(PersonId person, ApplicationId application) {
        representatives.updateOne(Filters.eq("_id", shard(person.value(), application.value())), Updates.addToSet("applications", application.value()),
                new UpdateOptions().upsert(true));
    }

    /** The {@code ApplyForPermit} of {@code application} was refused: nothing was registered. */
    void remove(PersonId person, ApplicationId application) {
        representatives.updateOne(Filters.eq("_id", shard(person.value(), application.value())), Updates.pull("applications", application.value()));
    }

    /** The document of {@code person}'s that lists {@code application}. */
    static String shard(String person, String application) {
        return person + "/" + Math.floorMod(application.hashCode(), SHARDS);
    }

    /** The applications {@code person} applied for (one {@code _id $in} lookup of the person's documents). */
    List<ApplicationId> of(PersonId person) {
        awaitDone();
        List<String> shards = new ArrayList<>(SHARDS);
        for (int k = 0; k < SHARDS; k++) {
            shards.add(person.value() + "/" + k);
        }
        List<ApplicationId> applications = new ArrayList<>();
        for (Document found : representatives.find(Filters.in("_id", shards))) {
            for (String id : found.getList("applications", String.class, List.of())) {
                applications.add(new ApplicationId(id));
            }
        }
        return applications;
    }

    // ------------------------------------------------------------------ the backfill of applications registered before the index

    @Override
    public String name() {
        return "permit representatives (ADR 0046 item 46)";
    }

    @Override
    public boolean due() {
        return representatives.find(Filters.eq("_id", MARKER)).first() == null;
    }

    @Override
    public void skipped() {
        done.countDown();
    }

    /** Runs this backfill alone (its own pass over the store), as at start when the other backfills' markers are written. */
    void start() {
        StoreBackfills.run(events, List.of(this));
    }

    @Override
    public Pass begin() {
        long started = System.nanoTime();
        Map<String, Set<String>> byPerson = new LinkedHashMap<>();
        return new Pass() {
            @Override
            public void accept(TrackedEventMessage<?> event) {
                if (event.getPayloadType() == PermitApplicationRegistered.class) {
                    PermitApplicationRegistered registered = (PermitApplicationRegistered) event.getPayload();
                    if (registered.signedBy() != null) {
                        byPerson.computeIfAbsent(registered.signedBy().value(), k -> new LinkedHashSet<>()).add(registered.applicationId().value());
                    }
                }
            }

            @Override
            public void finish(long read) {
                // idempotent: $addToSet, so a second node or a start stopped half-way and run again adds nothing twice
                byPerson.forEach((person, applications) -> {
                    Map<String, List<String>> byShard = new LinkedHashMap<>();
                    applications.forEach(a -> byShard.computeIfAbsent(shard(person, a), k -> new ArrayList<>()).add(a));
                    byShard.forEach((shard, listed) -> representatives.updateOne(Filters.eq("_id", shard),
                            Updates.addEachToSet("applications", listed), new UpdateOptions().upsert(true)));
                });
                representatives.updateOne(Filters.eq("_id", MARKER), new Document("$set", new Document("at", clock.instant().toString())
                        .append("people", byPerson.size())), new UpdateOptions().upsert(true));
                log.info("permit representatives (ADR 0046 item 46): read {} events, {} people's applications added, in {} ms", read,
                        byPerson.size(), (System.nanoTime() - started) / 1_000_000);
                done.countDown();
            }
        };
    }

    /** Waits for the backfill before an erasure is judged; 503 (retry is safe) if it takes longer. */
    private void awaitDone() {
        try {
            if (done.await(60, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new RegistryProblem(RegistryProblem.Kind.UNAVAILABLE, "privacy.erasure-not-ready", "The registry is still indexing the "
                + "representatives of applications registered before this release; retry the erasure in a minute.", null, "domain-rules §5");
    }
}
