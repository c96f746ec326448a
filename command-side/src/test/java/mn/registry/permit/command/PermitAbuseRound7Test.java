package mn.registry.permit.command;

import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.HOLDER;
import static mn.registry.permit.command.PermitLifecycleTest.ID;
import static mn.registry.permit.command.PermitLifecycleTest.SUPERVISOR;
import static mn.registry.permit.command.PermitLifecycleTest.active;
import static mn.registry.permit.command.PermitLifecycleTest.suspended;
import static mn.registry.permit.command.Signed.signed;

/**
 * Session 12 of docs/abuse-audit.md (permits, rows F104 on, ADR 0046 items 14 on): acts of a careless or dishonest official
 * that main accepted, each refused with its code, field and article and no event.
 */
class PermitAbuseRound7Test {

    private static final Instant AT = Instant.parse("2025-06-02T02:00:00Z");

    private AggregateTestFixture<PermitApplication> fixture;

    @BeforeEach
    void fixture() {
        fixture = Signed.fixture(new Signed.Services());
    }

    // ------------------------------------------------------------------ F104 (was O61): the holder's request is the holder's act

    @Test
    @DisplayName("002 art. 29.1.1, 29.6: a supervisor does not revoke 'at the holder's own request', against which no complaint lies, "
            + "when the holder asked nothing; the holder's signed request must be on record")
    void a_revocation_at_the_holders_request_needs_the_holders_request() {
        for (List<Object> given : List.of(active(), suspended())) {
            fixture.given(given).when(signed(new RevokePermit(ID, RevocationGround.HOLDER_REQUEST, "asked by phone"), SUPERVISOR, AT,
                            Role.MINISTRY_SUPERVISOR))
                    .expectException(problem("permit.revocation-not-requested", "ground")).expectNoEvents();
        }
        List<Object> requested = new ArrayList<>(active());
        requested.add(new PermitRevocationRequested(ID, AT.minusSeconds(86_400), HOLDER));
        fixture.given(requested).when(signed(new RevokePermit(ID, RevocationGround.HOLDER_REQUEST, "the holder's letter of 1 June"), SUPERVISOR,
                        AT, Role.MINISTRY_SUPERVISOR))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(org.axonframework.test.matchers.Matchers.listWithAnyOf(
                        org.hamcrest.Matchers.<Object>equalTo(new PermitRevoked(ID, RevocationGround.HOLDER_REQUEST, "the holder's letter of 1 June",
                                AT, SUPERVISOR, true)))));
    }

    @Test
    @DisplayName("002 art. 29.1.1: the holder's representative asks for revocation by a signed act, once while it waits; nobody else asks for it")
    void the_holder_asks_for_revocation_once() {
        fixture.given(active()).when(signed(new RequestPermitRevocation(ID), HOLDER, AT, Role.APPLICANT))
                .expectEvents(new PermitRevocationRequested(ID, AT, HOLDER));
        fixture.given(active()).when(signed(new RequestPermitRevocation(ID), new PersonId("applicant-2"), AT, Role.APPLICANT))
                .expectException(problem("permit.not-the-holder", null)).expectNoEvents();
        List<Object> requested = new ArrayList<>(active());
        requested.add(new PermitRevocationRequested(ID, AT, HOLDER));
        fixture.given(requested).when(signed(new RequestPermitRevocation(ID), HOLDER, AT.plusSeconds(60), Role.APPLICANT))
                .expectException(problem("permit.revocation-already-requested", null)).expectNoEvents();
        fixture.given(PermitLifecycleTest.revoked(RevocationGround.REPEATED_VIOLATIONS))
                .when(signed(new RequestPermitRevocation(ID), HOLDER, AT.plusSeconds(86_400), Role.APPLICANT))
                .expectException(problem("permit.wrong-state", null)).expectNoEvents();
    }
}
