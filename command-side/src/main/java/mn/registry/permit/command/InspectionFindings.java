package mn.registry.permit.command;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandLog;
import mn.registry.kernel.problem.RegistryProblem;
import org.springframework.stereotype.Component;

/**
 * 002 art. 31.1.7 (choice, ADR 0046 item 26, abuse audit F118): the findings of an inspection are the record of one inspection of one
 * permit; last year's findings, or another permit's, named again would discharge the year's inspection with no inspection made
 * ({@link OneActPerDocument}).
 */
@Component
class InspectionFindings extends OneActPerDocument {

    static final String COLLECTION = "permit_inspection_findings";

    /** As the registry runs it: the claim across kinds (ADR 0057) is the registry's one, whose backfill it waits for. */
    @org.springframework.beans.factory.annotation.Autowired
    InspectionFindings(MongoDatabase database, CommandLog commandLog, mn.registry.command.claim.OneKindPerDocument acrossKinds) {
        super(database, COLLECTION, commandLog, mn.registry.command.claim.DocumentKind.INSPECTION_FINDINGS, acrossKinds);
    }

    /** For tests: the claim across kinds on the same database, its backfill taken as done. */
    InspectionFindings(MongoDatabase database, CommandLog commandLog) {
        this(database, commandLog, mn.registry.command.claim.OneKindPerDocument.backfilled(database, commandLog));
    }

    @Override
    String field() {
        return "findingsSha256";
    }

    @Override
    String article() {
        return "002 art. 31.1.7";
    }

    @Override
    RegistryProblem usedBefore() {
        return new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.inspection-findings-used", "These findings are the record of an "
                + "inspection recorded already (of this permit or another); each inspection is recorded with its own findings.", "findingsSha256",
                "002 art. 31.1.7");
    }
}
