package mn.registry.kernel.permit;

/** Signed command body: The outcome of a complaint against revocation (002 art. 29.6). */
public record DecideRevocationComplaint(ApplicationId applicationId, boolean upheld, String decisionSha256) {
}
