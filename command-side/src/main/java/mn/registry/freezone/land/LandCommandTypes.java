package mn.registry.freezone.land;

import mn.registry.command.api.SignedCommandContext;
import mn.registry.command.claim.Claimant;
import mn.registry.command.claim.DocumentKind;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.command.api.SignedCommandType;
import mn.registry.command.api.TargetByRecordComponent;
import mn.registry.freezone.governor.GovernorCommandType;
import mn.registry.freezone.governor.StreamTarget;
import mn.registry.freezone.zone.ZoneDating;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/**
 * The signed land commands (003 art. 22-23), one line each: the entity's application for land use (its representative), the
 * governor's decision on it (grant or refuse, once) and the fee that issues the certificate, and the Government's exemptions
 * (Cabinet member). The body goes as it is to {@link ZoneLand}, which reads the zone and the applicant's or holder's standing
 * at the registry's time of receipt through {@link LandServices} (ADR 0026).
 */
@Configuration
class LandCommandTypes {

    record LandAnswer(LandLicenceId licenceId, String status) {
    }

    record ApplicationAnswer(LandApplicationId applicationId, java.time.Instant receivedAt, String status) {
    }

    record ExemptionAnswer(ZoneId zoneId, int number, String status) {
    }

    private final CommandGateway commands;

    LandCommandTypes(CommandGateway commands) {
        this.commands = commands;
    }

    /** Every land command is for its zone's land register, named by {@code zoneId}. */
    @Bean
    CommandTargetResolver zoneLandTarget() {
        return new StreamTarget(LandCommandTypes::streamOf);
    }

    static String streamOf(Object body) {
        return TargetByRecordComponent.read(body, "zoneId") instanceof ZoneId zone ? zone.landStream() : null;
    }

    /** A decision on an application; a zone with no land register has received no application. */
    static RegistryProblem unknownApplication(LandApplicationId id) {
        return new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "freezone.land-application-unknown", "No application for land use "
                + (id == null ? "was named" : id + " was received in this zone") + "; land is granted only on an entity's application.",
                "applicationId", "003 art. 22.2, 8.7.7");
    }

    // 003 art. 22.2, 22.4: the entity's own act, signed by its representative
    @Bean
    SignedCommandType<LandCommands.ApplyForLandUse> applyForLandUseType() {
        return SignedCommandType.of("ApplyForLandUse", LandCommands.ApplyForLandUse.class, Set.of(Role.APPLICANT), (body, context) -> {
            if (body.zoneId() == null) {
                throw RegistryProblem.invalid("freezone.field-missing", "The application names the zone and the entity's registration in it.",
                        "zoneId", "003 art. 22.2");
            }
            LandApplicationId id = commands.sendAndWait(SignedCommandContext.message(body, context));
            return new ApplicationAnswer(id, context.receivedAt(), "PENDING");
        });
    }

    // 003 art. 22.5, 22.7 (ADR 0035 item 22): the holder's own report of its fee paid, signed by its representative. Its receipt's document
    // is claimed registry-wide (abuse audit F163, LandFeeReceiptClaims#claimReport) before the land register acts, released when refused
    @Bean
    SignedCommandType<LandCommands.ReportLandFeePaid> reportLandFeePaidType(LandFeeReceiptClaims receipts) {
        return SignedCommandType.of("ReportLandFeePaid", LandCommands.ReportLandFeePaid.class, Set.of(Role.APPLICANT), (body, context) -> {
            if (body.zoneId() == null || body.licenceId() == null) {
                throw RegistryProblem.invalid("freezone.field-missing", "The report names the zone and the licence.", "licenceId", "003 art. 22.5");
            }
            // ADR 0057 (session 19): the one claim of the receipt's document (another licence's report, or another kind's act, refused)
            String claimed = receipts.claimReport(body.receiptSha256(), context.commandId(), body.zoneId(), body.licenceId(), context.receivedAt());
            try {
                commands.sendAndWait(SignedCommandContext.message(body, context));
            } catch (org.axonframework.modelling.command.AggregateNotFoundException unknown) {
                receipts.release(claimed, context.commandId());
                throw new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "freezone.licence-unknown", "No land licence " + body.licenceId() + ".",
                        "licenceId", "003 art. 22.5");
            } catch (RuntimeException refused) {
                receipts.release(claimed, context.commandId());
                throw refused;
            }
            if (claimed == null) {
                receipts.adoptReport(body.receiptSha256(), context.commandId(), body.zoneId(), body.licenceId(), context.receivedAt());
            }
            return new LandAnswer(body.licenceId(), "GRANTED_FEE_REPORTED");
        });
    }

    // 003 art. 22.2 (ADR 0035 item 86; abuse audit F416, was O244): the entity's own withdrawal of its pending application, signed by its
    // representative; a zone with no land register has received no application
    @Bean
    SignedCommandType<LandCommands.WithdrawLandApplication> withdrawLandApplicationType() {
        return SignedCommandType.of("WithdrawLandApplication", LandCommands.WithdrawLandApplication.class, Set.of(Role.APPLICANT), (body, context) -> {
            if (body.zoneId() == null || body.applicationId() == null) {
                throw RegistryProblem.invalid("freezone.field-missing", "The withdrawal names the zone and the application.", "applicationId",
                        "003 art. 22.2");
            }
            try {
                commands.sendAndWait(SignedCommandContext.message(body, context));
            } catch (org.axonframework.modelling.command.AggregateNotFoundException unknown) {
                throw unknownApplication(body.applicationId());
            }
            return new ApplicationAnswer(body.applicationId(), context.receivedAt(), "WITHDRAWN");
        });
    }

    @Bean
    SignedCommandType<LandCommands.RefuseLandUse> refuseLandUseType() {
        return GovernorCommandType.toAggregate(LandCommands.RefuseLandUse.class, commands, b -> unknownApplication(b.applicationId()),
                (b, context, returned) -> new ApplicationAnswer(b.applicationId(), context.receivedAt(), "REFUSED"));
    }

    @Bean
    SignedCommandType<LandCommands.GrantLandRights> grantLandRightsType() {
        return GovernorCommandType.toAggregate(LandCommands.GrantLandRights.class, commands, b -> unknownApplication(b.applicationId()),
                (b, context, licence) -> new LandAnswer((LandLicenceId) licence, "GRANTED_FEE_DUE"));
    }

    /**
     * 003 art. 22.4, 22.5 (the lead's reading, ADR 0035 item 130; abuse audit F541, was O364): the governor records the result of the tender
     * or auction that selected a pending application, on the result's document, claimed registry-wide (kind
     * {@link DocumentKind#LAND_SELECTION_RESULT}, one application's selection; another kind's act on it refused) before the land register acts,
     * released when refused.
     */
    @Bean
    SignedCommandType<LandCommands.RecordLandSelectionResult> recordLandSelectionResultType(DocumentClaims claims) {
        GovernorCommandType<LandCommands.RecordLandSelectionResult> toAggregate = GovernorCommandType.toAggregate(
                LandCommands.RecordLandSelectionResult.class, commands, b -> unknownApplication(b.applicationId()),
                (b, context, returned) -> new ApplicationAnswer(b.applicationId(), context.receivedAt(), "SELECTED"));
        return GovernorCommandType.of("RecordLandSelectionResult", LandCommands.RecordLandSelectionResult.class, (b, context) ->
                claims.claimedFor(b.resultSha256(), DocumentKind.LAND_SELECTION_RESULT, Claimant.grounding(DocumentClaims.Grounds.APPLICATION.of(b.applicationId() == null ? null : b.applicationId().value())),
                        context, "resultSha256", "003 art. 22.4", () -> toAggregate.carryOut().apply(b, context)));
    }

    /**
     * 003 art. 22.4, 22.5 (the lead's reading, ADR 0035 items 146-148; abuse audit F582-F584, was O440): the zone's governor in office at the
     * receipt (as for the result's record) annuls a result before land rights rest on it, with reasons screened as published text. The
     * result's document is not released: it stays claimed by the annulled result (item 148).
     */
    @Bean
    SignedCommandType<LandCommands.AnnulLandSelectionResult> annulLandSelectionResultType() {
        return GovernorCommandType.toAggregate(LandCommands.AnnulLandSelectionResult.class, commands, b -> unknownApplication(b.applicationId()),
                (b, context, returned) -> new ApplicationAnswer(b.applicationId(), context.receivedAt(), "RESULT_ANNULLED"));
    }

    /**
     * 003 art. 22.5 (choice, ADR 0035 item 18; abuse audit F122): the receipt is claimed registry-wide ({@link LandFeeReceiptClaims})
     * after the zone check and before the land register acts, and released when the fee is refused.
     */
    @Bean
    SignedCommandType<LandCommands.RecordLandFeePaid> recordLandFeePaidType(LandFeeReceiptClaims receipts) {
        GovernorCommandType<LandCommands.RecordLandFeePaid> toAggregate = GovernorCommandType.toAggregate(LandCommands.RecordLandFeePaid.class, commands,
                b -> new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "freezone.licence-unknown", "No land licence " + b.licenceId() + ".",
                        "licenceId", "003 art. 22.5"),
                (b, context, returned) -> new LandAnswer(b.licenceId(), "ISSUED"));
        return GovernorCommandType.of("RecordLandFeePaid", LandCommands.RecordLandFeePaid.class, (b, context) -> {
            String claimed = receipts.claim(b.receipt(), context.commandId(), b.zoneId(), b.licenceId(), context.receivedAt());
            // F502 (ADR 0035 item 102): the receipt's document too, the one claim of the holder's report's (the same licence's passes)
            String document;
            try {
                document = receipts.claimReport(b.receiptSha256(), context.commandId(), b.zoneId(), b.licenceId(), context.receivedAt());
            } catch (RuntimeException refused) {
                receipts.release(claimed, context.commandId());
                throw refused;
            }
            Object answer;
            try {
                answer = toAggregate.carryOut().apply(b, context);
            } catch (RuntimeException refused) {
                receipts.release(claimed, context.commandId());
                receipts.release(document, context.commandId());
                throw refused;
            }
            if (claimed == null) {
                receipts.adopt(b.receipt(), context.commandId(), b.zoneId(), b.licenceId(), context.receivedAt());
            }
            if (document == null) {
                receipts.adoptReport(b.receiptSha256(), context.commandId(), b.zoneId(), b.licenceId(), context.receivedAt());
            }
            return answer;
        });
    }

    /**
     * 003 art. 23.3-23.4: the Government decides exemptions; the Cabinet member in charge of Free Zones records them (8.2). The decision's
     * document is claimed for the exemptions registry-wide (ADR 0035 item 28, abuse audit F168; since session 19 the one claim of the
     * document, ADR 0057: kind {@link DocumentKind#LAND_FEE_EXEMPTION_DECISION}, whose acts share it, one decision exempting several
     * beneficiaries) before the land register acts, released when refused, taken over by an accepted exemption that shared it.
     */
    @Bean
    SignedCommandType<LandCommands.GrantLandFeeExemption> grantLandFeeExemptionType(DocumentClaims claims, ZoneDating dating) {
        return SignedCommandType.of("GrantLandFeeExemption", LandCommands.GrantLandFeeExemption.class, Set.of(Role.CABINET_MEMBER), (body, context) -> {
            if (body.zoneId() == null) {
                throw RegistryProblem.invalid("freezone.zone-missing", "The exemption names its zone.", "zoneId", "003 art. 23.3");
            }
            // 003 art. 6.1 (ADR 0035 item 40, F179): alone among the zone's dated acts, so that a resolution's date recorded on another node
            // at the same instant reads this exemption, or this exemption reads the date
            return dating.alone(body.zoneId(), context.commandId(), context.receivedAt(), () -> claims.claimedFor(body.decisionSha256(),
                    DocumentKind.LAND_FEE_EXEMPTION_DECISION, Claimant.NONE, context, "decisionSha256", "003 art. 23.4, 6.4",
                    () -> new ExemptionAnswer(body.zoneId(),
                            commands.<Integer>sendAndWait(SignedCommandContext.message(body, context)), "GRANTED")));
        });
    }

    record BaseValueAnswer(ZoneId zoneId, int number, String status) {
    }

    /**
     * 003 art. 22.3 (the lead's reading, ADR 0035 item 108; abuse audit F529, was O347): the Government determines the basic value of land;
     * the Cabinet member records it, as 23.4's exemptions, on the Government decision's document, claimed as theirs are (kind
     * {@link DocumentKind#LAND_FEE_EXEMPTION_DECISION}: one Government decision on the zone's land fees may set the base value and exempt
     * several beneficiaries; another kind's act on it is refused) before the land register acts, released when refused.
     */
    @Bean
    SignedCommandType<LandCommands.RecordLandBaseValue> recordLandBaseValueType(DocumentClaims claims, ZoneDating dating) {
        return SignedCommandType.of("RecordLandBaseValue", LandCommands.RecordLandBaseValue.class, Set.of(Role.CABINET_MEMBER), (body, context) -> {
            if (body.zoneId() == null) {
                throw RegistryProblem.invalid("freezone.zone-missing", "The basic value of land names its zone.", "zoneId", "003 art. 22.3");
            }
            // 003 art. 6.1 (ADR 0035 items 40, 114; F536, was O382): alone among the zone's dated acts, as an exemption, so that a resolution's
            // date recorded on another node at the same instant reads this value's decision, or this value reads the date
            return dating.alone(body.zoneId(), context.commandId(), context.receivedAt(), () -> claims.claimedFor(body.decisionSha256(),
                    DocumentKind.LAND_FEE_EXEMPTION_DECISION, Claimant.NONE, context, "decisionSha256", "003 art. 22.3, 6.4",
                    () -> new BaseValueAnswer(body.zoneId(), commands.<Integer>sendAndWait(SignedCommandContext.message(body, context)), "RECORDED")));
        });
    }

    /**
     * 003 art. 22.3 (the lead's reading, ADR 0035 item 142, <b>choice</b>; abuse audit F574, was O409): a second Cabinet member confirms a
     * lower basic value of land recorded by another; the same authority as the record's (the Cabinet member's role in force at the registry's
     * receipt). No document is named: the value's decision was received and claimed at its record.
     */
    @Bean
    SignedCommandType<LandCommands.ConfirmLandBaseValue> confirmLandBaseValueType() {
        return SignedCommandType.of("ConfirmLandBaseValue", LandCommands.ConfirmLandBaseValue.class, Set.of(Role.CABINET_MEMBER), (body, context) -> {
            if (body.zoneId() == null) {
                throw RegistryProblem.invalid("freezone.zone-missing", "The confirmation names the zone of the basic value of land.", "zoneId",
                        "003 art. 22.3");
            }
            return new BaseValueAnswer(body.zoneId(), commands.<Integer>sendAndWait(SignedCommandContext.message(body, context)), "IN_FORCE");
        });
    }
}
