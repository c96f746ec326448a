package mn.registry.freezone.entity;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.command.api.SignedCommandType;
import mn.registry.command.api.TargetByRecordComponent;
import mn.registry.command.claim.DocumentKind;
import mn.registry.freezone.governor.GovernorCommandType;
import mn.registry.freezone.governor.StreamTarget;
import mn.registry.freezone.zone.ZoneDating;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneCommand;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.function.Function;

/**
 * The signed commands on entities in a zone (003 art. 12), one line each: the kernel body and who may sign it. The body goes
 * as it is to {@link ZoneRegistration}, which takes the receipt time and signer from its context and asks
 * {@link RegistrationServices} for the rest (ADR 0026); the governor's are checked against their zone once, by
 * {@link GovernorCommandType}.
 */
@Configuration
class RegistrationCommandTypes {

    /**
     * What an application is answered: its id, the time of receipt (also as the applicant's local time in Asia/Ulaanbaatar,
     * ADR 0013 §5) and the review due date (003 art. 12.2).
     */
    record ApplicationReceipt(RegistrationId registrationId, java.time.Instant receivedAt, LocalDate reviewDue, OffsetDateTime reviewDueAt,
                              String calendarVersion, OffsetDateTime receivedAtUlaanbaatar) {
    }

    record RegistrationAnswer(RegistrationId registrationId, String result) {
    }

    /** The stream of an application that names no zone or no entity: nothing is stored there, the aggregate's intake refuses it. */
    static final String UNNAMED = "fz-registration-";

    private final CommandGateway commands;

    RegistrationCommandTypes(CommandGateway commands) {
        this.commands = commands;
    }

    /** A registration's commands name it by {@code registrationId}; an application by its zone and entity (one per entity per zone). */
    @Bean
    CommandTargetResolver zoneRegistrationTarget() {
        return new StreamTarget(RegistrationCommandTypes::streamOf);
    }

    static String streamOf(Object body) {
        if (body instanceof RegistrationCommands.ApplyForZoneRegistration application) {
            if (application.zoneId() == null || application.entity() == null) {
                return UNNAMED;
            }
            try {
                return RegistrationId.of(application.zoneId(), application.entity()).stream();
            } catch (IllegalArgumentException unnamed) {
                return UNNAMED; // the aggregate names the fault (its intake rules, then the id itself)
            }
        }
        return TargetByRecordComponent.read(body, "registrationId") instanceof RegistrationId id ? id.stream() : null;
    }

    static RegistryProblem unknownRegistration(Object body) {
        return new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "freezone.registration-unknown", "No application "
                + TargetByRecordComponent.read(body, "registrationId") + " was received.",
                "registrationId", "003 art. 12.1");
    }

    private <T extends ZoneCommand> SignedCommandType<T> governor(Class<T> body, String result) {
        return GovernorCommandType.toAggregate(body, commands, RegistrationCommandTypes::unknownRegistration,
                (b, context, returned) -> new RegistrationAnswer((RegistrationId) TargetByRecordComponent.read(b, "registrationId"), result));
    }

    /**
     * 003 art. 12.1-12.2: the applicant's application; the aggregate answers with the {@link ApplicationReceipt}. Its registration fee
     * receipt is claimed registry-wide by the aggregate after its intake rules (ADR 0035 item 19, {@link ActDocumentClaims#claimFeeReceipt}),
     * released here when the application is refused, and kept by the stored application (an application of the same registration
     * again after a rejection adopts it).
     */
    @Bean
    SignedCommandType<RegistrationCommands.ApplyForZoneRegistration> applyForZoneRegistrationType(ActDocumentClaims claims) {
        return SignedCommandType.of("ApplyForZoneRegistration", RegistrationCommands.ApplyForZoneRegistration.class, Set.of(Role.APPLICANT), (body, context) -> {
            if (body == null) {
                throw RegistryProblem.invalid("command.body-missing", "The command has no body.", "command", null);
            }
            representativeAppliesForTheirOwnEntity(body.entity(), context);
            numberSpelledOnceBeforeThePapersAreJudged(body.entity());
            String receipt = feeReceiptOf(body);
            RegistrationId registration = registrationOf(body);
            // ADR 0057 (session 19): the aggregate claims the receipt once, after its intake rules (its kind's rule and the other kinds');
            // ADR 0035 item 73: the application's other documents are claimed before it acts, for the entity's applications
            Object answer = claims.applicationDocumentsClaimedFor(body.documents(), registration, context, () -> {
                try {
                    return commands.sendAndWait(SignedCommandContext.message(body, context));
                } catch (RuntimeException refused) {
                    claims.release(receipt, context.commandId()); // only this command's own claim, if the aggregate took one
                    throw refused;
                }
            });
            if (receipt != null && registration != null) {
                claims.adoptFeeReceipt(receipt, context.commandId(), registration, context.receivedAt());
            }
            return answer;
        });
    }

    // 003 art. 12.1 (abuse audit F38): another spelling of an entity's number is refused as such before its papers are judged: since F508
    // (ADR 0057 item 13) the papers of "06301304" would otherwise be refused as another entity's, those of 6301304, a refusal that names
    // the wrong fault. The intake asks the same rule again (RegistrationIntakePolicy)
    static void numberSpelledOnceBeforeThePapersAreJudged(mn.registry.kernel.freezone.LegalEntity entity) {
        if (entity != null && entity.jurisdiction() != null && entity.registrationNumber() != null) {
            RegistrationIntakePolicy.registrationNumberIsNoCivilNumber(entity); // F588: before the papers too (nothing claimed)
            RegistrationIntakePolicy.registrationNumberHasOneSpelling(entity);
            RegistrationIntakePolicy.registrationNumberHasItsCountrysFormat(entity); // F589
        }
    }

    /** The article of a representative's zone application for their own company (ADR 0061 item 49; abuse audit F506). */
    static final String OWN_ENTITY_ARTICLE = "003 art. 12.1; 001 art. 23.1.1";

    // 003 art. 12.1 (the entity applies); 001 art. 23.1.1 (ADR 0061 item 49; abuse audit F506): a representative whose grant in force at the
    // receipt names a company (a Mongolian state registration number) applies for that Mongolian entity only, not for another or for a
    // foreign entity; refused before any document is claimed. An application naming no entity is left to the intake's rules
    static void representativeAppliesForTheirOwnEntity(mn.registry.kernel.freezone.LegalEntity entity, CommandContext context) {
        if (entity != null) {
            mn.registry.command.api.RepresentativesCompany.representativeActsForTheirOwnCompany(context,
                    entity.jurisdiction() == mn.registry.kernel.freezone.Jurisdiction.MONGOLIAN ? entity.registrationNumber() : null,
                    "entity.registrationNumber", OWN_ENTITY_ARTICLE);
        }
    }

    private static String feeReceiptOf(RegistrationCommands.ApplyForZoneRegistration body) {
        return body.documents() == null ? null : body.documents().stream()
                .filter(d -> d != null && d.kind() == mn.registry.kernel.freezone.ZoneDocument.REGISTRATION_FEE_RECEIPT)
                .map(mn.registry.kernel.freezone.SubmittedZoneDocument::sha256).findFirst().orElse(null);
    }

    private static RegistrationId registrationOf(RegistrationCommands.ApplyForZoneRegistration body) {
        if (body.zoneId() == null || body.entity() == null) {
            return null;
        }
        try {
            return RegistrationId.of(body.zoneId(), body.entity());
        } catch (IllegalArgumentException unnamed) {
            return null; // the aggregate names the fault
        }
    }

    // ---------------------------------------------------------------- the governor's (003 art. 8.7, 12)

    @Bean
    SignedCommandType<RegistrationCommands.RegisterEntity> registerEntityType() {
        return governor(RegistrationCommands.RegisterEntity.class, "REGISTERED");
    }

    @Bean
    SignedCommandType<RegistrationCommands.RejectZoneRegistration> rejectZoneRegistrationType() {
        return governor(RegistrationCommands.RejectZoneRegistration.class, "REJECTED");
    }

    /**
     * 003 art. 12.5.1, 12.5.3, 26.2 (choice, ADR 0035 item 8; abuse audit F52): an act that cites its document claims it registry-wide
     * ({@link ActDocumentClaims}) after the zone check and before the aggregate acts, and releases the claim when it is refused.
     */
    private <T extends ZoneCommand> GovernorCommandType<T> citingItsDocument(Class<T> body, String result, Function<T, String> document,
                                                                         String article, ActDocumentClaims claims) {
        return citingItsDocument(body, result, document, DocumentKind.ZONE_REGISTRATION_ACT, article, claims);
    }

    /** As above, the document claimed as {@code kind}'s (the court's decision's, ADR 0035 item 62). */
    private <T extends ZoneCommand> GovernorCommandType<T> citingItsDocument(Class<T> body, String result, Function<T, String> document,
                                                                         DocumentKind kind, String article, ActDocumentClaims claims) {
        GovernorCommandType<T> toAggregate = GovernorCommandType.toAggregate(body, commands, RegistrationCommandTypes::unknownRegistration,
                (b, context, returned) -> new RegistrationAnswer((RegistrationId) TargetByRecordComponent.read(b, "registrationId"), result));
        return GovernorCommandType.of(body.getSimpleName(), body, (b, context) -> {
            RegistrationId registration = (RegistrationId) TargetByRecordComponent.read(b, "registrationId");
            // ADR 0057: one claim of the document, naming the registration (another kind's, or another registration's, is refused)
            return claims.claimedFor(document.apply(b), kind, registration, article, context, () -> toAggregate.carryOut().apply(b, context));
        });
    }

    @Bean
    SignedCommandType<RegistrationCommands.RecordInvestmentAgreement> recordInvestmentAgreementType(ActDocumentClaims claims, ZoneDating dating) {
        GovernorCommandType<RegistrationCommands.RecordInvestmentAgreement> citing = citingItsDocument(RegistrationCommands.RecordInvestmentAgreement.class,
                "AGREEMENT_RECORDED", RegistrationCommands.RecordInvestmentAgreement::documentSha256, "003 art. 12.5.1, 26.2", claims);
        // 003 art. 12.5.1, 6.1 (ADR 0035 item 40, F179): alone among the zone's dated acts, its signing day kept for the resolution date's check
        return GovernorCommandType.of("RecordInvestmentAgreement", RegistrationCommands.RecordInvestmentAgreement.class, (b, context) -> b.signedOn() == null
                ? citing.carryOut().apply(b, context)
                : dating.agreementAlone(b.zoneId(), b.signedOn(), context.commandId(), context.receivedAt(), () -> citing.carryOut().apply(b, context)));
    }

    /** 003 art. 12.5.1, 23.1-23.2 (choice, ADR 0035 item 23): the start rests on its document, claimed registry-wide as the agreement's. */
    @Bean
    SignedCommandType<RegistrationCommands.RecordOperationsStarted> recordOperationsStartedType(ActDocumentClaims claims) {
        return citingItsDocument(RegistrationCommands.RecordOperationsStarted.class, "OPERATING",
                RegistrationCommands.RecordOperationsStarted::documentSha256, "003 art. 12.5.1, 23.1-23.2", claims);
    }

    /** 003 art. 12.5.2, 26.2 (the lead, ADR 0035 item 46): the interruption rests on its document, claimed registry-wide as the start's. */
    @Bean
    SignedCommandType<RegistrationCommands.RecordOperationsInterrupted> recordOperationsInterruptedType(ActDocumentClaims claims) {
        return citingItsDocument(RegistrationCommands.RecordOperationsInterrupted.class, "INTERRUPTED",
                RegistrationCommands.RecordOperationsInterrupted::documentSha256, "003 art. 12.5.2, 26.2", claims);
    }

    /** 003 art. 12.5.2 (the lead, ADR 0035 item 56): the resumption rests on its document, claimed registry-wide as the interruption's. */
    @Bean
    SignedCommandType<RegistrationCommands.RecordOperationsResumed> recordOperationsResumedType(ActDocumentClaims claims) {
        return citingItsDocument(RegistrationCommands.RecordOperationsResumed.class, "OPERATING",
                RegistrationCommands.RecordOperationsResumed::documentSha256, "003 art. 12.5.2", claims);
    }

    /**
     * 003 art. 12.5.3, 26.2 (ADR 0035 item 62; abuse audit F272, was O151): the court's decision rests on its document, claimed as the
     * court's decision on the entity it dissolves: its registrations in every zone record the one decision.
     */
    @Bean
    SignedCommandType<RegistrationCommands.RecordCourtDecision> recordCourtDecisionType(ActDocumentClaims claims) {
        return citingItsDocument(RegistrationCommands.RecordCourtDecision.class, "GROUND_RAISED",
                RegistrationCommands.RecordCourtDecision::documentSha256, DocumentKind.ZONE_COURT_DECISION, "003 art. 12.5.3, 26.2", claims);
    }

    /**
     * 003 art. 12.5.3 (ADR 0035 item 88; abuse audit F418, was O256): the decline of F417's duty rests on its document, claimed as this
     * registration's act (the appeal or the state register's extract; the court's decision itself is claimed as the decision, item 62).
     */
    @Bean
    SignedCommandType<RegistrationCommands.DeclineCourtDecisionRecording> declineCourtDecisionRecordingType(ActDocumentClaims claims) {
        return citingItsDocument(RegistrationCommands.DeclineCourtDecisionRecording.class, "COURT_DECISION_DECLINED",
                RegistrationCommands.DeclineCourtDecisionRecording::documentSha256, "003 art. 12.5.3", claims);
    }

    @Bean
    SignedCommandType<RegistrationCommands.DeregisterEntity> deregisterEntityType() {
        return governor(RegistrationCommands.DeregisterEntity.class, "DEREGISTERED");
    }
}
