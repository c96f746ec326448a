package mn.registry.kernel.permit;

import java.time.Instant;
import java.time.LocalDate;
import mn.registry.kernel.identity.PersonId;

/** An inspection of the holder was recorded; the next is due within a year (002 art. 31.1.7). */
public record PermitInspected(ApplicationId applicationId, LocalDate inspectedOn, String findingsSha256, boolean violationFound, Instant recordedAt, PersonId inspector, LocalDate nextInspectionDue) {
}
