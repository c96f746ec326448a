package mn.registry.kernel.permit;

import mn.registry.kernel.privacy.PublishedText;

import java.time.LocalDate;
import java.util.List;

/** Signed command body: A supervisor, the competent official, issues the permit (002 art. 26.6-26.7). */
public record IssuePermit(ApplicationId applicationId, @PublishedText String activity, @PublishedText List<String> conditions, LocalDate validFrom, String contractSha256) {
}
