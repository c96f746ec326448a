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
}
