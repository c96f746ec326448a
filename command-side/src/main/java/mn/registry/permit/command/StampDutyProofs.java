package mn.registry.permit.command;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandLog;
import mn.registry.kernel.problem.RegistryProblem;
import org.springframework.stereotype.Component;

/** 002 art. 27.2: a proof of payment of the stamp duty pays for one extension request, of one permit ({@link OneActPerDocument}). */
@Component
class StampDutyProofs extends OneActPerDocument {

    static final String COLLECTION = "stamp_duty_proofs";

    StampDutyProofs(MongoDatabase database, CommandLog commandLog) {
        super(database, COLLECTION, commandLog);
    }

    @Override
    RegistryProblem usedBefore() {
        return RegistryProblem.conflict("permit.stamp-duty-proof-used",
                "This proof of payment of the stamp duty was already used for an extension request; each payment pays for one request.",
                "002 art. 27.2");
    }
}
