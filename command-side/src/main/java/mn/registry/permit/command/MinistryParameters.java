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

    @EventSourcingHandler
    void on(MinimumInsuranceSet event) {
        this.stream = STREAM;
        this.current = event;
    }
}
