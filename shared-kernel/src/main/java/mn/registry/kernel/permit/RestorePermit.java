package mn.registry.kernel.permit;

/** Signed command body: A reviewer restores a suspended permit (002 art. 28.4). */
public record RestorePermit(ApplicationId applicationId, String reason) {
}
