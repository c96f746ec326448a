package mn.registry.kernel.permit;

/** Signed command body: the holder withdraws its request for revocation before the ministry decided it (002 art. 29.1.1). */
public record WithdrawPermitRevocationRequest(ApplicationId applicationId) {
}
