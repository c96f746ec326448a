package mn.registry.permit.command;

import mn.registry.kernel.permit.FileRevocationComplaint;
import mn.registry.kernel.permit.RevocationComplaintFiled;
import mn.registry.kernel.permit.RevocationGround;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.HOLDER;
import static mn.registry.permit.command.PermitLifecycleTest.ID;
import static mn.registry.permit.command.PermitLifecycleTest.SHA2;
import static mn.registry.permit.command.PermitLifecycleTest.revoked;
import static mn.registry.permit.command.Signed.signed;

/** Session 14's abuse audit of the permit rules (docs/abuse-audit.md, "Session 14, permits and identity"; ADR 0046 items 27 on). */
class PermitAbuseRound9Test extends PermitAbuseFixture {

    // ------------------------------------------------------------------ F127 (was O62): the complaint has its period too

    @Test
    @DisplayName("002 art. 29.4, 29.6 (choice, F127, was O62): a complaint against the revocation is filed within the 30 days the certificate "
            + "database waits for; filed later, when the database may have been passed on, it is refused")
    void a_complaint_is_filed_within_the_complaint_period() {
        // revoked 2025-06-01 10:00 in Ulaanbaatar (PermitLifecycleTest.revoked): day 30 is 1 July, ending 23:59:59 in Ulaanbaatar
        Instant lastMoment = Instant.parse("2025-07-01T15:59:59Z");
        fixture.given(revoked(RevocationGround.REPEATED_VIOLATIONS))
                .when(signed(new FileRevocationComplaint(ID, SHA2), HOLDER, lastMoment))
                .expectEvents(new RevocationComplaintFiled(ID, SHA2, lastMoment, HOLDER));
        fixture.given(revoked(RevocationGround.REPEATED_VIOLATIONS))
                .when(signed(new FileRevocationComplaint(ID, SHA2), HOLDER, lastMoment.plusSeconds(1)))
                .expectException(problem("permit.complaint-period-over", "applicationId"))
                .expectNoEvents();
    }
}
