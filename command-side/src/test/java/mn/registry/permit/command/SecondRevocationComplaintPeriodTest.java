package mn.registry.permit.command;

import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.CertificateDatabaseHandedOver;
import mn.registry.kernel.permit.FileRevocationComplaint;
import mn.registry.kernel.permit.PassCertificateDatabaseOn;
import mn.registry.kernel.permit.PermitRevoked;
import mn.registry.kernel.permit.RevocationComplaintFiled;
import mn.registry.kernel.permit.RevocationGround;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.*;
import static mn.registry.permit.command.Signed.signed;

/**
 * Session 27, a second revocation's complaint period (docs/abuse-audit.md; ADR 0046 item 120): the aggregate's side of F458. A permit
 * reinstated on an upheld complaint and revoked again has a complaint period of its own: the aggregate held (the pages did not, F458).
 */
class SecondRevocationComplaintPeriodTest extends PermitAbuseFixture {

    private static final String SECOND_COMPLAINT_SHA = "5a".repeat(32);
    private static final ApplicationId SUCCESSOR = new ApplicationId("5e1ec7ed-0000-4000-8000-000000000027");
    private static final Instant REVOKED_AGAIN_AT = PermitAbuseRound15Test.DECIDED_AT.plusSeconds(10 * 86_400);
    private static final Instant IN_THE_NEW_PERIOD = REVOKED_AGAIN_AT.plusSeconds(2 * 86_400);

    SecondRevocationComplaintPeriodTest() {
        super(PermitAbuseRound15Test.DECISION_SHA, SECOND_COMPLAINT_SHA);
        services.permitsInForce.add(SUCCESSOR);
    }

    /** Reinstated on the upheld complaint, revoked again on false documents, its database handed over again. */
    private static List<Object> revokedAgainAndHandedOver() {
        List<Object> events = new ArrayList<>(PermitAbuseRound15Test.reinstated());
        events.add(new PermitRevoked(ID, RevocationGround.FALSE_DOCUMENTS, "forged again", REVOKED_AGAIN_AT, SUPERVISOR, true));
        events.add(new CertificateDatabaseHandedOver(ID, SHA, REVOKED_AGAIN_AT.plusSeconds(3_600), REVIEWER));
        return events;
    }

    @Test
    @DisplayName("002 art. 29.4, 29.6 (held, ADR 0046 items 20, 120): revoked again after an upheld complaint, the database is not passed on "
            + "in the new revocation's complaint period; the earlier complaint's decision does not end it")
    void the_pass_on_waits_for_the_second_revocations_complaint_period() {
        fixture.given(revokedAgainAndHandedOver())
                .when(signed(new PassCertificateDatabaseOn(ID, SUCCESSOR, SHA), SUPERVISOR_2, IN_THE_NEW_PERIOD, Role.MINISTRY_SUPERVISOR))
                .expectException(problem("permit.database-complaint-period-running", "applicationId")).expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 29.6 (held, ADR 0046 item 120): revoked again after an upheld complaint, the holder complains against the new "
            + "revocation in its period: one complaint per revocation, not one per permit")
    void the_holder_complains_against_the_second_revocation() {
        fixture.given(revokedAgainAndHandedOver())
                .when(signed(new FileRevocationComplaint(ID, SECOND_COMPLAINT_SHA), HOLDER, IN_THE_NEW_PERIOD, Role.APPLICANT))
                .expectEvents(new RevocationComplaintFiled(ID, SECOND_COMPLAINT_SHA, IN_THE_NEW_PERIOD, HOLDER));
    }
}
