package mn.registry.identity.command;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.backfill.BackfillMarker;
import mn.registry.command.backfill.MarkedBackfill;
import mn.registry.identity.api.PublishedIdentityDetails;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.RoleGranted;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * ADR 0015 item 7 (abuse audit F348, was O176; 002 art. 15.3, 30.1; 001 art. 15.6): F289 and F290 refuse, for new acts, a person id holding a civil
 * registration number or a phone and a governor's name holding a personal detail; what was published before them cannot be rewritten.
 * Once per registry, in the start's one pass over the store (ADR 0044), this reads the published records that carry an official's identity
 * with the same two rules ({@link PublishedIdentityDetails}): each official's {@code RoleGranted} (the grant of an enrolment or an
 * appointment; an applicant's is never published) for its person id, each {@code GovernorAppointed} for the governor's id and name. Each
 * finding is logged as a warning naming the event's position in the store and what holds a detail, never the detail; the counts go in its
 * marker, {@value #MARKER} in {@value #COLLECTION}, so a second start does not scan again. What the operator does with a finding is in
 * docs/production.md (the official enrolled under a new id for their future acts). Nothing is written to the store. Its name, marker
 * and lone run are {@link MarkedBackfill}'s (ADR 0015 item 9); no rule reads what it finds, so nothing waits for it.
 */
@Component
class PublishedPersonDetailsScan extends MarkedBackfill {

    private static final Logger log = LoggerFactory.getLogger(PublishedPersonDetailsScan.class);
    /** The collection of the registry's one-off privacy scans' markers. */
    static final String COLLECTION = "privacy_scans";
    static final String MARKER = "scan:adr-0015:published-person-details";

    private final Clock clock;

    PublishedPersonDetailsScan(MongoDatabase database, EventStore events, Clock clock) {
        super("published person details (ADR 0015 item 7)", new BackfillMarker(database.getCollection(COLLECTION), MARKER), events);
        this.clock = clock;
    }

    @Override
    public Pass begin() {
        return new Pass() {
            private int personIds;
            private int governorNames;

            @Override
            public void accept(TrackedEventMessage<?> event) {
                Object payload = event.getPayload();
                if (payload instanceof RoleGranted grant && grant.role().official()) {
                    personIds += found(event, "RoleGranted", "the official's person id", grant.personId());
                } else if (payload instanceof ZoneEvents.GovernorAppointed appointed) {
                    personIds += found(event, "GovernorAppointed", "the governor's person id", appointed.governor());
                    governorNames += PublishedIdentityDetails.detailInTheName(appointed.displayName()).map(detail -> {
                        warn(event, "GovernorAppointed", "the governor's name", detail.kind().description());
                        return 1;
                    }).orElse(0);
                }
            }

            @Override
            public void finish(long read) {
                marker.write(clock.instant(), new Document("personIds", personIds).append("governorNames", governorNames).append("read", read));
                log.info("published person details (ADR 0015 item 7, O176): {} person ids and {} governors' names holding a personal detail in "
                        + "the published records of {} events{}", personIds, governorNames, read, personIds + governorNames == 0 ? ""
                        : "; see docs/production.md, \"Personal details published before F289 and F290\"");
            }
        };
    }

    private static int found(TrackedEventMessage<?> event, String type, String what, PersonId person) {
        if (person == null || !PublishedIdentityDetails.personIdHoldsPersonalDetails(person)) {
            return 0;
        }
        warn(event, type, what, "eight digits in a row (a civil registration number or a phone)");
        return 1;
    }

    // the event's position and what holds the detail, never the detail itself (the log is read by more people than the record's subject)
    private static void warn(TrackedEventMessage<?> event, String type, String what, String detail) {
        log.warn("published person details (ADR 0015 item 7, O176): the {} at position {} publishes {} holding {}", type,
                positionOf(event).stream().mapToObj(Long::toString).findFirst().orElse("unknown"), what, detail);
    }
}
