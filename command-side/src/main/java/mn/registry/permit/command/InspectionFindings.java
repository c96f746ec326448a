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

    InspectionFindings(MongoDatabase database, CommandLog commandLog) {
        super(database, COLLECTION, commandLog);
    }

    @Override
    RegistryProblem usedBefore() {
        return new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.inspection-findings-used", "These findings are the record of an "
                + "inspection recorded already (of this permit or another); each inspection is recorded with its own findings.", "findingsSha256",
                "002 art. 31.1.7");
    }
}
