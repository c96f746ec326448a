package mn.registry.freezone.entity;

import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.identity.PersonId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * Internal Axon commands on a registration's stream: the signed body with the time, signer and due dates computed outside
 * the aggregate; {@code receivedOn} is the registry's local date of receipt (Asia/Ulaanbaatar), against which dates are judged.
 */
final class RegistrationStreamCommands {

    private RegistrationStreamCommands() {
    }

    static String stream(RegistrationId id) {
        return id.stream();
    }

    /** @param allowedActivities the types of activity the zone's establishing resolution allows (003 art. 6.1), read at receipt */
    record Apply(@TargetAggregateIdentifier String stream, RegistrationId registrationId, RegistrationCommands.ApplyForZoneRegistration body,
                 Instant receivedAt, LocalDate reviewDue, Instant reviewDueAt, WorkingDays workingDays, CalendarVersion calendarVersion,
                 Set<Activity> allowedActivities, PersonId by) {
    }

    /** @param allowedActivities the types of activity the zone's establishing resolution allows (003 art. 6.1), read at receipt */
    record Register(@TargetAggregateIdentifier String stream, RegistrationId registrationId, LocalDate issuedOn, Set<Activity> allowedActivities,
                    Instant at, PersonId by) {
    }

    record Reject(@TargetAggregateIdentifier String stream, RegistrationCommands.RejectZoneRegistration body, Instant at, PersonId by) {
    }

    record RecordAgreement(@TargetAggregateIdentifier String stream, RegistrationCommands.RecordInvestmentAgreement body, LocalDate receivedOn, PersonId by) {
    }

    record RecordStart(@TargetAggregateIdentifier String stream, RegistrationCommands.RecordOperationsStarted body, LocalDate receivedOn, PersonId by) {
    }

    record RecordInterruption(@TargetAggregateIdentifier String stream, RegistrationCommands.RecordOperationsInterrupted body, LocalDate receivedOn, PersonId by) {
    }

    record RecordResumption(@TargetAggregateIdentifier String stream, RegistrationCommands.RecordOperationsResumed body, LocalDate receivedOn, PersonId by) {
    }

    record RecordCourt(@TargetAggregateIdentifier String stream, RegistrationCommands.RecordCourtDecision body, Instant at, PersonId by) {
    }

    /** The registry itself asks: is a ground of 12.5.1/12.5.2 due as of {@code today}? */
    record RaiseGroundIfDue(@TargetAggregateIdentifier String stream, RegistrationId registrationId, DeregistrationGround ground,
                            LocalDate today, Instant at) {
    }

    record Deregister(@TargetAggregateIdentifier String stream, RegistrationCommands.DeregisterEntity body, LocalDate on, Instant at, PersonId by) {
    }

    /** The deadline service: the review period ran out (003 art. 12.2). */
    record EscalateOverdueReview(@TargetAggregateIdentifier String stream, RegistrationId registrationId, LocalDate due, Instant firedAt) {
    }

    /** The deadline service: a calendar change moved the review due date. */
    record RecomputeReviewDue(@TargetAggregateIdentifier String stream, RegistrationId registrationId, LocalDate due, Instant dueAt,
                              CalendarVersion calendarVersion) {
    }
}
