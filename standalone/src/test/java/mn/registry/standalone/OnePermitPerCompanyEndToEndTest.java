package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.ApprovePermitApplication;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.IssuePermit;
import mn.registry.kernel.permit.PermitRequirement;
import mn.registry.kernel.permit.RecordPermitInsurance;
import mn.registry.kernel.permit.RefusalReason;
import mn.registry.kernel.permit.RefusePermitApplication;
import mn.registry.kernel.permit.Reorganisation;
import mn.registry.kernel.permit.SetMinimumInsurance;
import mn.registry.kernel.permit.TransferPermit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0031, abuse audit O7 and O8 (002 art. 23.2, 23.3, 25.1.1, 28.2) over HTTP: a company holds one application under review
 * or permit in force at a time, named by its seven-digit state registration number; a second application, a transfer to a
 * company that already holds one, or the same company spelled another way is refused with nothing stored.
 */
class OnePermitPerCompanyEndToEndTest {

    static final String HASH = "cd".repeat(32);

    @RegisterExtension
    static final RunningRegistry registry = new RunningRegistry();

    @BeforeAll
    static void start() {
        ok(registry.send("supervisor-1", "SetMinimumInsurance", new SetMinimumInsurance(Money.mnt(100_000_000))));
    }

    private static ApplicationId apply(String company, String number) {
        JsonNode receipt = ok(registry.send("applicant-1", "ApplyForPermit", ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(), company, number)));
        return new ApplicationId(receipt.path("applicationId").asText());
    }

    @Test
    @DisplayName("002 art. 23.2, 28.2 (ADR 0031): a company under review applies again, or spells its number with full-width digits: refused, "
            + "nothing stored; after a refusal it may apply again")
    void a_company_has_one_application_at_a_time() {
        ApplicationId first = apply("Bulgan Sign LLC", "6102001");

        registry.refused(registry.send("applicant-1", "ApplyForPermit", ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(),
                "Bulgan Sign LLC", "6102001")), 409, "permit.company-already-holds", "company.registrationNumber", "002 art. 23.2");
        registry.refused(registry.send("applicant-1", "ApplyForPermit", ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(),
                "Bulgan Sign LLC", "\uFF16\uFF11\uFF10\uFF12\uFF10\uFF10\uFF11")), 400, "permit.registration-number-malformed",
                "company.registrationNumber", "002 art. 25.1.1");

        ok(registry.send("reviewer-1", "RefusePermitApplication", new RefusePermitApplication(first, List.of(new RefusalReason(
                PermitRequirement.CERTIFICATE_ISSUING_PROCEDURE, "the procedure does not say how a certificate is revoked")))));
        assertThat(apply("Bulgan Sign LLC", "6102001")).isNotEqualTo(first);
    }

    @Test
    @DisplayName("002 art. 23.3, 28.2 (ADR 0031), abuse: a permit passed on to a company that already has an application is refused; the "
            + "holder's old number is free once its permit passed on")
    void a_transfer_gives_no_company_a_second_permit() {
        ApplicationId permit = apply("Darkhan Trust LLC", "6102002");
        ok(registry.send("reviewer-1", "ApprovePermitApplication", new ApprovePermitApplication(permit)));
        ok(registry.send("applicant-1", "RecordPermitInsurance", new RecordPermitInsurance(permit, "Mongol Daatgal", "POL-6102002",
                Money.mnt(200_000_000), UlaanbaatarTime.dateOf(registry.clock().instant()).plusYears(1), proof())));
        ok(registry.send("supervisor-1", "IssuePermit", new IssuePermit(permit, "Issuing signature certificates", List.of("Keep the database in Mongolia"),
                null, proof())));
        apply("Erdenet Sign LLC", "6102003");

        registry.refused(registry.send("supervisor-1", "TransferPermit", new TransferPermit(permit, new Company("Erdenet Sign LLC", "6102003", true,
                "Erdenet, Orkhon"), Reorganisation.MERGER, proof(), UlaanbaatarTime.dateOf(registry.clock().instant()),
                registry.successorsRepresentative("6102003"))), 409, "permit.company-already-holds", "successor.registrationNumber", "002 art. 23.2");

        // a separation leaves the holder standing (ADR 0046 item 108; a transformation would end it: F412 below)
        ok(registry.send("supervisor-1", "TransferPermit", new TransferPermit(permit, new Company("Darkhan Trust Holding LLC", "6102004", true,
                "Darkhan, Darkhan-Uul"), Reorganisation.SEPARATION, proof(), UlaanbaatarTime.dateOf(registry.clock().instant()),
                registry.successorsRepresentative("6102004"))));
        apply("Darkhan Trust LLC", "6102002");
        registry.refused(registry.send("applicant-1", "ApplyForPermit", ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(),
                "Darkhan Trust Holding LLC", "6102004")), 409, "permit.company-already-holds", "company.registrationNumber", "002 art. 23.2");
    }

    @Test
    @DisplayName("002 art. 23.2, 23.3 (F412, was O235): the holder whose permit passed on a transformation (it ended, ADR 0046 item 108) "
            + "applies for a new permit at once: refused (409 permit.applicant-ceased-by-a-reorganisation), nothing stored; its successor holds "
            + "the permit")
    void a_company_a_reorganisation_ended_applies_for_no_permit() {
        ApplicationId permit = apply("Khovd Trust LLC", "6102005");
        ok(registry.send("reviewer-1", "ApprovePermitApplication", new ApprovePermitApplication(permit)));
        ok(registry.send("applicant-1", "RecordPermitInsurance", new RecordPermitInsurance(permit, "Mongol Daatgal", "POL-6102005",
                Money.mnt(200_000_000), UlaanbaatarTime.dateOf(registry.clock().instant()).plusYears(1), proof())));
        ok(registry.send("supervisor-1", "IssuePermit", new IssuePermit(permit, "Issuing signature certificates", List.of("Keep the database in Mongolia"),
                null, proof())));
        ok(registry.send("supervisor-1", "TransferPermit", new TransferPermit(permit, new Company("Khovd Trust JSC", "6102006", true,
                "Khovd, Khovd"), Reorganisation.TRANSFORMATION, proof(), UlaanbaatarTime.dateOf(registry.clock().instant()),
                registry.successorsRepresentative("6102006"))));

        registry.refused(registry.send("applicant-1", "ApplyForPermit", ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(),
                "Khovd Trust LLC", "6102005")), 409, "permit.applicant-ceased-by-a-reorganisation", "company.registrationNumber", "002 art. 23.3");
        registry.refused(registry.send("applicant-1", "ApplyForPermit", ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(),
                "Khovd Trust JSC", "6102006")), 409, "permit.company-already-holds", "company.registrationNumber", "002 art. 23.2");
    }

    /** The policy, contract or evidence an act names: a document uploaded first, as the registry requires (ADR 0046 item 13). */
    static String proof() {
        return ReceiptTimeEndToEndTest.upload(registry.context(), "the insurance policy, the contract or the reorganisation's evidence of " + java.util.UUID.randomUUID());
    }
}
