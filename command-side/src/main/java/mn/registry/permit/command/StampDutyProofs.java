package mn.registry.permit.command;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandLog;
import mn.registry.kernel.problem.RegistryProblem;
import org.springframework.stereotype.Component;

/** 002 art. 27.2: a proof of payment of the stamp duty pays for one extension request, of one permit ({@link OneActPerDocument}). */
@Component
class StampDutyProofs extends OneActPerDocument {

    static final String COLLECTION = "stamp_duty_proofs";

    /** As the registry runs it: the claim across kinds (ADR 0057) is the registry's one, whose backfill it waits for. */
    @org.springframework.beans.factory.annotation.Autowired
    StampDutyProofs(MongoDatabase database, CommandLog commandLog, mn.registry.command.claim.OneKindPerDocument acrossKinds) {
        super(database, COLLECTION, commandLog, mn.registry.command.claim.DocumentKind.STAMP_DUTY_PROOF, acrossKinds);
    }

    /** For tests: the claim across kinds on the same database, its backfill taken as done. */
    StampDutyProofs(MongoDatabase database, CommandLog commandLog) {
        this(database, commandLog, mn.registry.command.claim.OneKindPerDocument.backfilled(database, commandLog));
    }

    @Override
    String field() {
        return "stampDutyProofSha256";
    }

    @Override
    String article() {
        return "002 art. 27.2";
    }

    @Override
    RegistryProblem usedBefore() {
        return RegistryProblem.conflict("permit.stamp-duty-proof-used",
                "This proof of payment of the stamp duty was already used for an extension request; each payment pays for one request.",
                "002 art. 27.2");
    }
}
