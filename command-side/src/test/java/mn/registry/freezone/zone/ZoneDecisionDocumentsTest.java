package mn.registry.freezone.zone;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.CommandLog;
import mn.registry.document.DocumentStore;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * 003 art. 6.4 (choice, ADR 0035 item 27; abuse audit F167, was O97): a zone's opening or temporary closure rests on the Government
 * decision's received document, cited by one act registry-wide, on the embedded MongoDB.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class ZoneDecisionDocumentsTest {

    static final Instant AT = Instant.parse("2027-03-01T02:00:00Z");
    static final ZoneId ZAMYN_UUD = ZoneId.of("zamyn-uud");

    private static CommandContext context(CommandLog log, String commandId) {
        log.claim(commandId, commandId + "-jws", "jws", "CloseZoneTemporarily", "cabinet-1");
        return new CommandContext(commandId, AT, AT, new PersonId("cabinet-1"), Set.of(Role.CABINET_MEMBER), Set.of(), "0".repeat(64));
    }

    private static void refused(Runnable act, String code) {
        refused(act, code, "decisionSha256", "003 art. 6.4");
    }

    private static void refused(Runnable act, String code, String field, String article) {
        RegistryProblem problem = catchThrowableOfType(act::run, RegistryProblem.class);
        assertThat(problem).as(code).isNotNull();
        assertThat(problem.code()).isEqualTo(code);
        assertThat(problem.field()).isEqualTo(field);
        assertThat(problem.article()).isEqualTo(article);
    }

    @Test
    @DisplayName("003 art. 6.1 (ADR 0035 item 41, F235, was O132): a zone's establishment and the record of its date rest on the State Great "
            + "Khural resolution's received document: without it, malformed or never received, refused before the zone acts; the zone's two acts "
            + "cite it, another zone's act is refused; a claim is released when its act is refused; a Government decision is no resolution")
    void the_establishment_and_its_date_rest_on_the_resolutions_own_document(MongoDatabase database) {
        CommandLog log = new CommandLog(database, Clock.fixed(AT, ZoneOffset.UTC));
        DocumentStore store = new DocumentStore(database, Clock.fixed(AT, ZoneOffset.UTC), org.springframework.util.unit.DataSize.ofMegabytes(10));
        ZoneDecisionDocuments documents = new ZoneDecisionDocuments(database, log, store);
        boolean[] acted = new boolean[1];
        for (String missing : new String[]{null, " "}) {
            refused(() -> documents.resolutionClaimedFor(missing, ZAMYN_UUD, context(log, "establish-" + missing), () -> acted[0] = true),
                    "freezone.field-missing", "resolutionSha256", "003 art. 6.1");
        }
        refused(() -> documents.resolutionClaimedFor("ABC", ZAMYN_UUD, context(log, "establish-abc"), () -> acted[0] = true),
                "document.sha256-malformed", "resolutionSha256", "003 art. 6.1");
        refused(() -> documents.resolutionClaimedFor("7".repeat(64), ZAMYN_UUD, context(log, "establish-unknown"), () -> acted[0] = true),
                "document.unknown", "resolutionSha256", "003 art. 6.1");
        assertThat(acted[0]).as("the zone never acted on a refused resolution").isFalse();

        String resolution = store.receive("%PDF-1.4\nState Great Khural resolution 2004/27 establishing Zamyn-Uud\n%%EOF\n"
                .getBytes(StandardCharsets.UTF_8), "application/pdf", "resolution.pdf").document().sha256();
        RegistryProblem byTheZone = catchThrowableOfType(() -> documents.resolutionClaimedFor(resolution, ZoneId.of("altanbulag"),
                context(log, "establish-overlapping"), () -> {
                    throw RegistryProblem.conflict("freezone.zone-overlaps", "overlaps", "003 art. 6.1, 22.2");
                }), RegistryProblem.class);
        assertThat(byTheZone.code()).isEqualTo("freezone.zone-overlaps");
        assertThat(documents.resolutionClaimedFor(resolution, ZAMYN_UUD, context(log, "establish-1"), () -> "ESTABLISHED")).isEqualTo("ESTABLISHED");
        // the zone's date read from the same resolution: left to the zone (its own rule: once, from its own document)
        assertThat(documents.resolutionClaimedFor(resolution, ZAMYN_UUD, context(log, "date-1"), () -> "DATED")).isEqualTo("DATED");
        refused(() -> documents.resolutionClaimedFor(resolution, ZoneId.of("altanbulag"), context(log, "date-2"), () -> "DATED"),
                "freezone.resolution-cited-already", "resolutionSha256", "003 art. 6.1");
        refused(() -> documents.claimedFor(resolution, ZAMYN_UUD, context(log, "open-2"), () -> "OPEN"),
                "document.claimed-by-another-act.zone-resolution", "decisionSha256", "003 art. 6.4");
    }

    @Test
    @DisplayName("003 art. 6.4 (ADR 0035 item 27, F167): a closure or opening on the decision's text only, a malformed hash or a document never "
            + "received is refused before the zone acts; a received decision is claimed by its act, refused for a second act (the reopening, "
            + "another zone's closure) and released when its act is refused")
    void an_opening_or_closure_rests_on_the_decisions_own_document(MongoDatabase database) {
        CommandLog log = new CommandLog(database, Clock.fixed(AT, ZoneOffset.UTC));
        DocumentStore store = new DocumentStore(database, Clock.fixed(AT, ZoneOffset.UTC), org.springframework.util.unit.DataSize.ofMegabytes(10));
        ZoneDecisionDocuments decisions = new ZoneDecisionDocuments(database, log, store);
        boolean[] acted = new boolean[1];
        for (String missing : new String[]{null, " "}) {
            refused(() -> decisions.claimedFor(missing, ZAMYN_UUD, context(log, "close-" + missing), () -> acted[0] = true),
                    "freezone.field-missing");
        }
        refused(() -> decisions.claimedFor("ABC", ZAMYN_UUD, context(log, "close-abc"), () -> acted[0] = true),
                "document.sha256-malformed");
        refused(() -> decisions.claimedFor("7".repeat(64), ZAMYN_UUD, context(log, "close-unknown"), () -> acted[0] = true),
                "document.unknown");
        assertThat(acted[0]).as("the zone never acted on a refused decision").isFalse();

        String decision = store.receive("%PDF-1.4\nGovernment resolution 2027/300 closing Zamyn-Uud\n%%EOF\n".getBytes(StandardCharsets.UTF_8),
                "application/pdf", "decision.pdf").document().sha256();
        // the zone refuses the act (e.g. closed already): the claim is released, and the next act may cite the decision
        RegistryProblem byTheZone = catchThrowableOfType(() -> decisions.claimedFor(decision, ZAMYN_UUD,
                context(log, "close-refused"), () -> {
                    throw RegistryProblem.conflict("freezone.zone-not-open", "not open", "003 art. 6.4");
                }), RegistryProblem.class);
        assertThat(byTheZone.code()).isEqualTo("freezone.zone-not-open");
        assertThat(decisions.claimedFor(decision, ZAMYN_UUD, context(log, "close-1"), () -> "CLOSED")).isEqualTo("CLOSED");
        // the same command again (ADR 0002) keeps its claim
        assertThat(decisions.claimedFor(decision, ZAMYN_UUD, context(log, "close-1"), () -> "CLOSED")).isEqualTo("CLOSED");
        refused(() -> decisions.claimedFor(decision, ZAMYN_UUD, context(log, "open-1"), () -> "OPEN"), "freezone.decision-cited-already");
        refused(() -> decisions.claimedFor(decision, ZoneId.of("altanbulag"), context(log, "close-2"), () -> "CLOSED"),
                "freezone.decision-cited-already");
    }
}
