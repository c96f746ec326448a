package mn.registry.permit.query;

import mn.registry.infrastructure.axon.ProjectionRebuild;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * ADR 0046 items 68, 81; ADR 0071 item 7 (abuse audit F281, F330): a release whose case files hold something other than what the earlier
 * ones projected rebuilds them once per registry. Item 67's release: {@code complaint.storedUnpublished}, without which the supervisor's desk
 * does not offer "Publish the reinstatement" (002 art. 29.6, 31.1.6). Item 81's (session 23) added {@code suspensionFindings}, which no page
 * has read since ADR 0065 (the desk asks the command side); session 26's release no longer projects it, and its rebuild leaves no case file
 * holding it. Each release's marker is its own ({@code permit-cases@<release>}); the rebuild of the later release projects what the earlier
 * added too, so it replaces the earlier one (a registry that ran item 67's or item 81's rebuilds once more; one that ran neither, once). No
 * manual step; while it replays, the case files fill again from the first event. Session 28's release (ADR 0046 item 122, abuse audit F467,
 * was O298): a permit revoked again after an upheld complaint no longer holds the earlier revocation's {@code complaint}; its rebuild
 * replaces session 26's.
 */
@Configuration(proxyBeanMethods = false)
class PermitCasesRebuild {

    /** The release whose case files are rebuilt: the latest whose case files differ (ADR 0046 item 122, after items 67, 81 and ADR 0071 item 7). */
    static final ProjectionRebuild COMPLAINT_PER_REVOCATION = new ProjectionRebuild(PermitCaseProjection.PROCESSING_GROUP,
            "adr-0046-item-122-complaint-per-revocation");

    @Bean
    ProjectionRebuild permitCasesWithAComplaintPerRevocation() {
        return COMPLAINT_PER_REVOCATION;
    }
}
