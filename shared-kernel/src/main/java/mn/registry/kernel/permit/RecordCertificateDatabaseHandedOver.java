package mn.registry.kernel.permit;

/**
 * Signed command body: The former holder's database was received (002 art. 29.3).
 *
 * @param databaseSha256 the fingerprint of the database handed over, as the receipt names it (the registry never receives the database)
 * @param receiptSha256  the signed receipt of the database (the ministry's or the receiving provider's), uploaded to the registry; the
 *                       hand-over's ground, one permit's (ADR 0057, session 20 round 2; abuse audit F221, was O121)
 */
public record RecordCertificateDatabaseHandedOver(ApplicationId applicationId, String databaseSha256, String receiptSha256) {
}
