package mn.registry.freezone.entity;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.CommandLog;
import mn.registry.command.api.SignedCommandType;
import mn.registry.command.claim.Claimant;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.command.claim.DocumentKind;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneCertificate;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static mn.registry.freezone.FreeZoneSigned.on;
import static mn.registry.freezone.entity.ZoneRegistrationTest.CERTIFIED;
import static mn.registry.freezone.entity.ZoneRegistrationTest.DUE;
import static mn.registry.freezone.entity.ZoneRegistrationTest.DUE_AT;
import static mn.registry.freezone.entity.ZoneRegistrationTest.GOVERNOR;
import static mn.registry.freezone.entity.ZoneRegistrationTest.RECEIVED;
import static mn.registry.freezone.entity.ZoneRegistrationTest.VERSION;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ADR 0035 item 8 (abuse audit F52, was O16): the document of an investment agreement or a court decision is claimed registry-wide by
 * the act that cites it, through the command types the registry runs, on the embedded MongoDB: a second registration citing it is
 * refused and stores nothing, a refused act releases its claim, the same command again finds its own.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class ActDocumentClaimsTest {

    static final LegalEntity FIRST_ENTITY = new LegalEntity("Selenge Trade LLC", Jurisdiction.MONGOLIAN, null, "6001234");
    static final LegalEntity SECOND_ENTITY = new LegalEntity("Orkhon Leather LLC", Jurisdiction.MONGOLIAN, null, "6001999");
    static final RegistrationId FIRST = RegistrationId.of(ZONE, FIRST_ENTITY);
    static final RegistrationId SECOND = RegistrationId.of(ZONE, SECOND_ENTITY);
    /** The first entity registered in a second zone too (003 art. 12.2: one registration per entity per zone). */
    static final RegistrationId FIRST_IN_ZAMYN_UUD = RegistrationId.of(mn.registry.kernel.freezone.ZoneId.of("zamyn-uud"), FIRST_ENTITY);
    static final LocalDate SIGNED = CERTIFIED.plusDays(10);
    static final LocalDate ENDS = LocalDate.of(2036, 12, 31);
    static final Instant AGREEMENT_AT = on(LocalDate.of(2027, 2, 10));
    static final LocalDate DECIDED = LocalDate.of(2027, 4, 28);
    static final Instant COURT_AT = Instant.parse("2027-05-02T01:00:00Z");
    static final String AGREEMENT = "1".repeat(64);
    static final String OTHER_AGREEMENT = "3".repeat(64);
    static final String COURT = "2".repeat(64);
    static final String AGREEMENT_ARTICLE = "003 art. 12.5.1, 26.2";
    static final String COURT_ARTICLE = "003 art. 12.5.3, 26.2";

    private Configuration axon;
    private CommandLog commandLog;
    private ActDocumentClaims claims;
    private DocumentClaims documents;
    private MongoCollection<Document> claimed;
    private SignedCommandType<RegistrationCommands.RecordInvestmentAgreement> agreementType;
    private SignedCommandType<RegistrationCommands.RecordCourtDecision> courtType;
    private SignedCommandType<RegistrationCommands.RecordOperationsStarted> startType;
    private SignedCommandType<RegistrationCommands.RecordOperationsInterrupted> interruptionType;
    private SignedCommandType<RegistrationCommands.RecordOperationsResumed> resumptionType;

    @BeforeEach
    void start(MongoDatabase database) {
        axon = ZoneRegistrationAbuseFixture.registrations(new ZoneRegistrationTest.Services());
        commandLog = new CommandLog(database, Clock.fixed(RECEIVED, ZoneOffset.UTC));
        claims = new ActDocumentClaims(database, commandLog);
        documents = DocumentClaims.backfilled(database, commandLog);
        claimed = database.getCollection(ActDocumentClaims.COLLECTION);
        RegistrationCommandTypes types = new RegistrationCommandTypes(axon.commandGateway());
        mn.registry.freezone.zone.ZoneDating dating = new mn.registry.freezone.zone.ZoneDating(database, commandLog);
        dating.skipped(); // ADR 0035 item 40: no agreement stored before the rule
        agreementType = types.recordInvestmentAgreementType(claims, dating);
        courtType = types.recordCourtDecisionType(claims);
        registered(FIRST, FIRST_ENTITY, "a");
        registered(SECOND, SECOND_ENTITY, "b");
        registered(FIRST_IN_ZAMYN_UUD, FIRST_ENTITY, "c");
        startType = types.recordOperationsStartedType(claims);
        interruptionType = types.recordOperationsInterruptedType(claims);
        resumptionType = types.recordOperationsResumedType(claims);
    }

    @AfterEach
    void shutdown() {
        axon.shutdown();
    }

    /** {@code entity} applied (its own application documents) and registered, by the events the aggregate would have stored. */
    private void registered(RegistrationId id, LegalEntity entity, String documentDigit) {
        List<mn.registry.kernel.freezone.SubmittedZoneDocument> documents = ZoneRegistrationTest.documents(Jurisdiction.MONGOLIAN).stream()
                .map(d -> new mn.registry.kernel.freezone.SubmittedZoneDocument(d.kind(), documentDigit + d.sha256().substring(1))).toList();
        List<Object> events = List.of(
                new RegistrationEvents.ZoneRegistrationApplied(id, id.zoneId(), entity, Activity.TRADE, documents, RECEIVED, DUE, DUE_AT,
                        WorkingDays.of(5), VERSION, "003 art. 12.2", ZoneRegistrationTest.APPLICANT),
                new RegistrationEvents.EntityRegistered(id, new ZoneCertificate(id.zoneId().value().toUpperCase(java.util.Locale.ROOT) + "/2026/MN-"
                        + entity.registrationNumber(), id, entity, Activity.TRADE, CERTIFIED, id.zoneId()), RECEIVED.plusSeconds(4 * 86400), GOVERNOR));
        for (int i = 0; i < events.size(); i++) {
            axon.eventStore().publish(new GenericDomainEventMessage<>("ZoneRegistration", id.stream(), i, events.get(i)));
        }
    }

    /** What the command pipeline does first: the command id is claimed in the command log. */
    private CommandContext signed(String commandId, Instant at) {
        return signed(commandId, at, ZONE);
    }

    /** The same, signed by the governor of {@code zone}. */
    private CommandContext signed(String commandId, Instant at, mn.registry.kernel.freezone.ZoneId zone) {
        commandLog.claim(commandId, commandId + "-jws", "jws", "RecordInvestmentAgreement", GOVERNOR.value());
        return new CommandContext(commandId, at, at, GOVERNOR, Set.of(Role.ZONE_GOVERNOR), Set.of(zone.value()), "ab".repeat(32));
    }

    /**
     * The claim an agreement's command takes of {@code sha256} for the first registration before its aggregate acts (what
     * {@link ActDocumentClaims#claimedFor} does first), left as a stop, a lost release or a command still in flight leaves it.
     */
    private void claimedByAnAgreement(String sha256, String commandId) {
        documents.claim(sha256, DocumentKind.ZONE_REGISTRATION_ACT, Claimant.grounding(ActDocumentClaims.grounds(FIRST)), commandId, "documentSha256", AGREEMENT_ARTICLE,
                AGREEMENT_AT);
    }

    /** What the pipeline does when the command is refused: its command-log entry is released. */
    private void pipelineRefused(String commandId) {
        commandLog.release(commandId, commandLog.find(commandId).orElseThrow().getString(CommandLog.LEASE_KEY));
    }

    private Object agreement(RegistrationId id, String sha256, String commandId) {
        return agreementType.handle(new RegistrationCommands.RecordInvestmentAgreement(id, SIGNED, ENDS, Money.mnt(5_000_000_000L), true, sha256),
                signed(commandId, AGREEMENT_AT));
    }

    private Object courtDecision(RegistrationId id, String sha256, String commandId) {
        return courtType.handle(new RegistrationCommands.RecordCourtDecision(id, "Selenge court 2027/118", DECIDED, true, sha256),
                signed(commandId, COURT_AT, id.zoneId()));
    }

    private List<Object> events(RegistrationId id) {
        return axon.eventStore().readEvents(id.stream()).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
    }

    private String holder(String sha256) {
        Document claim = claimed.find(Filters.eq("_id", sha256)).first();
        return claim == null ? null : claim.getString("commandId");
    }

    private static void refusedAs(Throwable t, String code, String article) {
        RegistryProblem problem = (RegistryProblem) t;
        assertThat(problem.code()).isEqualTo(code);
        assertThat(problem.field()).isEqualTo("documentSha256");
        assertThat(problem.article()).isEqualTo(article);
    }

    @Test
    @DisplayName("003 art. 12.5.1, 12.5.3, 26.2: each registration's agreement and court decision are recorded with their own documents, each claimed by its act")
    void each_registration_with_its_own_document() {
        agreement(FIRST, AGREEMENT, "cmd-1");
        agreement(SECOND, OTHER_AGREEMENT, "cmd-2");
        courtDecision(FIRST, COURT, "cmd-3");
        assertThat(events(FIRST)).as("applied, registered, agreement, court decision and its ground").hasSize(5);
        assertThat(events(SECOND)).hasSize(3);
        assertThat(holder(AGREEMENT)).isEqualTo("cmd-1");
        assertThat(holder(OTHER_AGREEMENT)).isEqualTo("cmd-2");
        assertThat(holder(COURT)).isEqualTo("cmd-3");
    }

    @Test
    @DisplayName("003 art. 12.5.1, 12.5.3, 26.2: the document of one registration's agreement cited for another registration's agreement or court decision is refused registry-wide; nothing stored, the claim not taken")
    void one_document_for_two_registrations_is_refused() {
        agreement(FIRST, AGREEMENT, "cmd-1");
        assertThatThrownBy(() -> agreement(SECOND, AGREEMENT, "cmd-2"))
                .satisfies(t -> refusedAs(t, "freezone.document-cited-elsewhere", AGREEMENT_ARTICLE));
        assertThatThrownBy(() -> courtDecision(SECOND, AGREEMENT, "cmd-3"))
                .satisfies(t -> refusedAs(t, "freezone.document-cited-elsewhere", COURT_ARTICLE));
        assertThat(events(SECOND)).as("the second registration's stream").hasSize(2);
        assertThat(holder(AGREEMENT)).isEqualTo("cmd-1");
        // a court decision's document, too
        courtDecision(SECOND, COURT, "cmd-4");
        assertThatThrownBy(() -> courtDecision(FIRST, COURT, "cmd-5"))
                .satisfies(t -> refusedAs(t, "freezone.document-cited-elsewhere", COURT_ARTICLE));
        assertThat(events(FIRST)).hasSize(3);
        assertThat(holder(COURT)).isEqualTo("cmd-4");
        // within one registration the stream's own rule answers, as before (F48)
        assertThatThrownBy(() -> courtDecision(FIRST, AGREEMENT, "cmd-6"))
                .satisfies(t -> refusedAs(t, "freezone.document-cited-already", COURT_ARTICLE));
        assertThat(holder(AGREEMENT)).isEqualTo("cmd-1");
    }

    @Test
    @DisplayName("003 art. 12.5.1, 26.2: an agreement refused on another ground releases its document's claim: nothing claimed, and the registration's correct agreement then cites it")
    void refused_act_releases_its_claim() {
        assertThatThrownBy(() -> agreementType.handle(new RegistrationCommands.RecordInvestmentAgreement(FIRST, SIGNED, SIGNED.minusDays(1),
                Money.mnt(5_000_000_000L), true, AGREEMENT), signed("cmd-1", AGREEMENT_AT)))
                .satisfies(t -> assertThat(((RegistryProblem) t).code()).isEqualTo("freezone.agreement-invalid"));
        assertThat(holder(AGREEMENT)).as("released when refused, before the command log forgets the command").isNull();
        pipelineRefused("cmd-1");
        agreement(FIRST, AGREEMENT, "cmd-2");
        assertThat(holder(AGREEMENT)).isEqualTo("cmd-2");
        assertThat(events(FIRST)).hasSize(3);
    }

    @Test
    @DisplayName("003 art. 12.5.1, 26.2, ADR 0002: the same command carried out again after a stop finds its own claim and is recorded once; a claim whose command left no trace is taken over")
    void same_command_again_and_stale_claims() {
        claimedByAnAgreement(AGREEMENT, "cmd-1"); // then the registry stopped
        agreement(FIRST, AGREEMENT, "cmd-1");
        assertThat(events(FIRST)).hasSize(3);
        assertThat(holder(AGREEMENT)).isEqualTo("cmd-1");

        claimedByAnAgreement(OTHER_AGREEMENT, "cmd-gone"); // refused, release lost
        agreement(SECOND, OTHER_AGREEMENT, "cmd-2");
        assertThat(holder(OTHER_AGREEMENT)).isEqualTo("cmd-2");
    }

    @Test
    @DisplayName("003 art. 12.5.1, 12.5.3, 26.2: an act of the same registration holding the claim is left to the registration's own rule; accepted (the other act never stored), the act takes the claim over")
    void same_registration_claim_is_adopted_when_the_act_is_stored() {
        signed("cmd-1", AGREEMENT_AT);
        claimedByAnAgreement(COURT, "cmd-1"); // an agreement in flight, to be refused
        courtDecision(FIRST, COURT, "cmd-2");
        assertThat(holder(COURT)).isEqualTo("cmd-2");
        claims.release(COURT, "cmd-1"); // the agreement's refusal releases only its own claim
        assertThat(holder(COURT)).isEqualTo("cmd-2");
    }
    @Test
    @DisplayName("003 art. 12.1 (ADR 0035 item 19): a registration fee receipt claimed by one registration's application is refused for another's; "
            + "the same registration may name it again; a refused application's release frees it")
    void one_fee_receipt_for_one_registration() {
        String receipt = "4".repeat(64);
        assertThat(claims.claimFeeReceipt(receipt, signed("cmd-1", RECEIVED).commandId(), FIRST, RECEIVED)).isTrue();
        assertThatThrownBy(() -> claims.claimFeeReceipt(receipt, signed("cmd-2", RECEIVED).commandId(), SECOND, RECEIVED))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("freezone.fee-receipt-used-elsewhere");
                    assertThat(p.field()).isEqualTo("documents");
                    assertThat(p.article()).isEqualTo("003 art. 12.1");
                });
        assertThat(claims.claimFeeReceipt(receipt, signed("cmd-3", RECEIVED).commandId(), FIRST, RECEIVED)).as("the same registration again").isFalse();
        assertThat(holder(receipt)).isEqualTo("cmd-1");
        claims.release(receipt, "cmd-1");
        assertThat(claims.claimFeeReceipt(receipt, signed("cmd-4", RECEIVED).commandId(), SECOND, RECEIVED)).isTrue();
        assertThat(holder(receipt)).isEqualTo("cmd-4");
    }

    private static void refusedAs(Throwable t, String code) {
        assertThat(((RegistryProblem) t).code()).isEqualTo(code);
    }

    @Test
    @DisplayName("003 art. 12.5.3, 26.2 (ADR 0035 item 62; abuse audit F272, was O151): one court decision dissolving an entity registered in two "
            + "zones is recorded in each zone on its one document; refused for another entity, again on the same registration, or as a start, "
            + "interruption or resumption")
    void one_court_decision_dissolves_the_entity_in_every_zone() {
        courtDecision(FIRST, COURT, "cmd-1");
        // abuse: the court's decision cited in the entity's other zone as a start, an interruption or a resumption
        LocalDate day = CERTIFIED.plusDays(20);
        assertThatThrownBy(() -> startType.handle(new RegistrationCommands.RecordOperationsStarted(FIRST_IN_ZAMYN_UUD, day, COURT),
                signed("cmd-2", COURT_AT, FIRST_IN_ZAMYN_UUD.zoneId()))).satisfies(t -> refusedAs(t, "freezone.document-cited-elsewhere", "003 art. 12.5.1, 23.1-23.2"));
        assertThatThrownBy(() -> interruptionType.handle(new RegistrationCommands.RecordOperationsInterrupted(FIRST_IN_ZAMYN_UUD, day, COURT),
                signed("cmd-3", COURT_AT, FIRST_IN_ZAMYN_UUD.zoneId()))).satisfies(t -> refusedAs(t, "freezone.document-cited-elsewhere", "003 art. 12.5.2, 26.2"));
        assertThatThrownBy(() -> resumptionType.handle(new RegistrationCommands.RecordOperationsResumed(FIRST_IN_ZAMYN_UUD, day, COURT),
                signed("cmd-4", COURT_AT, FIRST_IN_ZAMYN_UUD.zoneId()))).satisfies(t -> refusedAs(t, "freezone.document-cited-elsewhere", "003 art. 12.5.2"));
        assertThat(events(FIRST_IN_ZAMYN_UUD)).as("nothing stored in the second zone").hasSize(2);
        assertThat(holder(COURT)).isEqualTo("cmd-1");

        // the lawful act: the second zone's governor records the same decision for the same entity
        courtDecision(FIRST_IN_ZAMYN_UUD, COURT, "cmd-5");
        assertThat(events(FIRST_IN_ZAMYN_UUD)).as("applied, registered, the court's decision and its ground").hasSize(4)
                .anySatisfy(e -> assertThat(e).isInstanceOf(RegistrationEvents.CourtDissolutionRecorded.class));
        assertThat(documents.holder(COURT)).contains(DocumentKind.ZONE_COURT_DECISION);

        // abuse: the decision cited for another entity, or again on a registration that recorded it
        assertThatThrownBy(() -> courtDecision(SECOND, COURT, "cmd-6"))
                .satisfies(t -> refusedAs(t, "freezone.document-cited-elsewhere", COURT_ARTICLE));
        assertThat(events(SECOND)).hasSize(2);
        assertThatThrownBy(() -> courtDecision(FIRST, COURT, "cmd-7"))
                .satisfies(t -> refusedAs(t, "freezone.court-decision-already-recorded"));
        assertThat(events(FIRST)).hasSize(4);
        assertThat(events(FIRST_IN_ZAMYN_UUD)).hasSize(4);
        assertThat(List.of("cmd-1", "cmd-5")).as("held by one of the two records").contains(holder(COURT));
        // another register's act citing it names the kind that holds it
        assertThatThrownBy(() -> documents.claim(COURT, DocumentKind.CHANGE_REPORT, Claimant.NONE, signed("cmd-8", COURT_AT).commandId(), "documentSha256",
                "002 art. 20.3.3", COURT_AT)).satisfies(t -> refusedAs(t, "document.claimed-by-another-act.zone-court-decision"));
    }

    @Test
    @DisplayName("003 art. 12.5.3 (ADR 0035 item 62): a court decision's document claimed before the release, as an act of its registration, "
            + "reads as it did: its registration's own acts are left to the registration, another zone's court decision is refused")
    void a_court_decision_claimed_before_the_release_reads_as_it_did() {
        claimedByAnAgreement(COURT, "backfill:adr-0057:court"); // the claim of a decision recorded before the release (held for ever)
        assertThatThrownBy(() -> courtDecision(FIRST_IN_ZAMYN_UUD, COURT, "cmd-1"))
                .satisfies(t -> refusedAs(t, "freezone.document-cited-elsewhere", COURT_ARTICLE));
        assertThat(events(FIRST_IN_ZAMYN_UUD)).hasSize(2);
        assertThat(holder(COURT)).isEqualTo("backfill:adr-0057:court");
        assertThat(documents.holder(COURT)).contains(DocumentKind.ZONE_REGISTRATION_ACT);
    }
}
