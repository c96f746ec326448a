package mn.registry.kernel.permit;

import java.time.LocalDate;

/**
 * Signed command body: A supervisor transfers the permit on reorganisation (002 art. 23.3), on the day the reorganisation took effect
 * ({@code reorganisedOn}: the state registration of the new company, ADR 0046 item 96; null only in a body signed before it, refused).
 */
public record TransferPermit(ApplicationId applicationId, Company successor, Reorganisation reorganisation, String evidenceSha256, LocalDate reorganisedOn) {
}
