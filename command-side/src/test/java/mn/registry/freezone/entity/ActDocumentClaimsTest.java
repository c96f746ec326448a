package mn.registry.freezone.entity;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.CommandLog;
import mn.registry.command.api.SignedCommandType;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.command.claim.DocumentKind;
import mn.registry.freezone.governor.StreamTarget;
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
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
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

    @BeforeEach
    void start(MongoDatabase database) {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureAggregate(AggregateConfigurer.defaultConfiguration(ZoneRegistration.class)
                        .configureCommandTargetResolver(c -> new StreamTarget(RegistrationCommandTypes::streamOf)))
                .registerComponent(RegistrationServices.class, c -> new ZoneRegistrationTest.Services())
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .buildConfiguration();
        axon.start();
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
                new RegistrationEvents.ZoneRegistrationApplied(id, ZONE, entity, Activity.TRADE, documents, RECEIVED, DUE, DUE_AT,
                        WorkingDays.of(5), VERSION, "003 art. 12.2", ZoneRegistrationTest.APPLICANT),
                new RegistrationEvents.EntityRegistered(id, new ZoneCertificate("ALTANBULAG/2026/MN-" + entity.registrationNumber(), id, entity,
                        Activity.TRADE, CERTIFIED, ZONE), RECEIVED.plusSeconds(4 * 86400), GOVERNOR));
        for (int i = 0; i < events.size(); i++) {
            axon.eventStore().publish(new GenericDomainEventMessage<>("ZoneRegistration", id.stream(), i, events.get(i)));
        }
    }

    /** What the command pipeline does first: the command id is claimed in the command log. */
    private CommandContext signed(String commandId, Instant at) {
        commandLog.claim(commandId, commandId + "-jws", "jws", "RecordInvestmentAgreement", GOVERNOR.value());
        return new CommandContext(commandId, at, at, GOVERNOR, Set.of(Role.ZONE_GOVERNOR), Set.of(ZONE.value()), "ab".repeat(32));
    }

    /**
     * The claim an agreement's command takes of {@code sha256} for the first registration before its aggregate acts (what
     * {@link ActDocumentClaims#claimedFor} does first), left as a stop, a lost release or a command still in flight leaves it.
     */
    private void claimedByAnAgreement(String sha256, String commandId) {
        documents.claim(sha256, DocumentKind.ZONE_REGISTRATION_ACT, ActDocumentClaims.grounds(FIRST), commandId, "documentSha256", AGREEMENT_ARTICLE,
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
                signed(commandId, COURT_AT));
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
}
