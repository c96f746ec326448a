package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.ApprovePermitApplication;
import mn.registry.kernel.permit.IssuePermit;
import mn.registry.kernel.permit.RecordPermitInsurance;
import mn.registry.kernel.permit.SetMinimumInsurance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.List;

import static mn.registry.standalone.RunningRegistry.ok;

/**
 * Session 16 of docs/abuse-audit.md (permits and identity, branch s16-abuse-permits, ADR 0046 items 36 on) on a running registry over
 * HTTP: acts of a careless or dishonest holder or official that d68b102 accepted, each refused with its code, field and article and
 * nothing stored (no event, no command-log entry: {@link RunningRegistry#refused}).
 */
class PermitAbuseRound11EndToEndTest {

    @RegisterExtension
    static final RunningRegistry registry = new RunningRegistry();

    @BeforeAll
    static void start() {
        ok(registry.send("supervisor-1", "SetMinimumInsurance", new SetMinimumInsurance(Money.mnt(100_000_000))));
    }

    private static LocalDate today() {
        return UlaanbaatarTime.dateOf(registry.clock().instant());
    }

    /** A document uploaded first, as the registry requires (ADR 0046 item 13); the same words, the same document. */
    static String document(String words) {
        return ReceiptTimeEndToEndTest.upload(registry.context(), words);
    }

    /** A permit of the demo applicant, issued today on the policy {@code policy}. */
    private static ApplicationId activePermit(String name, String number, String policy) {
        JsonNode receipt = ok(registry.send("applicant-1", "ApplyForPermit", ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(), name, number)));
        ApplicationId id = new ApplicationId(receipt.path("applicationId").asText());
        ok(registry.send("reviewer-1", "ApprovePermitApplication", new ApprovePermitApplication(id)));
        ok(registry.send("applicant-1", "RecordPermitInsurance", new RecordPermitInsurance(id, "Mongol Daatgal", "POL-" + number,
                Money.mnt(200_000_000), today().plusYears(1), policy)));
        ok(registry.send("supervisor-1", "IssuePermit", new IssuePermit(id, "Issuing signature certificates", List.of("Keep the database in Mongolia"),
                null, document("the contract of " + number))));
        return id;
    }

    @Test
    @DisplayName("002 art. 26.2.3 (F143): the old policy's document recorded again as the renewal, with a later last day, is refused, nothing "
            + "stored; a new policy's document renews")
    void a_renewal_names_a_new_policy() {
        String policy = document("the insurance policy of 6116001, session 16");
        ApplicationId id = activePermit("Tes Tamga Sixteen LLC", "6116001", policy);
        registry.refused(registry.send("applicant-1", "RecordPermitInsurance", new RecordPermitInsurance(id, "Mongol Daatgal", "POL-6116001",
                Money.mnt(200_000_000), today().plusYears(2), policy)), 400, "permit.insurance-proof-recorded-before", "proofSha256", "002 art. 26.2.3");
        ok(registry.send("applicant-1", "RecordPermitInsurance", new RecordPermitInsurance(id, "Mongol Daatgal", "POL-6116001-2",
                Money.mnt(200_000_000), today().plusYears(2), document("the renewed insurance policy of 6116001, session 16"))));
    }
}
