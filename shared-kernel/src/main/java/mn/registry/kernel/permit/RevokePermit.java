package mn.registry.kernel.permit;

/** Signed command body: A supervisor revokes on a ground of 002 art. 29.1. */
public record RevokePermit(ApplicationId applicationId, RevocationGround ground, String reason) {
}
