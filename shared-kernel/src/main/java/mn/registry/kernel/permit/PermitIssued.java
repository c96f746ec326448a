package mn.registry.kernel.permit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import mn.registry.kernel.identity.PersonId;

/** The special permit was issued with the content of 002 art. 26.6 and a contract recorded (26.7-26.8); valid for five years (27.1); publishing the grant is a duty (26.4). */
public record PermitIssued(ApplicationId applicationId, PermitNumber permitNumber, String issuer, Company holder, String activity, LocalDate validFrom, LocalDate validUntil, List<String> conditions, Instant issuedAt, PersonId signingOfficial, String contractSha256) {
}
