package mn.registry.permit.command;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandLog;
import mn.registry.kernel.problem.RegistryProblem;
import org.springframework.stereotype.Component;

/**
 * 002 art. 20.3.3 (choice, ADR 0046 item 45, abuse audit F181, was O94): the document that shows a change to a permit's information is
 * cited by one report of a change, registry-wide ({@link OneActPerDocument}): the day the holder names is compared with its document on
 * the reviewer's desk, and an extract cited again for a later change (or another permit's) would show nothing of that change.
 */
@Component
class ChangeReportDocuments extends OneActPerDocument {

    static final String COLLECTION = "permit_change_documents";

    ChangeReportDocuments(MongoDatabase database, CommandLog commandLog) {
        super(database, COLLECTION, commandLog);
    }

    @Override
    RegistryProblem usedBefore() {
        return new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.change-document-used", "This document was cited by a report of a "
                + "change already (of this permit or another); each report cites the document that shows its own change.", "documentSha256",
                "002 art. 20.3.3");
    }
}
