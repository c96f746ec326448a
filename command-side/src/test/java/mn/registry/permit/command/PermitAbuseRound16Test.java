package mn.registry.permit.command;

import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.permit.command.PermitAbuseRound15Test.DECIDED_AT;
import static mn.registry.permit.command.PermitAbuseRound15Test.DECISION_SHA;
import static mn.registry.permit.command.PermitAbuseRound15Test.revokedWithDutiesOpenAndComplained;
import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.*;
import static mn.registry.permit.command.Signed.signed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 21's permits round 13 (docs/abuse-audit.md, "Session 21, permits round 13"; ADR 0046 items 67 on): the correcting public record of
 * a complaint upheld before item 57 (was O123; the register's fold: RegisterModelTest, the log's mapping: PermitPublicRecordsTest).
 */
class PermitAbuseRound16Test extends PermitAbuseFixture {

    PermitAbuseRound16Test() {
        super(DECISION_SHA);
    }

    private static final Instant PUBLISHED_AT = DECIDED_AT.plusSeconds(86_400 * 400);

    /** A complaint upheld before item 57, as its stream was stored: the decision without its article, and nothing raised after it. */
    static List<Object> reinstatedBeforeItem57() {
        List<Object> events = new ArrayList<>(revokedWithDutiesOpenAndComplained());
        events.add(new RevocationComplaintDecided(ID, true, DECISION_SHA, DECIDED_AT, SUPERVISOR_2, VALID_UNTIL, null));
        return events;
    }

    private static Object publish(String decision, Instant at) {
        return signed(new PublishReinstatement(ID, decision), SUPERVISOR, at, Role.MINISTRY_SUPERVISOR);
    }

    @Test
    @DisplayName("002 art. 29.6, 31.1.6 (choice, ADR 0046 item 67, was O123): a supervisor publishes the reinstatement of a complaint upheld "
            + "before item 57, naming the stored decision by its document: the record carries the decision's time, its own and who made it")
    void a_reinstatement_stored_unpublished_is_published_by_the_supervisor() {
        fixture.given(reinstatedBeforeItem57())
                .when(publish(DECISION_SHA.toUpperCase(), PUBLISHED_AT))
                .expectEvents(new ReinstatementPublished(ID, DECIDED_AT, PUBLISHED_AT, SUPERVISOR, ReinstatementPublished.ARTICLE));
        assertThat(new PermitCommandTypes((CommandGateway) null).publishReinstatement().allowedRoles()).as("a reviewer does not sign it")
                .containsExactly(Role.MINISTRY_SUPERVISOR);
    }

    @Test
    @DisplayName("002 art. 29.6, 31.1.6 (ADR 0046 item 67): the correcting record is refused a second time, on another permit's decision, on a "
            + "decision published when it was taken (since item 57) or a rejected one, and after a revocation since; nothing stored")
    void a_reinstatement_is_published_once_on_its_own_stored_decision() {
        List<Object> published = new ArrayList<>(reinstatedBeforeItem57());
        published.add(new ReinstatementPublished(ID, DECIDED_AT, PUBLISHED_AT, SUPERVISOR, ReinstatementPublished.ARTICLE));
        fixture.given(published)
                .when(publish(DECISION_SHA, PUBLISHED_AT.plusSeconds(60)))
                .expectException(problem("permit.reinstatement-published-already", "decisionSha256"))
                .expectNoEvents();
        fixture.given(reinstatedBeforeItem57())
                .when(publish("99".repeat(32), PUBLISHED_AT)) // another permit's decision (or any document)
                .expectException(problem("permit.reinstatement-not-stored-unpublished", "decisionSha256"))
                .expectNoEvents();
        fixture.given(PermitAbuseRound15Test.reinstated()) // upheld since item 57: public when it was taken
                .when(publish(DECISION_SHA, PUBLISHED_AT))
                .expectException(problem("permit.reinstatement-not-stored-unpublished", "decisionSha256"))
                .expectNoEvents();
        List<Object> rejected = new ArrayList<>(revokedWithDutiesOpenAndComplained());
        rejected.add(new RevocationComplaintDecided(ID, false, DECISION_SHA, DECIDED_AT, SUPERVISOR_2, VALID_UNTIL, null));
        fixture.given(rejected)
                .when(publish(DECISION_SHA, PUBLISHED_AT))
                .expectException(problem("permit.reinstatement-not-stored-unpublished", "decisionSha256"))
                .expectNoEvents();
        List<Object> revokedAgain = new ArrayList<>(reinstatedBeforeItem57());
        revokedAgain.add(new PermitRevoked(ID, RevocationGround.FALSE_DOCUMENTS, "forged again", DECIDED_AT.plusSeconds(86_400 * 30), SUPERVISOR,
                true));
        fixture.given(revokedAgain)
                .when(publish(DECISION_SHA, PUBLISHED_AT))
                .expectException(problem("permit.reinstatement-revoked-again", "decisionSha256"))
                .expectNoEvents();
    }
}
