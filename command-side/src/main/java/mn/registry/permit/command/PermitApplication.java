package mn.registry.permit.command;

import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.permit.PermitApplicationStatus;
import mn.registry.kernel.permit.PermitDeadlines;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A special-permit application (002 ch. 6), event-sourced. It decides from what its commands carry:
 * no clock, no random, no I/O here. For now: SUBMITTED -> REGISTERED; decisions come in later issues.
 */
@Aggregate
class PermitApplication {

    @AggregateIdentifier
    private ApplicationId applicationId;
    private PermitApplicationStatus status;

    PermitApplication() {
        // for Axon: state comes from events
    }

    // 002 art. 26.2.1: the request is registered on receipt and the applicant gets a registration receipt
    @CommandHandler
    PermitApplication(RegisterPermitApplication command) {
        this.status = PermitApplicationStatus.SUBMITTED;
        PermitIntakePolicy.checkResolved(command.company(), command.holdsOtherPermit(), command.documents());
        decisionPeriodIsSeventeenWorkingDays(command.workingDays());
        decisionIsNotDueBeforeReceipt(command);
        apply(new PermitApplicationRegistered(command.applicationId(), command.receiptNumber(), command.company(),
                command.documents(), command.receivedAt(), command.decisionDue(), command.decisionDueAt(),
                command.workingDays(), command.calendarVersion(), PermitDeadlines.DECISION_ARTICLE,
                command.signedBy(), command.commandSignatureSha256()));
    }

    // 002 art. 26.1: a decision within 17 working days from the date of receipt
    private static void decisionPeriodIsSeventeenWorkingDays(WorkingDays workingDays) {
        if (!PermitDeadlines.DECISION.equals(workingDays)) {
            throw new IllegalArgumentException("the decision period is " + PermitDeadlines.DECISION
                    + " working days (" + PermitDeadlines.DECISION_ARTICLE + "), not " + workingDays);
        }
    }

    /** A due date before the day of receipt can only come from a calendar fault: refuse rather than record it. */
    private static void decisionIsNotDueBeforeReceipt(RegisterPermitApplication command) {
        LocalDate receivedOn = UlaanbaatarTime.dateOf(command.receivedAt());
        if (!command.decisionDue().isAfter(receivedOn) || !command.decisionDueAt().isAfter(command.receivedAt())) {
            throw RegistryProblem.invalid("permit.due-before-receipt",
                    "The decision cannot be due on or before the day of receipt.", "decisionDue", PermitDeadlines.DECISION_ARTICLE);
        }
    }

    @EventSourcingHandler
    void on(PermitApplicationRegistered event) {
        this.applicationId = event.applicationId();
        this.status = PermitApplicationStatus.REGISTERED;
    }

    PermitApplicationStatus status() {
        return status;
    }
}
