package mn.registry.kernel.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * ADR 0061 item 63 (choice; abuse audit F556, was O402; 001 art. 23.1.1, 002 art. 23.2): the company whose representative the grant of
 * the applicant's role in force on the person's stream makes them, stated by an official for a grant that named none. Folded into that
 * grant ({@code IdentityDirectory}): from {@code statedAt} on the representative acts for {@code company} only. Staff-only, as a
 * representative's grant is (never published).
 *
 * @param personId       whose grant
 * @param company        the company's state registration number
 * @param documentSha256 the company's power of representation (lower-case SHA-256), received by the registry
 * @param statedAt       the registry's time of receipt of the statement
 * @param statedBy       the official who signed it
 */
public record RepresentativesCompanyStated(PersonId personId, String company, String documentSha256, Instant statedAt, PersonId statedBy) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public RepresentativesCompanyStated {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(documentSha256, "documentSha256");
        Objects.requireNonNull(statedAt, "statedAt");
    }
}
