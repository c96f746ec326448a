package mn.registry.permit.command;

import mn.registry.permit.api.PublishedByCheckpoint;
import mn.registry.command.api.CommandContext;
import mn.registry.document.DocumentCitation;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.HeldDeadline;
import mn.registry.kernel.calendar.LegalTerm;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.*;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.permit.command.PermitCommands.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import mn.registry.infrastructure.axon.AggregateSnapshots;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A special-permit application and, once issued, the permit (002 ch. 6), event-sourced through the states of
 * domain-rules §3. It decides from what its commands carry: no clock, no random, no I/O here. A refusal the law
 * defines is an event; a command the state does not allow is a {@link RegistryProblem} with a stable code.
 * Commands fired by the deadline service are recorded at most once, and not at all when the aggregate no longer
 * waits for that deadline.
 * <p>
 * A signed command arrives as the kernel's published body, with its {@link CommandContext} (receipt time, signer and
 * roles) and {@link PermitServices} (due dates with the calendar in force, minimum insurance, received documents, ids)
 * as handler parameters (ADR 0026). The deadline service's commands ({@link PermitCommands}) have no published body.
 */
@Aggregate(commandTargetResolver = "permitApplicationTarget", snapshotTriggerDefinition = AggregateSnapshots.TRIGGER)
@Revision(PermitApplication.SHAPE)
class PermitApplication {

    /**
     * ADR 0069: the revision of this class's state as a snapshot stores it. Raise it in the release that adds, removes or retypes a field,
     * or folds an event into the fields differently: a snapshot of another revision is then not read, and the aggregate is folded from its
     * events ({@code AggregateSnapshotsTest} fails on a changed field list until it is raised).
     */
    static final String SHAPE = "6";

    static final String ISSUER = "Ministry of Digital Development, Innovation and Communications of Mongolia";

    @AggregateIdentifier
    private ApplicationId applicationId;
    private PermitApplicationStatus status;
    private ReceiptNumber receiptNumber;
    private Company holder;
    private mn.registry.kernel.identity.PersonId representative;
    private LocalDate receivedOn;
    private LocalDate decisionDue;
    private boolean escalated;
    private Money minimumInsurance;
    private boolean insured;
    private Money insuredAmount;
    private LocalDate validUntil;
    private boolean extensionPending;
    /** The extension request's due date of a term, moved by the calendar in force at its firing (F476); of its term only while it runs. */
    private PermitExtensionRequestDueRecomputed requestDueMoved;
    private LocalDate issuedOn;
    private LocalDate insuredUntil;
    /** The local day the insurance in force was recorded (F139: the policy covers a year from it). */
    private LocalDate insuranceRecordedOn;
    /** The documents (SHA-256) of the policies recorded on this permit: each records one policy once (ADR 0046 item 36, F143). */
    private final java.util.Set<String> recordedPolicyProofs = new java.util.HashSet<>();
    private LocalDate extendedTermEnding;
    private boolean expiredWhileSuspended;
    private LocalDate suspendedUntil;
    private boolean revocationGroundRaised;
    /** The suspension in force (its event as stored), null when the permit is not suspended. */
    private PermitSuspended suspensionInForce;
    /** The suspension in force when the permit was revoked, null if it was active then (F197: an upheld complaint gives it back). */
    private PermitSuspended suspensionAtRevocation;
    /**
     * The first day of the chain (item 105) {@link #suspensionAtRevocation} belonged to, null when it was none's or the first of its own:
     * item 56's suspension applied again rejoins it (ADR 0046 item 112, was O248); new state, read by item 105's rule only.
     */
    private LocalDate chainFromAtRevocation;
    private RevocationGround revocationGround;
    /** The day in Ulaanbaatar the revocation in force was received: the holder's complaint period runs from it (ADR 0046 item 20). */
    private LocalDate revokedOn;
    /** Who signed the revocation in force: they do not decide the complaint against it (002 art. 29.6, ADR 0046 item 10). */
    private PersonId revokedBy;
    /** The holder's own request to revoke, waiting for the ministry (002 art. 29.1.1, ADR 0046 item 14). */
    private boolean revocationRequested;
    /** When the registry received the request waiting (F320); new state, read with {@link #lastTransferredAt}. */
    private Instant revocationRequestedAt;
    /** When the registry received the permit's last transfer to a successor (002 art. 23.3, F320); null if it never passed. */
    private Instant lastTransferredAt;
    /** The reorganisations' documents (SHA-256) the permit passed on (002 art. 23.3, F322); new state, read by the transfer only. */
    private final java.util.Set<String> transferEvidence = new java.util.HashSet<>();
    /**
     * The documents (SHA-256, lower case) of the changes reported on this permit (002 art. 20.3.3; ADR 0057 session 27, F452): a report on the
     * holder's own application's copy holds no claim of its own, so the one-report rule does not rest on the claim alone; new state, read
     * by the report only; none in reports stored before ADR 0046 item 45.
     */
    private final java.util.Set<String> reportedChangeDocuments = new java.util.HashSet<>();
    /** The day in Ulaanbaatar the application was approved (002 art. 26.2.2, F321); new state, read by the issue only. */
    private LocalDate approvedOn;
    /** A suspension on the inspector's opinion waits for an inspection that finds the violation remedied (002 art. 28.4, ADR 0046 item 18). */
    private boolean remedyToBeInspected;
    private LocalDate suspendedFrom;
    /**
     * The day the ground of the suspension in force was found removed (an inspection finding the violation remedied, the tax authority's
     * settlement), null while it stands (ADR 0046 item 73, F312); new state, read by no other rule. The day the registry received the
     * record that found it, never the day the record names (the lead's reading of O192, ADR 0046 item 88).
     */
    private LocalDate suspensionGroundRemovedOn;
    /** Who recorded the finding that removed the suspension's ground: the clean inspection's inspector, the tax settlement's officer (F597). */
    private PersonId suspensionGroundRemovedBy;
    /**
     * The documents this permit's revocations rested on (ADR 0064, F329): read only while the permit is not revoked, so of revocations an
     * upheld complaint annulled; none in revocations stored before ADR 0064.
     */
    private final java.util.Set<String> annulledRevocationsEvidence = new java.util.HashSet<>();
    /** A suspension at the tax authority's request waits for its word that the evasions are settled (002 art. 28.4, ADR 0046 item 19). */
    private boolean taxSettlementAwaited;
    /** The day the tax authority's request that grounded the suspension in force was received (F283); new state, read by no other rule. */
    private LocalDate taxRequestedOn;
    private boolean complaintFiled;
    /** The day in Ulaanbaatar the pending complaint was received: its decision is not older (ADR 0046 item 65). */
    private LocalDate complaintFiledOn;
    private boolean databaseHandedOver;
    /** The fingerprints of the databases handed over on this permit's revocations (ADR 0046 item 66). */
    private final java.util.Set<String> handedOverDatabases = new java.util.HashSet<>();
    // the receipts the database's hand-overs were recorded on (ADR 0057, session 20 round 2); none in hand-overs stored before it
    private final java.util.Set<String> handedOverReceipts = new java.util.HashSet<>();
    /** Whether the holder reported certificates issued since the last hand-over (ADR 0046 item 66). */
    private boolean certificatesReportedSinceTheHandOver;
    private LocalDate lastHandedOverOn;
    private ApplicationId databasePassedTo;
    private boolean complaintDecided;
    /**
     * The last upheld decision on a complaint when it was stored before item 57 (no article: never public), not yet published by its
     * correcting record (ADR 0046 item 67); null otherwise.
     */
    private RevocationComplaintDecided unpublishedReinstatement;
    /** The decision (its document) whose reinstatement a correcting record published (ADR 0046 item 67). */
    private String publishedReinstatementOf;
    private LocalDate lastReportedPeriodEnd;
    private boolean violationFoundAtLastInspection;
    /** How many recorded inspections found a violation: "repeatedly" in 29.1.4 is two or more (ADR 0046 item 23). */
    private int violationsFound;
    /**
     * How many of {@link #violationsFound} an upheld complaint against a revocation on 29.1.4 spent: those that revocation counted (the lead's
     * reading of O196, ADR 0046 item 89); new state, read by 29.1.4's rule only.
     */
    private int violationsSpent;
    /**
     * The suspension whose run-out an upheld complaint spent: it grounded the revocation on 29.1.5 the complaint annulled, and item 56 applies
     * it again as it stood (the lead's reading of O205, ADR 0046 item 91); only a suspension decided later, run out unrestored, grounds 29.1.5
     * again; with when the registry received that decision (ADR 0046 item 92: a suspension anew rests on a finding received since). One
     * record, the two always set together from the stored {@code RevocationComplaintDecided} (session 25); new state, read by items 91, 92.
     */
    private SpentRunOut runOutSpent;
    /**
     * The last notice of a suspension recorded (the ministry's {@code NOTIFY_SUSPENSION} marked done, 002 art. 28.3): the suspension it
     * noticed and the day in Ulaanbaatar the registry received its record (ADR 0046 item 98); new state, read by 29.1.5's rule only.
     */
    private SuspensionNotice suspensionNotice;
    /**
     * The first day of the first suspension in a chain of suspensions anew on run-outs the holder could not remedy in (item 98's, F389): they
     * count together toward 28.1's three months (ADR 0046 item 105, was O231); null when the suspension in force is no such suspension anew.
     * New state, read by item 105's rule only.
     */
    private LocalDate unremediedChainFrom;
    /**
     * Whether a suspension of that chain before the one in force had no notice (002 art. 28.3) recorded while it was in force (ADR 0046
     * item 125, abuse audit F469): the restoration on the months spent is then the supervisor's (item 121). New state, read by that rule
     * only. A notice recorded late is kept in {@link #chainNoticesLate} (item 135).
     */
    private boolean chainNoticeUnmet;
    /**
     * The notices of that chain's earlier suspensions recorded after their due day (item 125), each with the count it was due on, so that
     * one a release before item 129 stored as late can be found done in time (ADR 0046 item 135, abuse audit F482, was O333).
     */
    private final List<SuspensionNotice> chainNoticesLate = new java.util.ArrayList<>();
    /** The date of the latest inspection recorded: a later record does not go back before it (ADR 0046 item 22). */
    private LocalDate lastInspectedOn;
    /** The local date the permit was issued: no inspection is dated before it (002 art. 31.1.7). */
    /** Findings hashes of inspectors' opinions of a violation not yet used for a suspension (002 art. 28.1). */
    private final java.util.Set<String> violationOpinions = new java.util.HashSet<>();
    /** The day of the inspection each opinion of a violation was found on (F310); new state, read by no other rule. */
    private final Map<String, LocalDate> opinionFoundOn = new java.util.HashMap<>();
    /** Who recorded each opinion of a violation (ADR 0046 item 138, F495); new state, read by that rule only. */
    private final Map<String, PersonId> opinionRecordedBy = new java.util.HashMap<>();
    /** When the registry received the record of each opinion of a violation (ADR 0046 item 92); new state, read by item 92's rule only. */
    private final Map<String, Instant> opinionRecordedAt = new java.util.HashMap<>();
    /** The opinions of a violation a later inspection found no more, with that inspection's day (ADR 0046 item 71, F310); new state. */
    private final Map<String, LocalDate> opinionsFoundRemedied = new java.util.HashMap<>();
    /** The tax authority's request to suspend waiting for the ministry's decision, if any (002 art. 28.1). */
    private PermitSuspensionRequested pendingTaxRequest;
    /** The documents (SHA-256) of the tax authority's requests and settlements on this permit: each records one act (ADR 0046 item 37). */
    private final java.util.Set<String> taxAuthorityDocuments = new java.util.HashSet<>();
    private final Map<PermitDuty, OpenDuty> openDuties = new EnumMap<>(PermitDuty.class);
    /**
     * The open duties whose deadlines the revocation in force (or the last one) ended, not raised again since (ADR 0046 items 58, 61): what
     * an upheld complaint makes run again, and what a reinstatement stored before F206 still owes a deadline.
     */
    private final java.util.Set<PermitDuty> stoppedByTheRevocation = java.util.EnumSet.noneOf(PermitDuty.class);
    private final Map<PermitDuty, Boolean> flaggedDuties = new EnumMap<>(PermitDuty.class);

    PermitApplication() {
        // for Axon: state comes from events
    }

    /**
     * The suspension whose run-out an upheld complaint spent, and when the registry received that decision (ADR 0046 items 91, 92): set
     * together, from the decision's event.
     */
    private record SpentRunOut(PermitSuspended of, Instant decidedAt) {
    }

    /**
     * A suspension's notice to the holder (002 art. 28.3): the suspension it noticed, when the registry received its record, the duty it did
     * as the stream held it ({@code owed}: its day 0, length and last day; null if none was open), and {@code late}: recorded after its due
     * day, as the registry judged it on receipt ({@code PermitDutyFulfilled.late}, item 121) and as the stream still says it (item 135).
     */
    private record SuspensionNotice(PermitSuspended of, Instant recordedAt, OpenDuty owed, boolean late) {

        LocalDate recordedOn() {
            return UlaanbaatarTime.dateOf(recordedAt);
        }

        /** Whether its record was received by {@code lastDay}, in Ulaanbaatar. */
        boolean recordedBy(LocalDate lastDay) {
            return !recordedOn().isAfter(lastDay);
        }

        /** Whether it did the duty counted from {@code startedOn} for {@code workingDays} (not a later raise of the same duty). */
        boolean didTheDutyCounted(LocalDate startedOn, WorkingDays workingDays) {
            return owed != null && owed.countsWorkingDays() && owed.startedOn().equals(startedOn) && owed.workingDays().equals(workingDays);
        }

        SuspensionNotice inTime() {
            return new SuspensionNotice(of, recordedAt, owed, false);
        }
    }

    // 002 art. 26.2.1: the request is registered on receipt and the applicant gets a registration receipt; a refusal stores nothing
    // and takes no receipt number
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    PermitRegistrationReceipt handle(ApplyForPermit body, CommandContext context, PermitServices services) {
        this.status = PermitApplicationStatus.SUBMITTED;
        PermitIntakePolicy.check(body);
        applicantHasNotCeased(body.company(), services);
        applicantWasNotLiquidated(body.company(), services);
        // ADR 0057 item 11: its papers read in one round trip (none when uploaded to this node), kept by the claims ApplyForPermitType wrote
        // before it came here (ADR 0072), then each asked
        java.util.function.Function<SubmittedDocument, java.util.Optional<DocumentRef>> papers = services.readTogether(body.documents());
        List<DocumentRef> received = body.documents().stream().map(d -> receivedDocument(d, "documents." + d.kind(), d.kind().article(), papers))
                .toList();
        Deadline due = services.due(context.receivedAt(), PermitDeadlines.DECISION);
        ApplicationId id = services.applicationId(context);
        ReceiptNumber receipt = services.nextReceiptNumber(due.receivedOn().getYear());
        apply(new PermitApplicationRegistered(id, receipt, body.company(), received, context.receivedAt(), due.due(), due.dueAt().toInstant(),
                PermitDeadlines.DECISION, due.calendarVersion(), PermitDeadlines.DECISION_ARTICLE, context.actor(), context.jwsSha256()));
        return new PermitRegistrationReceipt(id, receipt, context.receivedAt(), due.due(), due.dueAt(), due.calendarVersion());
    }

    // 002 art. 23.2, 23.3 (ADR 0046 items 108-109, abuse audit F412, was O235): a merger, a consolidation, a division or a transformation
    // ended the company whose permit it passed on; a company that no longer exists applies for no permit (its number is free of claims once
    // its permit passed on, ADR 0031). By every transfer stored before this application's receipt (CeasedCompanies), never a date it names
    private static void applicantHasNotCeased(Company company, PermitServices services) {
        services.companyCeased(company.registrationNumber()).ifPresent(ended -> {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.applicant-ceased-by-a-reorganisation", "The company "
                    + company.registrationNumber() + " ceased on " + ended.on() + " by its " + ended.by().name().toLowerCase(java.util.Locale.ROOT)
                    + " (a permit it held passed on); a company that no longer exists applies for no permit.", "company.registrationNumber",
                    "002 art. 23.3");
        });
    }

    // 002 art. 29.1.2, 23.2 (ADR 0046 item 166, the lead's reading, choice; abuse audit F577, was O441): a permit revoked because its holder
    // was liquidated holds that company ceased from the revocation's receipt, with no wait for the complaint period; a complaint upheld
    // against that revocation (29.6) lifts it in the same act. A company that no longer exists applies for no permit. By every revocation and
    // decision stored before this application's receipt (CeasedCompanies), never a date it names; a revocation on another ground ceases nothing
    private static void applicantWasNotLiquidated(Company company, PermitServices services) {
        services.companyLiquidated(company.registrationNumber()).ifPresent(liquidated -> {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.applicant-liquidated", "The company " + company.registrationNumber()
                    + " ceased on " + liquidated.on() + ": its permit was revoked because it was liquidated, and no complaint against that "
                    + "revocation was upheld; a company that no longer exists applies for no permit.", "company.registrationNumber",
                    "002 art. 29.1.2");
        });
    }

    // 001 art. 38.1: a document is registered only as the original bytes the registry received and keeps
    private static DocumentRef receivedDocument(SubmittedDocument submitted, String field, String article,
                                                java.util.function.Function<SubmittedDocument, java.util.Optional<DocumentRef>> received) {
        // a malformed hash (never one of ApplyForPermit's, refused at intake) is answered as a document never received, as it always was
        return DocumentCitation.of(field, article).malformedAsUnknown().found(submitted.sha256(), sha256 -> received.apply(submitted));
    }

    // 002 art. 26.2.3, 26.7, 23.3 (choice, ADR 0046 item 13, abuse audit F103): the policy, the contract and the reorganisation's evidence
    // are named by the hash of a document the registry received and keeps, as the application's documents are: a well-formed hash of
    // nothing uploaded would put the act on a document no one can read. ADR 0046 item 16 (F106): so are the stamp-duty proof (27.2), the
    // inspection's findings (31.1.7), a duty's evidence, the tax authority's request (28.1), the complaint and its decision (29.6), the
    // pass-on contract (29.4) and a reported change's document (20.3.3); not the certificate database's hash (29.3), a fingerprint of
    // the holder's database, which the registry does not receive
    private static void documentWasReceived(String sha256, String field, String article, PermitServices services) {
        // each act's own rule refuses a missing or malformed hash first (e.g. permit.stamp-duty-proof-missing); one left is unknown
        DocumentCitation.of(field, article).malformedAsUnknown().received(sha256, services::documentReceived);
    }

    // ------------------------------------------------------------------ review and decision (002 art. 26)

    @CommandHandler
    void handle(RecomputeDecisionDue command) {
        if (status == PermitApplicationStatus.REGISTERED && !escalated && !command.decisionDue().equals(decisionDue)) {
            apply(new PermitDecisionDueRecomputed(applicationId, receivedOn, command.decisionDue(), command.decisionDueAt(), command.calendarVersion(),
                    PermitDeadlines.DECISION_ARTICLE));
        }
    }

    // 002 art. 26.1: a missed decision deadline escalates to a supervisor; nothing is approved by silence; (ADR 0046 item 126; F486, was
    // O310) judged against its last day on the calendar in force when the registry handles the firing
    @CommandHandler
    void handle(EscalateOverdueDecision command, PermitServices services) {
        if (status != PermitApplicationStatus.REGISTERED || escalated || !command.decisionDue().equals(decisionDue)) {
            return;
        }
        LocalDate lastDay = decisionLastDayOnTheCalendarInForce(services);
        if (command.at().isAfter(UlaanbaatarTime.endOf(lastDay).toInstant())) {
            apply(new PermitDecisionOverdue(applicationId, lastDay, command.at(), PermitDeadlines.DECISION_ARTICLE));
        }
    }

    /**
     * 002 art. 26.1; domain-rules §2 (ADR 0046 item 126; abuse audit F486, was O310): the decision's escalation is judged against the calendar
     * in force when the registry handles it, not against the last day the deadline service held: a day off declared on the last day itself
     * moves it, and a deadline service behind at midnight fires the escalation before it handled the declaration's recompute. The 17 working
     * days are counted again from the day of receipt (day 0); a day they moved is recorded with the recompute's own event
     * ({@code PermitDecisionDueRecomputed}), which schedules the deadline again for it, and the escalation waits for it.
     */
    private LocalDate decisionLastDayOnTheCalendarInForce(PermitServices services) {
        new HeldDeadline(receivedOn, PermitDeadlines.DECISION, decisionDue).movedOn(services::dueOnTheCalendarInForceNow)
                .ifPresent(moved -> apply(new PermitDecisionDueRecomputed(applicationId, receivedOn, moved.due(), moved.dueAt().toInstant(),
                        moved.calendarVersion(), PermitDeadlines.DECISION_ARTICLE)));
        return decisionDue;
    }

    // 002 art. 26.2.2: the ministry reviews the request and its documents, and may ask for what is missing
    @CommandHandler
    void handle(RequestPermitDocuments command, CommandContext context) {
        officialDoesNotActForTheHolder(context, "002 art. 26.2.2");
        requireStatus("002 art. 26.2.2", PermitApplicationStatus.REGISTERED);
        if (command.kinds() == null || command.kinds().isEmpty()) {
            throw RegistryProblem.invalid("permit.documents-request-empty", "Name at least one document to request.", "kinds", "002 art. 26.2.2");
        }
        apply(new PermitDocumentsRequested(applicationId, List.copyOf(command.kinds()), command.note(), context.receivedAt(), context.actor()));
    }

    // 001 art. 38.1: documents received later are kept as received, under their hash
    @CommandHandler
    void handle(RecordPermitDocumentsReceived command, CommandContext context, PermitServices services) {
        officialDoesNotActForTheHolder(context, "002 art. 26.2.2");
        List<DocumentRef> documents = (command.documents() == null ? List.<SubmittedDocument>of() : command.documents()).stream()
                .map(d -> receivedDocument(d, "documents", "001 art. 38.1", services::received)).toList();
        requireStatus("002 art. 26.2.2", PermitApplicationStatus.REGISTERED);
        if (documents.isEmpty()) {
            throw RegistryProblem.invalid("permit.documents-empty", "Record at least one received document.", "documents", "001 art. 38.1");
        }
        apply(new PermitDocumentsReceived(applicationId, documents, context.receivedAt()));
    }

    // 002 art. 26.2.2: a request that meets the requirements is approved and the applicant told the permit follows insurance
    @CommandHandler
    void handle(ApprovePermitApplication command, CommandContext context, PermitServices services) {
        officialDoesNotActForTheHolder(context, "002 art. 26.2.2");
        Money minimumInsurance = services.minimumInsuranceInForce(context.receivedAt());
        requireStatus("002 art. 26.2.2", PermitApplicationStatus.REGISTERED);
        escalatedDecisionIsTheSupervisors(escalated || decisionOverdueAtReceipt(context.receivedAt(), services), context, "002 art. 26.1");
        if (minimumInsurance == null) {
            throw RegistryProblem.conflict("permit.minimum-insurance-not-set",
                    "The ministry has not set the minimum insurance yet; set it before approving.", "002 art. 26.5");
        }
        apply(new PermitApplicationApproved(applicationId, minimumInsurance, context.receivedAt(), context.actor(), "002 art. 26.2.2"));
    }

    // 002 art. 26.3: a refusal states its reasons, each tied to a requirement
    @CommandHandler
    void handle(RefusePermitApplication command, CommandContext context, PermitServices services) {
        officialDoesNotActForTheHolder(context, "002 art. 26.3");
        requireStatus("002 art. 26.3", PermitApplicationStatus.REGISTERED);
        escalatedDecisionIsTheSupervisors(escalated || decisionOverdueAtReceipt(context.receivedAt(), services), context, "002 art. 26.1");
        refusalStatesItsReasons(command.reasons(), "002 art. 26.3");
        refusalNamesRequirementsOfAnApplication(command.reasons());
        apply(new PermitApplicationRefused(applicationId, List.copyOf(command.reasons()), context.receivedAt(), context.actor(), "002 art. 26.3"));
    }

    // domain-rules §1 ("decisions that escalate (overdue, revocation)" are the supervisor's), 002 art. 26.1, ADR 0013 §4 (choice, ADR 0046
    // item 50, abuse audit F191): a decision the registry escalated because it was not made in time (the application's 17 working days,
    // or a duty to decide flagged overdue) is the supervisor's from the escalation on. A reviewer who let it run out, or whose colleague
    // did, still approving, refusing, suspending or restoring it would decide behind the supervisor's back a case the supervisor now
    // answers for, on the reviewer's own delay; the reviewer may still ask for documents and record what was received
    private static void escalatedDecisionIsTheSupervisors(boolean escalated, CommandContext context, String article) {
        if (escalated && (context.roles() == null || !context.roles().contains(Role.MINISTRY_SUPERVISOR))) {
            throw new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, "permit.escalated-decision-is-the-supervisors", "This decision was not "
                    + "made in time and was escalated to a supervisor; a supervisor decides it now.", "applicationId", article);
        }
    }

    // 002 art. 26.1, domain-rules §1-2 (choice, ADR 0046 item 174, abuse audit F600, session 32's red team): the 17 working days are judged
    // at the registry's receipt of the decision, not at the deadline service's firing. A reviewer's approval signed a minute before the last
    // day ended and received after it, or sent while the deadline service lagged (poller behind, an outage), found no escalation stored
    // yet and was the reviewer's; the decision is overdue at its receipt, so it is the supervisor's as item 50 has it once escalated. The last
    // day on the calendar in force now (a day off declared moves it, item 126), read without recording the move (the escalation records it)
    private boolean decisionOverdueAtReceipt(Instant at, PermitServices services) {
        if (decisionDue == null || receivedOn == null) {
            return false;
        }
        LocalDate lastDay = new HeldDeadline(receivedOn, PermitDeadlines.DECISION, decisionDue).movedOn(services::dueOnTheCalendarInForceNow)
                .map(Deadline::due).orElse(decisionDue);
        return at.isAfter(UlaanbaatarTime.endOf(lastDay).toInstant());
    }

    /** Whether the ministry's duty to decide was flagged overdue and escalated (ADR 0013 §4). */
    private boolean escalated(PermitDuty decision) {
        return Boolean.TRUE.equals(flaggedDuties.get(decision)) && openDuties.containsKey(decision);
    }

    // 002 art. 26.3: at least one reason, each naming the requirement it fails
    // 002 art. 26.3, 24-25 (ADR 0046 item 24, abuse audit F116): an application is refused on the requirements of an applicant (23.2, 24,
    // 25); "a ground to suspend" and "the stamp duty" are an extension's (27.2, 27.5) and name nothing the applicant could meet
    private static void refusalNamesRequirementsOfAnApplication(List<RefusalReason> reasons) {
        for (RefusalReason reason : reasons) {
            if (reason.requirement() == PermitRequirement.NO_GROUND_TO_SUSPEND || reason.requirement() == PermitRequirement.STAMP_DUTY_PAID) {
                throw RegistryProblem.invalid("permit.refusal-reason-of-an-extension", "An application is refused on the requirements of 002 art. "
                        + "23.2, 24 and 25, not on " + reason.requirement() + " (" + reason.requirement().article() + "), a reason of an extension.",
                        "reasons", "002 art. 26.3");
            }
        }
    }

    private static void refusalStatesItsReasons(List<RefusalReason> reasons, String article) {
        if (reasons == null || reasons.isEmpty() || reasons.stream().anyMatch(r -> r == null || saysNothing(r.explanation()))) {
            throw RegistryProblem.invalid("permit.refusal-without-reasons", "A refusal states at least one reason, each tied to a requirement.",
                    "reasons", article);
        }
    }

    // 002 art. 26.2.3, 26.5: insurance of at least the minimum set by the ministry
    @CommandHandler
    void handle(RecordPermitInsurance command, CommandContext context, PermitServices services) {
        if (command.amount() == null) {
            throw RegistryProblem.invalid("permit.insurance-amount-missing", "The insured amount is required.", "amount", "002 art. 26.2.3");
        }
        Money inForce = services.minimumInsuranceInForce(context.receivedAt());
        requireStatus("002 art. 26.2.3", PermitApplicationStatus.APPROVED_PENDING_INSURANCE, PermitApplicationStatus.ACTIVE,
                PermitApplicationStatus.SUSPENDED);
        recordedByTheHolderOrTheMinistry(context);
        boolean renewal = status != PermitApplicationStatus.APPROVED_PENDING_INSURANCE;
        if (renewal) {
            termHasNotEndedAtReceipt(context.receivedAt());
        }
        insuranceRestsOnItsProof(command);
        Money minimum = inForce == null ? minimumInsurance : inForce;
        if (!command.amount().isAtLeast(minimum)) {
            throw RegistryProblem.invalid("permit.insurance-below-minimum", "The insured amount " + command.amount().amount() + " "
                    + command.amount().currency() + " is below the minimum of " + minimum.amount() + " " + minimum.currency() + ".",
                    "amount", "002 art. 26.5");
        }
        insuranceIsInForceAtReceipt(command.insuredUntil(), context.receivedAt());
        insuredForAYearFromItsRecord(command.insuredUntil(), UlaanbaatarTime.dateOf(context.receivedAt()), "insuredUntil");
        insuredForAtMostATermFromItsRecord(command.insuredUntil(), UlaanbaatarTime.dateOf(context.receivedAt()));
        if (renewal) {
            renewalCoversBeyondThePolicyInForce(command.insuredUntil());
        }
        policyDocumentIsRecordedOnce(command.proofSha256());
        documentWasReceived(command.proofSha256(), "proofSha256", "002 art. 26.2.3", services); // last: a document found is cited
        apply(new PermitInsuranceRecorded(applicationId, command.insurer(), command.policyNumber(), command.amount(), minimum,
                command.insuredUntil(), command.proofSha256(), context.receivedAt()));
        if (renewal) {
            if (openDuties.containsKey(PermitDuty.RENEW_INSURANCE)) {
                dischargedByThisAct(PermitDuty.RENEW_INSURANCE, context, services);
            }
            insuredThroughTheTerm(context.receivedAt());
        }
    }

    // 002 art. 26.2.3 (abuse audit F141): "the applicant is insured and submits": the insurance is recorded by the holder's representative
    // or by the ministry from the holder's papers, never by another company's representative (who could discharge the duty to renew)
    private void recordedByTheHolderOrTheMinistry(CommandContext context) {
        if (!byTheMinistry(context) || mn.registry.kernel.permit.OfficialActsForTheHolder.isTheHoldersRepresentative(context.actor(), representative)) {
            actsForTheHolder(context, "002 art. 26.2.3"); // the holder's representative records it as the holder's act, whatever else they are
        } else {
            officialDoesNotActForTheHolder(context, "002 art. 26.2.3"); // F546: the ministry's record is not made by the holder's representative
        }
    }

    /** Whether the signer acts as the ministry (a reviewer or a supervisor), not as a holder's representative. */
    private static boolean byTheMinistry(CommandContext context) {
        return context.roles() != null && (context.roles().contains(mn.registry.kernel.identity.Role.MINISTRY_REVIEWER)
                || context.roles().contains(mn.registry.kernel.identity.Role.MINISTRY_SUPERVISOR));
    }

    // 002 art. 26.2.3 (choice, ADR 0046 item 34, abuse audit F140): a renewal covers beyond the policy it renews; an older or equal policy
    // recorded again would discharge the duty while the holder stays uninsured from the same day
    private void renewalCoversBeyondThePolicyInForce(LocalDate renewedUntil) {
        if (insuredUntil != null && !renewedUntil.isAfter(insuredUntil)) {
            throw RegistryProblem.invalid("permit.insurance-not-renewed", "The recorded policy covers through " + insuredUntil + "; a renewal covers "
                    + "beyond that day, not through " + renewedUntil + ".", "insuredUntil", "002 art. 26.2.3");
        }
    }

    // 002 art. 26.2.3 (choice, ADR 0046 item 34, abuse audit F140): the holder stays insured through the term: while the recorded policy
    // ends before the term does, the holder owes a renewed policy by its last day (overdue, it escalates as every duty does)
    private void insuredThroughTheTerm(Instant at) {
        if (insuredUntil != null && validUntil != null && insuredUntil.isBefore(validUntil)) {
            LocalDate today = UlaanbaatarTime.dateOf(at); // a permit issued before this rule may be extended on a policy that has ended
            raiseOnDate(PermitDuty.RENEW_INSURANCE, insuredUntil.isBefore(today) ? today : insuredUntil, at);
        }
    }

    // 002 art. 26.2.3, 26.5 (choice, ADR 0046 item 36, abuse audit F143): the registry knows a policy by its document; the insured amount and
    // the last day it covers are the holder's word beside it. The document of a policy recorded before on this permit, recorded again with
    // a later last day, would discharge the duty to renew (F140) with no new policy; with a larger amount, meet a minimum raised since
    // (F68) with the same policy. A renewal, or a policy amended, is a new document
    private void policyDocumentIsRecordedOnce(String proofSha256) {
        if (recordedPolicyProofs.contains(proofSha256.toLowerCase(java.util.Locale.ROOT))) {
            throw RegistryProblem.invalid("permit.insurance-proof-recorded-before", "This policy's document (" + proofSha256 + ") was recorded "
                    + "on this permit before; a renewed or amended policy is recorded with its own document.", "proofSha256", "002 art. 26.2.3");
        }
    }

    // 002 art. 26.2.3 (abuse audit F60): the permit is issued on "proof of insurance": the policy names its insurer and number and is
    // recorded by its SHA-256, else a holder's word alone would open the way to the permit
    private static void insuranceRestsOnItsProof(RecordPermitInsurance command) {
        requireText(command.insurer(), "insurer", "002 art. 26.2.3");
        requireText(command.policyNumber(), "policyNumber", "002 art. 26.2.3");
        evidenceIsASha256(command.proofSha256(), "proofSha256", "002 art. 26.2.3");
    }

    // 002 art. 26.2.3: the applicant is insured, so a policy that has already ended insures nothing (ADR 0013 §3)
    private static void insuranceIsInForceAtReceipt(LocalDate insuredUntil, Instant at) {
        if (insuredUntil == null) {
            throw RegistryProblem.invalid("permit.insurance-until-missing", "The last day the policy covers is required.", "insuredUntil",
                    "002 art. 26.2.3");
        }
        LocalDate receivedOn = UlaanbaatarTime.dateOf(at);
        if (insuredUntil.isBefore(receivedOn)) {
            throw RegistryProblem.invalid("permit.insurance-expired", "The policy ended on " + insuredUntil + ", before its receipt on "
                    + receivedOn + ": an applicant is insured when the permit is issued.", "insuredUntil", "002 art. 26.2.3");
        }
    }

    // 002 art. 26.2.3, 26.6-26.8, 27.1: issued once insured, with the content of 26.6, a contract, for five years
    @CommandHandler
    void handle(IssuePermit command, CommandContext context, PermitServices services) {
        officialDoesNotActForTheHolder(context, "002 art. 26.2.3");
        LocalDate validFrom = command.validFrom() == null ? UlaanbaatarTime.dateOf(context.receivedAt()) : command.validFrom();
        requireStatus("002 art. 26.2.3", PermitApplicationStatus.APPROVED_PENDING_INSURANCE);
        if (!insured) {
            throw RegistryProblem.conflict("permit.not-insured", "The permit is issued only after proof of insurance is recorded.", "002 art. 26.2.3");
        }
        permitStatesItsContent(command);
        insuredForAtLeastTheMinimumInForce(services.minimumInsuranceInForce(context.receivedAt()));
        termStartsOnTheDayOfIssue(command.validFrom(), context.receivedAt());
        insuredOnTheDayOfIssue(context.receivedAt());
        insuredForAYearFromItsRecord(insuredUntil, insuranceRecordedOn, null); // a policy recorded before F139
        contractIsNotOlderThanTheApproval(command.contractSha256(), services);
        documentWasReceived(command.contractSha256(), "contractSha256", "002 art. 26.7", services); // last: a document found is cited
        LegalTerm term = LegalTerm.years(validFrom, PermitDeadlines.TERM_YEARS);
        apply(new PermitIssued(applicationId, PermitNumber.of(receiptNumber), ISSUER, holder, command.activity(),
                validFrom, term.lastDay(), List.copyOf(command.conditions()), context.receivedAt(), context.actor(),
                command.contractSha256()));
        raise(PermitDuty.PUBLISH_GRANT, services.due(context.receivedAt(), PermitDeadlines.PUBLICATION), context.receivedAt());
        raiseOnDate(PermitDuty.ANNUAL_INSPECTION, validFrom.plus(PermitDeadlines.INSPECTION_INTERVAL), context.receivedAt());
        insuredThroughTheTerm(context.receivedAt());
    }

    // 002 art. 26.2.2, 26.7 (the lead's reading, ADR 0046 item 75, abuse audit F321, was O188): the ministry "shall sign a contract with
    // the holder of a special permit when issuing" it, after it reviewed the request and notified the approval (26.2.2). A contract the
    // registry received on a day before the approval was agreed before the review: a grant settled before the request was judged. Judged
    // by the registry's receipts, by their days in Ulaanbaatar: a contract received the day of the approval, even before it was signed, is
    // the issue's contract
    private void contractIsNotOlderThanTheApproval(String contractSha256, PermitServices services) {
        receivedBefore(contractSha256, approvedOn, services).ifPresent(received -> {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.contract-before-the-approval", "The registry received this "
                    + "contract on " + received + ", before the application was approved on " + approvedOn + "; the contract is signed when "
                    + "the permit is issued, after the review.", "contractSha256", "002 art. 26.2.2, 26.7");
        });
    }

    // 002 art. 26.2.3, 26.5 (abuse audit F68): issued on insurance of at least the minimum the ministry has set, judged when the permit is
    // issued: a minimum raised after the policy was recorded is met by a new record of insurance first
    private void insuredForAtLeastTheMinimumInForce(Money minimumInForce) {
        if (minimumInForce != null && insuredAmount != null && !insuredAmount.isAtLeast(minimumInForce)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.insurance-below-minimum", "The recorded insurance of "
                    + insuredAmount + " is below the minimum of " + minimumInForce + " in force; record the insurance again before issuing.", null,
                    "002 art. 26.2.3, 26.5");
        }
    }

    // 002 art. 26.6.4, 27.1: the five-year term starts on the day the permit is issued, neither later nor earlier
    private static void termStartsOnTheDayOfIssue(LocalDate validFrom, Instant at) {
        LocalDate issuedOn = UlaanbaatarTime.dateOf(at);
        if (validFrom != null && !validFrom.equals(issuedOn)) {
            throw RegistryProblem.invalid("permit.valid-from-not-today", "A permit's term starts on the day it is issued (" + issuedOn
                    + " in Ulaanbaatar), not on " + validFrom + "; leave validFrom out or give that day.", "validFrom", "002 art. 26.6.4, 27.1");
        }
    }

    // 002 art. 26.2.3: the permit is issued to an insured applicant: the recorded policy still covers the day of issue
    private void insuredOnTheDayOfIssue(Instant at) {
        LocalDate issuedOn = UlaanbaatarTime.dateOf(at);
        if (insuredUntil != null && insuredUntil.isBefore(issuedOn)) {
            throw RegistryProblem.conflict("permit.insurance-expired", "The recorded policy ended on " + insuredUntil
                    + "; record the insurance in force before issuing the permit.", "002 art. 26.2.3");
        }
    }

    // 002 art. 26.2.3 (choice, ADR 0046 item 33, abuse audit F139): "issued after the applicant is insured" means insured for the permit's
    // activity, not for its first day: a policy ending the week after the issue left the holder uninsured for the five-year term. The
    // policy recorded covers at least a year from its recording (a year: the usual shortest policy, and the interval of the annual
    // inspection, 31.1.7); judged when it is recorded, and at the issue for a policy recorded before this rule
    private static void insuredForAYearFromItsRecord(LocalDate insuredUntil, LocalDate recordedOn, String field) {
        if (insuredUntil == null || recordedOn == null) {
            return;
        }
        LocalDate lastDayOfTheYear = LegalTerm.years(recordedOn, 1).lastDay();
        if (insuredUntil.isBefore(lastDayOfTheYear)) {
            throw new RegistryProblem(field == null ? RegistryProblem.Kind.CONFLICT : RegistryProblem.Kind.INVALID, "permit.insurance-too-short",
                    "The policy ends on " + insuredUntil + "; a policy recorded on " + recordedOn + " covers at least a year, through "
                            + lastDayOfTheYear + (field == null ? ": record the insurance again before issuing." : "."), field, "002 art. 26.2.3");
        }
    }

    // 002 art. 26.2.3, 27.1 (choice, ADR 0046 item 39, abuse audit F148): the last day a policy covers is the holder's word beside its
    // document; given as 2099, it silenced the duty to renew (item 34) for this term and every extension to come. A policy covers at most a
    // permit's term, five years, from its recording (the usual policy is a year; a longer one is rare, and none outlives the term it insures)
    private static void insuredForAtMostATermFromItsRecord(LocalDate insuredUntil, LocalDate recordedOn) {
        LocalDate lastDayOfATerm = LegalTerm.years(recordedOn, PermitDeadlines.TERM_YEARS).lastDay();
        if (insuredUntil.isAfter(lastDayOfATerm)) {
            throw RegistryProblem.invalid("permit.insurance-beyond-the-term", "The policy is said to cover through " + insuredUntil + "; a policy "
                    + "recorded on " + recordedOn + " covers at most a permit's term of " + PermitDeadlines.TERM_YEARS + " years, through "
                    + lastDayOfATerm + ".", "insuredUntil", "002 art. 26.2.3, 27.1");
        }
    }

    // 002 art. 26.6, 26.7: the permit names issuer, activity, conditions and signing official; a contract is recorded
    private static void permitStatesItsContent(IssuePermit command) {
        requireText(command.activity(), "activity", "002 art. 26.6.3");
        if (command.conditions() == null || command.conditions().isEmpty() || command.conditions().stream().anyMatch(PermitApplication::saysNothing)) {
            throw RegistryProblem.invalid("permit.content-missing", "The permit states its conditions and requirements.", "conditions", "002 art. 26.6.5");
        }
        if (!DocumentRef.isSha256Hex(command.contractSha256())) {
            throw RegistryProblem.invalid("permit.contract-missing", "A contract with the holder is signed when the permit is issued.",
                    "contractSha256", "002 art. 26.7");
        }
    }

    // ------------------------------------------------------------------ duties with due dates

    // ADR 0013 §4: a duty is discharged by the act it stands for; only where the law names no act is it marked done, by the party that owes it
    @CommandHandler
    void handle(RecordPermitDutyFulfilled command, CommandContext context, PermitServices services) {
        if (command.duty() == null) {
            throw RegistryProblem.invalid("permit.duty-missing", "Name the duty that was done.", "duty", null);
        }
        dutyIsMarkedDoneOnlyByItsOwer(command, context);
        LocalDate due = dueOf(command.duty());
        if (due == null) {
            throw RegistryProblem.conflict("permit.duty-not-open", "There is no open duty " + command.duty() + " on this permit.", command.duty().article());
        }
        handOverIsMarkedDoneOnlyWhileRevoked(command.duty());
        if (!DocumentRef.isSha256Hex(command.evidenceSha256())) {
            throw RegistryProblem.invalid("permit.duty-evidence-missing", "A duty marked done comes with its evidence (the notice or act, by SHA-256).",
                    "evidenceSha256", command.duty().article());
        }
        evidenceDoesNotPrecedeTheAct(command.duty(), command.evidenceSha256(), services);
        documentWasReceived(command.evidenceSha256(), "evidenceSha256", command.duty().article(), services); // F106
        fulfil(command.duty(), context.receivedAt(), command.evidenceSha256(), context.actor(), services);
    }

    // 002 art. 28.3, 29.3, 27.7 (ADR 0046 item 63, abuse audit F212): the ministry notifies the holder and the tax authority of a suspension
    // it decided; the former holder hands its database over on the revocation; the holder tells its certificate holders that this term
    // will not be extended. None is done before its act, so a document the registry received on a day before it is not its evidence: the
    // letter of an earlier suspension (a duty's evidence is a kind several acts share, ADR 0057), the hand-over of a revocation a complaint
    // annulled, or the notice of an earlier term would mark the duty done with nothing done. Judged by the registry's own receipts (of the
    // document, and of the act that raised the duty), by their days in Ulaanbaatar: a letter uploaded the morning of the suspension, before
    // it was signed, is its notice. The notice to the certificate holders is bound by the term, not by the duty: a holder may tell them
    // it will not extend before the duty is raised three months before the end
    private void evidenceDoesNotPrecedeTheAct(PermitDuty duty, String evidenceSha256, PermitServices services) {
        LocalDate actOn = switch (duty) {
            case NOTIFY_SUSPENSION, HAND_OVER_DATABASE -> {
                Instant raised = openDuties.get(duty).since();
                yield raised == null ? null : UlaanbaatarTime.dateOf(raised);
            }
            case NOTIFY_CERTIFICATE_HOLDERS -> extendedTermEnding == null ? issuedOn : extendedTermEnding.plusDays(1);
            default -> null;
        };
        // no act to follow, or a document never received (refused next, document.unknown): nothing precedes it
        java.util.Optional<LocalDate> receivedBefore = receivedBefore(evidenceSha256, actOn, services);
        if (receivedBefore.isPresent()) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.duty-evidence-before-the-duty", "The registry received this document "
                    + "on " + receivedBefore.get() + ", before " + switch (duty) {
                        case NOTIFY_SUSPENSION -> "the suspension it would give notice of (" + actOn + ")";
                        case HAND_OVER_DATABASE -> "the revocation the hand-over follows (" + actOn + ")";
                        default -> "the term whose end it would announce began (" + actOn + ")";
                    } + "; the duty is done with a document of its own.", "evidenceSha256", duty.article());
        }
    }

    // the day in Ulaanbaatar the registry received a document, if it is before the day of the act it follows (null: no act)
    private static java.util.Optional<LocalDate> receivedBefore(String sha256, LocalDate actOn, PermitServices services) {
        return actOn == null ? java.util.Optional.empty()
                : services.documentReceivedAt(sha256).map(UlaanbaatarTime::dateOf).filter(received -> received.isBefore(actOn));
    }

    // a decision, a publication or an inspection discharges its own duty; a notice is marked done by the party that owes it
    private void dutyIsMarkedDoneOnlyByItsOwer(RecordPermitDutyFulfilled command, CommandContext context) {
        PermitDuty duty = command.duty();
        switch (duty.dischargedBy()) {
            case DECISION -> throw RegistryProblem.conflict("permit.duty-discharged-by-decision",
                    "The duty " + duty + " is done only by the decision it stands for, not by marking it done.", duty.article());
            case CHECKPOINT -> throw RegistryProblem.conflict("permit.duty-discharged-by-publication",
                    "The duty " + duty + " is done only by the registry's time-stamped checkpoint that publishes the record.", duty.article());
            case INSPECTION -> throw RegistryProblem.conflict("permit.duty-discharged-by-inspection",
                    "The duty " + duty + " is done only by a recorded inspection.", duty.article());
            case INSURANCE -> throw RegistryProblem.conflict("permit.duty-discharged-by-insurance",
                    "The duty " + duty + " is done only by the renewed policy recorded (RecordPermitInsurance), not by marking it done.", duty.article());
            case SIGNED_RECORD -> {
                if (duty.owedBy() == PermitDuty.Party.HOLDER) {
                    if (context.roles() == null || !context.roles().contains(mn.registry.kernel.identity.Role.APPLICANT)) {
                        throw RegistryProblem.forbidden("permit.duty-owed-by-holder",
                                "The duty " + duty + " is the holder's: only the holder's representative marks it done.", duty.article());
                    }
                    actsForTheHolder(context, duty.article());
                } else if (!byTheMinistry(context)) {
                    throw RegistryProblem.forbidden("permit.duty-owed-by-ministry",
                            "The duty " + duty + " is the ministry's: only a reviewer or supervisor marks it done.", duty.article());
                } else {
                    officialDoesNotActForTheHolder(context, duty.article()); // the ministry's notice to the holder is not marked done by the holder
                }
            }
        }
    }

    // 002 art. 26.4, 27.6: the registry publishes a grant or an extension by the time-stamped checkpoint that covers its record
    @CommandHandler
    void handle(PublishedByCheckpoint command, PermitServices services) {
        if (command.duty().dischargedBy() == PermitDuty.Discharge.CHECKPOINT) {
            fulfil(command.duty(), command.publishedAt(), command.checkpointSha256(), null, services);
        }
    }

    @CommandHandler
    void handle(RecomputeDutyDue command) {
        if (openDuties.containsKey(command.duty()) && !command.due().equals(dueOf(command.duty()))) {
            apply(new PermitDutyDueRecomputed(applicationId, command.duty(), command.deadlineId(), command.startedOn(), command.workingDays(),
                    command.due(), command.calendarVersion()));
        }
    }

    // 002 art. 29.3, 29.6 (ADR 0046 item 58, abuse audit F208): the hand-over of the certificate database is the revocation's duty; a permit
    // reinstated on complaint keeps its database, so the hand-over raised by the revocation (still open in a stream that has no event ending
    // it) is neither marked done nor flagged overdue unless the permit stands revoked (again: a later revocation raises it anew)
    private boolean handOverOwed(PermitDuty duty) {
        return duty != PermitDuty.HAND_OVER_DATABASE || status == PermitApplicationStatus.REVOKED;
    }

    private void handOverIsMarkedDoneOnlyWhileRevoked(PermitDuty duty) {
        if (!handOverOwed(duty)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.hand-over-of-a-reinstated-permit", "The permit is not revoked (a "
                    + "complaint reinstated it, or it expired): its holder keeps the certificate database and hands nothing over.", "duty",
                    "002 art. 29.3, 29.6");
        }
    }

    // domain-rules §3: a duty not done by its due date is flagged, once; a hand-over only while the permit stands revoked (F208: a deadline
    // scheduled before the reinstatement ended it may still fire); (ADR 0046 item 127; F487) a duty counted in working days on its last day
    // as the calendar in force at the firing counts it
    @CommandHandler
    void handle(FlagOverdueDuty command, PermitServices services) {
        if (!command.due().equals(dueOf(command.duty())) || flaggedDuties.getOrDefault(command.duty(), false) || !handOverOwed(command.duty())) {
            return;
        }
        LocalDate lastDay = dutyLastDayOnTheCalendarInForce(command.duty(), services);
        boolean moved = !lastDay.equals(command.due());
        if (moved && !command.at().isAfter(UlaanbaatarTime.endOf(lastDay).toInstant())) {
            return; // the moved day has not passed: its deadline, scheduled again, fires after it
        }
        apply(new PermitDutyOverdue(applicationId, command.duty(), lastDay, command.at(), command.duty().article()));
    }

    /**
     * domain-rules §2, §3; 002 art. 27.3, 28.3, 28.4, 28.1 (ADR 0046 item 127; abuse audit F487, found beside F486): an open duty counted in
     * working days (the extension's decision, the suspension's notice, the decisions after a suspension and on the tax authority's request)
     * is judged against the calendar in force when the registry handles its firing, as the application's decision is (F486): counted again
     * from its day 0 ({@link OpenDuty#countedAgain}); a day it moved is recorded with the recompute's own event ({@code PermitDutyDueRecomputed},
     * under the deadline of the moved day, {@link PermitDeadlineRules#deadlineOfTheMovedDay}), which schedules a deadline for it. A duty due
     * on a date keeps its day. Shared by the firing and by every act that does a duty ({@link #fulfil}, F491). (ADR 0046 item 134; F480) At a
     * firing it was recorded under the deadline that fired, which the deadline service marks fired after the command: the start, handled
     * after that mark, left it fired, and the duty was never flagged on the moved day.
     */
    private LocalDate dutyLastDayOnTheCalendarInForce(PermitDuty duty, PermitServices services) {
        OpenDuty open = openDuties.get(duty);
        OpenDuty inForce = open.countedAgain(services::dueOnTheCalendarInForceNow);
        if (inForce != open) {
            apply(new PermitDutyDueRecomputed(applicationId, duty, PermitDeadlineRules.deadlineOfTheMovedDay(applicationId, duty, inForce.due()),
                    inForce.startedOn(), inForce.workingDays(), inForce.due(), inForce.calendarVersion()));
        }
        return inForce.due();
    }

    // ------------------------------------------------------------------ term and extension (002 art. 27, 29.2)

    // 002 art. 27.2: the holder requests extension with proof of stamp duty; due three months before expiry; none after expiry.
    // A suspended permit may request too (the law does not bar it); the decision then follows the suspension's outcome (ADR 0013 §3).
    @CommandHandler
    void handle(RequestPermitExtension command, CommandContext context, PermitServices services) {
        actsForTheHolder(context, "002 art. 27.2");
        LocalDate requestedOn = UlaanbaatarTime.dateOf(context.receivedAt());
        if (status == PermitApplicationStatus.EXPIRED || (isInForce() && requestedOn.isAfter(validUntil))) {
            throw RegistryProblem.conflict("permit.extension-after-expiry", "The permit expired on " + validUntil + "; it cannot be extended.", "002 art. 29.2");
        }
        requireStatus("002 art. 27.2", PermitApplicationStatus.ACTIVE, PermitApplicationStatus.SUSPENDED);
        if (extensionPending) {
            throw RegistryProblem.conflict("permit.extension-pending", "An extension request is already waiting for a decision.", "002 art. 27.3");
        }
        oneExtensionPerTerm(requestedOn);
        requestedInTheLastPartOfTheTerm(requestedOn);
        if (!DocumentRef.isSha256Hex(command.stampDutyProofSha256())) {
            throw RegistryProblem.invalid("permit.stamp-duty-proof-missing", "The request comes with proof of payment of the stamp duty.",
                    "stampDutyProofSha256", "002 art. 27.2");
        }
        documentWasReceived(command.stampDutyProofSha256(), "stampDutyProofSha256", "002 art. 27.2", services); // F106
        stampDutyProofIsOfThisRequest(command.stampDutyProofSha256(), services);
        LocalDate requestDue = extensionRequestDueOnAWorkingDay(validUntil, services::due);
        apply(new PermitExtensionRequested(applicationId, command.stampDutyProofSha256(), context.receivedAt(), requestDue,
                requestedOn.isAfter(requestDue), services.due(context.receivedAt(), PermitDeadlines.EXTENSION_FAST_PATH).due(), context.actor()));
        raise(PermitDuty.DECIDE_EXTENSION, extensionDecisionPeriod(context.receivedAt(), services), context.receivedAt());
    }

    // 002 art. 27.1, 27.4: a term of five years is extended once, by the five years that follow it
    private void oneExtensionPerTerm(LocalDate requestedOn) {
        if (extendedTermEnding != null && !requestedOn.isAfter(extendedTermEnding)) {
            throw RegistryProblem.conflict("permit.extension-already-granted", "The term ending " + extendedTermEnding
                    + " was already extended to " + validUntil + "; the next request may be made from " + extensionWindowOpens(validUntil) + ".",
                    "002 art. 27.1, 27.4");
        }
    }

    // 002 art. 27.2 (ADR 0046 item 107, the lead's reading of O224; abuse audit F410): the request is submitted "along with the proof of
    // payment of the state stamp duty": the proof is this request's, paid for it, so the registry received it on or after the first day this
    // request may be made (extensionWindowOpens). A proof received before (before the issue, or in the term an earlier extension began) paid
    // for another request, even when its claim (ADR 0057) was released by that request's refusal. By the registry's receipt of the document,
    // in days in Ulaanbaatar, never a date the holder writes
    private void stampDutyProofIsOfThisRequest(String stampDutyProofSha256, PermitServices services) {
        LocalDate opens = extensionWindowOpens(validUntil);
        receivedBefore(stampDutyProofSha256, opens, services).ifPresent(received -> {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.extension-stamp-duty-proof-before-the-window", "The registry "
                    + "received this proof of the stamp duty on " + received + ", before this term's requests could be made (from " + opens
                    + "); the proof submitted with a request is paid for it.", "stampDutyProofSha256", "002 art. 27.2");
        });
    }

    // 002 art. 27.2 (choice, ADR 0013 §3): a request is made in the last six months of the term; it is due three months before expiry
    private void requestedInTheLastPartOfTheTerm(LocalDate requestedOn) {
        LocalDate opens = extensionWindowOpens(validUntil);
        if (requestedOn.isBefore(opens)) {
            throw RegistryProblem.invalid("permit.extension-too-early", "An extension is requested in the last part of the term: from " + opens
                    + " to " + validUntil + " (due by " + extensionRequestDue(validUntil) + "); not on " + requestedOn + ".", "requestedAt",
                    "002 art. 27.2");
        }
    }

    // 002 art. 27.3, 27.5: decided within 5 working days; within 3 when there is no ground to suspend (no violation found at the last
    // inspection, and the permit is not suspended)
    private Deadline extensionDecisionPeriod(Instant at, PermitServices services) {
        return services.due(at, violationFoundAtLastInspection || status == PermitApplicationStatus.SUSPENDED
                ? PermitDeadlines.EXTENSION_DECISION : PermitDeadlines.EXTENSION_FAST_PATH);
    }

    // 002 art. 27.2 (choice, ADR 0046 item 15, abuse audit F105): a period whose last day is a day off ends on the next working day (the
    // general rule for periods, outside the seeds), with the calendar in force at receipt: a request made on the Monday after a Sunday due
    // date, or the day after a public holiday, is in time
    // One rule for the aggregate (the calendar at receipt, through PermitServices) and the deadline rules (the calendar in force):
    // the first working day on or after the calendar date is the first working day after the day before it.
    static LocalDate extensionRequestDueOnAWorkingDay(LocalDate validUntil,
                                                      java.util.function.BiFunction<LocalDate, WorkingDays, Deadline> workingDaysFrom) {
        return workingDaysFrom.apply(dayBeforeTheExtensionRequestDue(validUntil), ONE_WORKING_DAY).due();
    }

    private static final WorkingDays ONE_WORKING_DAY = WorkingDays.of(1);

    private static LocalDate dayBeforeTheExtensionRequestDue(LocalDate validUntil) {
        return extensionRequestDue(validUntil).minusDays(1);
    }

    // 002 art. 27.2: the request is due three months before expiry (moved off a day off by extensionRequestDueOnAWorkingDay where judged)
    static LocalDate extensionRequestDue(LocalDate validUntil) {
        return validUntil.plusDays(1).minus(PermitDeadlines.EXTENSION_REQUEST_LEAD);
    }

    // 002 art. 27.2 (choice): the first day a request may be made, six months before expiry
    static LocalDate extensionWindowOpens(LocalDate validUntil) {
        return validUntil.plusDays(1).minus(PermitDeadlines.EXTENSION_REQUEST_WINDOW);
    }

    // 002 art. 27.3-27.5: decided within 5 working days; extended by five years from the current expiry. Granted only to a permit in
    // force and not suspended (the suspension's outcome comes first, 28.4), or to one that expired, unsuspended, while the request made
    // before its expiry waited (29.2: the holder applied): then in force again from the decision (ADR 0013 §3)
    @CommandHandler
    void handle(DecidePermitExtension command, CommandContext context, PermitServices services) {
        officialDoesNotActForTheHolder(context, "002 art. 27.3");
        if (!extensionPending) {
            throw RegistryProblem.conflict("permit.no-extension-request", "No extension request is waiting for a decision.", "002 art. 27.3");
        }
        extensionWaitsForTheRevocationsOutcome(context.receivedAt());
        escalatedDecisionIsTheSupervisors(escalated(PermitDuty.DECIDE_EXTENSION), context, PermitDuty.DECIDE_EXTENSION.article());
        boolean termEnded = UlaanbaatarTime.dateOf(context.receivedAt()).isAfter(validUntil);
        if (command.extend()) {
            extensionFollowsTheSuspension();
            requireStatus("002 art. 27.5", PermitApplicationStatus.ACTIVE, PermitApplicationStatus.EXPIRED);
            LegalTerm next = new LegalTerm(validUntil.plusDays(1), java.time.Period.ofYears(PermitDeadlines.TERM_YEARS));
            if (status == PermitApplicationStatus.ACTIVE && !termEnded) {
                apply(new PermitExtended(applicationId, validUntil, next.lastDay(), context.receivedAt(), context.actor()));
            } else {
                if (status == PermitApplicationStatus.ACTIVE) { // the term ended before its expiry deadline fired
                    apply(new PermitExpired(applicationId, validUntil, context.receivedAt(), "002 art. 29.2"));
                }
                apply(new PermitExtendedAfterExpiry(applicationId, validUntil, next.lastDay(), context.receivedAt(), context.actor(), "002 art. 27.4, 29.2"));
                for (PermitDuty runsAgain : List.of(PermitDuty.ANNUAL_INSPECTION, PermitDuty.RENEW_INSURANCE)) {
                    LocalDate due = dueOf(runsAgain);
                    if (due != null) {
                        raiseOnDate(runsAgain, due, context.receivedAt()); // its deadline ended with the expiry; it runs again
                    }
                }
            }
            dischargedByThisAct(PermitDuty.DECIDE_EXTENSION, context, services);
            raise(PermitDuty.PUBLISH_EXTENSION, services.due(context.receivedAt(), PermitDeadlines.PUBLICATION), context.receivedAt());
            if (!openDuties.containsKey(PermitDuty.RENEW_INSURANCE)) {
                insuredThroughTheTerm(context.receivedAt()); // the policy covered the old term, not the new one
            }
        } else {
            refusalStatesItsReasons(command.reasons(), "002 art. 27.3");
            refusalRestsOnAGroundToSuspend(command.reasons());
            apply(new PermitExtensionRefused(applicationId, List.copyOf(command.reasons()), context.receivedAt(), context.actor()));
            dischargedByThisAct(PermitDuty.DECIDE_EXTENSION, context, services);
            if (termEnded && isInForce()) {
                apply(new PermitExpired(applicationId, validUntil, context.receivedAt(), "002 art. 29.2"));
            } else if (isInForce()) {
                certificateHoldersAreToldOfARefusal(context.receivedAt());
            }
        }
    }

    // 002 art. 27.3, 29.6 (ADR 0013 §3: a revoked permit's request waits, and "should a complaint reinstate the permit, the ministry may
    // still decide the request"; ADR 0046 item 51, abuse audit F192): while the permit is revoked its pending request is not decided. A
    // refusal in the complaint period would take from a holder whose complaint is upheld the extension it asked for in time (after the
    // term, 29.2 lets no new request in), on a decision about a permit that, until the complaint's outcome, is not in force to extend
    private void extensionWaitsForTheRevocationsOutcome(Instant at) {
        extensionRequestIsNotClosedByTheRevocation(at);
        if (status == PermitApplicationStatus.REVOKED) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.extension-of-a-revoked-permit", "The permit was revoked on "
                    + revokedOn + "; its extension request waits for the outcome of the revocation (an upheld complaint reinstates the permit, "
                    + "and the request is decided then).", "applicationId", "002 art. 27.3, 29.6");
        }
    }

    // 002 art. 27.3, 29.6 (choice, the lead's reading of O249, ADR 0046 item 111, abuse audit F428): the request waits for the revocation's
    // outcome only while there is one to wait for; once the revocation stands, the request is closed with it, as the tax authority's is
    // (item 106), counted so from what the aggregate folds (no event: no decision is taken on it, and none may be). Unlike the tax
    // request's, the permit's term ending does not close it: a complaint pending then may still be upheld after the term (F64), and the
    // request made in time is decided then, the permit reinstated expired (ADR 0013 §3)
    private void extensionRequestIsNotClosedByTheRevocation(Instant at) {
        if (extensionRequestClosedByTheRevocation(at)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.extension-request-closed-by-the-revocation", "The permit was "
                    + "revoked on " + revokedOn + " and the revocation stands (the complaint rejected, the complaint period over with none "
                    + "filed, or no complaint lies against it): the extension request ended with the permit and is not decided.",
                    "applicationId", "002 art. 27.3, 29.6");
        }
    }

    /** 002 art. 27.3, 29.6 (ADR 0046 item 111): an extension request waited on a revocation that now stands, and ended with it. */
    private boolean extensionRequestClosedByTheRevocation(Instant at) {
        return extensionPending && theRevocationStands(at);
    }

    // 002 art. 27.7: a request pending on the due date kept the notice duty back; refused after it, the term will not be extended:
    // the holder tells its certificate holders one month before expiry, or at once (by the end of the day) when that day has passed
    private void certificateHoldersAreToldOfARefusal(Instant at) {
        if (UlaanbaatarTime.dateOf(at).isAfter(extensionRequestDue(validUntil)) && !openDuties.containsKey(PermitDuty.NOTIFY_CERTIFICATE_HOLDERS)) {
            certificateHoldersAreTold(at);
        }
    }

    // 002 art. 27.7: one month before expiry, or by the end of the day the duty is raised when that day has passed: a refusal decided in
    // the last month, or (ADR 0046 item 64, abuse audit F213) a request's due date passed while the permit stood revoked, whose deadline
    // the reinstatement restarts and which fires at once. Raised on a day already past, the duty would be flagged the moment it is raised,
    // for a notice the holder could not give while revoked (item 58: no one is flagged for the time the permit stood revoked)
    private void certificateHoldersAreTold(Instant at) {
        LocalDate today = UlaanbaatarTime.dateOf(at);
        LocalDate noticeDue = validUntil.plusDays(1).minus(PermitDeadlines.CERTIFICATE_HOLDERS_NOTICE_LEAD);
        raiseOnDate(PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, noticeDue.isBefore(today) ? today : noticeDue, at);
    }

    // 002 art. 28.1, 28.4, 27.5: a suspended permit is extended only once restored; one that expired suspended never was
    // 002 art. 27.2, 27.5 (domain-rules: "if there is no ground to suspend, the extension is entered within 3 working days"; ADR 0046
    // item 24, abuse audit F115): an extension is refused on the stamp duty not paid (27.2) or on a ground to suspend that stands (a
    // violation found at the last inspection, a request of the tax authority waiting, a suspension, an expiry while suspended); a
    // refusal on any other reason, or on "a ground to suspend" when none stands, would end a permit the law extends
    private void refusalRestsOnAGroundToSuspend(List<RefusalReason> reasons) {
        for (RefusalReason reason : reasons) {
            if (reason.requirement() != PermitRequirement.NO_GROUND_TO_SUSPEND && reason.requirement() != PermitRequirement.STAMP_DUTY_PAID) {
                throw RegistryProblem.invalid("permit.extension-refusal-reason-invalid", "An extension is refused on the stamp duty (002 art. "
                        + "27.2) or on a ground to suspend the permit (27.5), not on " + reason.requirement() + ".", "reasons", "002 art. 27.2, 27.5");
            }
        }
        boolean groundToSuspend = aGroundToSuspendStands();
        boolean stampDuty = reasons.stream().anyMatch(r -> r.requirement() == PermitRequirement.STAMP_DUTY_PAID);
        if (!groundToSuspend && !stampDuty) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.extension-refusal-without-ground", "No ground to suspend the permit "
                    + "(002 art. 28.1) stands: no violation found at the last inspection, no request of the tax authority, no suspension. The "
                    + "extension is granted.", "extend", "002 art. 27.5");
        }
    }

    // 002 art. 27.5, 28.1 (ADR 0046 item 24): a violation found at the last inspection, a request of the tax authority waiting, a suspension,
    // or an expiry while suspended
    private boolean aGroundToSuspendStands() {
        return violationFoundAtLastInspection || pendingTaxRequest != null
                || status == PermitApplicationStatus.SUSPENDED || (status == PermitApplicationStatus.EXPIRED && expiredWhileSuspended);
    }

    private void extensionFollowsTheSuspension() {
        if (status == PermitApplicationStatus.SUSPENDED) {
            throw RegistryProblem.conflict("permit.extension-while-suspended", "The permit is suspended until " + suspendedUntil
                    + ": the extension is granted only once it is restored (002 art. 28.4), or it is refused.", "002 art. 27.5, 28.4");
        }
        if (status == PermitApplicationStatus.EXPIRED && expiredWhileSuspended) {
            throw RegistryProblem.conflict("permit.extension-while-suspended", "The permit expired on " + validUntil
                    + " while suspended, its ground never removed: the extension can only be refused.", "002 art. 27.5, 28.4");
        }
    }

    // 002 art. 27.7: if the permit is not being extended, the holder tells its certificate holders one month before expiry; (ADR 0046 item
    // 132; F476, was O328) once the request's due date, on the calendar in force when the registry handles the firing, has passed
    @CommandHandler
    void handle(ExtensionRequestDueDatePassed command, PermitServices services) {
        if (isInForce() && isThisTermsRequestDue(command.requestDue()) && !extensionPending
                && !openDuties.containsKey(PermitDuty.NOTIFY_CERTIFICATE_HOLDERS)
                && extensionRequestDuePassedOnTheCalendarInForce(command, services)) {
            certificateHoldersAreTold(command.at());
        }
    }

    /**
     * 002 art. 27.2, 27.7; domain-rules §2 (ADR 0046 item 132; abuse audit F476, was O328): the request's due date is a date moved off a day
     * off (item 15), which the deadline service scheduled when the term began and never moves; a day off declared on it moves it, and its
     * firing at the end of the old day raised 27.7's notice to the certificate holders while the holder's request was still in time. The
     * firing is judged on {@link #extensionRequestDueOnAWorkingDay} over the calendar read again: a date that moved is recorded
     * ({@code PermitExtensionRequestDueRecomputed}, which schedules the deadline again for it) and the notice waits until it has passed. The
     * date held is the one the firing names, or the one recorded moved for this term. A day off declared after the date moves nothing (item
     * 128): the first working day on or after it is still the date.
     */
    private boolean extensionRequestDuePassedOnTheCalendarInForce(ExtensionRequestDueDatePassed command, PermitServices services) {
        LocalDate held = requestDueMoved != null && requestDueMoved.validUntil().equals(validUntil) ? requestDueMoved.requestDue()
                : command.requestDue();
        java.util.Optional<Deadline> moved = new HeldDeadline(dayBeforeTheExtensionRequestDue(validUntil), ONE_WORKING_DAY, held)
                .movedOn(services::dueOnTheCalendarInForceNow);
        moved.ifPresent(inForce -> apply(new PermitExtensionRequestDueRecomputed(applicationId, validUntil, inForce.due(), inForce.calendarVersion(),
                "002 art. 27.2")));
        return UlaanbaatarTime.dateOf(command.at()).isAfter(moved.map(Deadline::due).orElse(held));
    }

    // the deadline of this term's request (three months before its end, moved off days off: never more than a few weeks later), not of a
    // term that an extension replaced
    private boolean isThisTermsRequestDue(LocalDate due) {
        LocalDate onCalendar = extensionRequestDue(validUntil);
        return !due.isBefore(onCalendar) && due.isBefore(onCalendar.plusMonths(1));
    }

    // 002 art. 29.2: a permit not extended is invalid at the end of its term, without anyone acting; an undecided request does not
    // keep it in force (ADR 0013 §3: the request stays open, and a grant after expiry puts the permit in force again from the decision)
    @CommandHandler
    void handle(Expire command) {
        if (isInForce() && command.validUntil().equals(validUntil) && command.at().isAfter(UlaanbaatarTime.endOf(validUntil).toInstant())) {
            apply(new PermitExpired(applicationId, validUntil, command.at(), "002 art. 29.2"));
        }
    }

    // ------------------------------------------------------------------ suspension and restoration (002 art. 28)

    // 002 art. 28.1: on the inspector's opinion of a violation, or the tax authority's request after two or more evasions; at most three months
    @CommandHandler
    void handle(SuspendPermit command, CommandContext context, PermitServices services) {
        officialDoesNotActForTheHolder(context, "002 art. 28.1");
        LocalDate from = command.from() == null ? UlaanbaatarTime.dateOf(context.receivedAt()) : command.from();
        boolean onASpentRunOut = suspendedOnASpentRunOut();
        boolean onAnUnremediedRunOut = !onASpentRunOut && suspendedOnARunOutNotNoticed(services);
        boolean anew = onASpentRunOut || onAnUnremediedRunOut; // ADR 0046 items 92 (was O213), 98 (was O216), 104
        if (status == PermitApplicationStatus.SUSPENDED && !anew) {
            throw RegistryProblem.conflict("permit.already-suspended", "The permit is already suspended until " + suspendedUntil + ".", "002 art. 28.1");
        }
        if (!anew) {
            requireStatus("002 art. 28.1", PermitApplicationStatus.ACTIVE);
        }
        termHasNotEndedAtReceipt(context.receivedAt());
        suspensionHasItsGround(command);
        suspensionStartsOnTheDayOfTheDecision(from, context.receivedAt());
        suspensionLastsAtMostThreeMonths(from, command.until());
        if (onAnUnremediedRunOut) {
            suspensionAnewKeepsToTheChainsThreeMonths(command.until());
        }
        String evidence = command.evidenceSha256();
        int evasions = command.taxEvasions();
        if (command.ground() == SuspensionGround.INSPECTOR_OPINION) {
            suspensionRestsOnARecordedInspectorsOpinion(evidence);
            opinionWasNotFoundRemediedSince(evidence);
            theSuspensionIsNotDecidedByWhoseFindingGroundsIt(opinionRecordedBy.get(evidence), context);
        } else {
            suspensionRestsOnAPendingTaxRequest(evidence);
            theSuspensionIsNotDecidedByWhoseFindingGroundsIt(pendingTaxRequest.requestedBy(), context);
            escalatedDecisionIsTheSupervisors(escalated(PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST), context,
                    PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST.article());
            evidence = pendingTaxRequest.evidenceSha256();
            evasions = pendingTaxRequest.taxEvasions();
        }
        if (onASpentRunOut) {
            suspensionAnewRestsOnAFindingSinceTheDecision(command.ground(), evidence);
        }
        if (anew) {
            escalatedDecisionIsTheSupervisors(escalated(PermitDuty.DECIDE_AFTER_SUSPENSION), context, PermitDuty.DECIDE_AFTER_SUSPENSION.article());
        }
        apply(new PermitSuspended(applicationId, command.ground(), evidence, evasions, from,
                command.until(), context.receivedAt(), context.actor()));
        raise(PermitDuty.NOTIFY_SUSPENSION, services.due(context.receivedAt(), PermitDeadlines.SUSPENSION_NOTICE), context.receivedAt());
        onlyADecisionOnTheTaxRequestDischargesIt(command.ground(), context, services);
        if (anew) {
            dischargedByThisAct(PermitDuty.DECIDE_AFTER_SUSPENSION, context, services); // the decision item 56 raised, answered
        }
    }

    /**
     * A suspension anew is open on a spent run-out (item 92), or on a run-out the holder could not remedy in (item 98, 104) while the three
     * months of its chain are not spent at {@code at} (item 105).
     */
    private boolean suspensionAnewIsOpen(Instant at, PermitServices services) {
        return suspendedOnASpentRunOut() || (suspendedOnARunOutNotNoticed(services) && !theChainsThreeMonthsAreSpent(at));
    }

    private boolean theChainsThreeMonthsAreSpent(Instant at) {
        return UlaanbaatarTime.dateOf(at).isAfter(unremediedChainsLastDay());
    }

    // 002 art. 28.1, 28.4 (choice, the lead's reading of O250, ADR 0046 item 113): 28.1 suspends "for up to three months". Once the chain's
    // three months (item 105) are spent on a run-out the holder was not told of in time to remedy (29.1.5 closed, items 98, 104), no
    // suspension anew is open and the suspension has no ground left in 28.1: the ministry's one lawful act on it is to restore the permit,
    // and the restoration needs neither the remedy inspected (item 18) nor the evasions settled (item 19). A run-out spent by an upheld
    // complaint is item 92's, whose suspension anew counts from the decision, not a chain's
    private boolean suspensionOutlivedItsThreeMonthsUnnoticed(Instant at, PermitServices services) {
        return !suspendedOnASpentRunOut() && suspendedOnARunOutNotNoticed(services) && theChainsThreeMonthsAreSpent(at);
    }

    // 002 art. 28.1, 28.2, 28.3 (choice, the lead's reading of O231, ADR 0046 item 105): a suspension anew on a run-out the holder could not
    // remedy in (item 98) rests on a new finding and new days, but the permit has been suspended all along, issuing no certificate (28.2):
    // left so, a reviewer who never gives notice would keep a permit suspended past 28.1's three months, one unnoticed run-out opening the
    // next. The suspensions of such a chain count together: a suspension anew runs at most to the last day of three months from the first
    // day of the chain's first suspension; once those days are spent, none is open (other grounds, the restoration and item 92 stay)
    private void suspensionAnewKeepsToTheChainsThreeMonths(LocalDate until) {
        LocalDate lastDay = unremediedChainsLastDay();
        if (until.isAfter(lastDay)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.suspension-anew-beyond-three-months", "The permit has been "
                    + "suspended since " + chainFrom() + " on suspensions the holder was not told of in time to remedy; a suspension anew on "
                    + "them runs to no later than " + lastDay + ", the end of 28.1's three months from that day, not to " + until + ".",
                    "until", "002 art. 28.1, 28.2, 28.3");
        }
    }

    /** The first day of the chain the suspension in force belongs to: its own first day when it is the chain's first (item 105). */
    private LocalDate chainFrom() {
        return unremediedChainFrom != null ? unremediedChainFrom : suspendedFrom;
    }

    private LocalDate unremediedChainsLastDay() {
        return new LegalTerm(chainFrom(), PermitDeadlines.MAXIMUM_SUSPENSION).lastDay();
    }

    // 002 art. 28.1, 28.3, 29.1.5 (choice, ADR 0046 item 98, was O216): a suspension that ran out unrestored, its notice to the holder not
    // recorded in its days, grounds no 29.1.5 (theHolderWasToldOfTheSuspensionInItsDays); left so, the permit would stay suspended to its
    // term's end with the supervisor's duty escalating, as item 92 found of a spent run-out. The ministry suspends it anew as item 92 lets
    // it, on its own ground found (an opinion no suspension used, a request of the tax authority waiting), for new days, and this time
    // gives notice; no decision weighed the old findings, so item 92's "since the decision" does not apply
    private boolean suspendedOnARunOutNotNoticed(PermitServices services) {
        return status == PermitApplicationStatus.SUSPENDED && revocationGroundRaised
                && (!theHolderWasToldInItsDays() || !theHolderHadThreeWorkingDaysAfterTheNotice(services));
    }

    // 002 art. 28.1, 29.1.5, 29.6 (the lead's reading of O213, ADR 0046 item 92, abuse audit F365): a permit an upheld complaint reinstated
    // suspended on a run-out the decision spent (items 56, 91) stays suspended with no revocation on 29.1.5 to reach it; the ministry may
    // suspend it anew, replacing the suspension applied again: for new days (at most three months, from the decision's day, as any
    // suspension), on a ground found anew. Other suspensions in force admit none (permit.already-suspended)
    private boolean suspendedOnASpentRunOut() {
        return status == PermitApplicationStatus.SUSPENDED && runOutSpent != null && isTheSuspensionInForce(runOutSpent.of());
    }

    // 002 art. 28.1, 29.6 (ADR 0046 item 92, abuse audit F366): the suspension anew rests on a finding the registry received after the decision
    // on the complaint: the inspector's opinion of an inspection recorded since, or a request of the tax authority received since. A finding
    // on record before it was the holder's to answer in the complaint, and the decision stands on it; suspending anew on it would make the
    // suspension the decision spent last another three months on the same facts. An opinion used by a suspension already grounds none
    // (suspensionRestsOnARecordedInspectorsOpinion, judged first)
    private void suspensionAnewRestsOnAFindingSinceTheDecision(SuspensionGround ground, String evidence) {
        Instant found = ground == SuspensionGround.INSPECTOR_OPINION ? opinionRecordedAt.get(evidence) : pendingTaxRequest.requestedAt();
        Instant decidedAt = runOutSpent.decidedAt();
        if (found == null || decidedAt == null || !found.isAfter(decidedAt)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.suspension-anew-on-a-finding-before-the-decision", "The permit "
                    + "is suspended on a run-out the decision on the holder's complaint of " + decidedAt + " spent; a suspension anew rests "
                    + "on a finding the registry received after that decision" + (found == null ? "." : ", not on one received at " + found + "."),
                    "evidenceSha256", "002 art. 28.1, 29.6");
        }
    }

    // 002 art. 28.1, ADR 0013 §4 (choice, ADR 0046 item 55, abuse audit F196, was O113): the duty to decide the tax authority's request is
    // discharged by a decision on it: a suspension on its ground (this one), or its refusal (RefusePermitSuspensionRequest). A suspension on
    // the inspector's opinion answers another ground: the request stays pending and its duty open, escalating as any duty once late
    // (after F191 the supervisor then decides it). The discharge is the PermitDutyFulfilled this handler applies, so stored events replay
    // as they were: no rule of the event sourcing handlers changed
    private void onlyADecisionOnTheTaxRequestDischargesIt(SuspensionGround ground, CommandContext context, PermitServices services) {
        if (ground == SuspensionGround.TAX_EVASIONS) {
            dischargedByThisAct(PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, context, services);
        }
    }

    // 002 art. 28.1, ADR 0013 §4: a suspension takes effect on the day it is decided (the local date of receipt), never back-dated
    private static void suspensionStartsOnTheDayOfTheDecision(LocalDate from, Instant at) {
        LocalDate today = UlaanbaatarTime.dateOf(at);
        if (from == null || !from.equals(today)) {
            throw RegistryProblem.invalid("permit.suspension-not-from-today", "A suspension runs from the day it is decided (" + today + "), not from "
                    + from + ".", "from", "002 art. 28.1");
        }
    }

    // 002 art. 28.1: "on the State Communications Inspector's opinion": an opinion of a violation recorded on this permit, used once
    private void suspensionRestsOnARecordedInspectorsOpinion(String evidenceSha256) {
        if (!violationOpinions.contains(evidenceSha256)) {
            throw RegistryProblem.conflict("permit.suspension-without-inspector-opinion",
                    "A suspension on the inspector's opinion names the findings (SHA-256) of an inspection recorded on this permit by a "
                            + "communications inspector that found a violation and grounded no suspension yet.", "002 art. 28.1");
        }
    }

    // 002 art. 28.1 (ADR 0046 item 138, abuse audit F495, found in session 29's hunt): the ministry suspends the permit "on the opinion of
    // the State Communications Inspector" or "on the request of the tax authorities": two acts of two bodies (the inspector and the tax
    // officer answer to the Cabinet, not to the ministry). The registry lets one person hold an inspector's or a tax officer's role beside a
    // reviewer's or supervisor's; that person would find the ground and decide the suspension on it alone, the ministry's review of it left
    // out. The suspension is decided by another person than the one who recorded its ground (as F62 has a second official decide on a
    // company an official represents): judged by the ground's stored recorder, whatever roles the signer holds now
    private static void theSuspensionIsNotDecidedByWhoseFindingGroundsIt(PersonId groundedBy, CommandContext context) {
        if (groundedBy != null && groundedBy.equals(context.actor())) {
            throw new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, "permit.suspension-on-ones-own-finding", context.actor() + " recorded "
                    + "the opinion or the request this suspension rests on; another official of the ministry decides the suspension on it.",
                    "evidenceSha256", "002 art. 28.1");
        }
    }

    // 002 art. 28.1, 31.1.7 (ADR 0046 item 71, abuse audit F310): the opinion grounds a suspension while the violation it found stands. An
    // inspection recorded after it that found no violation (the last inspection is the one the law's consequences read, item 22) found
    // the violation remedied: suspended on the older opinion, a holder the ministry's own last inspection found compliant would stop
    // issuing certificates, and be restored only after yet another inspection (item 18)
    private void opinionWasNotFoundRemediedSince(String evidenceSha256) {
        if (opinionsFoundRemedied.containsKey(evidenceSha256)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.suspension-on-an-opinion-found-remedied", "The inspection of "
                    + opinionFoundOn.get(evidenceSha256) + " found this violation; an inspection recorded since, of "
                    + opinionsFoundRemedied.get(evidenceSha256) + ", found none. A suspension rests on an opinion of a violation no later inspection found remedied.", "evidenceSha256",
                    "002 art. 28.1, 31.1.7");
        }
    }

    // 002 art. 28.1: "at the tax authority's request": a request of the tax officer waiting for the ministry's decision
    private void suspensionRestsOnAPendingTaxRequest(String evidenceSha256) {
        if (pendingTaxRequest == null) {
            throw RegistryProblem.conflict("permit.suspension-without-tax-request",
                    "A suspension for tax evasions follows a request of the tax authority; none is pending on this permit.", "002 art. 28.1");
        }
        if (evidenceSha256 != null && !evidenceSha256.equals(pendingTaxRequest.evidenceSha256())) {
            throw RegistryProblem.invalid("permit.suspension-evidence-not-the-request",
                    "The evidence of a suspension for tax evasions is the tax authority's request (" + pendingTaxRequest.evidenceSha256() + ").",
                    "evidenceSha256", "002 art. 28.1");
        }
    }

    // 002 art. 28.1: the tax authority requests a suspension after two or more tax evasions or avoidances; the ministry decides
    @CommandHandler
    void handle(RequestPermitSuspension command, CommandContext context, PermitServices services) {
        taxRequestFindsAPermitToSuspend(context.receivedAt(), services);
        termHasNotEndedAtReceipt(context.receivedAt());
        if (command.taxEvasions() < 2) {
            throw RegistryProblem.invalid("permit.suspension-tax-evasions-fewer-than-two",
                    "The tax authority requests a suspension only after two or more tax evasions.", "taxEvasions", "002 art. 28.1");
        }
        if (!DocumentRef.isSha256Hex(command.evidenceSha256())) {
            throw RegistryProblem.invalid("permit.suspension-evidence-missing", "The request comes with its evidence (SHA-256).",
                    "evidenceSha256", "002 art. 28.1");
        }
        if (pendingTaxRequest != null) {
            throw RegistryProblem.conflict("permit.suspension-request-pending", "A request of the tax authority is already waiting for a decision.",
                    "002 art. 28.1");
        }
        taxAuthorityDocumentRecordsOneAct(command.evidenceSha256(), "002 art. 28.1");
        documentWasReceived(command.evidenceSha256(), "evidenceSha256", "002 art. 28.1", services); // F106
        apply(new PermitSuspensionRequested(applicationId, command.taxEvasions(), command.evidenceSha256(), context.receivedAt(), context.actor(),
                "002 art. 28.1"));
        raise(PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, services.due(context.receivedAt(), PermitDuty.TAX_REQUEST_DECISION), context.receivedAt());
    }

    // 002 art. 28.1, 29.6 (the lead's reading of O214, ADR 0046 item 93, abuse audit F367): the tax authority requests the suspension of a
    // permit in force, or of one suspended on a run-out an upheld complaint spent, which the ministry may suspend anew on "its own ground
    // found" (item 92): the request, received after the decision, is such a ground (suspensionAnewRestsOnAFindingSinceTheDecision); and
    // (item 98) of one whose suspension ran out with no notice recorded in its days, which grounds no 29.1.5 either. A permit under a
    // suspension that runs, or ran out noticed with no complaint spending it, takes none (one suspension at a time)
    private void taxRequestFindsAPermitToSuspend(Instant at, PermitServices services) {
        if (!suspensionAnewIsOpen(at, services)) {
            requireStatus("002 art. 28.1", PermitApplicationStatus.ACTIVE);
        }
    }

    // 002 art. 28.1, 28.4 (choice, ADR 0046 item 37, abuse audit F144, F145): a document of the tax authority is the record of one of its
    // acts on this permit. The request the ministry refused, filed again on its own document, is the same request decided twice (until a
    // reviewer suspends on it); a request or settlement used before, named as the settlement, restores the permit on a document that
    // says the opposite or nothing new. Another permit's documents are refused registry-wide by the document's claim (DocumentKind.TAX_AUTHORITY_DOCUMENT)
    private void taxAuthorityDocumentRecordsOneAct(String evidenceSha256, String article) {
        if (taxAuthorityDocuments.contains(evidenceSha256.toLowerCase(java.util.Locale.ROOT))) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.tax-document-used", "This document of the tax authority ("
                    + evidenceSha256 + ") is the record of a request or settlement on this permit already; each act of the tax authority comes "
                    + "with its own document.", "evidenceSha256", article);
        }
    }

    // 002 art. 28.1: refusing the tax authority's request is a decision too, with its reasons
    @CommandHandler
    void handle(RefusePermitSuspensionRequest command, CommandContext context, PermitServices services) {
        officialDoesNotActForTheHolder(context, "002 art. 28.1");
        theTaxRequestIsDecidedNow(context.receivedAt());
        escalatedDecisionIsTheSupervisors(escalated(PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST), context,
                PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST.article());
        requireText(command.reasons(), "reasons", "002 art. 28.1");
        apply(new PermitSuspensionRequestRefused(applicationId, pendingTaxRequest.evidenceSha256(), command.reasons(), context.receivedAt(), context.actor(),
                "002 art. 28.1"));
        dischargedByThisAct(PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, context, services);
    }

    // 002 art. 28.1, 29.6: a request waits for a decision, and the permit is not revoked (its refusal waits for the revocation's outcome)
    private void theTaxRequestIsDecidedNow(Instant at) {
        aTaxRequestWaitsForADecision();
        taxRequestWaitsForTheRevocationsOutcome(at);
    }

    // 002 art. 28.1, 29.6 (choice, the lead's reading of O229, ADR 0046 item 99): as an extension request does (item 51), the tax
    // authority's request on a revoked permit waits for the revocation's outcome: a decision on it in the complaint period decides about a
    // permit that, until then, is not in force; reinstated, the request is decided as before. An expired permit's request is refused as
    // before (item 99: no outcome is pending that would bring the permit back without the ministry's own decision), and so is a revoked
    // permit's once the revocation stands (item 106)
    private void taxRequestWaitsForTheRevocationsOutcome(Instant at) {
        if (theRevocationMayStillBeAnnulled(at)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.tax-request-of-a-revoked-permit", "The permit was revoked on "
                    + revokedOn + "; the tax authority's request waits for the outcome of the revocation (an upheld complaint reinstates the "
                    + "permit, and the request is decided then; once the revocation stands, it is refused).", "applicationId", "002 art. 28.1, 29.6");
        }
    }

    // 002 art. 28.1, 29.4, 29.6 (choice, the lead's reading of O232, ADR 0046 item 106): a request waits for the revocation's outcome only
    // while there is one to wait for. The revocation can no longer be annulled, by the registry's own reading, from the first of: the
    // holder's complaint rejected (one complaint per revocation: once decided, the holder's remedy is the court), the complaint period over
    // with none filed (F127: a late complaint is refused), a revocation against which no complaint lies (29.1.1), the permit's term ended
    // (an upheld complaint does not outlive the term, item 5). The certificate database passes on (29.4) only after one of these. From then
    // the request is decided as an expired permit's (item 99): its refusal, the one decision left, is received and closes the ministry's duty
    private boolean theRevocationMayStillBeAnnulled(Instant at) {
        return status == PermitApplicationStatus.REVOKED && !theRevocationStands(at)
                && !UlaanbaatarTime.dateOf(at).isAfter(validUntil);
    }

    // 002 art. 29.6 (ADR 0046 items 106, 111): no complaint can annul the revocation any more, whatever the term: the holder's complaint
    // rejected, the complaint period over with none filed, or a revocation against which none lies (29.1.1)
    private boolean theRevocationStands(Instant at) {
        if (status != PermitApplicationStatus.REVOKED) {
            return false;
        }
        // complaintFiled is the complaint pending; complaintDecided, revoked still, the complaint rejected
        return RevocationStanding.stands(revocationGround, revokedOn, complaintFiled || complaintDecided, complaintDecided, UlaanbaatarTime.dateOf(at));
    }

    // 002 art. 28.1: the request refused is one of the tax authority waiting for the ministry's decision
    private void aTaxRequestWaitsForADecision() {
        if (pendingTaxRequest == null) {
            throw RegistryProblem.conflict("permit.no-suspension-request", "No request of the tax authority is waiting for a decision.", "002 art. 28.1");
        }
    }

    // 002 art. 28.1: the ground is the inspector's opinion, or the tax authority's request on two or more evasions
    private static void suspensionHasItsGround(SuspendPermit command) {
        if (command.ground() == null) {
            throw RegistryProblem.invalid("permit.suspension-ground-missing", "A suspension names its ground.", "ground", "002 art. 28.1");
        }
        if (!DocumentRef.isSha256Hex(command.evidenceSha256())) {
            throw RegistryProblem.invalid("permit.suspension-evidence-missing",
                    "A suspension rests on the inspector's opinion or the tax authority's request (its SHA-256).", "evidenceSha256", "002 art. 28.1");
        }
        // the number of tax evasions is the tax authority's, checked on its request (RequestSuspension)
    }

    // 002 art. 28.1: a suspension lasts at most three months
    static void suspensionLastsAtMostThreeMonths(LocalDate from, LocalDate until) {
        if (from == null || until == null || !LegalTerm.lastsAtMost(from, until, PermitDeadlines.MAXIMUM_SUSPENSION)) {
            throw RegistryProblem.invalid("permit.suspension-too-long", "A suspension lasts at most three months, from " + from
                    + " to no later than " + (from == null ? "?" : LegalTerm.months(from, 3).lastDay()) + ".", "until", "002 art. 28.1");
        }
    }

    // 002 art. 29.1.5: a suspension that ends without restoration raises a ground of revocation for a decision
    @CommandHandler
    void handle(SuspensionRanOut command) {
        if (status == PermitApplicationStatus.SUSPENDED && command.until().equals(suspendedUntil) && !revocationGroundRaised
                && command.at().isAfter(UlaanbaatarTime.endOf(suspendedUntil).toInstant())) {
            apply(new RevocationGroundRaised(applicationId, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, command.at(),
                    RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION.article()));
            if (command.decision() != null) { // ADR 0013 §4: the supervisor restores or revokes within 5 working days, else escalated
                raise(PermitDuty.DECIDE_AFTER_SUSPENSION, command.decision(), command.at());
            }
        }
    }

    // 002 art. 28.4: restored when the ground of the suspension is removed
    // (item 113: or, once 28.1's three months are spent unnoticed, with no ground left; the event says which by its article)
    @CommandHandler
    void handle(RestorePermit command, CommandContext context, PermitServices services) {
        officialDoesNotActForTheHolder(context, "002 art. 28.4");
        permitIsRestorableAt(context.receivedAt());
        requireText(command.reason(), "reason", "002 art. 28.4");
        boolean monthsSpent = theSuspensionsGroundWasRemovedOrItsMonthsSpent(context.receivedAt(), services);
        if (!monthsSpent) {
            theRestorationIsNotDecidedByWhoFoundItsGroundRemoved(context);
        }
        escalatedDecisionIsTheSupervisors(escalated(PermitDuty.DECIDE_AFTER_SUSPENSION), context, PermitDuty.DECIDE_AFTER_SUSPENSION.article());
        boolean noticeUnmet = monthsSpent && !theChainsNoticesWereRecordedInTime();
        if (noticeUnmet) {
            noticesStoredLateFoundDoneInTime(context.receivedAt(), services);
            noticeUnmet = !theChainsNoticesWereRecordedInTime();
        }
        if (noticeUnmet) {
            restorationOnUnnoticedMonthsIsTheSupervisors(context);
        }
        apply(new PermitRestored(applicationId, command.reason(), context.receivedAt(), context.actor(),
                noticeUnmet ? RESTORED_ON_THE_UNNOTICED_MONTHS : monthsSpent ? RESTORED_ON_THE_MONTHS_SPENT : "002 art. 28.4"));
        dischargedByThisAct(PermitDuty.DECIDE_AFTER_SUSPENSION, context, services);
    }

    // 002 art. 28.1, 28.4 (choice, ADR 0046 item 171, abuse audit F597, session 32's red team; item 138's reading, F495, for the other end of
    // the suspension): the permit is restored "when the ground of the suspension is removed", found so by the inspector's inspection (item
    // 18) or the tax authority's record (item 19), two bodies the ministry does not answer for. A person holding the inspector's or the tax
    // officer's role beside a reviewer's would find the ground removed and restore the permit on it alone, the ministry's review of the
    // finding left out. The restoration is decided by another person than the one who recorded the finding that removed its ground, judged
    // by that finding's stored recorder whatever roles the signer holds now. A restoration on 28.1's three months spent (item 113) rests on
    // no finding and is left as it was
    private void theRestorationIsNotDecidedByWhoFoundItsGroundRemoved(CommandContext context) {
        if (suspensionGroundRemovedBy != null && suspensionGroundRemovedBy.equals(context.actor())) {
            throw new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, "permit.restoration-on-ones-own-finding", context.actor() + " recorded "
                    + "the inspection or the tax authority's record that found this suspension's ground removed; another official of the "
                    + "ministry restores the permit on it.", "applicationId", "002 art. 28.1, 28.4");
        }
    }

    /** The article of a restoration once 28.1's three months are spent unnoticed (item 113): 28.1 left the suspension no ground. */
    static final String RESTORED_ON_THE_MONTHS_SPENT = "002 art. 28.1, 28.4";
    /**
     * The article of that restoration when the suspension's notice was not recorded by its due day (item 121): the public record names
     * 28.3, the duty the ministry did not meet.
     */
    static final String RESTORED_ON_THE_UNNOTICED_MONTHS = "002 art. 28.1, 28.3, 28.4";

    // 002 art. 28.1, 28.3, 28.4 (choice, the lead's reading of O274, ADR 0046 item 121, abuse audit F466): item 113 restores without the
    // remedy a suspension that outlived 28.1's three months with no notice in time. A reviewer colluding with the holder would suspend,
    // never give the written notice 28.3 owes within three working days, and let the months pass, to restore the permit with no inspection
    // and no revocation on 29.1.5. Where the notice of the suspension in force was not recorded by its due day (never, or late), judged at
    // the restoration's receipt, the restoration on the months spent is the supervisor's alone, and its record names 28.3 among its
    // articles. A notice recorded in time (item 104's suspension too short after it) leaves it as item 113 has it
    private static void restorationOnUnnoticedMonthsIsTheSupervisors(CommandContext context) {
        if (context.roles() == null || !context.roles().contains(Role.MINISTRY_SUPERVISOR)) {
            throw new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, "permit.restoration-on-unnoticed-months-is-the-supervisors", "28.1's "
                    + "three months are spent, but the notice of the suspension (002 art. 28.3) was not recorded within its three working days; "
                    + "a supervisor restores the permit.", "restoration", "002 art. 28.1, 28.3, 28.4");
        }
    }

    /**
     * Whether the notice of the suspension in force, and of every suspension of its chain before it (item 125), was recorded by its due day
     * (002 art. 28.3, item 121).
     */
    private boolean theChainsNoticesWereRecordedInTime() {
        return !chainNoticeUnmet && chainNoticesLate.stream().noneMatch(SuspensionNotice::late) && theNoticeInForceWasRecordedInTime();
    }

    /**
     * Whether the notice of the suspension in force (its {@code NOTIFY_SUSPENSION} marked done) was recorded by its due day, the third working
     * day after the registry received the suspension: not late as the registry judged it when it received the record (item 121).
     */
    private boolean theNoticeInForceWasRecordedInTime() {
        SuspensionNotice notice = theNoticeOfTheSuspensionInForce();
        return notice != null && !notice.late();
    }

    /** The notice recorded of the suspension in force; null when none is. */
    private SuspensionNotice theNoticeOfTheSuspensionInForce() {
        SuspensionNotice notice = suspensionNotice;
        return notice != null && isTheSuspensionInForce(notice.of()) ? notice : null;
    }

    /**
     * 002 art. 28.3, 28.1, 28.4; domain-rules §2 (ADR 0046 item 135; abuse audit F482, was O333): the notices of the chain (item 125) and of
     * the suspension in force that the stream says late, but that were recorded by their last day counted again from their day 0 on the
     * calendar in force ({@link OpenDuty#countedAgain}). A release before item 129 judged a notice recorded on the day a day off moved its last
     * day to against the day the permit still held, and stored it late; the stream does not say the day moved (no recompute follows a duty
     * done). The Government declares no day already past (domain-rules §2, {@code GovernmentCalendar}), so the calendar in force counts a
     * past notice's days as it stood at the notice's receipt: a declaration made since moves none of them.
     */
    private List<SuspensionNotice> noticesStoredLateDoneByTheirDay(PermitServices services) {
        SuspensionNotice inForce = theNoticeOfTheSuspensionInForce();
        return java.util.stream.Stream.concat(chainNoticesLate.stream(), inForce == null ? java.util.stream.Stream.empty() : java.util.stream.Stream.of(inForce))
                .filter(notice -> notice.late() && notice.owed() != null
                        && notice.recordedBy(notice.owed().countedAgain(services::dueOnTheCalendarInForceNow).due()))
                .toList();
    }

    /** Item 135: each notice stored late but recorded by its last day on the calendar in force is found done in time, on the record. */
    private void noticesStoredLateFoundDoneInTime(Instant at, PermitServices services) {
        for (SuspensionNotice notice : noticesStoredLateDoneByTheirDay(services)) {
            OpenDuty counted = notice.owed().countedAgain(services::dueOnTheCalendarInForceNow);
            apply(new PermitDutyFoundDoneInTime(applicationId, PermitDuty.NOTIFY_SUSPENSION, notice.recordedAt(), counted.due(),
                    counted.calendarVersion(), at, FOUND_DONE_IN_TIME));
        }
    }

    /** The article of a notice found done in time (item 135): the notice's duty, on the calendar (domain-rules §2). */
    static final String FOUND_DONE_IN_TIME = "002 art. 28.3; domain-rules §2";

    /**
     * The desk's reading of item 121 with item 135's (reads the state only): whether every notice of the chain and of the suspension in force
     * was recorded in time, a notice stored late counted again on the calendar in force.
     */
    private boolean theChainsNoticesWereRecordedInTimeOnTheCalendarInForce(PermitServices services) {
        if (theChainsNoticesWereRecordedInTime()) {
            return true;
        }
        SuspensionNotice inForce = theNoticeOfTheSuspensionInForce();
        long late = chainNoticesLate.stream().filter(SuspensionNotice::late).count() + (inForce != null && inForce.late() ? 1 : 0);
        return !chainNoticeUnmet && inForce != null && noticesStoredLateDoneByTheirDay(services).size() == late;
    }

    // 002 art. 28.4, 29.2: a suspended permit whose term has not ended at the restoration's receipt is restored
    private void permitIsRestorableAt(Instant at) {
        requireStatus("002 art. 28.4", PermitApplicationStatus.SUSPENDED);
        termHasNotEndedAtReceipt(at);
    }

    /**
     * 002 art. 28.1, 28.4: the suspension's ground removed, or (item 113) none left to it in 28.1, its three months spent unnoticed; true
     * in the second case, whose restoration says so by its article.
     */
    private boolean theSuspensionsGroundWasRemovedOrItsMonthsSpent(Instant at, PermitServices services) {
        if (suspensionOutlivedItsThreeMonthsUnnoticed(at, services)) {
            return true;
        }
        theSuspensionsGroundWasRemoved();
        return false;
    }

    // 002 art. 28.4: "when the ground of the suspension is removed": the remedy inspected (item 18), the evasions settled (item 19)
    private void theSuspensionsGroundWasRemoved() {
        theRemedyWasInspected();
        theTaxEvasionsWereSettled();
    }

    // 002 art. 28.4 (choice, ADR 0046 item 18, abuse audit F108): the ground of a suspension on the inspector's opinion is the violation
    // found; it is removed when an inspection made since the suspension began finds none. Restored on the reviewer's word alone, a
    // suspension could be lifted the day after it was decided
    private void theRemedyWasInspected() {
        if (remedyToBeInspected) {
            throw RegistryProblem.conflict("permit.restoration-without-inspection", "The permit was suspended on the inspector's opinion of a "
                    + "violation; record an inspection made since " + suspendedFrom + " that finds no violation before restoring it.", "002 art. 28.4");
        }
    }

    // 002 art. 28.1, 28.4 (choice, ADR 0046 item 19, abuse audit F109): the ground of a suspension at the tax authority's request is the
    // evasions it named; the tax authority, not the ministry, says they are settled. Restored on the reviewer's word alone, the permit
    // could issue certificates again the day after the suspension the tax authority asked for
    private void theTaxEvasionsWereSettled() {
        if (taxSettlementAwaited) {
            throw RegistryProblem.conflict("permit.restoration-without-tax-settlement", "The permit was suspended at the tax authority's request; "
                    + "the tax authority records that the evasions are settled (RecordTaxEvasionsSettled) before it is restored.", "002 art. 28.1, 28.4");
        }
    }

    // 002 art. 28.1, 28.4: the tax authority records, with its document, that the evasions it named are settled; once per suspension
    @CommandHandler
    void handle(RecordTaxEvasionsSettled command, CommandContext context, PermitServices services) {
        officialDoesNotActForTheHolder(context, "002 art. 28.4");
        requireStatus("002 art. 28.4", PermitApplicationStatus.SUSPENDED);
        termHasNotEndedAtReceipt(context.receivedAt());
        if (!taxSettlementAwaited) {
            throw RegistryProblem.conflict("permit.no-tax-suspension", "The permit is not suspended at the tax authority's request, or the "
                    + "evasions are recorded as settled already.", "002 art. 28.4");
        }
        if (!DocumentRef.isSha256Hex(command.evidenceSha256())) {
            throw RegistryProblem.invalid("permit.tax-settlement-evidence-missing", "The tax authority's record that the evasions are settled "
                    + "comes with its document (SHA-256).", "evidenceSha256", "002 art. 28.4");
        }
        taxAuthorityDocumentRecordsOneAct(command.evidenceSha256(), "002 art. 28.1, 28.4");
        settlementIsNotOlderThanTheRequest(command.evidenceSha256(), services);
        documentWasReceived(command.evidenceSha256(), "evidenceSha256", "002 art. 28.4", services);
        apply(new TaxEvasionsSettled(applicationId, command.evidenceSha256(), context.receivedAt(), context.actor(), "002 art. 28.1, 28.4"));
    }

    // 002 art. 28.1, 28.4 (ADR 0046 item 70, abuse audit F283): the settlement answers the evasions the tax authority's request named; a
    // document the registry received on a day before that request was written before there were evasions named to settle (a paper kept
    // ready, recorded to lift the suspension). Judged by the registry's receipts, by their days in Ulaanbaatar: a settlement received
    // between the request and the suspension is recorded
    private void settlementIsNotOlderThanTheRequest(String evidenceSha256, PermitServices services) {
        receivedBefore(evidenceSha256, taxRequestedOn, services).ifPresent(received -> {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.tax-settlement-before-the-request", "The registry received this "
                    + "document on " + received + ", before the tax authority's request of " + taxRequestedOn + " named the evasions it would "
                    + "settle; the settlement is recorded with a document of its own.", "evidenceSha256", "002 art. 28.1, 28.4");
        });
    }

    // 002 art. 28.2: no new certificates are issued while the permit is suspended
    @CommandHandler
    void handle(ReportCertificatesIssued command, CommandContext context) {
        actsForTheHolder(context, "002 art. 22.1.2");
        if (status == PermitApplicationStatus.SUSPENDED) {
            throw RegistryProblem.conflict("permit.suspended-no-new-certificates",
                    "The permit is suspended until " + suspendedUntil + ": no new certificates may be issued.", "002 art. 28.2");
        }
        requireStatus("002 art. 22.1.2", PermitApplicationStatus.ACTIVE);
        termHasNotEndedAtReceipt(context.receivedAt());
        if (command.count() < 0) {
            throw RegistryProblem.invalid("permit.certificate-count-negative", "A count is not negative.", "count", "002 art. 22.1.2");
        }
        reportedPeriodHasEnded(command.periodEnd(), context.receivedAt());
        reportedPeriodIsUnderThePermitAndNew(command.periodEnd());
        apply(new CertificatesIssuedReported(applicationId, command.count(), command.periodEnd(), context.receivedAt(), context.actor()));
    }

    // 002 art. 22.1.2: a report counts certificates already issued: its period has ended by the day of receipt
    private static void reportedPeriodHasEnded(LocalDate periodEnd, Instant at) {
        LocalDate receivedOn = UlaanbaatarTime.dateOf(at);
        if (periodEnd == null || periodEnd.isAfter(receivedOn)) {
            throw RegistryProblem.invalid("permit.report-period-in-future", "A report covers a period that has ended by the day of receipt ("
                    + receivedOn + "), not one ending " + periodEnd + ".", "periodEnd", "002 art. 22.1.2");
        }
    }

    // 002 art. 22.1.2: the public count adds each report once: a report's period runs from the end of the previous one (choice), so a
    // period reported again would count its certificates twice, and one ending before the permit was issued counts none issued under it
    private void reportedPeriodIsUnderThePermitAndNew(LocalDate periodEnd) {
        if (issuedOn != null && periodEnd.isBefore(issuedOn)) {
            throw RegistryProblem.invalid("permit.report-period-before-issue", "The permit was issued on " + issuedOn + "; a period ending "
                    + periodEnd + " has no certificates issued under it.", "periodEnd", "002 art. 22.1.2");
        }
        if (lastReportedPeriodEnd != null && !periodEnd.isAfter(lastReportedPeriodEnd)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.report-period-already-reported", "Certificates were reported up to "
                    + lastReportedPeriodEnd + "; the next report covers a period ending after that day.", "periodEnd", "002 art. 22.1.2");
        }
    }

    // ------------------------------------------------------------------ revocation and complaint (002 art. 29)

    // 002 art. 29.1: revoked on one of the grounds of 29.1; the holder hands over its certificate database (29.3)
    @CommandHandler
    void handle(RevokePermit command, CommandContext context, PermitServices services) {
        officialDoesNotActForTheHolder(context, "002 art. 29.1");
        permitIsRevocableAt(context.receivedAt());
        if (command.ground() == null) {
            throw RegistryProblem.invalid("permit.revocation-ground-missing", "A revocation names its ground of 002 art. 29.1.", "ground", "002 art. 29.1");
        }
        revocationStatesItsReason(command.reason());
        revocationRestsOnTheDocumentOfItsGround(command, context.receivedAt(), services);
        groundIsOnRecord(command.ground(), services);
        apply(new PermitRevoked(applicationId, command.ground(), command.reason(), context.receivedAt(), context.actor(), true,
                command.evidenceSha256()));
        dischargedByThisAct(PermitDuty.DECIDE_AFTER_SUSPENSION, context, services);
        raiseOnDate(PermitDuty.HAND_OVER_DATABASE, UlaanbaatarTime.dateOf(context.receivedAt()).plusMonths(1), context.receivedAt());
    }

    // 002 art. 29.1, 29.2: a permit in force, whose term has not ended at the revocation's receipt, is revoked
    private void permitIsRevocableAt(Instant at) {
        requireStatus("002 art. 29.1", PermitApplicationStatus.ACTIVE, PermitApplicationStatus.SUSPENDED);
        termHasNotEndedAtReceipt(at);
    }

    // 002 art. 29.1.1, 29.1.4, 29.1.5, 28.4, 29.6: the ground's facts the registry's record holds (the holder's request, the violations, the
    // suspension's run-out); the grounds on a document (29.1.2, 29.1.3) are judged by their document (revocationRestsOnTheDocumentOfItsGround)
    private void groundIsOnRecord(RevocationGround ground, PermitServices services) {
        holderRequestIsOnRecord(ground);
        if (ground == RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION && status != PermitApplicationStatus.SUSPENDED) {
            throw RegistryProblem.conflict("permit.revocation-ground-needs-suspension",
                    "Ground 29.1.5 concerns violations not remedied during a suspension; the permit is not suspended.", "002 art. 29.1.5");
        }
        violationsAreOnRecord(ground);
        theGroundWasNotRemovedDuringTheSuspension(ground);
        theHolderWasToldOfTheSuspensionInItsDays(ground);
        theHolderHadThreeWorkingDaysToRemedyAfterTheNotice(ground, services);
    }

    // 002 art. 28.1, 28.3, 29.1.5 (choice, the lead's reading of O230, ADR 0046 item 104): 28.3 gives the ministry three working days to
    // tell the holder in writing; the holder has at least as long to act on it. A suspension of a day noticed that day, or one noticed on
    // its second-to-last day, leaves the holder hours to remedy what 28.1 gives up to three months for. 29.1.5 stands only when the
    // suspension's last day is on or after the third working day after the day in Ulaanbaatar the registry received the notice's record
    // (the registry's calendar, the one the deadlines use; never a day the official writes); the other grounds stay. Judged after item 98
    // (a notice recorded in the suspension's days), so its notice is the one in force
    private void theHolderHadThreeWorkingDaysToRemedyAfterTheNotice(RevocationGround ground, PermitServices services) {
        if (ground != RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION || theHolderHadThreeWorkingDaysAfterTheNotice(services)) {
            return;
        }
        throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.revocation-suspension-too-short-after-notice", "The suspension's "
                + "notice was recorded on " + suspensionNotice.recordedOn() + "; the suspension ended on " + suspendedUntil + ", before "
                + remedyFromTheNoticeEnds(services) + ", the third working day after it. Ground 29.1.5 needs the holder to have had at least "
                + "the notice's three working days (002 art. 28.3) to remedy; the ministry may decide on another ground.", "ground",
                "002 art. 28.1, 28.3, 29.1.5");
    }

    /** Whether the suspension in force lasted to the third working day after its notice's record, or later (item 104). */
    private boolean theHolderHadThreeWorkingDaysAfterTheNotice(PermitServices services) {
        return theHolderWasToldInItsDays() && !suspendedUntil.isBefore(remedyFromTheNoticeEnds(services));
    }

    /** The third working day after the day the notice of the suspension in force was recorded (002 art. 28.3, item 104). */
    private LocalDate remedyFromTheNoticeEnds(PermitServices services) {
        return services.due(suspensionNotice.recordedOn(), PermitDeadlines.SUSPENSION_NOTICE).due();
    }

    // 002 art. 28.1, 28.3, 29.1.5 (choice, the lead's reading of O216, ADR 0046 item 98): 29.1.5 is a holder who "during the period of
    // suspension did not fulfil the requirements"; one not told of the suspension (28.3: the ministry notifies it within 3 working days)
    // had no period to remedy in. The ground stands only when the ministry's notice of the suspension in force (its NOTIFY_SUSPENSION
    // marked done) was recorded on or before the suspension's last day: by the day in Ulaanbaatar the registry received that record,
    // never a day the official writes. A notice recorded after it, or none, grounds no 29.1.5; the other grounds stay. The law sets no
    // shortest suspension (28.1: "up to three months"): a suspension of a day or two grounds 29.1.5 only if the notice came within it
    private void theHolderWasToldOfTheSuspensionInItsDays(RevocationGround ground) {
        if (ground != RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION) {
            return;
        }
        SuspensionNotice notice = suspensionNotice;
        if (!theHolderWasToldInItsDays()) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.revocation-suspension-not-notified", "The holder was not told of "
                    + "the suspension to " + suspendedUntil + " within its days: " + (notice == null || !isTheSuspensionInForce(notice.of())
                    ? "no notice of it is recorded" : "its notice was recorded on " + notice.recordedOn()) + ". Ground 29.1.5 needs the "
                    + "suspension's notice (002 art. 28.3) recorded on or before its last day; the ministry may decide on another ground.",
                    "ground", "002 art. 28.1, 28.3, 29.1.5");
        }
    }

    /**
     * ADR 0065: the pages' answer, by the rules {@link #handle(RevokePermit, CommandContext, PermitServices)} applies in its order (the
     * signer's own checks and the revocation's reason aside): for each ground, the problem a revocation received at {@code now} would be
     * refused with, or accepted (on the document of its ground, for 29.1.2 and 29.1.3, which the act names); whose request to revoke is on
     * record; whether a suspension anew is open (item 92). And, by the rules of their handlers (the signer's own checks, the reason and an
     * escalated duty aside, which the desk judges apart): the restoration's verdict ({@code RestorePermit}: the status, the term, the
     * suspension's ground removed, 28.4), the refusal of the tax authority's request ({@code RefusePermitSuspensionRequest}, 28.1), and
     * whether a ground to suspend stands for an extension's refusal ({@code DecidePermitExtension}, 27.5), and whether the extension
     * request is closed by a revocation that stands (its decision refused, item 111). Reads the state only: applies nothing.
     */
    RevocationGrounds.Answer revocationGroundsAt(Instant now, PermitServices services) {
        return revocationGroundsAt(now, services, null, null);
    }

    /**
     * As {@link #revocationGroundsAt(Instant, PermitServices)}, and (ADR 0046 item 156; abuse audit F523, was O406) whether {@code official},
     * whose grant of the applicant's role in force now names {@code officialsCompany} (null: none), acts for the holder on this aggregate's
     * state (its holder and representative now, which the case file may show late), by the rule every ministry act applies
     * ({@link #officialDoesNotActForTheHolder}): the code of the refusal, or null. No official (null): not asked.
     */
    RevocationGrounds.Answer revocationGroundsAt(Instant now, PermitServices services, mn.registry.kernel.identity.PersonId official,
                                                 String officialsCompany) {
        Map<RevocationGround, RevocationGrounds.Verdict> verdicts = new EnumMap<>(RevocationGround.class);
        for (RevocationGround ground : RevocationGround.values()) {
            try {
                permitIsRevocableAt(now);
                groundIsOnRecord(ground, services);
                verdicts.put(ground, ground.restsOnADocument() ? RevocationGrounds.Verdict.DOCUMENT_NEEDED : RevocationGrounds.Verdict.ACCEPTED);
            } catch (RegistryProblem refused) {
                verdicts.put(ground, RevocationGrounds.Verdict.refused(refused.code()));
            }
        }
        RevocationGrounds.HolderRequest request = theHoldersRequestIsWaiting() ? RevocationGrounds.HolderRequest.THE_HOLDERS
                : revocationRequested ? RevocationGrounds.HolderRequest.THE_PREDECESSORS : RevocationGrounds.HolderRequest.NONE;
        RevocationGrounds.Verdict restoration = verdictOf(() -> {
            permitIsRestorableAt(now);
            theSuspensionsGroundWasRemovedOrItsMonthsSpent(now, services);
        });
        boolean monthsSpent = suspensionOutlivedItsThreeMonthsUnnoticed(now, services);
        return new RevocationGrounds.Answer(verdicts, request, suspensionAnewIsOpen(now, services), restoration,
                verdictOf(() -> theTaxRequestIsDecidedNow(now)), aGroundToSuspendStands(), extensionRequestClosedByTheRevocation(now),
                monthsSpent, monthsSpent && !theChainsNoticesWereRecordedInTimeOnTheCalendarInForce(services),
                anInspectorsOpinionOfAViolationStands(), representativeNoLongerActsAt(now, services),
                official == null ? null : officialRefusedWith(official, officialsCompany, now));
    }

    /** The code {@link #officialDoesNotActForTheHolder} would refuse {@code official}'s act received at {@code now} with, or null (F523). */
    private String officialRefusedWith(mn.registry.kernel.identity.PersonId official, String officialsCompany, Instant now) {
        return verdictOf(() -> mn.registry.kernel.permit.OfficialActsForTheHolder.officialDoesNotActForTheHolder(official, officialsCompany, now,
                representative, holder == null ? null : holder.registrationNumber(), null)).refusedWith();
    }

    /**
     * 002 art. 23.2; 001 art. 23.1.1 (ADR 0046 item 153; abuse audit F548, was O369): on a permit in force, whether the person the registry
     * knows as the holder's representative no longer represents the holder at {@code now}, by the rule that names one
     * ({@link #holdersRepresentativeRepresentsTheHolderAtReceipt}): no company representative's role then, or a grant naming another company.
     * The desk says so, and the supervisor names another (item 145).
     */
    private boolean representativeNoLongerActsAt(Instant now, PermitServices services) {
        if (!isInForce() || representative == null || holder == null) {
            return false;
        }
        try {
            holdersRepresentativeRepresentsTheHolderAtReceipt(representative, now, services);
            return false;
        } catch (RegistryProblem noLonger) {
            return true;
        }
    }

    /** Accepted when {@code rules} pass, else refused with the code of the problem they throw. */
    private static RevocationGrounds.Verdict verdictOf(Runnable rules) {
        return mn.registry.command.look.AggregateLook.verdictOf(rules, RevocationGrounds.Verdict.ACCEPTED, RevocationGrounds.Verdict::refused);
    }

    // 002 art. 29.1.2, 29.1.3, 29.6 (ADR 0064, abuse audit F328, was O185): the liquidation and the false documents determined are facts
    // outside the registry; the revocation names the document that shows them, one the registry received by the revocation's receipt (its
    // receipt time, never a date the signer claims), so that the holder's complaint answers a paper on record, not the reason's text. The
    // other grounds are on the record and name none (a document named there would be claimed for a ground it does not show). A document
    // of an earlier revocation of this permit, which an upheld complaint annulled, grounds no second one (F329)
    private void revocationRestsOnTheDocumentOfItsGround(RevokePermit command, Instant at, PermitServices services) {
        String evidence = command.evidenceSha256();
        String article = command.ground().article();
        if (!command.ground().restsOnADocument()) {
            if (evidence != null) {
                throw RegistryProblem.invalid("permit.revocation-evidence-on-a-ground-on-record", "Ground " + article + " is on the "
                        + "registry's record; the revocation names no document (a document is named for 29.1.2 and 29.1.3 only).",
                        "evidenceSha256", article);
            }
            return;
        }
        if (evidence == null || evidence.isBlank()) {
            throw RegistryProblem.invalid("permit.revocation-evidence-missing", "A revocation on " + article + " names the "
                    + "document that shows its ground (the liquidation's registration or court decision; the finding of false documents), "
                    + "uploaded to the registry first.", "evidenceSha256", article + ", 29.6");
        }
        evidenceIsASha256(evidence, "evidenceSha256", article);
        documentWasReceived(evidence, "evidenceSha256", article, services);
        java.util.Optional<Instant> receivedAt = services.documentReceivedAt(evidence); // read once for both ages
        receivedAt.filter(received -> received.isAfter(at)).ifPresent(received -> {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.revocation-evidence-after-the-revocation", "The registry "
                    + "received this document at " + received + ", after the revocation's receipt (" + at + "); a revocation rests on a "
                    + "document received by then.", "evidenceSha256", article);
        });
        receivedAt.ifPresent(received -> evidenceIsNotOlderThanItsGround(command.ground(), received));
        if (annulledRevocationsEvidence.contains(evidence.toLowerCase(java.util.Locale.ROOT))) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.revocation-evidence-of-an-annulled-revocation", "This document "
                    + "grounded an earlier revocation of this permit, which the decision on the holder's complaint annulled; a new revocation "
                    + "rests on a document of its own.", "evidenceSha256", article + ", 29.6");
        }
    }

    // 002 art. 29.1.2, 29.1.3, 23.3 (ADR 0046 item 84, abuse audit F331): false documents "prepared when obtaining the permit" are found
    // after the application that submitted them; the liquidation is the holder's, who holds the permit since its application or since the
    // transfer that made it the holder (a reorganisation's predecessor is dissolved as the permit passes on). A document the registry
    // received on a day before then shows neither of this permit's holder: an old paper, or the predecessor's dissolution. By the
    // registry's receipts, in days in Ulaanbaatar, as every document's age is judged (receivedBefore)
    private void evidenceIsNotOlderThanItsGround(RevocationGround ground, Instant receivedAt) {
        LocalDate since = ground == RevocationGround.LIQUIDATION ? holderSince() : receivedOn;
        LocalDate received = UlaanbaatarTime.dateOf(receivedAt);
        if (since != null && received.isBefore(since)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.revocation-evidence-before-its-ground", "The registry received this "
                    + "document on " + received + ", before " + (ground == RevocationGround.LIQUIDATION ? "the holder held the permit ("
                    : "the application whose documents it would find false (") + since + "); it does not show this ground of this permit.",
                    "evidenceSha256", ground.article());
        }
    }

    /** The day in Ulaanbaatar the holder came to hold the permit: its application's receipt, or its last transfer (ADR 0046 item 84). */
    private LocalDate holderSince() {
        return lastTransferredAt == null ? receivedOn : UlaanbaatarTime.dateOf(lastTransferredAt);
    }

    // 002 art. 29.1.4, 29.1.5 (choice, ADR 0046 item 23, abuse audit F113, F114): the grounds of violations rest on the record. "Repeatedly
    // violated" (29.1.4) is two or more inspections that found a violation; "did not fulfil the requirements during the suspension"
    // (29.1.5) is judged when the suspension has run out unrestored (domain-rules: its end raises the ground), not the day after it began,
    // before the holder had the suspension's time to remedy. Named on the supervisor's word, either ground would be a revocation no
    // record supports, against which the holder's complaint (29.6) has nothing to answer
    private void violationsAreOnRecord(RevocationGround ground) {
        if (ground == RevocationGround.REPEATED_VIOLATIONS && violationsFound < 2) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.revocation-violations-not-repeated", "Ground 29.1.4 is repeated "
                    + "violations; " + violationsFound + " inspection(s) of this permit found a violation, and two or more are needed.", "ground",
                    "002 art. 29.1.4");
        }
        violationsAreNotThoseOfAnAnnulledRevocation(ground);
        if (ground == RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION && !revocationGroundRaised) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.revocation-suspension-not-run-out", "Ground 29.1.5 is judged when "
                    + "the suspension has run out without restoration (until " + suspendedUntil + "); the holder remedies during it.", "ground",
                    "002 art. 29.1.5");
        }
        runOutIsNotThatOfAnAnnulledRevocation(ground);
    }

    // 002 art. 29.1.5, 29.6 (the lead's reading of O205, ADR 0046 item 91): a complaint upheld against a revocation on 29.1.5 annulled it on
    // the run-out it rested on; item 56 applies that suspension again on the days as they stood, which ran out already, so revoking again
    // on that run-out would make the decision void by a second signature, as F351 is for violations. 29.1.5 needs a suspension decided after
    // the decision (the permit restored first, 28.4) and run out unrestored
    private void runOutIsNotThatOfAnAnnulledRevocation(RevocationGround ground) {
        if (ground == RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION && suspendedOnASpentRunOut()) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.revocation-run-out-of-an-annulled-revocation", "The suspension to "
                    + suspendedUntil + " ran out before the revocation on 29.1.5 that the decision on the holder's complaint annulled, and was "
                    + "applied again as it stood; ground 29.1.5 needs a suspension decided since that decision and run out unrestored.", "ground",
                    "002 art. 29.1.5, 29.6");
        }
    }

    /**
     * Whether {@code suspension} is the one in force: the same decision, or that decision applied again as it stood by an upheld complaint
     * (item 56: its ground, evidence and days). A suspension decided later starts on its decision's day, after the complaint's decision.
     */
    private boolean isTheSuspensionInForce(PermitSuspended suspension) {
        return sameDecision(suspensionInForce, suspension);
    }

    /**
     * Whether {@code suspension}, applied to a permit in force, is item 56's: the suspension at the revocation an upheld complaint annulled,
     * applied again as it stood. Any other suspension of a permit in force is decided on its own day, on an opinion or a request no
     * suspension used (item 112).
     */
    private boolean isAppliedAgainByTheComplaint(PermitSuspended suspension) {
        return status == PermitApplicationStatus.ACTIVE && complaintDecided && sameDecision(suspensionAtRevocation, suspension);
    }

    /** The same decision to suspend: its ground, evidence and days (item 56 applies a suspension again with these as they stood). */
    private static boolean sameDecision(PermitSuspended one, PermitSuspended other) {
        return one != null && other != null && one.ground() == other.ground()
                && java.util.Objects.equals(one.evidenceSha256(), other.evidenceSha256())
                && java.util.Objects.equals(one.from(), other.from()) && java.util.Objects.equals(one.until(), other.until());
    }

    // 002 art. 29.1.4, 29.6 (the lead's reading of O196, ADR 0046 item 89): a complaint upheld against a revocation for repeated violations
    // annulled it on those violations; revoking again on them would make the decision void by a second signature. Counted again on 29.1.4
    // are only the violations found by inspections the registry received after the decision (none is received while the permit is revoked)
    private void violationsAreNotThoseOfAnAnnulledRevocation(RevocationGround ground) {
        if (ground == RevocationGround.REPEATED_VIOLATIONS && violationsFound - violationsSpent < 2) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.revocation-violations-of-an-annulled-revocation", "Ground 29.1.4 "
                    + "is repeated violations; " + violationsSpent + " of the " + violationsFound + " violation(s) on record grounded a revocation "
                    + "the decision on the holder's complaint annulled, and " + (violationsFound - violationsSpent) + " inspection(s) received "
                    + "since found one; two or more are needed.", "ground", "002 art. 29.1.4, 29.6");
        }
    }

    // 002 art. 28.4, 29.1.5 (ADR 0046 item 73, abuse audit F312): 29.1.5 is a holder who "during the period of suspension did not fulfil
    // the requirements for eliminating violations". One whose violation an inspection during the suspension found remedied, or whose
    // evasions the tax authority recorded settled in it, fulfilled them: the ministry owed the restoration (28.4), and its own delay until the
    // suspension ran out is no ground to revoke. Remedied only after the suspension's last day, the ground stands
    private void theGroundWasNotRemovedDuringTheSuspension(RevocationGround ground) {
        if (ground == RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION && suspensionGroundRemovedOn != null
                && !suspensionGroundRemovedOn.isAfter(suspendedUntil)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.revocation-ground-removed-during-the-suspension", "The record "
                    + "that found the suspension's ground removed was received on " + suspensionGroundRemovedOn + ", during the suspension to " + suspendedUntil
                    + "; the holder remedied it, and the permit is restored (002 art. 28.4), not revoked on 29.1.5.", "ground",
                    "002 art. 28.4, 29.1.5");
        }
    }

    /** Whether the notice of the suspension in force was recorded on or before its last day (ADR 0046 item 98). */
    private boolean theHolderWasToldInItsDays() {
        SuspensionNotice notice = suspensionNotice;
        return notice != null && isTheSuspensionInForce(notice.of()) && !notice.recordedOn().isAfter(suspendedUntil);
    }

    // 002 art. 29.1.1, 29.6 (choice, ADR 0046 item 14, abuse audit F104): the holder's own request is the holder's signed act, recorded
    // before a revocation on it; otherwise a supervisor could name this ground, against which no complaint lies, for a revocation the
    // holder never asked for
    private void holderRequestIsOnRecord(RevocationGround ground) {
        if (ground == RevocationGround.HOLDER_REQUEST && !revocationRequested) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.revocation-not-requested", "The holder has not asked for "
                    + "revocation; ground 29.1.1 needs the holder's signed request (RequestPermitRevocation) on record.", "ground", "002 art. 29.1.1");
        }
        if (ground == RevocationGround.HOLDER_REQUEST && !theHoldersRequestIsWaiting()) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.revocation-requested-before-the-transfer", "The request for "
                    + "revocation was received on " + revocationRequestedAt + ", before the permit passed to its successor on "
                    + lastTransferredAt + "; it was the former holder's will, not one of the rights and obligations the successor took on. "
                    + "Ground 29.1.1 needs the successor's own request.", "ground", "002 art. 23.3, 29.1.1");
        }
    }

    // 002 art. 23.3, 29.1.1 (the lead's reading, ADR 0046 item 74, abuse audit F320, was O187): on a reorganisation the successor "shall
    // undertake the rights and obligations specified in paragraphs 20.1, 20.2 and 20.3"; a request to revoke is the will of the company
    // that made it, not one of them. A request waits for the holder in force only when the registry received it on or after the permit's
    // last transfer; one received before stays on record, the former holder's act, and grounds neither a revocation at the holder's
    // request (against which no complaint lies, 29.6) nor the successor's withdrawal, nor bars the successor's own request
    private boolean theHoldersRequestIsWaiting() {
        return revocationRequested && (lastTransferredAt == null || revocationRequestedAt == null || !revocationRequestedAt.isBefore(lastTransferredAt));
    }

    // 002 art. 29.1.1: the holder asks for revocation by its own signed act; one request waits at a time
    @CommandHandler
    void handle(RequestPermitRevocation command, CommandContext context) {
        actsForTheHolder(context, "002 art. 29.1.1");
        requireStatus("002 art. 29.1.1", PermitApplicationStatus.ACTIVE, PermitApplicationStatus.SUSPENDED);
        termHasNotEndedAtReceipt(context.receivedAt());
        if (theHoldersRequestIsWaiting()) {
            throw RegistryProblem.conflict("permit.revocation-already-requested", "The holder's request for revocation is already waiting for "
                    + "the ministry's decision.", "002 art. 29.1.1");
        }
        apply(new PermitRevocationRequested(applicationId, context.receivedAt(), context.actor()));
    }

    // 002 art. 29.1.1, 29.6 (ADR 0046 item 25, abuse audit F117): the request is the holder's to withdraw until a supervisor decides it;
    // otherwise a request made once, perhaps in a dispute long settled, would stay a ground against which no complaint lies, for a
    // revocation any time later
    @CommandHandler
    void handle(WithdrawPermitRevocationRequest command, CommandContext context) {
        actsForTheHolder(context, "002 art. 29.1.1");
        if (!theHoldersRequestIsWaiting()) {
            throw RegistryProblem.conflict("permit.no-revocation-request", "No request of the holder for revocation is waiting for the ministry.",
                    "002 art. 29.1.1");
        }
        apply(new PermitRevocationRequestWithdrawn(applicationId, context.receivedAt(), context.actor()));
    }

    // 002 art. 29.1 (abuse audit F63): a revocation states the facts of its ground; the holder learns them (withheld from the public) and
    // can complain against them (29.6), which a revocation "on false documents" naming no document would not allow
    private static void revocationStatesItsReason(String reason) {
        requireText(reason, "reason", "002 art. 29.1");
    }

    // 002 art. 29.3: the former holder hands its certificate database to the ministry
    @CommandHandler
    void handle(RecordCertificateDatabaseHandedOver command, CommandContext context, PermitServices services) {
        officialDoesNotActForTheHolder(context, "002 art. 29.3");
        requireStatus("002 art. 29.3", PermitApplicationStatus.REVOKED);
        if (databaseHandedOver) {
            throw RegistryProblem.conflict("permit.database-already-handed-over", "The certificate database was already handed over.", "002 art. 29.3");
        }
        evidenceIsASha256(command.databaseSha256(), "databaseSha256", "002 art. 29.3");
        databaseIsHandedOverAsItIsNow(command.databaseSha256());
        handOverRestsOnItsOwnReceipt(command.receiptSha256(), services);
        apply(new CertificateDatabaseHandedOver(applicationId, command.databaseSha256(), context.receivedAt(), context.actor(),
                command.receiptSha256()));
        dischargedByThisAct(PermitDuty.HAND_OVER_DATABASE, context, services);
    }

    // 002 art. 29.3 (ADR 0057, session 20 round 2; abuse audit F221, F222, was O121): the registry never receives the database, only its
    // fingerprint, so the hand-over rests on the database's signed receipt (the ministry's or the receiving provider's), uploaded and
    // received; a receipt records one hand-over: another permit's is refused by its claim (DocumentKind.CERTIFICATE_DATABASE_RECEIPT),
    // an earlier hand-over's of this permit (revoked again after a reinstatement) here
    private void handOverRestsOnItsOwnReceipt(String receiptSha256, PermitServices services) {
        evidenceIsASha256(receiptSha256, "receiptSha256", "002 art. 29.3");
        documentWasReceived(receiptSha256, "receiptSha256", "002 art. 29.3", services);
        receiptDoesNotPrecedeTheRevocation(receiptSha256, services);
        if (handedOverReceipts.contains(receiptSha256.toLowerCase(java.util.Locale.ROOT))) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.receipt-of-an-earlier-hand-over", "This receipt records the "
                    + "database handed over on an earlier revocation of this permit; each hand-over is recorded on the receipt of its own.",
                    "receiptSha256", "002 art. 29.3");
        }
    }

    // 002 art. 29.3 (abuse audit F223): the database is handed over on the revocation, so a receipt the registry received on a day before it
    // (the receipt of a hand-over of a revocation a complaint annulled, stored before receipts were required) receipts nothing done; judged
    // by the registry's own receipts by their days in Ulaanbaatar, as a duty's evidence is (F212)
    private void receiptDoesNotPrecedeTheRevocation(String receiptSha256, PermitServices services) {
        java.util.Optional<LocalDate> received = receivedBefore(receiptSha256, revokedOn, services);
        if (received.isPresent()) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.database-receipt-before-the-revocation", "The registry received this "
                    + "receipt on " + received.get() + ", before the revocation the hand-over follows (" + revokedOn + "); the hand-over is "
                    + "recorded on a receipt of its own.", "receiptSha256", "002 art. 29.3");
        }
    }

    // 002 art. 29.3, 29.5, 29.6 (ADR 0046 item 66, abuse audit F230): the database handed over is the one the former holder keeps at the
    // revocation, certificates issued since a reinstatement included (29.5: they stay valid, and the successor answers for them). The
    // registry keeps only its fingerprint; the fingerprint of an earlier hand-over of this permit, recorded again after the holder reported
    // certificates issued since, names a database without them: the successor would receive it, and their holders lose their provider.
    // Without certificates reported since, the database may be the same, and its fingerprint is
    private void databaseIsHandedOverAsItIsNow(String databaseSha256) {
        if (certificatesReportedSinceTheHandOver && handedOverDatabases.contains(databaseSha256.toLowerCase(java.util.Locale.ROOT))) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.database-of-an-earlier-hand-over", "This fingerprint is the database "
                    + "handed over on an earlier revocation of this permit; certificates were reported issued since, and the database handed over "
                    + "now holds them.", "databaseSha256", "002 art. 29.3, 29.5");
        }
    }

    // 002 art. 29.4: the ministry passes the database to another holder under a contract
    @CommandHandler
    void handle(PassCertificateDatabaseOn command, CommandContext context, PermitServices services) {
        officialDoesNotActForTheHolder(context, "002 art. 29.4");
        requireStatus("002 art. 29.4", PermitApplicationStatus.REVOKED); // F111: not the database of a permit a complaint reinstated
        if (!databaseHandedOver) {
            throw RegistryProblem.conflict("permit.database-not-handed-over", "The certificate database has not been handed over yet.", "002 art. 29.4");
        }
        databaseWaitsForThePendingComplaint();
        databaseWaitsForTheComplaintPeriod(context.receivedAt());
        databaseIsPassedOnOnceToAnotherPermit(command.successorPermit(), context.receivedAt(), services);
        databaseIsNotPassedBackToTheRevokedHolder(command.successorPermit(), services);
        evidenceIsASha256(command.contractSha256(), "contractSha256", "002 art. 29.4");
        contractIsNotOlderThanTheRevocation(command.contractSha256(), services);
        documentWasReceived(command.contractSha256(), "contractSha256", "002 art. 29.4", services); // F106
        apply(new CertificateDatabasePassedOn(applicationId, command.successorPermit(), command.contractSha256(), context.receivedAt(), context.actor()));
    }

    // 002 art. 29.3, 29.4 (ADR 0046 item 72, abuse audit F311): the contract passes on the database the revocation made the former holder
    // hand over; a contract the registry received on a day before the revocation in force was made before there was a database to pass on
    // (a successor chosen for a revocation not yet signed, or the contract of a revocation a complaint annulled). Judged by the registry's
    // receipts, by their days in Ulaanbaatar, as the hand-over's receipt is (F223)
    private void contractIsNotOlderThanTheRevocation(String contractSha256, PermitServices services) {
        receivedBefore(contractSha256, revokedOn, services).ifPresent(received -> {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.database-contract-before-the-revocation", "The registry received "
                    + "this contract on " + received + ", before the revocation of " + revokedOn + " whose database it would pass on; the "
                    + "database is passed on under a contract made for it.", "contractSha256", "002 art. 29.3, 29.4");
        });
    }

    // 002 art. 29.4, 29.6 (choice, ADR 0046 item 17, abuse audit F107): while a complaint against the revocation is pending, its outcome
    // may annul the revocation and give the database back to its holder: passed on meanwhile, the same certificates would have two holders
    private void databaseWaitsForThePendingComplaint() {
        if (complaintFiled) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.database-complaint-pending", "A complaint against the revocation "
                    + "is pending; the certificate database is passed on once it is decided.", "applicationId", "002 art. 29.4, 29.6");
        }
    }

    // 002 art. 29.4, 29.6 (choice, ADR 0046 item 20, abuse audit F110): passed on the day after the revocation, before the holder could
    // complain, the database would make an upheld complaint give back a permit whose certificates another holder has; it waits until the
    // complaint period has run (or a complaint is decided); a revocation at the holder's own request, against which none lies, does not wait
    private void databaseWaitsForTheComplaintPeriod(Instant at) {
        if (revocationGround == null || !revocationGround.complaintAllowed() || complaintDecided || revokedOn == null) {
            return;
        }
        LocalDate firstDay = revokedOn.plus(PermitDeadlines.COMPLAINT_PERIOD).plusDays(1);
        if (UlaanbaatarTime.dateOf(at).isBefore(firstDay)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.database-complaint-period-running", "The holder may complain against "
                    + "the revocation of " + revokedOn + " until " + revokedOn.plus(PermitDeadlines.COMPLAINT_PERIOD) + "; the certificate database is "
                    + "passed on from " + firstDay + ", or once a complaint is decided.", "applicationId", "002 art. 29.4, 29.6");
        }
    }

    // 002 art. 29.4: the database goes to another holder (a permit in force), once: a second pass-on would hand the same certificates
    // to two holders
    private void databaseIsPassedOnOnceToAnotherPermit(ApplicationId successor, Instant receivedAt, PermitServices services) {
        if (databasePassedTo != null) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.database-already-passed-on", "The certificate database was passed on to "
                    + databasePassedTo + " already.", "successorPermit", "002 art. 29.4");
        }
        if (successor == null || successor.equals(applicationId) || !services.permitInForce(successor, receivedAt)) {
            throw RegistryProblem.invalid("permit.database-successor-invalid", "The database is passed on to another holder's permit in force, not to "
                    + (successor == null ? "none" : successor.equals(applicationId) ? "the revoked permit itself" : successor
                    + ", which is no permit in force") + ".", "successorPermit", "002 art. 29.4");
        }
    }

    // 002 art. 29.3, 29.4 (ADR 0046 item 136, abuse audit F483, found in session 29's hunt): the revoked holder hands its database over
    // (29.3) and the ministry passes it on to "another special permit holder" (29.4). A company whose permit was revoked holds no claim on
    // its name once revoked (ADR 0031), so it may apply again and be issued a new permit; passed to that permit, the database would go back
    // to the company the revocation took it from, and the hand-over would undo nothing. The holder is the company, by its state
    // registration number, as the successor permit's own stream has it at the pass-on's receipt
    private void databaseIsNotPassedBackToTheRevokedHolder(ApplicationId successor, PermitServices services) {
        String revokedHolder = holderRegistrationNumber();
        if (revokedHolder != null && services.holderOf(successor).filter(revokedHolder::equals).isPresent()) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.database-to-the-revoked-holder", "The permit " + successor
                    + " is held by " + revokedHolder + ", the company whose permit was revoked and which handed the database over; it is passed "
                    + "on to another holder.", "successorPermit", "002 art. 29.3, 29.4");
        }
    }

    /** The state registration number of the company that holds this permit (or applied for it); null before any. */
    String holderRegistrationNumber() {
        return holder == null ? null : holder.registrationNumber();
    }

    // 002 art. 29.3-29.6: an act that rests on a document names it by its SHA-256 (an empty or made-up reference proves nothing)
    private static void evidenceIsASha256(String sha256, String field, String article) {
        if (!DocumentRef.isSha256Hex(sha256)) {
            throw RegistryProblem.invalid("permit.document-hash-missing", "The act names its document by its SHA-256 in hex.", field, article);
        }
    }

    // 002 art. 29.6: a complaint lies against revocation on grounds 29.1.2-29.1.5, not on the holder's own request
    @CommandHandler
    void handle(FileRevocationComplaint command, CommandContext context, PermitServices services) {
        actsForTheHolder(context, "002 art. 29.6");
        requireStatus("002 art. 29.6", PermitApplicationStatus.REVOKED);
        if (!revocationGround.complaintAllowed()) {
            throw RegistryProblem.conflict("permit.complaint-not-allowed",
                    "The permit was revoked at the holder's own request (002 art. 29.1.1); no complaint lies.", "002 art. 29.6");
        }
        if (complaintFiled) {
            throw RegistryProblem.conflict("permit.complaint-pending", "A complaint against this revocation is already filed.", "002 art. 29.6");
        }
        oneComplaintPerRevocation();
        complaintIsFiledWithinItsPeriod(context.receivedAt());
        evidenceIsASha256(command.complaintSha256(), "complaintSha256", "002 art. 29.6");
        documentWasReceived(command.complaintSha256(), "complaintSha256", "002 art. 29.6", services); // F106
        apply(new RevocationComplaintFiled(applicationId, command.complaintSha256(), context.receivedAt(), context.actor()));
    }

    // 002 art. 29.4, 29.6 (choice, ADR 0046 item 30, abuse audit F127, was O62): the complaint period the certificate database waits
    // for (F110) bounds the complaint too: filed after it, when the database may have gone to another holder, an upheld complaint would
    // give back a permit whose certificates another holder has. Judged at the registry's receipt; the last day counts whole
    private void complaintIsFiledWithinItsPeriod(Instant at) {
        LocalDate lastDay = revokedOn.plus(PermitDeadlines.COMPLAINT_PERIOD); // REVOKED: the revocation's day is known
        if (UlaanbaatarTime.dateOf(at).isAfter(lastDay)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.complaint-period-over", "A complaint against the revocation of "
                    + revokedOn + " was due by " + lastDay + "; received on " + UlaanbaatarTime.dateOf(at) + ", it is late (the holder's remedy "
                    + "is the court).", "applicationId", "002 art. 29.4, 29.6");
        }
    }

    // 002 art. 29.6 (choice): one complaint against one revocation; once its outcome is recorded the holder's remedy is the court,
    // not a second complaint that a later decision could uphold without a new review
    private void oneComplaintPerRevocation() {
        if (complaintDecided) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.complaint-already-decided", "The complaint against this revocation "
                    + "was decided; it is not filed again.", "applicationId", "002 art. 29.6");
        }
    }

    // 002 art. 29.6: the outcome is recorded; an upheld complaint reinstates the permit
    @CommandHandler
    void handle(DecideRevocationComplaint command, CommandContext context, PermitServices services) {
        officialDoesNotActForTheHolder(context, "002 art. 29.6");
        complaintIsNotDecidedByTheRevoker(context);
        if (!complaintFiled) {
            throw RegistryProblem.conflict("permit.no-complaint", "No complaint against revocation is pending.", "002 art. 29.6");
        }
        evidenceIsASha256(command.decisionSha256(), "decisionSha256", "002 art. 29.6");
        decisionIsNotOlderThanTheComplaint(services.documentReceivedAt(command.decisionSha256()));
        documentWasReceived(command.decisionSha256(), "decisionSha256", "002 art. 29.6", services); // F106
        apply(new RevocationComplaintDecided(applicationId, command.upheld(), command.decisionSha256(), context.receivedAt(), context.actor(), validUntil,
                RevocationComplaintDecided.ARTICLE));
        reinstatedPermitDoesNotOutliveItsTerm(context.receivedAt());
        reinstatedDutiesRunAgain(context.receivedAt(), services);
        reinstatedAsItStoodWhenRevoked(context, services);
    }

    // 002 art. 28.2, 28.4, 29.6 (choice, ADR 0046 item 56, abuse audit F197, was O112): an upheld complaint annuls the revocation, not the
    // suspension it found: a permit revoked while suspended is reinstated suspended, on the suspension's ground, evidence and days as they
    // stood (no new notice duty: the holder was notified of it), so that it issues no certificates (28.2) until the supervisor restores it
    // after the inspection or the settlement (28.4, F108, F109). A suspension that ran out meanwhile raises its ground of 29.1.5 again at
    // once, with the supervisor's duty to restore or revoke (ADR 0013 §4), as the registry does when a suspension runs out. Applied here,
    // after RevocationComplaintDecided, never by its event sourcing handler: stored reinstatements replay, and read, as they were
    private void reinstatedAsItStoodWhenRevoked(CommandContext context, PermitServices services) {
        PermitSuspended was = suspensionAtRevocation;
        if (status != PermitApplicationStatus.ACTIVE || was == null) {
            return;
        }
        apply(new PermitSuspended(applicationId, was.ground(), was.evidenceSha256(), was.taxEvasions(), was.from(), was.until(),
                context.receivedAt(), context.actor()));
        if (UlaanbaatarTime.dateOf(context.receivedAt()).isAfter(was.until())) {
            apply(new RevocationGroundRaised(applicationId, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, context.receivedAt(),
                    RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION.article()));
            raise(PermitDuty.DECIDE_AFTER_SUSPENSION, services.due(context.receivedAt(), PermitDuty.AFTER_SUSPENSION_DECISION), context.receivedAt());
        }
    }

    // 002 art. 29.6 (choice, ADR 0046 item 58, abuse audit F206, was O119): the revocation ended the deadline of every open duty (the
    // deadline rules' end of a permit), and an upheld complaint annuls it: each duty still open runs again, due on its own date, or at the end
    // of the decision's day if that date passed while the permit stood revoked (no one is flagged for the time it was revoked; no one gains
    // time either: the policy's last day, the month before the term's end and the year since the last inspection are facts the complaint
    // does not move, and a decision the ministry could not take meanwhile, F192, is late and escalates to the supervisor, F191). The
    // hand-over of the database (29.3) is the revocation's own duty and runs no more (the deadline rules end it); the registry's own
    // publications kept running through the revocation. Reinstated after its term (F64), the permit expired with the decision, and only an
    // extension request made in time runs again, as an expiry leaves it running (ADR 0013 §3)
    private void reinstatedDutiesRunAgain(Instant at, PermitServices services) {
        if (status == PermitApplicationStatus.REVOKED) {
            return; // rejected: the revocation stands
        }
        LocalDate today = UlaanbaatarTime.dateOf(at);
        for (PermitDuty duty : List.copyOf(stoppedByTheRevocation)) { // in the duties' order, as an EnumSet iterates
            boolean runsAgain = isInForce() ? duty != PermitDuty.HAND_OVER_DATABASE && duty.owedBy() != PermitDuty.Party.REGISTRY
                    : duty == PermitDuty.DECIDE_EXTENSION;
            if (runsAgain && openDuties.containsKey(duty)) {
                runsAgainAsItWasCounted(duty, today, at, services);
            }
        }
    }

    // domain-rules §2, 002 art. 27.3, 28.1, 28.3 (choice, ADR 0046 item 60, abuse audit F210, was O124): a duty counted in working days runs
    // again as it was counted (its day 0, its length), with the calendar in force, as the deadline service moves every open working-day
    // deadline when the calendar changes: a holiday declared while the permit stood revoked moves it as it moved the others, and one
    // declared after moves it again. Its date passed meanwhile, it is due at the end of `today`, a date no calendar change moves back
    private void runsAgainAsItWasCounted(PermitDuty duty, LocalDate today, Instant at, PermitServices services) {
        OpenDuty again = openDuties.get(duty).countedAgain(services::due);
        if (again.due().isBefore(today)) {
            raiseOnDate(duty, today, at);
        } else {
            apply(again.raisedAgain(applicationId, duty, at));
        }
    }

    // 002 art. 29.6 (choice, ADR 0046 item 61, abuse audit F211, was O125): a complaint upheld before F206 left the duties its revocation
    // stopped open with no deadline behind them. Once per registry, the start-up backfill (ReinstatedDutiesBackfill) asks each reinstated
    // permit to raise them again, as F206 raises them on the decision: due on their own date (a working-day duty counted again), or at the
    // end of the backfill's day if it passed. A duty raised again since (an inspection recorded, a policy renewed) has its deadline and
    // is left; a second request raises nothing; a permit revoked again since waits for that revocation's outcome
    @CommandHandler
    void handle(PermitCommands.RunReinstatedDutiesAgain command, PermitServices services) {
        if (complaintDecided) {
            reinstatedDutiesRunAgain(command.at(), services);
        }
    }

    // 002 art. 29.6, 31.1.6 (choice, ADR 0046 item 67, was O123): a complaint upheld before item 57 was never public, so the register and
    // the log still show the permit revoked. The supervisor publishes the reinstatement by a correcting record naming the stored decision
    // by its document: once; only the last upheld decision, and only one stored unpublished; not after a revocation since (it stands)
    @CommandHandler
    void handle(PublishReinstatement command, CommandContext context) {
        officialDoesNotActForTheHolder(context, ReinstatementPublished.ARTICLE);
        evidenceIsASha256(command.decisionSha256(), "decisionSha256", ReinstatementPublished.ARTICLE);
        reinstatementIsStoredUnpublished(command.decisionSha256().toLowerCase(java.util.Locale.ROOT));
        apply(new ReinstatementPublished(applicationId, unpublishedReinstatement.decidedAt(), context.receivedAt(), context.actor(),
                ReinstatementPublished.ARTICLE));
    }

    private void reinstatementIsStoredUnpublished(String decisionSha256) {
        if (decisionSha256.equals(publishedReinstatementOf)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.reinstatement-published-already", "The reinstatement on this "
                    + "decision is published already.", "decisionSha256", ReinstatementPublished.ARTICLE);
        }
        if (unpublishedReinstatement == null || !decisionSha256.equals(unpublishedReinstatement.decisionSha256().toLowerCase(java.util.Locale.ROOT))) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.reinstatement-not-stored-unpublished", "This document is not the "
                    + "permit's last upheld decision on a complaint stored before upheld decisions were published; a decision since is "
                    + "public already.", "decisionSha256", ReinstatementPublished.ARTICLE);
        }
        if (status == PermitApplicationStatus.REVOKED) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.reinstatement-revoked-again", "The permit was revoked again "
                    + "after this decision; the revocation in force stands and the reinstatement is not published over it.", "decisionSha256",
                    ReinstatementPublished.ARTICLE);
        }
    }

    // 002 art. 29.6 (ADR 0046 item 65, abuse audit F214): the decision on a complaint answers the complaint; a decision's document the
    // registry received on a day before the complaint was filed was written before there was a complaint to decide (a decision kept ready,
    // upholding or rejecting whatever the holder would say). Judged by the registry's receipts, by their days in Ulaanbaatar: a complaint
    // decided the day it was filed is decided
    private void decisionIsNotOlderThanTheComplaint(java.util.Optional<Instant> decisionReceivedAt) {
        if (complaintFiledOn != null && decisionReceivedAt.isPresent() && UlaanbaatarTime.dateOf(decisionReceivedAt.get()).isBefore(complaintFiledOn)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.complaint-decision-before-the-complaint", "The registry received this "
                    + "decision on " + UlaanbaatarTime.dateOf(decisionReceivedAt.get()) + ", before the complaint was filed on " + complaintFiledOn
                    + "; a complaint is decided by a decision on it.", "decisionSha256", "002 art. 29.6");
        }
    }

    // 002 art. 29.6 ("in accordance with the General Administrative Law"; choice, ADR 0046 item 10, abuse audit F100): a complaint
    // against a revocation is reviewed by another official than the one who signed it; the revoker neither upholds nor rejects it
    private void complaintIsNotDecidedByTheRevoker(CommandContext context) {
        if (revokedBy != null && revokedBy.equals(context.actor())) {
            throw new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, "permit.complaint-decided-by-the-revoker", context.actor()
                    + " signed the revocation; another supervisor decides the complaint against it.", "applicationId", "002 art. 29.6");
        }
    }

    // 002 art. 29.2, 29.6 (abuse audit F64): an upheld complaint annuls the revocation, not the end of the term: decided after the last day
    // of the term, the reinstated permit expires with the same decision instead of standing in force until the expiry deadline fires
    private void reinstatedPermitDoesNotOutliveItsTerm(Instant at) {
        if (status == PermitApplicationStatus.ACTIVE && validUntil != null && UlaanbaatarTime.dateOf(at).isAfter(validUntil)) {
            apply(new PermitExpired(applicationId, validUntil, at, "002 art. 29.2"));
        }
    }

    // ------------------------------------------------------------------ holder's reports, inspection, transfer

    // 002 art. 20.3.3: changes are reported within three working days; a later report is marked late
    @CommandHandler
    void handle(ReportPermitChange command, CommandContext context, PermitServices services) {
        if (command.changedOn() == null) {
            throw RegistryProblem.invalid("permit.change-date-missing", "The date of the change is required.", "changedOn", "002 art. 20.3.3");
        }
        changeIsToTheIssuedPermit(command.changedOn(), issuedOn);
        actsForTheHolder(context, "002 art. 20.3.3");
        requireStatus("002 art. 20.3.3", PermitApplicationStatus.ACTIVE, PermitApplicationStatus.SUSPENDED);
        requireText(command.description(), "description", "002 art. 20.3.3");
        LocalDate reportedOn = UlaanbaatarTime.dateOf(context.receivedAt());
        Deadline report = services.due(command.changedOn(), PermitDeadlines.CHANGE_REPORT);
        if (command.changedOn().isAfter(reportedOn)) {
            throw RegistryProblem.invalid("permit.change-in-future", "A change is reported after it happens.", "changedOn", "002 art. 20.3.3");
        }
        changeIsShownByItsDocument(command.documentSha256());
        documentIsNotOlderThanTheChange(command.documentSha256(), command.changedOn(), services);
        documentWasReceived(command.documentSha256(), "documentSha256", "002 art. 20.3.3", services); // F106
        aChangeIsReportedOnceOnItsDocument(command.documentSha256());
        apply(new PermitChangeReported(applicationId, command.changedOn(), command.description(), command.documentSha256(), context.receivedAt(),
                report.due(), reportedOn.isAfter(report.due()), context.actor()));
    }

    // 002 art. 20.3.3 (choice, ADR 0046 item 45, abuse audit F181, was O94): the day of a change is a fact the registry cannot see, and the
    // lateness of the report is computed from the day the holder names: a change of two months ago reported as one of last Tuesday was
    // on time. The report cites the document that shows the change (one report each, DocumentKind.CHANGE_REPORT), and the reviewer's desk
    // shows the day named beside it, so that a person compares them. Reports stored before this rule, without a document, replay
    private static void changeIsShownByItsDocument(String documentSha256) {
        if (documentSha256 == null || documentSha256.isBlank()) {
            throw RegistryProblem.invalid("permit.change-document-missing", "A report of a change cites the document that shows the change "
                    + "(its SHA-256, uploaded to POST /api/documents first), so that the day of the change can be compared with it.",
                    "documentSha256", "002 art. 20.3.3");
        }
    }

    // 002 art. 20.3.3 (choice, the lead's reading, ADR 0046 item 117, abuse audit F456, was O294): the report's document shows the change
    // (item 45); a paper the registry received on a day before the day of the change the holder names cannot show it (an application's
    // copy, received before the issue, shows no change to the issued permit). Judged by the registry's first receipt, in days in
    // Ulaanbaatar (receivedBefore), never by a date the holder writes: naming an earlier day to pass makes the report late instead
    private static void documentIsNotOlderThanTheChange(String documentSha256, LocalDate changedOn, PermitServices services) {
        receivedBefore(documentSha256, changedOn, services).ifPresent(received -> {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.change-document-before-the-change", "The registry received this "
                    + "document on " + received + ", before the change of " + changedOn + " it would show; a change is reported with a "
                    + "document of it.", "documentSha256", "002 art. 20.3.3");
        });
    }

    // 002 art. 20.3.3: a change "in the information specified in the special permit" happens once the permit exists (ADR 0013 §3)
    private static void changeIsToTheIssuedPermit(LocalDate changedOn, LocalDate issuedOn) {
        if (issuedOn != null && changedOn.isBefore(issuedOn)) {
            throw RegistryProblem.invalid("permit.change-before-issue", "The permit was issued on " + issuedOn + "; a change on " + changedOn
                    + " is not a change to its information.", "changedOn", "002 art. 20.3.3");
        }
    }

    // 002 art. 31.1.7: at least one inspection a year
    @CommandHandler
    void handle(RecordPermitInspection command, CommandContext context, PermitServices services) {
        officialDoesNotActForTheHolder(context, "002 art. 31.1.7");
        LocalDate inspectedOn = command.inspectedOn() == null ? UlaanbaatarTime.dateOf(context.receivedAt()) : command.inspectedOn();
        requireStatus("002 art. 31.1.7", PermitApplicationStatus.ACTIVE, PermitApplicationStatus.SUSPENDED);
        inspectionDateLiesBetweenIssueAndReceipt(inspectedOn, context.receivedAt());
        inspectionIsNotDatedBeforeTheLast(inspectedOn);
        onlyAnInspectorFindsAViolation(command, context.roles().contains(Role.COMMUNICATIONS_INSPECTOR));
        onlyAnInspectorFindsTheInspectorsViolationGone(command.violationFound(), context.roles().contains(Role.COMMUNICATIONS_INSPECTOR));
        inspectionRestsOnItsFindings(command.findingsSha256());
        findingsAreNotOlderThanTheInspection(command.findingsSha256(), inspectedOn, services);
        documentWasReceived(command.findingsSha256(), "findingsSha256", "002 art. 31.1.7", services); // F106
        LocalDate next = inspectedOn.plus(PermitDeadlines.INSPECTION_INTERVAL);
        apply(new PermitInspected(applicationId, inspectedOn, command.findingsSha256(), command.violationFound(), context.receivedAt(),
                context.actor(), next));
        if (openDuties.containsKey(PermitDuty.ANNUAL_INSPECTION)) {
            dischargedByThisAct(PermitDuty.ANNUAL_INSPECTION, context, services);
        }
        raiseOnDate(PermitDuty.ANNUAL_INSPECTION, next, context.receivedAt());
    }

    // 002 art. 31.1.7: an inspection is recorded after it took place, and not before the permit existed
    private void inspectionDateLiesBetweenIssueAndReceipt(LocalDate inspectedOn, Instant at) {
        if (inspectedOn == null || inspectedOn.isAfter(UlaanbaatarTime.dateOf(at))) {
            throw RegistryProblem.invalid("permit.inspection-in-future", "An inspection is recorded on or after the day it took place, not for "
                    + inspectedOn + ".", "inspectedOn", "002 art. 31.1.7");
        }
        if (issuedOn != null && inspectedOn.isBefore(issuedOn)) {
            throw RegistryProblem.invalid("permit.inspection-before-issue", "The permit was issued on " + issuedOn
                    + "; an inspection of its holder cannot be dated before.", "inspectedOn", "002 art. 31.1.7");
        }
    }

    // 002 art. 31.1.7, 28.4, 27.5 (choice, ADR 0046 item 22, abuse audit F112): the last inspection is the one the law's consequences
    // read (a violation to remedy before restoring, the longer extension decision); an inspection dated before it, recorded after, would
    // undo a violation found since (a clean visit of 10 March recorded after the violation found on 20 March) on a date the signer chose
    private void inspectionIsNotDatedBeforeTheLast(LocalDate inspectedOn) {
        if (lastInspectedOn != null && inspectedOn.isBefore(lastInspectedOn)) {
            throw RegistryProblem.invalid("permit.inspection-before-the-last", "An inspection of " + lastInspectedOn + " is recorded already; "
                    + "inspections are recorded in the order they took place, not one of " + inspectedOn + " after it.", "inspectedOn",
                    "002 art. 31.1.7, 28.4");
        }
    }

    // 002 art. 31.1.7, 28.4 (ADR 0046 item 69, abuse audit F282): the findings are the record of the inspection; a document the registry
    // received on a day before the inspection's date was written before it took place (a clean report kept from before a suspension, dated
    // after it, would show the violation remedied and let the permit be restored). Judged by the registry's receipt, by its day in
    // Ulaanbaatar: findings received on the inspection's day, or after it, pass
    private static void findingsAreNotOlderThanTheInspection(String findingsSha256, LocalDate inspectedOn, PermitServices services) {
        receivedBefore(findingsSha256, inspectedOn, services).ifPresent(received -> {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.inspection-findings-before-the-inspection", "The registry received "
                    + "these findings on " + received + ", before the inspection of " + inspectedOn + " they would record; an inspection is "
                    + "recorded with its own findings.", "findingsSha256", "002 art. 31.1.7, 28.4");
        });
    }

    // 002 art. 31.1.7 (choice, ADR 0046 item 11, abuse audit F101): the inspection that discharges the year's duty is recorded with its
    // findings, with or without a violation; an inspection of no record would discharge the duty on the official's word
    private static void inspectionRestsOnItsFindings(String findingsSha256) {
        if (!DocumentRef.isSha256Hex(findingsSha256)) {
            throw RegistryProblem.invalid("permit.inspection-findings-missing", "An inspection is recorded with its findings (the document's SHA-256 in hex).",
                    "findingsSha256", "002 art. 31.1.7");
        }
    }

    // 002 art. 28.1: the opinion of a violation that may ground a suspension is the State Communications Inspector's
    private static void onlyAnInspectorFindsAViolation(RecordPermitInspection command, boolean byInspector) {
        if (command.violationFound() && !byInspector) {
            throw RegistryProblem.forbidden("permit.violation-opinion-not-inspector",
                    "Only a communications inspector records an opinion of a violation; a reviewer records an inspection without one.", "002 art. 28.1");
        }
        if (command.violationFound() && !DocumentRef.isSha256Hex(command.findingsSha256())) {
            throw RegistryProblem.invalid("permit.inspection-findings-missing", "An opinion of a violation comes with its findings (SHA-256).",
                    "findingsSha256", "002 art. 28.1");
        }
    }

    // 002 art. 28.1, 28.4 (choice, ADR 0046 item 139, abuse audit F494, was O342): 28.1's ground is the State Communications Inspector's
    // opinion, and 28.4 restores "when the ground is removed" without naming who finds it removed: the one whose finding it was. While an
    // inspector's opinion of a violation stands (one no later inspection found remedied, or the suspension in force rests on it, item 18),
    // an inspection finding no violation is the inspector's act: a reviewer's clean inspection the day after the opinion would leave no
    // suspension resting on it (F310), or during the suspension would restore the permit (F108) with nothing an inspector found remedied.
    // The ministry's yearly inspection (31.1.7) stays the reviewer's otherwise. Judged on the signer's roles at the registry's receipt
    private void onlyAnInspectorFindsTheInspectorsViolationGone(boolean violationFound, boolean byInspector) {
        if (!violationFound && !byInspector && anInspectorsOpinionOfAViolationStands()) {
            throw new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, "permit.remedy-finding-is-the-inspectors", "A communications "
                    + "inspector's opinion of a violation stands on this permit; the inspector records the inspection that finds it remedied.",
                    "violationFound", "002 art. 28.1, 28.4");
        }
    }

    /** An inspector's opinion of a violation stands: the suspension in force waits for its remedy, or one no later inspection found remedied. */
    private boolean anInspectorsOpinionOfAViolationStands() {
        return remedyToBeInspected || violationOpinions.stream().anyMatch(opinion -> !opinionsFoundRemedied.containsKey(opinion));
    }

    // 002 art. 20.3.3 (ADR 0046 item 45; ADR 0057 session 27, F452): the document of a change shows one change, reported once. The claim
    // refuses a second report on a document a report holds; a report on the holder's own application's copy passes on the application's
    // claim (ADR 0046 item 103) and holds none, so this permit refuses its second report on it, with the kind's code
    private void aChangeIsReportedOnceOnItsDocument(String documentSha256) {
        if (reportedChangeDocuments.contains(documentSha256.toLowerCase(java.util.Locale.ROOT))) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.change-document-used", "This document was cited by a report of a "
                    + "change of this permit already; each report cites the document that shows its own change.", "documentSha256", "002 art. 20.3.3");
        }
    }

    // ADR 0057 session 27 (002 art. 20.3.3, 25.1.1): the company whose papers an act on this application cites: its holder now
    @CommandHandler
    String handle(PermitCommands.ItsCompany question) {
        return holderRegistrationNumber();
    }

    // ADR 0031 (002 art. 23.2, 28.2): a company has one application under review or permit in force at a time; asked by the claim
    @CommandHandler
    boolean handle(PermitCommands.HoldsCompany question) {
        return switch (status) {
            case REGISTERED, APPROVED_PENDING_INSURANCE, ACTIVE, SUSPENDED -> holder != null && holder.registrationNumber().equals(question.registrationNumber());
            case SUBMITTED, REFUSED, REVOKED, EXPIRED -> false;
        };
    }

    // 002 art. 26.2.3, 27.2, 29.6, 22.1.2, 20.3.3 (choice, ADR 0046 item 42, abuse audit F151): whether the person is the representative the
    // holder acts through (the registry knows no other, actsForTheHolder) while the holder has acts to make: its insurance once approved, its
    // reports, extension request and revocation request while in force, its complaint while the period runs. Asked by the erasure of a
    // person's data (HolderActsNeedTheirRepresentative); applies nothing
    @CommandHandler
    boolean handle(PermitCommands.RepresentsAHolderInForce question) {
        if (representative == null || !representative.equals(question.person())) {
            return false;
        }
        return switch (status) {
            case APPROVED_PENDING_INSURANCE, ACTIVE, SUSPENDED -> true;
            case REVOKED -> complaintMayBeFiledOrIsPendingAt(question.at());
            case SUBMITTED, REGISTERED, REFUSED, EXPIRED -> false;
        };
    }

    /**
     * 002 art. 29.6 (ADR 0046 item 67's reading of the holder's standing; abuse audit F547): after the revocation the holder still acts
     * while a complaint against it is pending (filed, not decided), or may still be filed (none decided and the registry's receipt
     * {@code at} within the complaint period from the revocation's day). Asked by {@code RepresentsAHolderInForce} and (with the ground's
     * complaint allowed) by the naming of the holder's representative.
     */
    private boolean complaintMayBeFiledOrIsPendingAt(Instant at) {
        return status == PermitApplicationStatus.REVOKED && !complaintDecided && (complaintFiled || !UlaanbaatarTime.dateOf(at).isAfter(revokedOn.plus(PermitDeadlines.COMPLAINT_PERIOD)));
    }

    /**
     * 002 art. 23.2, 29.6; 001 art. 23.1.1 (ADR 0046 item 152, the lead's reading, <b>choice</b>; abuse audit F547, was O370): the holder's
     * representative is named on a permit in force (item 147), and on a revoked permit while the holder may still complain against the
     * revocation or its complaint is pending, judged at the registry's receipt: the complaint is the holder's, which acts through a
     * representative, and one whose role ended during the period would leave it no one to file or follow it. Otherwise 409
     * {@code permit.wrong-state}, nothing stored.
     */
    private void holderMayStillActAtReceipt(Instant at) {
        if (revocationGround != null && revocationGround.complaintAllowed() && complaintMayBeFiledOrIsPendingAt(at)) {
            return; // 29.1.1's revocation at the holder's own request has no complaint
        }
        requireStatus(HOLDER_REPRESENTATIVE_ARTICLE, PermitApplicationStatus.ACTIVE, PermitApplicationStatus.SUSPENDED);
    }

    // 002 art. 23.3: on merger, consolidation, division, separation or transformation the permit may pass to the new company
    @CommandHandler
    void handle(TransferPermit command, CommandContext context, PermitServices services) {
        officialDoesNotActForTheHolder(context, "002 art. 23.3");
        requireStatus("002 art. 23.3", PermitApplicationStatus.ACTIVE);
        termHasNotEndedAtReceipt(context.receivedAt());
        if (command.reorganisation() == null) {
            throw RegistryProblem.invalid("permit.transfer-without-reorganisation",
                    "A permit passes only on a reorganisation: merger, consolidation, division, separation or transformation.",
                    "reorganisation", "002 art. 23.3");
        }
        reorganisationTookEffectWhileTheHolderHeldThePermit(command.reorganisedOn(), context.receivedAt());
        PermitIntakePolicy.companyIsDescribed(command.successor());
        PermitIntakePolicy.applicantIsEstablishedUnderMongolianLaw(command.successor());
        PermitIntakePolicy.registrationNumberIsTheStateRegisters(command.successor(), "successor.registrationNumber");
        if (command.successor().registrationNumber().equals(holder.registrationNumber())) {
            throw RegistryProblem.invalid("permit.transfer-to-same-company", "The successor is a new company.", "successor", "002 art. 23.3");
        }
        successorHasNotCeased(command.successor(), services);
        successorWasNotLiquidated(command.successor(), services);
        successorWasCreatedByTheReorganisation(command.successor(), command.reorganisation(), command.reorganisedOn(), services);
        // 002 art. 23.3 (abuse audit F61): the reorganisation is shown by its document (SHA-256), not asserted
        evidenceIsASha256(command.evidenceSha256(), "evidenceSha256", "002 art. 23.3");
        reorganisationIsNotOneThePermitPassedOnBefore(command.evidenceSha256());
        documentWasReceived(command.evidenceSha256(), "evidenceSha256", "002 art. 23.3", services);
        evidenceIsNotOlderThanTheReorganisation(command.evidenceSha256(), command.reorganisedOn(), services);
        successorsRepresentativeRepresentsTheSuccessor(command, context.receivedAt(), services);
        apply(new PermitTransferred(applicationId, holder, command.successor(), command.reorganisation(), command.evidenceSha256(),
                context.receivedAt(), context.actor(), command.reorganisedOn(), command.successorRepresentative()));
    }

    // 002 art. 23.3 (ADR 0046 items 142-143; abuse audit F496, was O345): the successor takes on the holder's rights and duties, and acts
    // through its own representative: the person the transfer names holds APPLICANT (a company's representative) at the registry's
    // receipt, never at a time the signer claims, and where their grant names a company, it names the successor (ADR 0061 item 44, F503);
    // the predecessor's representative then no longer acts for the holder (actsForTheHolder). A transfer naming none keeps the
    // predecessor's, as one stored before does (choice, item 143); a transfer received now names one (successorIsNamedItsRepresentative)
    private void successorsRepresentativeRepresentsTheSuccessor(TransferPermit command, Instant receivedAt, PermitServices services) {
        mn.registry.kernel.identity.PersonId named = command.successorRepresentative();
        successorIsNamedItsRepresentative(named);
        representsTheCompanyAtReceipt(named, command.successor().registrationNumber(), "successor", receivedAt, services,
                "permit.successor-representative-not-a-representative", "permit.successor-representative-of-another-company",
                "successorRepresentative", "002 art. 23.3");
    }

    /**
     * 002 art. 23.3 (ADR 0046 item 144, choice; abuse audit F516, was O360): the successor takes on the holder's rights and duties and
     * acts through its own representative, so a transfer received now names that person; one naming none (a transfer stored before item
     * 142 names none, and keeps the predecessor's representative, item 143) is refused 400 {@code permit.successor-representative-missing},
     * nothing stored.
     */
    private static void successorIsNamedItsRepresentative(mn.registry.kernel.identity.PersonId named) {
        if (named == null) {
            throw RegistryProblem.invalid("permit.successor-representative-missing", "Name the successor's representative: the person "
                    + "enrolled as the successor's representative, who acts for it from the transfer.", "successorRepresentative", "002 art. 23.3");
        }
    }

    /** The articles of the holder's representative (ADR 0046 item 145): the holder is the company, acting through a signer it empowers. */
    static final String HOLDER_REPRESENTATIVE_ARTICLE = "002 art. 23.2; 001 art. 23.1.1";

    // 002 art. 23.2, 23.3; 001 art. 23.1.1 (ADR 0046 items 145-147, choice; abuse audit F517-F518, was O361): the supervisor, who transfers a
    // permit, names the holder's new representative outside a transfer, when the one the registry knows lost the role or the holder empowers
    // another: on the holder's power of representation (claimed as an enrolment's order, ADR 0061 item 44), while the permit is in force
    @CommandHandler
    void handle(NameHolderRepresentative command, CommandContext context, PermitServices services) {
        officialDoesNotActForTheHolder(context, null);
        holderMayStillActAtReceipt(context.receivedAt());
        termHasNotEndedAtReceipt(context.receivedAt());
        if (command.representative() == null) {
            throw RegistryProblem.invalid("permit.field-missing", "The field representative is required: name the holder's representative.",
                    "representative", HOLDER_REPRESENTATIVE_ARTICLE);
        }
        evidenceIsASha256(command.documentSha256(), "documentSha256", HOLDER_REPRESENTATIVE_ARTICLE);
        documentWasReceived(command.documentSha256(), "documentSha256", HOLDER_REPRESENTATIVE_ARTICLE, services);
        holdersRepresentativeRepresentsTheHolderAtReceipt(command.representative(), context.receivedAt(), services);
        holdersRepresentativeIsAnotherPerson(command.representative());
        apply(new HolderRepresentativeNamed(applicationId, command.representative(), command.documentSha256(), context.receivedAt()));
    }

    /**
     * 002 art. 23.2; 001 art. 23.1.1 (ADR 0046 item 146; abuse audit F518): the person named to act for the holder holds {@code APPLICANT}
     * (a company's representative) at the registry's receipt of the act, never at a time the signer claims (a grant valid only from after the
     * receipt, or one ended before it, does not count), and where their grant names a company (ADR 0061 item 44, F503) it names the holder
     * now; otherwise refused 400 {@code permit.holder-representative-not-a-representative} /
     * {@code permit.holder-representative-of-another-company} ({@code representative}), nothing stored.
     */
    private void holdersRepresentativeRepresentsTheHolderAtReceipt(mn.registry.kernel.identity.PersonId named, Instant receivedAt,
                                                                  PermitServices services) {
        representsTheCompanyAtReceipt(named, holder.registrationNumber(), "holder", receivedAt, services,
                "permit.holder-representative-not-a-representative", "permit.holder-representative-of-another-company", "representative",
                HOLDER_REPRESENTATIVE_ARTICLE);
    }

    /**
     * 002 art. 23.2, 23.3; 001 art. 23.1.1 (ADR 0046 items 142, 146): the person named to act for a company (the successor on a transfer,
     * the holder outside one) holds {@code APPLICANT} at the registry's receipt of the act, never at a time the signer claims, and where
     * their grant names a company (ADR 0061 item 44) it names that company; otherwise refused 400 with the act's code for a person who
     * is no representative then, or for one of another company, nothing stored. One rule for both acts.
     */
    private static void representsTheCompanyAtReceipt(mn.registry.kernel.identity.PersonId named, String company, String whose, Instant receivedAt,
                                                      PermitServices services, String notARepresentative, String ofAnotherCompany,
                                                      String field, String article) {
        java.util.List<mn.registry.kernel.identity.RoleGranted> grants = services.representativeGrantsAt(named, receivedAt);
        if (grants.isEmpty()) {
            throw RegistryProblem.invalid(notARepresentative, named + " held no company "
                    + "representative's role (APPLICANT) when the registry received this act at " + receivedAt + "; enrol the " + whose
                    + "'s representative first.", field, article);
        }
        if (grants.stream().noneMatch(g -> g.company() == null || g.company().equals(company))) {
            throw RegistryProblem.invalid(ofAnotherCompany, named + " represents another company, "
                    + "not the " + whose + " " + company + ".", field, article);
        }
    }

    /**
     * 002 art. 23.2 (ADR 0046 item 147): an act naming the person who acts for the holder already changes nothing, and is refused 409
     * {@code permit.holder-representative-unchanged}, nothing stored (it would put a second power of representation on the record for no act).
     */
    private void holdersRepresentativeIsAnotherPerson(mn.registry.kernel.identity.PersonId named) {
        if (named.equals(representative)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.holder-representative-unchanged", named + " already acts for "
                    + "the holder of this permit.", "representative", HOLDER_REPRESENTATIVE_ARTICLE);
        }
    }

    // 002 art. 23.3 (ADR 0046 items 96-97, abuse audit F370, was O191): the permit passes to the company newly created by the holder's
    // reorganisation, which took effect on the new company's state registration: the supervisor names that day. A day before the permit
    // was issued, or before the present holder came to hold it (its last transfer), is a reorganisation of another company, or of the
    // predecessor the permit passed from; a day after the registry received the transfer is a date chosen to gain time (judged at the
    // receipt, in days in Ulaanbaatar, never on a day the signer claims)
    private void reorganisationTookEffectWhileTheHolderHeldThePermit(LocalDate reorganisedOn, Instant receivedAt) {
        if (reorganisedOn == null) {
            throw RegistryProblem.invalid("permit.reorganisation-date-missing", "Name the day the reorganisation took effect: the state "
                    + "registration of the new company.", "reorganisedOn", "002 art. 23.3");
        }
        LocalDate received = UlaanbaatarTime.dateOf(receivedAt);
        if (reorganisedOn.isAfter(received)) {
            throw RegistryProblem.invalid("permit.reorganisation-date-after-receipt", "The registry received this transfer on " + received
                    + "; a reorganisation on " + reorganisedOn + " has not taken effect yet.", "reorganisedOn", "002 art. 23.3");
        }
        LocalDate heldSince = lastTransferredAt == null ? issuedOn : UlaanbaatarTime.dateOf(lastTransferredAt);
        if (heldSince != null && reorganisedOn.isBefore(heldSince)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.reorganisation-before-the-holder-held-the-permit", "The present holder "
                    + "holds the permit since " + heldSince + " (" + (lastTransferredAt == null ? "its issue" : "its last transfer") + "); a "
                    + "reorganisation on " + reorganisedOn + " is not its reorganisation as holder.", "reorganisedOn", "002 art. 23.3");
        }
    }

    // 002 art. 23.3 (ADR 0046 items 102 and 108, the lead's readings; abuse audit F393, was O220, and F411, was O228): a merger, a
    // consolidation, a division or a transformation ends the holder it passed a permit from; a company that no longer exists holds no permit, so no later transfer passes one to it (a merger into it
    // included). By what the registry has on record at this transfer's receipt (the index of the stored acts)
    private static void successorHasNotCeased(Company successor, PermitServices services) {
        services.companyOnRecord(successor.registrationNumber()).filter(CompanyOnRecord::ceased).ifPresent(ended -> {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.successor-ceased-by-a-reorganisation", "The company "
                    + successor.registrationNumber() + " ceased on " + ended.ceasedOn() + " by its " + ended.ceasedBy().name().toLowerCase(
                    java.util.Locale.ROOT) + " (a permit it held passed on); a company that no longer exists receives no permit.",
                    "successor.registrationNumber", "002 art. 23.3");
        });
    }

    // 002 art. 29.1.2, 23.3 (ADR 0046 item 166, the lead's reading, choice; abuse audit F578): a company whose permit was revoked because it
    // was liquidated is ceased from that revocation's receipt, until a complaint upheld against it (29.6); no permit passes to it. By what the
    // registry has on record at this transfer's receipt (the index of the stored acts), as the reorganisations' rule above
    private static void successorWasNotLiquidated(Company successor, PermitServices services) {
        services.companyOnRecord(successor.registrationNumber()).map(CompanyOnRecord::liquidated).ifPresent(liquidated -> {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.successor-liquidated", "The company " + successor.registrationNumber()
                    + " ceased on " + liquidated.on() + ": its permit was revoked because it was liquidated, and no complaint against that "
                    + "revocation was upheld; a company that no longer exists receives no permit.", "successor.registrationNumber",
                    "002 art. 29.1.2");
        });
    }

    // 002 art. 23.3 (ADR 0046 item 102, the lead's reading; abuse audit F392, was O220): the right passes "to the newly created company". In a
    // merger the holder is absorbed by a company that existed before; a consolidation, a division, a separation or a transformation creates
    // the company it passes to, so that company was not on record before the day the reorganisation took effect (an application, a permit
    // or a transfer naming it received before that day, in Ulaanbaatar: the registry's receipt, never a day the signer names)
    private static void successorWasCreatedByTheReorganisation(Company successor, Reorganisation form, LocalDate reorganisedOn,
                                                               PermitServices services) {
        if (!form.createsTheSuccessor()) {
            return;
        }
        services.companyOnRecord(successor.registrationNumber()).map(known -> UlaanbaatarTime.dateOf(known.since()))
                .filter(known -> known.isBefore(reorganisedOn)).ifPresent(known -> {
                    throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.successor-on-record-before-the-reorganisation", "The "
                            + "registry has had the company " + successor.registrationNumber() + " on record since " + known + ", before the "
                            + form.name().toLowerCase(java.util.Locale.ROOT) + " took effect (" + reorganisedOn + "); a " + form.name()
                            .toLowerCase(java.util.Locale.ROOT) + " passes the permit to the company it creates (only a merger's successor "
                            + "existed before).", "successor.registrationNumber", "002 art. 23.3");
                });
    }

    // 002 art. 23.3 (ADR 0046 item 97, choice): the document shows the reorganisation took effect, a record of the new company's state
    // registration; the registry cannot have received that record on a day before the registration (a plan of the reorganisation, or an
    // older paper, shows no new company). By the registry's receipt, in days in Ulaanbaatar (receivedBefore)
    private static void evidenceIsNotOlderThanTheReorganisation(String evidenceSha256, LocalDate reorganisedOn, PermitServices services) {
        receivedBefore(evidenceSha256, reorganisedOn, services).ifPresent(received -> {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.reorganisation-evidence-before-the-reorganisation", "The registry "
                    + "received this document on " + received + ", before the reorganisation took effect (" + reorganisedOn + "); it does not "
                    + "record the new company's state registration.", "evidenceSha256", "002 art. 23.3");
        });
    }

    // 002 art. 23.3 (ADR 0046 item 76, abuse audit F322): the right passes "to the newly created company" of the holder's reorganisation. The
    // document of a reorganisation the permit already passed on shows the successor created, not a reorganisation of it: cited again, it
    // would pass the permit to a third company no document shows created from the holder, a permit granted without review (26). A document
    // may still ground other permits' transfers (ADR 0057: a merger of two holders); on this permit, once
    private void reorganisationIsNotOneThePermitPassedOnBefore(String evidenceSha256) {
        if (transferEvidence.contains(evidenceSha256.toLowerCase(java.util.Locale.ROOT))) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.reorganisation-evidence-of-an-earlier-transfer", "The permit already passed to its "
                    + "present holder on this reorganisation's document; a further transfer is shown by the document of the present holder's "
                    + "own reorganisation.", "evidenceSha256", "002 art. 23.3");
        }
    }

    // ------------------------------------------------------------------ helpers

    private void raise(PermitDuty duty, Deadline deadline, Instant at) {
        apply(new PermitDutyRaised(applicationId, duty, deadline.receivedOn(), deadline.workingDays(), deadline.due(),
                deadline.calendarVersion(), at, duty.article()));
    }

    private void raiseOnDate(PermitDuty duty, LocalDate due, Instant at) {
        apply(new PermitDutyRaised(applicationId, duty, null, null, due, null, at, duty.article()));
    }

    /** The last day an open duty is due; null when the duty is not open. */
    private LocalDate dueOf(PermitDuty duty) {
        OpenDuty open = openDuties.get(duty);
        return open == null ? null : open.due();
    }

    /** The open {@code duty} done at {@code at} (the registry's receipt of the act, or its checkpoint's time), late or not (F491). */
    private void fulfil(PermitDuty duty, Instant at, String evidenceSha256, PersonId by, PermitServices services) {
        if (openDuties.containsKey(duty)) {
            LocalDate lastDay = dutyLastDayAtReceipt(duty, at, services);
            apply(new PermitDutyFulfilled(applicationId, duty, at, UlaanbaatarTime.dateOf(at).isAfter(lastDay), evidenceSha256, by));
        }
    }

    /** An act's duty discharged by its decision or record itself, with no evidence of its own. */
    private void dischargedByThisAct(PermitDuty duty, CommandContext context, PermitServices services) {
        fulfil(duty, context.receivedAt(), null, context.actor(), services);
    }

    /**
     * 002 art. 28.3, 28.1, 28.4, 27.3, 26.4, 27.6; domain-rules §2 (ADR 0046 item 129; abuse audit F491, was O329): whether a duty was done
     * late is judged against its last day on the calendar in force at the registry's receipt of the act that does it, not against the day
     * the permit holds. A day off declared on a working-day duty's last day moves it; the act done on the moved day before the deadline
     * service handled the declaration's recompute was marked late against the old day (for the suspension's notice, a late mark makes a
     * restoration on the months spent the supervisor's, item 121; the public record said late). The calendar is read again once the held
     * day has passed at receipt, or (ADR 0046 item 133; abuse audit F477, was O334) when the calendar this node holds is no longer the state
     * the duty was counted on: a working day declared inside the count (a Saturday worked, a day transfer) moves its last day earlier, and
     * the act done on the held day after the moved one, before the deadline service handled the recompute, was judged in time. Counted
     * again from day 0 as a firing counts it (F487), the moved day recorded first with {@code PermitDutyDueRecomputed}, under the deadline
     * of the moved day ({@link PermitDeadlineRules#deadlineOfTheMovedDay}), which the fulfilment that follows ends. Otherwise (the common
     * path: the held day not passed, the calendar unchanged since the count) the act is judged on the held day with no calendar read.
     */
    private LocalDate dutyLastDayAtReceipt(PermitDuty duty, Instant at, PermitServices services) {
        OpenDuty open = openDuties.get(duty);
        if (!UlaanbaatarTime.dateOf(at).isAfter(open.due()) && !open.countedBefore(services.calendarVersionInForce())) {
            return open.due();
        }
        return dutyLastDayOnTheCalendarInForce(duty, services);
    }

    /**
     * domain-rules §1 (choice, ADR 0046, abuse audit F62); 002 art. 23.2; 001 art. 23.1.1 (ADR 0046 items 150-151, <b>choice</b>; abuse audit
     * F546, was O393): the ministry's official, inspector or supervisor who decides or acts on an application or permit does not act for its
     * holder: neither the person who applied for it or was named its representative, nor an official whose grant of the applicant's role in
     * force at the registry's receipt ({@link CommandContext#company()}) names the holder's company (the applicant before the issue, the
     * successor after a transfer). One person holding both roles decides nothing on their own company's permit (a second official does).
     * The rule is {@link mn.registry.kernel.permit.OfficialActsForTheHolder}, which the staff desk asks too; {@code article} is the act's.
     */
    private void officialDoesNotActForTheHolder(CommandContext context, String article) {
        mn.registry.kernel.permit.OfficialActsForTheHolder.officialDoesNotActForTheHolder(context.actor(), context.company(),
                context.receivedAt(), representative, holder == null ? null : holder.registrationNumber(), article);
    }

    /**
     * A holder's act is signed by the representative who applied for the permit (choice: the registry knows no other), and (ADR 0061
     * item 49; abuse audit F505, was O353; 001 art. 23.1.1) while their grant in force at the receipt names a company, that company holds
     * the permit now: after a transfer (23.3) the successor, whose representative the predecessor's is not.
     */
    private void actsForTheHolder(CommandContext context, String article) {
        if (representative != null && !representative.equals(context.actor())) {
            throw RegistryProblem.forbidden("permit.not-the-holder", "Only the holder's representative (" + representative
                    + ") acts for this permit.", article);
        }
        mn.registry.command.api.RepresentativesCompany.representativeActsForTheirOwnCompany(context,
                holder == null ? null : holder.registrationNumber(), "applicationId", article);
    }

    // 002 art. 29.2 (abuse audit F67): a permit not extended is invalid at the end of its term "without anyone acting": an act received
    // after the last day (in Ulaanbaatar) finds it expired, even in the seconds before the expiry deadline records it so
    private void termHasNotEndedAtReceipt(Instant at) {
        if (isInForce() && validUntil != null && UlaanbaatarTime.dateOf(at).isAfter(validUntil)) {
            throw RegistryProblem.conflict("permit.term-ended", "The permit's term ended on " + validUntil + " (Ulaanbaatar); it is no longer in force.",
                    "002 art. 29.2");
        }
    }

    private boolean isInForce() {
        return status == PermitApplicationStatus.ACTIVE || status == PermitApplicationStatus.SUSPENDED;
    }

    private void requireStatus(String article, PermitApplicationStatus... allowed) {
        for (PermitApplicationStatus s : allowed) {
            if (s == status) {
                return;
            }
        }
        throw RegistryProblem.conflict("permit.wrong-state", "The application/permit is " + status + "; this needs "
                + java.util.Arrays.toString(allowed) + ".", article);
    }

    private static void requireText(String value, String field, String article) {
        if (saysNothing(value)) {
            throw RegistryProblem.invalid("permit.field-missing", "The field " + field + " is required.", field, article);
        }
    }

    // a text of spaces of any kind (no-break, ideographic) or invisible characters (zero-width, soft hyphen) says nothing: String.isBlank
    // does not see a no-break space, so a permit could be issued with an activity or conditions no one can read
    static boolean saysNothing(String value) {
        return mn.registry.kernel.problem.VisibleText.saysNothing(value);
    }

    // ------------------------------------------------------------------ event sourcing: fields only

    @EventSourcingHandler
    void on(PermitApplicationRegistered event) {
        this.applicationId = event.applicationId();
        this.status = PermitApplicationStatus.REGISTERED;
        this.receiptNumber = event.receiptNumber();
        this.holder = event.company();
        this.representative = event.signedBy();
        this.decisionDue = event.decisionDue();
        this.receivedOn = UlaanbaatarTime.dateOf(event.receivedAt());
    }

    @EventSourcingHandler
    void on(PermitDecisionDueRecomputed event) {
        this.decisionDue = event.decisionDue();
    }

    @EventSourcingHandler
    void on(PermitDecisionOverdue event) {
        this.escalated = true;
    }

    @EventSourcingHandler
    void on(PermitApplicationApproved event) {
        this.status = PermitApplicationStatus.APPROVED_PENDING_INSURANCE;
        this.minimumInsurance = event.minimumInsurance();
        this.approvedOn = event.approvedAt() == null ? null : UlaanbaatarTime.dateOf(event.approvedAt());
    }

    @EventSourcingHandler
    void on(PermitApplicationRefused event) {
        this.status = PermitApplicationStatus.REFUSED;
    }

    @EventSourcingHandler
    void on(PermitInsuranceRecorded event) {
        this.insured = true;
        this.insuredUntil = event.insuredUntil();
        this.insuredAmount = event.amount();
        this.insuranceRecordedOn = UlaanbaatarTime.dateOf(event.recordedAt());
        if (event.proofSha256() != null) {
            recordedPolicyProofs.add(event.proofSha256().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @EventSourcingHandler
    void on(PermitIssued event) {
        this.status = PermitApplicationStatus.ACTIVE;
        this.validUntil = event.validUntil();
        this.issuedOn = UlaanbaatarTime.dateOf(event.issuedAt());
    }

    @EventSourcingHandler
    void on(PermitDutyRaised event) {
        // raised again on reinstatement, the duty the revocation stopped runs on; any other raise is a duty of its own act (ADR 0046 item 63)
        openDuties.put(event.duty(), OpenDuty.raised(event, stoppedByTheRevocation.remove(event.duty()) ? openDuties.get(event.duty()) : null));
        flaggedDuties.remove(event.duty());
    }

    @EventSourcingHandler
    void on(PermitDutyDueRecomputed event) {
        OpenDuty open = openDuties.get(event.duty());
        // item 135 (F482, was O333): the stream says the notice's day moved to a day its record met; it moves no duty done
        if (open == null && event.duty() == PermitDuty.NOTIFY_SUSPENSION && noticeFoundInTime(notice -> notice.didTheDutyCounted(event.startedOn(),
                event.workingDays()) && notice.recordedBy(event.due()))) {
            return;
        }
        openDuties.put(event.duty(), open == null ? new OpenDuty(event.due(), event.startedOn(), event.workingDays(), event.calendarVersion(),
                null) : open.recomputed(event));
    }

    @EventSourcingHandler
    void on(PermitDutyOverdue event) {
        flaggedDuties.put(event.duty(), true);
    }

    @EventSourcingHandler
    void on(PermitDutyFulfilled event) {
        if (event.duty() == PermitDuty.NOTIFY_SUSPENSION) { // ADR 0046 item 98: of the suspension in force, or of the one a revocation found
            PermitSuspended noticed = status == PermitApplicationStatus.REVOKED ? suspensionAtRevocation : suspensionInForce;
            OpenDuty owed = openDuties.get(event.duty());
            // item 135 (F482, was O333): stored late, but by the last day the stream held for it (a recompute before it): in time
            boolean late = event.late() && (owed == null || UlaanbaatarTime.dateOf(event.fulfilledAt()).isAfter(owed.due()));
            this.suspensionNotice = noticed == null ? null : new SuspensionNotice(noticed, event.fulfilledAt(), owed, late);
        }
        openDuties.remove(event.duty());
        flaggedDuties.remove(event.duty());
        stoppedByTheRevocation.remove(event.duty());
    }

    @EventSourcingHandler
    void on(PermitDutyFoundDoneInTime event) {
        if (event.duty() == PermitDuty.NOTIFY_SUSPENSION) {
            noticeFoundInTime(notice -> notice.recordedAt().equals(event.fulfilledAt()));
        }
    }

    /** Item 135: the notices {@code found} (of the chain, or of the suspension in force) are in time; whether any was. */
    private boolean noticeFoundInTime(java.util.function.Predicate<SuspensionNotice> found) {
        boolean any = chainNoticesLate.removeIf(notice -> notice.late() && found.test(notice));
        if (suspensionNotice != null && suspensionNotice.late() && found.test(suspensionNotice)) {
            this.suspensionNotice = suspensionNotice.inTime();
            any = true;
        }
        return any;
    }

    @EventSourcingHandler
    void on(PermitExtensionRequested event) {
        this.extensionPending = true;
    }

    @EventSourcingHandler
    void on(PermitExtensionRequestDueRecomputed event) {
        this.requestDueMoved = event;
    }

    @EventSourcingHandler
    void on(PermitExtended event) {
        this.extensionPending = false;
        this.extendedTermEnding = event.previousValidUntil();
        this.validUntil = event.validUntil();
        openDuties.remove(PermitDuty.NOTIFY_CERTIFICATE_HOLDERS);
    }

    @EventSourcingHandler
    void on(PermitExtensionRefused event) {
        this.extensionPending = false;
    }

    @EventSourcingHandler
    void on(PermitExtendedAfterExpiry event) {
        this.status = PermitApplicationStatus.ACTIVE;
        this.extensionPending = false;
        this.extendedTermEnding = event.previousValidUntil();
        this.validUntil = event.validUntil();
        openDuties.remove(PermitDuty.NOTIFY_CERTIFICATE_HOLDERS);
    }

    @EventSourcingHandler
    void on(PermitExpired event) {
        this.expiredWhileSuspended = status == PermitApplicationStatus.SUSPENDED;
        this.status = PermitApplicationStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(PermitSuspended event) {
        // item 105: a suspension anew replacing one in force that no upheld complaint spent is item 98's, on a run-out the holder could not
        // remedy in (the only other one a suspension in force admits): it joins that suspension's chain; any other suspension starts none
        boolean joinsAChain = status == PermitApplicationStatus.SUSPENDED && suspensionInForce != null && !suspendedOnASpentRunOut();
        // item 112 (was O248): the suspension an upheld complaint applies again (item 56) keeps the chain it belonged to when revoked
        boolean appliedAgain = isAppliedAgainByTheComplaint(event);
        this.unremediedChainFrom = joinsAChain ? chainFrom() : appliedAgain ? chainFromAtRevocation : null;
        // item 125 (F469): the notice of the suspension a suspension anew replaces stays on the chain's record (kept through a revocation
        // an upheld complaint annuls, which no suspension comes between)
        SuspensionNotice noticeInForce = theNoticeOfTheSuspensionInForce();
        this.chainNoticeUnmet = joinsAChain ? chainNoticeUnmet || noticeInForce == null : appliedAgain && chainNoticeUnmet;
        if (joinsAChain && noticeInForce != null && noticeInForce.late()) { // item 135: kept with its count, to be found in time
            chainNoticesLate.add(noticeInForce);
        } else if (!joinsAChain && !appliedAgain) {
            chainNoticesLate.clear();
        }
        this.status = PermitApplicationStatus.SUSPENDED;
        this.suspendedUntil = event.until();
        this.suspendedFrom = event.from();
        this.remedyToBeInspected = event.ground() == SuspensionGround.INSPECTOR_OPINION;
        this.taxSettlementAwaited = event.ground() == SuspensionGround.TAX_EVASIONS;
        this.revocationGroundRaised = false;
        this.suspensionInForce = event;
        this.suspensionGroundRemovedOn = null;
        this.suspensionGroundRemovedBy = null;
        if (event.ground() == SuspensionGround.TAX_EVASIONS) {
            if (pendingTaxRequest != null) { // a suspension reinstated by a complaint (F197) keeps its request's day
                this.taxRequestedOn = UlaanbaatarTime.dateOf(pendingTaxRequest.requestedAt());
            }
            this.pendingTaxRequest = null;
        } else {
            violationOpinions.remove(event.evidenceSha256()); // one opinion grounds one suspension
        }
    }

    @EventSourcingHandler
    void on(RevocationGroundRaised event) {
        this.revocationGroundRaised = true;
    }

    @EventSourcingHandler
    void on(PermitRestored event) {
        this.status = PermitApplicationStatus.ACTIVE;
        this.suspensionInForce = null;
        this.suspendedUntil = null;
        this.remedyToBeInspected = false;
        this.taxSettlementAwaited = false;
        this.suspensionGroundRemovedBy = null;
    }

    @EventSourcingHandler
    void on(TaxEvasionsSettled event) {
        if (taxSettlementAwaited) {
            this.suspensionGroundRemovedOn = UlaanbaatarTime.dateOf(event.recordedAt());
            this.suspensionGroundRemovedBy = event.recordedBy();
        }
        this.taxSettlementAwaited = false;
        if (event.evidenceSha256() != null) {
            taxAuthorityDocuments.add(event.evidenceSha256().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @EventSourcingHandler
    void on(PermitRevoked event) {
        if (event.evidenceSha256() != null) {
            annulledRevocationsEvidence.add(event.evidenceSha256().toLowerCase(java.util.Locale.ROOT)); // read once a complaint annuls it
        }
        this.suspensionAtRevocation = status == PermitApplicationStatus.SUSPENDED ? suspensionInForce : null;
        this.chainFromAtRevocation = status == PermitApplicationStatus.SUSPENDED ? unremediedChainFrom : null;
        this.suspensionInForce = null;
        this.status = PermitApplicationStatus.REVOKED;
        this.revocationGround = event.ground();
        this.revokedOn = UlaanbaatarTime.dateOf(event.revokedAt());
        this.revokedBy = event.decidedBy();
        this.complaintDecided = false;
        this.revocationRequested = false;
        stoppedByTheRevocation.clear();
        openDuties.keySet().stream().filter(PermitDeadlineRules::endsWithThePermit).forEach(stoppedByTheRevocation::add);
    }

    @EventSourcingHandler
    void on(PermitRevocationRequested event) {
        this.revocationRequested = true;
        this.revocationRequestedAt = event.requestedAt();
    }

    @EventSourcingHandler
    void on(PermitRevocationRequestWithdrawn event) {
        this.revocationRequested = false;
    }

    @EventSourcingHandler
    void on(CertificatesIssuedReported event) {
        this.lastReportedPeriodEnd = event.periodEnd();
        // certificates of a period ending after the last hand-over's day: issued since (a late report of a period before it is not)
        this.certificatesReportedSinceTheHandOver |= event.count() > 0 && lastHandedOverOn != null && event.periodEnd().isAfter(lastHandedOverOn);
    }

    @EventSourcingHandler
    void on(CertificateDatabaseHandedOver event) {
        this.databaseHandedOver = true;
        if (event.databaseSha256() != null) {
            handedOverDatabases.add(event.databaseSha256().toLowerCase(java.util.Locale.ROOT));
        }
        if (event.receiptSha256() != null) {
            handedOverReceipts.add(event.receiptSha256().toLowerCase(java.util.Locale.ROOT));
        }
        this.certificatesReportedSinceTheHandOver = false;
        this.lastHandedOverOn = UlaanbaatarTime.dateOf(event.receivedAt());
    }

    @EventSourcingHandler
    void on(CertificateDatabasePassedOn event) {
        this.databasePassedTo = event.successorPermit();
    }

    @EventSourcingHandler
    void on(RevocationComplaintFiled event) {
        this.complaintFiled = true;
        this.complaintFiledOn = event.filedAt() == null ? null : UlaanbaatarTime.dateOf(event.filedAt());
    }

    @EventSourcingHandler
    void on(RevocationComplaintDecided event) {
        this.complaintFiled = false;
        this.complaintDecided = true;
        if (event.upheld()) {
            if (revocationGround == RevocationGround.REPEATED_VIOLATIONS) { // O196, ADR 0046 item 89: the annulled revocation's violations
                this.violationsSpent = violationsFound;
            }
            if (revocationGround == RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION) { // O205, ADR 0046 item 91: its run-out
                this.runOutSpent = new SpentRunOut(suspensionAtRevocation, event.decidedAt());
            }
            this.unpublishedReinstatement = event.article() == null && event.decisionSha256() != null ? event : null; // stored before item 57
            this.status = PermitApplicationStatus.ACTIVE; // F197: a suspension at revocation is applied again by the command handler
            this.revocationGround = null;
            this.databaseHandedOver = false; // F111: the database goes back with the reinstatement; a later revocation is handed over anew
        }
    }

    @EventSourcingHandler
    void on(ReinstatementPublished event) {
        this.publishedReinstatementOf = unpublishedReinstatement.decisionSha256().toLowerCase(java.util.Locale.ROOT);
        this.unpublishedReinstatement = null;
    }

    @EventSourcingHandler
    void on(PermitInspected event) {
        this.violationFoundAtLastInspection = event.violationFound();
        this.lastInspectedOn = lastInspectedOn == null || event.inspectedOn().isAfter(lastInspectedOn) ? event.inspectedOn() : lastInspectedOn;
        if (status == PermitApplicationStatus.SUSPENDED && !event.violationFound() && suspendedFrom != null && !event.inspectedOn().isBefore(suspendedFrom)) {
            if (remedyToBeInspected) { // the lead's reading of O192 (ADR 0046 item 88): the day the registry received the record
                this.suspensionGroundRemovedOn = event.recordedAt() == null ? event.inspectedOn() : UlaanbaatarTime.dateOf(event.recordedAt());
                this.suspensionGroundRemovedBy = event.inspector(); // F597
            }
            this.remedyToBeInspected = false; // 002 art. 28.4: the violation found remedied
        } else if (status == PermitApplicationStatus.SUSPENDED && event.violationFound()) {
            this.remedyToBeInspected = true; // a violation found during the suspension is remedied before it ends too
            this.suspensionGroundRemovedOn = null;
            this.suspensionGroundRemovedBy = null;
        }
        if (event.violationFound()) {
            violationsFound++;
        }
        if (event.violationFound() && event.findingsSha256() != null) {
            violationOpinions.add(event.findingsSha256());
            opinionFoundOn.put(event.findingsSha256(), event.inspectedOn());
            if (event.recordedAt() != null) {
                opinionRecordedAt.put(event.findingsSha256(), event.recordedAt());
            }
            if (event.inspector() != null) {
                opinionRecordedBy.put(event.findingsSha256(), event.inspector());
            }
        }
        if (!event.violationFound()) { // F310: the opinions found on or before this clean inspection's day, recorded before it
            violationOpinions.stream().filter(opinion -> !opinionFoundOn.get(opinion).isAfter(event.inspectedOn()))
                    .forEach(opinion -> opinionsFoundRemedied.putIfAbsent(opinion, event.inspectedOn()));
        }
    }

    @EventSourcingHandler
    void on(PermitSuspensionRequested event) {
        this.pendingTaxRequest = event;
        if (event.evidenceSha256() != null) {
            taxAuthorityDocuments.add(event.evidenceSha256().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @EventSourcingHandler
    void on(PermitSuspensionRequestRefused event) {
        this.pendingTaxRequest = null;
    }

    @EventSourcingHandler
    void on(PermitTransferred event) {
        this.holder = event.successor();
        if (event.successorRepresentative() != null) {
            this.representative = event.successorRepresentative(); // ADR 0046 item 142 (F496): the successor acts through its own
        }
        this.lastTransferredAt = event.transferredAt();
        if (event.evidenceSha256() != null) {
            transferEvidence.add(event.evidenceSha256().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @EventSourcingHandler
    void on(HolderRepresentativeNamed event) {
        this.representative = event.representative(); // ADR 0046 item 145 (F517): the holder acts through the person named
    }

    @EventSourcingHandler
    void on(PermitChangeReported event) {
        if (event.documentSha256() != null) {
            reportedChangeDocuments.add(event.documentSha256().toLowerCase(java.util.Locale.ROOT));
        }
    }

    PermitApplicationStatus status() {
        return status;
    }

    /**
     * 002 art. 29.2, 29.4 (abuse audit F195, was O115; ADR 0046 item 54): in force at {@code at}: active, and {@code at}'s day in
     * Ulaanbaatar not after the term's last day. A permit not extended is invalid at the end of its term "without anyone acting", so a
     * successor whose term ended minutes before the pass-on is no permit in force, even before its expiry deadline fired (as F67 judges
     * the permit's own acts, {@link #termHasNotEndedAtReceipt}).
     */
    boolean inForceOn(Instant at) {
        return status == PermitApplicationStatus.ACTIVE && validUntil != null && !UlaanbaatarTime.dateOf(at).isAfter(validUntil);
    }

    LocalDate validUntil() {
        return validUntil;
    }

    Map<PermitDuty, LocalDate> openDuties() {
        Map<PermitDuty, LocalDate> due = new EnumMap<>(PermitDuty.class);
        openDuties.forEach((duty, open) -> due.put(duty, open.due()));
        return Map.copyOf(due);
    }
}
