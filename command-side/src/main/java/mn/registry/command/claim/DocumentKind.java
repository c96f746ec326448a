package mn.registry.command.claim;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of act that claim the document they cite, registry-wide ({@link DocumentClaims}, ADR 0057), one table: across kinds, a
 * document is held by the kind of the first act that cited it, and a refusal names that kind ({@code document.claimed-by-another-act.<code>}),
 * never the act or the party; within a kind, its policy ({@link Acts}, session 19: one claim, one insert) says whether its document grounds
 * one act ({@code ONE_ACT}: a second act is refused with the kind's own code, field and article, as the kind's own collection refused it
 * before) or several ({@code MANY_ACTS}).
 *
 * @param code    the code's last part and the kind's name in the claim ({@code kind})
 * @param english what the kind is, in the refusal's detail
 */
public enum DocumentKind {

    /** 002 art. 26.2.3, 26.5: the policy's document recorded as a permit's insurance ({@code RecordPermitInsurance}). */
    INSURANCE_POLICY("insurance-policy", "the insurance policy recorded for a permit", Acts.oneAct(new Refusal("permit.insurance-policy-of-another-permit",
            "proofSha256", "002 art. 26.2.3", "This policy's document was recorded as the insurance of another permit; a policy insures one holder, "
            + "and each permit records its own."), true)),
    /** 002 art. 27.2: the proof of payment of the stamp duty of an extension request ({@code RequestPermitExtension}). */
    STAMP_DUTY_PROOF("stamp-duty-proof", "the proof of stamp duty paid for an extension request", Acts.oneAct(new Refusal("permit.stamp-duty-proof-used",
            null, "002 art. 27.2", "This proof of payment of the stamp duty was already used for an extension request; each payment pays for one "
            + "request."), false)),
    /** 002 art. 28.1, 28.4: the tax authority's request to suspend, or its record that the evasions are settled. */
    TAX_AUTHORITY_DOCUMENT("tax-authority-document", "a document of the tax authority (a request to suspend a permit, or a settlement)",
            Acts.oneAct(new Refusal("permit.tax-document-used", "evidenceSha256", "002 art. 28.1, 28.4", "This document of the tax authority is "
                    + "the record of a request or settlement on another permit; each act of the tax authority comes with its own document."), true)),
    /** 002 art. 20.3.3: the document that shows a change reported by a permit's holder ({@code ReportPermitChange}). */
    CHANGE_REPORT("change-report", "a report of a change to a permit's information", Acts.oneAct(new Refusal("permit.change-document-used",
            "documentSha256", "002 art. 20.3.3", "This document was cited by a report of a change already (of this permit or another); each report "
            + "cites the document that shows its own change."), false)),
    /** 002 art. 31.1.7: the findings of an inspection ({@code RecordPermitInspection}). */
    INSPECTION_FINDINGS("inspection-findings", "the findings of an inspection", Acts.oneAct(new Refusal("permit.inspection-findings-used",
            "findingsSha256", "002 art. 31.1.7", "These findings are the record of an inspection recorded already (of this permit or another); "
            + "each inspection is recorded with its own findings."), false)),
    /**
     * 003 art. 12.5.1, 12.5.2, 23.1-23.2, 26.2: a Free Zone registration's investment agreement, start of operations, interruption
     * (ADR 0035 item 46) or resumption (item 56); and a court decision (12.5.3) claimed before session 22, which reads as it did: the act
     * of the one registration it names (ADR 0035 item 62).
     */
    ZONE_REGISTRATION_ACT("zone-registration-act", "an act of a Free Zone registration (an investment agreement, a start of operations, an "
            + "interruption or resumption of operations, a court decision)", Acts.oneAct(Refusal.CITED_ELSEWHERE, true)),
    /**
     * 003 art. 12.5.3, 26.2 (ADR 0035 item 62; abuse audit F272, was O151): the court's decision dissolving a legal entity, or declaring it
     * bankrupt, recorded on the entity's registrations: a court dissolves the legal entity, not its registration in one zone, so the
     * entity's registrations in every zone record the one decision on its one document ({@code ONE_ENTITY}); another entity's act is
     * refused as another registration's act was, and the same registration's second record is left to its aggregate (F44, F48).
     */
    ZONE_COURT_DECISION("zone-court-decision", "the court's decision dissolving a legal entity registered in a Free Zone",
            Acts.oneEntity(Refusal.CITED_ELSEWHERE)),
    /**
     * 003 art. 12.1, 12.1.1, 12.1.2 (ADR 0035 item 73; abuse audit F356, was O197): a document of a Free Zone application other than its
     * fee receipt (the application, the state registration certificate, the incorporation document, the power of attorney), claimed by the
     * application ({@code ApplyForZoneRegistration}) with the registration it applies for as its grounds: no act of another kind rests on
     * it (the same registration's act is left to its aggregate, F48); applications share it, the entity's in every zone and, as a power of
     * attorney may name one agent for several entities, another entity's too (its review is the governor's, 12.2).
     */
    ZONE_APPLICATION_DOCUMENT("zone-application-document", "a document of a Free Zone application (its application, state registration "
            + "certificate, incorporation document or power of attorney)", Acts.MANY,
            // ADR 0057 item 13 (session 29, F508, was O302; 003 art. 12.1.1, 12.1.2): a Free Zone application's papers describe its legal
            // entity (its application, state registration certificate or incorporation document); the entity's applications in several
            // zones share them (ADR 0035 items 8, 73), another entity's do not. The entity is read from the claim's grounds (companyOf).
            // ADR 0057 item 13 (choice; ADR 0035 item 73 (a)) and item 17 (F509): one agent's power of attorney may serve several foreign
            // entities (003 art. 12.1.2), so a zone application naming a paper as its power of attorney is not refused for another entity's
            // claim that names it so too; what it shows is the governor's review (12.2)
            Companies.withinOne("document.claimed-by-another-company.zone-application-document")
                    .namedBySeveral("documents." + mn.registry.kernel.freezone.ZoneDocument.POWER_OF_ATTORNEY.name())),
    /** 003 art. 12.1: the receipt of a Free Zone registration's fee, named with the application. */
    ZONE_REGISTRATION_FEE("zone-registration-fee", "the receipt of a Free Zone registration fee", Acts.oneAct(new Refusal(
            "freezone.fee-receipt-used-elsewhere", "documents", "003 art. 12.1", "This registration fee receipt is cited already by the application "
            + "of another entity or zone; each registration pays its own fee."), true)),
    /** 003 art. 6.4: the Government decision a zone's opening or temporary closure rests on. */
    ZONE_DECISION("zone-decision", "the Government decision opening or closing a Free Zone", Acts.oneAct(new Refusal(
            "freezone.decision-cited-already", "decisionSha256", "003 art. 6.4", "This document is cited already by another act; each opening or "
            + "closure of a zone is recorded with the Government's own decision."), false)),
    /**
     * 003 art. 6.1 (ADR 0035 item 41; abuse audit F235, was O132): the State Great Khural resolution establishing a zone, cited by the zone's
     * establishment or by the record of its date; one zone's (a second act on the same zone is left to the zone, whose own rule answers).
     */
    ZONE_RESOLUTION("zone-resolution", "the State Great Khural resolution establishing a Free Zone", Acts.oneAct(new Refusal(
            "freezone.resolution-cited-already", "resolutionSha256", "003 art. 6.1", "This document is cited already as the resolution "
            + "establishing another zone; each zone is recorded with the State Great Khural's own resolution establishing it."), true)),
    /**
     * 003 art. 23.4: the Government decision a land-fee exemption rests on ({@code GrantLandFeeExemption}; ADR 0035 item 28: every
     * exemption may cite it, since one decision may exempt several beneficiaries).
     */
    LAND_FEE_EXEMPTION_DECISION("land-fee-exemption-decision", "the Government decision granting an exemption from the land fee", Acts.many(
            new Refusal("freezone.exemption-decision-cited-already", "decisionSha256", "003 art. 23.4, 6.4", "This document is cited already by "
                    + "another kind of act (an opening or closure of a zone, an agreement, a start of operations or a court decision); a land-fee "
                    + "exemption is recorded with the Government's own decision on it."))),
    /** 003 art. 22.5, 22.7: the receipt's document a land licence's holder reports its fee paid with ({@code ReportLandFeePaid}). */
    LAND_FEE_RECEIPT("land-fee-receipt", "the receipt of a land fee reported paid", Acts.oneAct(new Refusal("freezone.fee-receipt-reported-already",
            "receiptSha256", "003 art. 22.5", "This receipt reported the fee of {holder} already; one payment pays one licence's fee."), true)),
    /**
     * 003 art. 22.4 (ADR 0035 item 130; abuse audit F541, was O364): the result of a tender or auction recorded for the application it selected
     * ({@code RecordLandSelectionResult}); one result, one application's selection: another application's result on it is refused, the same
     * application's second result is left to the land register ({@code freezone.selection-recorded-already}).
     */
    LAND_SELECTION_RESULT("land-selection-result", "the result of a tender or auction for land in a Free Zone", Acts.oneAct(new Refusal(
            "freezone.selection-result-cited-already", "resultSha256", "003 art. 22.4", "This document is recorded already as the result that "
            + "selected {holder}; each tender's or auction's result is recorded for the one application it selected."), true)),
    /**
     * 001 art. 23.1.1 (ADR 0055): the order or letter an identity act rests on ({@code EnrolSigner}, {@code EndSignerRole},
     * {@code RevokeSignerCertificate}); one Government order may name several officials, so the kind's acts share it.
     */
    IDENTITY_ORDER("identity-order", "an order or letter enrolling a signer, ending a role or revoking a certificate", Acts.MANY,
            // 001 art. 23.1.1, 002 art. 20.3.3 (choice, the lead's reading, ADR 0061 item 44; abuse audit F503, was O291): the document of a
            // company's representative's enrolment (its decision naming its director, its power of representation) is that company's paper
            // when the enrolment names it: another company's representative is not enrolled on it, nor (the pair of SHARED) does another
            // company report a change on it; an official's order names no company and is shared as before
            Companies.withinOne("document.claimed-by-another-company.identity-order")),
    /**
     * 002 art. 26.7: the contract a permit is issued with ({@code IssuePermit}); shares with {@link #INSURANCE_POLICY} (the policy and
     * contract recorded with the insurance, 26.2.3, are cited again at the issue).
     */
    PERMIT_CONTRACT("permit-contract", "the contract a permit was issued with", Acts.oneAct(Refusal.groundsAnotherAct("contractSha256",
            "002 art. 26.7"), true)),
    /**
     * 002 art. 27.7, 28.3, 29.3: the evidence a duty with no act of its own was done ({@code RecordPermitDutyFulfilled}); one letter may
     * show several of one permit's duties done (28.3 tells the holder and the tax authority together), never another permit's (session
     * 20, was O127: {@code ONE_GROUNDS}).
     */
    DUTY_EVIDENCE("duty-evidence", "the evidence that a permit's duty was done", Acts.oneGrounds(Refusal.groundsAnotherAct("evidenceSha256", null))),
    /**
     * 002 art. 28.1: a suspension's evidence ({@code SuspendPermit}), which is the inspector's findings or the tax authority's request
     * the suspension rests on: shares with {@link #INSPECTION_FINDINGS} and {@link #TAX_AUTHORITY_DOCUMENT}.
     */
    SUSPENSION_EVIDENCE("suspension-evidence", "the ground of a permit's suspension", Acts.MANY),
    /** 002 art. 29.6: a holder's complaint against a revocation ({@code FileRevocationComplaint}). */
    REVOCATION_COMPLAINT("revocation-complaint", "a complaint against a permit's revocation", Acts.oneAct(Refusal.groundsAnotherAct("complaintSha256",
            "002 art. 29.6"), true)),
    /** 002 art. 29.6: the decision on a complaint against a revocation ({@code DecideRevocationComplaint}). */
    COMPLAINT_DECISION("complaint-decision", "the decision on a complaint against a revocation", Acts.oneAct(Refusal.groundsAnotherAct(
            "decisionSha256", "002 art. 29.6"), true)),
    /** 002 art. 23.3: the document of the reorganisation a permit passes to its successor on ({@code TransferPermit}). */
    REORGANISATION_EVIDENCE("reorganisation-evidence", "the document of a holder's reorganisation", Acts.MANY),
    /** 002 art. 29.4: the contract a revoked holder's certificate database is passed on with ({@code PassCertificateDatabaseOn}). */
    CERTIFICATE_DATABASE_CONTRACT("certificate-database-contract", "the contract passing a certificate database on to another permit",
            Acts.oneAct(Refusal.groundsAnotherAct("contractSha256", "002 art. 29.4"), true)),
    /**
     * 002 art. 29.3 (ADR 0057, session 20 round 2; abuse audit F221, was O121): the signed receipt of a revoked holder's certificate
     * database ({@code RecordCertificateDatabaseHandedOver}), the ministry's or the receiving provider's: it records one permit's
     * hand-over; the same permit's hand-over again is left to its aggregate (one hand-over per revocation, each on its own receipt).
     */
    CERTIFICATE_DATABASE_RECEIPT("certificate-database-receipt", "the receipt of a revoked holder's certificate database handed over",
            Acts.oneAct(Refusal.groundsAnotherAct("receiptSha256", "002 art. 29.3"), true)),
    /**
     * 002 art. 29.1.2, 29.1.3, 29.6 (ADR 0064; abuse audit F328, was O185): the document a revocation rests on ({@code RevokePermit}): the
     * state registration's or the court's document of the legal entity's liquidation, the finding that false documents were prepared. It
     * grounds one permit's revocation; the same permit's revocation again (after an upheld complaint) is left to its aggregate, which
     * refuses it (F329).
     */
    REVOCATION_EVIDENCE("revocation-evidence", "the document a permit's revocation rests on (a liquidation, false documents determined)",
            Acts.oneAct(Refusal.groundsAnotherAct("evidenceSha256", "002 art. 29.1.2, 29.1.3"), true)),
    /**
     * 002 art. 25.1, 26.2 (ADR 0057, session 24; abuse audit F373, was O209): a document of a permit application (its state registration
     * certificate, its procedure, its bank's reference, its audited statements, its security audit, its standards report, another permit's
     * copy), claimed by the application ({@code ApplyForPermit}; and, F375, a document recorded received in its review,
     * {@code RecordPermitDocumentsReceived}) with the permit it applies for as its grounds: no permit act of another
     * kind rests on it (a change reported, a revocation's evidence, a reorganisation's record); applications share it (the same company's
     * application again, after a refusal or expiry, names the same papers; the reviewer reads each, 26.2).
     */
    PERMIT_APPLICATION_DOCUMENT("permit-application-document", "a document of a permit application (its state registration certificate, "
            + "procedure, bank reference, audited statements, security audit, standards report or copy of another permit)", Acts.MANY,
            // ADR 0057 item 8 (session 28, the lead's reading, a choice; abuse audit F462, was O290): a permit application's papers describe
            // its company (002 art. 25.1.1: its state registration certificate, and its procedure, bank's reference, audited statements,
            // security audit and standards report), so an application of another company, both named, may not cite them, whichever
            // company's application is stored first
            Companies.withinOne("document.claimed-by-another-company.permit-application-document"));

    /** The stable code of a refusal of a document another kind of act holds, before the holder's {@link #code}. */
    public static final String REFUSAL_CODE = "document.claimed-by-another-act";

    /** The stable code of a second act of a {@code ONE_ACT} kind that has no code of its own (ADR 0057, session 19; was O120). */
    public static final String ANOTHER_ACT_CODE = "document.already-grounds-another-act";

    /**
     * A kind's refusal of a document an act of its own kind holds for another act: its code, field, article (null: the article of the
     * act refused) and words, as the kind's own collection answered them before session 19.
     */
    public record Refusal(String code, String field, String article, String english) {

        /**
         * The refusal of a Free Zone registration's act, or court decision, on a document another registration's act holds (ADR 0035
         * item 8; since item 62, another entity's court decision too): one code, as one collection answered it before session 19.
         */
        static final Refusal CITED_ELSEWHERE = new Refusal("freezone.document-cited-elsewhere", "documentSha256", null, "This document is "
                + "cited already by an act of another registration; each registration's agreement, start of operations, interruption and "
                + "resumption are recorded with their own document, and a court's decision with the one document of the entity it dissolves.");

        /**
         * The refusal of a kind with no code of its own: {@value DocumentKind#ANOTHER_ACT_CODE}, the act's field and article (null: the
         * article of the act refused, a duty's).
         */
        static Refusal groundsAnotherAct(String field, String article) {
            return new Refusal(ANOTHER_ACT_CODE, field, article, "This document grounds an act of its kind on another permit already; "
                    + (article == null ? ACTS_ARTICLE : article) + " records each act with a document of its own.");
        }

        // in the words of a refusal whose article is the act's
        private static final String ACTS_ARTICLE = "{article}";

        /**
         * The refusal of an act citing {@code actsArticle}, of a document whose claim grounds {@code holders} ({@code <register>:<record>});
         * words that name the holder ({@code {holder}}: the land fee receipt's licence and zone, as its collection's refusal named them)
         * name the record.
         */
        public mn.registry.kernel.problem.RegistryProblem problem(String actsArticle, String holders) {
            String holder = holders == null ? "another" : holders.replaceFirst(":", " ");
            String cited = article == null ? actsArticle : article;
            return new mn.registry.kernel.problem.RegistryProblem(mn.registry.kernel.problem.RegistryProblem.Kind.CONFLICT, code,
                    english.replace("{holder}", holder).replace(ACTS_ARTICLE, String.valueOf(cited)), field, cited);
        }
    }

    /** How many acts of a kind one document grounds (ADR 0057, session 19: the per-kind rule is the claim's policy; session 20). */
    public enum Policy {
        /** One act: the claim names it ({@code grounds}); a second act of the kind is refused, or left to its aggregate on the same grounds. */
        ONE_ACT,
        /**
         * Several acts of one grounds (session 20, was O127): the claim names the grounds (one permit); the kind's acts on the same grounds
         * share the document (their aggregate judges each), an act of the kind on other grounds is refused.
         */
        ONE_GROUNDS,
        /**
         * One act per Free Zone registration, on the registrations of one legal entity (session 22, ADR 0035 item 62): the claim names a
         * registration; the kind's acts on the same entity's registrations in every zone share the document (each registration's aggregate
         * judges its own), an act on another entity's registration is refused.
         */
        ONE_ENTITY,
        /** Several acts, whatever their grounds: the kind's acts share the document. */
        MANY_ACTS
    }

    /**
     * Whether the kind's document grounds one act, several of one grounds or several (its {@link Policy}). A {@code ONE_ACT} or
     * {@code ONE_GROUNDS} kind's claim names the grounds of the act ({@code grounds}, e.g. {@code permit:<application id>}); an act of
     * the kind on other grounds is refused with {@link #refusal}; one on the same grounds (another act on the same permit) is left to its
     * aggregate when {@link #leavesTheSameGroundsToTheAggregate} (always for {@code ONE_GROUNDS}), whose own rule answers first
     * ("recorded before", "pending").
     */
    public record Acts(Policy policy, Refusal refusal, boolean leavesTheSameGroundsToTheAggregate) {

        /** Several acts of the kind may rest on one document (the kind's own acts share it). */
        static final Acts MANY = new Acts(Policy.MANY_ACTS, null, false);

        /**
         * Several acts of the kind share one document, and a kind the Free Zone's acts judged together with it
         * ({@code DocumentClaims.ONE_COLLECTION}) holding it is refused with {@code refusal} (the land-fee exemption's decision).
         */
        static Acts many(Refusal refusal) {
            return new Acts(Policy.MANY_ACTS, refusal, false);
        }

        static Acts oneAct(Refusal refusal, boolean leavesTheSameGroundsToTheAggregate) {
            return new Acts(Policy.ONE_ACT, refusal, leavesTheSameGroundsToTheAggregate);
        }

        /**
         * One act per registration of one legal entity: the entity's registrations share the document; another entity's act is refused
         * with {@code refusal}.
         */
        static Acts oneEntity(Refusal refusal) {
            return new Acts(Policy.ONE_ENTITY, refusal, true);
        }

        /** Several acts of one grounds share the document; an act on other grounds is refused with {@code refusal}. */
        static Acts oneGrounds(Refusal refusal) {
            return new Acts(Policy.ONE_GROUNDS, refusal, true);
        }

        /** Whether the claim names the grounds its document is limited to ({@code ONE_ACT}, {@code ONE_GROUNDS}, {@code ONE_ENTITY}). */
        public boolean namesItsGrounds() {
            return policy != Policy.MANY_ACTS;
        }
    }

    /**
     * Whose acts share a kind's document (ADR 0057 items 8, 13, 17; {@link DocumentClaims#anotherCompanysPaper}): any company's (the kinds
     * declared without), or one company's only, another company's act, both named, refused with {@code refusalCode}. A claim naming no
     * company (stored before session 27, until {@link CompanyOnClaimsBackfill} names it) passes within the kind as before.
     *
     * @param refusalCode    the code of the refusal of another company's act, or null: the kind's acts share it whoever's they are
     * @param namedBySeveral the citing act's fields in which several companies may name one paper of the kind, as the paper its claim's
     *                       holder named it as (item 17; the claim then names its paper, {@link DocumentClaims#PAPER})
     */
    public record Companies(String refusalCode, java.util.Set<String> namedBySeveral) {

        /** The kind's acts share its document, whichever company's they are. */
        static final Companies ANY = new Companies(null, java.util.Set.of());

        /** The kind's acts share its document within one company only. */
        static Companies withinOne(String refusalCode) {
            return new Companies(refusalCode, java.util.Set.of());
        }

        /** The same, save a paper named in one of {@code fields}, which several companies may name. */
        Companies namedBySeveral(String... fields) {
            return new Companies(refusalCode, java.util.Set.of(fields));
        }
    }

    private final String code;
    private final String english;
    private final Acts acts;
    private final Companies companies;

    DocumentKind(String code, String english, Acts acts) {
        this(code, english, acts, Companies.ANY);
    }

    DocumentKind(String code, String english, Acts acts, Companies companies) {
        this.code = code;
        this.english = english;
        this.acts = acts;
        this.companies = companies;
    }

    /** Whose acts share this kind's document: any company's, or one company's only (ADR 0057 items 8, 13, 17). */
    public Companies companies() {
        return companies;
    }

    /** Whether this kind's acts share its document within one company only (ADR 0057 item 8, F462; item 13, F508; F503). */
    public boolean sharedWithinOneCompany() {
        return companies.refusalCode() != null;
    }

    /**
     * Whether a claim of this kind names the paper its act named the document as ({@code field}): a kind several companies may name a paper
     * of (ADR 0057 item 17, session 29; abuse audit F509, was O355).
     */
    public boolean namesThePaper(String field) {
        return field != null && !companies.namedBySeveral().isEmpty();
    }

    /**
     * ADR 0057 item 17 (session 29, F509, was O355; 003 art. 12.1.2): one agent's power of attorney may serve several foreign entities, but a
     * paper is shared only as the paper its claim's holder named it as: an act naming it in a field several companies share passes where
     * the claim names that same paper ({@code holdersPaper}); another entity's incorporation document (or any paper an entity named as its
     * own) named as a power of attorney does not, nor a power of attorney named as anything else. A claim that names no paper (written
     * before session 29: not known, choice) is judged on the citing field alone, as before.
     *
     * @param field the field the citing act names the document in: never null (every caller passes the registry's own constant for the act,
     *              {@link #field()}, {@code documents.<kind>}, {@code documentSha256} or {@code decisionSha256}, never a field of the command;
     *              session 30, one home, the second round), so a null is a wiring error, refused here by name rather than by the set's lookup
     * @param holdersPaper the paper the claim's holder named the document as; null when the claim names none (written before session 29)
     */
    public boolean sharedAsThePaperItsHolderNamed(String field, String holdersPaper) {
        java.util.Objects.requireNonNull(field, () -> "a citing act names the field it names " + this + "'s document in (the registry's "
                + "constant for the act, never the command's); none was given");
        return companies.namedBySeveral().contains(field) && (holdersPaper == null || holdersPaper.equals(field));
    }

    /** Whether this kind's document grounds one act ({@code ONE_ACT}) or several, and how a second is refused. */
    public Acts acts() {
        return acts;
    }

    /** The field of the act that names this kind's document (its refusal's, for a {@code ONE_ACT} kind). */
    public String field() {
        return acts.namesItsGrounds() && acts.refusal().field() != null ? acts.refusal().field() : FIELDS.getOrDefault(this, "documentSha256");
    }

    /** The article of this kind's one-act or one-grounds rule (null: the act's). */
    public String article() {
        return acts.namesItsGrounds() ? acts.refusal().article() : null;
    }

    // the stamp duty's refusal named no field (it was RegistryProblem.conflict): the act's field is its command's
    private static final java.util.Map<DocumentKind, String> FIELDS = java.util.Map.of(STAMP_DUTY_PROOF, "stampDutyProofSha256");

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
