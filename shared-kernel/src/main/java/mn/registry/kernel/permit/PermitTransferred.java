package mn.registry.kernel.permit;

import java.time.Instant;
import java.time.LocalDate;
import mn.registry.kernel.identity.PersonId;

/**
 * On reorganisation the permit passed to the new company, which takes on the holder's rights and duties (002 art. 23.3). {@code reorganisedOn}:
 * the day of the new company's state registration the supervisor named (ADR 0046 item 96, public as the state register publishes it); null
 * on a transfer stored before it.
 */
public record PermitTransferred(ApplicationId applicationId, Company previousHolder, Company successor, Reorganisation reorganisation, String evidenceSha256, Instant transferredAt, PersonId decidedBy, LocalDate reorganisedOn) {
}
