package mn.registry.statistics;

import mn.registry.infrastructure.axon.ProjectionRebuild;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * ADR 0046 item 123 (abuse audit F468, was O273): session 28's release counts a suspension once per decision, no longer again when an upheld
 * complaint applies it again (item 56); the facts the earlier releases stored hold such counts, so the release rebuilds the statistics once
 * per registry ({@code public-statistics@<release>}, as {@code PermitCasesRebuild} does the case files). No manual step; while it replays,
 * the published counts fill again from the first event.
 */
@Configuration(proxyBeanMethods = false)
class StatisticsRebuild {

    /** The release whose statistics are rebuilt: the first whose stored counts differ. */
    static final ProjectionRebuild SUSPENSIONS_COUNTED_ONCE = new ProjectionRebuild(StatisticsProjection.PROCESSING_GROUP,
            "adr-0046-item-123-suspensions-counted-once");

    @Bean
    ProjectionRebuild statisticsWithSuspensionsCountedOnce() {
        return SUSPENSIONS_COUNTED_ONCE;
    }
}
