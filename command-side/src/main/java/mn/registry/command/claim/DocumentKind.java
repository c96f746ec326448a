package mn.registry.command.claim;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of act that claim the document they cite, registry-wide ({@link OneKindPerDocument}, ADR 0057): each kind's own
 * one-act rule (its collection, its code) stays as it was; across kinds, a document is held by the kind of the first act that cited
 * it. A refusal names the kind that holds the document ({@code document.claimed-by-another-act.<code>}, a RegistryProblem of
 * {@link OneKindPerDocument}), never the act or the party.
 *
 * @param code    the code's last part and the kind's name in the claim ({@code kind})
 * @param english what the kind is, in the refusal's detail
 */
public enum DocumentKind {

    /** 002 art. 26.2.3, 26.5: the policy's document recorded as a permit's insurance ({@code RecordPermitInsurance}). */
    INSURANCE_POLICY("insurance-policy", "the insurance policy recorded for a permit"),
    /** 002 art. 27.2: the proof of payment of the stamp duty of an extension request ({@code RequestPermitExtension}). */
    STAMP_DUTY_PROOF("stamp-duty-proof", "the proof of stamp duty paid for an extension request"),
    /** 002 art. 28.1, 28.4: the tax authority's request to suspend, or its record that the evasions are settled. */
    TAX_AUTHORITY_DOCUMENT("tax-authority-document", "a document of the tax authority (a request to suspend a permit, or a settlement)"),
    /** 002 art. 20.3.3: the document that shows a change reported by a permit's holder ({@code ReportPermitChange}). */
    CHANGE_REPORT("change-report", "a report of a change to a permit's information"),
    /** 002 art. 31.1.7: the findings of an inspection ({@code RecordPermitInspection}). */
    INSPECTION_FINDINGS("inspection-findings", "the findings of an inspection"),
    /** 003 art. 12.5.1, 12.5.3, 23.1-23.2, 26.2: a Free Zone registration's investment agreement, start of operations or court decision. */
    ZONE_REGISTRATION_ACT("zone-registration-act", "an act of a Free Zone registration (an investment agreement, a start of operations, a court decision)"),
    /** 003 art. 12.1: the receipt of a Free Zone registration's fee, named with the application. */
    ZONE_REGISTRATION_FEE("zone-registration-fee", "the receipt of a Free Zone registration fee"),
    /** 003 art. 6.4: the Government decision a zone's opening or temporary closure rests on. */
    ZONE_DECISION("zone-decision", "the Government decision opening or closing a Free Zone"),
    /**
     * 003 art. 23.4: the Government decision a land-fee exemption rests on ({@code GrantLandFeeExemption}; ADR 0035 item 28: every
     * exemption may cite it, since one decision may exempt several beneficiaries).
     */
    LAND_FEE_EXEMPTION_DECISION("land-fee-exemption-decision", "the Government decision granting an exemption from the land fee"),
    /** 003 art. 22.5, 22.7: the receipt's document a land licence's holder reports its fee paid with ({@code ReportLandFeePaid}). */
    LAND_FEE_RECEIPT("land-fee-receipt", "the receipt of a land fee reported paid"),
    /**
     * 001 art. 23.1.1 (ADR 0055): the order or letter an identity act rests on ({@code EnrolSigner}, {@code EndSignerRole},
     * {@code RevokeSignerCertificate}); one Government order may name several officials, so the kind's acts share it.
     */
    IDENTITY_ORDER("identity-order", "an order or letter enrolling a signer, ending a role or revoking a certificate"),
    /**
     * 002 art. 26.7: the contract a permit is issued with ({@code IssuePermit}); shares with {@link #INSURANCE_POLICY} (the policy and
     * contract recorded with the insurance, 26.2.3, are cited again at the issue).
     */
    PERMIT_CONTRACT("permit-contract", "the contract a permit was issued with"),
    /** 002 art. 27.7, 28.3, 29.3: the evidence a duty with no act of its own was done ({@code RecordPermitDutyFulfilled}). */
    DUTY_EVIDENCE("duty-evidence", "the evidence that a permit's duty was done"),
    /**
     * 002 art. 28.1: a suspension's evidence ({@code SuspendPermit}), which is the inspector's findings or the tax authority's request
     * the suspension rests on: shares with {@link #INSPECTION_FINDINGS} and {@link #TAX_AUTHORITY_DOCUMENT}.
     */
    SUSPENSION_EVIDENCE("suspension-evidence", "the ground of a permit's suspension"),
    /** 002 art. 29.6: a holder's complaint against a revocation ({@code FileRevocationComplaint}). */
    REVOCATION_COMPLAINT("revocation-complaint", "a complaint against a permit's revocation"),
    /** 002 art. 29.6: the decision on a complaint against a revocation ({@code DecideRevocationComplaint}). */
    COMPLAINT_DECISION("complaint-decision", "the decision on a complaint against a revocation"),
    /** 002 art. 23.3: the document of the reorganisation a permit passes to its successor on ({@code TransferPermit}). */
    REORGANISATION_EVIDENCE("reorganisation-evidence", "the document of a holder's reorganisation"),
    /** 002 art. 29.4: the contract a revoked holder's certificate database is passed on with ({@code PassCertificateDatabaseOn}). */
    CERTIFICATE_DATABASE_CONTRACT("certificate-database-contract", "the contract passing a certificate database on to another permit");

    /** The stable code of a refusal of a document another kind of act holds, before the holder's {@link #code}. */
    public static final String REFUSAL_CODE = "document.claimed-by-another-act";

    private final String code;
    private final String english;

    DocumentKind(String code, String english) {
        this.code = code;
        this.english = english;
    }

    public String code() {
        return code;
    }

    public String english() {
        return english;
    }

    /** The refusal's code when this kind holds the document: {@value #REFUSAL_CODE} and this kind's {@link #code}. */
    public String refusalCode() {
        return REFUSAL_CODE + "." + code;
    }

    /** The kind whose {@link #code} this is, if any. */
    public static Optional<DocumentKind> ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
