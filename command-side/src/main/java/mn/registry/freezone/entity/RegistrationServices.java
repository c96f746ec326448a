package mn.registry.freezone.entity;

import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.freezone.ZoneId;

import java.time.Instant;

/**
 * What {@link ZoneRegistration} needs from outside to decide, given to its command handlers as a parameter (ADR 0026):
 * the review due date counted with the calendar in force, what the zone's events say now, and the documents the
 * registry received. The aggregate asks; it never reads a clock or a collection itself.
 */
interface RegistrationServices {

    /** The due date {@code n} working days from the moment of receipt, with the calendar in force. */
    Deadline due(Instant from, WorkingDays n);

    /**
     * 003 art. 12.2, 12.5.3; domain-rules §2 (ADR 0035 item 94; F470, was O276): the last day {@code n} working days after {@code dayZero} on
     * the calendar in force at this moment, read again from its stream (not the copy a node keeps for a few seconds after another node's
     * declaration): what an escalation is judged against when the deadline service fires it.
     */
    Deadline dueOnTheCalendarInForceNow(java.time.LocalDate dayZero, WorkingDays n);

    /**
     * 003 art. 6.1, 6.4 (abuse audit O403): the zone as its events say now, read once for the act: whether it is open, its closures, the
     * activities its resolution allows and its resolution's date, as {@link mn.registry.freezone.zone.Zones#find} folds them for the land
     * acts; refuses {@code freezone.zone-unknown} (404) if it was never established. No cache: each act reads it anew.
     */
    mn.registry.freezone.zone.Zones.Zone zone(ZoneId zone);

    /**
     * When the registry received the document with this SHA-256 (uploaded to {@code POST /api/documents}); empty if it did not. One read
     * answers both whether an act's document was received and the day its dated fact is judged by (ADR 0035 items 46, 63).
     */
    java.util.Optional<Instant> documentReceivedAt(String sha256);

    /**
     * 003 art. 12.5.3 (ADR 0035 item 64): the court's decision another registration of the same entity recorded on the document with this
     * SHA-256 (its claim names that registration, item 62), as that registration's events say now; empty if none did.
     */
    java.util.Optional<mn.registry.kernel.freezone.RegistrationEvents.CourtDissolutionRecorded> courtDecisionRecordedElsewhere(String sha256);

    /**
     * 003 art. 12.5.3, 26.2 (the lead, ADR 0035 item 67): the court decisions recorded on the same entity's registrations in the other
     * established zones, as their events say now (any registration period); one read of a stream per zone.
     */
    java.util.List<mn.registry.kernel.freezone.RegistrationEvents.CourtDissolutionRecorded> courtDecisionsOfTheEntityElsewhere(
            mn.registry.kernel.freezone.RegistrationId registration);

    /**
     * 003 art. 12.1 (ADR 0035 item 19): claims the registration fee receipt for this command's application of {@code registration},
     * registry-wide; refuses ({@code freezone.fee-receipt-used-elsewhere}) one another registration's application holds.
     */
    void claimFeeReceipt(String sha256, String commandId, mn.registry.kernel.freezone.RegistrationId registration, Instant at);

    /** 003 art. 6.1: the State Great Khural resolution's date, as the zone's events say now (ADR 0035 items 31, 36); null when not recorded. */
    java.time.LocalDate resolutionDate(ZoneId zone);

    /** 003 art. 6.4: the zone's temporary closures, as its events say now (ADR 0035 item 21). */
    java.util.List<mn.registry.kernel.freezone.FreeZoneTerms.Closure> closures(ZoneId zone);

    /**
     * 003 art. 12.1; 002 art. 29.1.2, 23.3 (ADR 0035 item 163, choice; abuse audit F605, was O452): how the Mongolian company under this
     * state registration number ended, if the registry holds it ended at this moment (liquidated, no complaint upheld; or ended by a
     * reorganisation), from the permit register's memory ({@code CompaniesEnded}: no added round trip); empty if it did not.
     */
    default java.util.Optional<mn.registry.permit.api.CompanyEnded> companyEnded(String stateRegistrationNumber) {
        return java.util.Optional.empty();
    }
}
