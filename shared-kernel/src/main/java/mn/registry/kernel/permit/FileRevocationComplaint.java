package mn.registry.kernel.permit;

/** Signed command body: The former holder complains against a revocation (002 art. 29.6). */
public record FileRevocationComplaint(ApplicationId applicationId, String complaintSha256) {
}
