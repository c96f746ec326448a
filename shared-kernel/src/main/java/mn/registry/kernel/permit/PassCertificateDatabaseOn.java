package mn.registry.kernel.permit;

/** Signed command body: The ministry passes the database to another holder (002 art. 29.4). */
public record PassCertificateDatabaseOn(ApplicationId applicationId, ApplicationId successorPermit, String contractSha256) {
}
