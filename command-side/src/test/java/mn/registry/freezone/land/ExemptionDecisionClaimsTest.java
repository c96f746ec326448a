package mn.registry.freezone.land;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.CommandLog;
import mn.registry.command.claim.Claimant;
import mn.registry.command.claim.DocumentKind;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * 003 art. 23.4, 6.4 (choice, ADR 0035 item 28; abuse audit F168, was O100): the Government decision of a land-fee exemption is claimed for
 * the exemptions (since session 19 the one claim of the document, ADR 0057: kind {@code land-fee-exemption-decision}, whose acts share it),
 * on the embedded MongoDB.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class ExemptionDecisionClaimsTest {

    static final Instant AT = Instant.parse("2027-03-01T02:00:00Z");
    static final ZoneId ALTANBULAG = ZoneId.of("altanbulag");
    static final String DECISION = "a1".repeat(32);

    private static final java.util.Map<String, String> LEASES = new java.util.HashMap<>();

    private static CommandContext context(CommandLog log, String commandId) {
        if (log.claim(commandId, commandId + "-jws", "jws", "GrantLandFeeExemption", "cabinet-1") instanceof CommandLog.Claim.Claimed claimed) {
            LEASES.put(commandId, claimed.leaseKey());
        }
        return new CommandContext(commandId, AT, AT, new PersonId("cabinet-1"), Set.of(Role.CABINET_MEMBER), Set.of(), "0".repeat(64));
    }

    /** A closure's claim as ZoneDecisionDocuments takes it (ADR 0035 item 27): held while its command is logged. */
    private static void closureClaims(DocumentClaims claims, CommandLog log, String sha256, String commandId) {
        context(log, commandId);
        claims.claim(sha256, DocumentKind.ZONE_DECISION, Claimant.grounding(DocumentClaims.Grounds.ZONE.of("altanbulag")), commandId, "decisionSha256",
                "003 art. 6.4", AT);
    }

    /** An exemption's claim of its decision, as GrantLandFeeExemption takes it. */
    private static boolean exemptionClaims(DocumentClaims claims, String sha256, CommandContext context) {
        return claims.claim(sha256, DocumentKind.LAND_FEE_EXEMPTION_DECISION, Claimant.NONE, context.commandId(), "decisionSha256", "003 art. 23.4, 6.4", AT);
    }

    @Test
    @DisplayName("003 art. 23.4, 6.4 (F168): an exemption's decision is shared by exemptions (one decision, several beneficiaries) and refused "
            + "to a closure; a closure's decision is refused to an exemption; the first exemption's refusal leaves the decision claimed for the "
            + "exemption that shared it and was recorded")
    void an_exemptions_decision_is_claimed_for_the_exemptions(MongoDatabase database) {
        CommandLog log = new CommandLog(database, Clock.fixed(AT, ZoneOffset.UTC));
        DocumentClaims decisions = DocumentClaims.backfilled(database, log);
        MongoCollection<Document> claims = database.getCollection(DocumentClaims.COLLECTION);

        CommandContext first = context(log, "exempt-production");
        assertThat(exemptionClaims(decisions, DECISION, first)).as("the first exemption holds the claim").isTrue();
        CommandContext second = context(log, "exempt-trade");
        assertThat(exemptionClaims(decisions, DECISION, second)).as("another exemption of the same decision shares it").isFalse();
        assertThat(exemptionClaims(decisions, DECISION, first)).as("the same command again (ADR 0002)").isTrue();
        RegistryProblem closure = catchThrowableOfType(() -> closureClaims(decisions, log, DECISION, "close-altanbulag"), RegistryProblem.class);
        assertThat(closure.code()).isEqualTo("freezone.decision-cited-already");

        // the first exemption is refused by the land register; the second is recorded and keeps the decision claimed
        log.release("exempt-production", LEASES.get("exempt-production"));
        decisions.release(DECISION, first.commandId());
        decisions.adopt(DECISION, DocumentKind.LAND_FEE_EXEMPTION_DECISION, Claimant.NONE, second.commandId(), AT);
        assertThat(claims.find(eq("_id", DECISION)).first().getString("commandId")).isEqualTo("exempt-trade");
        decisions.release(DECISION, first.commandId()); // a late release of the refused one changes nothing
        assertThat(catchThrowableOfType(() -> closureClaims(decisions, log, DECISION, "close-altanbulag-2"), RegistryProblem.class)).isNotNull();

        // a closure's decision is not an exemption's
        String closing = "c2".repeat(32);
        closureClaims(decisions, log, closing, "close-zamyn-uud");
        RegistryProblem exemption = catchThrowableOfType(() -> exemptionClaims(decisions, closing, context(log, "exempt-hotel")), RegistryProblem.class);
        assertThat(exemption.code()).isEqualTo("freezone.exemption-decision-cited-already");
        assertThat(exemption.field()).isEqualTo("decisionSha256");
        assertThat(exemption.article()).isEqualTo("003 art. 23.4, 6.4");

        // a lone exemption refused releases its decision for the act that is lawful
        String alone = "d3".repeat(32);
        CommandContext refused = context(log, "exempt-refused");
        assertThat(exemptionClaims(decisions, alone, refused)).isTrue();
        decisions.release(alone, refused.commandId());
        closureClaims(decisions, log, alone, "close-after-refusal");
        assertThat(claims.find(eq("_id", alone)).first().getString("kind")).isEqualTo("zone-decision");
    }
}
