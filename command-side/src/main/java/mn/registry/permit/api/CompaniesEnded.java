package mn.registry.permit.api;

import java.util.Optional;

/**
 * The permit register's answer to the Free Zone's intake (ADR 0035 items 163-164; abuse audit F605, F606): whether the registry holds a
 * Mongolian company as ended at this node's knowledge now, liquidated (002 art. 29.1.2, not lifted by an upheld complaint) or ended by a
 * reorganisation (23.3). Answered from memory by the permit side ({@code EndedCompaniesInMemory} over {@code CeasedCompanies}); the
 * Free Zone asks only this interface, as ADR 0013's layout shares a context's {@code api} package and nothing else.
 */
public interface CompaniesEnded {

    /**
     * How the company under {@code stateRegistrationNumber} ended, if the registry holds it ended: liquidated first, then a
     * reorganisation; empty if neither, or for no number.
     */
    Optional<CompanyEnded> of(String stateRegistrationNumber);
}
