package mn.registry.kernel.permit;

import java.time.LocalDate;
import mn.registry.kernel.identity.PersonId;

/**
 * Signed command body: A supervisor transfers the permit on reorganisation (002 art. 23.3), on the day the reorganisation took effect
 * ({@code reorganisedOn}: the state registration of the new company, ADR 0046 item 96; null only in a body signed before it, refused).
 * {@code successorRepresentative}: the person who acts for the successor from the transfer (ADR 0046 item 142; abuse audit F496, was O345),
 * holding {@code APPLICANT} at the registry's receipt and, where their grant names a company, the successor's; null names none:
 * refused on a transfer received now (ADR 0046 item 144, F516; a transfer stored before it named none and kept the predecessor's
 * representative, item 143).
 */
public record TransferPermit(ApplicationId applicationId, Company successor, Reorganisation reorganisation, String evidenceSha256, LocalDate reorganisedOn,
                             @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) PersonId successorRepresentative) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public TransferPermit {
    }
}
