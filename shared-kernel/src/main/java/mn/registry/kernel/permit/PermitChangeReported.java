package mn.registry.kernel.permit;

import java.time.Instant;
import java.time.LocalDate;
import mn.registry.kernel.identity.PersonId;

/** The holder reported a change to the permit's information or documents; due within 3 working days of the change, a later report is marked late (002 art. 20.3.3). */
public record PermitChangeReported(ApplicationId applicationId, LocalDate changedOn, String description, String documentSha256, Instant reportedAt, LocalDate reportDue, boolean late, PersonId reportedBy) {
}
