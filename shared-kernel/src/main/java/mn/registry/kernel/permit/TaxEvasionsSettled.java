package mn.registry.kernel.permit;

import mn.registry.kernel.identity.PersonId;

import java.time.Instant;

/**
 * The tax authority recorded that the tax evasions on which the permit was suspended at its request are settled, with its
 * document's SHA-256 (002 art. 28.1, 28.4; ADR 0046 item 19): the ground of the suspension is removed, and only then is the
 * permit restored on that ground.
 */
public record TaxEvasionsSettled(ApplicationId applicationId, String evidenceSha256, Instant recordedAt, PersonId recordedBy, String article) {
}
