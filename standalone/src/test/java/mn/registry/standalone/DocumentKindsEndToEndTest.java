package mn.registry.standalone;

import mn.registry.kernel.identity.EnrolSigner;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.IssuePermit;
import mn.registry.kernel.permit.RecordPermitInsurance;
import mn.registry.kernel.permit.ReportPermitChange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static mn.registry.standalone.RunningRegistry.ok;

/**
 * ADR 0057 (abuse audit F185-F189, was O111 and O110) on a running registry over HTTP: a document is claimed registry-wide by the kind of
 * act that cited it first; an act of another kind citing it is refused as problem+json with its code, field and article, nothing stored
 * (no event, no command-log entry: {@link RunningRegistry#refused}).
 */
class DocumentKindsEndToEndTest {

    @RegisterExtension
    static final PermitRegistry registry = new PermitRegistry();

    /** A permit of the demo applicant, issued today, insured on {@code policy}. */
    private static ApplicationId activePermit(String name, String number, String policy) {
        return registry.issuedPermit(name, number, policy, registry.document("the contract of " + number + ", session 18 documents"));
    }

    /** Eighteen Documents LLC's state registration number: a representative's enrolment names its company (ADR 0061 item 53, F520). */
    private static final String EIGHTEEN_DOCUMENTS = "6313018";

    private static EnrolSigner enrolment(String person, String document) {
        return enrolment(person, EIGHTEEN_DOCUMENTS, document);
    }

    private static EnrolSigner enrolment(String person, String company, String document) {
        return PermitRegistry.enrolment(registry.newPerson(person, "Signer " + person, "Eighteen Documents LLC", Duration.ofDays(365)), Role.APPLICANT,
                company, document);
    }

    @Test
    @DisplayName("ADR 0057 (F185, was O111): a holder's report of a change on its insurance policy's document is refused, 409 naming the "
            + "kind that holds it, nothing stored; on a document of its own it is recorded")
    void a_change_report_on_the_policys_document_is_refused() {
        String policy = registry.document("the insurance policy of 6118101, session 18 documents");
        ApplicationId id = activePermit("Tes Tamga Eighteen LLC", "6118101", policy);
        registry.refused(registry.send("applicant-1", "ReportPermitChange", new ReportPermitChange(id, registry.today(), "New registered address", policy)),
                409, "document.claimed-by-another-act.insurance-policy", "documentSha256", "002 art. 20.3.3");
        ok(registry.send("applicant-1", "ReportPermitChange", new ReportPermitChange(id, registry.today(), "New registered address",
                registry.document("state register extract of 6118101: new registered address, session 18"))));
    }

    @Test
    @DisplayName("ADR 0057 (F187, F188, was O110): a supervisor enrolling a signer on a permit's document (another company's insurance policy) is "
            + "refused, nothing stored, and a holder's insurance on the document of an enrolment too; two enrolments share one order")
    void an_identity_act_on_a_permits_document_is_refused_and_the_reverse() {
        String policy = registry.document("the insurance policy of 6118102, session 18 documents");
        ApplicationId id = activePermit("Tes Tamga Eighteen Two LLC", "6118102", policy);
        registry.refused(registry.send("supervisor-1", "EnrolSigner", enrolment("applicant-18a", policy)), 409,
                "document.claimed-by-another-act.insurance-policy", "documentSha256", "001 art. 23.1.1");

        String order = registry.document("power of representation of applicant-18b and applicant-18c for Eighteen Documents LLC, session 18");
        EnrolSigner first = enrolment("applicant-18b", order); // its first citation states both persons (ADR 0061 item 45, F504)
        ok(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(first.personId(), first.certificatePem(), first.role(), order, first.company(),
                java.util.List.of(new mn.registry.kernel.identity.PersonId("applicant-18c")))));
        ok(registry.send("supervisor-1", "EnrolSigner", enrolment("applicant-18c", order)));
        registry.refused(registry.send("applicant-1", "RecordPermitInsurance", new RecordPermitInsurance(id, "Mongol Daatgal", "POL-6118102-2",
                Money.mnt(200_000_000), registry.today().plusYears(2), order)), 409, "document.claimed-by-another-act.identity-order", "proofSha256",
                "002 art. 26.2.3");
    }

    @Test
    @DisplayName("ADR 0057 item 2: the company's decision naming its new director is the new representative's power and the document "
            + "of the change the holder reports: both acts are recorded on it")
    void the_enrolment_and_the_change_report_share_the_companys_decision() {
        ApplicationId id = activePermit("Tes Tamga Eighteen Three LLC", "6118103", registry.document("the insurance policy of 6118103, session 18"));
        String decision = registry.document("decision of the board of 6118103 naming its new director applicant-18d, session 18");
        ok(registry.send("supervisor-1", "EnrolSigner", enrolment("applicant-18d", "6118103", decision))); // the holder's own representative
        ok(registry.send("applicant-1", "ReportPermitChange", new ReportPermitChange(id, registry.today(), "New director", decision)));
    }

    @Test
    @DisplayName("ADR 0057, ADR 0035 item 28: a land-fee exemption's Government decision is a kind of its own across contexts: an exemption "
            + "on an enrolment's order is refused, and an enrolment on an exemption's decision, nothing stored")
    void an_exemptions_decision_and_an_identity_order_are_not_each_others() {
        String order = registry.document("power of representation of applicant-18e for Eighteen Documents LLC, session 18");
        ok(registry.send("supervisor-1", "EnrolSigner", enrolment("applicant-18e", order)));
        registry.refused(registry.send("cabinet-1", "GrantLandFeeExemption", exemption(order)), 409,
                "document.claimed-by-another-act.identity-order", "decisionSha256", "003 art. 23.4, 6.4");

        String decision = registry.document("Government resolution 2027/140 on land-fee exemptions, session 18 documents");
        ok(registry.send("cabinet-1", "GrantLandFeeExemption", exemption(decision)));
        registry.refused(registry.send("supervisor-1", "EnrolSigner", enrolment("applicant-18f", decision)), 409,
                "document.claimed-by-another-act.land-fee-exemption-decision", "documentSha256", "001 art. 23.1.1");
    }

    @Test
    @DisplayName("ADR 0057 (O116, round 2): the issue's contract claims its document: a change report on a permit's contract is refused, "
            + "nothing stored, and a contract that is an enrolment's order too; the policy and contract recorded with the insurance are the "
            + "issue's contract lawfully (002 art. 26.2.3, 26.7)")
    void the_issues_contract_claims_its_document_and_shares_the_insurances() {
        String order = registry.document("power of representation of applicant-18g for Eighteen Documents Two LLC, session 18 round 2");
        ok(registry.send("supervisor-1", "EnrolSigner", enrolment("applicant-18g", order)));
        String policy = registry.document("the insurance policy and contract of 6118104, session 18 round 2");
        ApplicationId id = registry.insuredPermit("Tes Tamga Eighteen Four LLC", "6118104", policy);
        registry.refused(registry.send("supervisor-1", "IssuePermit", PermitRegistry.issue(id, order)), 409,
                "document.claimed-by-another-act.identity-order", "contractSha256", "002 art. 26.7");
        ok(registry.send("supervisor-1", "IssuePermit", PermitRegistry.issue(id, policy)));

        ApplicationId other = activePermit("Tes Tamga Eighteen Five LLC", "6118105", registry.document("the insurance policy of 6118105, session 18 round 2"));
        registry.refused(registry.send("applicant-1", "ReportPermitChange", new ReportPermitChange(other, registry.today(), "New registered address",
                policy)), 409, "document.claimed-by-another-act.insurance-policy", "documentSha256", "002 art. 20.3.3");
        String contract = registry.document("the contract of 6118106, session 18 round 2");
        ApplicationId third = registry.insuredPermit("Tes Tamga Eighteen Six LLC", "6118106", registry.document("the insurance policy of 6118106, session 18 round 2"));
        ok(registry.send("supervisor-1", "IssuePermit", PermitRegistry.issue(third, contract)));
        registry.refused(registry.send("applicant-1", "ReportPermitChange", new ReportPermitChange(third, registry.today(), "New registered address",
                contract)), 409, "document.claimed-by-another-act.permit-contract", "documentSha256", "002 art. 20.3.3");
    }

    @Test
    @DisplayName("ADR 0057 (O116, round 2): a permit transferred on a reorganisation 'shown' by the holder's insurance policy is refused, "
            + "nothing stored and the successor's company claim released: the transfer on the merger's own document is recorded")
    void a_transfer_on_the_policys_document_is_refused() {
        String policy = registry.document("the insurance policy of 6118107, session 18 round 2");
        ApplicationId id = activePermit("Tes Tamga Eighteen Seven LLC", "6118107", policy);
        mn.registry.kernel.permit.Company successor = new mn.registry.kernel.permit.Company("Tes Tamga Eighteen Eight Holding LLC", "6118108",
                true, "Erdenet, Orkhon");
        mn.registry.kernel.identity.PersonId successorsRepresentative = registry.successorsRepresentative("6118108");
        registry.refused(registry.send("supervisor-1", "TransferPermit", new mn.registry.kernel.permit.TransferPermit(id, successor,
                mn.registry.kernel.permit.Reorganisation.MERGER, policy, today(), successorsRepresentative)), 409, "document.claimed-by-another-act.insurance-policy",
                "evidenceSha256", "002 art. 23.3");
        ok(registry.send("supervisor-1", "TransferPermit", new mn.registry.kernel.permit.TransferPermit(id, successor,
                mn.registry.kernel.permit.Reorganisation.MERGER, registry.document("the merger agreement of 6118107 into 6118108, session 18 round 2"), today(),
                successorsRepresentative)));
    }

    /** The day in Ulaanbaatar on the registry's clock: a reorganisation named as taking effect today (ADR 0046 item 96). */
    private static java.time.LocalDate today() {
        return mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(registry.clock().instant());
    }

    @Test
    @DisplayName("ADR 0057, session 19 (F215, F219, was O120): one contract issues one permit: permit B issued on the contract permit A was "
            + "issued with is refused (document.already-grounds-another-act), and on permit A's insurance policy (the lawful pair shares one "
            + "permit's papers), nothing stored; B's own contract issues it")
    void one_contract_issues_one_permit() {
        String contract = registry.document("the contract of 6119101, session 19 documents");
        String policy = registry.document("the insurance policy and contract of 6119101, session 19 documents");
        ApplicationId first = registry.insuredPermit("Tes Tamga Nineteen One LLC", "6119101", policy);
        ok(registry.send("supervisor-1", "IssuePermit", PermitRegistry.issue(first, contract)));
        ApplicationId second = registry.insuredPermit("Tes Tamga Nineteen Two LLC", "6119102", registry.document("the insurance policy of 6119102, session 19"));
        registry.refused(registry.send("supervisor-1", "IssuePermit", PermitRegistry.issue(second, contract)), 409, "document.already-grounds-another-act",
                "contractSha256", "002 art. 26.7");
        registry.refused(registry.send("supervisor-1", "IssuePermit", PermitRegistry.issue(second, policy)), 409,
                "document.claimed-by-another-act.insurance-policy", "contractSha256", "002 art. 26.7");
        ok(registry.send("supervisor-1", "IssuePermit", PermitRegistry.issue(second, registry.document("the contract of 6119102, session 19 documents"))));
    }

    private static mn.registry.kernel.freezone.LandCommands.GrantLandFeeExemption exemption(String decision) {
        return new mn.registry.kernel.freezone.LandCommands.GrantLandFeeExemption(mn.registry.kernel.freezone.ZoneId.of("altanbulag"), null,
                mn.registry.kernel.freezone.Activity.PRODUCTION, 30, registry.today(), 2, "Government resolution 2027/140 (test)", registry.today(), decision);
    }
}
