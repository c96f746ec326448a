package mn.registry.kernel.permit;

import java.time.LocalDate;

/** Signed command body: A reviewer suspends on a ground of 002 art. 28.1. */
public record SuspendPermit(ApplicationId applicationId, SuspensionGround ground, String evidenceSha256, int taxEvasions, LocalDate from, LocalDate until) {
}
