package mn.registry.freezone.entity;

import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.RegistrationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The commands on a registration's stream that nobody signs: the registry's own (the deadline service raising a ground,
 * escalating a review, moving its due date). The signed ones reach {@link ZoneRegistration} as their kernel bodies (ADR 0026).
 */
final class RegistrationStreamCommands {

    private RegistrationStreamCommands() {
    }

    static String stream(RegistrationId id) {
        return id.stream();
    }

    /** The registry itself asks: is a ground of 12.5.1/12.5.2 due as of {@code today}? */
    record RaiseGroundIfDue(@TargetAggregateIdentifier String stream, RegistrationId registrationId, DeregistrationGround ground,
                            LocalDate today, Instant at) {
    }

    /** The deadline service: the review period ran out (003 art. 12.2). */
    record EscalateOverdueReview(@TargetAggregateIdentifier String stream, RegistrationId registrationId, LocalDate due, Instant firedAt) {
    }

    /** The deadline service: a calendar change moved the review due date. */
    record RecomputeReviewDue(@TargetAggregateIdentifier String stream, RegistrationId registrationId, LocalDate due, Instant dueAt,
                              CalendarVersion calendarVersion) {
    }

    /**
     * The registry, on a court's dissolution recorded on the entity's registration in {@code recordedIn} (ADR 0035 item 85; F417): this
     * registration's governor is to record it here too, from {@code raisedAt}.
     */
    record RaiseCourtDecisionDuty(@TargetAggregateIdentifier String stream, RegistrationId registrationId, mn.registry.kernel.freezone.ZoneId recordedIn,
                                  String reference, LocalDate decidedOn, Instant raisedAt) {
    }

    /**
     * The deadline service: a calendar change moved the last day of the duty to record a court decision recorded elsewhere, counted from the
     * day it was raised (ADR 0035 item 89; O259).
     */
    record RecomputeCourtDecisionDue(@TargetAggregateIdentifier String stream, RegistrationId registrationId, LocalDate raisedOn, LocalDate due,
                                     CalendarVersion calendarVersion) {
    }

    /** The deadline service: the business days to record a court decision recorded elsewhere ran out (ADR 0035 item 85). */
    record EscalateCourtDecisionDuty(@TargetAggregateIdentifier String stream, RegistrationId registrationId, Instant firedAt) {
    }
}
