package mn.registry.kernel.permit;

/** Signed command body: The former holder's database was received (002 art. 29.3). */
public record RecordCertificateDatabaseHandedOver(ApplicationId applicationId, String databaseSha256) {
}
