package mn.registry.kernel.permit;

import java.time.LocalDate;

/** Signed command body: An inspector records an inspection (002 art. 31.1.7). */
public record RecordPermitInspection(ApplicationId applicationId, LocalDate inspectedOn, String findingsSha256, boolean violationFound) {
}
