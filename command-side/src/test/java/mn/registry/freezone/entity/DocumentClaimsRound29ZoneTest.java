package mn.registry.freezone.entity;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.CommandLog;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.command.claim.DocumentKind;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.config.Configuration;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static mn.registry.freezone.entity.ZoneRegistrationTest.RECEIVED;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Session 29, claims (ADR 0057 item 13; abuse audit F508, was O302): a Free Zone application's papers ({@code zone-application-document},
 * shared by the kind's acts) are its legal entity's own, as a permit application's are its company's (item 8, F462): another entity's
 * application naming one of them, in another zone or the same, is refused; the entity's own applications in several zones share them
 * (ADR 0035 items 8, 73); one agent's power of attorney still serves several foreign entities (ADR 0035 item 73 (a), choice). The entity is
 * read from the claim's grounds ({@code registration:fz-registration-<zone>:<entity>}), which every claim of the kind names: no backfill.
 * Through the command types the registry runs, on the embedded MongoDB (as {@code FreeZoneAbuseRound20Test}). Its set-up and helpers are
 * package-private: {@code DocumentClaimsRound29PaperTest} (ADR 0057 item 17) runs on them.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class DocumentClaimsRound29ZoneTest {

    static final LegalEntity SELENGE = new LegalEntity("Selenge Trade LLC", Jurisdiction.MONGOLIAN, null, "6001234");
    static final LegalEntity ORKHON = new LegalEntity("Orkhon Leather LLC", Jurisdiction.MONGOLIAN, null, "6001999");
    static final LegalEntity ERLIAN = new LegalEntity("Erlian Freight Co", Jurisdiction.FOREIGN, "CN", "91152501MA0NXK2L1Q");
    static final LegalEntity BAOTOU = new LegalEntity("Baotou Freight Co", Jurisdiction.FOREIGN, "CN", "91150200MA0QRT3W8E");
    static final ZoneId ZAMYN_UUD = ZoneId.of("zamyn-uud");
    static final String REFUSED_AS = "document.claimed-by-another-company.zone-application-document";

    Configuration axon;
    /** The services the registrations are decided with (a test may set its own before {@link #start}). */
    ZoneRegistrationTest.Services services = new ZoneRegistrationTest.Services();
    private MongoDatabase database;
    private CommandLog commandLog;
    MongoCollection<Document> claimed;
    private RegistrationCommandTypes types;
    private ActDocumentClaims node;
    private int commands;

    @BeforeEach
    void start(MongoDatabase database) {
        this.database = database;
        axon = ZoneRegistrationAbuseFixture.registrations(services);
        commandLog = new CommandLog(database, Clock.fixed(RECEIVED, ZoneOffset.UTC));
        claimed = database.getCollection(DocumentClaims.COLLECTION);
        types = new RegistrationCommandTypes(axon.commandGateway());
        node = node();
    }

    @AfterEach
    void shutdown() {
        axon.shutdown();
    }

    /** A registry node on the same database: its own claims, so its own memory of the claims held for good. */
    ActDocumentClaims node() {
        return new ActDocumentClaims(DocumentClaims.backfilled(database, commandLog));
    }

    /** The entity's documents (its jurisdiction's), each of its own leading digit, and its fee receipt {@code receipt}. */
    static List<SubmittedZoneDocument> documentsOf(LegalEntity entity, String digit, String receipt) {
        return ZoneRegistrationTest.documents(entity.jurisdiction()).stream().map(d -> new SubmittedZoneDocument(d.kind(),
                d.kind() == ZoneDocument.REGISTRATION_FEE_RECEIPT ? receipt : digit + d.sha256().substring(1))).toList();
    }

    static String paper(List<SubmittedZoneDocument> documents, ZoneDocument kind) {
        return documents.stream().filter(d -> d.kind() == kind).findFirst().orElseThrow().sha256();
    }

    /** {@code documents} with {@code kind}'s replaced by {@code instead}. */
    static List<SubmittedZoneDocument> with(List<SubmittedZoneDocument> documents, ZoneDocument kind, String instead) {
        return documents.stream().map(d -> d.kind() == kind ? new SubmittedZoneDocument(kind, instead) : d).toList();
    }

    /** The application, through the command type, as the pipeline runs it: its command claimed first, done once answered. */
    Object apply(ActDocumentClaims on, ZoneId zone, LegalEntity entity, List<SubmittedZoneDocument> documents, Instant at) {
        String id = "cmd-" + ++commands;
        commandLog.claim(id, id + "-jws", "jws", "ApplyForZoneRegistration", ZoneRegistrationTest.APPLICANT.value());
        Object answer = types.applyForZoneRegistrationType(on).handle(new RegistrationCommands.ApplyForZoneRegistration(zone, entity,
                Activity.TRADE, documents), new CommandContext(id, at, at, ZoneRegistrationTest.APPLICANT, Set.of(Role.APPLICANT), Set.of(),
                "ab".repeat(32)));
        commandLog.done(id, "{}", 200);
        return answer;
    }

    RegistryProblem refused(ActDocumentClaims on, ZoneId zone, LegalEntity entity, List<SubmittedZoneDocument> documents, Instant at) {
        return catchThrowableOfType(() -> apply(on, zone, entity, documents, at), RegistryProblem.class);
    }

    long events(ZoneId zone, LegalEntity entity) {
        return axon.eventStore().readEvents(RegistrationId.of(zone, entity).stream()).asStream().count();
    }

    Document claimOf(String sha256) {
        return claimed.find(Filters.eq("_id", sha256)).first();
    }

    /** Refused 409 with the kind's own code, the field and article of the paper named; nothing stored; none of the refused one's papers claimed. */
    void refusedAsAnotherEntitysPaper(RegistryProblem problem, ZoneDocument named, ZoneId zone, LegalEntity entity,
                                              List<SubmittedZoneDocument> itsOwn) {
        assertThat(problem).as("refused").isNotNull();
        assertThat(List.of(problem.code(), problem.kind().name(), problem.field(), problem.article()))
                .containsExactly(REFUSED_AS, "CONFLICT", "documents." + named, named.article());
        assertThat(problem.getMessage()).doesNotContain(SELENGE.registrationNumber()).doesNotContain(ERLIAN.registrationNumber());
        assertThat(events(zone, entity)).as("nothing stored").isZero();
        assertThat(itsOwn).filteredOn(d -> d.kind() != named).allSatisfy(d -> assertThat(claimOf(d.sha256())).as(d.kind().name()).isNull());
    }

    @Test
    @DisplayName("003 art. 12.1.1 (F508, was O302; ADR 0057 item 13): abuse: Orkhon applies in Zamyn-Uud naming Selenge's state registration "
            + "certificate, which Selenge's application in Altanbulag holds: refused 409 document.claimed-by-another-company.zone-application-document, "
            + "nothing stored, none of Orkhon's papers claimed, the claim still Selenge's; on a second node too; happy: Orkhon on papers of its own")
    void another_entitys_zone_application_papers_are_refused() {
        List<SubmittedZoneDocument> selenge = documentsOf(SELENGE, "a", "1".repeat(64));
        List<SubmittedZoneDocument> orkhon = documentsOf(ORKHON, "b", "2".repeat(64));
        String certificate = paper(selenge, ZoneDocument.STATE_REGISTRATION_CERTIFICATE);
        apply(node, ZONE, SELENGE, selenge, RECEIVED);
        List<SubmittedZoneDocument> onSelenges = with(orkhon, ZoneDocument.STATE_REGISTRATION_CERTIFICATE, certificate);

        // the node that stored Selenge's application knows its claims held for good; another node reads them
        refusedAsAnotherEntitysPaper(refused(node, ZAMYN_UUD, ORKHON, onSelenges, RECEIVED.plusSeconds(60)),
                ZoneDocument.STATE_REGISTRATION_CERTIFICATE, ZAMYN_UUD, ORKHON, orkhon);
        refusedAsAnotherEntitysPaper(refused(node(), ZONE, ORKHON, onSelenges, RECEIVED.plusSeconds(120)),
                ZoneDocument.STATE_REGISTRATION_CERTIFICATE, ZONE, ORKHON, orkhon);
        assertThat(List.of(claimOf(certificate).getString("commandId"), claimOf(certificate).getString("grounds")))
                .as("still Selenge's").containsExactly("cmd-1", ActDocumentClaims.grounds(RegistrationId.of(ZONE, SELENGE)));

        apply(node, ZAMYN_UUD, ORKHON, orkhon, RECEIVED.plusSeconds(180));
        assertThat(events(ZAMYN_UUD, ORKHON)).as("Orkhon on papers of its own").isEqualTo(1);
    }

    @Test
    @DisplayName("003 art. 12.1, 12.1.1 (ADR 0035 items 8, 73; ADR 0057 item 13): happy: Selenge's own papers serve its applications in "
            + "two zones, on the node that stored the first (which knows the claims held) and on another; the claims stay the first zone's")
    void an_entitys_own_papers_serve_its_applications_in_several_zones() {
        List<SubmittedZoneDocument> selenge = documentsOf(SELENGE, "a", "1".repeat(64));
        apply(node, ZONE, SELENGE, selenge, RECEIVED);

        apply(node, ZAMYN_UUD, SELENGE, ZoneRegistrationTest.paidAnew(selenge, "3".repeat(64)), RECEIVED.plusSeconds(60));
        apply(node(), ZoneId.of("khan-uul-logistics"), SELENGE, ZoneRegistrationTest.paidAnew(selenge, "4".repeat(64)), RECEIVED.plusSeconds(120));

        assertThat(List.of(events(ZAMYN_UUD, SELENGE), events(ZoneId.of("khan-uul-logistics"), SELENGE))).containsExactly(1L, 1L);
        assertThat(claimOf(paper(selenge, ZoneDocument.STATE_REGISTRATION_CERTIFICATE)).getString("grounds"))
                .isEqualTo(ActDocumentClaims.grounds(RegistrationId.of(ZONE, SELENGE)));
    }

    @Test
    @DisplayName("003 art. 12.1.2 (F508; ADR 0057 item 13, choice; ADR 0035 item 73 (a)): happy: two foreign entities name one agent's power "
            + "of attorney; abuse: Baotou naming Erlian's incorporation document, as its own or as its power of attorney's place is not "
            + "enough: refused, nothing stored")
    void one_agents_power_of_attorney_serves_several_foreign_entities_and_nothing_else_does() {
        List<SubmittedZoneDocument> erlian = documentsOf(ERLIAN, "c", "5".repeat(64));
        List<SubmittedZoneDocument> baotou = documentsOf(BAOTOU, "d", "6".repeat(64));
        apply(node, ZONE, ERLIAN, erlian, RECEIVED);

        refusedAsAnotherEntitysPaper(refused(node, ZONE, BAOTOU, with(baotou, ZoneDocument.INCORPORATION_DOCUMENT,
                paper(erlian, ZoneDocument.INCORPORATION_DOCUMENT)), RECEIVED.plusSeconds(60)), ZoneDocument.INCORPORATION_DOCUMENT, ZONE, BAOTOU, baotou);

        apply(node, ZONE, BAOTOU, with(baotou, ZoneDocument.POWER_OF_ATTORNEY, paper(erlian, ZoneDocument.POWER_OF_ATTORNEY)), RECEIVED.plusSeconds(120));
        assertThat(events(ZONE, BAOTOU)).as("one agent for both (12.1.2)").isEqualTo(1);
        assertThat(claimOf(paper(erlian, ZoneDocument.POWER_OF_ATTORNEY)).getString("grounds")).isEqualTo(ActDocumentClaims.grounds(
                RegistrationId.of(ZONE, ERLIAN)));
    }

    @Test
    @DisplayName("003 art. 12.1.1 (F508; ADR 0057 item 13): a claim the start-up step wrote for an application stored before ADR 0035 item 73 "
            + "names its registration, so its entity: another entity naming the paper is refused, nothing stored, and the entity itself passes "
            + "(no backfill of the entity needed)")
    void a_backfilled_zone_claim_names_its_entity() {
        List<SubmittedZoneDocument> selenge = documentsOf(SELENGE, "a", "1".repeat(64));
        List<SubmittedZoneDocument> orkhon = documentsOf(ORKHON, "b", "2".repeat(64));
        String certificate = paper(selenge, ZoneDocument.STATE_REGISTRATION_CERTIFICATE);
        claimed.insertOne(new Document("_id", certificate).append("kind", DocumentKind.ZONE_APPLICATION_DOCUMENT.code())
                .append("commandId", DocumentClaims.BACKFILL + ":" + DocumentKind.ZONE_APPLICATION_DOCUMENT.code()).append("claimedAt", RECEIVED.toString())
                .append("grounds", ActDocumentClaims.grounds(RegistrationId.of(ZONE, SELENGE))).append("backfilled", true));

        refusedAsAnotherEntitysPaper(refused(node, ZAMYN_UUD, ORKHON, with(orkhon, ZoneDocument.STATE_REGISTRATION_CERTIFICATE, certificate),
                RECEIVED), ZoneDocument.STATE_REGISTRATION_CERTIFICATE, ZAMYN_UUD, ORKHON, orkhon);

        apply(node, ZAMYN_UUD, SELENGE, selenge, RECEIVED.plusSeconds(60));
        assertThat(events(ZAMYN_UUD, SELENGE)).isEqualTo(1);
    }
}
