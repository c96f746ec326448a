package mn.registry.freezone.entity;

import mn.registry.freezone.governor.StreamTarget;
import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneCertificate;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import org.axonframework.commandhandling.CommandMessage;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static mn.registry.freezone.FreeZoneSigned.byGovernor;
import static mn.registry.freezone.FreeZoneSigned.on;
import static mn.registry.freezone.FreeZoneSigned.signed;
import static org.assertj.core.api.Assertions.assertThat;

class ZoneRegistrationTest {

    static final ZoneId ZONE = ZoneId.of("altanbulag");
    static final LegalEntity MONGOLIAN = new LegalEntity("Selenge Trade LLC", Jurisdiction.MONGOLIAN, null, "6001234");
    static final LegalEntity FOREIGN = new LegalEntity("Kyakhta Logistics OOO", Jurisdiction.FOREIGN, "RU", "1027700132195");
    static final RegistrationId ID = RegistrationId.of(ZONE, MONGOLIAN);
    static final String STREAM = RegistrationStreamCommands.stream(ID);
    static final PersonId APPLICANT = new PersonId("applicant-1");
    static final PersonId GOVERNOR = new PersonId("governor-altanbulag");
    static final Instant RECEIVED = Instant.parse("2026-11-20T03:00:00Z"); // Friday in Ulaanbaatar
    static final LocalDate DUE = LocalDate.of(2026, 11, 27);
    static final Instant DUE_AT = UlaanbaatarTime.endOf(DUE).toInstant();
    static final CalendarVersion VERSION = new CalendarVersion("MN-2024.1");
    static final LocalDate CERTIFIED = LocalDate.of(2026, 11, 24);
    /** The activities of the zone's establishing resolution (003 art. 6.1): no hotels. */
    static final Set<Activity> ALLOWED = Set.of(Activity.TRADE, Activity.PRODUCTION);
    /**
     * The registry's local date of receipt of the governor's records in these tests: within the year to start counted from the
     * certificate ({@link #CERTIFIED}, to 2027-11-23), when an investment agreement is still received (ADR 0035 item 6).
     */
    static final LocalDate TODAY = LocalDate.of(2027, 11, 20);
    /** The SHA-256 of the signed investment agreement and of the court's decision, uploaded first (ADR 0035 item 7). */
    static final String AGREEMENT_DOC = "1".repeat(64);
    static final String COURT_DOC = "2".repeat(64);
    /** The SHA-256 of the document an interruption rests on (ADR 0035 item 46). */
    static final String INTERRUPTION_DOC = "7".repeat(64);
    /** The SHA-256 of the document a resumption rests on (ADR 0035 item 56). */
    static final String RESUMPTION_DOC = "8".repeat(64);

    private AggregateTestFixture<ZoneRegistration> fixture;
    private final Services services = new Services();

    @BeforeEach
    void fixture() {
        fixture = fixture(services);
    }

    /** A fixture of the registration aggregate as the registry wires it: its stream named from the body, the given services. */
    static AggregateTestFixture<ZoneRegistration> fixture(RegistrationServices services) {
        AggregateTestFixture<ZoneRegistration> fixture = new AggregateTestFixture<>(ZoneRegistration.class);
        fixture.registerCommandTargetResolver(new StreamTarget(RegistrationCommandTypes::streamOf));
        fixture.registerInjectableResource(services);
        return fixture;
    }

    /** {@link Services} counting the business days on a calendar a test changes, as the registry's calendar in force (ADR 0035 items 89, 94). */
    static class CalendarServices extends Services {
        mn.registry.kernel.calendar.WorkingDayCalendar inForce = mn.registry.kernel.calendar.WorkingDayCalendar.base();

        @Override
        public Deadline due(Instant from, WorkingDays n) {
            return inForce.deadline(from, n);
        }
    }

    /** {@link RegistrationServices} of a test: the review due {@link #DUE}, an open zone allowing {@link #ALLOWED}, every document received. */
    static class Services implements RegistrationServices {
        boolean open = true;
        final Set<String> unknownDocuments = new HashSet<>();

        @Override
        public Deadline due(Instant from, WorkingDays n) {
            return new Deadline(UlaanbaatarTime.dateOf(from), n, DUE, UlaanbaatarTime.endOf(DUE), VERSION, List.of());
        }

        /** The calendar in force at an escalation is the one {@link #due} counts on. */
        @Override
        public Deadline dueOnTheCalendarInForceNow(java.time.LocalDate dayZero, WorkingDays n) {
            return due(UlaanbaatarTime.endOf(dayZero).toInstant(), n);
        }

        /** The zone as a test sets it: open or not, allowing {@link #ALLOWED}, with {@link #closures} and {@link #resolutionDate}. */
        @Override
        public mn.registry.freezone.zone.Zones.Zone zone(ZoneId zone) {
            return new mn.registry.freezone.zone.Zones.Zone(zone, "Test zone", null, null, open, resolutionDate, closures, ALLOWED);
        }

        /** When the registry received a document, by SHA-256 (ADR 0035 item 46), for the tests that judge an act's day by it. */
        final java.util.Map<String, Instant> receivedAt = new java.util.HashMap<>();

        /**
         * When the registry received a document a test does not date (session 22, ADR 0035 item 63: a received document has its
         * receipt): late enough that no day an act names is after it (item 46's rules judge only a day a test sets), and after any
         * court's day (item 60 admits a resumption after the dissolution only on a document received before it).
         */
        static final Instant UNDATED_RECEIPT = Instant.parse("2099-12-31T00:00:00Z");

        @Override
        public java.util.Optional<Instant> documentReceivedAt(String sha256) {
            return unknownDocuments.contains(sha256) ? java.util.Optional.empty()
                    : java.util.Optional.of(receivedAt.getOrDefault(sha256, UNDATED_RECEIPT));
        }

        /** The court decisions another registration of the entity recorded, by their document's SHA-256 (ADR 0035 item 64); none unless set. */
        final java.util.Map<String, RegistrationEvents.CourtDissolutionRecorded> courtDecisions = new java.util.HashMap<>();

        @Override
        public java.util.Optional<RegistrationEvents.CourtDissolutionRecorded> courtDecisionRecordedElsewhere(String sha256) {
            return java.util.Optional.ofNullable(courtDecisions.get(sha256));
        }

        /** The court decisions recorded on the entity's registrations in other zones (ADR 0035 item 67); none unless a test adds one. */
        final List<RegistrationEvents.CourtDissolutionRecorded> decisionsElsewhere = new java.util.ArrayList<>();

        @Override
        public List<RegistrationEvents.CourtDissolutionRecorded> courtDecisionsOfTheEntityElsewhere(RegistrationId registration) {
            return decisionsElsewhere.stream().filter(recorded -> !recorded.registrationId().zoneId().equals(registration.zoneId())).toList();
        }

        /** The fee receipts claimed, by SHA-256 (ADR 0035 item 19); another registration's is refused as the registry's claim refuses it. */
        final java.util.Map<String, RegistrationId> feeReceipts = new java.util.HashMap<>();

        @Override
        public void claimFeeReceipt(String sha256, String commandId, RegistrationId registration, Instant at) {
            RegistrationId holder = feeReceipts.putIfAbsent(sha256, registration);
            if (holder != null && !holder.equals(registration)) {
                throw new mn.registry.kernel.problem.RegistryProblem(mn.registry.kernel.problem.RegistryProblem.Kind.CONFLICT,
                        "freezone.fee-receipt-used-elsewhere", "used elsewhere", "documents", "003 art. 12.1");
            }
        }

        /** The zone's resolution date (003 art. 6.1, ADR 0035 items 31, 35); none unless a test sets it. */
        LocalDate resolutionDate;

        @Override
        public LocalDate resolutionDate(ZoneId zone) {
            return resolutionDate;
        }

        /** The zone's temporary closures (003 art. 6.4, ADR 0035 item 21); none unless a test sets them. */
        final List<mn.registry.kernel.freezone.FreeZoneTerms.Closure> closures = new java.util.ArrayList<>();

        @Override
        public List<mn.registry.kernel.freezone.FreeZoneTerms.Closure> closures(ZoneId zone) {
            return closures;
        }
    }

    /** The governor of Altanbulag's record, received at {@code at}. */
    static CommandMessage<Object> governor(Object body, Instant at) {
        return byGovernor(body, GOVERNOR, ZONE, at);
    }

    static List<SubmittedZoneDocument> documents(Jurisdiction jurisdiction) {
        return ZoneDocument.requiredFor(jurisdiction).stream().map(k -> new SubmittedZoneDocument(k, Integer.toHexString(k.ordinal() + 10).repeat(64))).toList();
    }

    /** The same documents, the fee paid anew: a receipt of its own ({@code receipt}), as an application for a new registration period names it. */
    static List<SubmittedZoneDocument> paidAnew(List<SubmittedZoneDocument> documents, String receipt) {
        return documents.stream().map(d -> d.kind() == ZoneDocument.REGISTRATION_FEE_RECEIPT ? new SubmittedZoneDocument(d.kind(), receipt) : d).toList();
    }

    static RegistrationCommands.ApplyForZoneRegistration application(LegalEntity entity, List<SubmittedZoneDocument> documents) {
        return new RegistrationCommands.ApplyForZoneRegistration(ZONE, entity, Activity.TRADE, documents);
    }

    static CommandMessage<Object> apply(LegalEntity entity, List<SubmittedZoneDocument> documents) {
        return signed(application(entity, documents), APPLICANT, RECEIVED, Role.APPLICANT);
    }

    static RegistrationEvents.ZoneRegistrationApplied applied() {
        return new RegistrationEvents.ZoneRegistrationApplied(ID, ZONE, MONGOLIAN, Activity.TRADE, documents(Jurisdiction.MONGOLIAN), RECEIVED, DUE,
                DUE_AT, WorkingDays.of(5), VERSION, "003 art. 12.2", APPLICANT);
    }

    static ZoneCertificate certificate() {
        return new ZoneCertificate("ALTANBULAG/2026/MN-6001234", ID, MONGOLIAN, Activity.TRADE, CERTIFIED, ZONE);
    }

    static RegistrationEvents.EntityRegistered registered() {
        return new RegistrationEvents.EntityRegistered(ID, certificate(), RECEIVED.plusSeconds(4 * 86400), GOVERNOR);
    }

    static RegistrationEvents.InvestmentAgreementRecorded agreement(LocalDate signedOn, LocalDate startDueBy) {
        return new RegistrationEvents.InvestmentAgreementRecorded(ID, signedOn, LocalDate.of(2036, 12, 31), Money.mnt(5_000_000_000L), true, startDueBy, GOVERNOR, AGREEMENT_DOC);
    }

    @Test
    @DisplayName("003 art. 12.1.1, 12.2: a Mongolian entity's complete application is received with its 5-business-day review due date")
    void complete_application_is_received() {
        fixture.givenNoPriorActivity()
                .when(apply(MONGOLIAN, documents(Jurisdiction.MONGOLIAN)))
                .expectEvents(applied())
                .expectState(r -> assertThat(r.status()).isEqualTo(ZoneRegistration.Status.APPLIED));
    }

    @Test
    @DisplayName("003 art. 12.1.2: a foreign entity without its power of attorney is refused, naming the document")
    void foreign_entity_missing_power_of_attorney_is_named() {
        List<SubmittedZoneDocument> docs = new ArrayList<>(documents(Jurisdiction.FOREIGN));
        docs.removeIf(d -> d.kind() == ZoneDocument.POWER_OF_ATTORNEY);
        fixture.givenNoPriorActivity()
                .when(apply(FOREIGN, docs))
                .expectException(RegistryProblem.class)
                .expectExceptionMessage("The document POWER_OF_ATTORNEY (003 art. 12.1.2) is missing.")
                .expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.1.1: a Mongolian entity's documents do not serve a foreign one: the incorporation document is named")
    void foreign_entity_with_mongolian_documents_is_refused() {
        fixture.givenNoPriorActivity()
                .when(apply(FOREIGN, documents(Jurisdiction.MONGOLIAN)))
                .expectException(RegistryProblem.class)
                .expectExceptionMessage("The document INCORPORATION_DOCUMENT (003 art. 12.1.2) is missing.")
                .expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.2: one registration per entity per zone: applying again while registered is refused")
    void one_registration_per_entity_per_zone() {
        fixture.given(applied(), registered())
                .when(apply(MONGOLIAN, documents(Jurisdiction.MONGOLIAN)))
                .expectException(RegistryProblem.class)
                .expectExceptionMessage(ID + " is registered in this zone already.")
                .expectNoEvents();
        fixture.given(applied(), new RegistrationEvents.ZoneRegistrationRejected(ID, List.of("fee unpaid"), RECEIVED, GOVERNOR))
                .when(apply(MONGOLIAN, documents(Jurisdiction.MONGOLIAN)))
                .expectEvents(applied());
    }

    @Test
    @DisplayName("003 art. 12.2: the entity is registered with a certificate valid only in its zone")
    void registered_with_certificate_valid_only_in_the_zone() {
        fixture.given(applied())
                .when(governor(new RegistrationCommands.RegisterEntity(ID), RECEIVED.plusSeconds(4 * 86400)))
                .expectEvents(registered())
                .expectState(r -> assertThat(r.status()).isEqualTo(ZoneRegistration.Status.REGISTERED));
    }

    @Test
    @DisplayName("003 art. 12.2 (ADR 0035 item 170, choice; F614, was O486): a decision received after the 5 business days is accepted and "
            + "recorded late (the last day it came after), judged at the registry's receipt; one received on the last day is not late")
    void a_decision_after_the_five_business_days_is_recorded_late() {
        Instant afterTheLastDay = DUE_AT.plusSeconds(60);
        LocalDate issuedOn = UlaanbaatarTime.dateOf(afterTheLastDay);
        fixture.given(applied())
                .when(governor(new RegistrationCommands.RegisterEntity(ID), afterTheLastDay))
                .expectEvents(new RegistrationEvents.EntityRegistered(ID, new ZoneCertificate("ALTANBULAG/2026/MN-6001234", ID, MONGOLIAN,
                        Activity.TRADE, issuedOn, ZONE), afterTheLastDay, GOVERNOR, DUE));
        fixture.given(applied())
                .when(governor(new RegistrationCommands.RejectZoneRegistration(ID, List.of("fee unpaid")), afterTheLastDay))
                .expectEvents(new RegistrationEvents.ZoneRegistrationRejected(ID, List.of("fee unpaid"), afterTheLastDay, GOVERNOR, DUE));
        fixture.given(applied())
                .when(governor(new RegistrationCommands.RegisterEntity(ID), DUE_AT))
                .expectEvents(new RegistrationEvents.EntityRegistered(ID, new ZoneCertificate("ALTANBULAG/2026/MN-6001234", ID, MONGOLIAN,
                        Activity.TRADE, DUE, ZONE), DUE_AT, GOVERNOR, null));
    }

    @Test
    @DisplayName("003 art. 12.2: a rejection gives reasons; without them it is refused")
    void rejected_with_reasons() {
        Instant at = RECEIVED.plusSeconds(86400);
        fixture.given(applied())
                .when(governor(new RegistrationCommands.RejectZoneRegistration(ID, List.of("", "fee receipt is for another entity")), at))
                .expectEvents(new RegistrationEvents.ZoneRegistrationRejected(ID, List.of("fee receipt is for another entity"), at, GOVERNOR));
        fixture.given(applied())
                .when(governor(new RegistrationCommands.RejectZoneRegistration(ID, List.of(" ")), at))
                .expectException(RegistryProblem.class).expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.5.1: one year to start counts from the later of agreement and certificate")
    void start_due_from_later_of_agreement_and_certificate() {
        LocalDate signed = LocalDate.of(2027, 2, 10);
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.RecordInvestmentAgreement(ID, signed,
                        LocalDate.of(2036, 12, 31), Money.mnt(5_000_000_000L), true, AGREEMENT_DOC), on(TODAY)))
                .expectEvents(agreement(signed, LocalDate.of(2028, 2, 9)));
        LocalDate before = LocalDate.of(2026, 6, 1);
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.RecordInvestmentAgreement(ID, before,
                        LocalDate.of(2036, 12, 31), Money.mnt(5_000_000_000L), true, AGREEMENT_DOC), on(TODAY)))
                .expectEvents(agreement(before, LocalDate.of(2027, 11, 23)));
    }

    @Test
    @DisplayName("003 art. 12.5.1: the registry raises the ground the day after the year runs out, not on its last day, and only once")
    void not_started_within_one_year_is_raised_once() {
        LocalDate lastDay = LocalDate.of(2027, 11, 23);
        Instant at = Instant.parse("2027-11-24T01:00:00Z");
        fixture.given(applied(), registered(), agreement(LocalDate.of(2026, 6, 1), lastDay))
                .when(new RegistrationStreamCommands.RaiseGroundIfDue(STREAM, ID, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, lastDay, at))
                .expectNoEvents();
        RegistrationEvents.DeregistrationGroundRaised raised = new RegistrationEvents.DeregistrationGroundRaised(ID,
                DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, "003 art. 12.5.1", lastDay.plusDays(1), at, null);
        fixture.given(applied(), registered(), agreement(LocalDate.of(2026, 6, 1), lastDay))
                .when(new RegistrationStreamCommands.RaiseGroundIfDue(STREAM, ID, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, lastDay.plusDays(1), at))
                .expectEvents(raised);
        fixture.given(applied(), registered(), agreement(LocalDate.of(2026, 6, 1), lastDay), raised)
                .when(new RegistrationStreamCommands.RaiseGroundIfDue(STREAM, ID, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, lastDay.plusDays(9), at))
                .expectNoEvents();
        fixture.given(applied(), registered(), agreement(LocalDate.of(2026, 6, 1), lastDay),
                        new RegistrationEvents.OperationsStarted(ID, LocalDate.of(2027, 3, 1), GOVERNOR, null))
                .when(new RegistrationStreamCommands.RaiseGroundIfDue(STREAM, ID, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, lastDay.plusDays(1), at))
                .expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.5.2: 12 consecutive months of interruption raise the ground; a resumption stops the clock")
    void interrupted_twelve_months_is_raised() {
        LocalDate interrupted = LocalDate.of(2027, 3, 1);
        LocalDate lastDay = LocalDate.of(2028, 2, 29);
        RegistrationEvents.OperationsStarted started = new RegistrationEvents.OperationsStarted(ID, LocalDate.of(2027, 1, 10), GOVERNOR, null);
        fixture.given(applied(), registered(), started)
                .when(governor(new RegistrationCommands.RecordOperationsInterrupted(ID, interrupted, INTERRUPTION_DOC), on(interrupted.plusDays(2))))
                .expectEvents(new RegistrationEvents.OperationsInterrupted(ID, interrupted, lastDay, GOVERNOR, INTERRUPTION_DOC));
        Instant at = Instant.parse("2028-03-01T01:00:00Z");
        RegistrationEvents.OperationsInterrupted interruption = new RegistrationEvents.OperationsInterrupted(ID, interrupted, lastDay, GOVERNOR, null);
        fixture.given(applied(), registered(), started, interruption)
                .when(new RegistrationStreamCommands.RaiseGroundIfDue(STREAM, ID, DeregistrationGround.INTERRUPTED_TWELVE_MONTHS, lastDay.plusDays(1), at))
                .expectEvents(new RegistrationEvents.DeregistrationGroundRaised(ID, DeregistrationGround.INTERRUPTED_TWELVE_MONTHS, "003 art. 12.5.2",
                        lastDay.plusDays(1), at, null));
        fixture.given(applied(), registered(), started, interruption, new RegistrationEvents.OperationsResumed(ID, LocalDate.of(2027, 9, 1), GOVERNOR))
                .when(new RegistrationStreamCommands.RaiseGroundIfDue(STREAM, ID, DeregistrationGround.INTERRUPTED_TWELVE_MONTHS, lastDay.plusDays(1), at))
                .expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.5.3: a court decision is recorded with its reference and raises its ground")
    void court_decision_raises_its_ground() {
        Instant at = Instant.parse("2027-05-02T01:00:00Z");
        LocalDate decided = LocalDate.of(2027, 4, 28);
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.RecordCourtDecision(ID, "Selenge court 2027/118", decided, false, COURT_DOC), at))
                .expectEvents(new RegistrationEvents.CourtDissolutionRecorded(ID, "Selenge court 2027/118", decided, false, GOVERNOR, COURT_DOC),
                        new RegistrationEvents.DeregistrationGroundRaised(ID, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", decided, at, GOVERNOR));
    }

    @Test
    @DisplayName("003 art. 12.5: deregistration needs a raised ground")
    void deregistration_needs_a_raised_ground() {
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.DeregisterEntity(ID, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, "r"), Instant.parse("2027-01-01T01:00:00Z")))
                .expectException(RegistryProblem.class).expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 22.6, 26.2: deregistration on 12.5.1 revokes land rights and, before the agreement ends, flags the tax clawback")
    void deregistration_on_12_5_1_revokes_land_and_flags_clawback() {
        LocalDate lastDay = LocalDate.of(2027, 11, 23);
        Instant at = Instant.parse("2027-12-01T02:00:00Z");
        fixture.given(applied(), registered(), agreement(LocalDate.of(2026, 6, 1), lastDay),
                        new RegistrationEvents.DeregistrationGroundRaised(ID, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, "003 art. 12.5.1", lastDay.plusDays(1), at, null))
                .when(governor(new RegistrationCommands.DeregisterEntity(ID, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR,
                        "no operations"), at))
                .expectEvents(new RegistrationEvents.EntityDeregistered(ID, ZONE, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, "003 art. 12.5.1",
                        "no operations", at, true, true, GOVERNOR))
                .expectState(r -> assertThat(r.status()).isEqualTo(ZoneRegistration.Status.DEREGISTERED));
    }

    @Test
    @DisplayName("003 art. 26.2, 22.7: dissolution by bankruptcy owes no clawback, and a court's dissolution ends the land rights (ADR 0035 item 16)")
    void bankruptcy_owes_no_clawback() {
        Instant at = Instant.parse("2027-05-02T01:00:00Z");
        LocalDate decided = LocalDate.of(2027, 4, 28);
        fixture.given(applied(), registered(), agreement(LocalDate.of(2026, 6, 1), LocalDate.of(2027, 11, 23)),
                        new RegistrationEvents.CourtDissolutionRecorded(ID, "ref", decided, true, GOVERNOR, COURT_DOC),
                        new RegistrationEvents.DeregistrationGroundRaised(ID, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", decided, at, GOVERNOR))
                .when(governor(new RegistrationCommands.DeregisterEntity(ID, DeregistrationGround.COURT_DECISION, "dissolved"), at))
                .expectEvents(new RegistrationEvents.EntityDeregistered(ID, ZONE, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", "dissolved", at,
                        true, false, GOVERNOR));
    }

    @Test
    @DisplayName("003 art. 12.2: a review not decided within 5 business days is escalated once after the end of the due date, never before or after a decision")
    void overdue_review_escalates_once() {
        Instant lastMinute = Instant.parse("2026-11-27T15:59:00Z");
        Instant afterDue = Instant.parse("2026-11-27T16:00:05Z");
        fixture.given(applied())
                .when(new RegistrationStreamCommands.EscalateOverdueReview(STREAM, ID, DUE, lastMinute))
                .expectNoEvents();
        RegistrationEvents.ZoneRegistrationReviewOverdue overdue = new RegistrationEvents.ZoneRegistrationReviewOverdue(ID, DUE, afterDue, "003 art. 12.2");
        fixture.given(applied())
                .when(new RegistrationStreamCommands.EscalateOverdueReview(STREAM, ID, DUE, afterDue))
                .expectEvents(overdue);
        fixture.given(applied(), overdue)
                .when(new RegistrationStreamCommands.EscalateOverdueReview(STREAM, ID, DUE, afterDue.plusSeconds(60)))
                .expectNoEvents();
        fixture.given(applied(), registered())
                .when(new RegistrationStreamCommands.EscalateOverdueReview(STREAM, ID, DUE, afterDue))
                .expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.2: a calendar change moves the review due date of an application under review")
    void calendar_change_moves_the_review_due_date() {
        LocalDate moved = LocalDate.of(2026, 11, 30);
        Instant movedAt = Instant.parse("2026-11-30T15:59:59Z");
        CalendarVersion next = new CalendarVersion("MN-2024.2");
        fixture.given(applied())
                .when(new RegistrationStreamCommands.RecomputeReviewDue(STREAM, ID, moved, movedAt, next))
                .expectEvents(new RegistrationEvents.ZoneRegistrationReviewDueRecomputed(ID, LocalDate.of(2026, 11, 20), moved, movedAt, next, "003 art. 12.2"));
        fixture.given(applied(), registered())
                .when(new RegistrationStreamCommands.RecomputeReviewDue(STREAM, ID, moved, movedAt, next))
                .expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 6.1, 12.2: a hotel applying in a zone whose resolution allows no hotels is refused, naming the activity")
    void activity_the_zone_does_not_allow_is_refused_at_application() {
        RegistrationCommands.ApplyForZoneRegistration hotel = new RegistrationCommands.ApplyForZoneRegistration(ZONE, MONGOLIAN, Activity.HOTEL,
                documents(Jurisdiction.MONGOLIAN));
        fixture.givenNoPriorActivity()
                .when(signed(hotel, APPLICANT, RECEIVED, Role.APPLICANT))
                .expectException(problem("freezone.activity-not-allowed", "activity"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 6.1, 12.2: the governor cannot register an entity for an activity the zone's resolution does not allow")
    void activity_the_zone_does_not_allow_is_refused_at_registration() {
        RegistrationEvents.ZoneRegistrationApplied hotel = new RegistrationEvents.ZoneRegistrationApplied(ID, ZONE, MONGOLIAN, Activity.HOTEL,
                documents(Jurisdiction.MONGOLIAN), RECEIVED, DUE, DUE_AT, WorkingDays.of(5), VERSION, "003 art. 12.2", APPLICANT);
        fixture.given(hotel)
                .when(governor(new RegistrationCommands.RegisterEntity(ID), RECEIVED.plusSeconds(86400)))
                .expectException(problem("freezone.activity-not-allowed", "activity"))
                .expectNoEvents();
        fixture.given(applied())
                .when(governor(new RegistrationCommands.RegisterEntity(ID), RECEIVED.plusSeconds(4 * 86400)))
                .expectEvents(new RegistrationEvents.EntityRegistered(ID, certificate(), RECEIVED.plusSeconds(4 * 86400), GOVERNOR));
    }

    static CommandMessage<Object> agreementSigned(LocalDate signedOn, LocalDate endsOn, LocalDate receivedOn) {
        return governor(new RegistrationCommands.RecordInvestmentAgreement(ID, signedOn, endsOn, Money.mnt(5_000_000_000L), true, AGREEMENT_DOC), on(receivedOn));
    }

    @Test
    @DisplayName("003 art. 12.5.1: an investment agreement dated after the day it is recorded is refused (it would postpone the ground)")
    void future_agreement_date_is_refused() {
        LocalDate today = LocalDate.of(2027, 2, 10);
        fixture.given(applied(), registered())
                .when(agreementSigned(today.plusDays(1), LocalDate.of(2036, 12, 31), today))
                .expectException(problem("freezone.date-in-future", "signedOn"))
                .expectNoEvents();
        fixture.given(applied(), registered())
                .when(agreementSigned(LocalDate.of(2030, 1, 1), LocalDate.of(2036, 12, 31), today))
                .expectException(problem("freezone.date-in-future", "signedOn"))
                .expectNoEvents();
        fixture.given(applied(), registered())
                .when(agreementSigned(today, LocalDate.of(2036, 12, 31), today))
                .expectEvents(agreement(today, LocalDate.of(2028, 2, 9)));
    }

    @Test
    @DisplayName("003 art. 12.5.1, 26.2: an agreement that has already ended on the day it is recorded is refused")
    void ended_agreement_is_refused() {
        LocalDate today = LocalDate.of(2027, 2, 10);
        fixture.given(applied(), registered())
                .when(agreementSigned(LocalDate.of(2026, 12, 1), today, today))
                .expectException(problem("freezone.agreement-ended", "endsOn"))
                .expectNoEvents();
    }

    /** {@link Services} counting the reads of the zone's stream an act asks for (abuse audit O403): the zone, or its closures alone. */
    static final class CountingServices extends Services {
        int zoneReads;

        @Override
        public mn.registry.freezone.zone.Zones.Zone zone(ZoneId zone) {
            zoneReads++;
            return super.zone(zone);
        }

        @Override
        public List<mn.registry.kernel.freezone.FreeZoneTerms.Closure> closures(ZoneId zone) {
            zoneReads++;
            return super.closures(zone);
        }

        @Override
        public LocalDate resolutionDate(ZoneId zone) {
            zoneReads++;
            return super.resolutionDate(zone);
        }

        /** The reads {@code act} asked for; its outcome as {@code expect} says. */
        int readsOf(Runnable act) {
            zoneReads = 0;
            act.run();
            return zoneReads;
        }
    }

    @Test
    @DisplayName("003 art. 6.1, 6.4, 12.2, 12.5.1, 12.5.2 (abuse audit O403): an application, a registration, an investment agreement and a "
            + "start of operations each ask for the zone once (main: twice), with the same outcome; a closed zone refuses on that one read")
    void each_registration_act_reads_the_zone_once() {
        CountingServices counting = new CountingServices();
        AggregateTestFixture<ZoneRegistration> counted = fixture(counting);
        assertThat(counting.readsOf(() -> counted.givenNoPriorActivity().when(apply(MONGOLIAN, documents(Jurisdiction.MONGOLIAN)))
                .expectEvents(applied()))).as("the application: open, and its activities").isEqualTo(1);
        assertThat(counting.readsOf(() -> counted.given(applied()).when(governor(new RegistrationCommands.RegisterEntity(ID),
                RECEIVED.plusSeconds(4 * 86400))).expectEvents(registered()))).as("the registration: open, and its activities").isEqualTo(1);
        LocalDate signed = LocalDate.of(2027, 2, 10);
        assertThat(counting.readsOf(() -> counted.given(applied(), registered()).when(governor(new RegistrationCommands.RecordInvestmentAgreement(ID,
                signed, LocalDate.of(2036, 12, 31), Money.mnt(5_000_000_000L), true, AGREEMENT_DOC), on(TODAY)))
                .expectEvents(agreement(signed, LocalDate.of(2028, 2, 9))))).as("the agreement: closures, and the resolution's date").isEqualTo(1);
        LocalDate today = LocalDate.of(2027, 3, 1);
        assertThat(counting.readsOf(() -> counted.given(applied(), registered()).when(governor(new RegistrationCommands.RecordOperationsStarted(ID,
                today, FreeZoneAbuseRound8Test.START_DOC), on(today))).expectEvents(new RegistrationEvents.OperationsStarted(ID, today, GOVERNOR,
                FreeZoneAbuseRound8Test.START_DOC)))).as("the start: closures, for the window and the day").isEqualTo(1);
        counting.open = false;
        assertThat(counting.readsOf(() -> counted.givenNoPriorActivity().when(apply(MONGOLIAN, documents(Jurisdiction.MONGOLIAN)))
                .expectException(problem("freezone.zone-closed", null)).expectNoEvents())).as("a closed zone refuses, one read").isEqualTo(1);
    }

    @Test
    @DisplayName("003 art. 12.5.1: a start of operations dated in the future, or before the certificate, is refused")
    void start_date_in_range() {
        LocalDate today = LocalDate.of(2027, 3, 1);
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, LocalDate.of(2027, 6, 1), FreeZoneAbuseRound8Test.START_DOC), on(today)))
                .expectException(problem("freezone.date-in-future", "on"))
                .expectNoEvents();
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, CERTIFIED.minusDays(1), FreeZoneAbuseRound8Test.START_DOC), on(today)))
                .expectException(problem("freezone.date-before-registration", "on"))
                .expectNoEvents();
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, today, FreeZoneAbuseRound8Test.START_DOC), on(today)))
                .expectEvents(new RegistrationEvents.OperationsStarted(ID, today, GOVERNOR, FreeZoneAbuseRound8Test.START_DOC));
    }

    @Test
    @DisplayName("003 art. 12.5.2: an interruption or a resumption dated in the future is refused")
    void interruption_and_resumption_not_in_the_future() {
        LocalDate today = LocalDate.of(2027, 5, 1);
        RegistrationEvents.OperationsStarted started = new RegistrationEvents.OperationsStarted(ID, LocalDate.of(2027, 1, 10), GOVERNOR, null);
        fixture.given(applied(), registered(), started)
                .when(governor(new RegistrationCommands.RecordOperationsInterrupted(ID, today.plusDays(1), INTERRUPTION_DOC), on(today)))
                .expectException(problem("freezone.date-in-future", "on"))
                .expectNoEvents();
        RegistrationEvents.OperationsInterrupted interrupted = new RegistrationEvents.OperationsInterrupted(ID, LocalDate.of(2027, 3, 1),
                LocalDate.of(2028, 2, 29), GOVERNOR, null);
        fixture.given(applied(), registered(), started, interrupted)
                .when(governor(new RegistrationCommands.RecordOperationsResumed(ID, LocalDate.of(2028, 1, 1), ZoneRegistrationTest.RESUMPTION_DOC), on(today)))
                .expectException(problem("freezone.date-in-future", "on"))
                .expectNoEvents();
        fixture.given(applied(), registered(), started, interrupted)
                .when(governor(new RegistrationCommands.RecordOperationsResumed(ID, today, ZoneRegistrationTest.RESUMPTION_DOC), on(today)))
                .expectEvents(new RegistrationEvents.OperationsResumed(ID, today, GOVERNOR, ZoneRegistrationTest.RESUMPTION_DOC));
    }

    @Test
    @DisplayName("003 art. 12.5.3: a court decision dated after the day it is recorded is refused")
    void court_decision_not_in_the_future() {
        Instant at = Instant.parse("2027-05-02T01:00:00Z");
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.RecordCourtDecision(ID, "Selenge court 2027/118",
                        LocalDate.of(2027, 5, 3), false, COURT_DOC), at))
                .expectException(problem("freezone.date-in-future", "decidedOn"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 6.4, 12.1: a closed zone takes no application and no registration, and a document never uploaded is refused, naming it")
    void closed_zone_and_unknown_document_are_refused() {
        services.open = false;
        fixture.givenNoPriorActivity()
                .when(apply(MONGOLIAN, documents(Jurisdiction.MONGOLIAN)))
                .expectException(problem("freezone.zone-closed", null))
                .expectNoEvents();
        fixture.given(applied())
                .when(governor(new RegistrationCommands.RegisterEntity(ID), RECEIVED.plusSeconds(4 * 86400)))
                .expectException(problem("freezone.zone-closed", null))
                .expectNoEvents();
        services.open = true;
        SubmittedZoneDocument first = documents(Jurisdiction.MONGOLIAN).get(0);
        services.unknownDocuments.add(first.sha256());
        fixture.givenNoPriorActivity()
                .when(apply(MONGOLIAN, documents(Jurisdiction.MONGOLIAN)))
                .expectException(problem("document.unknown", "documents." + first.kind()))
                .expectNoEvents();
    }

    static org.hamcrest.Matcher<Throwable> problem(String code, String field) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t instanceof RegistryProblem p && code.equals(p.code()) && java.util.Objects.equals(field, p.field());
            }

            @Override
            public void describeTo(org.hamcrest.Description d) {
                d.appendText("RegistryProblem " + code + " on " + field);
            }
        };
    }
}
