package mn.registry.kernel.permit;

/** Signed command body: The holder requests extension with proof of stamp duty (002 art. 27.2). */
public record RequestPermitExtension(ApplicationId applicationId, String stampDutyProofSha256) {
}
