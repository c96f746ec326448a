package mn.registry.permit.command;

import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static mn.registry.permit.command.PermitAbuseRound21Test.with;
import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.*;
import static mn.registry.permit.command.Signed.signed;

/**
 * Session 30's "who acts for the holder" (docs/abuse-audit.md, "Session 30, who acts for the holder"; ADR 0046 item 144, F516, was O360):
 * a transfer received now names the successor's representative (002 art. 23.3); one naming none is refused, nothing stored. A transfer
 * stored before naming none keeps the predecessor's representative (item 143).
 */
class PermitAbuseRound31Test extends PermitAbuseFixture {

    private static final Company SUCCESSOR = new Company("Khuree Trust LLC", "6400731", true, "Ulaanbaatar, Bayangol district");
    private static final Instant TRANSFERRED_AT = Instant.parse("2025-03-20T02:00:00Z");
    private static final Instant AFTER = Instant.parse("2025-04-02T02:00:00Z");

    private static Object transferNaming(mn.registry.kernel.identity.PersonId representative) {
        return signed(new TransferPermit(ID, SUCCESSOR, Reorganisation.MERGER, SHA2, UlaanbaatarTime.dateOf(TRANSFERRED_AT), representative),
                SUPERVISOR, TRANSFERRED_AT, Role.MINISTRY_SUPERVISOR);
    }

    @Test
    @DisplayName("002 art. 23.3, 29.1.1 (F516, was O360; ADR 0046 item 144): abuse: the supervisor transfers the permit naming no successor's "
            + "representative, so that the predecessor's representative keeps acting for the successor: refused 400 "
            + "permit.successor-representative-missing on successorRepresentative, nothing stored; naming the successor's own: received")
    void a_transfer_received_now_names_the_successors_representative() {
        fixture.given(active())
                .when(transferNaming(null))
                .expectException(problem("permit.successor-representative-missing", "successorRepresentative", "002 art. 23.3"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(active())
                .when(transferNaming(SuccessorsRepresentative.of(SUCCESSOR)))
                .expectEvents(new PermitTransferred(ID, Applications.MONGOLIAN, SUCCESSOR, Reorganisation.MERGER, SHA2, TRANSFERRED_AT, SUPERVISOR,
                        UlaanbaatarTime.dateOf(TRANSFERRED_AT), SuccessorsRepresentative.of(SUCCESSOR)));
    }

    @Test
    @DisplayName("002 art. 23.3 (held, ADR 0046 items 143-144): a transfer stored before naming no successor's representative still "
            + "replays, and keeps the predecessor's representative the holder's: their revocation request accepted")
    void a_transfer_stored_naming_none_replays_as_before() {
        fixture.given(with(active(), new PermitTransferred(ID, Applications.MONGOLIAN, SUCCESSOR, Reorganisation.MERGER, SHA2, TRANSFERRED_AT,
                        SUPERVISOR, UlaanbaatarTime.dateOf(TRANSFERRED_AT), null)))
                .when(signed(new RequestPermitRevocation(ID), HOLDER, AFTER, Role.APPLICANT))
                .expectEvents(new PermitRevocationRequested(ID, AFTER, HOLDER));
    }
}
