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
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
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

import static mn.registry.freezone.entity.ZoneRegistrationTest.RECEIVED;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static mn.registry.testing.Refusals.refusedAs;

/**
 * Session 23, Free Zone round 20 (abuse audit F356, was O197; ADR 0035 item 73): the documents a Free Zone application names, its fee
 * receipt apart, are claimed by the application for its entity, through the command types the registry runs, on the embedded MongoDB:
 * no act of another registration or register rests on them; the entity's applications in every zone, and again after its removal, share
 * them; the same registration's act on one is left to its aggregate (F48).
 */
@ExtendWith(EmbeddedMongoExtension.class)
class FreeZoneAbuseRound20Test {

    static final LegalEntity SELENGE = new LegalEntity("Selenge Trade LLC", Jurisdiction.MONGOLIAN, null, "6001234");
    static final LegalEntity ORKHON = new LegalEntity("Orkhon Leather LLC", Jurisdiction.MONGOLIAN, null, "6001999");
    static final ZoneId ZAMYN_UUD = ZoneId.of("zamyn-uud");
    static final RegistrationId SELENGE_HERE = RegistrationId.of(ZONE, SELENGE);
    static final RegistrationId ORKHON_HERE = RegistrationId.of(ZONE, ORKHON);
    static final Instant REGISTERED_AT = RECEIVED.plusSeconds(4 * 86400);
    static final LocalDate DECIDED = LocalDate.of(2027, 4, 28);
    static final Instant COURT_AT = Instant.parse("2027-05-02T01:00:00Z");
    /** The court's day in the lawful case's week (after the certificate, before the removal's record). */
    static final LocalDate DECIDED_HERE = LocalDate.of(2026, 11, 24);
    static final String COURT_ARTICLE = "003 art. 12.5.3, 26.2";

    private Configuration axon;
    private CommandLog commandLog;
    private DocumentClaims claims;
    private MongoCollection<Document> claimed;
    private RegistrationCommandTypes types;
    private ActDocumentClaims actClaims;
    private int commands;

    @BeforeEach
    void start(MongoDatabase database) {
        axon = ZoneRegistrationAbuseFixture.registrations(new ZoneRegistrationTest.Services());
        commandLog = new CommandLog(database, Clock.fixed(RECEIVED, ZoneOffset.UTC));
        claims = DocumentClaims.backfilled(database, commandLog);
        actClaims = new ActDocumentClaims(claims);
        claimed = database.getCollection(DocumentClaims.COLLECTION);
        types = new RegistrationCommandTypes(axon.commandGateway());
    }

    @AfterEach
    void shutdown() {
        axon.shutdown();
    }

    /** The entity's documents, each of its own digits, and its fee receipt {@code receipt}. */
    private static List<SubmittedZoneDocument> documentsOf(String digit, String receipt) {
        return ZoneRegistrationTest.documents(Jurisdiction.MONGOLIAN).stream().map(d -> new SubmittedZoneDocument(d.kind(),
                d.kind() == ZoneDocument.REGISTRATION_FEE_RECEIPT ? receipt : digit + d.sha256().substring(1))).toList();
    }

    private static String stateRegistrationCopy(List<SubmittedZoneDocument> documents) {
        return documents.stream().filter(d -> d.kind() == ZoneDocument.STATE_REGISTRATION_CERTIFICATE).findFirst().orElseThrow().sha256();
    }

    /** What the command pipeline does first: the command id is claimed in the command log. */
    private CommandContext signed(PersonId signer, Role role, ZoneId zone, Instant at) {
        String id = "cmd-" + ++commands;
        commandLog.claim(id, id + "-jws", "jws", "Act", signer.value());
        return new CommandContext(id, at, at, signer, Set.of(role), zone == null ? Set.of() : Set.of(zone.value()), "ab".repeat(32));
    }

    private Object apply(ZoneId zone, LegalEntity entity, List<SubmittedZoneDocument> documents, Instant at) {
        return types.applyForZoneRegistrationType(actClaims).handle(new RegistrationCommands.ApplyForZoneRegistration(zone, entity, Activity.TRADE,
                documents), signed(ZoneRegistrationTest.APPLICANT, Role.APPLICANT, null, at));
    }

    private CommandContext governor(RegistrationId registration, Instant at) {
        return signed(ZoneRegistrationTest.GOVERNOR, Role.ZONE_GOVERNOR, registration.zoneId(), at);
    }

    private void register(RegistrationId registration, Instant at) {
        types.registerEntityType().handle(new RegistrationCommands.RegisterEntity(registration), governor(registration, at));
    }

    private Object courtDecision(RegistrationId registration, String sha256) {
        return courtDecision(registration, sha256, DECIDED, COURT_AT);
    }

    private Object courtDecision(RegistrationId registration, String sha256, LocalDate decidedOn, Instant at) {
        return types.recordCourtDecisionType(actClaims).handle(new RegistrationCommands.RecordCourtDecision(registration, "Selenge court 2026/118",
                decidedOn, true, sha256), governor(registration, at));
    }

    private List<Object> events(RegistrationId id) {
        return axon.eventStore().readEvents(id.stream()).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
    }

    private Document claimOf(String sha256) {
        return claimed.find(Filters.eq("_id", sha256)).first();
    }

    @Test
    @DisplayName("003 art. 12.1, 12.5.3, 26.2 (F356, was O197): another entity's application document is the ground of no act: a court's "
            + "decision of another registration on it is refused, as is an act of a permit, nothing stored; the document stays the "
            + "applicant's")
    void an_application_document_grounds_no_act_of_another_registration_or_register() {
        List<SubmittedZoneDocument> selenge = documentsOf("a", "1".repeat(64));
        apply(ZONE, SELENGE, selenge, RECEIVED);
        String copy = stateRegistrationCopy(selenge);
        apply(ZONE, ORKHON, documentsOf("b", "2".repeat(64)), RECEIVED);
        register(ORKHON_HERE, REGISTERED_AT);
        int stored = events(ORKHON_HERE).size();

        // the governor cites Selenge's state registration copy as Orkhon's court decision "in bankruptcy": the claim refuses it
        refusedAs(catchThrowableOfType(() -> courtDecision(ORKHON_HERE, copy), RegistryProblem.class),
                "document.claimed-by-another-act.zone-application-document", "documentSha256", COURT_ARTICLE);
        // a permit's act (a change reported on it) likewise
        refusedAs(catchThrowableOfType(() -> claims.claim(copy, DocumentKind.CHANGE_REPORT, Claimant.grounding(DocumentClaims.Grounds.PERMIT.of("app-1")),
                        signed(new PersonId("holder-1"), Role.APPLICANT, null, COURT_AT).commandId(), "documentSha256", "002 art. 20.3.3", COURT_AT),
                RegistryProblem.class), "document.claimed-by-another-act.zone-application-document", "documentSha256", "002 art. 20.3.3");
        assertThat(events(ORKHON_HERE)).as("nothing stored").hasSize(stored);
        assertThat(claimOf(copy).getString("kind")).isEqualTo("zone-application-document");
        assertThat(claims.grounds(copy, DocumentKind.ZONE_APPLICATION_DOCUMENT).orElseThrow()).as("still the applicant's").isEqualTo(ActDocumentClaims.grounds(SELENGE_HERE));
    }

    @Test
    @DisplayName("003 art. 12.1, 12.1.2, 12.2, 12.5.3 (F356, the lawful cases): the entity's applications in two zones name the same documents, "
            + "and again after its removal on a court's decision (a new fee receipt, F274); another entity's names the same agent's power of "
            + "attorney; its own registration's act on one is its aggregate's (F48)")
    void the_entitys_applications_share_their_documents() {
        List<SubmittedZoneDocument> selenge = documentsOf("a", "1".repeat(64));
        apply(ZONE, SELENGE, selenge, RECEIVED);
        apply(ZAMYN_UUD, SELENGE, ZoneRegistrationTest.paidAnew(selenge, "4".repeat(64)), RECEIVED);
        assertThat(events(RegistrationId.of(ZAMYN_UUD, SELENGE))).as("applied in the second zone").hasSize(1);

        // two foreign entities' applications naming one power of attorney (one agent for both, 12.1.2): both received, the claim the first's
        LegalEntity erlian = new LegalEntity("Erlian Freight Co", Jurisdiction.FOREIGN, "CN", "91152501MA0NXK2L1Q");
        LegalEntity baotou = new LegalEntity("Baotou Freight Co", Jurisdiction.FOREIGN, "CN", "91150200MA0QRT3W8E");
        List<SubmittedZoneDocument> erlians = ZoneRegistrationTest.documents(Jurisdiction.FOREIGN).stream().map(d -> new SubmittedZoneDocument(d.kind(),
                "c" + d.sha256().substring(1))).toList();
        String attorney = erlians.stream().filter(d -> d.kind() == ZoneDocument.POWER_OF_ATTORNEY).findFirst().orElseThrow().sha256();
        apply(ZONE, erlian, erlians, RECEIVED);
        apply(ZONE, baotou, ZoneRegistrationTest.documents(Jurisdiction.FOREIGN).stream().map(d -> new SubmittedZoneDocument(d.kind(),
                d.kind() == ZoneDocument.POWER_OF_ATTORNEY ? attorney : "d" + d.sha256().substring(1))).toList(), RECEIVED);
        assertThat(events(RegistrationId.of(ZONE, baotou))).as("applied with the same agent's power of attorney").hasSize(1);
        assertThat(claims.grounds(attorney, DocumentKind.ZONE_APPLICATION_DOCUMENT)).contains(ActDocumentClaims.grounds(RegistrationId.of(ZONE, erlian)));

        // within the review's days the test's services give (the fee receipt's claim, the court's day and the removal in one week)
        Instant registered = RECEIVED.plusSeconds(3 * 86400);
        Instant recorded = RECEIVED.plusSeconds(5 * 86400);
        register(SELENGE_HERE, registered);
        // its own registration's act on its application's document: the aggregate's F48, as before the claim
        refusedAs(catchThrowableOfType(() -> courtDecision(SELENGE_HERE, stateRegistrationCopy(selenge), DECIDED_HERE, recorded),
                RegistryProblem.class), "freezone.document-cited-already", "documentSha256", COURT_ARTICLE);
        // the entity's registration in the other zone: refused too (the claim stays with the registration that named it first)
        RegistrationId selengeThere = RegistrationId.of(ZAMYN_UUD, SELENGE);
        register(selengeThere, registered);
        refusedAs(catchThrowableOfType(() -> courtDecision(selengeThere, stateRegistrationCopy(selenge), DECIDED_HERE,
                recorded), RegistryProblem.class),
                "document.claimed-by-another-act.zone-application-document", "documentSha256", COURT_ARTICLE);
        courtDecision(SELENGE_HERE, "5".repeat(64), DECIDED_HERE, recorded);
        types.deregisterEntityType().handle(new RegistrationCommands.DeregisterEntity(SELENGE_HERE, DeregistrationGround.COURT_DECISION,
                "dissolved by the court"), governor(SELENGE_HERE, recorded.plusSeconds(3600)));
        // item 57: registered again after a court's dissolution, on the same copies, its fee paid anew
        apply(ZONE, SELENGE, ZoneRegistrationTest.paidAnew(selenge, "6".repeat(64)), recorded.plusSeconds(86400));
        assertThat(events(SELENGE_HERE).get(events(SELENGE_HERE).size() - 1))
                .isInstanceOf(mn.registry.kernel.freezone.RegistrationEvents.ZoneRegistrationApplied.class);
    }
}
