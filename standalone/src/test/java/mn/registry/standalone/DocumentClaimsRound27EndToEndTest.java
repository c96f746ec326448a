package mn.registry.standalone;

import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.ApplyForPermit;
import mn.registry.kernel.permit.ReportPermitChange;
import mn.registry.kernel.permit.RequestPermitRevocation;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.kernel.permit.RevocationGround;
import mn.registry.kernel.permit.RevokePermit;
import mn.registry.kernel.permit.SubmittedDocument;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static mn.registry.standalone.RunningRegistry.ok;

/**
 * Session 27, claims (ADR 0057 "Session 27"; ADR 0046 item 103; abuse audit F449, F452, was O234) on a running registry over HTTP: a
 * company's own papers serve its change report and its application, in either order; another company's do not; one report per document
 * holds; a report's document is received on or after the day of the change (F456, ADR 0046 item 117). Refusals are problem+json with
 * their code, field and article, nothing stored ({@link RunningRegistry#refused}).
 */
class DocumentClaimsRound27EndToEndTest {

    @RegisterExtension
    static final PermitRegistry registry = new PermitRegistry();

    /** A complete application of {@code company} ({@code number}) naming {@code copy} as its state registration certificate (25.1.1). */
    static ApplyForPermit applicationOn(RunningRegistry registry, String company, String number, String copy) {
        ApplyForPermit fresh = ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(), company, number);
        return new ApplyForPermit(fresh.company(), false, fresh.documents().stream().map(d -> d.kind() == RequiredDocument.STATE_REGISTRATION_CERTIFICATE
                ? new SubmittedDocument(d.kind(), copy) : d).toList());
    }

    private static ReportPermitChange change(ApplicationId id, String document) {
        return new ReportPermitChange(id, registry.today(), "New registered address", document);
    }

    @Test
    @DisplayName("002 art. 20.3.3, 25.1.1 (F449, F452, F456, was O234, O294; ADR 0046 items 103, 117): the holder reports a change the day "
            + "after the issue on its own application's copy (refused: received before the change) and on an extract received that day "
            + "(accepted) but not twice; another company's application on that extract is refused; after its permit is revoked at its "
            + "request the company applies again on that extract (accepted)")
    void a_companys_own_papers_serve_its_report_and_its_application_again() {
        String company = "Claims Twenty-Seven LLC";
        ApplicationId id = registry.issuedPermit(company, "6127001", registry.document("the insurance policy of 6127001, session 27"),
                registry.document("the contract of 6127001, session 27"));
        String copy = registry.document(company + " " + RequiredDocument.STATE_REGISTRATION_CERTIFICATE);
        registry.clock().advance(Duration.ofDays(1));

        registry.refused(registry.send("applicant-1", "ReportPermitChange", change(id, copy)), 409, "permit.change-document-before-the-change",
                "documentSha256", "002 art. 20.3.3");

        String extract = registry.document("state register extract of 6127001: new registered address, session 27");
        ok(registry.send("applicant-1", "ReportPermitChange", change(id, extract)));
        registry.refused(registry.send("applicant-1", "ReportPermitChange", change(id, extract)), 409, "permit.change-document-used",
                "documentSha256", "002 art. 20.3.3");
        registry.refused(registry.send("applicant-1", "ApplyForPermit", applicationOn(registry, "Another Twenty-Seven LLC", "6127002", extract)), 409,
                "document.claimed-by-another-act.change-report", "documents.STATE_REGISTRATION_CERTIFICATE", "002 art. 25.1.1");

        ok(registry.send("applicant-1", "RequestPermitRevocation", new RequestPermitRevocation(id)));
        ok(registry.send("supervisor-1", "RevokePermit", new RevokePermit(id, RevocationGround.HOLDER_REQUEST, "asked in writing")));
        ok(registry.send("applicant-1", "ApplyForPermit", applicationOn(registry, company + " again", "6127001", extract)));
    }
}
