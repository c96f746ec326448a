package mn.registry.permit.command;

import mn.registry.kernel.permit.MinimumInsuranceSet;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** The ministry's parameters for special permits, one stream ({@value #STREAM}): the minimum insurance of 002 art. 26.5. */
@Aggregate
class MinistryParameters {

    static final String STREAM = "ministry-parameters";
    /** 002 art. 26.5 (choice, ADR 0046 item 29, abuse audit F126): the days' notice before a lowered minimum is in force. */
    static final java.time.Duration LOWERING_NOTICE = java.time.Duration.ofDays(30);

    record SetMinimum(@TargetAggregateIdentifier String stream, MinimumInsuranceSet parameter) {
    }

    @AggregateIdentifier
    private String stream;
    private MinimumInsuranceSet current;

    MinistryParameters() {
    }

    // 002 art. 26.5: the ministry determines the minimum amount of insurance
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetMinimum command) {
        if (!command.parameter().amount().moreThanZero()) {
            throw RegistryProblem.invalid("permit.minimum-insurance-not-positive", "The minimum insurance is a positive amount.", "amount", "002 art. 26.5");
        }
        if (current != null && current.amount().sameAs(command.parameter().amount())) {
            throw RegistryProblem.conflict("permit.minimum-insurance-unchanged", "The minimum insurance is already " + current.amount().amount().toPlainString()
                    + " " + current.amount().currency() + ".", "002 art. 26.5");
        }
        stream = command.stream();
        org.axonframework.modelling.command.AggregateLifecycle.apply(command.parameter());
    }

    // 002 art. 26.5 (choice, ADR 0046 item 29, abuse audit F126): a rise is in force at once; a lowering below the lowest minimum in
    // force in the last LOWERING_NOTICE only LOWERING_NOTICE after its receipt, published meanwhile. Else one supervisor could lower the
    // minimum for the day a favoured applicant's insurance is recorded and its permit issued, and raise it again the next, every
    // other applicant held to the higher amount. Taking back a rise (to a minimum in force within that time) is at once: a rise used to
    // block a rival's issue for a day is not made to last a month
    static java.time.Instant inForceFrom(mn.registry.kernel.money.Money amount, java.util.List<MinimumInsuranceSet> settings, java.time.Instant receivedAt) {
        mn.registry.kernel.money.Money floor = MinimumInsuranceSet.lowestInForceBetween(settings, receivedAt.minus(LOWERING_NOTICE), receivedAt);
        return floor != null && !amount.isAtLeast(floor) ? receivedAt.plus(LOWERING_NOTICE) : receivedAt;
    }

    @EventSourcingHandler
    void on(MinimumInsuranceSet event) {
        this.stream = STREAM;
        this.current = event;
    }
}
