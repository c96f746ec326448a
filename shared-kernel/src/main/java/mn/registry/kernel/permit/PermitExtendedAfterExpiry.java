package mn.registry.kernel.permit;

import java.time.Instant;
import java.time.LocalDate;
import mn.registry.kernel.identity.PersonId;

/**
 * The extension asked for before expiry was granted after the permit had expired (002 art. 27.4, 29.2; ADR 0013 §3):
 * the permit is in force again from {@code decidedAt}, for the term that follows the one that ended
 * ({@code previousValidUntil} + 1 day to {@code validUntil}); it was not in force between the two. Publishing it is a duty (27.6).
 */
public record PermitExtendedAfterExpiry(ApplicationId applicationId, LocalDate previousValidUntil, LocalDate validUntil, Instant decidedAt,
                                        PersonId decidedBy, String article) {
}
