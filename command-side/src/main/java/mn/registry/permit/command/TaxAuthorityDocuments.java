package mn.registry.permit.command;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandLog;
import mn.registry.kernel.problem.RegistryProblem;
import org.springframework.stereotype.Component;

/**
 * 002 art. 28.1, 28.4 (choice, ADR 0046 item 37, abuse audit F144): a document of the tax authority (its request to suspend, its record
 * that the evasions are settled) is the record of one act on one permit, registry-wide ({@link OneActPerDocument}): one company's
 * evasions named against another company's permit would suspend a permit on a request that is not about it. The same permit's
 * documents are left to {@link PermitApplication}, whose own rules come first (a request still pending is refused as pending).
 */
@Component
class TaxAuthorityDocuments extends OneActPerDocument {

    static final String COLLECTION = "permit_tax_authority_documents";

    /** As the registry runs it: the claim across kinds (ADR 0057) is the registry's one, whose backfill it waits for. */
    @org.springframework.beans.factory.annotation.Autowired
    TaxAuthorityDocuments(MongoDatabase database, CommandLog commandLog, mn.registry.command.claim.OneKindPerDocument acrossKinds) {
        super(database, COLLECTION, commandLog, mn.registry.command.claim.DocumentKind.TAX_AUTHORITY_DOCUMENT, acrossKinds);
    }

    /** For tests: the claim across kinds on the same database, its backfill taken as done. */
    TaxAuthorityDocuments(MongoDatabase database, CommandLog commandLog) {
        this(database, commandLog, mn.registry.command.claim.OneKindPerDocument.backfilled(database, commandLog));
    }

    @Override
    String field() {
        return "evidenceSha256";
    }

    @Override
    String article() {
        return "002 art. 28.1, 28.4";
    }

    @Override
    boolean leavesItsPermitsDocumentsToThePermit() {
        return true; // claimed by an act on this permit: the permit's own rule decides (taxAuthorityDocumentRecordsOneAct)
    }

    @Override
    RegistryProblem usedBefore() {
        return new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.tax-document-used", "This document of the tax authority is the record "
                + "of a request or settlement on another permit; each act of the tax authority comes with its own document.", "evidenceSha256",
                "002 art. 28.1, 28.4");
    }
}
