package mn.registry.permit.command;

import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.PermitDuty;
import mn.registry.kernel.permit.RefusalReason;
import mn.registry.kernel.permit.Reorganisation;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.kernel.permit.RevocationGround;
import mn.registry.kernel.permit.SuspensionGround;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The internal Axon commands of the permit lifecycle. Each carries what the aggregate needs, computed outside it:
 * the time ({@code at}, the registry's receipt time), the person who signed, and every due date with its calendar version.
 * Commands named "fired" come from the deadline service; the aggregate records each at most once.
 */
final class PermitCommands {

    private PermitCommands() {
    }

    // --- deadline service ---

    record RecomputeDecisionDue(@TargetAggregateIdentifier ApplicationId applicationId, LocalDate decisionDue, Instant decisionDueAt,
                                CalendarVersion calendarVersion) {
    }

    record RecomputeDutyDue(@TargetAggregateIdentifier ApplicationId applicationId, PermitDuty duty, String deadlineId, LocalDate startedOn,
                            WorkingDays workingDays, LocalDate due, CalendarVersion calendarVersion) {
    }

    /** Fired: the decision due date passed. */
    record EscalateOverdueDecision(@TargetAggregateIdentifier ApplicationId applicationId, LocalDate decisionDue, Instant at) {
    }

    /** Fired: a duty's due date passed. */
    record FlagOverdueDuty(@TargetAggregateIdentifier ApplicationId applicationId, PermitDuty duty, LocalDate due, Instant at) {
    }

    /** Fired: the extension request due date (three months before expiry) passed. */
    record ExtensionRequestDueDatePassed(@TargetAggregateIdentifier ApplicationId applicationId, LocalDate requestDue, Instant at) {
    }

    /** Fired: the permit's term ended. */
    record Expire(@TargetAggregateIdentifier ApplicationId applicationId, LocalDate validUntil, Instant at) {
    }

    /** Fired: a suspension reached its end; {@code decision} is the supervisor's deadline to restore or revoke (ADR 0013 §4). */
    record SuspensionRanOut(@TargetAggregateIdentifier ApplicationId applicationId, LocalDate until, Instant at, Deadline decision) {
    }

    // --- people ---

    record RequestDocuments(@TargetAggregateIdentifier ApplicationId applicationId, List<RequiredDocument> kinds, String note, Instant at,
                            PersonId by) {
    }

    record RecordDocumentsReceived(@TargetAggregateIdentifier ApplicationId applicationId, List<DocumentRef> documents, Instant at) {
    }

    record Approve(@TargetAggregateIdentifier ApplicationId applicationId, Money minimumInsurance, Instant at, PersonId by) {
    }

    record Refuse(@TargetAggregateIdentifier ApplicationId applicationId, List<RefusalReason> reasons, Instant at, PersonId by) {
    }

    record RecordInsurance(@TargetAggregateIdentifier ApplicationId applicationId, String insurer, String policyNumber, Money amount,
                           Money minimumInForce, LocalDate insuredUntil, String proofSha256, Instant at) {
    }

    record Issue(@TargetAggregateIdentifier ApplicationId applicationId, String issuer, String activity, List<String> conditions,
                 LocalDate validFrom, String contractSha256, Instant at, PersonId signingOfficial, Deadline publication) {
    }

    /** A signed record that a duty was done; {@code roles} are the signer's roles at receipt (who owes the duty decides). */
    record RecordDutyFulfilled(@TargetAggregateIdentifier ApplicationId applicationId, PermitDuty duty, String evidenceSha256, Instant at,
                               PersonId by, Set<Role> roles) {
    }

    /** The request of the tax authority to suspend (002 art. 28.1), with the ministry's decision deadline. */
    record RequestSuspension(@TargetAggregateIdentifier ApplicationId applicationId, int taxEvasions, String evidenceSha256, Instant at,
                             PersonId by, Deadline decision) {
    }

    /** The ministry refuses the tax authority's request, with reasons (002 art. 28.1). */
    record RefuseSuspensionRequest(@TargetAggregateIdentifier ApplicationId applicationId, String reasons, Instant at, PersonId by) {
    }

    record RequestExtension(@TargetAggregateIdentifier ApplicationId applicationId, String stampDutyProofSha256, Instant at, PersonId by,
                            Deadline decision, Deadline fastPath) {
    }

    record DecideExtension(@TargetAggregateIdentifier ApplicationId applicationId, boolean extend, List<RefusalReason> reasons, Instant at,
                           PersonId by, Deadline publication) {
    }

    record Suspend(@TargetAggregateIdentifier ApplicationId applicationId, SuspensionGround ground, String evidenceSha256, int taxEvasions,
                   LocalDate from, LocalDate until, Instant at, PersonId by, Deadline notice) {
    }

    record Restore(@TargetAggregateIdentifier ApplicationId applicationId, String reason, Instant at, PersonId by) {
    }

    record Revoke(@TargetAggregateIdentifier ApplicationId applicationId, RevocationGround ground, String reason, Instant at, PersonId by) {
    }

    record RecordDatabaseHandedOver(@TargetAggregateIdentifier ApplicationId applicationId, String databaseSha256, Instant at, PersonId by) {
    }

    record PassDatabaseOn(@TargetAggregateIdentifier ApplicationId applicationId, ApplicationId successorPermit, String contractSha256,
                          Instant at, PersonId by) {
    }

    record FileComplaint(@TargetAggregateIdentifier ApplicationId applicationId, String complaintSha256, Instant at, PersonId by) {
    }

    record DecideComplaint(@TargetAggregateIdentifier ApplicationId applicationId, boolean upheld, String decisionSha256, Instant at,
                           PersonId by) {
    }

    record ReportChange(@TargetAggregateIdentifier ApplicationId applicationId, LocalDate changedOn, String description,
                        String documentSha256, Instant at, PersonId by, Deadline report) {
    }

    /** {@code byInspector}: signed by a State Communications Inspector, the only one whose opinion grounds a suspension (002 art. 28.1). */
    record RecordInspection(@TargetAggregateIdentifier ApplicationId applicationId, LocalDate inspectedOn, String findingsSha256,
                            boolean violationFound, Instant at, PersonId inspector, boolean byInspector) {
    }

    record Transfer(@TargetAggregateIdentifier ApplicationId applicationId, Company successor, Reorganisation reorganisation,
                    String evidenceSha256, Instant at, PersonId by) {
    }

    record RecordCertificatesIssued(@TargetAggregateIdentifier ApplicationId applicationId, int count, LocalDate periodEnd, Instant at,
                                    PersonId by) {
    }
}
