package mn.registry.kernel.permit;

import java.time.Instant;
import java.time.LocalDate;
import mn.registry.kernel.identity.PersonId;

/**
 * On reorganisation the permit passed to the new company, which takes on the holder's rights and duties (002 art. 23.3). {@code reorganisedOn}:
 * the day of the new company's state registration the supervisor named (ADR 0046 item 96, public as the state register publishes it); null
 * on a transfer stored before it. {@code successorRepresentative}: the person who acts for the successor from the transfer (ADR 0046 item
 * 142; abuse audit F496, was O345), never published (a representative's grant is not a public record); null on a transfer stored before
 * session 29 (or naming none before ADR 0046 item 144 required it), where the predecessor's representative stays the holder's.
 */
public record PermitTransferred(ApplicationId applicationId, Company previousHolder, Company successor, Reorganisation reorganisation, String evidenceSha256, Instant transferredAt, PersonId decidedBy, LocalDate reorganisedOn,
                                @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) PersonId successorRepresentative) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public PermitTransferred {
    }
}
