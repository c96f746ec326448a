package mn.registry.freezone.entity;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandType;
import mn.registry.document.DocumentStore;
import mn.registry.freezone.governor.GovernorCommandType;
import mn.registry.freezone.zone.Zones;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.FreeZoneTerms;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

/** The signed commands on entities in a zone (003 art. 12): the applicant's application, and the governor's decisions and records. */
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

    @Bean
    SignedCommandType<RegistrationCommands.ApplyForZoneRegistration> applyForZoneRegistrationType(CommandGateway gateway, Zones zones,
                                                                                                   CurrentCalendar calendar, DocumentStore documents) {
        return SignedCommandType.of("ApplyForZoneRegistration", RegistrationCommands.ApplyForZoneRegistration.class, Set.of(Role.APPLICANT), (body, context) -> {
            RegistrationIntakePolicy.check(body);
            zones.requireOpen(body.zoneId());
            for (SubmittedZoneDocument d : body.documents()) {
                if (documents.find(d.sha256()).isEmpty()) {
                    throw RegistryProblem.invalid("document.unknown", "No document with this SHA-256 was received; upload it to POST /api/documents first.",
                            "documents." + d.kind(), d.kind().article());
                }
            }
            Set<Activity> allowed = zones.allowedActivities(body.zoneId());
            ZoneRegistration.activityAllowedInTheZone(body.activity(), allowed, body.zoneId());
            RegistrationId id = RegistrationId.of(body.zoneId(), body.entity());
            Deadline due = calendar.get().deadline(context.receivedAt(), FreeZoneTerms.REVIEW);
            gateway.sendAndWait(new RegistrationStreamCommands.Apply(RegistrationStreamCommands.stream(id), id, body, context.receivedAt(),
                    due.due(), due.dueAt().toInstant(), FreeZoneTerms.REVIEW, due.calendarVersion(), allowed, context.actor()));
            return new ApplicationReceipt(id, context.receivedAt(), due.due(), due.dueAt(), due.calendarVersion().value(),
                    mn.registry.kernel.permit.PermitRegistrationReceipt.inUlaanbaatar(context.receivedAt()));
        });
    }

    @Bean
    SignedCommandType<RegistrationCommands.RegisterEntity> registerEntityType(CommandGateway gateway, Zones zones) {
        return GovernorCommandType.of("RegisterEntity", RegistrationCommands.RegisterEntity.class, (body, context) -> {
            zones.requireOpen(body.zoneId());
            send(gateway, body.registrationId(), new RegistrationStreamCommands.Register(RegistrationStreamCommands.stream(body.registrationId()),
                    body.registrationId(), UlaanbaatarTime.dateOf(context.receivedAt()), zones.allowedActivities(body.zoneId()), context.receivedAt(),
                    context.actor()));
            return new RegistrationAnswer(body.registrationId(), "REGISTERED");
        });
    }

    @Bean
    SignedCommandType<RegistrationCommands.RejectZoneRegistration> rejectZoneRegistrationType(CommandGateway gateway) {
        return GovernorCommandType.of("RejectZoneRegistration", RegistrationCommands.RejectZoneRegistration.class, (body, context) -> {
            send(gateway, body.registrationId(), new RegistrationStreamCommands.Reject(RegistrationStreamCommands.stream(body.registrationId()),
                    body, context.receivedAt(), context.actor()));
            return new RegistrationAnswer(body.registrationId(), "REJECTED");
        });
    }

    @Bean
    SignedCommandType<RegistrationCommands.RecordInvestmentAgreement> recordInvestmentAgreementType(CommandGateway gateway) {
        return GovernorCommandType.of("RecordInvestmentAgreement", RegistrationCommands.RecordInvestmentAgreement.class, (body, context) -> {
            send(gateway, body.registrationId(), new RegistrationStreamCommands.RecordAgreement(RegistrationStreamCommands.stream(body.registrationId()),
                    body, UlaanbaatarTime.dateOf(context.receivedAt()), context.actor()));
            return new RegistrationAnswer(body.registrationId(), "AGREEMENT_RECORDED");
        });
    }

    @Bean
    SignedCommandType<RegistrationCommands.RecordOperationsStarted> recordOperationsStartedType(CommandGateway gateway) {
        return GovernorCommandType.of("RecordOperationsStarted", RegistrationCommands.RecordOperationsStarted.class, (body, context) -> {
            send(gateway, body.registrationId(), new RegistrationStreamCommands.RecordStart(RegistrationStreamCommands.stream(body.registrationId()),
                    body, UlaanbaatarTime.dateOf(context.receivedAt()), context.actor()));
            return new RegistrationAnswer(body.registrationId(), "OPERATING");
        });
    }

    @Bean
    SignedCommandType<RegistrationCommands.RecordOperationsInterrupted> recordOperationsInterruptedType(CommandGateway gateway) {
        return GovernorCommandType.of("RecordOperationsInterrupted", RegistrationCommands.RecordOperationsInterrupted.class, (body, context) -> {
            send(gateway, body.registrationId(), new RegistrationStreamCommands.RecordInterruption(
                    RegistrationStreamCommands.stream(body.registrationId()), body, UlaanbaatarTime.dateOf(context.receivedAt()), context.actor()));
            return new RegistrationAnswer(body.registrationId(), "INTERRUPTED");
        });
    }

    @Bean
    SignedCommandType<RegistrationCommands.RecordOperationsResumed> recordOperationsResumedType(CommandGateway gateway) {
        return GovernorCommandType.of("RecordOperationsResumed", RegistrationCommands.RecordOperationsResumed.class, (body, context) -> {
            send(gateway, body.registrationId(), new RegistrationStreamCommands.RecordResumption(
                    RegistrationStreamCommands.stream(body.registrationId()), body, UlaanbaatarTime.dateOf(context.receivedAt()), context.actor()));
            return new RegistrationAnswer(body.registrationId(), "OPERATING");
        });
    }

    @Bean
    SignedCommandType<RegistrationCommands.RecordCourtDecision> recordCourtDecisionType(CommandGateway gateway) {
        return GovernorCommandType.of("RecordCourtDecision", RegistrationCommands.RecordCourtDecision.class, (body, context) -> {
            send(gateway, body.registrationId(), new RegistrationStreamCommands.RecordCourt(RegistrationStreamCommands.stream(body.registrationId()),
                    body, context.receivedAt(), context.actor()));
            return new RegistrationAnswer(body.registrationId(), "GROUND_RAISED");
        });
    }

    @Bean
    SignedCommandType<RegistrationCommands.DeregisterEntity> deregisterEntityType(CommandGateway gateway) {
        return GovernorCommandType.of("DeregisterEntity", RegistrationCommands.DeregisterEntity.class, (body, context) -> {
            send(gateway, body.registrationId(), new RegistrationStreamCommands.Deregister(RegistrationStreamCommands.stream(body.registrationId()),
                    body, UlaanbaatarTime.dateOf(context.receivedAt()), context.receivedAt(), context.actor()));
            return new RegistrationAnswer(body.registrationId(), "DEREGISTERED");
        });
    }

    static void send(CommandGateway gateway, RegistrationId id, Object command) {
        try {
            gateway.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "freezone.registration-unknown", "No application " + id + " was received.",
                    "registrationId", "003 art. 12.1");
        }
    }
}
