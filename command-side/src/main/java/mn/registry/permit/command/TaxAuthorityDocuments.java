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

    TaxAuthorityDocuments(MongoDatabase database, CommandLog commandLog) {
        super(database, COLLECTION, commandLog);
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
