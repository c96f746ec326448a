package mn.registry.permit.command;

import mn.registry.identity.api.ErasureCheck;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * 002 art. 26.2.3, 27.2, 29.6, 22.1.2 (choice, ADR 0046 item 42, abuse audit F151): a holder acts only through the representative who
 * applied (the registry knows no other), and an erased person signs nothing again and is never enrolled again under their id. A
 * supervisor who erased the data of the representative of a holder in force (on a ground of their own words: "asked by telephone") would
 * lock the holder out for good: of its complaint against a revocation, its extension request, its reports and its insurance. Such a
 * person is not erased while the holder has acts to make; the applications the person applied for ({@link PermitRepresentatives}, one
 * {@code _id} lookup; ADR 0046 item 46) are each asked ({@link PermitCommands.RepresentsAHolderInForce}). Until item 46 the companies'
 * claims (ADR 0031) were scanned, every one on every erasure, and they missed a revoked permit whose company had applied again (its claim
 * passed to the new application) while the complaint period ran (abuse audit F182).
 */
@Component
class HolderActsNeedTheirRepresentative implements ErasureCheck {

    private final PermitRepresentatives representatives;
    private final CommandGateway commands;

    HolderActsNeedTheirRepresentative(PermitRepresentatives representatives, CommandGateway commands) {
        this.representatives = representatives;
        this.commands = commands;
    }

    @Override
    public void mayBeErased(PersonId person, Instant at) {
        for (ApplicationId application : representatives.of(person)) {
            Boolean represents;
            try {
                represents = commands.sendAndWait(new PermitCommands.RepresentsAHolderInForce(application, person, at));
            } catch (org.axonframework.modelling.command.AggregateNotFoundException stale) {
                continue; // added for a command lost in a stop before its events: no application
            }
            if (Boolean.TRUE.equals(represents)) {
                throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "privacy.holders-representative", person + " represents the holder of "
                        + "application " + application.value() + ", which acts only through them (its insurance, reports, extension and complaint): their "
                        + "personal data is not erased while the holder has acts to make.", "personId", "002 art. 27.2, 29.6 (domain-rules §5)");
            }
        }
    }
}
