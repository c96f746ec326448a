package mn.registry.permit.command;

import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.permit.PermitRevoked;
import mn.registry.kernel.permit.PermitTransferred;
import mn.registry.kernel.permit.RevocationComplaintDecided;
import mn.registry.kernel.permit.RevocationGround;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * A company whose permit was revoked because it was liquidated (002 art. 29.1.2; ADR 0046 item 166, abuse audit F577, was O441): the
 * registry holds it ceased from that revocation's receipt, with no wait for the complaint period, until a complaint upheld against that
 * very revocation annuls it (29.6; the annulment names the same company, permit and revocation, {@link #annulledBy}).
 * <p>
 * Neither {@link PermitRevoked} nor {@link RevocationComplaintDecided} names the company: the holder at the revocation is read from the
 * permit's own stream up to it (its application, then each transfer's successor), a read made once per such event, which is rare.
 *
 * @param registrationNumber the liquidated company's state registration number (the permit's holder at the revocation)
 * @param revokedAt          the revocation's receipt
 * @param permit             the revoked permit (its application id)
 */
record CompanyLiquidated(String registrationNumber, Instant revokedAt, String permit) {

    /** The day, in Ulaanbaatar, the company is held ceased from. */
    LocalDate on() {
        return UlaanbaatarTime.dateOf(revokedAt);
    }

    /**
     * The liquidation that stands of those recorded, the earliest no upheld complaint annulled (002 art. 29.1.2, 29.6); empty if none
     * stands.
     */
    static Optional<CompanyLiquidated> standing(Collection<CompanyLiquidated> recorded, Collection<CompanyLiquidated> annulled) {
        return recorded.stream().filter(l -> !annulled.contains(l)).min(Comparator.comparing(CompanyLiquidated::revokedAt));
    }

    /** The liquidation a revocation on 29.1.2 records; empty for any other event (a revocation on another ground ceases nothing). */
    static Optional<CompanyLiquidated> recordedBy(EventMessage<?> event, EventStore events) {
        if (!(event.getPayload() instanceof PermitRevoked revoked) || revoked.ground() != RevocationGround.LIQUIDATION
                || !(event instanceof DomainEventMessage<?> stored)) {
            return Optional.empty();
        }
        return Optional.ofNullable(readUpTo(stored, events).holder)
                .map(holder -> new CompanyLiquidated(holder, revoked.revokedAt(), stored.getAggregateIdentifier()));
    }

    /**
     * The liquidation an upheld complaint annuls (002 art. 29.6): the revocation it decides, the last before it, if that one was on 29.1.2;
     * empty for any other event.
     */
    static Optional<CompanyLiquidated> annulledBy(EventMessage<?> event, EventStore events) {
        if (!(event.getPayload() instanceof RevocationComplaintDecided decided) || !decided.upheld()
                || !(event instanceof DomainEventMessage<?> stored)) {
            return Optional.empty();
        }
        Read read = readUpTo(stored, events);
        if (read.revocation == null || read.revocation.ground() != RevocationGround.LIQUIDATION || read.holderAtRevocation == null) {
            return Optional.empty();
        }
        return Optional.of(new CompanyLiquidated(read.holderAtRevocation, read.revocation.revokedAt(), stored.getAggregateIdentifier()));
    }

    /** What the permit's stream says before {@code event}: its holder, its last revocation and the holder at that revocation. */
    private static final class Read {
        String holder;
        PermitRevoked revocation;
        String holderAtRevocation;
    }

    private static Read readUpTo(DomainEventMessage<?> event, EventStore events) {
        Read read = new Read();
        // from the first event, not a snapshot: the holders are read from the events themselves
        DomainEventStream stream = events.readEvents(event.getAggregateIdentifier(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> earlier = stream.next();
            if (earlier.getSequenceNumber() >= event.getSequenceNumber()) {
                break;
            }
            Object payload = earlier.getPayload();
            if (payload instanceof PermitApplicationRegistered registered && registered.company() != null) {
                read.holder = registered.company().registrationNumber();
            } else if (payload instanceof PermitTransferred transferred && transferred.successor() != null) {
                read.holder = transferred.successor().registrationNumber();
            } else if (payload instanceof PermitRevoked revoked) {
                read.revocation = revoked;
                read.holderAtRevocation = read.holder;
            }
        }
        if (event.getPayload() instanceof PermitRevoked) {
            read.holderAtRevocation = read.holder;
        }
        return read;
    }

    /** As the company's own document of the index lists it ({@code liquidated: [{revokedAt, permit}]}, {@code annulled} alike). */
    Document toDocument() {
        return new Document("revokedAt", revokedAt.toString()).append("permit", permit);
    }

    /** As the list of every liquidated company lists it ({@value CompaniesOnRecord#CEASED}). */
    Document listed() {
        return new Document("number", registrationNumber).append("revokedAt", revokedAt.toString()).append("permit", permit);
    }

    static CompanyLiquidated of(String registrationNumber, Document listed) {
        return new CompanyLiquidated(registrationNumber, Instant.parse(listed.getString("revokedAt")), listed.getString("permit"));
    }

    static CompanyLiquidated of(Document listed) {
        return of(listed.getString("number"), listed);
    }
}
