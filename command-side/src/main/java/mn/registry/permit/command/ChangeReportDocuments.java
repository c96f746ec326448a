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

    /** As the registry runs it: the claim across kinds (ADR 0057) is the registry's one, whose backfill it waits for. */
    @org.springframework.beans.factory.annotation.Autowired
    ChangeReportDocuments(MongoDatabase database, CommandLog commandLog, mn.registry.command.claim.OneKindPerDocument acrossKinds) {
        super(database, COLLECTION, commandLog, mn.registry.command.claim.DocumentKind.CHANGE_REPORT, acrossKinds);
    }

    /** For tests: the claim across kinds on the same database, its backfill taken as done. */
    ChangeReportDocuments(MongoDatabase database, CommandLog commandLog) {
        this(database, commandLog, mn.registry.command.claim.OneKindPerDocument.backfilled(database, commandLog));
    }

    @Override
    String field() {
        return "documentSha256";
    }

    @Override
    String article() {
        return "002 art. 20.3.3";
    }

    @Override
    RegistryProblem usedBefore() {
        return new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.change-document-used", "This document was cited by a report of a "
                + "change already (of this permit or another); each report cites the document that shows its own change.", "documentSha256",
                "002 art. 20.3.3");
    }
}
