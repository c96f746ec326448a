package mn.registry.permit.command;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandLog;
import mn.registry.kernel.problem.RegistryProblem;
import org.springframework.stereotype.Component;

/**
 * 002 art. 26.2.3 (choice, ADR 0046 item 43, abuse audit F152, was O91): an insurance policy's document insures one permit's
 * holder, registry-wide ({@link OneActPerDocument}): another company's policy (a group's, or a rival's document obtained)
 * recorded as one's own would meet the minimum and discharge the duty to renew with insurance that covers somebody else. The
 * same permit's documents are left to {@link PermitApplication}, whose rule comes first (F143: a document recorded on the permit
 * before is refused as recorded before).
 */
@Component
class InsurancePolicies extends OneActPerDocument {

    static final String COLLECTION = "permit_insurance_policies";

    /** As the registry runs it: the claim across kinds (ADR 0057) is the registry's one, whose backfill it waits for. */
    @org.springframework.beans.factory.annotation.Autowired
    InsurancePolicies(MongoDatabase database, CommandLog commandLog, mn.registry.command.claim.OneKindPerDocument acrossKinds) {
        super(database, COLLECTION, commandLog, mn.registry.command.claim.DocumentKind.INSURANCE_POLICY, acrossKinds);
    }

    /** For tests: the claim across kinds on the same database, its backfill taken as done. */
    InsurancePolicies(MongoDatabase database, CommandLog commandLog) {
        this(database, commandLog, mn.registry.command.claim.OneKindPerDocument.backfilled(database, commandLog));
    }

    @Override
    String field() {
        return "proofSha256";
    }

    @Override
    String article() {
        return "002 art. 26.2.3";
    }

    @Override
    boolean leavesItsPermitsDocumentsToThePermit() {
        return true; // claimed by an act on this permit: the permit's rule decides (policyDocumentIsRecordedOnce)
    }

    @Override
    RegistryProblem usedBefore() {
        return new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.insurance-policy-of-another-permit", "This policy's document was "
                + "recorded as the insurance of another permit; a policy insures one holder, and each permit records its own.", "proofSha256",
                "002 art. 26.2.3");
    }
}
