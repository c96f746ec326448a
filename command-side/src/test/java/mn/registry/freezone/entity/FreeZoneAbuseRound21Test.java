package mn.registry.freezone.entity;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandLog;
import mn.registry.command.claim.Claimant;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.command.claim.DocumentKind;
import mn.registry.document.DocumentStore;
import mn.registry.infrastructure.identity.Actor;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.FreeZoneTerms;
import mn.registry.kernel.freezone.GovernorActs;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.money.Money;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.testing.MovableClock;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.util.unit.DataSize;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static mn.registry.freezone.FreeZoneSigned.on;
import static mn.registry.freezone.entity.ZoneRegistrationTest.GOVERNOR;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ID;
import static mn.registry.freezone.entity.ZoneRegistrationTest.applied;
import static mn.registry.freezone.entity.ZoneRegistrationTest.governor;
import static mn.registry.freezone.entity.ZoneRegistrationTest.registered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 24, Free Zone round 21 (abuse audit F377-F380; ADR 0035 items 75-77): the governor's desk offers an act only while the registration's
 * aggregate would record it, as the aggregate itself answers ({@link GovernorActsNow}, on the rules its handlers refuse by); what a
 * dishonest governor tries around registration, deregistration and land.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class FreeZoneAbuseRound21Test extends ZoneRegistrationAbuseFixture {

    static final LocalDate STARTED = LocalDate.of(2026, 12, 1);
    static final LocalDate INTERRUPTED = LocalDate.of(2027, 1, 10);
    /** The 12 months' last day as the law counts them (LegalTerm), and moved by the zone's closure of 20 days (ADR 0035 item 21). */
    static final LocalDate TWELVE_MONTHS_LAST_DAY = LocalDate.of(2028, 1, 9);
    static final LocalDate MOVED_LAST_DAY = TWELVE_MONTHS_LAST_DAY.plusDays(20);
    /** The year to start's last day from the certificate of 2026-11-24, and moved by the same closure. */
    static final LocalDate YEAR_LAST_DAY = LocalDate.of(2027, 11, 23);
    static final LocalDate YEAR_MOVED_LAST_DAY = YEAR_LAST_DAY.plusDays(20);
    static final FreeZoneTerms.Closure CLOSURE = new FreeZoneTerms.Closure(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 21));

    static final RegistrationEvents.OperationsStarted STARTED_EVENT = new RegistrationEvents.OperationsStarted(ID, STARTED, GOVERNOR,
            ZoneRegistrationTest.AGREEMENT_DOC.replace('1', '5'));
    static final RegistrationEvents.OperationsInterrupted INTERRUPTED_EVENT = new RegistrationEvents.OperationsInterrupted(ID, INTERRUPTED,
            TWELVE_MONTHS_LAST_DAY, GOVERNOR, ZoneRegistrationTest.INTERRUPTION_DOC);

    /** What the aggregate answers the desk on {@code day}, read as the registry reads it (a unit of work rolled back), on these events. */
    private GovernorActs actsOn(LocalDate day, Object... events) {
        return actsOn(day, GOVERNOR, events);
    }

    /** What the aggregate answers the desk on {@code day} for {@code governor} signed in, on these events. */
    private GovernorActs actsOn(LocalDate day, PersonId governor, Object... events) {
        Configuration axon = registrations(services);
        try {
            for (int i = 0; i < events.length; i++) {
                axon.eventStore().publish(new GenericDomainEventMessage<>("ZoneRegistration", ID.stream(), i, events[i]));
            }
            GovernorActsNow acts = new GovernorActsNow(Clock.fixed(on(day), ZoneOffset.UTC), services, axon.eventStore(),
                    () -> axon.repository(ZoneRegistration.class));
            GovernorActs answer = acts.now(ID, governor).orElseThrow();
            assertThat(axon.eventStore().readEvents(ID.stream()).asStream().count()).as("the answer stores nothing").isEqualTo(events.length);
            assertThat(acts.now(RegistrationId.of(ZoneRegistrationTest.ZONE, ZoneRegistrationTest.FOREIGN), governor)).as("no such registration").isEmpty();
            return answer;
        } finally {
            axon.shutdown();
        }
    }

    private static RegistrationCommands.RecordOperationsResumed resumption() {
        return new RegistrationCommands.RecordOperationsResumed(ID, LocalDate.of(2027, 9, 1), ZoneRegistrationTest.RESUMPTION_DOC);
    }

    @Test
    @DisplayName("003 art. 6.4, 12.5.2 (ADR 0035 item 75, F377): the desk is answered that a resumption is recorded while the 12 months, moved by "
            + "the zone's closure, run, and not after, exactly as the aggregate records or refuses it")
    void the_resumption_is_offered_while_the_aggregate_would_record_it() {
        services.closures.add(CLOSURE);
        Object[] interrupted = {applied(), registered(), STARTED_EVENT, INTERRUPTED_EVENT};
        for (LocalDate day : List.of(TWELVE_MONTHS_LAST_DAY, TWELVE_MONTHS_LAST_DAY.plusDays(1), MOVED_LAST_DAY)) {
            GovernorActs acts = actsOn(day, interrupted);
            assertThat(acts.operationsResumed()).as("on " + day).isTrue();
            assertThat(acts.twelveMonthsRanOutOn()).isNull();
            fixture.given(interrupted).when(governor(resumption(), on(day)))
                    .expectEvents(new RegistrationEvents.OperationsResumed(ID, LocalDate.of(2027, 9, 1), GOVERNOR, ZoneRegistrationTest.RESUMPTION_DOC));
        }
        GovernorActs ranOut = actsOn(MOVED_LAST_DAY.plusDays(1), interrupted);
        assertThat(ranOut.operationsResumed()).isFalse();
        assertThat(ranOut.twelveMonthsRanOutOn()).isEqualTo(MOVED_LAST_DAY);
        assertThat(ranOut.operationsStarted()).as("started already").isFalse();
        fixture.given(interrupted).when(governor(resumption(), on(MOVED_LAST_DAY.plusDays(1))))
                .expectException(ZoneRegistrationAbuseTest.problem("freezone.interruption-window-passed", "on", "003 art. 12.5.2")).expectNoEvents();
        // without the closure the law's own last day
        services.closures.clear();
        assertThat(actsOn(TWELVE_MONTHS_LAST_DAY.plusDays(1), interrupted).twelveMonthsRanOutOn()).isEqualTo(TWELVE_MONTHS_LAST_DAY);
    }

    @Test
    @DisplayName("003 art. 6.4, 12.5.1 (ADR 0035 item 75, F378): the desk is answered that an investment agreement and a start are recorded while the "
            + "year to start, moved by the zone's closure, runs, and not after, as the aggregate records or refuses them")
    void the_agreement_and_the_start_are_offered_while_the_year_to_start_runs() {
        services.closures.add(CLOSURE);
        Object[] waiting = {applied(), registered()};
        GovernorActs lastDay = actsOn(YEAR_MOVED_LAST_DAY, waiting);
        assertThat(lastDay.investmentAgreement()).isTrue();
        assertThat(lastDay.operationsStarted()).isTrue();
        assertThat(lastDay.operationsResumed()).as("not interrupted").isFalse();
        assertThat(lastDay.yearToStartRanOutOn()).isNull();
        RegistrationCommands.RecordOperationsStarted start = new RegistrationCommands.RecordOperationsStarted(ID, STARTED, ZoneRegistrationTest.RESUMPTION_DOC);
        fixture.given(waiting).when(governor(start, on(YEAR_MOVED_LAST_DAY)))
                .expectEvents(new RegistrationEvents.OperationsStarted(ID, STARTED, GOVERNOR, ZoneRegistrationTest.RESUMPTION_DOC));
        GovernorActs ranOut = actsOn(YEAR_MOVED_LAST_DAY.plusDays(1), waiting);
        assertThat(ranOut.investmentAgreement()).isFalse();
        assertThat(ranOut.operationsStarted()).isFalse();
        assertThat(ranOut.yearToStartRanOutOn()).isEqualTo(YEAR_MOVED_LAST_DAY);
        fixture.given(waiting).when(governor(start, on(YEAR_MOVED_LAST_DAY.plusDays(1))))
                .expectException(ZoneRegistrationAbuseTest.problem("freezone.start-window-passed", "on", "003 art. 12.5.1")).expectNoEvents();
        fixture.given(waiting).when(governor(new RegistrationCommands.RecordInvestmentAgreement(ID, YEAR_MOVED_LAST_DAY, LocalDate.of(2036, 12, 31),
                        Money.mnt(5_000_000_000L), true, ZoneRegistrationTest.AGREEMENT_DOC), on(YEAR_MOVED_LAST_DAY.plusDays(1))))
                .expectException(ZoneRegistrationAbuseTest.problem("freezone.agreement-too-late", "signedOn", "003 art. 12.5.1")).expectNoEvents();
        // started in time: the agreement's year ran out all the same (the aggregate judges it so), the start's is over
        GovernorActs started = actsOn(YEAR_MOVED_LAST_DAY.plusDays(1), applied(), registered(), STARTED_EVENT);
        assertThat(started.investmentAgreement()).isFalse();
        assertThat(started.yearToStartRanOutOn()).as("shown only while no start is recorded").isNull();
    }

    @Test
    @DisplayName("003 art. 12.5 (ADR 0035 item 75, F379): the desk is answered the grounds a removal is recorded on, those raised, and nothing for "
            + "a registration not registered")
    void the_removal_is_offered_on_the_grounds_raised() {
        RegistrationEvents.DeregistrationGroundRaised raised = new RegistrationEvents.DeregistrationGroundRaised(ID,
                DeregistrationGround.INTERRUPTED_TWELVE_MONTHS, DeregistrationGround.INTERRUPTED_TWELVE_MONTHS.article(),
                TWELVE_MONTHS_LAST_DAY.plusDays(1), on(TWELVE_MONTHS_LAST_DAY.plusDays(1)), null);
        Object[] due = {applied(), registered(), STARTED_EVENT, INTERRUPTED_EVENT, raised};
        assertThat(actsOn(TWELVE_MONTHS_LAST_DAY.plusDays(1), due).deregistrationGrounds()).isEqualTo(Set.of(DeregistrationGround.INTERRUPTED_TWELVE_MONTHS));
        fixture.given(due).when(governor(new RegistrationCommands.DeregisterEntity(ID, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR,
                        "did not start"), on(TWELVE_MONTHS_LAST_DAY.plusDays(1))))
                .expectException(ZoneRegistrationAbuseTest.problem("freezone.ground-not-raised", null, "003 art. 12.5")).expectNoEvents();
        assertThat(actsOn(TWELVE_MONTHS_LAST_DAY, applied())).isEqualTo(GovernorActs.NONE);
        assertThat(Optional.of(actsOn(TWELVE_MONTHS_LAST_DAY, applied(), registered()).deregistrationGrounds())).contains(Set.of());
    }

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n" + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A store, the notices' keeper on the aggregate read as the registry reads it, on these events, and one sweep at a time. */
    private record Sweep(Configuration axon, MovableClock clock, DocumentStore store, ResumptionNotices notices) {

        static Sweep on(MongoDatabase database, RegistrationServices services, LocalDate today, Object... events) {
            Configuration axon = registrations(services);
            for (int i = 0; i < events.length; i++) {
                axon.eventStore().publish(new GenericDomainEventMessage<>("ZoneRegistration", ID.stream(), i, events[i]));
            }
            MovableClock clock = new MovableClock(mn.registry.freezone.FreeZoneSigned.on(today));
            return new Sweep(axon, clock, new DocumentStore(database, clock, DataSize.ofMegabytes(10)), new ResumptionNotices(new GovernorActsNow(clock,
                    services, axon.eventStore(), () -> axon.repository(ZoneRegistration.class))));
        }

        String upload(String text, String uploadedFor) {
            return store.receive(pdf(text), "application/pdf", text + ".pdf", GOVERNOR, uploadedFor).document().sha256();
        }

        /** The sweep as the registry runs it, on {@code day}; answers which of {@code documents} the store still holds. */
        List<String> sweptOn(LocalDate day, String... documents) {
            clock.set(mn.registry.freezone.FreeZoneSigned.on(day));
            store.deleteUncited(notices::stillCitable);
            return java.util.Arrays.stream(documents).filter(sha256 -> store.original(sha256).isPresent()).toList();
        }
    }

    @Test
    @DisplayName("003 art. 12.5.2, 12.5.3, 26.2 (ADR 0035 item 76, F380, was O198): a notice the governor uploaded for a registration's resumption "
            + "is kept past the 7 days while a resumption could rest on it, and swept once the 12 months, moved by the zone's closure, ran out; "
            + "an upload for no act, or for a registration with no interruption, is swept after 7 days as before")
    void a_notice_uploaded_for_the_resumption_is_kept_while_a_resumption_could_rest_on_it(MongoDatabase database) {
        services.closures.add(CLOSURE);
        LocalDate uploaded = LocalDate.of(2027, 6, 1);
        Sweep sweep = Sweep.on(database, services, uploaded, applied(), registered(), STARTED_EVENT, INTERRUPTED_EVENT);
        try {
            String notice = sweep.upload("the entity's notice: operations resumed", ID.value());
            String forNoAct = sweep.upload("a document for no act", null);
            String forNoRegistration = sweep.upload("a document for no registration", RegistrationId.of(ZoneRegistrationTest.ZONE,
                    ZoneRegistrationTest.FOREIGN).value());
            assertThat(sweep.sweptOn(uploaded.plusDays(6), notice, forNoAct, forNoRegistration)).as("within the 7 days").hasSize(3);
            assertThat(sweep.sweptOn(uploaded.plusDays(8), notice, forNoAct, forNoRegistration)).containsExactly(notice);
            assertThat(sweep.sweptOn(MOVED_LAST_DAY, notice)).as("the moved last day of the 12 months").containsExactly(notice);
            assertThat(sweep.sweptOn(MOVED_LAST_DAY.plusDays(1), notice)).as("a resumption is refused from this day: not kept").isEmpty();
        } finally {
            sweep.axon().shutdown();
        }
        Sweep resumed = Sweep.on(database, services, uploaded, applied(), registered(), STARTED_EVENT, INTERRUPTED_EVENT,
                new RegistrationEvents.OperationsResumed(ID, LocalDate.of(2027, 5, 20), GOVERNOR, ZoneRegistrationTest.RESUMPTION_DOC));
        try {
            String notice = resumed.upload("a second notice after the resumption", ID.value());
            assertThat(resumed.sweptOn(uploaded.plusDays(8), notice)).as("no interruption runs: no resumption rests on it").isEmpty();
        } finally {
            resumed.axon().shutdown();
        }
    }

    @Test
    @DisplayName("003 art. 12.5.2, 12.5.3, 26.2 (ADR 0035 items 60, 76, F380): after the entity's dissolution a notice uploaded for its resumption is "
            + "kept only if the registry received it before the court's day; one received on or after it is swept after 7 days")
    void after_the_dissolution_only_a_notice_received_before_the_courts_day_is_kept(MongoDatabase database) {
        LocalDate courtsDay = LocalDate.of(2027, 6, 10);
        RegistrationEvents.CourtDissolutionRecorded dissolved = new RegistrationEvents.CourtDissolutionRecorded(ID, "Selenge court 2027/61", courtsDay,
                true, GOVERNOR, ZoneRegistrationTest.COURT_DOC);
        Sweep sweep = Sweep.on(database, services, courtsDay.minusDays(2), applied(), registered(), STARTED_EVENT, INTERRUPTED_EVENT, dissolved);
        try {
            String before = sweep.upload("the notice received two days before the court's day", ID.value());
            sweep.clock().set(mn.registry.freezone.FreeZoneSigned.on(courtsDay));
            String onTheDay = sweep.upload("a notice received on the court's day", ID.value());
            assertThat(sweep.sweptOn(courtsDay.plusDays(30), before, onTheDay)).containsExactly(before);
        } finally {
            sweep.axon().shutdown();
        }
    }

    @Test
    @DisplayName("003 art. 8.7, 12.5.2 (ADR 0035 item 76, F380): only a governor of the registration's zone uploads for its resumption; another "
            + "zone's governor's, an applicant's, or one naming no registration is an upload for no act, swept after 7 days")
    void only_the_zones_governor_uploads_for_the_resumption(MongoDatabase database) {
        Sweep sweep = Sweep.on(database, services, LocalDate.of(2027, 6, 1), applied(), registered(), STARTED_EVENT, INTERRUPTED_EVENT);
        try {
            assertThat(sweep.notices().mayName(new Actor(GOVERNOR, "governor", Set.of(Role.ZONE_GOVERNOR), Set.of("altanbulag")), ID.value())).isTrue();
            assertThat(sweep.notices().mayName(new Actor(new PersonId("governor-zamyn-uud"), "governor", Set.of(Role.ZONE_GOVERNOR),
                    Set.of("zamyn-uud")), ID.value())).isFalse();
            assertThat(sweep.notices().mayName(new Actor(ZoneRegistrationTest.APPLICANT, "applicant", Set.of(Role.APPLICANT), Set.of("altanbulag")),
                    ID.value())).isFalse();
            assertThat(sweep.notices().mayName(new Actor(GOVERNOR, "governor", Set.of(Role.ZONE_GOVERNOR), Set.of("altanbulag")), "altanbulag"))
                    .isFalse();
            assertThat(sweep.notices().stillCitable("not a registration", Instant.now())).isFalse();
        } finally {
            sweep.axon().shutdown();
        }
    }

    @Test
    @DisplayName("003 art. 12.5.2 (ADR 0035 item 77): the claims of the documents the desk offers are read in one query, a claim held only while "
            + "its command is on record")
    void the_claims_of_many_documents_are_read_at_once(MongoDatabase database) {
        CommandLog commandLog = new CommandLog(database, Clock.fixed(ZoneRegistrationTest.RECEIVED, ZoneOffset.UTC));
        DocumentClaims claims = DocumentClaims.backfilled(database, commandLog);
        String held = "a".repeat(64);
        String lost = "b".repeat(64);
        String free = "c".repeat(64);
        commandLog.claim("cmd-held", "cmd-held-jws", "jws", "RecordInvestmentAgreement", GOVERNOR.value());
        claims.claim(held, DocumentKind.ZONE_REGISTRATION_ACT, Claimant.grounding(ActDocumentClaims.grounds(ID)), "cmd-held", "documentSha256", "003 art. 12.5.1",
                ZoneRegistrationTest.RECEIVED);
        claims.claim(lost, DocumentKind.ZONE_REGISTRATION_ACT, Claimant.grounding(ActDocumentClaims.grounds(ID)), "cmd-never-logged", "documentSha256", "003 art. 12.5.1",
                ZoneRegistrationTest.RECEIVED);
        assertThat(new ActDocumentClaims(claims).heldAmong(List.of(held, lost, free, "not a hash", held.toUpperCase(java.util.Locale.ROOT))))
                .containsExactly(held);
        assertThat(claims.heldAmong(List.of())).isEmpty();
    }
    @Test
    @DisplayName("003 art. 8.7.6, 12.2 (ADR 0035 item 78, F381, was O221): the governor who signed the registration's application as the "
            + "entity's representative is answered no act on it (registration, rejection, start, resumption, removal), by the rule the aggregate "
            + "refuses each by; another governor is answered them")
    void the_governor_who_signed_the_application_is_answered_no_act() {
        PersonId applicant = ZoneRegistrationTest.APPLICANT;
        Set<Role> both = Set.of(Role.ZONE_GOVERNOR, Role.APPLICANT);
        Instant at = on(TWELVE_MONTHS_LAST_DAY.plusDays(1));
        GovernorActs pending = actsOn(TWELVE_MONTHS_LAST_DAY, applicant, applied());
        assertThat(pending.deciderIsNotTheApplicant()).isFalse();
        assertThat(actsOn(TWELVE_MONTHS_LAST_DAY, applied()).deciderIsNotTheApplicant()).as("another governor").isTrue();
        fixture.given(applied()).when(mn.registry.freezone.FreeZoneSigned.signed(new RegistrationCommands.RegisterEntity(ID), applicant, at, both,
                        Set.of(ZoneRegistrationTest.ZONE.value())))
                .expectException(ZoneRegistrationAbuseTest.problem("freezone.decider-is-applicant", "registrationId", "003 art. 8.7.6, 12.2")).expectNoEvents();
        // the 12 months ran out (a ground raised), an interruption running: the other governor is answered the resumption and the removal
        Object[] interrupted = {applied(), registered(), STARTED_EVENT, INTERRUPTED_EVENT};
        GovernorActs theirs = actsOn(TWELVE_MONTHS_LAST_DAY, applicant, interrupted);
        GovernorActs another = actsOn(TWELVE_MONTHS_LAST_DAY, interrupted);
        assertThat(another.operationsResumed()).isTrue();
        assertThat(another.deciderIsNotTheApplicant()).isTrue();
        assertThat(theirs).isEqualTo(new GovernorActs(false, false, false, false, null, null, Set.of()));
        fixture.given(interrupted).when(mn.registry.freezone.FreeZoneSigned.signed(resumption(), applicant, on(TWELVE_MONTHS_LAST_DAY), both,
                        Set.of(ZoneRegistrationTest.ZONE.value())))
                .expectException(ZoneRegistrationAbuseTest.problem("freezone.decider-is-applicant", "registrationId", "003 art. 8.7.6, 12.5.2")).expectNoEvents();
        // what ran out stays shown to them; no act is offered
        GovernorActs ranOut = actsOn(MOVED_LAST_DAY.plusDays(1), applicant, interrupted);
        assertThat(ranOut.twelveMonthsRanOutOn()).isEqualTo(TWELVE_MONTHS_LAST_DAY);
        assertThat(ranOut.operationsResumed()).isFalse();
        assertThat(ranOut.deregistrationGrounds()).isEmpty();
    }
}
