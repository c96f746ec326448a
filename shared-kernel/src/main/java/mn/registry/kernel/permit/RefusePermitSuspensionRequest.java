package mn.registry.kernel.permit;

/** Signed command body: the ministry refuses the tax authority's request to suspend, with reasons (002 art. 28.1). */
public record RefusePermitSuspensionRequest(ApplicationId applicationId, String reasons) {
}
