package mn.registry.freezone.entity;

import mn.registry.command.api.CommandContext;
import mn.registry.freezone.zone.Zones;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.HeldDeadline;
import mn.registry.kernel.calendar.LegalTerm;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.FreeZoneTerms;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.RunningPeriods;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneCertificate;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.permit.PermitRegistrationReceipt;
import mn.registry.document.DocumentCitation;
import mn.registry.kernel.problem.RegistryProblem;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One legal entity's registration in one zone (003 art. 12): application, registration or rejection,
 * operations, the grounds of 12.5 and deregistration. Its id comes from the zone and the entity, so an
 * entity has one registration per zone. It handles the signed kernel bodies with their {@link CommandContext} and asks
 * {@link RegistrationServices} for the calendar, the zone and the documents received (ADR 0026): no clock, no I/O of its own.
 */
@Aggregate(commandTargetResolver = "zoneRegistrationTarget", snapshotTriggerDefinition = AggregateSnapshots.TRIGGER)
@Revision(ZoneRegistration.SHAPE)
class ZoneRegistration {

    /**
     * ADR 0069: the revision of this class's state as a snapshot stores it. Raise it in the release that adds, removes or retypes a field,
     * or folds an event into the fields differently: a snapshot of another revision is then not read, and the aggregate is folded from its
     * events ({@code AggregateSnapshotsTest} fails on a changed field list until it is raised).
     */
    static final String SHAPE = "3";

    enum Status { APPLIED, REGISTERED, REJECTED, DEREGISTERED }

    @AggregateIdentifier
    private String stream;
    private RegistrationId registrationId;
    private ZoneId zoneId;
    private LegalEntity entity;
    private Activity activity;
    private Status status;
    private LocalDate certificateIssuedOn;
    /** The certificates this stream was issued, one per registration period (ADR 0035 item 57: the next one's number carries its ordinal). */
    private int certificatesIssued;
    private LocalDate agreementSignedOn;
    private LocalDate agreementEndsOn;
    private LocalDate startDueBy;
    private LocalDate startedOn;
    private LocalDate interruptedOn;
    /** The first day of the latest interruption, kept after its resumption (ADR 0035 item 47: was it running at the court's decision?). */
    private LocalDate lastInterruptionBegan;
    private LocalDate resumeDueBy;
    /** The first days of the year to start and of the 12 months of interruption (ADR 0035 item 21: closures count within them). */
    private LocalDate startRunsFrom;
    private LocalDate interruptionRunsFrom;
    /** The last days already moved by closures (GroundDueMovedByClosure), so that a move is recorded once. */
    private final java.util.Map<DeregistrationGround, LocalDate> movedDue = new java.util.EnumMap<>(DeregistrationGround.class);
    private LocalDate resumedOn;
    private boolean bankruptcy;
    private LocalDate courtDecidedOn;
    private LocalDate receivedOn;
    private mn.registry.kernel.identity.PersonId appliedBy;
    private LocalDate reviewDue;
    private java.time.Instant reviewDueAt;
    private boolean reviewEscalated;
    /** The last day to record here a court's dissolution recorded in another zone (ADR 0035 item 85, F417); null when no such duty is open. */
    private LocalDate courtDecisionDueOn;
    private boolean courtDecisionDutyEscalated;
    /** The open duty's day 0, from which its business days are counted (ADR 0035 item 94); null for a duty that names no calendar (item 89). */
    private LocalDate courtDecisionDutyRaisedOn;
    /** The day of the court's decision the open duty is about, and of the one whose recording the governor declined (ADR 0035 item 88, F418). */
    private LocalDate courtDecisionDutyDecidedOn;
    private LocalDate courtDecisionDeclinedFor;
    private LocalDate deregisteredOn;
    private DeregistrationGround deregisteredOnGround;
    private final Set<DeregistrationGround> raised = EnumSet.noneOf(DeregistrationGround.class);
    /** The day each raised ground arose (its {@code since}: the day after the year or the 12 months ran out, the court's decision). */
    private final java.util.Map<DeregistrationGround, LocalDate> groundArose = new java.util.EnumMap<>(DeregistrationGround.class);
    /** The documents this stream's acts cited (applications, agreement, court decision; F48): kept across registrations. */
    private final Set<String> citedDocuments = new java.util.HashSet<>();
    /** The fee receipt the latest application named, and those of applications that were registered (ADR 0035 item 65: spent). */
    private String applicationsFeeReceipt;
    private final Set<String> feeReceiptsSpent = new java.util.HashSet<>();

    ZoneRegistration() {
    }

    // 003 art. 12.1-12.2: received with its documents, to be reviewed within 5 business days; one registration per entity per zone
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RegistrationCommandTypes.ApplicationReceipt handle(RegistrationCommands.ApplyForZoneRegistration body, CommandContext context,
                                                       RegistrationServices services) {
        RegistrationIntakePolicy.check(body);
        applicantHasNotCeased(body.entity(), services);
        Zones.Zone zone = Zones.openOrRefused(services.zone(body.zoneId())); // one read of the zone's stream for the act (abuse audit O403)
        everyDocumentWasReceived(body.documents(), services);
        activityAllowedInTheZone(body.activity(), zone.activities(), body.zoneId());
        onePendingOrActiveRegistrationPerEntityPerZone();
        noNewYearToStartRightAfterDeregistration(UlaanbaatarTime.dateOf(context.receivedAt()));
        RegistrationId id = RegistrationId.of(body.zoneId(), body.entity());
        feeReceiptPaysOneRegistrationPeriod(body.documents());
        oneFeeReceiptPaysOneRegistration(body.documents(), id, context, services);
        Deadline review = services.due(context.receivedAt(), FreeZoneTerms.REVIEW); // due after the day of receipt (Deadline refuses else)
        apply(new RegistrationEvents.ZoneRegistrationApplied(id, body.zoneId(), body.entity(), body.activity(), List.copyOf(body.documents()),
                context.receivedAt(), review.due(), review.dueAt().toInstant(), FreeZoneTerms.REVIEW, review.calendarVersion(),
                FreeZoneTerms.REVIEW_ARTICLE, context.actor()));
        return new RegistrationCommandTypes.ApplicationReceipt(id, context.receivedAt(), review.due(), review.dueAt(),
                review.calendarVersion().value(), PermitRegistrationReceipt.inUlaanbaatar(context.receivedAt()));
    }

    /** The refusal's code when the applicant is a Mongolian company the registry holds ended (F605). */
    public static final String APPLICANT_CEASED = "freezone.applicant-ceased";

    // 003 art. 12.1; 002 art. 29.1.2, 23.3 (ADR 0035 item 163, the lead's reading, choice; abuse audit F605, was O452): the registry's own
    // record that a Mongolian company no longer exists binds the zone's intake. A company whose permit was revoked because it was
    // liquidated (no complaint upheld against that revocation), or one a reorganisation ended, registers in no Free Zone. Judged at the
    // registry's receipt, on every act stored before it (the permit register's memory, no added round trip); a foreign entity is not concerned
    private static void applicantHasNotCeased(mn.registry.kernel.freezone.LegalEntity entity, RegistrationServices services) {
        if (entity == null || entity.jurisdiction() != mn.registry.kernel.freezone.Jurisdiction.MONGOLIAN) {
            return;
        }
        services.companyEnded(entity.registrationNumber()).ifPresent(ended -> {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, APPLICANT_CEASED, "The company " + entity.registrationNumber() + " ceased on "
                    + ended.on() + ": " + ended.how() + "; a company that no longer exists registers in no Free Zone.", "entity.registrationNumber",
                    "003 art. 12.1; " + ended.article());
        });
    }

    // 003 art. 12.1 (choice, ADR 0035 item 19, abuse audit F123): the registration fee is paid for one registration; its receipt, named
    // for another entity's application or the same entity's in another zone, would pay two fees once. Claimed registry-wide last, after
    // the other intake rules, so that an application refused on them claims nothing
    private static void oneFeeReceiptPaysOneRegistration(List<SubmittedZoneDocument> documents, RegistrationId id, CommandContext context,
                                                         RegistrationServices services) {
        feeReceiptOf(documents).ifPresent(receipt -> services.claimFeeReceipt(receipt, context.commandId(), id, context.receivedAt()));
    }

    // 003 art. 12.1 (ADR 0035 item 65; abuse audit F274): the fee paid the registration its application led to. Item 19 lets the same
    // registration's application again name its receipt after a rejection (no registration was made on it); once the entity was
    // registered on it, the receipt is spent: after its removal (a court's dissolution bars nothing, 12.5.1-12.5.2 a year) the entity
    // applying here again would be registered for a new period on the fee of the old one. The claim (item 19) passes the same
    // registration's receipt on to this rule
    private void feeReceiptPaysOneRegistrationPeriod(List<SubmittedZoneDocument> documents) {
        feeReceiptOf(documents).filter(feeReceiptsSpent::contains).ifPresent(spent -> {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.fee-receipt-paid-an-earlier-registration", "This registration fee "
                    + "receipt paid an earlier registration of " + registrationId + " in this zone; a new registration pays its own fee.", "documents",
                    "003 art. 12.1");
        });
    }

    private static java.util.Optional<String> feeReceiptOf(List<SubmittedZoneDocument> documents) {
        return documents == null ? java.util.Optional.empty() : documents.stream()
                .filter(d -> d.kind() == mn.registry.kernel.freezone.ZoneDocument.REGISTRATION_FEE_RECEIPT).map(SubmittedZoneDocument::sha256).findFirst();
    }

    // 003 art. 12.1: each document named was uploaded to the registry first (POST /api/documents)
    private static void everyDocumentWasReceived(List<SubmittedZoneDocument> documents, RegistrationServices services) {
        for (SubmittedZoneDocument d : documents) {
            DocumentCitation.of("documents." + d.kind(), d.kind().article()).found(d.sha256(), services::documentReceivedAt);
        }
    }

    // 003 art. 12.2 (choice): one registration per entity per zone; a rejected or deregistered entity may apply again (after a
    // deregistration on 12.5.1 or 12.5.2, a year later: noNewYearToStartRightAfterDeregistration)
    private void onePendingOrActiveRegistrationPerEntityPerZone() {
        if (status == Status.APPLIED) {
            throw RegistryProblem.conflict("freezone.application-pending", registrationId + " has an application under review already.", "003 art. 12.2");
        }
        if (status == Status.REGISTERED) {
            throw RegistryProblem.conflict("freezone.entity-already-registered", registrationId + " is registered in this zone already.", "003 art. 12.2");
        }
    }

    // 003 art. 12.5.1, 12.5.2, 22.6 (choice, ADR 0035): an entity removed for not starting or for 12 months' interruption does not
    // register again in the same zone for one year from the deregistration's receipt (the term's first day counts, as every LegalTerm):
    // applying again at once would give it a new certificate and a new year to start, and its land back. A dissolution by a court
    // (12.5.3) or a rejection bars nothing (save a removal on 12.5.3 with 12.5.1 or 12.5.2 raised too: item 98, F498); another zone is another registration. The entity's registrations in a zone are one
    // stream (RegistrationId = zone and entity), so this check and the deregistration are ordered by the event store's sequence
    private void noNewYearToStartRightAfterDeregistration(LocalDate receivedOn) {
        java.util.Optional<DeregistrationGround> barring = groundThatBarsANewRegistration();
        if (status != Status.DEREGISTERED || deregisteredOn == null || barring.isEmpty()) {
            return;
        }
        LegalTerm bar = LegalTerm.years(deregisteredOn, 1);
        if (bar.contains(receivedOn)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.deregistered-recently", registrationId + " was removed from this zone's "
                    + "register on " + deregisteredOn + " on ground " + deregisteredOnGround.article() + (barring.get() == deregisteredOnGround ? ""
                    : ", ground " + barring.get().article() + " raised") + "; it may apply here again from " + bar.dayAfter() + ".",
                    "entity.registrationNumber", "003 art. 12.5");
        }
    }

    /**
     * 003 art. 12.5.1, 12.5.2, 22.6 (ADR 0035 item 98; abuse audit F498): the year's bar follows the circumstances of 12.5.1 or 12.5.2, not the
     * ground the governor names: an entity whose year to start or 12 months of interruption ran out (the ground raised) and whose court's
     * dissolution was recorded too, removed on 12.5.3, would otherwise apply here again at once for a new certificate and a new year to
     * start, as item 42 keeps the governor's choice of ground from deciding the clawback. The grounds raised are those of the period removed
     * (cleared by the next application, after this check). Empty when the removal was on 12.5.3 alone
     */
    private java.util.Optional<DeregistrationGround> groundThatBarsANewRegistration() {
        if (deregisteredOnGround != null && deregisteredOnGround != DeregistrationGround.COURT_DECISION) {
            return java.util.Optional.of(deregisteredOnGround);
        }
        return java.util.stream.Stream.of(DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, DeregistrationGround.INTERRUPTED_TWELVE_MONTHS)
                .filter(raised::contains).findFirst();
    }

    // 003 art. 6.1, 12.2: an entity operates in a zone only in a type of activity the zone's establishing resolution allows
    static void activityAllowedInTheZone(Activity activity, Set<Activity> allowed, ZoneId zone) {
        if (activity != null && (allowed == null || !allowed.contains(activity))) {
            throw RegistryProblem.invalid("freezone.activity-not-allowed", "Zone " + zone + "'s resolution allows " + (allowed == null ? "[]" : allowed)
                    + ", not " + activity + ".", "activity", "003 art. 6.1, 12.2");
        }
    }

    // 003 art. 12.2: registered with a certificate valid only in this zone, and only for an activity the zone allows at the decision
    @CommandHandler
    void handle(RegistrationCommands.RegisterEntity body, CommandContext context, RegistrationServices services) {
        Zones.Zone zone = Zones.openOrRefused(services.zone(zoneId)); // one read of the zone's stream for the act (abuse audit O403)
        requireStatus(Status.APPLIED, "freezone.registration-not-pending", "003 art. 12.2");
        deciderIsNotTheApplicant(context);
        activityAllowedInTheZone(activity, zone.activities(), zoneId);
        LocalDate issuedOn = UlaanbaatarTime.dateOf(context.receivedAt());
        apply(new RegistrationEvents.EntityRegistered(registrationId,
                new ZoneCertificate(certificateNumber(issuedOn), registrationId, entity, activity, issuedOn, zoneId), context.receivedAt(), context.actor(),
                lateAfterTheFiveBusinessDays(context.receivedAt())));
    }

    /**
     * 003 art. 12.2 (ADR 0035 item 170, choice; abuse audit F614, was O486): a decision received after the 5 business days is accepted (the
     * law names no one else to decide, and a refusal would leave the applicant without the decision 12.2 owes them) but recorded late: the
     * last day it came after, judged at the registry's receipt, never at the {@code signedAt} the governor claims. Null when in time.
     */
    LocalDate lateAfterTheFiveBusinessDays(Instant receivedAt) {
        Instant due = reviewDueAt != null ? reviewDueAt : reviewDue == null ? null : UlaanbaatarTime.endOf(reviewDue).toInstant();
        return due != null && receivedAt.isAfter(due) ? reviewDue : null;
    }

    // 003 art. 12.2, 12.3 (ADR 0035 item 57; abuse audit F264, was O153): each registration period has a certificate of its own, so an
    // entity registered again (in the same year, after a court's dissolution) does not hold two certificates of one number, nor does the
    // quarterly report list two periods under one. From the stream's second period on, the number carries the period's ordinal; the
    // first period's number, and every certificate issued before this rule, stay as issued
    private String certificateNumber(LocalDate issuedOn) {
        String number = zoneId.value().toUpperCase(Locale.ROOT) + "/" + issuedOn.getYear() + "/" + entity.key().toUpperCase(Locale.ROOT);
        return certificatesIssued == 0 ? number : number + "/" + (certificatesIssued + 1);
    }

    // 003 art. 8.7.6, 12.2 (choice, ADR 0035 item 9; abuse audit F81, F92): the governor reviews an application and records the entity's
    // acts as the registry's official, not as the entity: a governor who also holds the applicant's role and signed this registration's
    // application as the entity's representative does not register or reject it, nor record its agreement (an agreement with
    // themselves, 26.2), its start or resumption (which keep it from deregistration), an interruption, a court decision or its
    // deregistration. The act waits for another governor
    private void deciderIsNotTheApplicant(CommandContext context) {
        deciderIsNotTheApplicant(context, "003 art. 8.7.6, 12.2");
    }

    private void deciderIsNotTheApplicant(CommandContext context, String article) {
        if (signedTheApplication(context.actor())) {
            throw new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, "freezone.decider-is-applicant", context.actor() + " signed the application of "
                    + registrationId + " as the entity's representative and does not decide on it or record its acts.", "registrationId", article);
        }
        // 003 art. 12.2, 22.2; 001 art. 23.1.1 (ADR 0035 item 110, choice; F532, was O378): nor does one whose grant in force names the entity
        mn.registry.freezone.zone.DeciderRepresentsTheEntity.deciderDoesNotRepresentTheEntity(registrationId, context.actor(), context.company(),
                context.receivedAt(), "registrationId");
    }

    // the rule above, which the desk's answer asks too (ADR 0035 item 78, F381)
    private boolean signedTheApplication(mn.registry.kernel.identity.PersonId actor) {
        return appliedBy != null && appliedBy.equals(actor);
    }

    // 003 art. 12.2: an application that does not meet the requirements is rejected with reasons
    @CommandHandler
    void handle(RegistrationCommands.RejectZoneRegistration body, CommandContext context) {
        requireStatus(Status.APPLIED, "freezone.registration-not-pending", "003 art. 12.2");
        deciderIsNotTheApplicant(context);
        List<String> reasons = body.reasons() == null ? List.of()
                : body.reasons().stream().filter(ZoneRegistration::saysSomething).toList();
        if (reasons.isEmpty()) {
            throw RegistryProblem.invalid("freezone.reasons-missing", "A rejection gives its reasons.", "reasons", "003 art. 12.2");
        }
        apply(new RegistrationEvents.ZoneRegistrationRejected(registrationId, reasons, context.receivedAt(), context.actor(),
                lateAfterTheFiveBusinessDays(context.receivedAt())));
    }

    // 003 art. 12.5.1: one year to start, counted from the later of the investment agreement and the certificate (choice)
    @CommandHandler
    void handle(RegistrationCommands.RecordInvestmentAgreement body, CommandContext context, RegistrationServices services) {
        requireStatus(Status.REGISTERED, "freezone.not-registered", "003 art. 12.5.1");
        deciderIsNotTheApplicant(context, "003 art. 8.7.6, 12.5.1, 26.2");
        oneAgreementPerRegistration();
        noAgreementRecordedAfterTheDissolution(entitysDissolution(services));
        Zones.Zone zone = services.zone(zoneId); // its closures and resolution's date, one read (abuse audit O403)
        agreementReceivedWithinTheCertificatesYear(UlaanbaatarTime.dateOf(context.receivedAt()), zone.closures());
        Instant documentReceivedAt = actRestsOnItsUploadedDocument(body.documentSha256(), services, "003 art. 12.5.1, 26.2");
        if (body.signedOn() == null || body.endsOn() == null || !body.endsOn().isAfter(body.signedOn()) || body.investment() == null) {
            throw RegistryProblem.invalid("freezone.agreement-invalid", "The agreement has a signing day, a later end and the investment.",
                    "endsOn", "003 art. 12.5.1");
        }
        agreementNamesAnInvestment(body.investment());
        agreementDatesInRange(body.signedOn(), body.endsOn(), UlaanbaatarTime.dateOf(context.receivedAt()));
        DatedFact.AGREEMENT.notAfterItsDocument(body.signedOn(), documentReceivedAt);
        agreementNotOlderThanTheZone(body.signedOn(), zone.resolutionDate());
        LocalDate later = body.signedOn().isAfter(certificateIssuedOn) ? body.signedOn() : certificateIssuedOn;
        LocalDate dueBy = FreeZoneTerms.startDueBy(later);
        agreementOutlastsTheYearToStart(body.endsOn(), dueBy);
        apply(new RegistrationEvents.InvestmentAgreementRecorded(registrationId, body.signedOn(), body.endsOn(), body.investment(),
                body.foreignInvested(), dueBy, context.actor(), body.documentSha256()));
    }

    /**
     * 003 art. 12.5.3, 26.2 (ADR 0035 item 100; abuse audit F500): 26.2 compares the entity's stop with the end of its agreement with the
     * governor, so an agreement recorded after the court's dissolution of the entity (recorded here or in another zone, item 67) would decide
     * the clawback after the court ruled: the removal of an entity dissolved with no agreement on record owes none, and a governor recording
     * one "signed" months before would turn its tax credits into debts the dissolved entity can no longer answer. As item 49 judges the
     * removal on the operations as they stood when the dissolution was recorded, it is judged on the agreement as it stood then.
     */
    private void noAgreementRecordedAfterTheDissolution(java.util.Optional<Dissolution> dissolution) {
        dissolution.ifPresent(recorded -> {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.agreement-after-dissolution", "The court's decision of "
                    + recorded.decidedOn() + " to dissolve the entity is recorded" + (recorded.registrationId().equals(registrationId) ? ""
                    : " in zone " + recorded.registrationId().zoneId()) + "; no investment agreement of " + registrationId + " is recorded after it: "
                    + "the tax clawback of its removal is judged on the agreement as it stood.", "registrationId", "003 art. 12.5.3, 26.2");
        });
    }

    // 003 art. 12.5.1, 6.1 (ADR 0035 item 35; abuse audit F174, was O105): the agreement is one "in a Free Zone"; signed before the State
    // Great Khural resolution establishing it, it would be published as an agreement of a zone that was not. A zone recorded without the
    // resolution's date keeps the earlier rules
    static void agreementNotOlderThanTheZone(LocalDate signedOn, LocalDate resolutionDate) {
        if (resolutionDate != null && signedOn.isBefore(resolutionDate)) {
            throw RegistryProblem.invalid("freezone.agreement-before-zone", "The investment agreement is signed on " + signedOn + ", before the State "
                    + "Great Khural resolution establishing the zone (" + resolutionDate + "): no agreement in the zone is older than the zone.",
                    "signedOn", "003 art. 12.5.1, 6.1");
        }
    }

    // 003 art. 12.5.1, 26.2 (choice, ADR 0035 item 15; abuse audit F95, was O84): the agreement is what the entity undertakes to start
    // operations under within the year: one that ends on or before the last day of that year binds it to nothing it could start, and
    // lets it stop at once owing none of the tax credits and exemptions back, since 26.2 compares the stop with the agreement's end
    static void agreementOutlastsTheYearToStart(LocalDate endsOn, LocalDate startDueBy) {
        if (!endsOn.isAfter(startDueBy)) {
            throw RegistryProblem.invalid("freezone.agreement-too-short", "The investment agreement ends on " + endsOn + ", within the year to "
                    + "start operations that it opens (last day " + startDueBy + "); it lasts beyond that year.", "endsOn", "003 art. 12.5.1, 26.2");
        }
    }

    // 003 art. 12.3, 12.5.1 (abuse audit F82): an investment agreement names an investment: one of 0 MNT is no investment, and the
    // quarterly report to the Cabinet member (12.3) would count the entity as foreign-invested with nothing invested
    static void agreementNamesAnInvestment(mn.registry.kernel.money.Money investment) {
        if (investment.amount().signum() <= 0) {
            throw RegistryProblem.invalid("freezone.agreement-invalid", "The agreement names the investment, an amount above zero.", "investment",
                    "003 art. 12.3, 12.5.1");
        }
    }

    // 003 art. 12.5.1 (choice, ADR 0035 item 6, abuse audit F46): until an agreement is recorded the year to start runs from the
    // certificate. An agreement received after that year ran out is refused whatever day it names: recorded, it would open a new
    // year to start for an entity whose ground for deregistration is due (the registry raised it, or its poller is about to)
    private void agreementReceivedWithinTheCertificatesYear(LocalDate receivedOn, java.util.List<FreeZoneTerms.Closure> closures) {
        yearToStartRanOutBy(receivedOn, closures).ifPresent(due -> {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.agreement-too-late", "The year to start operations of "
                    + registrationId + ", counted from its certificate of " + certificateIssuedOn + ", ran out on " + due
                    + "; an investment agreement received on " + receivedOn + " is late whatever day it names: the ground for "
                    + "deregistration is due.", "signedOn", "003 art. 12.5.1");
        });
    }

    // 003 art. 12.5.1, 12.5.3, 26.2 (choice, ADR 0035 item 7; abuse audit F47): the agreement's date starts the year to start and a court
    // decision "in bankruptcy" spares the entity the clawback, so neither rests on the governor's word: each names the SHA-256 of its
    // document, uploaded first (POST /api/documents), as the Government's exemption does (23.4). Looking it up cites it, so the uncited
    // sweep keeps it for ever (DocumentStore.find). Returns when the registry received it (session 22: the one read of the document store
    // the act makes; its day judged by DatedFact)
    private Instant actRestsOnItsUploadedDocument(String sha256, RegistrationServices services, String article) {
        if (sha256 == null || sha256.isBlank()) {
            throw RegistryProblem.invalid("freezone.field-missing", "The act is recorded with its document: upload it to POST /api/documents and "
                    + "name its SHA-256.", "documentSha256", article);
        }
        DocumentCitation act = DocumentCitation.of("documentSha256", article)
                .malformedSays("A document is named by the SHA-256 of its bytes in lower-case hex (64 characters).");
        act.wellFormed(sha256);
        documentNotCitedForAnotherActOfThisRegistration(sha256, article);
        return act.found(sha256, services::documentReceivedAt);
    }

    // 003 art. 12.5.1, 12.5.3, 26.2 (abuse audit F48): one document is one act: the agreement's own file, or one of the application's,
    // cited as the court's decision "in bankruptcy" (or the other way round) would pass the store's check while proving nothing
    private void documentNotCitedForAnotherActOfThisRegistration(String sha256, String article) {
        if (citedDocuments.contains(sha256)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.document-cited-already", "This document is cited already by "
                    + registrationId + " (its application, agreement, start of operations, interruption, resumption or court decision); each act is recorded with its own document.",
                    "documentSha256", article);
        }
    }

    // 003 art. 12.5.1, 26.2: the agreement is recorded once: a second one signed later would restart the year to start, and one
    // ending sooner would let the entity stop without owing back its exemptions (a correction is a new event naming the first)
    private void oneAgreementPerRegistration() {
        if (agreementSignedOn != null) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.agreement-already-recorded", "The investment agreement of "
                    + registrationId + " signed on " + agreementSignedOn + " is recorded; its year to start runs to " + startDueBy + ".",
                    "signedOn", "003 art. 12.5.1, 26.2");
        }
    }

    // 003 art. 12.5.1: the agreement is a signed fact, so not dated after its recording (a future date would push the year to start
    // beyond the law's reach); signed before the certificate is allowed, since the later of the two counts (no time is gained by it).
    // It is recorded while in force: it ends after the day it is recorded (26.2 compares deregistration with its end)
    static void agreementDatesInRange(LocalDate signedOn, LocalDate endsOn, LocalDate receivedOn) {
        if (signedOn.isAfter(receivedOn)) {
            throw RegistryProblem.invalid("freezone.date-in-future", "The agreement's signing day " + signedOn + " is after the day of receipt "
                    + receivedOn + ".", "signedOn", "003 art. 12.5.1");
        }
        if (!endsOn.isAfter(receivedOn)) {
            throw RegistryProblem.invalid("freezone.agreement-ended", "An agreement that ended on " + endsOn + " is not in force on " + receivedOn
                    + ".", "endsOn", "003 art. 12.5.1, 26.2");
        }
    }

    // 003 art. 12.5.1: operations start on a day that has come (a future start would stop the ground being raised) and not before
    // the certificate: an entity operates in the zone only once registered (12.2). The day is the one operations started, not the
    // record's: received within the year to start, it lies in it. 003 art. 23.1-23.2 (choice, ADR 0035 item 23; abuse audit F160, was
    // O90): the land fee's years of operation count from that day, so it rests on a document, as the agreement does (F47)
    @CommandHandler
    void handle(RegistrationCommands.RecordOperationsStarted body, CommandContext context, RegistrationServices services) {
        requireStatus(Status.REGISTERED, "freezone.not-registered", "003 art. 12.5.1");
        deciderIsNotTheApplicant(context, "003 art. 8.7.6, 12.5.1");
        noOperationsRecordedAfterTheDissolution(entitysDissolution(services));
        if (startedOn != null) {
            throw RegistryProblem.conflict("freezone.operations-already-started", "Operations started on " + startedOn + ".", "003 art. 12.5.1");
        }
        LocalDate on = requireDate(body.on());
        notInTheFuture(on, UlaanbaatarTime.dateOf(context.receivedAt()), "on", "003 art. 12.5.1");
        java.util.List<FreeZoneTerms.Closure> closures = services.closures(zoneId); // read once for the window and the day (abuse audit O403)
        startWindowOpenAtReceipt(UlaanbaatarTime.dateOf(context.receivedAt()), closures);
        if (on.isBefore(certificateIssuedOn)) {
            throw RegistryProblem.invalid("freezone.date-before-registration", "Operations in the zone cannot start on " + on
                    + ", before the certificate of " + certificateIssuedOn + ".", "on", "003 art. 12.2, 12.5.1");
        }
        notOnADayTheZoneWasClosed(on, closures, "003 art. 6.4, 12.5.1");
        DatedFact.START.notAfterItsDocument(on, actRestsOnItsUploadedDocument(body.documentSha256(), services, "003 art. 12.5.1, 23.1-23.2"));
        apply(new RegistrationEvents.OperationsStarted(registrationId, on, context.actor(), body.documentSha256()));
    }

    // 003 art. 12.5.3, 26.2 (choice, ADR 0035 item 49; abuse audit F247): once the court's decision to dissolve the entity is recorded,
    // the registry records no start, interruption or resumption of its operations. Since item 47 an interruption running on the court's
    // day decides the 26.2 clawback, so a resumption back-dated to before a bankruptcy, recorded after it, would spare the clawback, and
    // an interruption back-dated likewise would impose it; the removal is judged on the operations as they stood when the dissolution
    // was recorded (a governor records them as they happen, not once the court has ruled). (The lead, item 67; F300, was O168) recorded
    // in any zone of the entity: the court dissolves the entity, not one registration
    private void noOperationsRecordedAfterTheDissolution(java.util.Optional<Dissolution> dissolution) {
        dissolution.ifPresent(recorded -> {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.operations-after-dissolution", "The court's decision of "
                    + recorded.decidedOn() + " to dissolve the entity is recorded" + (recorded.registrationId().equals(registrationId) ? ""
                    : " in zone " + recorded.registrationId().zoneId()) + "; no start, interruption or resumption of " + registrationId
                    + "'s operations is recorded after it (save a resumption on a document the registry received before the court's day): its removal is judged on them as they stood.", "registrationId", "003 art. 12.5.3, 26.2");
        });
    }

    /** A court's dissolution of the entity as a registration of it recorded it: the day decided, and the registration (its zone). */
    record Dissolution(LocalDate decidedOn, RegistrationId registrationId) {
    }

    // 003 art. 12.5.3, 26.2 (the lead, ADR 0035 item 67; abuse audit F300, was O168): a court's decision dissolves the legal entity, not its
    // registration in one zone. Once its dissolution is recorded in any zone, items 49 and 60 judge this registration's operations against
    // the earliest court day recorded for the entity: this registration's own, or another zone's not dated before this registration's
    // certificate (F88: a decision before it was not about this registration; an entity registered here after it starts afresh, item 49)
    private java.util.Optional<Dissolution> entitysDissolution(RegistrationServices services) {
        java.util.stream.Stream<Dissolution> own = courtDecidedOn == null ? java.util.stream.Stream.empty()
                : java.util.stream.Stream.of(new Dissolution(courtDecidedOn, registrationId));
        java.util.stream.Stream<Dissolution> elsewhere = services.courtDecisionsOfTheEntityElsewhere(registrationId).stream()
                .filter(recorded -> !recorded.decidedOn().isBefore(certificateIssuedOn))
                .map(recorded -> new Dissolution(recorded.decidedOn(), recorded.registrationId()));
        return java.util.stream.Stream.concat(own, elsewhere).min(java.util.Comparator.comparing(Dissolution::decidedOn));
    }

    // 003 art. 12.5.1 (choice, ADR 0035): judged at the registry's receipt, never at the day the record claims. Once the year to start
    // has run out when the record is received, the ground is due and a start dated inside the year would only hide it (the deadline
    // poller may not have fired yet). The year's last day is inside it ("within one year", LegalTerm), so a record received that
    // day is in time
    private void startWindowOpenAtReceipt(LocalDate receivedOn, java.util.List<FreeZoneTerms.Closure> closures) {
        yearToStartRanOutBy(receivedOn, closures).ifPresent(due -> {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.start-window-passed", "The year to start operations of "
                    + registrationId + " ran out on " + due + "; a start received on " + receivedOn + " is late whatever day it names: "
                    + "the ground for deregistration is due.", "on", "003 art. 12.5.1");
        });
    }

    // 003 art. 12.5.2 (choice, ADR 0035): likewise for a resumption received after the 12 months of interruption ran out
    private void interruptionWindowOpenAtReceipt(LocalDate receivedOn, java.util.List<FreeZoneTerms.Closure> closures) {
        twelveMonthsRanOutBy(receivedOn, closures).ifPresent(due -> {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.interruption-window-passed", "The 12 months of interruption of "
                    + registrationId + " ran out on " + due + "; a resumption received on " + receivedOn + " is late whatever day it "
                    + "names: the ground for deregistration is due.", "on", "003 art. 12.5.2");
        });
    }

    // 003 art. 6.4, 12.5.1 (ADR 0035 items 6, 21): the year to start's last day, moved by the zone's closures, when a record received on
    // receivedOn comes after it: the agreement and the start are then late whatever day they name
    private java.util.Optional<LocalDate> yearToStartRanOutBy(LocalDate receivedOn, java.util.List<FreeZoneTerms.Closure> closures) {
        return java.util.Optional.ofNullable(startDue(closures, receivedOn)).filter(receivedOn::isAfter);
    }

    // 003 art. 6.4, 12.5.2 (ADR 0035 items 17, 21): the 12 months of interruption's last day, moved likewise, when a record received on
    // receivedOn comes after it: a resumption is then late whatever day it names
    private java.util.Optional<LocalDate> twelveMonthsRanOutBy(LocalDate receivedOn, java.util.List<FreeZoneTerms.Closure> closures) {
        return java.util.Optional.ofNullable(resumeDue(closures, receivedOn)).filter(receivedOn::isAfter);
    }

    /**
     * 003 art. 6.4, 8.7.6, 12.5 (ADR 0035 item 75; abuse audit F377): the governor's acts this registration would record on a command
     * received on {@code receivedOn}, by the rules above that its handlers refuse by (the window of the year to start and of the 12 months,
     * the grounds raised); the governor's desk offers these only. A dissolution recorded, and who signs, the desk judges as before.
     */
    mn.registry.kernel.freezone.GovernorActs actsAcceptedOn(LocalDate receivedOn, RegistrationServices services) {
        if (status != Status.REGISTERED) {
            return mn.registry.kernel.freezone.GovernorActs.NONE;
        }
        java.util.List<FreeZoneTerms.Closure> closures = services.closures(zoneId); // one read for both windows (abuse audit O403)
        java.util.Optional<LocalDate> yearRanOut = yearToStartRanOutBy(receivedOn, closures); // the agreement's too, after a start
        java.util.Optional<LocalDate> monthsRanOut = twelveMonthsRanOutBy(receivedOn, closures);
        return new mn.registry.kernel.freezone.GovernorActs(true, agreementSignedOn == null && yearRanOut.isEmpty(), startedOn == null && yearRanOut.isEmpty(),
                interruptedOn != null && monthsRanOut.isEmpty(), startedOn == null ? yearRanOut.orElse(null) : null, monthsRanOut.orElse(null),
                groundsARemovalRestsOn());
    }

    /**
     * 003 art. 8.7.6, 12.2 (ADR 0035 item 78; abuse audit F381, was O221): the acts this registration would record on {@code governor}'s
     * signature on a command received on {@code receivedOn}: none when they signed its application as the entity's representative (the rule
     * {@link #deciderIsNotTheApplicant} refuses by), else {@link #actsAcceptedOn(LocalDate, RegistrationServices)}.
     */
    mn.registry.kernel.freezone.GovernorActs actsAcceptedOn(LocalDate receivedOn, RegistrationServices services, mn.registry.kernel.identity.PersonId governor) {
        return actsAcceptedOn(receivedOn, services, governor, null);
    }

    /**
     * As {@link #actsAcceptedOn(LocalDate, RegistrationServices, mn.registry.kernel.identity.PersonId)}, for a governor whose grant of the
     * applicant's role in force names {@code company} (null: none): none either when that is the entity's number (003 art. 12.2, 22.2; 001 art.
     * 23.1.1; ADR 0035 item 110, F532, was O378: {@link mn.registry.freezone.zone.DeciderRepresentsTheEntity}, which
     * {@link #deciderIsNotTheApplicant} asks).
     */
    mn.registry.kernel.freezone.GovernorActs actsAcceptedOn(LocalDate receivedOn, RegistrationServices services, mn.registry.kernel.identity.PersonId governor,
                                                            String company) {
        mn.registry.kernel.freezone.GovernorActs acts = actsAcceptedOn(receivedOn, services);
        return signedTheApplication(governor) || mn.registry.freezone.zone.DeciderRepresentsTheEntity.representsTheEntity(registrationId, company)
                ? acts.toTheApplicant() : acts;
    }

    // 003 art. 12.5: the governor removes the entity on a ground the registry raised (the year or the 12 months ran out, a court's decision)
    private Set<DeregistrationGround> groundsARemovalRestsOn() {
        return raised;
    }

    // 003 art. 12.5.2, 12.5.3, 26.2 (ADR 0035 item 60; abuse audit F269, was O165): item 49 refuses a resumption recorded after the court's
    // dissolution, save the honest late record: one whose document the registry received before the court's day. That document existed
    // before the court ruled, so it was not made to take F245's clawback away, and the resumption's day, not after its receipt
    // (DatedFact), is before the court's day too: the interruption had ended when the court decided, and F245 judges it so
    private void noResumptionRecordedAfterTheDissolutionUnlessShownBeforeIt(java.util.Optional<Dissolution> dissolution, Instant documentReceivedAt) {
        noOperationsRecordedAfterTheDissolution(dissolution.filter(recorded -> !shownBeforeTheCourtsDay(recorded, documentReceivedAt)));
    }

    // the rule the governor's desk offers the form by (ADR 0035 item 70) and the sweep keeps a notice by (item 76)
    private static boolean shownBeforeTheCourtsDay(Dissolution recorded, Instant documentReceivedAt) {
        return mn.registry.kernel.freezone.LateResumption.shownBeforeTheCourtsDay(documentReceivedAt, recorded.decidedOn());
    }

    /**
     * 003 art. 12.5.2, 12.5.3, 26.2 (ADR 0035 item 76; abuse audit F380, was O198): whether a resumption received on {@code receivedOn} could
     * rest on a document the registry received at {@code documentReceivedAt}, by the rules its handler refuses by: operations interrupted and
     * the 12 months running ({@link #actsAcceptedOn}), and after the entity's dissolution the document received before the court's day (item 60).
     * The sweep of uncited documents keeps a notice uploaded for the resumption while this holds.
     */
    boolean resumptionCouldRestOn(Instant documentReceivedAt, LocalDate receivedOn, RegistrationServices services) {
        return actsAcceptedOn(receivedOn, services).operationsResumed()
                && entitysDissolution(services).map(recorded -> shownBeforeTheCourtsDay(recorded, documentReceivedAt)).orElse(true);
    }

    // 003 art. 12.5.2: 12 consecutive months of interruption after operations started. 003 art. 26.2, 12.5.2 (the lead, ADR 0035 item 46;
    // abuse audit F239, was O140): since item 39 the interruption's first day decides the clawback of a 12.5.2 removal, so it rests on a
    // document (the governor's finding, the entity's notice), as the start's day does (item 23)
    @CommandHandler
    void handle(RegistrationCommands.RecordOperationsInterrupted body, CommandContext context, RegistrationServices services) {
        requireStatus(Status.REGISTERED, "freezone.not-registered", "003 art. 12.5.2");
        deciderIsNotTheApplicant(context, "003 art. 8.7.6, 12.5.2");
        noOperationsRecordedAfterTheDissolution(entitysDissolution(services));
        LocalDate on = requireDate(body.on());
        notInTheFuture(on, UlaanbaatarTime.dateOf(context.receivedAt()), "on", "003 art. 12.5.2");
        if (startedOn == null || on.isBefore(startedOn)) {
            throw RegistryProblem.conflict("freezone.operations-not-started", "Operations can be interrupted only after they started.", "003 art. 12.5.2");
        }
        if (interruptedOn != null) {
            throw RegistryProblem.conflict("freezone.operations-already-interrupted", "Operations are interrupted since " + interruptedOn + ".", "003 art. 12.5.2");
        }
        notBeforeTheLastResumption(on);
        DatedFact.INTERRUPTION.notAfterItsDocument(on, actRestsOnItsUploadedDocument(body.documentSha256(), services, "003 art. 12.5.2, 26.2"));
        apply(new RegistrationEvents.OperationsInterrupted(registrationId, on,
                LegalTerm.months(twelveMonthsCountFrom(on, UlaanbaatarTime.dateOf(context.receivedAt())), FreeZoneTerms.INTERRUPTION_MONTHS).lastDay(),
                context.actor(), body.documentSha256()));
    }

    /**
     * A day a governor states for a fact its uploaded document records. 003 art. 12.5.2 (ADR 0035 item 46; abuse audit F239): as a start
     * is not dated after the day the registry receives it (a date stated for a fact has happened), an interruption is not dated after the
     * day the registry received the document it rests on: a finding or a notice cannot show an interruption that had not begun when it was
     * received. 003 art. 12.5.1, 23.1-23.2 (the lead, ADR 0035 item 48; F246, was O143): the start likewise (a notice uploaded in March
     * naming June). 003 art. 12.5.1 (item 50; F248): the agreement's signing, which starts the year to start (a later day gains time).
     * 003 art. 12.5.2 (the lead, item 56; F263, was O150): the resumption, whose day ends the 12 months.
     * 003 art. 12.5.3, 26.2 (item 51; F249): the court's decision, whose day decides the clawback (a later day, past the agreement's end,
     * spares it). Judged by the registry's own receipt of the document, by its day in Ulaanbaatar (a notice uploaded the morning the
     * operations stop is that day's).
     */
    enum DatedFact {
        START("freezone.start-after-its-document", "on", "003 art. 12.5.1, 23.1-23.2", "operations started on"),
        INTERRUPTION("freezone.interruption-after-its-document", "on", "003 art. 12.5.2", "operations interrupted from"),
        RESUMPTION("freezone.resumption-after-its-document", "on", "003 art. 12.5.2", "operations resumed on"),
        AGREEMENT("freezone.agreement-after-its-document", "signedOn", "003 art. 12.5.1", "an agreement signed on"),
        COURT_DECISION("freezone.court-decision-after-its-document", "decidedOn", "003 art. 12.5.3, 26.2", "a court's decision of");

        private final String code;
        private final String field;
        private final String article;
        private final String shows;

        DatedFact(String code, String field, String article, String shows) {
            this.code = code;
            this.field = field;
            this.article = article;
            this.shows = shows;
        }

        void notAfterItsDocument(LocalDate day, Instant documentReceivedAt) {
            LocalDate received = UlaanbaatarTime.dateOf(documentReceivedAt);
            if (day.isAfter(received)) {
                throw RegistryProblem.invalid(code, "The registry received the document on " + received + "; it cannot show " + shows + " "
                        + day + ", a later day.", field, article);
            }
        }
    }

    // 003 art. 12.5.2 (choice, ADR 0035 item 17, abuse audit F121): the 12 months count from the day the interruption is recorded as
    // having begun; recorded more than LATE_INTERRUPTION_DAYS after that day, they count from its receipt. A governor who dates an
    // interruption 13 months back would make the ground due at once and leave the entity no time to show it resumed (F37 refuses a
    // resumption received after the 12 months); the day named stays recorded as stated
    static LocalDate twelveMonthsCountFrom(LocalDate on, LocalDate receivedOn) {
        return on.isBefore(receivedOn.minusDays(FreeZoneTerms.LATE_INTERRUPTION_DAYS)) ? receivedOn : on;
    }

    // 003 art. 12.5.2 (abuse audit F39): operations ran from the last resumption on; an interruption dated before it would overlap the
    // interruption already ended and move the 12 months (earlier, to raise the ground sooner)
    private void notBeforeTheLastResumption(LocalDate on) {
        if (resumedOn != null && on.isBefore(resumedOn)) {
            throw RegistryProblem.invalid("freezone.date-before-resumption", "Operations resumed on " + resumedOn + "; an interruption dated " + on
                    + ", before that, overlaps the interruption that ended then.", "on", "003 art. 12.5.2");
        }
    }

    // 003 art. 12.5.2: operations resumed within the 12 months keep the entity registered. (The lead, ADR 0035 item 56; abuse audit F263,
    // was O150) The resumption's day ends the 12 months and, since item 47, whether an interruption ran at a court's dissolution: on the
    // governor's word alone a resumption that never happened keeps a stopped entity registered past 12.5.2 and spares it 26.2's
    // clawback. It rests on its document (the entity's notice, the governor's finding), as the start's and the interruption's do
    @CommandHandler
    void handle(RegistrationCommands.RecordOperationsResumed body, CommandContext context, RegistrationServices services) {
        requireStatus(Status.REGISTERED, "freezone.not-registered", "003 art. 12.5.2");
        deciderIsNotTheApplicant(context, "003 art. 8.7.6, 12.5.2");
        LocalDate on = requireDate(body.on());
        notInTheFuture(on, UlaanbaatarTime.dateOf(context.receivedAt()), "on", "003 art. 12.5.2");
        if (interruptedOn == null || on.isBefore(interruptedOn)) {
            throw RegistryProblem.conflict("freezone.operations-not-interrupted", "Operations are not interrupted.", "003 art. 12.5.2");
        }
        java.util.List<FreeZoneTerms.Closure> closures = services.closures(zoneId); // read once for the window and the day (abuse audit O403)
        interruptionWindowOpenAtReceipt(UlaanbaatarTime.dateOf(context.receivedAt()), closures);
        notOnADayTheZoneWasClosed(on, closures, "003 art. 6.4, 12.5.2");
        Instant documentReceivedAt = actRestsOnItsUploadedDocument(body.documentSha256(), services, "003 art. 12.5.2");
        DatedFact.RESUMPTION.notAfterItsDocument(on, documentReceivedAt);
        noResumptionRecordedAfterTheDissolutionUnlessShownBeforeIt(entitysDissolution(services), documentReceivedAt);
        apply(new RegistrationEvents.OperationsResumed(registrationId, on, context.actor(), body.documentSha256()));
    }

    // 003 art. 6.4, 12.5.1-12.5.2 (abuse audit F164): while the Government has the zone's activities closed no entity starts or resumes
    // operations in it (and ADR 0035 item 21 moves the entities' periods by those days): a start or resumption dated on a closed day, from
    // the closure's day to the day before the reopening (every day from it, for a closure still in force), contradicts the registry's own
    // record of the zone. A start dated in a closure would also count the closed days as years of operation (23.1-23.2)
    static void notOnADayTheZoneWasClosed(LocalDate on, java.util.List<FreeZoneTerms.Closure> closures, String article) {
        for (FreeZoneTerms.Closure closure : closures) {
            if (!on.isBefore(closure.closedOn()) && (closure.reopenedOn() == null || on.isBefore(closure.reopenedOn()))) {
                throw RegistryProblem.invalid("freezone.date-in-closure", "The zone's activities were closed from " + closure.closedOn()
                        + (closure.reopenedOn() == null ? " and are still closed" : " until its reopening on " + closure.reopenedOn())
                        + "; no operations start or resume on " + on + ".", "on", article);
            }
        }
    }

    // 003 art. 12.5.3: a court decision to dissolve the entity is a ground, recorded with its reference
    @CommandHandler
    void handle(RegistrationCommands.RecordCourtDecision body, CommandContext context, RegistrationServices services) {
        requireStatus(Status.REGISTERED, "freezone.not-registered", "003 art. 12.5.3");
        deciderIsNotTheApplicant(context, "003 art. 8.7.6, 12.5.3");
        if (!saysSomething(body.reference())) {
            throw RegistryProblem.invalid("freezone.field-missing", "The court decision's reference is required.", "reference", "003 art. 12.5.3");
        }
        notInTheFuture(requireDate(body.decidedOn()), UlaanbaatarTime.dateOf(context.receivedAt()), "decidedOn", "003 art. 12.5.3");
        courtDecisionNotBeforeTheCertificate(body.decidedOn());
        oneCourtDecisionPerRegistration();
        DatedFact.COURT_DECISION.notAfterItsDocument(body.decidedOn(), actRestsOnItsUploadedDocument(body.documentSha256(), services,
                "003 art. 12.5.3, 26.2"));
        services.courtDecisionRecordedElsewhere(body.documentSha256()).ifPresent(first -> theDecisionTheEntitysOtherZoneRecorded(body, first));
        apply(new RegistrationEvents.CourtDissolutionRecorded(registrationId, body.reference(), body.decidedOn(), body.bankruptcy(), context.actor(),
                body.documentSha256()));
        if (!raised.contains(DeregistrationGround.COURT_DECISION)) {
            apply(new RegistrationEvents.DeregistrationGroundRaised(registrationId, DeregistrationGround.COURT_DECISION,
                    DeregistrationGround.COURT_DECISION.article(), body.decidedOn(), context.receivedAt(), context.actor()));
        }
    }

    // 003 art. 12.5.3, 26.2 (ADR 0035 item 64; abuse audit F273): since item 62 the entity's registrations in every zone record one court
    // decision on its one document; its day and whether it declares a bankruptcy are the decision's, not the zone's: another day moves the
    // stop around the agreement's end, and a bankruptcy the first record did not find takes 26.2's exception, for one registration of the
    // entity only. The reference is the governor's spelling of the decision's number and is not compared
    private void theDecisionTheEntitysOtherZoneRecorded(RegistrationCommands.RecordCourtDecision body, RegistrationEvents.CourtDissolutionRecorded first) {
        String differs = !body.decidedOn().equals(first.decidedOn()) ? "decidedOn" : body.bankruptcy() != first.bankruptcy() ? "bankruptcy" : null;
        if (differs != null) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.court-decision-differs", "This court decision was recorded for "
                    + first.registrationId() + " as decided on " + first.decidedOn() + (first.bankruptcy() ? ", declaring a bankruptcy" : ", declaring no "
                    + "bankruptcy") + "; the same decision is recorded for the entity's other registrations as it was.", differs, "003 art. 12.5.3, 26.2");
        }
    }

    // 003 art. 12.5.3 (abuse audit F88): the court dissolves the entity the governor registered: a decision dated before its certificate
    // (1990-01-01) was not about this registration, and would be published as the ground's first day, years before the entity was here
    private void courtDecisionNotBeforeTheCertificate(LocalDate decidedOn) {
        if (decidedOn.isBefore(certificateIssuedOn)) {
            throw RegistryProblem.invalid("freezone.date-before-registration", "A court decision of " + decidedOn + " to dissolve " + registrationId
                    + " is dated before its certificate of " + certificateIssuedOn + ".", "decidedOn", "003 art. 12.5.3");
        }
    }

    // 003 art. 12.5.3, 26.2 (abuse audit F44): the court's decision to dissolve is recorded once: a second one, "in bankruptcy", would
    // replace the first and spare the entity the tax clawback of 26.2 (a correction is a matter for the court, not a second record)
    private void oneCourtDecisionPerRegistration() {
        if (courtDecidedOn != null) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.court-decision-already-recorded", "The court's decision of "
                    + courtDecidedOn + " to dissolve " + registrationId + " is recorded already.", "reference", "003 art. 12.5.3, 26.2");
        }
    }

    /** The registry raises 12.5.1 / 12.5.2 itself; asking again, or too early, changes nothing. */
    @CommandHandler
    void handle(RegistrationStreamCommands.RaiseGroundIfDue command, RegistrationServices services) {
        if (status != Status.REGISTERED || raised.contains(command.ground())) {
            return;
        }
        LocalDate due = switch (command.ground()) {
            case NOT_STARTED_WITHIN_ONE_YEAR -> notStartedBy(startDue(services.closures(zoneId), command.today()));
            case INTERRUPTED_TWELVE_MONTHS -> resumeDue(services.closures(zoneId), command.today());
            case COURT_DECISION -> null;
        };
        if (due == null) {
            return;
        }
        if (!command.today().isAfter(due)) {
            dueMovedByClosure(command.ground(), due, command.at());
            return;
        }
        apply(new RegistrationEvents.DeregistrationGroundRaised(registrationId, command.ground(), command.ground().article(), due.plusDays(1),
                command.at(), null));
    }

    // 003 art. 6.4, 12.5.1, 12.5.2 (choice, ADR 0035 item 21; abuse audit F129): an entity can neither start nor resume operations in a
    // zone whose activities the Government closed, so the days of a temporary closure do not count toward the year to start or the 12
    // months of interruption: else a closure (proposed by the Cabinet member, 6.4), or a long one such as a border closed in an epidemic,
    // would raise the ground of every entity still waiting to start, and its deregistration would take its land (22.6) and claw back its
    // tax credits (26.2). When the deadline falls due inside a moved period, the move is recorded once and the deadline starts again
    private void dueMovedByClosure(DeregistrationGround ground, LocalDate due, Instant at) {
        LocalDate lawDue = ground == DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR ? startDueBy : resumeDueBy;
        if (due.equals(lawDue) || due.equals(movedDue.get(ground))) {
            return; // not moved (a stale deadline), or moved to this day already
        }
        apply(new RegistrationEvents.GroundDueMovedByClosure(registrationId, ground, due, java.time.temporal.ChronoUnit.DAYS.between(lawDue, due),
                "003 art. 6.4, " + ground.article().substring("003 art. ".length()), at));
    }

    // 003 art. 12.5.1: the year's last day if operations did not start by then (a start recorded after it predates F36's refusal)
    private LocalDate notStartedBy(LocalDate due) {
        return periods().notStartedBy(due);
    }

    /** The last day of the year to start at {@code today}, moved by the zone's closures within it (ADR 0035 item 21); null if none runs. */
    private LocalDate startDue(java.util.List<FreeZoneTerms.Closure> closures, LocalDate today) {
        return periods().startDue(closures, today);
    }

    /** The last day of the 12 months of interruption at {@code today}, moved likewise; null if operations are not interrupted. */
    private LocalDate resumeDue(java.util.List<FreeZoneTerms.Closure> closures, LocalDate today) {
        return interruptedOn == null ? null : periods().resumeDue(closures, today);
    }

    // 003 art. 8.7.6, 12.5: the governor deregisters on a ground that is due; 22.6 land rights go on 12.5.1/12.5.2; 26.2 tax clawback when it stops early
    @CommandHandler
    void handle(RegistrationCommands.DeregisterEntity body, CommandContext context) {
        requireStatus(Status.REGISTERED, "freezone.not-registered", "003 art. 12.5");
        deciderIsNotTheApplicant(context, "003 art. 8.7.6, 12.5");
        mn.registry.freezone.zone.ReadableText.requireReadable(body.reasons(), "reasons", "003 art. 12.5"); // F89: published as signed
        DeregistrationGround ground = body.ground();
        if (ground == null || !groundsARemovalRestsOn().contains(ground)) {
            throw RegistryProblem.conflict("freezone.ground-not-raised", "Ground " + (ground == null ? "(none)" : ground.article())
                    + " has not been raised for " + registrationId + "; raised: " + raised + ".", "003 art. 12.5");
        }
        apply(new RegistrationEvents.EntityDeregistered(registrationId, zoneId, ground, ground.article(), body.reasons(), context.receivedAt(),
                true /* land rights end on every ground: 22.6, 22.7 (ADR 0035 item 16) */, taxClawbackDue(stoppedOn(
                UlaanbaatarTime.dateOf(context.receivedAt()))), context.actor()));
    }

    // 003 art. 26.2, 12.5 (ADR 0035 item 38; abuse audit F177): the entity stopped when its ground for removal arose, not when the governor
    // got round to recording the removal: a deregistration received after the agreement's end, on a ground that arose before it, would
    // otherwise spare the entity the clawback by the governor's delay alone. A ground stored without its day counts from the receipt.
    // (ADR 0035 item 42; abuse audit F236) The earliest day any raised ground shows, whichever ground the removal is recorded on: with two
    // raised, the governor's choice of ground would otherwise decide the clawback for an entity that stopped on the same day
    // (the lead, ADR 0035 item 47; abuse audit F245, was O142) and the first day of an interruption still running when the court decided
    private LocalDate stoppedOn(LocalDate receivedOn) {
        return java.util.stream.Stream.concat(raised.stream().map(this::stopShownBy), java.util.stream.Stream.of(interruptionRunningAtTheDissolution()))
                .filter(java.util.Objects::nonNull).filter(day -> day.isBefore(receivedOn)).min(LocalDate::compareTo).orElse(receivedOn);
    }

    // 003 art. 26.2, 12.5.2 (the lead, ADR 0035 item 47; abuse audit F245, was O142): the 12 months of 12.5.2 exist because an interrupted
    // entity might resume; one dissolved by a court while interrupted no longer can, so its cessation is shown from the interruption's
    // first day, not from the court's decision: for the 26.2 stop only (no ground is raised by it). An interruption the entity resumed
    // from by the decision's day, or one begun after it, shows none
    private LocalDate interruptionRunningAtTheDissolution() {
        if (courtDecidedOn == null || !raised.contains(DeregistrationGround.COURT_DECISION) || lastInterruptionBegan == null
                || lastInterruptionBegan.isAfter(courtDecidedOn)) {
            return null;
        }
        boolean running = interruptedOn != null || resumedOn != null && resumedOn.isAfter(courtDecidedOn);
        return running ? lastInterruptionBegan : null;
    }

    // 003 art. 26.2, 12.5.2 (the lead, ADR 0035 item 39; abuse audit F178, was O135): "interruption or cessation of operation ... for a
    // consecutive 12 months' period": the 12 months prove the cessation, which began on the interruption's first day (as stated, not the
    // later day item 17 counts the months from: that would give back the delay item 38 took away). Other grounds: the day they arose
    private LocalDate stopShownBy(DeregistrationGround ground) {
        return ground == DeregistrationGround.INTERRUPTED_TWELVE_MONTHS && interruptedOn != null ? interruptedOn : groundArose.get(ground);
    }

    // 003 art. 26.2: stopping before the agreement with the governor ends, other than by bankruptcy, turns tax credits and exemptions into tax debt
    private boolean taxClawbackDue(LocalDate stop) {
        return agreementEndsOn != null && stop.isBefore(agreementEndsOn) && !stoppedByBankruptcy(stop);
    }

    // 003 art. 26.2 (the lead, ADR 0035 item 44; abuse audit F237, was O141): "cessation of operation ... for reasons other than bankruptcy":
    // an entity whose operations stopped before its bankruptcy did not stop by reason of it, so the exception holds only when no raised
    // ground shows a stop earlier than the court's bankruptcy decision (the same day keeps it). (ADR 0035 item 45; F238) Whatever ground the
    // removal is recorded on, as the stop itself (item 42): a governor removing on 12.5.2 an entity that stopped by its bankruptcy would
    // otherwise impose the clawback the law spares it. (Item 47; F245) The stop includes an interruption running on the court's day
    private boolean stoppedByBankruptcy(LocalDate stop) {
        return bankruptcy && courtDecidedOn != null && raised.contains(DeregistrationGround.COURT_DECISION) && !courtDecidedOn.isAfter(stop);
    }

    /**
     * 003 art. 12.5.3, 22.6, 22.7 (the lead's reading, ADR 0035 item 85; abuse audit F417, was O238): a court's dissolution of the entity recorded
     * in another zone is this zone's governor's to record here too (this zone's licences are theirs to end, and a decision may be contested,
     * item 68): the registry gives them 5 business days (the registration's review period, 003 art. 8.7, 12.2: choice) and escalates it once
     * on the desk. Raised once per open duty, on a registration the decision concerns ({@link #courtDecisionElsewhereIsToBeRecordedHere}).
     */
    @CommandHandler
    void handle(RegistrationStreamCommands.RaiseCourtDecisionDuty command, RegistrationServices services) {
        if (!courtDecisionElsewhereIsToBeRecordedHere(command.decidedOn())) {
            return;
        }
        Deadline due = services.due(command.raisedAt(), FreeZoneTerms.REVIEW);
        apply(new RegistrationEvents.CourtDecisionToRecord(registrationId, command.recordedIn(), command.reference(), command.decidedOn(), due.due(),
                due.calendarVersion(), command.raisedAt(), DeregistrationGround.COURT_DECISION.article()));
    }

    // ADR 0035 items 67, 85: registered here now, no decision recorded here and no duty open, and the decision dated on or after this
    // registration's certificate (one before it was not about this registration, F88); (item 88, F418) nor the decision whose recording
    // the governor declined with reasons: the entity's third zone recording it too raises no second duty for it
    private boolean courtDecisionElsewhereIsToBeRecordedHere(LocalDate decidedOn) {
        return status == Status.REGISTERED && courtDecidedOn == null && courtDecisionDueOn == null && certificateIssuedOn != null
                && decidedOn != null && !decidedOn.isBefore(certificateIssuedOn) && !decidedOn.equals(courtDecisionDeclinedFor);
    }

    /**
     * 003 art. 12.5.3 (ADR 0035 items 68, 88; abuse audit F418, was O256): the governor ends F417's duty without recording the decision here,
     * with their reasons (published: screened as {@code @PublishedText}) and the document they rest on (the appeal, the state register's
     * extract of a successor under the number, item 68), received by the registry no later than the act. Only while the duty is open (not
     * after the decision was recorded here, the entity removed, or a first decline), and not by the governor who signed the entity's
     * application (F81, F83). Recording the decision later stays open to them: a decline refuses nothing.
     */
    @CommandHandler
    void handle(RegistrationCommands.DeclineCourtDecisionRecording body, CommandContext context, RegistrationServices services) {
        String article = DeregistrationGround.COURT_DECISION.article();
        courtDecisionDutyIsOpen(article);
        deciderIsNotTheApplicant(context, "003 art. 8.7.6, 12.5.3");
        if (!saysSomething(body.reasons())) {
            throw RegistryProblem.invalid("freezone.field-missing", "The reasons for not recording the court's decision here are required.",
                    "reasons", article);
        }
        Instant documentReceivedAt = actRestsOnItsUploadedDocument(body.documentSha256(), services, article);
        documentReceivedNoLaterThanTheAct(documentReceivedAt, context, article);
        apply(new RegistrationEvents.CourtDecisionRecordingDeclined(registrationId, courtDecisionDutyDecidedOn, body.reasons().strip(),
                body.documentSha256(), context.actor(), context.receivedAt(), article));
    }

    // 003 art. 12.5.3 (ADR 0035 item 88; F418): a decline ends an open duty: none raised, the decision recorded here, the entity removed,
    // or the duty declined once already leave nothing to decline
    private void courtDecisionDutyIsOpen(String article) {
        if (status != Status.REGISTERED || courtDecisionDueOn == null) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.no-court-decision-to-record", "No court decision recorded in another "
                    + "zone is open for " + registrationId + " to record or decline.", "registrationId", article);
        }
    }

    // 003 art. 12.5.3 (ADR 0035 item 88; F418): the reasons rest on a document the registry held when it received the act (as F400's)
    private static void documentReceivedNoLaterThanTheAct(Instant documentReceivedAt, CommandContext context, String article) {
        if (documentReceivedAt.isAfter(context.receivedAt())) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.document-received-after-the-act", "The document was received at "
                    + documentReceivedAt + ", after the registry received this act (" + context.receivedAt() + "); sign the act again.",
                    "documentSha256", article);
        }
    }

    // 003 art. 12.5.3 (ADR 0035 item 85; F417): a court decision recorded elsewhere and not here within its business days is escalated once;
    // (item 94; F470, was O276) on its last day as the calendar in force at the firing counts it
    @CommandHandler
    void handle(RegistrationStreamCommands.EscalateCourtDecisionDuty command, RegistrationServices services) {
        if (status != Status.REGISTERED || courtDecisionDueOn == null || courtDecisionDutyEscalated) {
            return;
        }
        LocalDate lastDay = courtDecisionLastDayOnTheCalendarInForce(services);
        if (!UlaanbaatarTime.dateOf(command.firedAt()).isAfter(lastDay)) {
            return;
        }
        apply(new RegistrationEvents.CourtDecisionToRecordOverdue(registrationId, lastDay, command.firedAt(),
                DeregistrationGround.COURT_DECISION.article()));
    }

    /**
     * 003 art. 12.5.3; domain-rules §2 (ADR 0035 item 94; abuse audit F470, was O276): the duty's escalation is judged against the calendar in
     * force when the registry handles it, not against the last day the deadline service held: a day of mourning declared on the last day
     * itself moves it, and a deadline service behind at midnight fires the escalation before it handled the declaration. The last day is
     * counted again from the duty's day 0; a day it moved is recorded ({@code CourtDecisionToRecordDueRecomputed}, the event of the
     * service's own recompute), which schedules the deadline again for it. A duty stored before item 89 names no calendar and keeps its day.
     */
    private LocalDate courtDecisionLastDayOnTheCalendarInForce(RegistrationServices services) {
        if (courtDecisionDutyRaisedOn == null) {
            return courtDecisionDueOn;
        }
        new HeldDeadline(courtDecisionDutyRaisedOn, FreeZoneTerms.REVIEW, courtDecisionDueOn).movedOn(services::dueOnTheCalendarInForceNow)
                .ifPresent(moved -> apply(new RegistrationEvents.CourtDecisionToRecordDueRecomputed(registrationId, courtDecisionDutyRaisedOn,
                        moved.due(), moved.calendarVersion(), DeregistrationGround.COURT_DECISION.article())));
        return courtDecisionDueOn;
    }

    /**
     * 003 art. 12.5.3; domain-rules §2 (ADR 0035 item 89; abuse audit O259): a calendar change moves the open duty's last day as it moves the
     * review's ({@link #handle(RegistrationStreamCommands.RecomputeReviewDue)}): the Cabinet member records the change (the Government's act,
     * never the governor's), and the calendar refuses a change of a day before its receipt, so a change received after the last day finds
     * nothing to move. An escalation already recorded stands: the duty's deadline ended with it, and its badge is not taken back.
     */
    @CommandHandler
    void handle(RegistrationStreamCommands.RecomputeCourtDecisionDue command) {
        if (status != Status.REGISTERED || courtDecisionDueOn == null || courtDecisionDutyEscalated || command.due().equals(courtDecisionDueOn)) {
            return;
        }
        apply(new RegistrationEvents.CourtDecisionToRecordDueRecomputed(registrationId, command.raisedOn(), command.due(), command.calendarVersion(),
                DeregistrationGround.COURT_DECISION.article()));
    }

    // 003 art. 12.2: a review not decided within 5 business days is escalated once; it is never registered by silence; (ADR 0035 item 94;
    // F470) judged against the calendar in force at the firing, as the court decision's duty
    @CommandHandler
    void handle(RegistrationStreamCommands.EscalateOverdueReview command, RegistrationServices services) {
        if (status != Status.APPLIED || reviewEscalated) {
            return;
        }
        if (!command.firedAt().isAfter(reviewDueAtOnTheCalendarInForce(services))) {
            return;
        }
        apply(new RegistrationEvents.ZoneRegistrationReviewOverdue(registrationId, reviewDue, command.firedAt(), FreeZoneTerms.REVIEW_ARTICLE));
    }

    /**
     * 003 art. 12.2; domain-rules §2 (ADR 0035 item 94; F470, was O276): the review's 5 business days counted again from its receipt on the
     * calendar in force when the escalation is handled; a day it moved is recorded ({@code ZoneRegistrationReviewDueRecomputed}), which
     * schedules the deadline again for it.
     */
    private Instant reviewDueAtOnTheCalendarInForce(RegistrationServices services) {
        new HeldDeadline(receivedOn, FreeZoneTerms.REVIEW, reviewDue).movedOn(services::dueOnTheCalendarInForceNow)
                .ifPresent(moved -> apply(new RegistrationEvents.ZoneRegistrationReviewDueRecomputed(registrationId, receivedOn, moved.due(),
                        moved.dueAt().toInstant(), moved.calendarVersion(), FreeZoneTerms.REVIEW_ARTICLE)));
        return reviewDueAt;
    }

    // 003 art. 12.2: a calendar change moves the review due date of an application still under review
    @CommandHandler
    void handle(RegistrationStreamCommands.RecomputeReviewDue command) {
        if (status != Status.APPLIED || command.due().equals(reviewDue)) {
            return;
        }
        apply(new RegistrationEvents.ZoneRegistrationReviewDueRecomputed(registrationId, receivedOn, command.due(), command.dueAt(),
                command.calendarVersion(), FreeZoneTerms.REVIEW_ARTICLE));
    }

    // 003 art. 12.2, 12.5.3: a reason or reference of no-break or zero-width spaces only says nothing (String.isBlank sees neither)
    static boolean saysSomething(String reason) {
        return !mn.registry.kernel.problem.VisibleText.saysNothing(reason);
    }

    private void requireStatus(Status expected, String code, String article) {
        if (status != expected) {
            throw RegistryProblem.conflict(code, registrationId + " is " + status + ", not " + expected + ".", article);
        }
    }

    // ADR 0013 §7: a date a governor states for a fact of 12.5 has happened: it is not after the registry's local date of receipt
    static void notInTheFuture(LocalDate date, LocalDate receivedOn, String field, String article) {
        if (date.isAfter(receivedOn)) {
            throw RegistryProblem.invalid("freezone.date-in-future", "The date " + date + " is after the day of receipt " + receivedOn + ".",
                    field, article);
        }
    }

    private static LocalDate requireDate(LocalDate date) {
        if (date == null) {
            throw RegistryProblem.invalid("freezone.field-missing", "The date is required.", "on", "003 art. 12.5");
        }
        return date;
    }

    /** 003 art. 12.5.1, 12.5.2: the year to start and the 12 months of interruption as the fields below keep them (the snapshot's shape). */
    private RunningPeriods periods() {
        return new RunningPeriods(startRunsFrom, startDueBy, startedOn, interruptionRunsFrom, resumeDueBy);
    }

    /** The periods after {@code event}, by their one fold ({@link RunningPeriods#after}, the land register's too: ADR 0035 item 101). */
    private void periodsAfter(Object event) {
        RunningPeriods after = periods().after(event, certificateIssuedOn);
        startRunsFrom = after.startRunsFrom();
        startDueBy = after.startDueBy();
        startedOn = after.startedOn();
        interruptionRunsFrom = after.interruptionRunsFrom();
        resumeDueBy = after.resumeDueBy();
    }

    @EventSourcingHandler
    void on(RegistrationEvents.ZoneRegistrationApplied event) {
        periodsAfter(event);
        stream = RegistrationStreamCommands.stream(event.registrationId());
        registrationId = event.registrationId();
        zoneId = event.zoneId();
        entity = event.entity();
        activity = event.activity();
        status = Status.APPLIED;
        certificateIssuedOn = null;
        agreementSignedOn = null;
        agreementEndsOn = null;
        interruptedOn = null;
        lastInterruptionBegan = null;
        resumedOn = null;
        bankruptcy = false;
        courtDecidedOn = null;
        courtDecisionDueOn = null;
        courtDecisionDutyEscalated = false;
        courtDecisionDutyRaisedOn = null;
        courtDecisionDutyDecidedOn = null;
        courtDecisionDeclinedFor = null;
        raised.clear();
        groundArose.clear();
        receivedOn = UlaanbaatarTime.dateOf(event.receivedAt());
        appliedBy = event.signedBy();
        reviewDue = event.reviewDue();
        reviewDueAt = event.reviewDueAt();
        reviewEscalated = false;
        if (event.documents() != null) {
            event.documents().forEach(d -> citedDocuments.add(d.sha256()));
        }
        applicationsFeeReceipt = feeReceiptOf(event.documents()).orElse(null);
    }

    @EventSourcingHandler
    void on(RegistrationEvents.ZoneRegistrationReviewOverdue event) {
        reviewEscalated = true;
    }

    @EventSourcingHandler
    void on(RegistrationEvents.ZoneRegistrationReviewDueRecomputed event) {
        reviewDue = event.reviewDue();
        reviewDueAt = event.reviewDueAt();
    }

    @EventSourcingHandler
    void on(RegistrationEvents.EntityRegistered event) {
        status = Status.REGISTERED;
        certificatesIssued++;
        periodsAfter(event); // ADR 0035 item 6: the year runs from the certificate until an agreement
        certificateIssuedOn = event.certificate().issuedOn();
        movedDue.clear();
        if (applicationsFeeReceipt != null) {
            feeReceiptsSpent.add(applicationsFeeReceipt);
        }
    }

    @EventSourcingHandler
    void on(RegistrationEvents.ZoneRegistrationRejected event) {
        status = Status.REJECTED;
    }

    @EventSourcingHandler
    void on(RegistrationEvents.InvestmentAgreementRecorded event) {
        periodsAfter(event);
        agreementSignedOn = event.signedOn();
        agreementEndsOn = event.endsOn();
        movedDue.remove(DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR);
        if (event.documentSha256() != null) {
            citedDocuments.add(event.documentSha256());
        }
    }

    @EventSourcingHandler
    void on(RegistrationEvents.GroundDueMovedByClosure event) {
        movedDue.put(event.ground(), event.dueBy());
    }

    @EventSourcingHandler
    void on(RegistrationEvents.OperationsStarted event) {
        periodsAfter(event);
        if (event.documentSha256() != null) {
            citedDocuments.add(event.documentSha256());
        }
    }

    @EventSourcingHandler
    void on(RegistrationEvents.OperationsInterrupted event) {
        if (event.documentSha256() != null) {
            citedDocuments.add(event.documentSha256());
        }
        periodsAfter(event);
        interruptedOn = event.on();
        lastInterruptionBegan = event.on();
        movedDue.remove(DeregistrationGround.INTERRUPTED_TWELVE_MONTHS);
    }

    @EventSourcingHandler
    void on(RegistrationEvents.OperationsResumed event) {
        if (event.documentSha256() != null) {
            citedDocuments.add(event.documentSha256());
        }
        periodsAfter(event);
        resumedOn = event.on();
        interruptedOn = null;
    }

    @EventSourcingHandler
    void on(RegistrationEvents.CourtDecisionToRecord event) {
        courtDecisionDueOn = event.dueOn();
        courtDecisionDutyEscalated = false;
        courtDecisionDutyDecidedOn = event.decidedOn();
        courtDecisionDutyRaisedOn = event.calendarVersion() == null ? null : UlaanbaatarTime.dateOf(event.raisedAt());
    }

    @EventSourcingHandler
    void on(RegistrationEvents.CourtDecisionToRecordDueRecomputed event) {
        courtDecisionDueOn = event.dueOn();
    }

    @EventSourcingHandler
    void on(RegistrationEvents.CourtDecisionRecordingDeclined event) {
        courtDecisionDueOn = null; // ADR 0035 item 88: declined with reasons, the duty ends
        courtDecisionDeclinedFor = event.decidedOn();
        citedDocuments.add(event.documentSha256());
    }

    @EventSourcingHandler
    void on(RegistrationEvents.CourtDecisionToRecordOverdue event) {
        courtDecisionDutyEscalated = true;
    }

    @EventSourcingHandler
    void on(RegistrationEvents.CourtDissolutionRecorded event) {
        bankruptcy = event.bankruptcy();
        courtDecidedOn = event.decidedOn();
        courtDecisionDueOn = null; // ADR 0035 item 85: recorded here, the duty ends
        if (event.documentSha256() != null) {
            citedDocuments.add(event.documentSha256());
        }
    }

    @EventSourcingHandler
    void on(RegistrationEvents.DeregistrationGroundRaised event) {
        raised.add(event.ground());
        if (event.since() != null) {
            groundArose.put(event.ground(), event.since());
        }
    }

    @EventSourcingHandler
    void on(RegistrationEvents.EntityDeregistered event) {
        status = Status.DEREGISTERED;
        deregisteredOn = UlaanbaatarTime.dateOf(event.deregisteredAt());
        deregisteredOnGround = event.ground();
        courtDecisionDueOn = null; // ADR 0035 item 85: removed here, nothing is left to record
    }

    Status status() {
        return status;
    }
}
