package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.ApprovePermitApplication;
import mn.registry.kernel.permit.IssuePermit;
import mn.registry.kernel.permit.RecordPermitInsurance;
import mn.registry.kernel.permit.ReportPermitChange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static mn.registry.standalone.RunningRegistry.ok;

/**
 * Session 17 of docs/abuse-audit.md (permits and identity, branch s17-abuse-permits, ADR 0046 items 44 on) on a running registry over
 * HTTP: acts of a careless or dishonest holder or official that f9f7468 accepted, each refused with its code, field and article and
 * nothing stored (no event, no command-log entry: {@link RunningRegistry#refused}).
 */
class PermitAbuseRound12EndToEndTest {

    @RegisterExtension
    static final PermitRegistry registry = new PermitRegistry();

    /** A permit of the demo applicant, issued today. */
    private static ApplicationId activePermit(String name, String number) {
        return registry.issuedPermit(name, number, registry.document("the insurance policy of " + number + ", session 17"),
                registry.document("the contract of " + number + ", session 17"));
    }

    @Test
    @DisplayName("002 art. 20.3.3 (F181, was O94): a holder's report of a change without the document that shows it is refused, as is a "
            + "document another report cited (this permit's or another's), nothing stored; a report with its own document is recorded")
    void a_report_of_a_change_cites_its_document() {
        ApplicationId id = activePermit("Tes Tamga Seventeen LLC", "6117001");
        ApplicationId other = activePermit("Tes Tamga Seventeen Two LLC", "6117002");
        registry.refused(registry.send("applicant-1", "ReportPermitChange", new ReportPermitChange(id, registry.today(), "New registered address", null)),
                400, "permit.change-document-missing", "documentSha256", "002 art. 20.3.3");
        String extract = registry.document("state register extract of 6117001: new registered address, session 17");
        ok(registry.send("applicant-1", "ReportPermitChange", new ReportPermitChange(id, registry.today(), "New registered address", extract)));
        registry.refused(registry.send("applicant-1", "ReportPermitChange", new ReportPermitChange(id, registry.today(), "New director", extract)),
                409, "permit.change-document-used", "documentSha256", "002 art. 20.3.3");
        registry.refused(registry.send("applicant-1", "ReportPermitChange", new ReportPermitChange(other, registry.today(), "New registered address", extract)),
                409, "permit.change-document-used", "documentSha256", "002 art. 20.3.3");
        ok(registry.send("applicant-1", "ReportPermitChange", new ReportPermitChange(id, registry.today(), "New director",
                registry.document("state register extract of 6117001: new director, session 17"))));
    }
    /** A new applicant of this test, enrolled by the supervisor as the representative of the company whose number is {@code company}. */
    private static mn.registry.kernel.pki.SigningIdentity newApplicant(String id, String company) {
        return registry.enrolled(id, "Applicant " + id, "Session 17 LLC", java.time.Duration.ofDays(365), mn.registry.kernel.identity.Role.APPLICANT,
                company, "test enrolment, session 17");
    }

    @Test
    @DisplayName("002 art. 29.6 (F182): the representative of a holder whose permit was revoked, its complaint period running, is not erased "
            + "once the company applied again (its claim passed to the new application, and the erasure asked only the applications the "
            + "claims name): refused over HTTP, nothing stored, the key kept")
    void the_representative_of_a_revoked_holder_is_not_erased_after_the_company_applies_again() {
        mn.registry.kernel.pki.SigningIdentity representative = newApplicant("applicant-17r", "6117011");
        JsonNode receipt = ok(registry.send(representative, "ApplyForPermit", ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(),
                "Tes Tamga Revoked Seventeen LLC", "6117011")));
        ApplicationId revoked = new ApplicationId(receipt.path("applicationId").asText());
        ok(registry.send("reviewer-1", "ApprovePermitApplication", new ApprovePermitApplication(revoked)));
        ok(registry.send(representative, "RecordPermitInsurance", new RecordPermitInsurance(revoked, "Mongol Daatgal", "POL-6117011",
                Money.mnt(200_000_000), registry.today().plusYears(1), registry.document("the insurance policy of 6117011, session 17"))));
        ok(registry.send("supervisor-1", "IssuePermit", new IssuePermit(revoked, "Issuing signature certificates",
                List.of("Keep the database in Mongolia"), null, registry.document("the contract of 6117011, session 17"))));
        ok(registry.send("supervisor-1", "RevokePermit", new mn.registry.kernel.permit.RevokePermit(revoked,
                mn.registry.kernel.permit.RevocationGround.FALSE_DOCUMENTS, "forged audit report",
                registry.document("the finding of false documents of 6117011"))));
        // the company applies again through another representative while the complaint period runs: the claim of its number passes on
        ok(registry.send("applicant-1", "ApplyForPermit", ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(),
                "Tes Tamga Revoked Seventeen Again LLC", "6117011")));
        registry.refused(registry.send("supervisor-1", "ErasePersonalData", new mn.registry.kernel.identity.ErasePersonalData(
                new mn.registry.kernel.identity.PersonId("applicant-17r"), "asked by telephone")), 409, "privacy.holders-representative", "personId",
                "002 art. 27.2, 29.6");
        org.assertj.core.api.Assertions.assertThat(registry.context().getBean(com.mongodb.client.MongoDatabase.class).getCollection("personal_data_keys")
                .find(new org.bson.Document("_id", "applicant-17r")).first().get("key")).as("the key is kept").isNotNull();
    }

    @Test
    @DisplayName("001 art. 23.1.1 (F184): a supervisor revoking a holder's representative's certificate, or ending their role, on the power of "
            + "representation their enrolment rested on is refused over HTTP, nothing stored; on a document of its own it is revoked")
    void the_enrolments_document_is_not_the_ground_of_its_undoing() {
        mn.registry.kernel.pki.SigningIdentity representative = registry.newPerson("applicant-17p", "Representative Seventeen", "Seventeen LLC",
                java.time.Duration.ofDays(365));
        String power = registry.document("power of representation of applicant-17p for Seventeen LLC, session 17");
        ok(registry.send("supervisor-1", "EnrolSigner", PermitRegistry.enrolment(representative, mn.registry.kernel.identity.Role.APPLICANT, "6313017", power)));
        registry.refused(registry.send("supervisor-1", "RevokeSignerCertificate", new mn.registry.kernel.identity.RevokeSignerCertificate(
                representative.person(), null, "key reported lost", power)), 409, "identity.document-of-the-enrolment", "documentSha256",
                "001 art. 23.1.1");
        registry.refused(registry.send("supervisor-1", "EndSignerRole", new mn.registry.kernel.identity.EndSignerRole(representative.person(),
                mn.registry.kernel.identity.Role.APPLICANT, power)), 409, "identity.document-of-the-enrolment", "documentSha256", "001 art. 23.1.1");
        ok(registry.send("supervisor-1", "RevokeSignerCertificate", new mn.registry.kernel.identity.RevokeSignerCertificate(representative.person(),
                null, "key reported lost", registry.document("Seventeen LLC's written report of a lost key, session 17"))));
    }
}
