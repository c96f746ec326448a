package mn.registry.kernel.permit;

import java.time.Instant;
import java.time.LocalDate;

/** The permit's term ended without extension: it is invalid, without anyone acting (002 art. 29.2). */
public record PermitExpired(ApplicationId applicationId, LocalDate validUntil, Instant expiredAt, String article) {
}
