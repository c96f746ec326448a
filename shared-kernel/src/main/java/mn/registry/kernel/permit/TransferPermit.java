package mn.registry.kernel.permit;

/** Signed command body: A supervisor transfers the permit on reorganisation (002 art. 23.3). */
public record TransferPermit(ApplicationId applicationId, Company successor, Reorganisation reorganisation, String evidenceSha256) {
}
