package mn.registry.permit.command;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.command.api.SignedCommandType;
import mn.registry.command.api.TargetByRecordComponent;
import mn.registry.command.claim.Claimant;
import mn.registry.command.claim.DocumentKind;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.infrastructure.axon.WholeStream;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.*;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.List;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The signed commands of the permit lifecycle, one line each: the kernel body and who may sign it (domain-rules §1).
 * The body goes as it is to {@link PermitApplication}, which takes the receipt time, the signer and the due dates from
 * its {@link CommandContext} and {@link PermitServices} (ADR 0026). Each answers with the application id, the command
 * type and the time it was applied; {@code ApplyForPermit} with its registration receipt.
 */
@Configuration
class PermitCommandTypes {

    static final Set<Role> MINISTRY = Set.of(Role.MINISTRY_REVIEWER, Role.MINISTRY_SUPERVISOR);
    static final Set<Role> SUPERVISOR = Set.of(Role.MINISTRY_SUPERVISOR);
    static final Set<Role> HOLDER = Set.of(Role.APPLICANT);
    static final Set<Role> MINISTRY_OR_HOLDER = Set.of(Role.MINISTRY_REVIEWER, Role.MINISTRY_SUPERVISOR, Role.APPLICANT);

    /** A signed command of an existing application: its body goes to the aggregate named by its {@code applicationId}. */
    record ToApplication<T>(Class<T> bodyType, Set<Role> allowedRoles, CommandGateway commands) implements SignedCommandType<T> {

        @Override
        public String type() {
            return bodyType.getSimpleName();
        }

        @Override
        public Object handle(T body, CommandContext context) {
            if (body == null) {
                throw RegistryProblem.invalid("command.body-missing", "The command has no body.", "command", null);
            }
            Object applicationId = TargetByRecordComponent.read(body, "applicationId");
            if (applicationId == null) {
                throw RegistryProblem.invalid("permit.application-id-missing", "The command names the application.", "applicationId", null);
            }
            try {
                commands.sendAndWait(SignedCommandContext.message(body, context));
            } catch (AggregateNotFoundException e) {
                throw RegistryProblem.invalid("permit.unknown-application", "No special-permit application has this id.", "applicationId", null);
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("type", type());
            answer.put("appliedAt", context.receivedAt().toString());
            answer.put("applicationId", applicationId.toString());
            return answer;
        }
    }

    private final CommandGateway commands;

    PermitCommandTypes(CommandGateway commands) {
        this.commands = commands;
    }

    private <T> SignedCommandType<T> signedBy(Class<T> body, Set<Role> roles) {
        return new ToApplication<>(body, roles, commands);
    }

    /** The commands of the permit lifecycle carry their application id in {@code applicationId} (the kernel has no Axon). */
    @Bean
    CommandTargetResolver permitApplicationTarget() {
        return new TargetByRecordComponent("applicationId");
    }

    /** 002 art. 23.2, 26.2.1: the application is registered on receipt; a refusal stores nothing and takes no receipt number. */
    record ApplyForPermitType(CommandGateway commands, PermitApplicationIds ids, CompanyPermitClaims claims, DocumentClaims documents)
            implements SignedCommandType<ApplyForPermit> {

        @Override
        public String type() {
            return "ApplyForPermit";
        }

        @Override
        public Class<ApplyForPermit> bodyType() {
            return ApplyForPermit.class;
        }

        @Override
        public Set<Role> allowedRoles() {
            return HOLDER;
        }

        /**
         * Answers with the registration receipt, which the aggregate returns. The company's claim (ADR 0031) and the documents' (ADR 0057)
         * are written in one insert (ADR 0070), released together (one delete) when the command is refused.
         */
        @Override
        public PermitRegistrationReceipt handle(ApplyForPermit body, CommandContext context) {
            String number = body == null || body.company() == null ? null : body.company().registrationNumber();
            representativeAppliesForTheirOwnCompany(number, context);
            ApplicationId application = ids.applicationId(context);
            Claimant claimant = Claimant.grounding(DocumentClaims.Grounds.PERMIT.of(application.value())).ofCompany(companyNamed(number));
            Set<String> taken = documents.claimTogether(body == null ? List.of() : applicationDocuments(body.documents()),
                    DocumentKind.PERMIT_APPLICATION_DOCUMENT, claimant, context.commandId(), context.receivedAt(),
                    claims.claimBeside(number, context.commandId(), application, context.receivedAt(), "company.registrationNumber"));
            try {
                PermitRegistrationReceipt receipt = commands.sendAndWait(SignedCommandContext.message(body, context));
                documents.stored(taken, DocumentKind.PERMIT_APPLICATION_DOCUMENT, claimant);
                return receipt;
            } catch (AggregateStreamCreationException e) {
                throw RegistryProblem.conflict("permit.already-registered", "This signed command (" + context.commandId()
                        + ") already registered application " + application + "; it is not registered twice.", "002 art. 26.2.1");
            } catch (RuntimeException refused) {
                documents.release(taken, context.commandId());
                throw refused;
            }
        }
    }

    /** The article of a representative's application for their own company (ADR 0061 item 49; abuse audit F505, was O353). */
    static final String OWN_COMPANY_ARTICLE = "002 art. 23.2; 001 art. 23.1.1";

    // 002 art. 23.2 (the applicant is the company); 001 art. 23.1.1 (ADR 0061 item 49; abuse audit F505, was O353): a representative whose
    // grant in force at the receipt names a company applies for that company only; refused before any claim is written or any number
    // taken. An application naming no number is left to the intake's rules (they name the field)
    static void representativeAppliesForTheirOwnCompany(String registrationNumber, CommandContext context) {
        if (registrationNumber != null) {
            mn.registry.command.api.RepresentativesCompany.representativeActsForTheirOwnCompany(context, registrationNumber,
                    "company.registrationNumber", OWN_COMPANY_ARTICLE);
        }
    }

    @Bean
    SignedCommandType<ApplyForPermit> applyForPermit(PermitApplicationIds ids, CompanyPermitClaims claims, DocumentClaims documents) {
        return new ApplyForPermitType(commands, ids, claims, documents);
    }

    @Bean
    SignedCommandType<SetMinimumInsurance> setMinimumInsurance(EventStore events) {
        return SignedCommandType.of("SetMinimumInsurance", SetMinimumInsurance.class, SUPERVISOR, (body, c) -> {
            if (body.amount() == null) {
                throw RegistryProblem.invalid("permit.minimum-insurance-missing", "The amount is required.", "amount", "002 art. 26.5");
            }
            Instant inForceFrom = MinistryParameters.inForceFrom(body.amount(), minimumInsuranceSettings(events), c.receivedAt());
            commands.sendAndWait(new MinistryParameters.SetMinimum(MinistryParameters.STREAM,
                    new MinimumInsuranceSet(body.amount(), c.receivedAt(), c.actor(), "002 art. 26.5", inForceFrom)));
            return Map.of("minimumInsurance", body.amount(), "setAt", c.receivedAt().toString(), "inForceFrom", inForceFrom.toString());
        });
    }

    /**
     * The minimum insurance in force at {@code at} (002 art. 26.5): of the ministry's settings in force by then, the one set last;
     * a lowering still in its notice period is not (ADR 0046 item 29), and a later rise replaces it. Null before any setting.
     */
    static Money minimumInsuranceInForce(EventStore events, Instant at) {
        return MinimumInsuranceSet.inForceAt(minimumInsuranceSettings(events), at).map(MinimumInsuranceSet::amount).orElse(null);
    }

    /** The ministry's settings of the minimum insurance, in the order they were set. */
    static List<MinimumInsuranceSet> minimumInsuranceSettings(EventStore events) {
        return WholeStream.payloads(events, MinistryParameters.STREAM)
                .filter(MinimumInsuranceSet.class::isInstance).map(MinimumInsuranceSet.class::cast).toList();
    }

    // ---------------------------------------------------------------- who may sign what (domain-rules §1)

    @Bean
    SignedCommandType<RequestPermitDocuments> requestPermitDocuments() {
        return signedBy(RequestPermitDocuments.class, MINISTRY);
    }

    // 002 art. 25.1, 26.2 (ADR 0057, session 24; abuse audit F373, was O209; F375, was O220): a permit application's documents, named
    // with it or recorded received during its review, are claimed as its own, in one insert of them all (one round trip), the permit it
    // applies for as their grounds; applications share them, an act of another kind holding one refuses the act (field documents.<kind>,
    // its article). Answers the documents this command holds, for the release on a refusal
    PapersClaimed applicationDocumentsClaimed(List<SubmittedDocument> submitted, ApplicationId application, CommandContext context,
                                              DocumentClaims claims) {
        List<DocumentClaims.Citation> cited = applicationDocuments(submitted);
        if (application == null || cited.stream().noneMatch(d -> mn.registry.kernel.permit.DocumentRef.isSha256Hex(d.sha256()))) {
            return new PapersClaimed(Set.of(), Claimant.NONE);
        }
        Claimant claimant = Claimant.grounding(DocumentClaims.Grounds.PERMIT.of(application.value())).ofCompany(itsCompany(application));
        return new PapersClaimed(claims.claimTogether(cited, DocumentKind.PERMIT_APPLICATION_DOCUMENT, claimant, context.commandId(),
                context.receivedAt(), null), claimant);
    }

    /** The documents' claims a command holds ({@code keys}, for the release on a refusal) and who claimed them (for {@link DocumentClaims#stored}). */
    record PapersClaimed(Set<String> keys, Claimant claimant) {
    }

    /** The company an application names, as its claims name it (ADR 0057, session 27): a state registration number, else none. */
    static String companyNamed(String registrationNumber) {
        return mn.registry.kernel.permit.Company.isStateRegistrationNumber(registrationNumber) ? registrationNumber : null;
    }

    // ADR 0057 session 27 (abuse audit F449, was O234; 002 art. 20.3.3, 25.1.1): the company whose papers an act on an existing application
    // cites is the application's holder at the act's receipt (the applicant, or a transfer's successor), asked of the aggregate (one load:
    // these two acts name only the permit); none for an application the registry does not know (the act is refused)
    private String itsCompany(ApplicationId application) {
        try {
            return commands.sendAndWait(new PermitCommands.ItsCompany(application));
        } catch (AggregateNotFoundException unknown) {
            return null;
        }
    }

    /** An application's documents as their claims cite them: the field {@code documents.<kind>}, the kind's article (25.1.x). */
    static List<DocumentClaims.Citation> applicationDocuments(List<SubmittedDocument> submitted) {
        return submitted == null ? List.of() : submitted.stream().filter(d -> d != null && d.kind() != null)
                .map(d -> new DocumentClaims.Citation(d.sha256(), "documents." + d.kind(), d.kind().article())).toList();
    }

    @Bean
    SignedCommandType<RecordPermitDocumentsReceived> recordPermitDocumentsReceived(DocumentClaims claims) {
        SignedCommandType<RecordPermitDocumentsReceived> toApplication = signedBy(RecordPermitDocumentsReceived.class, MINISTRY);
        return SignedCommandType.of("RecordPermitDocumentsReceived", RecordPermitDocumentsReceived.class, MINISTRY, (b, c) -> {
            PapersClaimed taken = b == null ? new PapersClaimed(Set.of(), Claimant.NONE)
                    : applicationDocumentsClaimed(b.documents(), b.applicationId(), c, claims);
            try {
                Object answer = toApplication.handle(b, c);
                claims.stored(taken.keys(), DocumentKind.PERMIT_APPLICATION_DOCUMENT, taken.claimant());
                return answer;
            } catch (RuntimeException refused) {
                claims.release(taken.keys(), c.commandId());
                throw refused;
            }
        });
    }

    @Bean
    SignedCommandType<ApprovePermitApplication> approvePermitApplication() {
        return signedBy(ApprovePermitApplication.class, MINISTRY);
    }

    @Bean
    SignedCommandType<RefusePermitApplication> refusePermitApplication() {
        return signedBy(RefusePermitApplication.class, MINISTRY);
    }

    // ADR 0046 item 43 (F152): a policy's document insures one permit's holder, registry-wide
    @Bean
    SignedCommandType<RecordPermitInsurance> recordPermitInsurance(DocumentClaims claims) {
        return citingItsDocument(RecordPermitInsurance.class, MINISTRY_OR_HOLDER, RecordPermitInsurance::proofSha256, DocumentKind.INSURANCE_POLICY,
                claims);
    }

    @Bean
    SignedCommandType<IssuePermit> issuePermit(DocumentClaims acrossKinds) {
        return citingItsDocument(IssuePermit.class, SUPERVISOR, IssuePermit::contractSha256, DocumentKind.PERMIT_CONTRACT, acrossKinds);
    }

    @Bean
    SignedCommandType<RecordPermitDutyFulfilled> recordPermitDutyFulfilled(DocumentClaims acrossKinds) {
        return citingItsDocument(RecordPermitDutyFulfilled.class, MINISTRY_OR_HOLDER, RecordPermitDutyFulfilled::evidenceSha256,
                DocumentKind.DUTY_EVIDENCE, "evidenceSha256", b -> b.duty() == null ? "002 art. 27.7, 28.3, 29.3" : b.duty().article(),
                PermitCommandTypes::dutysGrounds, acrossKinds);
    }

    // 002 art. 27.7, 28.3, 29.3 (session 21, was O129: the lead's reading): each duty's article asks for a paper of its own, so a duty's
    // letter grounds one permit's duties of one article (28.3's letters to the holder and the tax authority), never two articles'
    private static String dutysGrounds(RecordPermitDutyFulfilled body) {
        return body.applicationId() == null ? null : DocumentClaims.Grounds.PERMIT.of(body.applicationId().value(),
                body.duty() == null ? null : body.duty().article());
    }

    // 002 art. 27.2: a proof of stamp duty pays for one request, registry-wide: claimed before the aggregate acts, released on refusal
    @Bean
    SignedCommandType<RequestPermitExtension> requestPermitExtension(DocumentClaims claims) {
        return citingItsDocument(RequestPermitExtension.class, HOLDER, RequestPermitExtension::stampDutyProofSha256, DocumentKind.STAMP_DUTY_PROOF,
                claims);
    }

    /**
     * ADR 0057 (session 19: one claim, one insert): a command that cites a document claims it in {@code document_claims} under its kind,
     * naming the permit it grounds, before the aggregate acts, and releases it when the command is refused; the kind's policy
     * ({@link DocumentKind#acts}) refuses a second act of a {@code ONE_ACT} kind with the kind's code, field and article. No document
     * (where it is optional, or missing: the aggregate refuses it) claims nothing.
     */
    private <T> SignedCommandType<T> citingItsDocument(Class<T> body, Set<Role> roles, java.util.function.Function<T, String> document,
                                                       DocumentKind kind, DocumentClaims claims) {
        return citingItsDocument(body, roles, document, kind, kind.field(), b -> kind.article(), claims);
    }

    /** As above, for a kind whose field and article are the act's (a duty's evidence cites the duty's article). */
    private <T> SignedCommandType<T> citingItsDocument(Class<T> body, Set<Role> roles, java.util.function.Function<T, String> document,
                                                       DocumentKind kind, String field, java.util.function.Function<T, String> article,
                                                       DocumentClaims claims) {
        return citingItsDocument(body, roles, document, kind, field, article, PermitCommandTypes::grounds, claims);
    }

    /** As above, for an act whose grounds name more than its permit (a duty's letter: its article too). */
    private <T> SignedCommandType<T> citingItsDocument(Class<T> body, Set<Role> roles, java.util.function.Function<T, String> document,
                                                       DocumentKind kind, String field, java.util.function.Function<T, String> article,
                                                       java.util.function.Function<T, String> grounds, DocumentClaims claims) {
        SignedCommandType<T> toApplication = signedBy(body, roles);
        return SignedCommandType.of(body.getSimpleName(), body, roles, (b, c) -> b == null ? toApplication.handle(null, c)
                : claims.claimedFor(document.apply(b), kind, Claimant.grounding(grounds.apply(b)), c, field, article.apply(b),
                        () -> toApplication.handle(b, c)));
    }

    /** The permit an act's document grounds, as its claim names it ({@code permit:<application id>}); null when the body names none. */
    static String grounds(Object body) {
        Object applicationId = TargetByRecordComponent.read(body, "applicationId");
        return applicationId instanceof ApplicationId id ? DocumentClaims.Grounds.PERMIT.of(id.value()) : null;
    }

    @Bean
    SignedCommandType<RequestPermitRevocation> requestPermitRevocation() {
        return signedBy(RequestPermitRevocation.class, HOLDER);
    }

    @Bean
    SignedCommandType<WithdrawPermitRevocationRequest> withdrawPermitRevocationRequest() {
        return signedBy(WithdrawPermitRevocationRequest.class, HOLDER);
    }

    @Bean
    SignedCommandType<DecidePermitExtension> decidePermitExtension(CompanyPermitClaims companies) {
        SignedCommandType<DecidePermitExtension> decide = signedBy(DecidePermitExtension.class, MINISTRY);
        return SignedCommandType.of("DecidePermitExtension", DecidePermitExtension.class, MINISTRY, (b, c) -> b == null || !b.extend()
                ? decide.handle(b, c) : theCompanyHoldsNoOtherPermitWhenItsOwnComesBack(companies, b.applicationId(), c, () -> decide.handle(b, c)));
    }

    @Bean
    SignedCommandType<SuspendPermit> suspendPermit(DocumentClaims acrossKinds) {
        return citingItsDocument(SuspendPermit.class, MINISTRY, SuspendPermit::evidenceSha256, DocumentKind.SUSPENSION_EVIDENCE,
                "evidenceSha256", b -> "002 art. 28.1", acrossKinds);
    }

    /** 002 art. 28.1: the tax authority's request to suspend, decided by the ministry within 5 working days (ADR 0013 §4). */
    @Bean
    SignedCommandType<RequestPermitSuspension> requestPermitSuspension(DocumentClaims claims) {
        // ADR 0046 item 37: a document of the tax authority records one act of one permit, registry-wide
        return citingItsDocument(RequestPermitSuspension.class, Set.of(Role.TAX_OFFICER), RequestPermitSuspension::evidenceSha256,
                DocumentKind.TAX_AUTHORITY_DOCUMENT, claims);
    }

    /** 002 art. 28.1, 28.4 (ADR 0046 item 19): the tax authority says the evasions it named are settled; then the ministry may restore. */
    @Bean
    SignedCommandType<RecordTaxEvasionsSettled> recordTaxEvasionsSettled(DocumentClaims claims) {
        return citingItsDocument(RecordTaxEvasionsSettled.class, Set.of(Role.TAX_OFFICER), RecordTaxEvasionsSettled::evidenceSha256,
                DocumentKind.TAX_AUTHORITY_DOCUMENT, claims);
    }

    @Bean
    SignedCommandType<RefusePermitSuspensionRequest> refusePermitSuspensionRequest() {
        return signedBy(RefusePermitSuspensionRequest.class, MINISTRY);
    }

    @Bean
    SignedCommandType<RestorePermit> restorePermit() {
        return signedBy(RestorePermit.class, MINISTRY);
    }

    // 002 art. 29.1.2, 29.1.3 (ADR 0064, F328, was O185): the document that shows the liquidation or the false documents grounds one
    // permit's revocation, registry-wide; a revocation on a ground on record names none and claims nothing
    @Bean
    SignedCommandType<RevokePermit> revokePermit(DocumentClaims acrossKinds) {
        return citingItsDocument(RevokePermit.class, SUPERVISOR, RevokePermit::evidenceSha256, DocumentKind.REVOCATION_EVIDENCE, acrossKinds);
    }

    // 002 art. 29.3 (ADR 0057, session 20 round 2; F221, was O121): the database's receipt records one permit's hand-over, registry-wide
    @Bean
    SignedCommandType<RecordCertificateDatabaseHandedOver> recordCertificateDatabaseHandedOver(DocumentClaims acrossKinds) {
        return citingItsDocument(RecordCertificateDatabaseHandedOver.class, MINISTRY, RecordCertificateDatabaseHandedOver::receiptSha256,
                DocumentKind.CERTIFICATE_DATABASE_RECEIPT, acrossKinds);
    }

    @Bean
    SignedCommandType<PassCertificateDatabaseOn> passCertificateDatabaseOn(DocumentClaims acrossKinds) {
        return citingItsDocument(PassCertificateDatabaseOn.class, SUPERVISOR, PassCertificateDatabaseOn::contractSha256,
                DocumentKind.CERTIFICATE_DATABASE_CONTRACT, acrossKinds);
    }

    @Bean
    SignedCommandType<FileRevocationComplaint> fileRevocationComplaint(DocumentClaims acrossKinds) {
        return citingItsDocument(FileRevocationComplaint.class, HOLDER, FileRevocationComplaint::complaintSha256,
                DocumentKind.REVOCATION_COMPLAINT, acrossKinds);
    }

    @Bean
    SignedCommandType<DecideRevocationComplaint> decideRevocationComplaint(CompanyPermitClaims companies, DocumentClaims acrossKinds) {
        SignedCommandType<DecideRevocationComplaint> decide = citingItsDocument(DecideRevocationComplaint.class, SUPERVISOR,
                DecideRevocationComplaint::decisionSha256, DocumentKind.COMPLAINT_DECISION, acrossKinds);
        return SignedCommandType.of("DecideRevocationComplaint", DecideRevocationComplaint.class, SUPERVISOR,
                (b, c) -> b == null || !b.upheld() ? decide.handle(b, c)
                        : theCompanyHoldsNoOtherPermitWhenItsOwnComesBack(companies, b.applicationId(), c, () -> decide.handle(b, c)));
    }

    /**
     * 002 art. 23.2, 28.2, 29.6, 27.4, 29.2 (choice, ADR 0046 items 162-163; abuse audit F566, F567, session 31): a company holds one
     * application under review or permit in force at a time (ADR 0031, F32). A revoked or expired permit frees the company's number at
     * once, so the company may apply again (or become a transfer's successor) while its complaint against the revocation may be filed or
     * is pending (29.6), or while its extension request waits (27.3, decided after the expiry: {@code PermitExtendedAfterExpiry}).
     * The complaint upheld, or the extension granted after the expiry, would then bring back a second permit of the company beside the
     * new application or permit (suspended under one, 28.2, it would issue under the other). The act that brings the permit back claims
     * the holder's number for it, as an application does, before the aggregate acts: refused 409 {@code permit.company-already-holds}
     * (field {@code applicationId}) while another application or permit still holds the company, nothing stored; released when the
     * aggregate refuses. A rejected complaint or a refused extension brings nothing back and claims nothing; a claim naming the permit
     * itself (an extension of a permit in force) is left as it is, so that the act's refusal never deletes it.
     */
    private Object theCompanyHoldsNoOtherPermitWhenItsOwnComesBack(CompanyPermitClaims companies, ApplicationId permit, CommandContext context,
                                                                  java.util.function.Supplier<Object> act) {
        String number = permit == null ? null : itsCompany(permit);
        if (number == null) {
            return act.get(); // an application the registry does not know, or naming no state registration number: the aggregate judges it
        }
        companies.claimForThePermitBroughtBack(number, context.commandId(), permit, context.receivedAt(), "applicationId");
        try {
            return act.get();
        } catch (RuntimeException refused) {
            companies.release(number, context.commandId());
            throw refused;
        }
    }

    // 002 art. 29.6, 31.1.6 (ADR 0046 item 67): the correcting public record of a complaint upheld before item 57 is the supervisor's, as the
    // decision was; it cites the decision claimed already and claims nothing
    @Bean
    SignedCommandType<PublishReinstatement> publishReinstatement() {
        return signedBy(PublishReinstatement.class, SUPERVISOR);
    }

    // 002 art. 20.3.3 (ADR 0046 item 45, F181): the document that shows a change is cited by one report, registry-wide; (ADR 0057 session
    // 27, F449, was O234) its claim names the holder's company, so that the holder may report on its own application's copy
    @Bean
    SignedCommandType<ReportPermitChange> reportPermitChange(DocumentClaims claims) {
        SignedCommandType<ReportPermitChange> toApplication = signedBy(ReportPermitChange.class, HOLDER);
        DocumentKind kind = DocumentKind.CHANGE_REPORT;
        return SignedCommandType.of("ReportPermitChange", ReportPermitChange.class, HOLDER, (b, c) -> b == null || b.applicationId() == null
                ? toApplication.handle(b, c) : claims.claimedFor(b.documentSha256(), kind, Claimant.grounding(grounds(b))
                        .ofCompany(mn.registry.kernel.permit.DocumentRef.isSha256Hex(b.documentSha256()) ? itsCompany(b.applicationId()) : null), c,
                kind.field(), kind.article(), () -> toApplication.handle(b, c)));
    }

    @Bean
    SignedCommandType<RecordPermitInspection> recordPermitInspection(DocumentClaims claims) {
        // 002 art. 31.1.7 (ADR 0046 item 26): one inspection's findings record one inspection
        return citingItsDocument(RecordPermitInspection.class, Set.of(Role.COMMUNICATIONS_INSPECTOR, Role.MINISTRY_REVIEWER),
                RecordPermitInspection::findingsSha256, DocumentKind.INSPECTION_FINDINGS, claims);
    }

    @Bean
    SignedCommandType<TransferPermit> transferPermit(CompanyPermitClaims claims, DocumentClaims acrossKinds) {
        // ADR 0031: the successor may not already hold an application or permit; claimed before the aggregate acts, released on refusal;
        // ADR 0057 (O116): then the reorganisation's document, across kinds
        SignedCommandType<TransferPermit> transfer = citingItsDocument(TransferPermit.class, SUPERVISOR, TransferPermit::evidenceSha256,
                DocumentKind.REORGANISATION_EVIDENCE, "evidenceSha256", b -> "002 art. 23.3", acrossKinds);
        return SignedCommandType.of("TransferPermit", TransferPermit.class, SUPERVISOR, (b, c) -> {
            if (b == null || b.applicationId() == null || b.successor() == null) {
                return transfer.handle(b, c);
            }
            claims.claim(b.successor().registrationNumber(), c.commandId(), b.applicationId(), c.receivedAt(), "successor.registrationNumber");
            try {
                return transfer.handle(b, c);
            } catch (RuntimeException refused) {
                claims.release(b.successor().registrationNumber(), c.commandId());
                throw refused;
            }
        });
    }

    // 002 art. 23.2; 001 art. 23.1.1 (ADR 0046 items 145, 148; abuse audit F517, was O361): the supervisor names the holder's representative
    // on the holder's power of representation, claimed as an enrolment's order is (ADR 0061 item 44, F503): an identity order of the
    // holder's company concerning the person named, so the paper that enrolled them for the holder is cited again, and another company's
    // paper is refused (document.claimed-by-another-company.identity-order); released when the aggregate refuses
    @Bean
    SignedCommandType<NameHolderRepresentative> nameHolderRepresentative(DocumentClaims claims) {
        SignedCommandType<NameHolderRepresentative> toApplication = signedBy(NameHolderRepresentative.class, SUPERVISOR);
        return SignedCommandType.of("NameHolderRepresentative", NameHolderRepresentative.class, SUPERVISOR, (b, c) -> b == null
                || b.applicationId() == null || b.representative() == null || !mn.registry.kernel.permit.DocumentRef.isSha256Hex(b.documentSha256())
                ? toApplication.handle(b, c)
                : claims.claimedFor(b.documentSha256(), DocumentKind.IDENTITY_ORDER, Claimant.NONE.concerning(List.of(b.representative().value()))
                        .ofCompany(itsCompany(b.applicationId())), c, "documentSha256", PermitApplication.HOLDER_REPRESENTATIVE_ARTICLE,
                        () -> toApplication.handle(b, c)));
    }

    @Bean
    SignedCommandType<ReportCertificatesIssued> reportCertificatesIssued() {
        return signedBy(ReportCertificatesIssued.class, HOLDER);
    }
}
