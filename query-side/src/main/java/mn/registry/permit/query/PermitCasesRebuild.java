package mn.registry.permit.query;

import mn.registry.infrastructure.axon.ProjectionRebuild;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * ADR 0046 items 68, 81 (abuse audit F281, F330): a release whose case files hold something the earlier ones did not project rebuilds them
 * once per registry. Item 67's release: {@code complaint.storedUnpublished}, without which the supervisor's desk does not offer "Publish
 * the reinstatement" (002 art. 29.6, 31.1.6). Item 81's (session 23): {@code suspensionFindings}, without which the desk offers revocation
 * on 29.1.5 where the record shows the suspension's ground removed during it (28.4) and the aggregate refuses it. Each release's marker is
 * its own ({@code permit-cases@<release>}); the rebuild of the later release projects what the earlier added too, so it replaces the
 * earlier one (a registry that ran item 67's rebuilds once more; one that ran neither, once). No manual step; while it replays, the case
 * files fill again from the first event.
 */
@Configuration(proxyBeanMethods = false)
class PermitCasesRebuild {

    /** The release whose case files are rebuilt: the latest that projects something new (ADR 0046 item 81, after item 67's). */
    static final ProjectionRebuild SUSPENSION_FINDINGS = new ProjectionRebuild(PermitCaseProjection.PROCESSING_GROUP,
            "adr-0046-item-81-suspension-findings");

    @Bean
    ProjectionRebuild permitCasesSuspensionFindings() {
        return SUSPENSION_FINDINGS;
    }
}
