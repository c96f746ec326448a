package mn.registry.kernel.permit;

import java.time.Instant;
import mn.registry.kernel.identity.PersonId;

/**
 * The person who acts for the permit's holder from {@code receivedAt} (002 art. 23.2; 001 art. 23.1.1; ADR 0046 item 145, F517, was
 * O361): a representative whose grant in force at the registry's receipt names the holder, named by the supervisor on the holder's power
 * of representation ({@code documentSha256}). Never published (a person's identity and the holder's own business, ADR 0062): the public
 * register shows no such act.
 */
public record HolderRepresentativeNamed(ApplicationId applicationId, PersonId representative, String documentSha256, Instant receivedAt) {
}
