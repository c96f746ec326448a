package mn.registry.freezone.query;

import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.axon.ProjectionRebuild;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * ADR 0035 items 55, 58 (F265, was O154): the release of the quarterly report's version 2 rebuilds the governor's desk once per registry,
 * since the rows projected before it hold no {@code periods}; while it replays, the desk's quarterly report is not served as current.
 */
@Configuration(proxyBeanMethods = false)
class GovernorDeskRebuild {

    /** The release whose rows the desk is rebuilt for. */
    static final ProjectionRebuild PERIODS = new ProjectionRebuild(GovernorDeskProjection.PROCESSING_GROUP, "adr-0035-item-52-periods");

    @Bean
    ProjectionRebuild governorDeskPeriods() {
        return PERIODS;
    }

    /**
     * 003 art. 12.5.3 (ADR 0035 item 71; F337, was O180): the release that keeps the court's day with each period rebuilds the desk once more,
     * since the periods projected before it hold none.
     */
    static final ProjectionRebuild COURT_DAYS = new ProjectionRebuild(GovernorDeskProjection.PROCESSING_GROUP, "adr-0035-item-71-court-days");

    @Bean
    ProjectionRebuild governorDeskCourtDays() {
        return COURT_DAYS;
    }

    /** 003 art. 12.3: the quarter's report is built from the desk only once the desk is rebuilt; until then a retry is asked for (503). */
    static void awaitRebuilt(MongoDatabase database, TokenStore tokens) {
        if (ProjectionRebuild.rebuilding(database, tokens, GovernorDeskProjection.PROCESSING_GROUP)) {
            throw new RegistryProblem(RegistryProblem.Kind.UNAVAILABLE, "freezone.desk-rebuilding",
                    "The governor's desk is being rebuilt for this release; the quarterly report is built from it once it is; retry in a minute.",
                    null, "003 art. 12.3");
        }
    }
}
