package mn.registry.kernel.permit;

/** Signed command body: A reviewer approves: the permit follows insurance (002 art. 26.2.2). */
public record ApprovePermitApplication(ApplicationId applicationId) {
}
