package mn.registry.permit.command;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.permit.PermitTransferred;
import mn.registry.kernel.permit.Reorganisation;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The companies the permit register has on record (002 art. 23.3; ADR 0046 item 102, abuse audit F392-F393, was O220), one document per
 * state registration number in {@value #COLLECTION}: {@code {_id: number, since: <receipt of the first act naming it>, ceased: [{on, by,
 * permit}]}}. A transfer is judged by it: on a reorganisation that creates the company the permit passes to (every form but a merger), that
 * company was not on record before the day the reorganisation took effect; and no transfer passes a permit to a company a merger, a
 * consolidation or a division ended.
 * <p>
 * A fold of the stored events ({@link StoredEventsIndex}, as {@link PermitRepresentatives}): an application registered for a company
 * ({@link PermitApplicationRegistered}, its receipt), a permit passed to or from one ({@link PermitTransferred}, its receipt; the predecessor
 * ceased on the day the reorganisation took effect, or on the receipt's day for a transfer stored without it). Only stored acts count: an
 * application refused at intake stored nothing and leaves the company unknown. Writes are {@code $min} and {@code $addToSet}, so a
 * catch-up run again or by two nodes changes nothing; a registry reads its store once from the start to build it (no marker: the
 * position is the index's own). No command writes here: a claim of a company (ADR 0031) is released on a refusal and taken over by the
 * next one, so it does not keep when the registry first knew the company.
 */
@Component
class CompaniesOnRecord extends StoredEventsIndex {

    static final String COLLECTION = "permit_companies_on_record";

    CompaniesOnRecord(MongoDatabase database, EventStore events) {
        super(database.getCollection(COLLECTION), events, "companies on record (ADR 0046 item 102)", () -> new RegistryProblem(
                RegistryProblem.Kind.UNAVAILABLE, "permit.companies-not-ready", "The registry is still indexing the companies it has on "
                + "record; retry the transfer in a minute.", null, "002 art. 23.3"));
    }

    /** The company under {@code registrationNumber} as every act stored before this call records it; empty if none names it. */
    Optional<CompanyOnRecord> of(String registrationNumber) {
        catchUpOrRefuse();
        Document found = index.find(Filters.eq("_id", registrationNumber)).first();
        if (found == null || found.getDate("since") == null) {
            return Optional.empty();
        }
        Optional<Document> ceased = found.getList("ceased", Document.class, List.of()).stream()
                .min(Comparator.comparing(c -> c.getString("on")));
        return Optional.of(new CompanyOnRecord(found.getDate("since").toInstant(),
                ceased.map(c -> LocalDate.parse(c.getString("on"))).orElse(null),
                ceased.map(c -> Reorganisation.valueOf(c.getString("by"))).orElse(null)));
    }

    @Override
    Fold fold() {
        Map<String, Instant> since = new LinkedHashMap<>();
        Map<String, Set<Document>> ceased = new LinkedHashMap<>();
        return new Fold() {
            @Override
            public void accept(TrackedEventMessage<?> event) {
                Class<?> type = event.getPayloadType();
                if (type == PermitApplicationRegistered.class) {
                    PermitApplicationRegistered registered = (PermitApplicationRegistered) event.getPayload();
                    onRecord(registered.company(), registered.receivedAt());
                } else if (type == PermitTransferred.class) {
                    PermitTransferred transferred = (PermitTransferred) event.getPayload();
                    onRecord(transferred.successor(), transferred.transferredAt());
                    onRecord(transferred.previousHolder(), transferred.transferredAt());
                    if (transferred.reorganisation() != null && transferred.reorganisation().endsThePredecessor()
                            && named(transferred.previousHolder())) {
                        LocalDate on = transferred.reorganisedOn() != null ? transferred.reorganisedOn()
                                : UlaanbaatarTime.dateOf(transferred.transferredAt());
                        ceased.computeIfAbsent(transferred.previousHolder().registrationNumber(), k -> new LinkedHashSet<>())
                                .add(new Document("on", on.toString()).append("by", transferred.reorganisation().name())
                                        .append("permit", transferred.applicationId().value()));
                    }
                }
            }

            private void onRecord(Company company, Instant at) {
                if (named(company) && at != null) {
                    since.merge(company.registrationNumber(), at, (a, b) -> a.isBefore(b) ? a : b);
                }
            }

            @Override
            public List<UpdateOneModel<Document>> writes() {
                List<UpdateOneModel<Document>> writes = new ArrayList<>(since.size());
                since.forEach((number, first) -> {
                    List<Bson> updates = new ArrayList<>(List.of(Updates.min("since", Date.from(first))));
                    Set<Document> ended = ceased.get(number);
                    if (ended != null) {
                        updates.add(Updates.addEachToSet("ceased", new ArrayList<>(ended)));
                    }
                    writes.add(new UpdateOneModel<>(Filters.eq("_id", number), Updates.combine(updates), new UpdateOptions().upsert(true)));
                });
                return writes;
            }
        };
    }

    private static boolean named(Company company) {
        return company != null && company.registrationNumber() != null && !company.registrationNumber().isBlank();
    }
}
