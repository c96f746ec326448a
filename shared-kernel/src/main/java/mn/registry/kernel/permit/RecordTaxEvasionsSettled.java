package mn.registry.kernel.permit;

/**
 * Signed command body: the tax authority records that the tax evasions on which a permit was suspended at its request are
 * settled (002 art. 28.1, 28.4), with its document's SHA-256: the ground of that suspension is removed and the ministry may restore it.
 */
public record RecordTaxEvasionsSettled(ApplicationId applicationId, String evidenceSha256) {
}
