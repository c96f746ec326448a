package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.ApprovePermitApplication;
import mn.registry.kernel.permit.IssuePermit;
import mn.registry.kernel.permit.RecordPermitInsurance;
import mn.registry.kernel.permit.RecordTaxEvasionsSettled;
import mn.registry.kernel.permit.RequestPermitSuspension;
import mn.registry.kernel.permit.SuspendPermit;
import mn.registry.kernel.permit.SuspensionGround;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static mn.registry.standalone.RunningRegistry.ok;

/**
 * Session 16 of docs/abuse-audit.md (permits and identity, branch s16-abuse-permits, ADR 0046 items 36 on) on a running registry over
 * HTTP: acts of a careless or dishonest holder or official that d68b102 accepted, each refused with its code, field and article and
 * nothing stored (no event, no command-log entry: {@link RunningRegistry#refused}).
 */
class PermitAbuseRound11EndToEndTest {

    @RegisterExtension
    static final PermitRegistry registry = new PermitRegistry();

    /** A permit of the demo applicant, issued today on the policy {@code policy}. */
    private static ApplicationId activePermit(String name, String number, String policy) {
        return registry.issuedPermit(name, number, policy, registry.document("the contract of " + number));
    }

    @Test
    @DisplayName("002 art. 26.2.3 (F143): the old policy's document recorded again as the renewal, with a later last day, is refused, nothing "
            + "stored; a new policy's document renews")
    void a_renewal_names_a_new_policy() {
        String policy = registry.document("the insurance policy of 6116001, session 16");
        ApplicationId id = activePermit("Tes Tamga Sixteen LLC", "6116001", policy);
        registry.refused(registry.send("applicant-1", "RecordPermitInsurance", new RecordPermitInsurance(id, "Mongol Daatgal", "POL-6116001",
                Money.mnt(200_000_000), registry.today().plusYears(2), policy)), 400, "permit.insurance-proof-recorded-before", "proofSha256", "002 art. 26.2.3");
        ok(registry.send("applicant-1", "RecordPermitInsurance", new RecordPermitInsurance(id, "Mongol Daatgal", "POL-6116001-2",
                Money.mnt(200_000_000), registry.today().plusYears(2), registry.document("the renewed insurance policy of 6116001, session 16"))));
    }

    @Test
    @DisplayName("002 art. 26.2.3 (F152, was O91): another company's policy recorded as one's own insurance is refused over HTTP, nothing "
            + "stored; the company records its own")
    void another_permits_policy_is_refused() {
        String policy = registry.document("the insurance policy of 6116015, session 16");
        activePermit("Tes Tamga Policy LLC", "6116015", policy);
        JsonNode receipt = ok(registry.send("applicant-1", "ApplyForPermit", ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(),
                "Borrowed Policy LLC", "6116016")));
        ApplicationId other = new ApplicationId(receipt.path("applicationId").asText());
        ok(registry.send("reviewer-1", "ApprovePermitApplication", new ApprovePermitApplication(other)));
        registry.refused(registry.send("applicant-1", "RecordPermitInsurance", new RecordPermitInsurance(other, "Mongol Daatgal", "POL-6116015",
                Money.mnt(200_000_000), registry.today().plusYears(1), policy)), 409, "permit.insurance-policy-of-another-permit", "proofSha256", "002 art. 26.2.3");
        ok(registry.send("applicant-1", "RecordPermitInsurance", new RecordPermitInsurance(other, "Mongol Daatgal", "POL-6116016",
                Money.mnt(200_000_000), registry.today().plusYears(1), registry.document("the insurance policy of 6116016, session 16"))));
    }

    @Test
    @DisplayName("002 art. 28.1, 28.4 (F144, F145): the tax authority's request about one company named against another company's permit, and "
            + "the request named as its own settlement, are refused, nothing stored; a settlement on its own document is recorded")
    void each_document_of_the_tax_authority_records_one_act() {
        ApplicationId first = activePermit("Tes Tamga Sixteen Two LLC", "6116002", registry.document("the insurance policy of 6116002, session 16"));
        ApplicationId second = activePermit("Tes Tamga Sixteen Three LLC", "6116003", registry.document("the insurance policy of 6116003, session 16"));
        String request = registry.document("the tax authority's request: two evasions of 6116002, session 16");
        ok(registry.send("tax-officer-1", "RequestPermitSuspension", new RequestPermitSuspension(first, 2, request)));
        registry.refused(registry.send("tax-officer-1", "RequestPermitSuspension", new RequestPermitSuspension(second, 2, request)), 409,
                "permit.tax-document-used", "evidenceSha256", "002 art. 28.1, 28.4");
        ok(registry.send("reviewer-1", "SuspendPermit", new SuspendPermit(first, SuspensionGround.TAX_EVASIONS, request, 2, registry.today(),
                registry.today().plusMonths(1))));
        registry.refused(registry.send("tax-officer-1", "RecordTaxEvasionsSettled", new RecordTaxEvasionsSettled(first, request)), 409,
                "permit.tax-document-used", "evidenceSha256", "002 art. 28.1, 28.4");
        ok(registry.send("tax-officer-1", "RecordTaxEvasionsSettled", new RecordTaxEvasionsSettled(first,
                registry.document("the tax authority: the evasions of 6116002 are settled, session 16"))));
    }

    @Test
    @DisplayName("002 art. 15.3, 30.1 (F149, F150): a phone number in a permit's conditions, its halves joined by a dash between spaces or an "
            + "em dash (as a word processor writes it), or a civil registration number written loosely, is refused naming the field, nothing "
            + "stored; clean text issues")
    void a_phone_number_joined_by_a_dash_is_not_published() {
        JsonNode receipt = ok(registry.send("applicant-1", "ApplyForPermit",
                ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(), "Tes Tamga Sixteen Four LLC", "6116004")));
        ApplicationId id = new ApplicationId(receipt.path("applicationId").asText());
        ok(registry.send("reviewer-1", "ApprovePermitApplication", new ApprovePermitApplication(id)));
        ok(registry.send("applicant-1", "RecordPermitInsurance", new RecordPermitInsurance(id, "Mongol Daatgal", "POL-6116004",
                Money.mnt(200_000_000), registry.today().plusYears(1), registry.document("the insurance policy of 6116004, session 16"))));
        String contract = registry.document("the contract of 6116004");
        // F150: a civil registration number (born 2003) written loosely
        for (String phone : List.of("9911 – 2233", "9911—2233", "9911 - 2233", "РД УБ – 0332 1314", "RD UB: 03-32-13-14")) {
            registry.refused(registry.send("supervisor-1", "IssuePermit", new IssuePermit(id, "Issuing signature certificates",
                    List.of("Keep the database in Mongolia", "Questions: the director, " + phone), null, contract)), 400,
                    PublishedTextEndToEndTest.CODE, "conditions[1]", PublishedTextEndToEndTest.ARTICLE);
        }
        ok(registry.send("supervisor-1", "IssuePermit", new IssuePermit(id, "Issuing signature certificates",
                List.of("Keep the database in Mongolia", "Reports for 2026 – 2031 each year"), null, contract)));
    }

    @Test
    @DisplayName("002 art. 27.2, 29.6 (F151): a supervisor erasing the personal data of the representative of a holder in force (the holder "
            + "acts only through them, and an erased person is never enrolled again) is refused, nothing stored and the key kept")
    void the_representative_of_a_holder_in_force_is_not_erased() {
        activePermit("Tes Tamga Sixteen Five LLC", "6116005", registry.document("the insurance policy of 6116005, session 16"));
        registry.refused(registry.send("supervisor-1", "ErasePersonalData", new mn.registry.kernel.identity.ErasePersonalData(
                new mn.registry.kernel.identity.PersonId("applicant-1"), "asked by telephone")), 409, "privacy.holders-representative", "personId",
                "002 art. 27.2, 29.6 (domain-rules §5)");
        org.assertj.core.api.Assertions.assertThat(registry.context().getBean(com.mongodb.client.MongoDatabase.class).getCollection("personal_data_keys")
                .find(new org.bson.Document("_id", "applicant-1")).first().get("key")).as("the key is kept").isNotNull();
    }
}
