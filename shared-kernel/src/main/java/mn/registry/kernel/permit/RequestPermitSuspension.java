package mn.registry.kernel.permit;

/** Signed command body: the tax authority requests suspension after two or more tax evasions (002 art. 28.1). */
public record RequestPermitSuspension(ApplicationId applicationId, int taxEvasions, String evidenceSha256) {
}
