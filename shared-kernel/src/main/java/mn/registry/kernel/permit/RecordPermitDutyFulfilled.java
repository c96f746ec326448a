package mn.registry.kernel.permit;

/** Signed command body: A duty was done: publication, notice, hand-over (002 art. 26.4, 27.6, 27.7, 28.3). */
public record RecordPermitDutyFulfilled(ApplicationId applicationId, PermitDuty duty, String evidenceSha256) {
}
