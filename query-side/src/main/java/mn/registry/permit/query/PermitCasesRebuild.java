package mn.registry.permit.query;

import mn.registry.infrastructure.axon.ProjectionRebuild;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * ADR 0046 item 68 (abuse audit F281): the release of item 67 (the correcting record of a reinstatement stored unpublished) rebuilds the
 * case files once per registry, since a case file projected before it holds no {@code complaint.storedUnpublished}, and the supervisor's
 * desk offers the form "Publish the reinstatement" only on a case file that has it (002 art. 29.6, 31.1.6). No manual step; while it
 * replays, the case files fill again from the first event.
 */
@Configuration(proxyBeanMethods = false)
class PermitCasesRebuild {

    /** The release whose case files are rebuilt. */
    static final ProjectionRebuild STORED_UNPUBLISHED = new ProjectionRebuild(PermitCaseProjection.PROCESSING_GROUP,
            "adr-0046-item-67-stored-unpublished");

    @Bean
    ProjectionRebuild permitCasesStoredUnpublished() {
        return STORED_UNPUBLISHED;
    }
}
