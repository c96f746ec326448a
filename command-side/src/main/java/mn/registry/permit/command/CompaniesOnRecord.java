package mn.registry.permit.command;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationEvents.ZoneRegistrationApplied;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.permit.PermitRevoked;
import mn.registry.kernel.permit.PermitTransferred;
import mn.registry.kernel.permit.RevocationComplaintDecided;
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
 * <p>
 * Session 26 (fold 2, ADR 0046 items 108-110): a transformation ends its predecessor too; a Mongolian entity that applied for registration
 * in a Free Zone ({@link ZoneRegistrationApplied}, its receipt) is on record under its state registration number (seven digits, the same
 * number as a permit company's: 003 art. 12.1, F38); and the companies ended are also listed in one document ({@value #CEASED}), which
 * {@link CeasedCompanies} reads once at start to answer {@code ApplyForPermit} from memory. A registry whose index an earlier release
 * wrote reads its store again from the start once, at the first catch-up after the release starts ({@link StoredEventsIndex}'s fold).
 * <p>
 * Session 32 (fold 3, ADR 0046 item 166, abuse audit F577, was O441): a revocation on 29.1.2's ground (the holder liquidated) records its
 * holder as ceased at the revocation's receipt ({@code liquidated: [{revokedAt, permit}]}), and a complaint upheld against that revocation
 * (29.6) annuls it ({@code annulled: [{revokedAt, permit}]}, the same entry): both {@code $addToSet}, so that the answer, the liquidations
 * no annulment names ({@link CompanyLiquidated#standing}), is the same whatever order two catch-ups write them in. {@value #CEASED} lists
 * both too ({@code liquidated}, {@code annulled}: {@code [{number, revokedAt, permit}]}). Fields an earlier release does not read (store
 * format 9).
 */
@Component
class CompaniesOnRecord extends StoredEventsIndex {

    static final String COLLECTION = "permit_companies_on_record";
    /** The document listing every company a reorganisation ended ({@code companies: [{number, on, by, permit}]}); no colon in a number. */
    static final String CEASED = "ceased:companies";
    /**
     * Session 26: transformations end their predecessor, zone entities are on record, {@value #CEASED} is written (2). Session 32: the
     * liquidations of 29.1.2 and their annulments are written (3).
     */
    static final int FOLD = 3;

    private final EventStore events;

    CompaniesOnRecord(MongoDatabase database, EventStore events) {
        super(database.getCollection(COLLECTION), events, "companies on record (ADR 0046 item 102)", () -> new RegistryProblem(
                RegistryProblem.Kind.UNAVAILABLE, "permit.companies-not-ready", "The registry is still indexing the companies it has on "
                + "record; retry the act in a minute.", null, "002 art. 23.3"), FOLD);
        this.events = events;
    }

    /** The liquidations of 29.1.2 as {@value #CEASED} lists them, every one read by the catch-ups so far (at least). */
    List<CompanyLiquidated> liquidated() {
        return listed("liquidated");
    }

    /** The liquidations an upheld complaint annulled (29.6), as {@value #CEASED} lists them. */
    List<CompanyLiquidated> annulled() {
        return listed("annulled");
    }

    private List<CompanyLiquidated> listed(String field) {
        Document listed = index.find(Filters.eq("_id", CEASED)).first();
        return listed == null ? List.of() : listed.getList(field, Document.class, List.of()).stream().map(CompanyLiquidated::of).toList();
    }

    /** The companies a reorganisation ended, as {@value #CEASED} lists them: every ending read by the catch-ups so far (at least). */
    List<CompanyCeased> ceased() {
        Document listed = index.find(Filters.eq("_id", CEASED)).first();
        return listed == null ? List.of() : listed.getList("companies", Document.class, List.of()).stream().map(CompanyCeased::of).toList();
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
        Optional<CompanyLiquidated> liquidated = CompanyLiquidated.standing(entries(found, "liquidated", registrationNumber),
                entries(found, "annulled", registrationNumber));
        return Optional.of(new CompanyOnRecord(found.getDate("since").toInstant(),
                ceased.map(c -> LocalDate.parse(c.getString("on"))).orElse(null),
                ceased.map(c -> Reorganisation.valueOf(c.getString("by"))).orElse(null), liquidated.orElse(null)));
    }

    private static List<CompanyLiquidated> entries(Document company, String field, String registrationNumber) {
        return company.getList(field, Document.class, List.of()).stream().map(d -> CompanyLiquidated.of(registrationNumber, d)).toList();
    }

    @Override
    Fold fold() {
        Map<String, Instant> since = new LinkedHashMap<>();
        Map<String, Set<CompanyCeased>> ceased = new LinkedHashMap<>();
        Map<String, Set<CompanyLiquidated>> liquidated = new LinkedHashMap<>();
        Map<String, Set<CompanyLiquidated>> annulled = new LinkedHashMap<>();
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
                    CompanyCeased.by(transferred).ifPresent(ended -> ceased.computeIfAbsent(ended.registrationNumber(),
                            k -> new LinkedHashSet<>()).add(ended));
                } else if (type == ZoneRegistrationApplied.class) {
                    ZoneRegistrationApplied applied = (ZoneRegistrationApplied) event.getPayload();
                    if (isStateRegistrationNumber(applied.entity()) && applied.receivedAt() != null) {
                        onRecord(applied.entity().registrationNumber(), applied.receivedAt());
                    }
                } else if (type == PermitRevoked.class) {
                    CompanyLiquidated.recordedBy(event, events).ifPresent(l -> remember(liquidated, l));
                } else if (type == RevocationComplaintDecided.class) {
                    CompanyLiquidated.annulledBy(event, events).ifPresent(l -> remember(annulled, l));
                }
            }

            private void remember(Map<String, Set<CompanyLiquidated>> into, CompanyLiquidated entry) {
                into.computeIfAbsent(entry.registrationNumber(), k -> new LinkedHashSet<>()).add(entry);
                since.putIfAbsent(entry.registrationNumber(), entry.revokedAt()); // a holder is on record since before ($min keeps the first)
            }

            private void onRecord(Company company, Instant at) {
                if (named(company) && at != null) {
                    onRecord(company.registrationNumber(), at);
                }
            }

            private void onRecord(String number, Instant at) {
                since.merge(number, at, (a, b) -> a.isBefore(b) ? a : b);
            }

            @Override
            public List<UpdateOneModel<Document>> writes() {
                List<UpdateOneModel<Document>> writes = new ArrayList<>(since.size() + 1);
                since.forEach((number, first) -> {
                    List<Bson> updates = new ArrayList<>(List.of(Updates.min("since", Date.from(first))));
                    Set<CompanyCeased> ended = ceased.get(number);
                    if (ended != null) {
                        updates.add(Updates.addEachToSet("ceased", ended.stream().map(CompanyCeased::toDocument).toList()));
                    }
                    entries(liquidated.get(number), "liquidated").ifPresent(updates::add);
                    entries(annulled.get(number), "annulled").ifPresent(updates::add);
                    writes.add(new UpdateOneModel<>(Filters.eq("_id", number), Updates.combine(updates), new UpdateOptions().upsert(true)));
                });
                if (!ceased.isEmpty()) {
                    List<Document> listed = ceased.values().stream().flatMap(Set::stream).map(CompanyCeased::listed).toList();
                    writes.add(new UpdateOneModel<>(Filters.eq("_id", CEASED), Updates.addEachToSet("companies", listed),
                            new UpdateOptions().upsert(true)));
                }
                List<Bson> listedLiquidations = new ArrayList<>(2);
                listed(liquidated, "liquidated").ifPresent(listedLiquidations::add);
                listed(annulled, "annulled").ifPresent(listedLiquidations::add);
                if (!listedLiquidations.isEmpty()) {
                    writes.add(new UpdateOneModel<>(Filters.eq("_id", CEASED), Updates.combine(listedLiquidations), new UpdateOptions().upsert(true)));
                }
                return writes;
            }

            private Optional<Bson> entries(Set<CompanyLiquidated> of, String field) {
                return of == null ? Optional.empty() : Optional.of(Updates.addEachToSet(field, of.stream().map(CompanyLiquidated::toDocument).toList()));
            }

            private Optional<Bson> listed(Map<String, Set<CompanyLiquidated>> of, String field) {
                return of.isEmpty() ? Optional.empty()
                        : Optional.of(Updates.addEachToSet(field, of.values().stream().flatMap(Set::stream).map(CompanyLiquidated::listed).toList()));
            }
        };
    }

    private static boolean named(Company company) {
        return company != null && company.registrationNumber() != null && !company.registrationNumber().isBlank();
    }

    /**
     * 003 art. 12.1 (F38), 002 art. 25.1.1 (ADR 0046 item 110): a Mongolian entity's registration number in a zone is its state registration
     * number, seven digits, as a permit company's is; a foreign entity's, or one stored before F38 in another spelling, is not.
     */
    private static boolean isStateRegistrationNumber(LegalEntity entity) {
        return entity != null && entity.jurisdiction() == Jurisdiction.MONGOLIAN && mn.registry.kernel.permit.Company.isStateRegistrationNumber(entity.registrationNumber());
    }
}
