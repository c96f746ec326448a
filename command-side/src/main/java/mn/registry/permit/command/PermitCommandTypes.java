package mn.registry.permit.command;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandType;
import mn.registry.document.DocumentStore;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.*;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.permit.command.PermitCommands.*;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The signed commands of the permit lifecycle, one bean each: who may sign (domain-rules §1), and how the body
 * becomes an internal command with the registry's receipt time and every due date computed with the calendar in force.
 * Each answers with the application id, the command type and the time it was applied.
 */
@Configuration
class PermitCommandTypes {

    static final Set<Role> MINISTRY = Set.of(Role.MINISTRY_REVIEWER, Role.MINISTRY_SUPERVISOR);
    static final Set<Role> SUPERVISOR = Set.of(Role.MINISTRY_SUPERVISOR);
    static final Set<Role> HOLDER = Set.of(Role.APPLICANT);

    /** One signed command type: its name, body, signers, and the internal command it sends. */
    record PermitCommandType<T>(String type, Class<T> bodyType, Set<Role> allowedRoles, CommandGateway commands,
                                BiFunction<T, CommandContext, Object> toCommand) implements SignedCommandType<T> {

        @Override
        public Object handle(T body, CommandContext context) {
            if (body == null) {
                throw RegistryProblem.invalid("command.body-missing", "The command has no body.", "command", null);
            }
            Object command = toCommand.apply(body, context);
            try {
                commands.sendAndWait(command);
            } catch (AggregateNotFoundException e) {
                throw RegistryProblem.invalid("permit.unknown-application", "No special-permit application has this id.", "applicationId", null);
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("type", type);
            answer.put("appliedAt", context.receivedAt().toString());
            if (command instanceof Record r) {
                try {
                    Object id = r.getClass().getRecordComponents()[0].getAccessor().invoke(r);
                    answer.put("applicationId", id.toString());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return answer;
        }
    }

    private final CommandGateway commands;
    private final CurrentCalendar calendar;

    PermitCommandTypes(CommandGateway commands, CurrentCalendar calendar) {
        this.commands = commands;
        this.calendar = calendar;
    }

    private Deadline due(Instant from, WorkingDays n) {
        return calendar.get().deadline(from, n);
    }

    private <T> SignedCommandType<T> type(String name, Class<T> body, Set<Role> roles, BiFunction<T, CommandContext, Object> toCommand) {
        return new PermitCommandType<>(name, body, roles, commands, toCommand);
    }

    private static ApplicationId id(ApplicationId id) {
        if (id == null) {
            throw RegistryProblem.invalid("permit.application-id-missing", "The command names the application.", "applicationId", null);
        }
        return id;
    }

    @Bean
    SignedCommandType<SetMinimumInsurance> setMinimumInsurance() {
        return SignedCommandType.of("SetMinimumInsurance", SetMinimumInsurance.class, SUPERVISOR, (body, c) -> {
            if (body.amount() == null) {
                throw RegistryProblem.invalid("permit.minimum-insurance-missing", "The amount is required.", "amount", "002 art. 26.5");
            }
            commands.sendAndWait(new MinistryParameters.SetMinimum(MinistryParameters.STREAM,
                    new MinimumInsuranceSet(body.amount(), c.receivedAt(), c.actor(), "002 art. 26.5")));
            return Map.of("minimumInsurance", body.amount(), "setAt", c.receivedAt().toString());
        });
    }

    @Bean
    MinimumInsurance minimumInsurance(EventStore events) {
        return new MinimumInsurance(events);
    }

    /** The minimum insurance in force: the last {@link MinimumInsuranceSet} of the ministry's parameter stream, if any. */
    static final class MinimumInsurance {
        private final EventStore events;

        MinimumInsurance(EventStore events) {
            this.events = events;
        }

        Money inForce() {
            return events.readEvents(MinistryParameters.STREAM).asStream().map(EventMessage::getPayload)
                    .filter(MinimumInsuranceSet.class::isInstance).map(p -> ((MinimumInsuranceSet) p).amount())
                    .reduce((a, b) -> b).orElse(null);
        }
    }

    @Bean
    SignedCommandType<RequestPermitDocuments> requestPermitDocuments() {
        return type("RequestPermitDocuments", RequestPermitDocuments.class, MINISTRY,
                (b, c) -> new RequestDocuments(id(b.applicationId()), b.kinds(), b.note(), c.receivedAt(), c.actor()));
    }

    @Bean
    SignedCommandType<RecordPermitDocumentsReceived> recordPermitDocumentsReceived(DocumentStore documents) {
        return type("RecordPermitDocumentsReceived", RecordPermitDocumentsReceived.class, MINISTRY,
                (b, c) -> new RecordDocumentsReceived(id(b.applicationId()), (b.documents() == null ? List.<SubmittedDocument>of() : b.documents())
                        .stream().map(d -> documents.find(d.sha256()).orElseThrow(() -> RegistryProblem.invalid("document.unknown",
                                "No document with this SHA-256 was received; upload it to POST /api/documents first.", "documents", "001 art. 38.1"))
                                .as(d.kind())).toList(), c.receivedAt()));
    }

    @Bean
    SignedCommandType<ApprovePermitApplication> approvePermitApplication(MinimumInsurance minimum) {
        return type("ApprovePermitApplication", ApprovePermitApplication.class, MINISTRY,
                (b, c) -> new Approve(id(b.applicationId()), minimum.inForce(), c.receivedAt(), c.actor()));
    }

    @Bean
    SignedCommandType<RefusePermitApplication> refusePermitApplication() {
        return type("RefusePermitApplication", RefusePermitApplication.class, MINISTRY,
                (b, c) -> new Refuse(id(b.applicationId()), b.reasons(), c.receivedAt(), c.actor()));
    }

    @Bean
    SignedCommandType<RecordPermitInsurance> recordPermitInsurance(MinimumInsurance minimum) {
        return type("RecordPermitInsurance", RecordPermitInsurance.class, Set.of(Role.MINISTRY_REVIEWER, Role.MINISTRY_SUPERVISOR, Role.APPLICANT),
                (b, c) -> {
                    if (b.amount() == null) {
                        throw RegistryProblem.invalid("permit.insurance-amount-missing", "The insured amount is required.", "amount", "002 art. 26.2.3");
                    }
                    return new RecordInsurance(id(b.applicationId()), b.insurer(), b.policyNumber(), b.amount(), minimum.inForce(),
                            b.insuredUntil(), b.proofSha256(), c.receivedAt());
                });
    }

    @Bean
    SignedCommandType<IssuePermit> issuePermit() {
        return type("IssuePermit", IssuePermit.class, SUPERVISOR,
                (b, c) -> new Issue(id(b.applicationId()), PermitApplication.ISSUER, b.activity(), b.conditions(),
                        b.validFrom() == null ? UlaanbaatarTime.dateOf(c.receivedAt()) : b.validFrom(), b.contractSha256(), c.receivedAt(), c.actor(),
                        due(c.receivedAt(), PermitDeadlines.PUBLICATION)));
    }

    @Bean
    SignedCommandType<RecordPermitDutyFulfilled> recordPermitDutyFulfilled() {
        return type("RecordPermitDutyFulfilled", RecordPermitDutyFulfilled.class, Set.of(Role.MINISTRY_REVIEWER, Role.MINISTRY_SUPERVISOR, Role.APPLICANT),
                (b, c) -> new RecordDutyFulfilled(id(b.applicationId()), b.duty(), b.evidenceSha256(), c.receivedAt(), c.actor(), c.roles()));
    }

    // 002 art. 27.2: a proof of stamp duty pays for one request, registry-wide: claimed before the aggregate acts, released on refusal
    @Bean
    SignedCommandType<RequestPermitExtension> requestPermitExtension(StampDutyProofs proofs) {
        SignedCommandType<RequestPermitExtension> request = type("RequestPermitExtension", RequestPermitExtension.class, HOLDER,
                (b, c) -> new RequestExtension(id(b.applicationId()), b.stampDutyProofSha256(), c.receivedAt(), c.actor(),
                        due(c.receivedAt(), PermitDeadlines.EXTENSION_DECISION), due(c.receivedAt(), PermitDeadlines.EXTENSION_FAST_PATH)));
        return SignedCommandType.of("RequestPermitExtension", RequestPermitExtension.class, HOLDER, (b, c) -> {
            if (b == null) {
                return request.handle(null, c);
            }
            proofs.claim(b.stampDutyProofSha256(), c.commandId(), b.applicationId(), c.receivedAt());
            try {
                return request.handle(b, c);
            } catch (RuntimeException refused) {
                proofs.release(b.stampDutyProofSha256(), c.commandId());
                throw refused;
            }
        });
    }

    @Bean
    SignedCommandType<DecidePermitExtension> decidePermitExtension() {
        return type("DecidePermitExtension", DecidePermitExtension.class, MINISTRY,
                (b, c) -> new DecideExtension(id(b.applicationId()), b.extend(), b.reasons(), c.receivedAt(), c.actor(),
                        due(c.receivedAt(), PermitDeadlines.PUBLICATION)));
    }

    @Bean
    SignedCommandType<SuspendPermit> suspendPermit() {
        return type("SuspendPermit", SuspendPermit.class, MINISTRY,
                (b, c) -> new Suspend(id(b.applicationId()), b.ground(), b.evidenceSha256(), b.taxEvasions(),
                        b.from() == null ? UlaanbaatarTime.dateOf(c.receivedAt()) : b.from(), b.until(), c.receivedAt(), c.actor(),
                        due(c.receivedAt(), PermitDeadlines.SUSPENSION_NOTICE)));
    }

    /** 002 art. 28.1: the tax authority's request to suspend, decided by the ministry within 5 working days (ADR 0013 §4). */
    @Bean
    SignedCommandType<RequestPermitSuspension> requestPermitSuspension() {
        return type("RequestPermitSuspension", RequestPermitSuspension.class, Set.of(Role.TAX_OFFICER),
                (b, c) -> new RequestSuspension(id(b.applicationId()), b.taxEvasions(), b.evidenceSha256(), c.receivedAt(), c.actor(),
                        due(c.receivedAt(), PermitDuty.TAX_REQUEST_DECISION)));
    }

    /** 002 art. 28.1: the ministry refuses the tax authority's request, with reasons. */
    @Bean
    SignedCommandType<RefusePermitSuspensionRequest> refusePermitSuspensionRequest() {
        return type("RefusePermitSuspensionRequest", RefusePermitSuspensionRequest.class, MINISTRY,
                (b, c) -> new RefuseSuspensionRequest(id(b.applicationId()), b.reasons(), c.receivedAt(), c.actor()));
    }

    @Bean
    SignedCommandType<RestorePermit> restorePermit() {
        return type("RestorePermit", RestorePermit.class, MINISTRY,
                (b, c) -> new Restore(id(b.applicationId()), b.reason(), c.receivedAt(), c.actor()));
    }

    @Bean
    SignedCommandType<RevokePermit> revokePermit() {
        return type("RevokePermit", RevokePermit.class, SUPERVISOR,
                (b, c) -> new Revoke(id(b.applicationId()), b.ground(), b.reason(), c.receivedAt(), c.actor()));
    }

    @Bean
    SignedCommandType<RecordCertificateDatabaseHandedOver> recordCertificateDatabaseHandedOver() {
        return type("RecordCertificateDatabaseHandedOver", RecordCertificateDatabaseHandedOver.class, MINISTRY,
                (b, c) -> new RecordDatabaseHandedOver(id(b.applicationId()), b.databaseSha256(), c.receivedAt(), c.actor()));
    }

    @Bean
    SignedCommandType<PassCertificateDatabaseOn> passCertificateDatabaseOn() {
        return type("PassCertificateDatabaseOn", PassCertificateDatabaseOn.class, SUPERVISOR,
                (b, c) -> new PassDatabaseOn(id(b.applicationId()), b.successorPermit(), b.contractSha256(), c.receivedAt(), c.actor()));
    }

    @Bean
    SignedCommandType<FileRevocationComplaint> fileRevocationComplaint() {
        return type("FileRevocationComplaint", FileRevocationComplaint.class, HOLDER,
                (b, c) -> new FileComplaint(id(b.applicationId()), b.complaintSha256(), c.receivedAt(), c.actor()));
    }

    @Bean
    SignedCommandType<DecideRevocationComplaint> decideRevocationComplaint() {
        return type("DecideRevocationComplaint", DecideRevocationComplaint.class, SUPERVISOR,
                (b, c) -> new DecideComplaint(id(b.applicationId()), b.upheld(), b.decisionSha256(), c.receivedAt(), c.actor()));
    }

    @Bean
    SignedCommandType<ReportPermitChange> reportPermitChange(EventStore events) {
        return type("ReportPermitChange", ReportPermitChange.class, HOLDER,
                (b, c) -> {
                    if (b.changedOn() == null) {
                        throw RegistryProblem.invalid("permit.change-date-missing", "The date of the change is required.", "changedOn", "002 art. 20.3.3");
                    }
                    // checked before the report's deadline is computed from changedOn (the aggregate checks it again)
                    PermitApplication.changeIsToTheIssuedPermit(b.changedOn(), issuedOn(events, id(b.applicationId())));
                    return new ReportChange(id(b.applicationId()), b.changedOn(), b.description(), b.documentSha256(), c.receivedAt(), c.actor(),
                            calendar.get().deadline(b.changedOn(), PermitDeadlines.CHANGE_REPORT));
                });
    }

    /** The local date the permit was issued, from its events; null when none was issued under this id. */
    private static java.time.LocalDate issuedOn(EventStore events, ApplicationId applicationId) {
        return events.readEvents(applicationId.value()).asStream().map(EventMessage::getPayload)
                .filter(PermitIssued.class::isInstance).map(p -> UlaanbaatarTime.dateOf(((PermitIssued) p).issuedAt()))
                .findFirst().orElse(null);
    }

    @Bean
    SignedCommandType<RecordPermitInspection> recordPermitInspection() {
        return type("RecordPermitInspection", RecordPermitInspection.class, Set.of(Role.COMMUNICATIONS_INSPECTOR, Role.MINISTRY_REVIEWER),
                (b, c) -> new RecordInspection(id(b.applicationId()), b.inspectedOn() == null ? UlaanbaatarTime.dateOf(c.receivedAt()) : b.inspectedOn(),
                        b.findingsSha256(), b.violationFound(), c.receivedAt(), c.actor(), c.roles().contains(Role.COMMUNICATIONS_INSPECTOR)));
    }

    @Bean
    SignedCommandType<TransferPermit> transferPermit() {
        return type("TransferPermit", TransferPermit.class, SUPERVISOR,
                (b, c) -> new Transfer(id(b.applicationId()), b.successor(), b.reorganisation(), b.evidenceSha256(), c.receivedAt(), c.actor()));
    }

    @Bean
    SignedCommandType<ReportCertificatesIssued> reportCertificatesIssued() {
        return type("ReportCertificatesIssued", ReportCertificatesIssued.class, HOLDER,
                (b, c) -> new RecordCertificatesIssued(id(b.applicationId()), b.count(), b.periodEnd(), c.receivedAt(), c.actor()));
    }
}
