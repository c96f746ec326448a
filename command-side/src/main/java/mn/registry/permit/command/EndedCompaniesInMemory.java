package mn.registry.permit.command;

import org.springframework.stereotype.Component;

import java.util.Optional;

import mn.registry.permit.api.CompaniesEnded;
import mn.registry.permit.api.CompanyEnded;

/**
 * The permit register's companies that no longer exist, asked by the Free Zone's intake (003 art. 12.1, 22; ADR 0035 items 163-164,
 * choice; abuse audit F605-F606, was O452): {@link CeasedCompanies}'s memory, read to the store's head this node knows, so the question adds
 * no round trip in the common case. Every revocation, transfer and upheld complaint stored before the question counts: the answer is the
 * registry's record at the receipt of the act that asks, never a date the signer names.
 */
@Component
class EndedCompaniesInMemory implements CompaniesEnded {

    private final CeasedCompanies ceased;

    EndedCompaniesInMemory(CeasedCompanies ceased) {
        this.ceased = ceased;
    }

    /**
     * How the company under {@code stateRegistrationNumber} ended, if the registry holds it ended: liquidated (002 art. 29.1.2, not lifted by
     * an upheld complaint) first, then a reorganisation (23.3); empty if neither, or for no number.
     */
    @Override
    public Optional<CompanyEnded> of(String stateRegistrationNumber) {
        if (stateRegistrationNumber == null || stateRegistrationNumber.isBlank()) {
            return Optional.empty();
        }
        Optional<CompanyEnded> liquidated = ceased.liquidated(stateRegistrationNumber)
                .map(l -> new CompanyEnded(stateRegistrationNumber, l.on(), true));
        return liquidated.isPresent() ? liquidated : ceased.of(stateRegistrationNumber).map(c -> new CompanyEnded(stateRegistrationNumber, c.on(), false));
    }
}
