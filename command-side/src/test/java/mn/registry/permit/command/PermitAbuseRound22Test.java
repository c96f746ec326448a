package mn.registry.permit.command;

import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.*;
import static mn.registry.permit.command.Signed.signed;

/**
 * Session 24's permits round 20 (docs/abuse-audit.md, "Session 24, permits round 20"; ADR 0046 items 96 on): the day a transfer's
 * reorganisation took effect (O191).
 */
class PermitAbuseRound22Test extends PermitAbuseFixture {

    private static final Company SUCCESSOR = new Company("Successor Trust LLC", "6400599", true, "Peace Avenue 2, Ulaanbaatar");
    private static final Company THIRD = new Company("Third Trust LLC", "6400598", true, "Peace Avenue 3, Ulaanbaatar");
    /** The first transfer's receipt (the permit was issued on 2024-12-10). */
    private static final Instant TRANSFERRED_AT = Instant.parse("2025-05-10T02:00:00Z");
    /** A reorganisation's document the registry received before the permit was issued (a plan, or another company's record). */
    private static final String RECEIVED_BEFORE_THE_ISSUE = "7a".repeat(32);
    /** A document the registry received between the issue and the first transfer. */
    private static final String RECEIVED_BEFORE_THE_TRANSFER = "7b".repeat(32);
    /** A document received after the first transfer: the record of the successor's own reorganisation. */
    private static final String RECEIVED_AFTER_THE_TRANSFER = "7c".repeat(32);

    PermitAbuseRound22Test() {
        super(RECEIVED_BEFORE_THE_ISSUE, RECEIVED_BEFORE_THE_TRANSFER, RECEIVED_AFTER_THE_TRANSFER);
        services.receivedAt.put(RECEIVED_BEFORE_THE_ISSUE, ISSUED_AT.minusSeconds(30 * 86_400));
        services.receivedAt.put(RECEIVED_BEFORE_THE_TRANSFER, TRANSFERRED_AT.minusSeconds(20 * 86_400));
        services.receivedAt.put(RECEIVED_AFTER_THE_TRANSFER, TRANSFERRED_AT.plusSeconds(5 * 86_400));
    }

    private static Object transfer(Company successor, String evidence, LocalDate reorganisedOn, Instant at) {
        return signed(new TransferPermit(ID, successor, Reorganisation.MERGER, evidence, reorganisedOn, SuccessorsRepresentative.of(successor)), SUPERVISOR, at, Role.MINISTRY_SUPERVISOR);
    }

    /** The permit in force, passed once to {@link #SUCCESSOR} (its reorganisation on the day of the transfer's receipt). */
    private static List<Object> transferred() {
        List<Object> events = new ArrayList<>(active());
        events.add(new PermitTransferred(ID, Applications.MONGOLIAN, SUCCESSOR, Reorganisation.MERGER, SHA2, TRANSFERRED_AT, SUPERVISOR,
                UlaanbaatarTime.dateOf(TRANSFERRED_AT), null));
        return events;
    }

    @Test
    @DisplayName("002 art. 23.3 (F370, was O191): a transfer names no day of the reorganisation, or a day after the registry received it "
            + "(a date chosen to gain time): refused, nothing stored")
    void a_transfer_names_the_day_its_reorganisation_took_effect_by_its_receipt() {
        Instant at = Instant.parse("2025-03-01T15:30:00Z"); // 23:30 in Ulaanbaatar, 1 March
        fixture.given(active())
                .when(transfer(SUCCESSOR, SHA2, null, at))
                .expectException(problem("permit.reorganisation-date-missing", "reorganisedOn"))
                .expectNoEvents();
        fixture.given(active())
                .when(transfer(SUCCESSOR, SHA2, LocalDate.of(2025, 3, 2), at))
                .expectException(problem("permit.reorganisation-date-after-receipt", "reorganisedOn"))
                .expectNoEvents();
        fixture.given(active())
                .when(transfer(SUCCESSOR, SHA2, LocalDate.of(2025, 3, 1), at))
                .expectEvents(new PermitTransferred(ID, Applications.MONGOLIAN, SUCCESSOR, Reorganisation.MERGER, SHA2, at, SUPERVISOR,
                        LocalDate.of(2025, 3, 1), SuccessorsRepresentative.of(SUCCESSOR)));
    }

    @Test
    @DisplayName("002 art. 23.3 (F371, was O191): the permit passes on a reorganisation dated before the permit's issue, or before its last "
            + "transfer (the predecessor's, or another company's): refused, nothing stored; one on the day of the issue or of the transfer "
            + "passes it")
    void a_reorganisation_before_the_holder_held_the_permit_passes_nothing() {
        fixture.given(active())
                .when(transfer(SUCCESSOR, SHA2, VALID_FROM.minusDays(1), TRANSFERRED_AT))
                .expectException(problem("permit.reorganisation-before-the-holder-held-the-permit", "reorganisedOn"))
                .expectNoEvents();
        fixture.given(active())
                .when(transfer(SUCCESSOR, SHA2, VALID_FROM, TRANSFERRED_AT))
                .expectSuccessfulHandlerExecution();
        Instant again = TRANSFERRED_AT.plusSeconds(10 * 86_400);
        fixture.given(transferred())
                .when(transfer(THIRD, RECEIVED_AFTER_THE_TRANSFER, UlaanbaatarTime.dateOf(TRANSFERRED_AT).minusDays(1), again))
                .expectException(problem("permit.reorganisation-before-the-holder-held-the-permit", "reorganisedOn"))
                .expectNoEvents();
        fixture.given(transferred())
                .when(transfer(THIRD, RECEIVED_AFTER_THE_TRANSFER, UlaanbaatarTime.dateOf(TRANSFERRED_AT), again))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("002 art. 23.3 (F372, was O191): the permit passes on a document the registry received before the day the reorganisation "
            + "took effect (before the issue, or before the last transfer): refused, nothing stored; the record received on or after that "
            + "day passes it")
    void a_reorganisations_record_is_not_older_than_the_reorganisation() {
        fixture.given(active())
                .when(transfer(SUCCESSOR, RECEIVED_BEFORE_THE_ISSUE, VALID_FROM, TRANSFERRED_AT))
                .expectException(problem("permit.reorganisation-evidence-before-the-reorganisation", "evidenceSha256"))
                .expectNoEvents();
        Instant again = TRANSFERRED_AT.plusSeconds(10 * 86_400);
        LocalDate successorsReorganisation = UlaanbaatarTime.dateOf(TRANSFERRED_AT).plusDays(2);
        fixture.given(transferred())
                .when(transfer(THIRD, RECEIVED_BEFORE_THE_TRANSFER, successorsReorganisation, again))
                .expectException(problem("permit.reorganisation-evidence-before-the-reorganisation", "evidenceSha256"))
                .expectNoEvents();
        fixture.given(transferred())
                .when(transfer(THIRD, RECEIVED_AFTER_THE_TRANSFER, successorsReorganisation, again))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("002 art. 23.3 (F370): a transfer stored before the day was named (no reorganisedOn) replays as before: the successor holds "
            + "the permit since that transfer")
    void a_transfer_stored_without_its_day_replays_as_before() {
        List<Object> stored = new ArrayList<>(active());
        stored.add(new PermitTransferred(ID, Applications.MONGOLIAN, SUCCESSOR, Reorganisation.MERGER, SHA2, TRANSFERRED_AT, SUPERVISOR, null, null));
        Instant again = TRANSFERRED_AT.plusSeconds(10 * 86_400);
        fixture.given(stored)
                .when(transfer(THIRD, RECEIVED_AFTER_THE_TRANSFER, UlaanbaatarTime.dateOf(TRANSFERRED_AT).minusDays(1), again))
                .expectException(problem("permit.reorganisation-before-the-holder-held-the-permit", "reorganisedOn"))
                .expectNoEvents();
        fixture.given(stored)
                .when(transfer(THIRD, RECEIVED_AFTER_THE_TRANSFER, UlaanbaatarTime.dateOf(TRANSFERRED_AT).plusDays(3), again))
                .expectEvents(new PermitTransferred(ID, SUCCESSOR, THIRD, Reorganisation.MERGER, RECEIVED_AFTER_THE_TRANSFER, again, SUPERVISOR,
                        UlaanbaatarTime.dateOf(TRANSFERRED_AT).plusDays(3), SuccessorsRepresentative.of(THIRD)));
    }
}
