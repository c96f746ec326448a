package mn.registry.kernel.freezone;

import com.fasterxml.jackson.annotation.JsonInclude;
import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Events of one entity's registration in one zone (003 art. 12). Due dates are facts in them. */
public final class RegistrationEvents {

    private RegistrationEvents() {
    }

    /** 003 art. 12.1-12.2: received with its documents; review due within 5 business days (day of receipt = day 0). */
    public record ZoneRegistrationApplied(RegistrationId registrationId, ZoneId zoneId, LegalEntity entity, Activity activity,
                                          List<SubmittedZoneDocument> documents, Instant receivedAt, LocalDate reviewDue,
                                          Instant reviewDueAt, WorkingDays workingDays, CalendarVersion calendarVersion,
                                          String article, PersonId signedBy) {
    }

    /**
     * @param lateAfter 003 art. 12.2 (ADR 0035 item 170, choice; abuse audit F614, was O486): the last of the 5 business days when the
     *                  decision was received after it (the decision stands, recorded and shown late); null when in time, and in events
     *                  stored before it, which are written back without it (the same bytes)
     */
    public record EntityRegistered(RegistrationId registrationId, ZoneCertificate certificate, Instant registeredAt, PersonId registeredBy,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate lateAfter) {
        /** A registration in time, or one stored before ADR 0035 item 170. */
        public EntityRegistered(RegistrationId registrationId, ZoneCertificate certificate, Instant registeredAt, PersonId registeredBy) {
            this(registrationId, certificate, registeredAt, registeredBy, null);
        }
    }

    /** @param lateAfter as {@link EntityRegistered#lateAfter()} (ADR 0035 item 170; F614) */
    public record ZoneRegistrationRejected(RegistrationId registrationId, List<String> reasons, Instant rejectedAt, PersonId rejectedBy,
                                           @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate lateAfter) {
        /** A rejection in time, or one stored before ADR 0035 item 170. */
        public ZoneRegistrationRejected(RegistrationId registrationId, List<String> reasons, Instant rejectedAt, PersonId rejectedBy) {
            this(registrationId, reasons, rejectedAt, rejectedBy, null);
        }
    }

    /**
     * @param startDueBy     the last day to start operations (003 art. 12.5.1), from the later of agreement and certificate
     * @param documentSha256 the SHA-256 of the signed agreement in the document store (ADR 0035 item 7); null in events stored before it,
     *                       which are written back without it (the same bytes, MoneyTest)
     */
    public record InvestmentAgreementRecorded(RegistrationId registrationId, LocalDate signedOn, LocalDate endsOn, Money investment,
                                              boolean foreignInvested, LocalDate startDueBy, PersonId recordedBy,
                                              @JsonInclude(JsonInclude.Include.NON_NULL) String documentSha256) {
    }

    /**
     * @param on             the day operations started as the act names it; the land fee's years of operation count from it (003 art. 23.1-23.2)
     * @param documentSha256 the SHA-256 of the document the start rests on (ADR 0035 item 23); null in events stored before it, which are
     *                       written back without it (the same bytes, MoneyTest)
     */
    public record OperationsStarted(RegistrationId registrationId, LocalDate on, PersonId recordedBy,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) String documentSha256) {
    }

    /**
     * @param resumeDueBy    the last day of the 12 consecutive months (003 art. 12.5.2)
     * @param documentSha256 the SHA-256 of the document the interruption rests on (ADR 0035 item 46); null in events stored before it,
     *                       which stay valid and are written back without it (the same bytes)
     */
    public record OperationsInterrupted(RegistrationId registrationId, LocalDate on, LocalDate resumeDueBy, PersonId recordedBy,
                                        @JsonInclude(JsonInclude.Include.NON_NULL) String documentSha256) {
    }

    /**
     * @param documentSha256 the SHA-256 of the document the resumption rests on (ADR 0035 item 56); null in events stored before it, which
     *                       stay valid and are written back without it (the same bytes)
     */
    public record OperationsResumed(RegistrationId registrationId, LocalDate on, PersonId recordedBy,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) String documentSha256) {
        /** A resumption stored before ADR 0035 item 56, on the governor's word. */
        public OperationsResumed(RegistrationId registrationId, LocalDate on, PersonId recordedBy) {
            this(registrationId, on, recordedBy, null);
        }
    }

    /**
     * @param documentSha256 the SHA-256 of the court's decision in the document store (ADR 0035 item 7); null in events stored before it,
     *                       which are written back without it (the same bytes, MoneyTest)
     */
    public record CourtDissolutionRecorded(RegistrationId registrationId, String reference, LocalDate decidedOn, boolean bankruptcy, PersonId recordedBy,
                                           @JsonInclude(JsonInclude.Include.NON_NULL) String documentSha256) {
    }

    /**
     * 003 art. 12.5.3, 22.6, 22.7 (the lead's reading, ADR 0035 item 85; abuse audit F417, was O238): a court's dissolution of the entity was
     * recorded on its registration in the zone {@code recordedIn}; this zone's governor is to record the same decision on this registration by
     * {@code dueOn} (5 business days from {@code raisedAt}, the zone's own registration period: choice), which ends the duty. Raised by the
     * registry, not signed. (ADR 0035 item 89; O259) {@code calendarVersion} is the calendar the last day was counted on, so that a calendar
     * change moves it ({@link CourtDecisionToRecordDueRecomputed}); null in a duty stored before item 89, whose last day does not move.
     */
    public record CourtDecisionToRecord(RegistrationId registrationId, ZoneId recordedIn, String reference, LocalDate decidedOn, LocalDate dueOn,
                                        @JsonInclude(JsonInclude.Include.NON_NULL) CalendarVersion calendarVersion, Instant raisedAt, String article) {
    }

    /**
     * 003 art. 12.5.3; domain-rules §2 (ADR 0035 item 89; abuse audit O259): a calendar change moved the last day of the open duty of
     * {@link CourtDecisionToRecord}, counted again from the day it was raised ({@code raisedOn}) on the calendar {@code calendarVersion}, as the
     * review's due date moves ({@link ZoneRegistrationReviewDueRecomputed}). The registry's act, not signed.
     */
    public record CourtDecisionToRecordDueRecomputed(RegistrationId registrationId, LocalDate raisedOn, LocalDate dueOn, CalendarVersion calendarVersion,
                                                     String article) {
    }

    /**
     * 003 art. 12.5.3 (ADR 0035 items 68, 88; abuse audit F418, was O256): the zone's governor ended the duty of {@link CourtDecisionToRecord}
     * without recording the decision of {@code decidedOn} here, with their published {@code reasons} and the document they rest on.
     */
    public record CourtDecisionRecordingDeclined(RegistrationId registrationId, LocalDate decidedOn, String reasons, String documentSha256,
                                                 PersonId declinedBy, Instant declinedAt, String article) {
    }

    /** 003 art. 12.5.3 (ADR 0035 item 85; F417): the duty's business days ran out with the decision not recorded here; escalated once. */
    public record CourtDecisionToRecordOverdue(RegistrationId registrationId, LocalDate dueOn, Instant escalatedAt, String article) {
    }

    /** A ground of 003 art. 12.5 is due: raised by the registry itself (12.5.1, 12.5.2; raisedBy null) or by recording a court decision. */
    /**
     * 003 art. 6.4, 12.5.1, 12.5.2 (choice, ADR 0035 item 21): the last day of the year to start, or of the 12 months of interruption,
     * moved by the {@code closedDays} the zone was temporarily closed within it; the registry's act when the deadline fell due.
     */
    public record GroundDueMovedByClosure(RegistrationId registrationId, DeregistrationGround ground, LocalDate dueBy, long closedDays,
                                          String article, Instant movedAt) {
    }

    public record DeregistrationGroundRaised(RegistrationId registrationId, DeregistrationGround ground, String article, LocalDate since,
                                            Instant raisedAt, PersonId raisedBy) {
    }

    /**
     * @param revokesLandRights 003 art. 22.6: true on 12.5.1 and 12.5.2
     * @param taxClawbackDue    003 art. 26.2: stopped before its agreement ends, not by bankruptcy
     */
    public record EntityDeregistered(RegistrationId registrationId, ZoneId zoneId, DeregistrationGround ground, String article, String reasons,
                                     Instant deregisteredAt, boolean revokesLandRights, boolean taxClawbackDue, PersonId deregisteredBy) {
    }

    /** 003 art. 12.2: the 5 business days ran out with no decision; escalated once to the governor (no silent registration). */
    public record ZoneRegistrationReviewOverdue(RegistrationId registrationId, LocalDate reviewDue, Instant escalatedAt, String article) {
    }

    /** 003 art. 12.2: a calendar change moved the review due date (same day 0, same 5 business days). */
    public record ZoneRegistrationReviewDueRecomputed(RegistrationId registrationId, LocalDate receivedOn, LocalDate reviewDue, Instant reviewDueAt,
                                                      CalendarVersion calendarVersion, String article) {
    }
}
