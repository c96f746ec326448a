package mn.registry.freezone.land;

import mn.registry.command.api.CommandContext;
import mn.registry.document.DocumentCitation;
import mn.registry.freezone.zone.Zones;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.FreeZoneTerms;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.locationtech.jts.geom.Polygon;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The land register of one zone (003 art. 22-23): the entities' applications for land use and the governor's decision on
 * each (once), every licence, so that a parcel is never licensed twice for overlapping periods and the area licensed at
 * any day never exceeds the zone's area, and the Government's fee exemptions. It handles the signed kernel bodies with their
 * {@link CommandContext}; the zone's boundary, area and state, the applicant's registration standing and the documents
 * received it asks of {@link LandServices} at the registry's time of receipt (ADR 0026).
 */
@Aggregate(commandTargetResolver = "zoneLandTarget")
class ZoneLand {

    /** A licence as the register keeps it. */
    record Licence(LandLicenceId id, RegistrationId holder, Polygon parcel, BigDecimal hectares, LocalDate from, LocalDate until,
                   Money nominalValue, boolean issued, boolean revoked) {

        boolean activeDuring(LocalDate first, LocalDate last) {
            return !revoked && !from.isAfter(last) && !until.isBefore(first);
        }

        boolean activeOn(LocalDate day) {
            return activeDuring(day, day);
        }
    }

    /** An entity's application for land use as the register keeps it; decided once (003 art. 22.2). */
    record Application(LandApplicationId id, RegistrationId applicant, Polygon parcel, String purpose, LocalDate from, LocalDate until,
                       LandCommands.AllocationMethod method, Decision decision, Instant receivedAt) {

        Application decided(Decision outcome) {
            return new Application(id, applicant, parcel, purpose, from, until, method, outcome, receivedAt);
        }
    }

    enum Decision { PENDING, GRANTED, REFUSED, WITHDRAWN }

    @AggregateIdentifier
    private String stream;
    private ZoneId zoneId;
    private final Map<LandLicenceId, Licence> licences = new LinkedHashMap<>();
    private final Map<LandApplicationId, Application> applications = new LinkedHashMap<>();
    private int exemptions;
    /** The Government's exemptions recorded here (ADR 0035 item 28, F168): what decision exempts whom, for which days. */
    private final List<LandEvents.LandFeeExemptionGranted> exempted = new ArrayList<>();
    /** Who signed each application as the entity's representative (F83): not kept in {@link Application}, whose shape tests build. */
    private final Map<LandApplicationId, PersonId> appliedBy = new java.util.HashMap<>();
    /** The receipts of the fees that issued this zone's certificates, as read by {@link #receiptKey} (F84). */
    private final Map<String, LandLicenceId> receipts = new java.util.HashMap<>();
    /** The last day to pay each licence's fee (F125), for licences granted since the rule; not kept in {@link Licence}, whose shape tests build. */
    private final Map<LandLicenceId, LocalDate> feeDueBy = new java.util.HashMap<>();
    /** The licences whose rights lapsed unpaid (F125); in {@link #licences} they are no longer in force, as revoked ones. */
    private final java.util.Set<LandLicenceId> lapsed = new java.util.HashSet<>();
    /** The licences whose holder reported the fee paid by its last day (F131): they do not lapse. */
    private final java.util.Set<LandLicenceId> paymentReported = new java.util.HashSet<>();
    /** The receipts' documents those reports named (F131): one payment's receipt reports one licence's fee in this zone. */
    private final java.util.Set<String> reportedReceipts = new java.util.HashSet<>();
    /** The document each licence's holder reported its fee paid with (F528): the governor's certificate names it, or says why not. */
    private final Map<LandLicenceId, String> reportedReceiptOf = new java.util.HashMap<>();
    /** The Government's basic values of land recorded for this zone (003 art. 22.3; ADR 0035 item 108, F529), in the order received. */
    private final List<LandEvents.LandBaseValueRecorded> baseValues = new ArrayList<>();
    /** The receipt of each lower value's second signature (ADR 0035 item 142, F574), by the value's number: in force from it. */
    private final Map<Integer, Instant> baseValueConfirmedAt = new java.util.HashMap<>();
    /** The receipts' documents (SHA-256, well-formed: lower case) each licence's report or certificate rests on (F502): one payment pays one licence's fee. */
    private final Map<String, LandLicenceId> receiptDocuments = new java.util.HashMap<>();
    /** The tenders' and auctions' results recorded in this zone (003 art. 22.4; ADR 0035 item 130, F541), by the application each selected. */
    private final Map<LandApplicationId, LandEvents.LandSelectionResultRecorded> selections = new java.util.HashMap<>();
    /** The results annulled before a grant (ADR 0035 item 146, F582), by the application each had selected, the last annulment kept. */
    private final Map<LandApplicationId, LandEvents.LandSelectionResultAnnulled> annulledSelections = new java.util.HashMap<>();
    /** The documents of those annulled results (ADR 0035 item 148): not a new result's document again (they stay claimed by the annulled one). */
    private final java.util.Set<String> annulledResultDocuments = new java.util.HashSet<>();
    /**
     * The day each holder concluded its first land use agreement in this zone (003 art. 23.3): the local day its first rights were granted,
     * whatever became of them since (ADR 0035 item 34, F173).
     */
    private final Map<RegistrationId, LocalDate> firstAgreementConcludedOn = new java.util.HashMap<>();

    ZoneLand() {
    }

    // 003 art. 22.2, 22.4, 8.7.7: an entity registered in the zone applies for land use, by its representative, naming parcel, purpose, period and route
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    LandApplicationId handle(LandCommands.ApplyForLandUse body, CommandContext context, LandServices services) {
        Zones.Zone zone = services.zone(body.zoneId());
        applicationIsComplete(body);
        entityMayApplyForLand(zone, body.applicant(), services, Signer.of(context));
        periodDoesNotStartBeforeReceipt(body.from(), context.receivedAt());
        periodStartsWithinAYearOfReceipt(body.from(), context.receivedAt());
        periodIsAtMostTheLongest(body.from(), body.until(), services.maxLandYears());
        Polygon parcel = parcelIsAPolygon(body.parcel());
        parcelLiesInsideTheZone(parcel, ParcelGeometry.polygon(zone.boundary()));
        parcelHasAPublishableArea(parcel); // after the boundary: a parcel of huge coordinates has no finite area to round
        LandApplicationId id = LandApplicationId.of(body.zoneId(), applications.size() + 1);
        apply(new LandEvents.LandUseApplied(body.zoneId(), id, body.applicant(), body.parcelName(), body.parcel(), ParcelGeometry.hectares(parcel),
                body.purpose().strip(), body.from(), body.until(), body.method(), context.receivedAt(), context.actor()));
        return id;
    }

    /**
     * 003 art. 6.4, 12.1, 12.2, 12.5, 22.2 (ADR 0035 item 84; abuse audit F402): the rules of an application for land that what it names (parcel,
     * period, purpose) does not change, in the handler's order: the zone open, the entity registered in it now with no ground of 12.5 raised
     * (F399's dissolution recorded in another zone included), and the application signed for its own entity ({@link #representativeActsForTheirOwnEntity},
     * F507, asked first: ADR 0035 item 105) by its representative ({@link #signerRepresentsTheEntity}, item 103). The holder's page is answered by the same method
     * ({@link mn.registry.kernel.freezone.LandActs.OfTheZone#applicationBy}), with the signed-in person's company now (F525).
     */
    static void entityMayApplyForLand(Zones.Zone zone, RegistrationId applicant, LandServices services, Signer signer) {
        Instant receivedAt = signer.receivedAt();
        zoneIsOpen(zone.open(), zone.zoneId());
        entityIsOfThisZone(applicant, zone.zoneId(), "applicant");
        LandHolders.Holder standing = services.standing(applicant, zone);
        registrationIsCurrent(standing, applicant, "applicant");
        landApplicantHasNotCeased(applicant, services);
        noGroundForLosingLandIsRaised(standing, "applicant");
        noGroundForLosingLandIsDue(standing, UlaanbaatarTime.dateOf(receivedAt), "applicant");
        representativeActsForTheirOwnEntity(applicant, signer, "applicant", OWN_ENTITY_APPLICATION_ARTICLE);
        signerRepresentsTheEntity(standing, signer, APPLY, services);
    }

    /** The refusal's code when a land applicant's Mongolian company has ended since its registration (F606). */
    public static final String LAND_APPLICANT_CEASED = "freezone.land-applicant-ceased";

    // 003 art. 22; 002 art. 29.1.2, 23.3 (ADR 0035 item 164, the lead's reading, choice; abuse audit F606, was O452): a registered zone
    // entity whose Mongolian company the registry holds ended at the receipt (liquidated, no complaint upheld; or ended by a
    // reorganisation), after its registration or before, applies for no land: a company that no longer exists holds no rights. An upheld
    // complaint lifts it from its receipt. Judged at the registry's receipt from the permit register's memory; a foreign entity is not concerned
    static void landApplicantHasNotCeased(RegistrationId applicant, LandServices services) {
        String number = applicant.mongolianRegistrationNumber();
        if (number == null) {
            return;
        }
        services.companyEnded(number).ifPresent(ended -> {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, LAND_APPLICANT_CEASED, "The company " + number + " registered as " + applicant
                    + " ceased on " + ended.on() + ": " + ended.how() + "; a company that no longer exists applies for no land in a Free Zone.",
                    "applicant", "003 art. 22; " + ended.article());
        });
    }

    // 003 art. 22.2, 22.4: what an application names
    static void applicationIsComplete(LandCommands.ApplyForLandUse body) {
        if (body.applicant() == null) {
            throw RegistryProblem.invalid("freezone.field-missing", "The application names the entity's registration in the zone.", "applicant",
                    "003 art. 22.2");
        }
        if (!saysSomething(body.purpose())) {
            throw RegistryProblem.invalid("freezone.field-missing", "The application names the purpose of use.", "purpose", "003 art. 22.2");
        }
        mn.registry.freezone.zone.ReadableText.requireReadable(body.purpose(), "purpose", "003 art. 22.2");
        mn.registry.freezone.zone.ReadableText.requireReadable(body.parcelName(), "parcelName", "003 art. 22.2");
        periodIsAPeriod(body.from(), body.until());
        if (body.method() == null) {
            throw RegistryProblem.invalid("freezone.allocation-missing", "Land rights are sought by TENDER (project selection) or AUCTION.", "method",
                    "003 art. 22.4");
        }
    }

    static void periodIsAPeriod(LocalDate from, LocalDate until) {
        if (from == null || until == null || until.isBefore(from)) {
            throw RegistryProblem.invalid("freezone.period-invalid", "The period of possession or use has a first day and a last day on or after it.",
                    "until", "003 art. 22.2");
        }
    }

    // 003 art. 12.2, 22.2: land goes to an entity of this zone: a registration's id names its zone, and the certificate is valid only there
    static void entityIsOfThisZone(RegistrationId entity, ZoneId zone, String field) {
        if (entity == null || !entity.zoneId().equals(zone)) {
            throw RegistryProblem.invalid("freezone.holder-other-zone", "The holder is an entity registered in zone " + zone + ".", field, "003 art. 22.2");
        }
    }

    // 003 art. 12.2, 22.2, 8.7.7: the entity's registration in this zone is current at the registry's time of receipt
    static void registrationIsCurrent(LandHolders.Holder standing, RegistrationId entity, String field) {
        if (standing == null || !entity.equals(standing.registrationId()) || !standing.registered()) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.holder-not-registered", entity + " is not registered in this zone now "
                    + "(never registered here, rejected or deregistered); land in a zone goes only to an entity registered in it.", field,
                    "003 art. 12.2, 22.2");
        }
    }

    // 003 art. 12.5, 22.6 (choice, ADR 0035 item 14; abuse audit F91): "in case of circumstances referred to in 12.5.1 and 12.5.2, the
    // land rights shall be revoked". Once the registry has raised one of those grounds (the year to start or the 12 months of
    // interruption ran out; F36-F37 keep it raised), new land rights, an application for them or the certificate of rights already
    // granted would be rights the law revokes in the same circumstances, and a governor slow to deregister could keep handing them out.
    // (ADR 0035 item 66; abuse audit F275) Nor is the Government's exemption by name from the fee of those rights recorded (23.3: it
    // considers the holder's performance of its land use, which ends with its removal): a benefit published for land about to go
    static void noGroundForLosingLandIsRaised(LandHolders.Holder standing, String field) {
        if (standing.landGroundRaised()) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.holder-ground-raised", standing.registrationId() + " has a ground of "
                    + "003 art. 12.5 raised: its land rights end in those circumstances (22.6, 22.7), so none are applied for, "
                    + "granted or certified now; the governor deregisters it.", field, "003 art. 12.5, 22.6");
        }
    }

    /**
     * 003 art. 12.5.1, 12.5.2, 22.6 (ADR 0035 item 101; abuse audit F501): judged at the registry's receipt, as the registration's own acts are
     * (F36-F37, {@code ZoneRegistration.startWindowOpenAtReceipt}): once the year to start or the 12 months of interruption, moved by the zone's
     * closures, ran out, the circumstance of 22.6 is there whether or not the deadline service has raised its ground yet (behind at midnight, or
     * down for days); {@link #noGroundForLosingLandIsRaised} read only the ground raised, so land was applied for, granted, certified, reported
     * paid or exempted in the window. The last day itself still counts.
     */
    static void noGroundForLosingLandIsDue(LandHolders.Holder standing, LocalDate receivedOn, String field) {
        standing.periods().ranOutBefore(receivedOn).ifPresent(ranOut -> {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.holder-ground-due", standing.registrationId() + "'s "
                    + (ranOut.getKey() == mn.registry.kernel.freezone.DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR ? "year to start operations"
                    : "12 months of interruption") + " ran out on " + ranOut.getValue() + ": the ground of " + ranOut.getKey().article() + " is due "
                    + "(the registry raises it) and its land rights end in those circumstances (22.6), so none are applied for, granted or certified "
                    + "on " + receivedOn + ".", field, "003 art. 12.5, 22.6");
        });
    }

    /** What the entity's representative alone does in its name, as {@link #signerRepresentsTheEntity}'s refusal names it. */
    static final String APPLY = "apply for land";
    static final String WITHDRAW = "withdraw its land application";

    /**
     * Who signs a land act, as the registry judges them at its receipt: the person, the company their grant of the applicant's role in force then
     * names ({@link CommandContext#company()}; null: none), and the receipt. On the holder's page, the signed-in person with their grant in force
     * now, at the registry's clock (ADR 0035 item 104; abuse audit F525, was O367).
     */
    record Signer(PersonId person, String company, Instant receivedAt) {

        static Signer of(CommandContext context) {
            return new Signer(context.actor(), context.company(), context.receivedAt());
        }
    }

    /**
     * 003 art. 12.1, 22.2, 22.5; 001 art. 23.1.1 (ADR 0035 item 103, the lead's reading, <b>choice</b>; abuse audit F524, was O368): who signs
     * a land act in an entity's name: the person who signed its registration application (ADR 0035's older choice), or a representative whose
     * grant of the applicant's role in force at the registry's receipt names the entity's Mongolian state registration number
     * ({@link RegistrationId#mongolianRegistrationNumber()}), so that after the entity's representative changes its new representative acts for
     * its land. A foreign entity has no such number: only the person who applied signs for it. A grant naming another company is refused before
     * this, by {@link #representativeActsForTheirOwnEntity} (F507; item 105), whoever signed the registration application.
     */
    static boolean signerRepresentsTheEntityNow(LandHolders.Holder standing, Signer signer, LandServices services) {
        // a grant naming the entity first: the signer's stream is read (F590) only for the person who applied on no such grant
        return standing != null && (mn.registry.kernel.permit.Company.grantNames(signer.company(), standing.registrationId() == null ? null
                : standing.registrationId().mongolianRegistrationNumber()) || standing.representative() != null
                && standing.representative().equals(signer.person()) && !applicantsRepresentationEnded(standing, signer, services));
    }

    /**
     * 003 art. 12.1, 22.2, 22.5; 001 art. 23.1.1 (ADR 0035 item 154, the lead's reading; abuse audit F590, was O425): the person who signed a
     * Mongolian entity's registration application no longer signs its land acts once their grant of the applicant's role naming the entity
     * ended, at or before the registry's receipt ({@link LandServices#representationEnded}, the kernel's fold of the end, as the query's
     * readers ask it: items 125, 139): a former representative who holds the role again naming no company is not the entity's. Never named by
     * a grant (a signer before grants named companies, a foreign entity with no Mongolian number): as before.
     */
    static boolean applicantsRepresentationEnded(LandHolders.Holder standing, Signer signer, LandServices services) {
        String number = standing.registrationId() == null ? null : standing.registrationId().mongolianRegistrationNumber();
        return number != null && services.representationEnded(signer.person(), number).filter(ended -> !ended.isAfter(signer.receivedAt())).isPresent();
    }

    // 003 art. 12.1, 22.2 (choice): the entity applies (and, ADR 0035 item 86, withdraws its application) through the representative who
    // signed its registration application, or (item 103, F524) one whose grant in force names it; the refusal names the act refused
    // (review of session 26: a withdrawal was told "apply")
    static void signerRepresentsTheEntity(LandHolders.Holder standing, Signer signer, String act, LandServices services) {
        if (!signerRepresentsTheEntityNow(standing, signer, services)) {
            throw new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, "freezone.not-representative", "Only the representative who signed "
                    + standing.registrationId() + "'s registration application, or one whose grant in force at the registry's receipt names its "
                    + "state registration number, may " + act + " in its name; the one who signed the application no longer does once their "
                    + "grant naming the entity has ended.", "applicant", "003 art. 12.1, 22.2");
        }
    }

    /** The articles of a representative's land application or withdrawal, and fee report, for its own entity (ADR 0061 item 51; F507). */
    static final String OWN_ENTITY_APPLICATION_ARTICLE = "003 art. 12.1, 22.2; 001 art. 23.1.1";
    static final String OWN_ENTITY_FEE_ARTICLE = "003 art. 12.1, 22.5; 001 art. 23.1.1";

    // 003 art. 12.1, 22.2, 22.5; 001 art. 23.1.1 (ADR 0061 item 51; abuse audit F507, was O362): the entity's land acts are signed by a
    // representative whose grant in force at the registry's receipt names it (F503): one whose grant names another company (it signed the
    // entity's registration before F506, or represents another company since) no longer applies, withdraws or reports in the entity's name;
    // a foreign entity has no Mongolian number, so no grant naming a company is its. A grant naming no company keeps the behaviour before
    // F507. Asked on the holder's page with the signed-in person's grant now (F525)
    static void representativeActsForTheirOwnEntity(RegistrationId entity, Signer signer, String field, String article) {
        mn.registry.command.api.RepresentativesCompany.representativeActsForTheirOwnCompany(signer.person(), signer.company(), signer.receivedAt(),
                entity == null ? null : entity.mongolianRegistrationNumber(), field, article);
    }

    // 003 art. 22.2 (choice, ADR 0013 §6): land rights do not start before the act that asks for or grants them
    static void periodDoesNotStartBeforeReceipt(LocalDate from, Instant receivedAt) {
        LocalDate today = UlaanbaatarTime.dateOf(receivedAt);
        if (from.isBefore(today)) {
            throw RegistryProblem.invalid("freezone.period-before-act", "The period of use starts on " + from + ", before the day of this act ("
                    + today + "): land rights are not granted retroactively.", "from", "003 art. 22.2");
        }
    }

    // 003 art. 22.2 (choice, ADR 0035 item 6): the governor decides on the use of land, not a reservation of it: the period starts at
    // the latest a year after the day the act is received. A period starting decades ahead would take the zone's land from every
    // other entity for that long, and laid end to end with a licence now would pass the longest period below
    static void periodStartsWithinAYearOfReceipt(LocalDate from, Instant receivedAt) {
        LocalDate latest = UlaanbaatarTime.dateOf(receivedAt).plusYears(1);
        if (from.isAfter(latest)) {
            throw RegistryProblem.invalid("freezone.period-starts-too-late", "The period of use starts on " + from + "; land is decided for use "
                    + "starting by " + latest + ", a year after the day of this act, not reserved ahead.", "from", "003 art. 22.2");
        }
    }

    // 003 art. 22.2, 22.7 (choice, ADR 0035): the decision specifies a period of possession or use, and the Land Law (art. 35) sets the
    // longest: at most the ministry's parameter in years, the first day counted (60 years from 2027-01-01 end on 2086-12-31). A licence
    // "until 9999" would hand the zone's land away for good
    static void periodIsAtMostTheLongest(LocalDate from, LocalDate until, int maxYears) {
        if (!mn.registry.kernel.calendar.LegalTerm.lastsAtMost(from, until, java.time.Period.ofYears(maxYears))) {
            throw RegistryProblem.invalid("freezone.land-period-too-long", "Land is possessed or used for at most " + maxYears + " years: from "
                    + from + " until " + mn.registry.kernel.calendar.LegalTerm.years(from, maxYears).lastDay() + " at the latest, not " + until
                    + ".", "until", "003 art. 22.2, 22.7; Land Law art. 35");
        }
    }

    // 003 art. 22.2: the governor refuses an application with reasons; an application is decided once
    @CommandHandler
    void handle(LandCommands.RefuseLandUse body, CommandContext context) {
        Application application = applicationIsPending(body.applicationId());
        deciderIsNotTheApplicant(application, context.actor());
        deciderDoesNotRepresentTheEntity(application.applicant(), Signer.of(context), "applicationId");
        List<String> reasons = body.reasons() == null ? List.of()
                : body.reasons().stream().filter(ZoneLand::saysSomething).map(String::strip).toList();
        if (reasons.isEmpty()) {
            throw RegistryProblem.invalid("freezone.reasons-missing", "A refusal gives its reasons.", "reasons", "003 art. 22.2");
        }
        apply(new LandEvents.LandUseRefused(zoneId, application.id(), application.applicant(), reasons, "003 art. 22.2", context.receivedAt(), context.actor()));
    }

    // 003 art. 22.2-23.4: a purpose, decision, reason or receipt of no-break or zero-width spaces only says nothing (String.isBlank sees neither)
    static boolean saysSomething(String reason) {
        return !mn.registry.kernel.problem.VisibleText.saysNothing(reason);
    }

    // 003 art. 22.2: a decision is taken on an application that is pending; each application is decided once
    Application applicationIsPending(LandApplicationId id) {
        Application application = id == null ? null : applications.get(id);
        if (application == null) {
            throw new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "freezone.land-application-unknown", "No application for land use "
                    + (id == null ? "was named" : id + " was received in this zone") + "; land is granted only on an entity's application.",
                    "applicationId", "003 art. 22.2, 8.7.7");
        }
        if (application.decision() == Decision.WITHDRAWN) { // 003 art. 22.2 (ADR 0035 item 86; F416): nothing is decided on a withdrawn application
            throw RegistryProblem.conflict("freezone.land-application-withdrawn", "Application " + id + " was withdrawn by its applicant; "
                    + "nothing is decided on it.", "003 art. 22.2");
        }
        if (application.decision() != Decision.PENDING) {
            throw RegistryProblem.conflict("freezone.land-application-decided", "Application " + id + " was decided already ("
                    + application.decision() + ").", "003 art. 22.2");
        }
        return application;
    }

    // 003 art. 22.2 (the lead's reading, ADR 0035 item 86; abuse audit F416, was O244): the entity withdraws its own pending application
    @CommandHandler
    void handle(LandCommands.WithdrawLandApplication body, CommandContext context, LandServices services) {
        Application application = applicationIsPending(body.applicationId());
        withdrawalIsTheApplicants(application, services.standing(application.applicant()), Signer.of(context), services);
        apply(new LandEvents.LandApplicationWithdrawn(zoneId, application.id(), application.applicant(), context.receivedAt(), context.actor()));
    }

    /**
     * 003 art. 12.1, 22.2 (ADR 0035 item 86; F416): an application is the entity's act, and only the entity withdraws it: signed by its
     * representative, on the signer rule of an application ({@link #entityMayApplyForLand}). Whether the application is still pending is
     * {@link #applicationIsPending}'s. For its own entity (F507, asked first: ADR 0035 item 105); who the representative is, item 103 (F524).
     * The holder's page is answered by the same methods.
     */
    static void withdrawalIsTheApplicants(Application application, LandHolders.Holder standing, Signer signer, LandServices services) {
        representativeActsForTheirOwnEntity(application.applicant(), signer, "applicationId", OWN_ENTITY_APPLICATION_ARTICLE);
        signerRepresentsTheEntity(standing, signer, WITHDRAW, services);
    }

    // 003 art. 22.2, 22.4, 8.7.7: the governor decides on a pending application of an entity registered in the zone: parcel, area, purpose, period; rights by tender or auction
    @CommandHandler
    LandLicenceId handle(LandCommands.GrantLandRights body, CommandContext context, LandServices services) {
        Zones.Zone zone = services.zone(body.zoneId());
        decisionIsComplete(body);
        entityIsOfThisZone(body.holder(), body.zoneId(), "holder");
        Application application = applicationIsPending(body.applicationId());
        holderIsTheApplicant(body.holder(), application);
        applicationIsGrantable(application, zone, services.standing(application.applicant(), zone), Signer.of(context));
        periodDoesNotStartBeforeReceipt(body.from(), context.receivedAt());
        periodStartsWithinAYearOfReceipt(body.from(), context.receivedAt());
        periodIsAtMostTheLongest(body.from(), body.until(), services.maxLandYears());
        Polygon parcel = parcelIsAPolygon(body.parcel());
        parcelLiesInsideTheZone(parcel, ParcelGeometry.polygon(zone.boundary()));
        parcelHasAPublishableArea(parcel); // after the boundary: a parcel of huge coordinates has no finite area to round
        decisionGrantsNoMoreThanApplied(body, parcel, application);
        BigDecimal hectares = ParcelGeometry.hectares(parcel);
        nominalValueIsNotBelowTheBaseValue(body.nominalValue(), hectares, context.receivedAt());
        parcelIsNotLicensedForAnOverlappingPeriod(parcel, body.from(), body.until());
        licensedAreaNeverExceedsTheZone(hectares, body.from(), body.until(), zone.areaHectares());
        grantRestsOnTheSelectionsResult(application, body.nominalValue());
        LandLicenceId id = LandLicenceId.of(body.zoneId(), licences.size() + 1);
        apply(new LandEvents.LandRightsGranted(body.zoneId(), id, body.holder(), body.parcelName(), body.parcel(), hectares, body.purpose(),
                body.from(), body.until(), body.method(), body.nominalValue(), body.decision(), context.receivedAt(), context.actor(), application.id(),
                FreeZoneTerms.landFeeDueBy(UlaanbaatarTime.dateOf(context.receivedAt()))));
        return id;
    }

    /**
     * 003 art. 22.4, 22.5 (the lead's reading, ADR 0035 items 130-133; abuse audit F541-F543, was O364): the governor records the result of the
     * tender or auction a pending application named: the application it selected, the nominal value, the result's document (uploaded first).
     * The authority rules are the grant's ({@link #applicationIsGrantable}); the result is recorded once per application, on ground no other
     * unused result selected for an overlapping period, at a value not below the zone's base value times the area applied for (F529's rule,
     * called).
     */
    @CommandHandler
    void handle(LandCommands.RecordLandSelectionResult body, CommandContext context, LandServices services) {
        SELECTION_RESULT.received(body.resultSha256(), services::documentReceived);
        Zones.Zone zone = services.zone(body.zoneId());
        Application application = applicationIsPending(body.applicationId());
        applicationIsGrantable(application, zone, services.standing(application.applicant(), zone), Signer.of(context));
        selectionIsRecordedOnce(application);
        resultsDocumentWasNotAnnulled(body.resultSha256());
        parcelIsNotSelectedForAnOverlappingPeriod(application);
        nominalValueIsGiven(body.nominalValue());
        nominalValueIsNotBelowTheBaseValue(body.nominalValue(), ParcelGeometry.hectares(application.parcel()), context.receivedAt());
        apply(new LandEvents.LandSelectionResultRecorded(zoneId, application.id(), application.applicant(), application.method(), body.nominalValue(),
                body.resultSha256(), context.receivedAt(), context.actor()));
    }

    /**
     * 003 art. 22.4, 22.5 (the lead's reading, ADR 0035 items 146-148, <b>choice</b>; abuse audit F582-F584, was O440): the governor annuls a
     * result recorded in error, with reasons (published: screened by the command pipeline as every published text, and required here), only
     * while no land rights rest on it. Who signs is judged by the command type at the receipt, as the result's record is (the zone's governor in
     * office then); a governor who signed the application, or represents its entity, does not annul its result, as they do not record it.
     */
    @CommandHandler
    void handle(LandCommands.AnnulLandSelectionResult body, CommandContext context) {
        String reasons = annulmentGivesItsReasons(body.reasons());
        Application application = applications.get(body.applicationId());
        if (application == null) {
            applicationIsPending(body.applicationId()); // 404 freezone.land-application-unknown
        }
        noLandRightsRestOnTheResult(application);
        applicationIsPending(application.id()); // refused or withdrawn: its result selects no one any more (item 134)
        annulmentIsTheDecidersToSign(application, Signer.of(context));
        LandEvents.LandSelectionResultRecorded result = resultStandsToBeAnnulled(application);
        apply(new LandEvents.LandSelectionResultAnnulled(zoneId, application.id(), result.winner(), result.method(), result.nominalValue(),
                result.resultSha256(), reasons, "003 art. 22.4, 22.5", context.receivedAt(), context.actor()));
    }

    // 003 art. 8.7.7, 22.4 (ADR 0035 item 146): the governor who signed the application, or represents its entity, annuls no result of it
    void annulmentIsTheDecidersToSign(Application application, Signer governor) {
        deciderIsNotTheApplicant(application, governor.person());
        deciderDoesNotRepresentTheEntity(application.applicant(), governor, "applicationId");
    }

    // 003 art. 22.4 (ADR 0035 item 146): an annulment gives its reasons, published beside the result it annuls
    static String annulmentGivesItsReasons(String reasons) {
        if (!saysSomething(reasons)) {
            throw RegistryProblem.invalid("freezone.annulment-reasons-missing", "An annulment of a tender's or auction's result gives its reasons.", "reasons",
                    "003 art. 22.4");
        }
        mn.registry.freezone.zone.ReadableText.requireReadable(reasons, "reasons", "003 art. 22.4");
        return reasons.strip();
    }

    /**
     * 003 art. 22.4, 22.5 (the lead's reading, ADR 0035 item 146, <b>choice</b>; abuse audit F583): a result is annulled only before land rights
     * rest on it: once the application was granted on it, the licence (and its fee equal to the result's value) stands on the result, and its
     * end is the licence's revocation, not an annulment that leaves a licence resting on nothing (409).
     */
    static void noLandRightsRestOnTheResult(Application application) {
        if (application.decision() == Decision.GRANTED) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.selection-result-granted", "Land rights were granted on the result "
                    + "that selected " + application.id() + "; a result a licence rests on is not annulled.", "applicationId", "003 art. 22.4, 22.5");
        }
    }

    /**
     * 003 art. 22.4 (ADR 0035 item 146; F584): the application has a result to annul: none recorded 409 {@code freezone.selection-unknown} (as the
     * grant's); the last one annulled already, with no new one recorded, 409 {@code freezone.selection-annulled-already}.
     */
    LandEvents.LandSelectionResultRecorded resultStandsToBeAnnulled(Application application) {
        LandEvents.LandSelectionResultAnnulled annulled = annulledSelections.get(application.id());
        if (annulled != null && !selections.containsKey(application.id())) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.selection-annulled-already", "The result of the " + annulled.method()
                    + " that selected " + application.id() + " was annulled on " + annulled.annulledAt() + "; no result is recorded for it since.",
                    "applicationId", "003 art. 22.4");
        }
        return selectionOf(application);
    }

    /**
     * 003 art. 22.4 (the lead's reading, ADR 0035 item 148, <b>choice</b>; F584): an annulled result's document stays claimed by it (its
     * registry-wide claim is not released: another application's result on it is refused there), and is not the document of a new result for
     * the same application either: a new result is recorded on its own document.
     */
    void resultsDocumentWasNotAnnulled(String resultSha256) {
        if (annulledResultDocuments.contains(resultSha256)) { // well-formed (lower case) since SELECTION_RESULT.received
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.selection-result-document-annulled", "This document is the result "
                    + "annulled already; a new result is recorded on its own document.", "resultSha256", "003 art. 22.4");
        }
    }

    // 003 art. 22.4 (ADR 0035 item 130): the result's document is uploaded first (POST /api/documents); a malformed hash is answered as one never received
    private static final DocumentCitation SELECTION_RESULT = DocumentCitation.of("resultSha256", "003 art. 22.4").malformedAsUnknown()
            .unknownSays("The tender's or auction's result is recorded on its document: upload it to POST /api/documents first and name its SHA-256.");

    // 003 art. 22.4 (ADR 0035 item 130; F541): one tender or auction selects an application once; a second result for it is refused
    void selectionIsRecordedOnce(Application application) {
        LandEvents.LandSelectionResultRecorded recorded = selections.get(application.id());
        if (recorded != null) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.selection-recorded-already", "The result of the " + recorded.method()
                    + " that selected " + application.id() + " was recorded on " + recorded.recordedAt() + "; it is recorded once.", "applicationId",
                    "003 art. 22.4");
        }
    }

    /**
     * 003 art. 22.2, 22.4 (the lead's reading, ADR 0035 item 131; F542): one tender or auction selects one winner for a parcel: a result for an
     * application whose parcel shares ground with the parcel of a recorded result still unused (its application pending: not yet granted) for an
     * overlapping period is refused, compared as {@link #parcelIsNotLicensedForAnOverlappingPeriod} compares licences; otherwise the loser is
     * "selected" too and the governor picks whom to grant. A result whose application was since refused or withdrawn selects no one any more
     * (ADR 0035 item 134), and one whose application was granted is the licence, which that rule compares.
     */
    void parcelIsNotSelectedForAnOverlappingPeriod(Application application) {
        for (LandEvents.LandSelectionResultRecorded r : selections.values()) {
            Application selected = applications.get(r.applicationId());
            if (selected != null && selected.decision() == Decision.PENDING && !selected.from().isAfter(application.until())
                    && !selected.until().isBefore(application.from()) && ParcelGeometry.overlap(application.parcel(), selected.parcel())) {
                throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.parcel-selected-already", "The " + r.method() + " recorded on "
                        + r.recordedAt() + " selected " + selected.id() + " for ground this application shares (" + selected.from() + " to "
                        + selected.until() + "); one selection has one winner.", "applicationId", "003 art. 22.4");
            }
        }
    }

    // 003 art. 22.5: a grant and a selection's result name the nominal value the one-time fee will equal
    static void nominalValueIsGiven(Money nominalValue) {
        if (nominalValue == null || nominalValue.amount() == null || nominalValue.amount().signum() <= 0) {
            throw RegistryProblem.invalid("freezone.nominal-value-missing", "The auction's nominal value, which the one-time fee equals, is required.",
                    "nominalValue", "003 art. 22.5");
        }
    }

    /**
     * 003 art. 22.4, 22.5 (the lead's reading, ADR 0035 items 132-133; abuse audit F541, F543, was O364): rights are granted by tender or auction
     * (22.4, the only routes an application names), so a grant received after this release rests on the recorded result that selected its
     * application ({@code freezone.selection-unknown}), and names the result's nominal value, which the one-time fee equals (22.5;
     * {@code freezone.nominal-value-not-the-results}). The winner, the parcel and "used once" follow from {@link #holderIsTheApplicant},
     * {@link #decisionGrantsNoMoreThanApplied} and {@link #applicationIsPending}. Grants stored before stay valid: the rule is at receipt.
     */
    void grantRestsOnTheSelectionsResult(Application application, Money nominalValue) {
        LandEvents.LandSelectionResultRecorded result = selectionOf(application);
        if (!result.nominalValue().sameAs(nominalValue)) {
            throw RegistryProblem.invalid("freezone.nominal-value-not-the-results", "The " + result.method() + "'s result recorded the nominal value "
                    + result.nominalValue() + "; the grant names it.", "nominalValue", "003 art. 22.5");
        }
    }

    // 003 art. 22.4 (ADR 0035 item 132; F541): the recorded result that selected the application; none: no grant. The land desk asks it too
    LandEvents.LandSelectionResultRecorded selectionOf(Application application) {
        LandEvents.LandSelectionResultRecorded result = selections.get(application.id());
        if (result == null) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.selection-unknown", "No result of the " + application.method()
                    + " application " + application.id() + " named was recorded; rights are granted on the result that selected it.", "applicationId",
                    "003 art. 22.4");
        }
        return result;
    }

    /**
     * 003 art. 6.4, 8.7.7, 12.2, 22.2, 22.6 (ADR 0035 item 81; abuse audit F396-F397): the rules of a grant that the decision's own content
     * (parcel, period, purpose, value) does not change, in the order the handler calls them: the zone open, a governor who did not sign the
     * application, the applicant registered here now with no ground of 12.5 raised, under the registration it applied in, and the period it
     * applied for not yet ended. The land desk is answered by the same method ({@link #actsAcceptedAt}).
     */
    void applicationIsGrantable(Application application, Zones.Zone zone, LandHolders.Holder standing, Signer governor) {
        Instant receivedAt = governor.receivedAt();
        zoneIsOpen(zone.open(), zone.zoneId());
        deciderIsNotTheApplicant(application, governor.person());
        deciderDoesNotRepresentTheEntity(application.applicant(), governor, "applicationId");
        registrationIsCurrent(standing, application.applicant(), "holder");
        noGroundForLosingLandIsRaised(standing, "holder");
        noGroundForLosingLandIsDue(standing, UlaanbaatarTime.dateOf(receivedAt), "holder");
        appliedUnderTheCurrentRegistration(application, standing);
        applicationsPeriodHasNotEnded(application, UlaanbaatarTime.dateOf(receivedAt));
        someOfTheAppliedGroundIsFree(application, receivedAt);
    }

    // 003 art. 6.1, 22.2 (abuse audit F415, was O240): a grant lies within the parcel and period applied for, starts no earlier than its receipt
    // and covers no ground licensed for an overlapping period; where the whole parcel applied for is licensed on every day of the period still to
    // come on which a grant may start (within a year of its receipt), no grant can be recorded on the application, however drawn: said so (the
    // desk offers its refusal only). Judged on the days the licensed ground changes (the first day, the day after each overlapping licence
    // ends) with the grant's own overlap check and start rule
    void someOfTheAppliedGroundIsFree(Application application, Instant receivedAt) {
        LocalDate receivedOn = UlaanbaatarTime.dateOf(receivedAt);
        LocalDate first = application.from().isAfter(receivedOn) ? application.from() : receivedOn;
        List<Licence> over = licencesOver(application.parcel(), first, application.until()).toList();
        TreeSet<LocalDate> days = new TreeSet<>(List.of(first));
        over.stream().map(l -> l.until().plusDays(1)).filter(day -> !day.isAfter(application.until())
                && verdictOf(() -> periodStartsWithinAYearOfReceipt(day, receivedAt)).accepted()).forEach(days::add);
        for (LocalDate day : days) {
            org.locationtech.jts.geom.Geometry free = application.parcel();
            for (Licence l : over) {
                if (l.activeOn(day)) {
                    free = free.difference(l.parcel());
                }
            }
            if (!free.isEmpty() && ParcelGeometry.hectares(free).signum() > 0) {
                return;
            }
        }
        throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.applied-ground-licensed", "Every part of the parcel of application "
                + application.id() + " is licensed on every day from " + first + " on which a grant may start ("
                + over.stream().map(l -> l.id().toString()).distinct().collect(java.util.stream.Collectors.joining(", "))
                + "): no land is granted on it, it is refused.", "applicationId", "003 art. 6.1, 22.2");
    }

    // 003 art. 22.2 (abuse audit F397): a grant lies within the period applied for and starts no earlier than the day it is received, so
    // once the last day applied for has passed no grant can be recorded on the application; said so, instead of a period's fault the
    // governor could not mend (the application is refused instead)
    static void applicationsPeriodHasNotEnded(Application application, LocalDate receivedOn) {
        if (application.until().isBefore(receivedOn)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.land-application-period-ended", "Application " + application.id()
                    + " asked for land from " + application.from() + " to " + application.until() + "; that period ended before " + receivedOn
                    + ", and a grant lies within it: no land is granted on it, it is refused.", "applicationId", "003 art. 22.2");
        }
    }

    // 003 art. 8.7.7, 22.2 (choice, ADR 0035 item 9; abuse audit F83): the governor decides on land use as the registry's official, not
    // as the entity: a governor who signed the application as the entity's representative neither grants the land to it nor refuses
    // it (for a rival's benefit); the decision waits for another governor
    void deciderIsNotTheApplicant(Application application, PersonId actor) {
        PersonId signer = appliedBy.get(application.id());
        if (signer != null && signer.equals(actor)) {
            throw new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, "freezone.decider-is-applicant", actor + " signed application "
                    + application.id() + " as the representative of " + application.applicant() + " and does not decide on it.", "applicationId",
                    "003 art. 8.7.7, 22.2");
        }
    }

    /**
     * 003 art. 12.2, 22.2; 001 art. 23.1.1 (ADR 0035 item 110, the lead's reading, <b>choice</b>; abuse audit F532, was O378): beside
     * {@link #deciderIsNotTheApplicant} and {@link #actorIsNotTheHoldersRepresentative}: an official whose grant of the applicant's role in force
     * at the registry's receipt names {@code entity}'s number represents it (item 103) and does not grant or refuse its land, certify its fee
     * or record its exemption ({@link mn.registry.freezone.zone.DeciderRepresentsTheEntity}, the registration's rule too).
     */
    static void deciderDoesNotRepresentTheEntity(RegistrationId entity, Signer official, String field) {
        mn.registry.freezone.zone.DeciderRepresentsTheEntity.deciderDoesNotRepresentTheEntity(entity, official.person(), official.company(),
                official.receivedAt(), field);
    }

    // 003 art. 8.7.7, 22.5, 23.4 (choice, ADR 0035 item 9; abuse audit F93): the governor who records the fee (issuing the certificate
    // of rights) or the Cabinet member who records the Government's exemption is not the holder's representative (the person who
    // signed its registration application and so applies for its land)
    static void actorIsNotTheHoldersRepresentative(LandHolders.Holder holder, PersonId actor, String field, String article) {
        if (holder != null && holder.representative() != null && holder.representative().equals(actor)) {
            throw new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, "freezone.decider-is-applicant", actor + " represents "
                    + holder.registrationId() + " and does not record its fee or exemption.", field, article);
        }
    }

    // 003 art. 22.2, 8.7.7: land goes to the entity that applied for it, never to another
    static void holderIsTheApplicant(RegistrationId holder, Application application) {
        if (!holder.equals(application.applicant())) {
            throw RegistryProblem.conflict("freezone.holder-not-applicant", "Application " + application.id() + " is " + application.applicant()
                    + "'s; land is granted only to the entity that applied for it.", "003 art. 22.2, 8.7.7");
        }
    }

    // 003 art. 22.2, 22.6 (abuse audit F45): an application is the act of the registration it was made under. Deregistered on 12.5.1 or
    // 12.5.2, the entity loses its land (22.6); an application left pending then is not granted when it registers in the zone again
    // (the same RegistrationId): the new registration applies anew
    static void appliedUnderTheCurrentRegistration(Application application, LandHolders.Holder standing) {
        if (standing.registeredAt() != null && application.receivedAt() != null && application.receivedAt().isBefore(standing.registeredAt())) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.land-application-of-earlier-registration", "Application "
                    + application.id() + " was made on " + application.receivedAt() + ", under a registration of " + application.applicant()
                    + " that has ended; the registration of " + standing.registeredAt() + " applies anew.", "applicationId", "003 art. 22.2, 22.6");
        }
    }

    // 003 art. 22.2, 22.4 (choice): the decision grants no more than was applied for: ground, period, purpose and route
    static void decisionGrantsNoMoreThanApplied(LandCommands.GrantLandRights body, Polygon parcel, Application application) {
        if (!ParcelGeometry.inside(parcel, application.parcel())) {
            throw RegistryProblem.invalid("freezone.grant-exceeds-application", "The parcel reaches beyond the one applied for in "
                    + application.id() + ".", "parcel", "003 art. 22.2");
        }
        if (body.from().isBefore(application.from()) || body.until().isAfter(application.until())) {
            throw RegistryProblem.invalid("freezone.grant-exceeds-application", "The period lies outside the one applied for (" + application.from()
                    + " to " + application.until() + ").", "until", "003 art. 22.2");
        }
        if (!body.purpose().strip().equals(application.purpose())) {
            throw RegistryProblem.invalid("freezone.grant-exceeds-application", "The purpose differs from the one applied for: "
                    + application.purpose() + ".", "purpose", "003 art. 22.2");
        }
        if (body.method() != application.method()) {
            throw RegistryProblem.invalid("freezone.grant-exceeds-application", "The application sought the right by " + application.method() + ".",
                    "method", "003 art. 22.4");
        }
    }

    // 003 art. 6.4 (choice): a temporarily closed zone takes no new land licences
    static void zoneIsOpen(boolean open, ZoneId zoneId) {
        if (!open) {
            throw RegistryProblem.conflict("freezone.zone-closed", "Zone " + zoneId + " is not open: it takes no new registrations or land licences.", "003 art. 6.4");
        }
    }

    // 003 art. 22.2, 22.4: parcel, purpose, period of use, and the way the right is granted
    static void decisionIsComplete(LandCommands.GrantLandRights body) {
        if (!saysSomething(body.purpose()) || !saysSomething(body.decision())) {
            throw RegistryProblem.invalid("freezone.field-missing", "The decision names the purpose of use and its reference.", "purpose", "003 art. 22.2");
        }
        mn.registry.freezone.zone.ReadableText.requireReadable(body.purpose(), "purpose", "003 art. 22.2");
        mn.registry.freezone.zone.ReadableText.requireReadable(body.parcelName(), "parcelName", "003 art. 22.2");
        mn.registry.freezone.zone.ReadableText.requireReadable(body.decision(), "decision", "003 art. 22.2");
        if (body.from() == null || body.until() == null || body.until().isBefore(body.from())) {
            throw RegistryProblem.invalid("freezone.period-invalid", "The period of possession or use has a first day and a last day on or after it.",
                    "until", "003 art. 22.2");
        }
        if (body.method() == null) {
            throw RegistryProblem.invalid("freezone.allocation-missing", "Land rights are granted by TENDER or AUCTION.", "method", "003 art. 22.4");
        }
        nominalValueIsGiven(body.nominalValue());
    }

    static Polygon parcelIsAPolygon(GeoPolygon geo) {
        try {
            return ParcelGeometry.polygon(geo);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw RegistryProblem.invalid("freezone.parcel-invalid", "The parcel is a valid GeoJSON polygon.", "parcel", "003 art. 22.2");
        }
    }

    // 003 art. 22.2 (abuse audit F85): the decision states "the size of the area", which the register publishes in hectares to four
    // places (one square metre): a parcel under half a square metre is published as 0.0000 ha, a licence of no land that adds nothing
    // to the zone's licensed area while its polygon is kept and can be drawn anywhere
    static void parcelHasAPublishableArea(Polygon parcel) {
        if (ParcelGeometry.hectares(parcel).signum() <= 0) {
            throw RegistryProblem.invalid("freezone.parcel-too-small", "The parcel's area is at least one square metre (0.0001 ha), as the "
                    + "register publishes it.", "parcel", "003 art. 22.2");
        }
    }

    // 003 art. 6.1, 22.2: land is licensed within the zone's boundaries
    static void parcelLiesInsideTheZone(Polygon parcel, Polygon boundary) {
        if (!ParcelGeometry.inside(parcel, boundary)) {
            throw RegistryProblem.invalid("freezone.parcel-outside-zone", "The parcel does not lie inside the zone's boundary.", "parcel", "003 art. 6.1, 22.2");
        }
    }

    // 003 art. 22.2 (choice): no ground is licensed twice for overlapping periods
    void parcelIsNotLicensedForAnOverlappingPeriod(Polygon parcel, LocalDate from, LocalDate until) {
        licencesOver(parcel, from, until).findFirst().ifPresent(l -> {
            throw RegistryProblem.conflict("freezone.parcel-already-licensed", "The parcel overlaps licence " + l.id() + " (" + l.from() + " to "
                    + l.until() + ").", "003 art. 22.2");
        });
    }

    /** The licences in force on some day from {@code from} to {@code until} whose ground shares some of {@code parcel}'s (interiors meet). */
    private java.util.stream.Stream<Licence> licencesOver(Polygon parcel, LocalDate from, LocalDate until) {
        return licences.values().stream().filter(l -> l.activeDuring(from, until) && ParcelGeometry.overlap(parcel, l.parcel()));
    }

    // 003 art. 6.1 (choice): on no day does the licensed area exceed the zone's area
    void licensedAreaNeverExceedsTheZone(BigDecimal hectares, LocalDate from, LocalDate until, BigDecimal zoneArea) {
        TreeSet<LocalDate> days = new TreeSet<>(List.of(from));
        licences.values().stream().filter(l -> l.activeDuring(from, until) && l.from().isAfter(from)).forEach(l -> days.add(l.from()));
        for (LocalDate day : days) {
            BigDecimal total = hectares;
            for (Licence l : licences.values()) {
                if (l.activeOn(day)) {
                    total = total.add(l.hectares());
                }
            }
            if (total.compareTo(zoneArea) > 0) {
                throw RegistryProblem.conflict("freezone.licensed-area-exceeds-zone", "On " + day + " " + total + " ha would be licensed in a zone of "
                        + zoneArea + " ha.", "003 art. 6.1");
            }
        }
    }

    // 003 art. 22.5: the certificate is issued after the one-time fee equal to the nominal value is paid
    @CommandHandler
    void handle(LandCommands.RecordLandFeePaid body, CommandContext context, LandServices services) {
        Licence licence = licences.get(body.licenceId());
        if (licence == null) {
            throw new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "freezone.licence-unknown", "No land licence " + body.licenceId() + ".", "licenceId", "003 art. 22.5");
        }
        feeIsRecordable(licence, services.standing(licence.holder()), Signer.of(context));
        if (!saysSomething(body.receipt())) { // 003 art. 22.5: the fee is paid: the payment is named by its receipt
            throw RegistryProblem.invalid("freezone.field-missing", "The payment's receipt is required.", "receipt", "003 art. 22.5");
        }
        receiptIssuesOneCertificate(body.receipt());
        if (!licence.nominalValue().sameAs(body.paid())) {
            throw RegistryProblem.invalid("freezone.fee-not-nominal-value", "The one-time fee is " + licence.nominalValue().amount() + " "
                    + licence.nominalValue().currency() + ", the auction's nominal value.", "paid", "003 art. 22.5");
        }
        feePaymentIsShownByAReceivedReceipt(licence.id(), body.receiptSha256(), services);
        String otherReceiptReason = certificateNamesTheReportedReceipt(licence.id(), body.receiptSha256(), body.otherReceiptReason());
        apply(new LandEvents.LandLicenceIssued(zoneId, licence.id(), licence.holder(), body.paid(), body.receipt(), context.receivedAt(), context.actor(),
                body.receiptSha256(), otherReceiptReason));
    }

    /** The longest reason for certifying on another document than the holder's report's, in characters (ADR 0035 item 107). */
    static final int OTHER_RECEIPT_REASON_MAX = 500;

    /**
     * 003 art. 22.5 (the lead's reading, ADR 0035 item 107; abuse audit F528, was O359): once the holder reported its payment with its receipt's
     * document, the certificate rests on that document: a governor who certified on any other PDF uploaded by them certified a payment the
     * holder never showed. Another document is refused ({@code freezone.land-fee-receipt-not-the-reported-one}) unless the governor states
     * why ({@code otherReceiptReason}: a short free text kept on the certificate's event, not published; a person's civil registration number,
     * phone or e-mail refused in it as in every ground kept in clear, 002 art. 15.3, 30.1). With no report the rule of F502 alone applies.
     * Returns the reason kept: none where the certificate names the reported document (nothing to explain) or no report was made.
     */
    String certificateNamesTheReportedReceipt(LandLicenceId licence, String receiptSha256, String otherReceiptReason) {
        String reported = reportedReceiptOf.get(licence);
        if (reported == null || reported.equals(receiptSha256)) {
            return null;
        }
        if (!saysSomething(otherReceiptReason)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.land-fee-receipt-not-the-reported-one", "The holder reported the "
                    + "fee of " + licence + " paid with the receipt's document " + reported + "; the certificate names that document, or states in "
                    + "otherReceiptReason why it rests on another.", "receiptSha256", "003 art. 22.5");
        }
        mn.registry.freezone.zone.ReadableText.requireReadable(otherReceiptReason, "otherReceiptReason", "003 art. 22.5");
        String reason = otherReceiptReason.strip();
        if (reason.length() > OTHER_RECEIPT_REASON_MAX) {
            throw RegistryProblem.invalid("freezone.other-receipt-reason-too-long", "The reason for certifying on another document is at most "
                    + OTHER_RECEIPT_REASON_MAX + " characters.", "otherReceiptReason", "003 art. 22.5");
        }
        mn.registry.kernel.privacy.GroundKeptInClear.holdsNoPersonalDetails(reason, "privacy.personal-details-in-receipt-reason",
                "otherReceiptReason", "certifying on another receipt's document, kept on the certificate of land rights in the zone's land register");
        return reason;
    }

    /**
     * 003 art. 22.3, 22.5 (the lead's reading, ADR 0035 item 108; abuse audit F529, was O347): the Government determines the basic value of
     * land (22.3); the one-time fee of 22.5 equals the grant's nominal value, so a nominal value below the base value in force at the grant's
     * receipt, times the parcel's area, hands the land to a favoured entity below what the Government set (1 MNT). The base value in force
     * is the last one the Cabinet member recorded for the zone before the grant's receipt ({@link #baseValueInForceAt}); none recorded: no
     * floor is known, and any value above zero is judged as before. A base value recorded after the grant does not undo it.
     */
    void nominalValueIsNotBelowTheBaseValue(Money nominalValue, BigDecimal hectares, Instant receivedAt) {
        baseValueInForceAt(receivedAt).ifPresent(base -> {
            BigDecimal floor = base.perHectare().amount().multiply(hectares);
            if (!Money.MNT.equals(nominalValue.currency()) || nominalValue.amount().compareTo(floor) < 0) {
                throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.land-value-below-base", "The nominal value " + nominalValue
                        + " is below the basic value of land the Government set for this zone (" + base.perHectare() + " per hectare, decision "
                        + base.decision() + ", in force since " + inForceSince(base) + ") times the parcel's " + hectares.toPlainString()
                        + " ha: at least " + floor.setScale(0, java.math.RoundingMode.CEILING).toPlainString() + " MNT.", "nominalValue",
                        "003 art. 22.3, 22.5");
            }
        });
    }

    /**
     * 003 art. 22.3 (ADR 0035 items 108, 142): the basic value of land in force at {@code at}: the last in force at or before it. A value is in
     * force from its record, or, recorded lower than the one in force (F574), from its second Cabinet member's confirmation ({@link
     * #inForceSince}); a lower value not confirmed at {@code at} is not in force then (the higher floor stays). A lower value is confirmed only
     * while it is the zone's last recorded ({@link #lowerValueIsNotSuperseded}), so the values come into force in the order recorded.
     */
    java.util.Optional<LandEvents.LandBaseValueRecorded> baseValueInForceAt(Instant at) {
        LandEvents.LandBaseValueRecorded inForce = null;
        for (LandEvents.LandBaseValueRecorded b : baseValues) {
            Instant since = inForceSince(b);
            if (since != null && !since.isAfter(at)) {
                inForce = b;
            }
        }
        return java.util.Optional.ofNullable(inForce);
    }

    /**
     * 003 art. 22.3 (ADR 0035 item 142, choice; F574, was O409): the instant a recorded value is in force from: its record's receipt, or, for a
     * lower value awaiting a second signature, its confirmation's receipt (not before the record's); null while it is not confirmed.
     */
    Instant inForceSince(LandEvents.LandBaseValueRecorded value) {
        if (!value.awaitsConfirmation()) {
            return value.recordedAt();
        }
        Instant confirmed = baseValueConfirmedAt.get(value.number());
        return confirmed == null ? null : (confirmed.isBefore(value.recordedAt()) ? value.recordedAt() : confirmed);
    }

    /**
     * 003 art. 22.3 (ADR 0035 item 142, the lead's reading, <b>choice</b>; abuse audit F574, was O409): a value lower per hectare than the one
     * in force at the registry's receipt lowers the floor under every grant; on one Cabinet member's word it would be lowered on any PDF under a
     * new reference (O16). Such a value is recorded awaiting a second signature and is not in force until another Cabinet member confirms it
     * ({@link LandCommands.ConfirmLandBaseValue}). A value equal or higher, or a zone's first, is in force from its record as before.
     */
    boolean baseValueIsLowerThanTheOneInForce(Money perHectare, Instant receivedAt) {
        return baseValueInForceAt(receivedAt).map(inForce -> perHectare.amount().compareTo(inForce.perHectare().amount()) < 0).orElse(false);
    }

    // 003 art. 22.3 (ADR 0035 item 108; F529, was O347): the Government's basic value of land in the zone, recorded by the Cabinet member on
    // the decision's received document; in force from the registry's receipt
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(LandCommands.RecordLandBaseValue body, CommandContext context, LandServices services) {
        BASE_VALUE_DECISION.received(body.decisionSha256(), services::documentReceived);
        Zones.Zone zone = services.zone(body.zoneId());
        baseValueIsComplete(body, context.receivedAt());
        baseValueIsNotOlderThanTheZone(body.decidedOn(), zone.resolutionDate());
        oneDecisionSetsTheZonesBaseValueOnce(body.decisionSha256());
        baseValueDecisionIsNotOlderThanTheOneInForce(body.decidedOn(), context.receivedAt());
        oneReferenceNamesOneDecisionOfTheZone(body.decision(), body.decisionSha256());
        aSameDayDecisionDoesNotLowerTheValueInForce(body, context.receivedAt());
        int number = baseValues.size() + 1;
        boolean awaitsSecondSignature = baseValueIsLowerThanTheOneInForce(body.perHectare(), context.receivedAt()); // F574, item 142
        apply(new LandEvents.LandBaseValueRecorded(body.zoneId(), number, body.perHectare(), body.decision().strip(), body.decidedOn(),
                body.decisionSha256(), "003 art. 22.3", context.receivedAt(), context.actor(), awaitsSecondSignature ? Boolean.TRUE : null));
        return number;
    }

    // 003 art. 22.3 (the lead's reading, ADR 0035 items 142-143, choice; F574-F576, was O409): a second Cabinet member confirms a lower basic
    // value of land recorded by another, naming its decision's reference; in force from this confirmation's receipt. Who signs is judged by
    // the command type at the receipt, as the record's signer is (the Cabinet member's role in force then)
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(LandCommands.ConfirmLandBaseValue body, CommandContext context, LandServices services) {
        LandEvents.LandBaseValueRecorded value = lowerValueIsConfirmable(body.decision(), context.actor(), context.receivedAt(), services);
        apply(new LandEvents.LandBaseValueConfirmed(value.zoneId(), value.number(), value.perHectare(), value.decision(), "003 art. 22.3",
                context.receivedAt(), context.actor()));
        return value.number();
    }

    /**
     * 003 art. 22.3 (ADR 0035 items 142-143, 149-150): the rules of a confirmation, in the handler's order: the value named, not the signer's own
     * record, awaiting, not superseded, not lapsed at {@code receivedAt}. The Cabinet's desk is answered by the same method
     * ({@link #baseValueConfirmationAcceptedAt}).
     */
    LandEvents.LandBaseValueRecorded lowerValueIsConfirmable(String decision, PersonId signer, Instant receivedAt, LandServices services) {
        LandEvents.LandBaseValueRecorded value = recordedValueNamed(decision);
        lowerValueIsConfirmedByAnotherCabinetMember(value, signer);
        lowerValueAwaitsConfirmation(value);
        lowerValueIsNotSuperseded(value);
        lowerValueHasNotLapsed(value, services.lastDayToConfirmBaseValue(value.recordedAt()), receivedAt);
        return value;
    }

    /**
     * 003 art. 22.3 (ADR 0035 item 150; abuse audit F586, was O450): whether the confirmation of the lower value named by {@code decision} would
     * be recorded at {@code now} on {@code signer}'s signature ({@link #lowerValueIsConfirmable}), for the Cabinet's desk: it knows the value's
     * recorder, which the public register does not name, so the desk leaves a member's own values, and lapsed ones, out of the form.
     */
    mn.registry.kernel.freezone.LandActs.Verdict baseValueConfirmationAcceptedAt(Instant now, LandServices services, String decision, PersonId signer) {
        return verdictOf(() -> lowerValueIsConfirmable(decision, signer, now, services));
    }

    /**
     * 003 art. 22.3 (ADR 0035 item 143): the confirmation names the decision's reference the value was recorded under (compared as {@link
     * #oneReferenceNamesOneDecisionOfTheZone} compares references: one reference names one decision of the zone); none recorded: 404.
     */
    LandEvents.LandBaseValueRecorded recordedValueNamed(String reference) {
        if (!saysSomething(reference)) {
            throw RegistryProblem.invalid("freezone.field-missing", "The confirmation names the Government decision's reference of the basic "
                    + "value it confirms.", "decision", "003 art. 22.3");
        }
        mn.registry.freezone.zone.ReadableText.requireReadable(reference, "decision", "003 art. 22.3");
        String key = referenceKey(reference);
        for (LandEvents.LandBaseValueRecorded b : baseValues) {
            if (key.equals(referenceKey(b.decision()))) {
                return b;
            }
        }
        throw new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "freezone.land-base-value-unknown", "No basic value of land of this zone "
                + "was recorded on the Government decision " + reference.strip() + ".", "decision", "003 art. 22.3");
    }

    /**
     * 003 art. 22.3 (ADR 0035 item 142, choice; F575): the second signature is another Cabinet member's: the one who recorded the lower value
     * does not confirm it (403), or the floor is lowered on one person's word again.
     */
    static void lowerValueIsConfirmedByAnotherCabinetMember(LandEvents.LandBaseValueRecorded value, PersonId signer) {
        if (value.recordedBy() != null && value.recordedBy().equals(signer)) {
            throw new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, "freezone.land-base-value-own-record", "You recorded the basic value "
                    + value.perHectare() + " per hectare (Government decision " + value.decision() + "); another Cabinet member confirms it.",
                    "decision", "003 art. 22.3");
        }
    }

    /**
     * 003 art. 22.3 (ADR 0035 item 142; F575): only a lower value awaiting its second signature is confirmed: a value in force from its record
     * (equal or higher, the zone's first, or stored before session 31), or one confirmed already, is refused (409).
     */
    void lowerValueAwaitsConfirmation(LandEvents.LandBaseValueRecorded value) {
        if (!value.awaitsConfirmation() || baseValueConfirmedAt.containsKey(value.number())) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.land-base-value-not-pending", "The basic value " + value.perHectare()
                    + " per hectare (Government decision " + value.decision() + ") does not await a second signature: "
                    + (value.awaitsConfirmation() ? "it was confirmed already." : "it was in force from its record."), "decision", "003 art. 22.3");
        }
    }

    /**
     * 003 art. 22.3 (ADR 0035 item 142, choice; F576): a later value recorded for the zone supersedes a lower value awaiting its second
     * signature: confirming it then is refused (409), so an old pending value is not brought into force over the Government's later decision.
     */
    void lowerValueIsNotSuperseded(LandEvents.LandBaseValueRecorded value) {
        LandEvents.LandBaseValueRecorded last = baseValues.get(baseValues.size() - 1);
        if (last.number() != value.number()) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.land-base-value-superseded", "The basic value " + value.perHectare()
                    + " per hectare (Government decision " + value.decision() + ") was superseded by the value recorded later on the Government "
                    + "decision " + last.decision() + "; it is no longer confirmed.", "decision", "003 art. 22.3");
        }
    }

    /**
     * 003 art. 22.3 (the lead's reading, ADR 0035 item 149, <b>choice</b>; abuse audit F585, was O451): a lower value awaits its second signature
     * for {@link FreeZoneTerms#LAND_BASE_VALUE_AWAITS} working days after its record's receipt (day 0; the last day {@code lastDay}, on the
     * registry's working-day calendar); a confirmation received after that day (in Ulaanbaatar) is refused (409), so a value is not brought into
     * force weeks after its decision, when the floor in force may have been set with it in mind. Judged at the confirmation's receipt; nothing
     * is stored when it lapses (the lapse is a date computed from the record's receipt), and a later record supersedes it as before.
     */
    static void lowerValueHasNotLapsed(LandEvents.LandBaseValueRecorded value, LocalDate lastDay, Instant receivedAt) {
        LocalDate receivedOn = UlaanbaatarTime.dateOf(receivedAt);
        if (receivedOn.isAfter(lastDay)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.land-base-value-lapsed", "The basic value " + value.perHectare()
                    + " per hectare (Government decision " + value.decision() + ") awaited a second signature until " + lastDay + " ("
                    + FreeZoneTerms.LAND_BASE_VALUE_AWAITS.value() + " working days after its record); it lapsed, not confirmed. A new value is "
                    + "recorded on the Government's decision.", "decision", "003 art. 22.3");
        }
    }

    /**
     * 003 art. 6.1, 22.3 (ADR 0035 item 114; abuse audit F536, was O382): the Government determines the basic value of land <em>in the Free
     * Zone</em>, which the State Great Khural's resolution establishes (6.1): a decision dated before that resolution sets the value of a zone
     * that was not. Judged as an exemption's decision is ({@link #exemptionIsNotOlderThanTheZone}, item 31: one rule, {@link
     * #governmentDecisionIsNotOlderThanTheZone}), under the base value's own code. A zone recorded without its resolution's date keeps the
     * earlier rules; a date recorded later is not before a base value's decision ({@code DatedActsOfTheZone#earliestBaseValueDecision}).
     */
    static void baseValueIsNotOlderThanTheZone(LocalDate decidedOn, LocalDate resolutionDate) {
        governmentDecisionIsNotOlderThanTheZone(decidedOn, resolutionDate, "freezone.decision-before-zone", "no basic value of the zone's land "
                + "is older than the zone", "003 art. 22.3, 6.1");
    }

    /**
     * 003 art. 22.3 (ADR 0035 item 115; abuse audit F537): one Government decision sets the zone's basic value once. The decision's document
     * is shared by the Government's acts on the zone's land (kind {@code land-fee-exemption-decision}, {@code Acts.many}: it may set several
     * zones' values and exempt), so the claim does not refuse a second value in the same zone on it; without this rule the Cabinet member
     * lowers the floor in force by recording another value on the decision already recorded, with no new decision of the Government.
     */
    void oneDecisionSetsTheZonesBaseValueOnce(String decisionSha256) {
        for (LandEvents.LandBaseValueRecorded b : baseValues) {
            if (decisionSha256.equals(b.decisionSha256())) {
                throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.land-base-value-decision-used", "The Government decision "
                        + b.decision() + " (this document) set this zone's basic value of land already (" + b.perHectare() + " per hectare, "
                        + "number " + b.number() + "); a new value is recorded on the new decision that sets it.", "decisionSha256", "003 art. 22.3");
            }
        }
    }

    /**
     * 003 art. 22.3 (ADR 0035 item 118, <b>choice</b>; abuse audit F550, was O396): the Government determines the basic value of land, and a
     * later decision replaces an earlier one; an older decision does not replace the one in force. A value whose decision is dated before the
     * decision of the value in force at the registry's receipt ({@link #baseValueInForceAt}) is refused: otherwise the Cabinet member lowers
     * the floor by picking an older, lower decision. A decision dated on the same day is recorded when it is another document (the same
     * document is refused first, {@link #oneDecisionSetsTheZonesBaseValueOnce}); the decision's date is the Cabinet member's word (O16), the
     * value in force is judged at the receipt, never at a date the signer claims.
     */
    void baseValueDecisionIsNotOlderThanTheOneInForce(LocalDate decidedOn, Instant receivedAt) {
        baseValueInForceAt(receivedAt).ifPresent(inForce -> {
            if (decidedOn.isBefore(inForce.decidedOn())) {
                throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.land-base-value-decision-older", "The Government decision is "
                        + "dated " + decidedOn + ", before the decision of the basic value in force (" + inForce.decision() + " of "
                        + inForce.decidedOn() + "): an older decision does not replace a newer one.", "decidedOn", "003 art. 22.3");
            }
        });
    }

    /**
     * 003 art. 22.3 (ADR 0035 item 127, the lead's reading, <b>choice</b>; abuse audit F561, was O410): a decision dated the same day as the
     * decision of the value in force at the registry's receipt ({@link #baseValueInForceAt}) may not lower that floor: item 118 records it as
     * the later decision of the day, so a Cabinet member would lower the floor by presenting any other document as "a second decision of the
     * same day". A lower value needs a later-dated decision; the same or a higher value of the same day is recorded.
     */
    void aSameDayDecisionDoesNotLowerTheValueInForce(LandCommands.RecordLandBaseValue body, Instant receivedAt) {
        baseValueInForceAt(receivedAt).ifPresent(inForce -> {
            if (body.decidedOn().equals(inForce.decidedOn()) && !body.perHectare().isAtLeast(inForce.perHectare())) {
                throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.land-base-value-same-day-lower", "The Government decision is "
                        + "dated " + body.decidedOn() + ", the day of the decision of the basic value in force (" + inForce.decision() + ", "
                        + inForce.perHectare() + " per hectare), and sets a lower value (" + body.perHectare() + "): a decision of the same day "
                        + "does not lower the value in force; a lower value is recorded on a later decision.", "perHectare", "003 art. 22.3");
            }
        });
    }

    /**
     * 003 art. 22.3 (ADR 0035 item 119, <b>choice</b>; abuse audit F551, part of O395): one reference names one Government decision in the
     * zone's register: a reference recorded before for the zone's value (compared without case, spacing or compatibility forms) with another
     * document is refused, so a second file is not presented as the decision already recorded. Whether a file is the Government's decision
     * at all is a person's reading (O16), not the registry's.
     */
    void oneReferenceNamesOneDecisionOfTheZone(String reference, String decisionSha256) {
        String key = referenceKey(reference);
        for (LandEvents.LandBaseValueRecorded b : baseValues) {
            if (key.equals(referenceKey(b.decision())) && !decisionSha256.equals(b.decisionSha256())) {
                throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.land-base-value-reference-used", "The reference " + b.decision()
                        + " names another document already recorded as the Government decision of this zone's basic value (number " + b.number()
                        + "); one reference names one decision.", "decision", "003 art. 22.3");
            }
        }
    }

    /** The reference as compared by {@link #oneReferenceNamesOneDecisionOfTheZone}: NFKC, invisible characters and spaces out, lower case. */
    static String referenceKey(String reference) {
        String folded = java.text.Normalizer.normalize(reference == null ? "" : reference, java.text.Normalizer.Form.NFKC);
        return folded.replaceAll("[\\s\\p{Z}\\p{Cf}]+", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static final DocumentCitation BASE_VALUE_DECISION = DocumentCitation.of("decisionSha256", "003 art. 22.3").malformedAsUnknown()
            .unknownSays("The Government decision's document (SHA-256) was not received; upload it to POST /api/documents first.");

    /**
     * 003 art. 22.3 (ADR 0035 item 108; F529): the Government determines a basic value: an amount above zero in tögrög per hectare, on a
     * decision named by its reference and its date, not dated after the registry's receipt (a decision not yet taken is not recorded).
     */
    static void baseValueIsComplete(LandCommands.RecordLandBaseValue body, Instant receivedAt) {
        if (body.perHectare() == null || !body.perHectare().moreThanZero() || !Money.MNT.equals(body.perHectare().currency())) {
            throw RegistryProblem.invalid("freezone.land-base-value-not-positive", "The basic value of land is an amount above zero in MNT per "
                    + "hectare.", "perHectare", "003 art. 22.3");
        }
        if (!saysSomething(body.decision()) || body.decidedOn() == null) {
            throw RegistryProblem.invalid("freezone.field-missing", "The Government decision's reference and date are required.", "decision",
                    "003 art. 22.3");
        }
        mn.registry.freezone.zone.ReadableText.requireReadable(body.decision(), "decision", "003 art. 22.3");
        LocalDate today = UlaanbaatarTime.dateOf(receivedAt);
        if (body.decidedOn().isAfter(today)) {
            throw RegistryProblem.invalid("freezone.decision-in-future", "The Government decision is dated " + body.decidedOn() + ", after today ("
                    + today + "): a decision not yet taken is not recorded.", "decidedOn", "003 art. 22.3");
        }
    }

    // 003 art. 22.5 (ADR 0035 item 102; abuse audit F502, was O349): the certificate is issued after the fee is paid, and the payment is
    // shown by the receipt's document, uploaded first and named in the act, not by a reference typed in: a governor could otherwise
    // certify land on a receipt nobody holds. One payment pays one licence's fee: a document another licence's report or certificate of
    // this zone rests on is refused here (registry-wide, the document's one claim refuses it first, LandFeeReceiptClaims#claimReport)
    void feePaymentIsShownByAReceivedReceipt(LandLicenceId licence, String receiptSha256, LandServices services) {
        PAID_RECEIPT.received(receiptSha256, services::documentReceived);
        LandLicenceId paidBy = receiptDocuments.get(receiptSha256);
        if (paidBy != null && !paidBy.equals(licence)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.fee-receipt-reported-already", "This receipt shows the fee of "
                    + "another licence of this zone paid already; one payment pays one licence's fee.", "receiptSha256", "003 art. 22.5");
        }
    }

    /**
     * 003 art. 8.7.7, 12.5, 22.5-22.7 (ADR 0035 item 81): the rules of the fee's record that the receipt and sum named do not change, in the
     * handler's order: rights neither lapsed, revoked nor certified, their period not ended, the fee in time, the holder registered here with
     * no ground of 12.5 raised, and a governor who does not represent it. The land desk is answered by the same method.
     */
    void feeIsRecordable(Licence licence, LandHolders.Holder holder, Signer governor) {
        LocalDate receivedOn = UlaanbaatarTime.dateOf(governor.receivedAt());
        if (lapsed.contains(licence.id())) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.licence-lapsed", "The rights of " + licence.id() + " lapsed unpaid after "
                    + feeDueBy.get(licence.id()) + "; the land is decided anew.", "licenceId", FreeZoneTerms.LAND_FEE_ARTICLE);
        }
        if (licence.revoked()) {
            throw RegistryProblem.conflict("freezone.licence-revoked", "Licence " + licence.id() + " was revoked.", "003 art. 22.6");
        }
        if (licence.issued()) {
            throw RegistryProblem.conflict("freezone.licence-already-issued", "The certificate of " + licence.id() + " was issued already.", "003 art. 22.5");
        }
        periodHasNotEnded(licence, receivedOn);
        feeIsPaidInTime(licence.id(), receivedOn);
        registrationIsCurrent(holder, licence.holder(), "licenceId");
        noGroundForLosingLandIsRaised(holder, "licenceId");
        noGroundForLosingLandIsDue(holder, receivedOn, "licenceId");
        actorIsNotTheHoldersRepresentative(holder, governor.person(), "licenceId", "003 art. 8.7.7, 22.5");
        deciderDoesNotRepresentTheEntity(licence.holder(), governor, "licenceId");
    }

    /**
     * 003 art. 8.7.7, 22.2, 22.5 (ADR 0035 item 81; abuse audit F396-F398, was O223): the governor's land acts this register would record on a
     * command received at {@code receivedAt} signed by {@code signer}, for the land desk: for each pending application a grant and a refusal,
     * for each licence awaiting its certificate the fee, each judged by the method its handler calls ({@link #applicationIsGrantable},
     * {@link #deciderIsNotTheApplicant}, {@link #feeIsRecordable}); what the decision's own content would change is left to the act. For the
     * holder's page (ADR 0035 item 83, F391, was O239), the same licences' reports of the fee paid, and the withdrawals (item 86), on the same
     * signature ({@link #reportIsRecordable}, {@link #withdrawalIsTheApplicants}): {@code signer} is the signed-in governor on the desk, the
     * entity's representative on the holder's page, with {@code company}, the company their grant in force now names (null: none; item 104,
     * F525, was O367); on the desk the governor's, so that a governor whose grant names the entity is offered none of its decisions (item 112, F532).
     * Every entity judged is asked its standing once, all together (item 91, O257).
     */
    mn.registry.kernel.freezone.LandActs actsAcceptedAt(Instant receivedAt, LandServices services, PersonId signer, String company) {
        Signer representative = new Signer(signer, company, receivedAt);
        java.util.Set<RegistrationId> judged = new java.util.LinkedHashSet<>();
        applications.values().stream().filter(a -> a.decision() == Decision.PENDING).forEach(a -> judged.add(a.applicant()));
        licences.values().stream().filter(l -> !l.issued() && !l.revoked()).forEach(l -> judged.add(l.holder()));
        Zones.Zone zone = services.zone(zoneId);
        Map<RegistrationId, LandHolders.Holder> standings = new java.util.HashMap<>(services.standings(judged, zone));
        java.util.function.Function<RegistrationId, LandHolders.Holder> standing = entity -> standings.computeIfAbsent(entity,
                e -> services.standing(e, zone));
        Map<LandApplicationId, mn.registry.kernel.freezone.LandActs.Decision> decisions = new LinkedHashMap<>();
        applications.values().stream().filter(a -> a.decision() == Decision.PENDING).forEach(a -> decisions.put(a.id(),
                new mn.registry.kernel.freezone.LandActs.Decision(verdictOf(() -> {
                            applicationIsGrantable(a, zone, standing.apply(a.applicant()), representative);
                            selectionOf(a);
                        }), verdictOf(() -> {
                            deciderIsNotTheApplicant(a, signer);
                            deciderDoesNotRepresentTheEntity(a.applicant(), representative, "applicationId");
                        }))));
        Map<LandLicenceId, mn.registry.kernel.freezone.LandActs.Verdict> fees = new LinkedHashMap<>();
        licences.values().stream().filter(l -> !l.issued() && !l.revoked()).forEach(l -> fees.put(l.id(),
                verdictOf(() -> feeIsRecordable(l, standing.apply(l.holder()), representative))));
        Map<LandLicenceId, mn.registry.kernel.freezone.LandActs.Verdict> reports = new LinkedHashMap<>();
        fees.keySet().forEach(id -> reports.put(id, verdictOf(() -> reportIsRecordable(licences.get(id), UlaanbaatarTime.dateOf(receivedAt),
                standing.apply(licences.get(id).holder()), representative, services))));
        Map<LandApplicationId, mn.registry.kernel.freezone.LandActs.Verdict> withdrawals = new LinkedHashMap<>();
        decisions.keySet().forEach(id -> withdrawals.put(id, verdictOf(() -> withdrawalIsTheApplicants(applications.get(id),
                standing.apply(applications.get(id).applicant()), representative, services))));
        return new mn.registry.kernel.freezone.LandActs(decisions, fees, reports, withdrawals, selectionsAcceptedAt(zone, standing, representative),
                annulmentsAcceptedAt(representative));
    }

    /**
     * 003 art. 22.4 (ADR 0035 item 130; F541): for each pending application, whether its tender's or auction's result would be recorded now on
     * {@code governor}'s signature, by the rules its handler calls that the value and document typed do not change; the land desk's form.
     */
    private Map<LandApplicationId, mn.registry.kernel.freezone.LandActs.Verdict> selectionsAcceptedAt(Zones.Zone zone,
            java.util.function.Function<RegistrationId, LandHolders.Holder> standing, Signer governor) {
        Map<LandApplicationId, mn.registry.kernel.freezone.LandActs.Verdict> verdicts = new LinkedHashMap<>();
        applications.values().stream().filter(a -> a.decision() == Decision.PENDING).forEach(a -> verdicts.put(a.id(), verdictOf(() -> {
            applicationIsGrantable(a, zone, standing.apply(a.applicant()), governor);
            selectionIsRecordedOnce(a);
            parcelIsNotSelectedForAnOverlappingPeriod(a);
        })));
        return verdicts;
    }

    /**
     * 003 art. 22.4 (ADR 0035 item 146; F582): for each pending application whose result stands, whether its annulment would be recorded on the
     * governor's signature, on the handler's rules ({@link #annulmentIsTheDecidersToSign}, {@link #resultStandsToBeAnnulled}); the reasons are
     * the act's.
     */
    private Map<LandApplicationId, mn.registry.kernel.freezone.LandActs.Verdict> annulmentsAcceptedAt(Signer governor) {
        Map<LandApplicationId, mn.registry.kernel.freezone.LandActs.Verdict> verdicts = new LinkedHashMap<>();
        applications.values().stream().filter(a -> a.decision() == Decision.PENDING && selections.containsKey(a.id()))
                .forEach(a -> verdicts.put(a.id(), verdictOf(() -> {
                    noLandRightsRestOnTheResult(a);
                    annulmentIsTheDecidersToSign(a, governor);
                    resultStandsToBeAnnulled(a);
                })));
        return verdicts;
    }

    /** Accepted when {@code rules} pass, else refused with the code of the problem they throw. */
    static mn.registry.kernel.freezone.LandActs.Verdict verdictOf(Runnable rules) {
        return mn.registry.command.look.AggregateLook.verdictOf(rules, mn.registry.kernel.freezone.LandActs.Verdict.ACCEPTED,
                mn.registry.kernel.freezone.LandActs.Verdict::new);
    }

    // 003 art. 22.5 (choice, ADR 0035 item 10; abuse audit F84): the certificate is issued after the fee is paid, and one payment pays one
    // fee: the receipt that issued one certificate of this zone does not issue another, in any spelling (case, spaces, full-width or
    // invisible characters). Receipts are compared within the zone's land register, where the certificates are issued
    void receiptIssuesOneCertificate(String receipt) {
        LandLicenceId issued = receipts.get(receiptKey(receipt));
        if (issued != null) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.receipt-used-already", "This receipt issued the certificate of "
                    + issued + " already; one payment pays one licence's fee.", "receipt", "003 art. 22.5");
        }
    }

    /** A receipt as compared (F84): its letters (NFKC, upper case) and digits (of any script, by value) only; spaces, separators and
     *  invisible characters are spelling, not the receipt ("TDB-2026-000451" is "tdb 2026 000451"). */
    static String receiptKey(String receipt) {
        StringBuilder key = new StringBuilder();
        mn.registry.kernel.privacy.PersonalDetailsInText.asRead(receipt == null ? "" : receipt).codePoints()
                .filter(c -> Character.isLetter(c) || (c >= '0' && c <= '9')) // asRead reads every decimal digit as its ASCII value
                .forEach(c -> key.appendCodePoint(Character.toUpperCase(c)));
        return key.toString();
    }

    // 003 art. 22.5, 22.7 (choice, ADR 0035 item 20; abuse audit F125, was O86): the fee is paid by the last day the grant set, judged
    // at the registry's receipt: a payment recorded after it, before the deadline's lapse has been stored, does not revive the rights
    // (a governor could otherwise keep a parcel for an entity by recording its fee whenever a rival asks for the land)
    void feeIsPaidInTime(LandLicenceId id, LocalDate receivedOn) {
        LocalDate due = feeDueBy.get(id);
        if (due != null && receivedOn.isAfter(due) && !paymentReported.contains(id)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.land-fee-overdue", "The one-time fee of " + id + " was due by " + due
                    + "; recorded on " + receivedOn + ", it is late and the rights lapse.", "licenceId", FreeZoneTerms.LAND_FEE_ARTICLE);
        }
    }

    // 003 art. 22.5, 22.7 (choice, ADR 0035 item 20; abuse audit F125): the deadline service's act when the last day to pay has passed:
    // rights granted and still unpaid lapse, and the parcel is free. Idempotent: a licence paid, revoked or lapsed already, or one whose
    // last day has not passed at the firing (a stale deadline), records nothing
    @CommandHandler
    void handle(LandStreamCommands.LapseUnpaidLicence command) {
        Licence licence = licences.get(command.licenceId());
        LocalDate due = feeDueBy.get(command.licenceId());
        if (licence == null || due == null || licence.issued() || licence.revoked() || paymentReported.contains(licence.id())
                || !UlaanbaatarTime.dateOf(command.at()).isAfter(due)) {
            return;
        }
        apply(new LandEvents.LandRightsLapsed(zoneId, licence.id(), licence.holder(), due, FreeZoneTerms.LAND_FEE_ARTICLE, command.at()));
    }

    // 003 art. 22.5, 22.7 (choice, ADR 0035 item 22; abuse audit F131): with F125 a governor who sat on a paid receipt past the last day
    // made the rights lapse and the parcel free for a rival. The holder's representative reports the payment itself, by the receipt's
    // uploaded document and the nominal value, by the last day; the rights then do not lapse, and the governor records the fee (the
    // certificate) after the last day too. Once per licence; a report is the holder's word on its document, kept and sealed
    @CommandHandler
    void handle(LandCommands.ReportLandFeePaid body, CommandContext context, LandServices services) {
        Licence licence = licences.get(body.licenceId());
        if (licence == null) {
            throw new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "freezone.licence-unknown", "No land licence " + body.licenceId() + ".", "licenceId",
                    "003 art. 22.5");
        }
        reportIsRecordable(licence, UlaanbaatarTime.dateOf(context.receivedAt()), services.standing(licence.holder()), Signer.of(context), services);
        if (body.paid() == null || !licence.nominalValue().sameAs(body.paid())) {
            throw RegistryProblem.invalid("freezone.fee-not-nominal-value", "The one-time fee is " + licence.nominalValue().amount() + " "
                    + licence.nominalValue().currency() + ", the auction's nominal value.", "paid", "003 art. 22.5");
        }
        RECEIPT.received(body.receiptSha256(), services::documentReceived);
        if (reportedReceipts.contains(body.receiptSha256())) { // a second use of one payment's receipt
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.fee-receipt-reported-already", "This receipt reported the fee of "
                    + "another licence of this zone already; one payment pays one licence's fee.", "receiptSha256", "003 art. 22.5");
        }
        apply(new LandEvents.LandFeePaymentReported(zoneId, licence.id(), licence.holder(), body.paid(), body.receiptSha256(), context.receivedAt(),
                context.actor()));
    }

    /**
     * 003 art. 12.1, 12.5, 22.5-22.7 (ADR 0035 items 22, 83): the rules of the holder's report that the receipt and sum named do not change, in the
     * handler's order: signed for the holder's own entity (F507; ADR 0035 item 105: first) by its representative (item 103, F524), rights
     * neither lapsed, revoked nor certified, not reported already, with a last day to pay that has not passed, and rights the governor could
     * still certify. The holder's page is answered by the same method (F391), with the signed-in person's company now (F525).
     */
    void reportIsRecordable(Licence licence, LocalDate receivedOn, LandHolders.Holder standing, Signer signer, LandServices services) {
        representativeActsForTheirOwnEntity(licence.holder(), signer, "licenceId", OWN_ENTITY_FEE_ARTICLE);
        signerRepresentsTheHolder(standing, signer, services);
        if (lapsed.contains(licence.id()) || licence.revoked() || licence.issued()) {
            throw RegistryProblem.conflict(lapsed.contains(licence.id()) ? "freezone.licence-lapsed" : licence.issued() ? "freezone.licence-already-issued"
                    : "freezone.licence-revoked", "Licence " + licence.id() + " is " + (licence.issued() ? "issued" : lapsed.contains(licence.id())
                    ? "lapsed" : "revoked") + ": there is no fee to report.", FreeZoneTerms.LAND_FEE_ARTICLE);
        }
        if (paymentReported.contains(licence.id())) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.fee-payment-reported-already", "The fee of " + licence.id()
                    + " was reported paid already.", "licenceId", FreeZoneTerms.LAND_FEE_ARTICLE);
        }
        if (feeDueBy.get(licence.id()) == null) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.fee-without-last-day", "Licence " + licence.id() + " was granted "
                    + "before the fee had a last day; it does not lapse, and the governor records its fee.", "licenceId", FreeZoneTerms.LAND_FEE_ARTICLE);
        }
        feeIsPaidInTime(licence.id(), receivedOn);
        reportKeepsOnlyRightsTheGovernorCanCertify(licence, standing, receivedOn);
    }

    // 003 art. 12.5, 22.5-22.7 (abuse audit F162): a report keeps the rights from lapsing so that the governor certifies them later
    // (F131); it is refused where the governor's record would be: for a period that has ended (F43), a holder no longer registered here,
    // or one whose 12.5.1/12.5.2 ground is raised (F91). Accepted, it kept rights the law revokes in those circumstances from lapsing,
    // and their parcel from every other entity, for as long as the governor was slow to deregister
    static void reportKeepsOnlyRightsTheGovernorCanCertify(Licence licence, LandHolders.Holder standing, LocalDate receivedOn) {
        periodHasNotEnded(licence, receivedOn);
        registrationIsCurrent(standing, licence.holder(), "licenceId");
        noGroundForLosingLandIsRaised(standing, "licenceId");
        noGroundForLosingLandIsDue(standing, receivedOn, "licenceId");
    }

    // 003 art. 12.1, 22.5: the holder's own act, signed by the representative who signed its registration application, or (ADR 0035 item 103,
    // F524) one whose grant in force at the registry's receipt names the holder's state registration number
    static void signerRepresentsTheHolder(LandHolders.Holder standing, Signer signer, LandServices services) {
        if (!signerRepresentsTheEntityNow(standing, signer, services)) {
            throw new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, "freezone.not-representative", "Only the representative who signed the "
                    + "holder's registration application, or one whose grant in force at the registry's receipt names its state registration "
                    + "number, reports its fee paid; the one who signed the application no longer does once their grant naming the holder has "
                    + "ended.", "licenceId", "003 art. 12.1, 22.5");
        }
    }

    // 003 art. 22.5 (abuse audit F43): a certificate of rights is issued for rights that still run: a fee recorded after the period's
    // last day, judged at the registry's receipt, would certify possession that is over (the last day itself still counts)
    static void periodHasNotEnded(Licence licence, LocalDate receivedOn) {
        if (licence.until().isBefore(receivedOn)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.licence-ended", "The period of use of " + licence.id() + " ended on "
                    + licence.until() + "; no certificate is issued for it on " + receivedOn + ".", "licenceId", "003 art. 22.5");
        }
    }

    // 003 art. 23.3-23.4: the Government's exemption from the land fee, for a period and a percentage it decides, recorded by the Cabinet member
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(LandCommands.GrantLandFeeExemption body, CommandContext context, LandServices services) {
        governmentDecisionWasReceived(body.decisionSha256(), services);
        Zones.Zone zone = services.zone(body.zoneId());
        governmentExemptionIsComplete(body, context.receivedAt());
        exemptionIsNotOlderThanTheZone(body.decidedOn(), zone.resolutionDate());
        exemptedActivityIsOneTheZoneAllows(body.activity(), services.allowedActivities(zone));
        if (body.holder() != null) {
            entityIsOfThisZone(body.holder(), body.zoneId(), "holder");
            exemptionHolderIsNotTheSigners(services.standing(body.holder(), zone), body.holder(), Signer.of(context));
            exemptedHolderHoldsLandHere(body.holder(), body.from(), body.from().plusYears(body.years()).minusDays(1));
            decidedOnAConcludedAgreement(body.holder(), body.decidedOn());
        }
        oneDecisionExemptsABeneficiaryOnceADay(body);
        int number = exemptions + 1;
        apply(new LandEvents.LandFeeExemptionGranted(body.zoneId(), number, body.holder(), body.activity(), body.percent(), body.from(),
                body.from().plusYears(body.years()).minusDays(1), body.decision().strip(), body.decidedOn(), body.decisionSha256(), "003 art. 23.3-23.4",
                context.receivedAt(), context.actor()));
        return number;
    }

    /**
     * 003 art. 23.4, 12.5, 22.6; 001 art. 23.1.1 (ADR 0035 items 9, 110, 126; abuse audit F93, F94, F275, F501, F532, F530): what the
     * exemption's holder decides, asked by the handler and by the Cabinet's desk ({@link LandActsNow#exemptionFor}) alike: a current
     * registration with no ground of 12.5 raised or due at the receipt, and not the signer's own entity (the person who signed its
     * application, or an official whose grant names its number).
     */
    static void exemptionHolderIsNotTheSigners(LandHolders.Holder standing, RegistrationId holder, Signer signer) {
        registrationIsCurrent(standing, holder, "holder"); // F94: not a deregistered or dissolved entity
        noGroundForLosingLandIsRaised(standing, "holder"); // F275: nor one whose removal is due (ADR 0035 item 66)
        noGroundForLosingLandIsDue(standing, UlaanbaatarTime.dateOf(signer.receivedAt()), "holder"); // F501: nor one not yet raised
        actorIsNotTheHoldersRepresentative(standing, signer.person(), "holder", "003 art. 23.4");
        deciderDoesNotRepresentTheEntity(holder, signer, "holder");
    }

    // 003 art. 23.4: the Government decision is recorded with its document, uploaded first (POST /api/documents)
    static void governmentDecisionWasReceived(String sha256, LandServices services) {
        GOVERNMENT_DECISION.received(sha256, services::documentReceived);
    }

    private static final DocumentCitation GOVERNMENT_DECISION = DocumentCitation.of("decisionSha256", "003 art. 23.4").malformedAsUnknown()
            .unknownSays("The Government decision's document (SHA-256) was not received; upload it to POST /api/documents first.");

    // 003 art. 22.5: the fee's receipt is a document uploaded first (POST /api/documents); a malformed hash is answered as one never received
    private static final DocumentCitation RECEIPT = DocumentCitation.of("receiptSha256", FreeZoneTerms.LAND_FEE_ARTICLE).malformedAsUnknown()
            .unknownSays("The receipt's document is named by the SHA-256 of a file uploaded to POST /api/documents first.");

    // 003 art. 22.5 (F502): the certificate's receipt, the same document as the holder's report's, cited under the article of the certificate
    private static final DocumentCitation PAID_RECEIPT = DocumentCitation.of("receiptSha256", "003 art. 22.5").malformedAsUnknown()
            .unknownSays("The certificate is issued on the receipt's document: upload it to POST /api/documents first and name its SHA-256.");

    // 003 art. 23.3-23.4: the Government decides the beneficiary (one entity or one activity), the percentage and the duration
    static void governmentExemptionIsComplete(LandCommands.GrantLandFeeExemption body, Instant receivedAt) {
        if ((body.holder() == null) == (body.activity() == null)) {
            throw RegistryProblem.invalid("freezone.exemption-beneficiary", "An exemption names either one registration (holder) or one activity.",
                    "holder", "003 art. 23.3");
        }
        if (body.percent() < 1 || body.percent() > 100) {
            throw RegistryProblem.invalid("freezone.exemption-percent", "The exemption is 1 to 100 percent of the land fee.", "percent", "003 art. 23.4");
        }
        if (body.years() < 1 || body.years() > 100) {
            throw RegistryProblem.invalid("freezone.exemption-years", "The exemption lasts 1 to 100 whole years.", "years", "003 art. 23.4");
        }
        if (!saysSomething(body.decision()) || body.decidedOn() == null || body.from() == null) {
            throw RegistryProblem.invalid("freezone.field-missing", "The Government decision's reference and date, and the exemption's first day, are required.",
                    "decision", "003 art. 23.4");
        }
        LocalDate today = UlaanbaatarTime.dateOf(receivedAt);
        if (body.decidedOn().isAfter(today)) {
            throw RegistryProblem.invalid("freezone.decision-in-future", "The Government decision is dated " + body.decidedOn() + ", after today ("
                    + today + "): a decision not yet taken is not recorded.", "decidedOn", "003 art. 23.4");
        }
        if (body.from().isBefore(body.decidedOn())) {
            throw RegistryProblem.invalid("freezone.exemption-retroactive", "The exemption starts on " + body.from() + ", before the decision that grants it ("
                    + body.decidedOn() + ").", "from", "003 art. 23.4");
        }
    }

    /**
     * 003 art. 6.1, 23.4 (ADR 0035 item 31; abuse audit F170, was O101): the Government exempts from the land fee of a zone the State Great
     * Khural established (6.1): a decision dated before the zone's resolution exempts from the fee of a zone that was not, and its years
     * reach back over fees the registry never saw. The exemption's first day is never before its decision (governmentExemptionIsComplete),
     * so neither is it before the resolution. A zone recorded without its resolution's date (before this release) keeps the earlier rules.
     */
    static void exemptionIsNotOlderThanTheZone(LocalDate decidedOn, LocalDate resolutionDate) {
        governmentDecisionIsNotOlderThanTheZone(decidedOn, resolutionDate, "freezone.exemption-before-zone", "no exemption from the zone's "
                + "land fee is older than the zone", "003 art. 23.4, 6.1");
    }

    /**
     * 003 art. 6.1 (ADR 0035 items 31, 114): a Government decision on a zone's land (an exemption, 23.4; the basic value, 22.3) is not dated
     * before the State Great Khural resolution establishing the zone; a zone recorded without the resolution's date judges none.
     */
    static void governmentDecisionIsNotOlderThanTheZone(LocalDate decidedOn, LocalDate resolutionDate, String code, String why, String article) {
        if (resolutionDate != null && decidedOn.isBefore(resolutionDate)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, code, "The Government decision is dated " + decidedOn
                    + ", before the State Great Khural resolution establishing the zone (" + resolutionDate + "): " + why + ".", "decidedOn", article);
        }
    }

    /**
     * 003 art. 6.1, 23.3-23.4 (ADR 0035 item 30; abuse audit F169): the zone's resolution sets the types of activity carried on in it (6.1,
     * and no entity registers here for another, 12.2); an exemption from the land fee of an activity the zone does not allow exempts no one
     * and would stand published as a benefit of the zone.
     */
    static void exemptedActivityIsOneTheZoneAllows(Activity activity, java.util.Set<Activity> allowed) {
        if (activity != null && !allowed.contains(activity)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.exemption-activity-not-allowed", "The zone's resolution does not "
                    + "allow " + activity + " (it allows " + new java.util.TreeSet<>(allowed) + "): no land in the zone is used for it, and an exemption "
                    + "for it exempts no one.", "activity", "003 art. 6.1, 23.4");
        }
    }

    /**
     * 003 art. 23.4 (choice, ADR 0035 item 28; abuse audit F168, was O100): one Government decision may exempt several holders or activities
     * (and, by stages, one beneficiary over successive periods), but it exempts one beneficiary once on any day: the same decision recorded
     * again for the same holder or activity over days it already exempts is refused, whatever percentage it names (a second record would
     * publish a second benefit the Government gave once).
     */
    void oneDecisionExemptsABeneficiaryOnceADay(LandCommands.GrantLandFeeExemption body) {
        LocalDate until = body.from().plusYears(body.years()).minusDays(1);
        for (LandEvents.LandFeeExemptionGranted e : exempted) {
            if (body.decisionSha256().equals(e.decisionSha256()) && java.util.Objects.equals(body.holder(), e.holder())
                    && java.util.Objects.equals(body.activity(), e.activity()) && !e.from().isAfter(until) && !body.from().isAfter(e.until())) {
                throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.exemption-recorded-already", "This Government decision already "
                        + "exempts " + (e.holder() != null ? e.holder().value() : e.activity().name()) + " in this zone from " + e.from() + " to "
                        + e.until() + " (exemption " + e.number() + "); each of its beneficiaries is recorded once for any day.", "decisionSha256",
                        "003 art. 23.4");
            }
        }
    }

    // 003 art. 23.3 (abuse audit F94, F171; ADR 0035 item 32): an exemption by name goes to one who concluded a land use agreement in the
    // zone: a holder of land rights here, not revoked, that run on at least one day of the exemption's period. An exemption from the fee
    // of land whose period ended before it (F94), or whose period begins only after it ends (F171: decided and dated years back for
    // rights that start later), is an exemption from nothing, published as a benefit
    void exemptedHolderHoldsLandHere(RegistrationId holder, LocalDate from, LocalDate until) {
        if (licences.values().stream().noneMatch(l -> l.holder().equals(holder) && l.activeDuring(from, until))) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.exemption-holder-without-land", holder + " holds no land rights in "
                    + "force in this zone on any day from " + from + " to " + until + ".", "holder", "003 art. 23.3");
        }
    }

    /**
     * 003 art. 23.3 (choice, ADR 0035 item 34; abuse audit F173, was O104): the Government may exempt "a ... legal entity who concluded a land
     * use or land possession agreement in a Free Zone ... in consideration of performance of their obligations": a decision dated before the
     * holder concluded any such agreement here (the day its first rights in the zone were granted) considers the performance of an agreement
     * not yet concluded. A decision on or after that day is recorded, though the rights' period of use begins later.
     */
    void decidedOnAConcludedAgreement(RegistrationId holder, LocalDate decidedOn) {
        LocalDate concludedOn = firstAgreementConcludedOn.get(holder);
        if (concludedOn != null && decidedOn.isBefore(concludedOn)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.exemption-before-land-agreement", "The Government decision is dated "
                    + decidedOn + ", before " + holder + " concluded its first land use agreement in this zone (its rights granted on " + concludedOn
                    + "): the exemption of 23.3 considers the performance of an agreement already concluded.", "decidedOn", "003 art. 23.3");
        }
    }

    // 003 art. 22.6: land rights are revoked on deregistration on 12.5.1 or 12.5.2; asking again revokes nothing more
    @CommandHandler
    void handle(LandStreamCommands.RevokeHolder command) {
        List<Licence> held = new ArrayList<>();
        for (Licence l : licences.values()) {
            if (l.holder().equals(command.holder()) && !l.revoked() && !l.until().isBefore(command.on())) {
                held.add(l);
            }
        }
        held.forEach(l -> apply(new LandEvents.LandRightsRevoked(zoneId, l.id(), l.holder(), command.ground(), command.ground().landArticle(),
                command.at())));
    }

    @EventSourcingHandler
    void on(LandEvents.LandUseApplied event) {
        stream = event.zoneId().landStream();
        zoneId = event.zoneId();
        applications.put(event.applicationId(), new Application(event.applicationId(), event.applicant(), ParcelGeometry.polygon(event.parcel()),
                event.purpose(), event.from(), event.until(), event.method(), Decision.PENDING, event.receivedAt()));
        if (event.signedBy() != null) {
            appliedBy.put(event.applicationId(), event.signedBy());
        }
    }

    @EventSourcingHandler
    void on(LandEvents.LandUseRefused event) {
        applications.computeIfPresent(event.applicationId(), (id, a) -> a.decided(Decision.REFUSED));
    }

    @EventSourcingHandler
    void on(LandEvents.LandApplicationWithdrawn event) {
        applications.computeIfPresent(event.applicationId(), (id, a) -> a.decided(Decision.WITHDRAWN));
    }

    @EventSourcingHandler
    void on(LandEvents.LandFeeExemptionGranted event) {
        stream = event.zoneId().landStream();
        zoneId = event.zoneId();
        exemptions = Math.max(exemptions, event.number());
        exempted.add(event);
    }

    @EventSourcingHandler
    void on(LandEvents.LandRightsGranted event) {
        stream = event.zoneId().landStream();
        zoneId = event.zoneId();
        if (event.applicationId() != null) {
            applications.computeIfPresent(event.applicationId(), (id, a) -> a.decided(Decision.GRANTED));
        }
        licences.put(event.licenceId(), new Licence(event.licenceId(), event.holder(), ParcelGeometry.polygon(event.parcel()), event.areaHectares(),
                event.from(), event.until(), event.nominalValue(), false, false));
        firstAgreementConcludedOn.merge(event.holder(), UlaanbaatarTime.dateOf(event.grantedAt()), (a, b) -> a.isBefore(b) ? a : b);
        if (event.feeDueBy() != null) {
            feeDueBy.put(event.licenceId(), event.feeDueBy());
        }
    }

    @EventSourcingHandler
    void on(LandEvents.LandFeePaymentReported event) {
        paymentReported.add(event.licenceId());
        reportedReceipts.add(event.receiptSha256());
        if (event.receiptSha256() != null) {
            reportedReceiptOf.putIfAbsent(event.licenceId(), event.receiptSha256());
        }
        paidByTheReceipt(event.receiptSha256(), event.licenceId());
    }

    private void paidByTheReceipt(String receiptSha256, LandLicenceId licence) {
        if (receiptSha256 != null) { // a certificate stored before session 29 names no document ("not recorded")
            receiptDocuments.putIfAbsent(receiptSha256, licence);
        }
    }

    @EventSourcingHandler
    void on(LandEvents.LandSelectionResultRecorded event) {
        selections.put(event.applicationId(), event);
    }

    @EventSourcingHandler
    void on(LandEvents.LandSelectionResultAnnulled event) {
        selections.remove(event.applicationId());
        annulledSelections.put(event.applicationId(), event);
        annulledResultDocuments.add(event.resultSha256());
    }

    @EventSourcingHandler
    void on(LandEvents.LandBaseValueRecorded event) {
        stream = event.zoneId().landStream();
        zoneId = event.zoneId();
        baseValues.add(event);
    }

    @EventSourcingHandler
    void on(LandEvents.LandBaseValueConfirmed event) {
        baseValueConfirmedAt.putIfAbsent(event.number(), event.confirmedAt());
    }

    @EventSourcingHandler
    void on(LandEvents.LandRightsLapsed event) {
        lapsed.add(event.licenceId());
        Licence l = licences.get(event.licenceId());
        licences.put(l.id(), new Licence(l.id(), l.holder(), l.parcel(), l.hectares(), l.from(), l.until(), l.nominalValue(), false, true));
    }

    @EventSourcingHandler
    void on(LandEvents.LandLicenceIssued event) {
        receipts.putIfAbsent(receiptKey(event.receipt()), event.licenceId());
        paidByTheReceipt(event.receiptSha256(), event.licenceId());
        Licence l = licences.get(event.licenceId());
        licences.put(l.id(), new Licence(l.id(), l.holder(), l.parcel(), l.hectares(), l.from(), l.until(), l.nominalValue(), true, false));
    }

    @EventSourcingHandler
    void on(LandEvents.LandRightsRevoked event) {
        Licence l = licences.get(event.licenceId());
        licences.put(l.id(), new Licence(l.id(), l.holder(), l.parcel(), l.hectares(), l.from(), l.until(), l.nominalValue(), l.issued(), true));
    }

    Map<LandLicenceId, Licence> licences() {
        return licences;
    }

    Map<LandApplicationId, Application> applications() {
        return applications;
    }
}
