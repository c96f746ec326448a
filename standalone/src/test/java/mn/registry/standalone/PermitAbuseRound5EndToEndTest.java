package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.ApprovePermitApplication;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.IssuePermit;
import mn.registry.kernel.permit.RecordPermitInsurance;
import mn.registry.kernel.permit.Reorganisation;
import mn.registry.kernel.permit.RevocationGround;
import mn.registry.kernel.permit.RevokePermit;
import mn.registry.kernel.permit.TransferPermit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static mn.registry.standalone.RunningRegistry.ok;

/**
 * Session 10 of docs/abuse-audit.md (permits and identity, branch s10-abuse-permits, ADR 0046) on a running registry over HTTP:
 * acts of a careless or dishonest holder or supervisor that main accepted, each refused with its code, field and article and
 * nothing stored (no event, no command-log entry: {@link RunningRegistry#refused}, the check of AbuseAuditEndToEndTest).
 */
class PermitAbuseRound5EndToEndTest {

    static final String HASH = "cd".repeat(32);

    @RegisterExtension
    static final PermitRegistry registry = new PermitRegistry();

    @Test
    @DisplayName("002 art. 26.2.3, 23.3, 29.1: insurance without its proof, a transfer without the reorganisation's evidence and a revocation with an invisible reason are refused, nothing stored; with them they are recorded")
    void insurance_transfer_and_revocation_rest_on_their_documents_and_reasons() {
        JsonNode receipt = ok(registry.send("applicant-1", "ApplyForPermit",
                ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(), "Orkhon Tamga LLC", "6105001")));
        ApplicationId id = new ApplicationId(receipt.path("applicationId").asText());
        ok(registry.send("reviewer-1", "ApprovePermitApplication", new ApprovePermitApplication(id)));

        // F60: the holder's word alone for the insurance that opens the way to the permit
        for (String proof : java.util.Arrays.asList(null, "", "policy-2026.pdf")) {
            registry.refused(registry.send("applicant-1", "RecordPermitInsurance", new RecordPermitInsurance(id, "Mongol Daatgal", "POL-6105001",
                    Money.mnt(200_000_000), registry.today().plusYears(1), proof)), 400, "permit.document-hash-missing", "proofSha256", "002 art. 26.2.3");
        }
        registry.refused(registry.send("applicant-1", "RecordPermitInsurance", new RecordPermitInsurance(id, "\u00A0\u200B", "POL-6105001",
                Money.mnt(200_000_000), registry.today().plusYears(1), proof())), 400, "permit.field-missing", "insurer", "002 art. 26.2.3");
        // F103 (ADR 0046 item 13): a well-formed hash of nothing the registry received names no policy
        registry.refused(registry.send("applicant-1", "RecordPermitInsurance", new RecordPermitInsurance(id, "Mongol Daatgal", "POL-6105001",
                Money.mnt(200_000_000), registry.today().plusYears(1), "9f".repeat(32))), 400, "document.unknown", "proofSha256", "002 art. 26.2.3");
        // F139 (ADR 0046 item 33): a policy of a week, which leaves the holder uninsured for the five-year term
        registry.refused(registry.send("applicant-1", "RecordPermitInsurance", new RecordPermitInsurance(id, "Mongol Daatgal", "POL-6105001",
                Money.mnt(200_000_000), registry.today().plusDays(7), proof())), 400, "permit.insurance-too-short", "insuredUntil", "002 art. 26.2.3");
        ok(registry.send("applicant-1", "RecordPermitInsurance", new RecordPermitInsurance(id, "Mongol Daatgal", "POL-6105001", Money.mnt(200_000_000),
                registry.today().plusYears(1), proof())));
        ok(registry.send("supervisor-1", "IssuePermit", new IssuePermit(id, "Issuing signature certificates", List.of("Keep the database in Mongolia"),
                null, proof())));

        // F61: a permit passed to another company on no evidence of a reorganisation
        Company successor = new Company("Orkhon Tamga Holding LLC", "6105002", true, "Erdenet, Orkhon");
        mn.registry.kernel.identity.PersonId successorsRepresentative = registry.successorsRepresentative("6105002");
        for (String evidence : java.util.Arrays.asList(null, "merger of 2026-11-30")) {
            registry.refused(registry.send("supervisor-1", "TransferPermit", new TransferPermit(id, successor, Reorganisation.MERGER, evidence, mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(registry.clock().instant()), successorsRepresentative)), 400,
                    "permit.document-hash-missing", "evidenceSha256", "002 art. 23.3");
        }

        // F63: a revocation whose reason no one can read
        for (String reason : java.util.Arrays.asList(null, "\u00A0", "\u200B\u2060")) {
            registry.refused(registry.send("supervisor-1", "RevokePermit", new RevokePermit(id, RevocationGround.FALSE_DOCUMENTS, reason)), 400,
                    "permit.field-missing", "reason", "002 art. 29.1");
        }
        ok(registry.send("supervisor-1", "TransferPermit", new TransferPermit(id, successor, Reorganisation.MERGER, proof(), mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(registry.clock().instant()), successorsRepresentative)));
        ok(registry.send("supervisor-1", "RevokePermit", new RevokePermit(id, RevocationGround.FALSE_DOCUMENTS, "the audited statements were forged", proof())));
    }

    @Test
    @DisplayName("domain-rules §1: a permit command naming another context's stream (the ministry's parameters, a zone registration key) as its application is refused at reading, nothing stored")
    void another_contexts_stream_is_no_application() {
        for (String stream : List.of("ministry-parameters", "altanbulag/MN/6105001", "0B6F9A52-3C1E-4F7A-8D2B-5E4C3A2B1F00")) {
            com.fasterxml.jackson.databind.node.ObjectNode body = mn.registry.kernel.crypto.CanonicalJson.mapper().createObjectNode()
                    .put("applicationId", stream).put("ground", "FALSE_DOCUMENTS").put("reason", "forged audit report");
            registry.refused(registry.send("supervisor-1", "RevokePermit", body), 400, "command.body-invalid", null, "");
        }
    }

    /** The policy, contract or evidence an act names: a document uploaded first, as the registry requires (ADR 0046 item 13). */
    static String proof() {
        return ReceiptTimeEndToEndTest.upload(registry.context(), "the insurance policy, the contract or the reorganisation's evidence of " + java.util.UUID.randomUUID());
    }
}
