package mn.registry.kernel.permit;

import java.time.LocalDate;
import java.util.List;

/** Signed command body: A supervisor, the competent official, issues the permit (002 art. 26.6-26.7). */
public record IssuePermit(ApplicationId applicationId, String activity, List<String> conditions, LocalDate validFrom, String contractSha256) {
}
