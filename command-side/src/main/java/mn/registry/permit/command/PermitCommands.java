package mn.registry.permit.command;

import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.PermitDuty;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The internal Axon commands of the permit lifecycle: those of the deadline service, which have no signed, published body
 * (a signed command goes to the aggregate as its kernel body, ADR 0026). Each carries its time ({@code at}) and any due
 * date with its calendar version. Commands named "fired" fire once a deadline passed; the aggregate records each at most once.
 */
final class PermitCommands {

    private PermitCommands() {
    }

    // --- registry-wide claims ---

    /** Asks (applies nothing): does this application or permit still hold the company with this registration number (ADR 0031)? */
    record HoldsCompany(@TargetAggregateIdentifier ApplicationId applicationId, String registrationNumber) {
    }

    /**
     * Asks (applies nothing): the state registration number of the company this application is of now, its applicant or the successor a
     * transfer passed it to (ADR 0057, session 27: the company a claim of its papers names).
     */
    record ItsCompany(@TargetAggregateIdentifier ApplicationId applicationId) {
    }

    /**
     * Asks (applies nothing): is {@code person} the representative of this application's holder while the holder has acts to make (ADR 0046
     * item 42): approved and to be insured, in force, or revoked within its complaint period?
     */
    record RepresentsAHolderInForce(@TargetAggregateIdentifier ApplicationId applicationId, mn.registry.kernel.identity.PersonId person,
                                    java.time.Instant at) {
    }

    // --- start-up backfills ---

    /**
     * Raises again, at {@code at}, the duties a revocation stopped on a permit reinstated on complaint before ADR 0046 item 58 raised them
     * on the decision (ADR 0046 item 61, {@link ReinstatedDutiesBackfill}); raises nothing on a permit that owes none.
     */
    record RunReinstatedDutiesAgain(@TargetAggregateIdentifier ApplicationId applicationId, Instant at) {
    }

    // --- deadline service ---

    record RecomputeDecisionDue(@TargetAggregateIdentifier ApplicationId applicationId, LocalDate decisionDue, Instant decisionDueAt,
                                CalendarVersion calendarVersion) {
    }

    record RecomputeDutyDue(@TargetAggregateIdentifier ApplicationId applicationId, PermitDuty duty, String deadlineId, LocalDate startedOn,
                            WorkingDays workingDays, LocalDate due, CalendarVersion calendarVersion) {
    }

    /** Fired: the decision due date passed. */
    record EscalateOverdueDecision(@TargetAggregateIdentifier ApplicationId applicationId, LocalDate decisionDue, Instant at) {
    }

    /**
     * Fired: a duty's due date passed; {@code deadlineId} names the deadline that fired (ADR 0046 item 127; F487). A last day the calendar in
     * force moved at the firing is no longer scheduled under it (the fired mark follows the command) but under the moved day's own deadline
     * (item 134; F480), so the aggregate no longer reads it; kept for the tests and commands that name it.
     */
    record FlagOverdueDuty(@TargetAggregateIdentifier ApplicationId applicationId, PermitDuty duty, LocalDate due, Instant at, String deadlineId) {
    }

    /** Fired: the extension request due date (three months before expiry) passed. */
    record ExtensionRequestDueDatePassed(@TargetAggregateIdentifier ApplicationId applicationId, LocalDate requestDue, Instant at) {
    }

    /** Fired: the permit's term ended. */
    record Expire(@TargetAggregateIdentifier ApplicationId applicationId, LocalDate validUntil, Instant at) {
    }

    /** Fired: a suspension reached its end; {@code decision} is the supervisor's deadline to restore or revoke (ADR 0013 §4). */
    record SuspensionRanOut(@TargetAggregateIdentifier ApplicationId applicationId, LocalDate until, Instant at, Deadline decision) {
    }
}
