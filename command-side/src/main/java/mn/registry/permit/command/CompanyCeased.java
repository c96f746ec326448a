package mn.registry.permit.command;

import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.permit.PermitTransferred;
import mn.registry.kernel.permit.Reorganisation;
import org.bson.Document;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A company a reorganisation ended (002 art. 23.3; ADR 0046 items 102, 108): the holder a permit passed from on a merger, a consolidation,
 * a division or a transformation, from the day that reorganisation took effect (its receipt's day for a transfer stored without the day).
 *
 * @param registrationNumber the ended company's state registration number
 * @param on                 the day it ceased
 * @param by                 the reorganisation that ended it
 * @param permit             the permit that passed on (its application id)
 */
record CompanyCeased(String registrationNumber, LocalDate on, Reorganisation by, String permit) {

    /** The company {@code transferred} ended, if its form ends the predecessor and names one. */
    static Optional<CompanyCeased> by(PermitTransferred transferred) {
        if (transferred.reorganisation() == null || !transferred.reorganisation().endsThePredecessor() || transferred.previousHolder() == null
                || transferred.previousHolder().registrationNumber() == null || transferred.previousHolder().registrationNumber().isBlank()) {
            return Optional.empty();
        }
        LocalDate on = transferred.reorganisedOn() != null ? transferred.reorganisedOn() : UlaanbaatarTime.dateOf(transferred.transferredAt());
        return Optional.of(new CompanyCeased(transferred.previousHolder().registrationNumber(), on, transferred.reorganisation(),
                transferred.applicationId().value()));
    }

    /** As the company's own document of the index lists it ({@code ceased: [{on, by, permit}]}, as since session 25). */
    Document toDocument() {
        return new Document("on", on.toString()).append("by", by.name()).append("permit", permit);
    }

    /** As the list of every ended company lists it ({@value CompaniesOnRecord#CEASED}). */
    Document listed() {
        return new Document("number", registrationNumber).append("on", on.toString()).append("by", by.name()).append("permit", permit);
    }

    static CompanyCeased of(Document listed) {
        return new CompanyCeased(listed.getString("number"), LocalDate.parse(listed.getString("on")), Reorganisation.valueOf(listed.getString("by")),
                listed.getString("permit"));
    }
}
