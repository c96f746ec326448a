package mn.registry.command.api;

import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;

import java.time.Instant;
import java.util.Set;

/**
 * What the command API established about a signed command before its body is handled.
 *
 * @param commandId      the signer's command id (idempotency key: the same id is applied once)
 * @param signedAt       the signing time the signer put in the signed payload: the signer's statement only, within
 *                       a few minutes of {@code receivedAt}; never a legal date (ADR 0013)
 * @param receivedAt     when the registry received it (from the registry's clock): the time of the act, at which
 *                       authority is judged, the date every public record carries, day 0 of deadlines
 * @param actor          the enrolled person whose certificate signed it
 * @param roles          the roles the actor held at {@code receivedAt}, from events
 * @param zones          for zone governors: the zones they govern at {@code receivedAt}
 * @param jwsSha256      SHA-256 (hex) of the signed JWS as received, kept in events as proof of who signed
 * @param company        the state registration number of the company whose representative the actor's grant of the applicant's role
 *                       in force at {@code receivedAt} names (ADR 0061 item 49; abuse audit F505, was O353), from events; null when the
 *                       actor holds no such grant or it names none (stored before session 29, or enrolled naming none: O350)
 */
public record CommandContext(String commandId,
                             Instant signedAt,
                             Instant receivedAt,
                             PersonId actor,
                             Set<Role> roles,
                             Set<String> zones,
                             String jwsSha256,
                             String company) {

    /** The context of a signer whose grants name no company (an official, or a representative whose company is not known). */
    public CommandContext(String commandId, Instant signedAt, Instant receivedAt, PersonId actor, Set<Role> roles, Set<String> zones,
                          String jwsSha256) {
        this(commandId, signedAt, receivedAt, actor, roles, zones, jwsSha256, null);
    }
}
