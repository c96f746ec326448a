package mn.registry.trust.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import mn.registry.keystore.RegistryKeys;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.kernel.trust.ServiceStatus;
import mn.registry.kernel.trust.SignedTrustedList;
import mn.registry.kernel.trust.TrustStatus;
import mn.registry.kernel.trust.TrustedList;
import org.bson.Document;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/public/trusted-list}: the current trusted list; {@code ?at=2026-12-01T00:00:00Z}: the list as it stood
 * at that instant. No login. The answer is the list signed with the registry's seal key (flattened JWS JSON over its
 * RFC 8785 canonical form); {@code verifier.jar} checks it offline.
 */
@RestController
class TrustedListController {

    private final MongoCollection<Document> services;
    private final RegistryKeys keys;
    private final Clock clock;

    TrustedListController(MongoDatabase database, RegistryKeys keys, Clock clock) {
        this.services = database.getCollection(TrustedListProjection.COLLECTION);
        this.keys = keys;
        this.clock = clock;
    }

    @GetMapping(path = "/api/public/trusted-list", produces = "application/json")
    ResponseEntity<JsonNode> trustedList(@RequestParam(value = "at", required = false) String atText) {
        Instant now = clock.instant();
        Instant at = atText == null ? now : instant(atText);
        if (at.isAfter(now)) {
            throw RegistryProblem.invalid("trust.at-in-future", "'at' (" + at + ") is after the registry's present time " + now
                    + "; the list of a future instant is not known.", "at", null);
        }
        List<TrustedList.Service> all = new ArrayList<>();
        for (Document d : services.find()) {
            List<ServiceStatus> history = d.getList("history", Document.class, List.of()).stream().map(h -> new ServiceStatus(
                    TrustStatus.valueOf(h.getString("status")), Instant.parse(h.getString("startingTime")), h.getString("providerName"),
                    h.getString("providerRegistrationNumber"), h.getString("event"), h.getString("article"))).toList();
            all.add(new TrustedList.Service(d.getString("_id"), d.getString("permitNumber"), history));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(SignedTrustedList.sign(TrustedList.document(all, at, now, atText != null), keys.seal()));
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw RegistryProblem.invalid("trust.bad-instant", "'at' must be an ISO-8601 instant such as 2026-12-01T00:00:00Z; it was '"
                    + text + "'.", "at", null);
        }
    }
}
