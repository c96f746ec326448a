package mn.registry.kernel.permit;

/** Signed command body: The holder asks the ministry to revoke its permit (002 art. 29.1.1); its signature is the request. */
public record RequestPermitRevocation(ApplicationId applicationId) {
}
