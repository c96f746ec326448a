package mn.registry.freezone.entity;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.command.claim.DocumentKind;
import mn.registry.command.claim.PaperOnClaimsBackfill;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static mn.registry.freezone.entity.DocumentClaimsRound29ZoneTest.BAOTOU;
import static mn.registry.freezone.entity.DocumentClaimsRound29ZoneTest.ERLIAN;
import static mn.registry.freezone.entity.DocumentClaimsRound29ZoneTest.ZAMYN_UUD;
import static mn.registry.freezone.entity.DocumentClaimsRound29ZoneTest.documentsOf;
import static mn.registry.freezone.entity.DocumentClaimsRound29ZoneTest.paper;
import static mn.registry.freezone.entity.DocumentClaimsRound29ZoneTest.with;
import static mn.registry.freezone.entity.ZoneRegistrationTest.RECEIVED;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 29, the paper a claim was named as (ADR 0057 item 17; abuse audit F509, was O355): a claim of a Free Zone application's paper
 * records the paper (the citing field) its holder named it as, so that one agent's power of attorney (ADR 0035 item 73 (a)) is shared as a
 * power of attorney only: another entity's incorporation document named as a power of attorney is refused. On the set-up and helpers of
 * {@code DocumentClaimsRound29ZoneTest} (the zone's command types on Axon and the embedded MongoDB). Failed first on {@code main} (a4ba5f44):
 * the other entity's application accepted.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class DocumentClaimsRound29PaperTest {

    private final DocumentClaimsRound29ZoneTest zones = new DocumentClaimsRound29ZoneTest();

    /** One start's step (ADR 0057 item 18): the registration's stored events read in their order, then at most {@code atMost} claims named. */
    private Document papersNamed(RegistrationId registration, long atMost) {
        PaperOnClaimsBackfill step = new PaperOnClaimsBackfill();
        zones.axon.eventStore().readEvents(registration.stream()).asStream().forEach(event -> step.accept(event.getPayload()));
        return step.name(zones.claimed, atMost);
    }

    @BeforeEach
    void start(MongoDatabase database) {
        zones.start(database);
    }

    @AfterEach
    void shutdown() {
        zones.shutdown();
    }

    @Test
    @DisplayName("003 art. 12.1.2 (F509, was O355; ADR 0057 item 17): abuse: Baotou names Erlian's incorporation document as its power of "
            + "attorney: refused 409 document.claimed-by-another-company.zone-application-document (documents.POWER_OF_ATTORNEY), nothing "
            + "stored, none of Baotou's papers claimed, on the node that read the claim already and on another; the claim names its paper; "
            + "happy: Baotou on the agent's power of attorney Erlian named as one")
    void another_entitys_incorporation_document_is_refused_as_a_power_of_attorney() {
        List<SubmittedZoneDocument> erlian = documentsOf(ERLIAN, "c", "5".repeat(64));
        List<SubmittedZoneDocument> baotou = documentsOf(BAOTOU, "d", "6".repeat(64));
        String incorporation = paper(erlian, ZoneDocument.INCORPORATION_DOCUMENT);
        ActDocumentClaims node = zones.node();
        zones.apply(node, ZONE, ERLIAN, erlian, RECEIVED);
        List<SubmittedZoneDocument> asItsAgents = with(baotou, ZoneDocument.POWER_OF_ATTORNEY, incorporation);

        // the first refusal reads Erlian's claims (this node then knows them held for good), the second passes no read; a third node reads
        zones.refusedAsAnotherEntitysPaper(zones.refused(node, ZAMYN_UUD, BAOTOU, asItsAgents, RECEIVED.plusSeconds(60)),
                ZoneDocument.POWER_OF_ATTORNEY, ZAMYN_UUD, BAOTOU, baotou);
        zones.refusedAsAnotherEntitysPaper(zones.refused(node, ZONE, BAOTOU, asItsAgents, RECEIVED.plusSeconds(120)),
                ZoneDocument.POWER_OF_ATTORNEY, ZONE, BAOTOU, baotou);
        zones.refusedAsAnotherEntitysPaper(zones.refused(zones.node(), ZONE, BAOTOU, asItsAgents, RECEIVED.plusSeconds(180)),
                ZoneDocument.POWER_OF_ATTORNEY, ZONE, BAOTOU, baotou);
        assertThat(List.of(zones.claimOf(incorporation).getString("commandId"), zones.claimOf(incorporation).getString("paper")))
                .as("still Erlian's, as its incorporation document").containsExactly("cmd-1", "documents." + ZoneDocument.INCORPORATION_DOCUMENT);

        zones.apply(node, ZONE, BAOTOU, with(baotou, ZoneDocument.POWER_OF_ATTORNEY, paper(erlian, ZoneDocument.POWER_OF_ATTORNEY)),
                RECEIVED.plusSeconds(240));
        assertThat(zones.events(ZONE, BAOTOU)).as("one agent for both (12.1.2)").isEqualTo(1);
    }

    @Test
    @DisplayName("003 art. 12.1.2 (F509; ADR 0057 item 17): a power of attorney stays shareable as a power of attorney only: Baotou naming "
            + "the agent's power of attorney Erlian named as its incorporation document is refused, nothing stored; as its power of attorney, "
            + "on a node that knows the claim held for good and on another, accepted; the claim still names the first paper")
    void a_power_of_attorney_is_shared_as_a_power_of_attorney_only() {
        List<SubmittedZoneDocument> erlian = documentsOf(ERLIAN, "c", "5".repeat(64));
        List<SubmittedZoneDocument> baotou = documentsOf(BAOTOU, "d", "6".repeat(64));
        String attorney = paper(erlian, ZoneDocument.POWER_OF_ATTORNEY);
        ActDocumentClaims node = zones.node();
        zones.apply(node, ZONE, ERLIAN, erlian, RECEIVED);

        zones.refusedAsAnotherEntitysPaper(zones.refused(node, ZONE, BAOTOU, with(baotou, ZoneDocument.INCORPORATION_DOCUMENT, attorney),
                RECEIVED.plusSeconds(60)), ZoneDocument.INCORPORATION_DOCUMENT, ZONE, BAOTOU, baotou);

        List<SubmittedZoneDocument> onTheAgents = with(baotou, ZoneDocument.POWER_OF_ATTORNEY, attorney);
        zones.apply(node, ZONE, BAOTOU, onTheAgents, RECEIVED.plusSeconds(120));
        zones.apply(zones.node(), ZAMYN_UUD, BAOTOU, ZoneRegistrationTest.paidAnew(onTheAgents, "7".repeat(64)), RECEIVED.plusSeconds(180));
        assertThat(List.of(zones.events(ZONE, BAOTOU), zones.events(ZAMYN_UUD, BAOTOU))).containsExactly(1L, 1L);
        assertThat(List.of(zones.claimOf(attorney).getString("grounds"), zones.claimOf(attorney).getString("paper")))
                .containsExactly(ActDocumentClaims.grounds(RegistrationId.of(ZONE, ERLIAN)), "documents." + ZoneDocument.POWER_OF_ATTORNEY);
    }

    @Test
    @DisplayName("003 art. 12.1.2 (ADR 0057 item 18, choice): a claim naming no paper that the start-up step could not name (no stored "
            + "application names it) is read as not known: the power of attorney's exception judged on the citing field, as before; another "
            + "entity's paper named as its incorporation document still refused, nothing stored")
    void a_claim_naming_no_paper_is_read_as_not_known() {
        List<SubmittedZoneDocument> erlian = documentsOf(ERLIAN, "c", "5".repeat(64));
        List<SubmittedZoneDocument> baotou = documentsOf(BAOTOU, "d", "6".repeat(64));
        String incorporation = paper(erlian, ZoneDocument.INCORPORATION_DOCUMENT);
        zones.claimed.insertOne(new Document("_id", incorporation).append("kind", DocumentKind.ZONE_APPLICATION_DOCUMENT.code())
                .append("commandId", DocumentClaims.BACKFILL + ":" + DocumentKind.ZONE_APPLICATION_DOCUMENT.code())
                .append("claimedAt", RECEIVED.toString()).append("grounds", ActDocumentClaims.grounds(RegistrationId.of(ZONE, ERLIAN)))
                .append("backfilled", true));

        zones.refusedAsAnotherEntitysPaper(zones.refused(zones.node(), ZONE, BAOTOU, with(baotou, ZoneDocument.INCORPORATION_DOCUMENT,
                incorporation), RECEIVED), ZoneDocument.INCORPORATION_DOCUMENT, ZONE, BAOTOU, baotou);

        zones.apply(zones.node(), ZONE, BAOTOU, with(baotou, ZoneDocument.POWER_OF_ATTORNEY, incorporation), RECEIVED.plusSeconds(60));
        assertThat(zones.events(ZONE, BAOTOU)).as("not known: judged on the citing field, as before").isEqualTo(1);
        assertThat(zones.claimOf(incorporation).containsKey("paper")).as("the backfilled claim left as it was").isFalse();
    }

    @Test
    @DisplayName("003 art. 12.1.2 (F509, was O355; ADR 0057 item 18): claims written before session 29 name no paper: the start-up step names "
            + "the paper the application their grounds name named them as, completing after a start stopped half-way, naming nothing twice; "
            + "then another entity's incorporation document named as a power of attorney is refused, nothing stored; the agent's still shared")
    void the_claims_written_before_session_29_are_given_their_paper() {
        List<SubmittedZoneDocument> erlian = documentsOf(ERLIAN, "c", "5".repeat(64));
        List<SubmittedZoneDocument> baotou = documentsOf(BAOTOU, "d", "6".repeat(64));
        String incorporation = paper(erlian, ZoneDocument.INCORPORATION_DOCUMENT);
        zones.apply(zones.node(), ZONE, ERLIAN, erlian, RECEIVED);
        // as a release before session 29 wrote them: no paper
        long written = zones.claimed.updateMany(Filters.eq("kind", DocumentKind.ZONE_APPLICATION_DOCUMENT.code()), Updates.unset("paper"))
                .getModifiedCount();
        assertThat(written).as("Erlian's papers but the fee receipt").isEqualTo(erlian.size() - 1);

        RegistrationId erlians = RegistrationId.of(ZONE, ERLIAN);
        assertThat(papersNamed(erlians, 1).get("named")).as("a start stopped after one claim").isEqualTo(1L);
        assertThat(papersNamed(erlians, Long.MAX_VALUE).get("named")).as("the next start names the rest").isEqualTo(written - 1);
        assertThat(papersNamed(erlians, Long.MAX_VALUE).get("named")).as("and nothing twice").isEqualTo(0L);
        assertThat(erlian).filteredOn(d -> d.kind() != ZoneDocument.REGISTRATION_FEE_RECEIPT)
                .allSatisfy(d -> assertThat(zones.claimOf(d.sha256()).getString("paper")).isEqualTo("documents." + d.kind()));

        zones.refusedAsAnotherEntitysPaper(zones.refused(zones.node(), ZONE, BAOTOU, with(baotou, ZoneDocument.POWER_OF_ATTORNEY, incorporation),
                RECEIVED.plusSeconds(60)), ZoneDocument.POWER_OF_ATTORNEY, ZONE, BAOTOU, baotou);
        zones.apply(zones.node(), ZONE, BAOTOU, with(baotou, ZoneDocument.POWER_OF_ATTORNEY, paper(erlian, ZoneDocument.POWER_OF_ATTORNEY)),
                RECEIVED.plusSeconds(120));
        assertThat(zones.events(ZONE, BAOTOU)).isEqualTo(1);
    }
}
