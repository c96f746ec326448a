package mn.registry.kernel.permit;

/**
 * Signed command body: a supervisor publishes the reinstatement of a complaint upheld before its decisions were public (002 art. 29.6,
 * 31.1.6; ADR 0046 item 67), naming the stored decision by its document.
 */
public record PublishReinstatement(ApplicationId applicationId, String decisionSha256) {
}
