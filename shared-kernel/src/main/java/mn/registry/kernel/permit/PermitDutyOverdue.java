package mn.registry.kernel.permit;

import java.time.Instant;
import java.time.LocalDate;

/** A duty was not done by its due date: flagged to reviewers and supervisors ({@code article}). */
public record PermitDutyOverdue(ApplicationId applicationId, PermitDuty duty, LocalDate due, Instant flaggedAt, String article) {
}
