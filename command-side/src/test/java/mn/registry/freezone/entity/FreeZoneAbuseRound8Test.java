package mn.registry.freezone.entity;

import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationEvents;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static mn.registry.freezone.FreeZoneSigned.on;
import static mn.registry.freezone.entity.ZoneRegistrationTest.AGREEMENT_DOC;
import static mn.registry.freezone.entity.ZoneRegistrationTest.GOVERNOR;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ID;
import static mn.registry.freezone.entity.ZoneRegistrationTest.agreement;
import static mn.registry.freezone.entity.ZoneRegistrationTest.applied;
import static mn.registry.freezone.entity.ZoneRegistrationTest.governor;
import static mn.registry.freezone.entity.ZoneRegistrationTest.problem;
import static mn.registry.freezone.entity.ZoneRegistrationTest.registered;

/**
 * Session 16's abuse audit of a Free Zone registration (docs/abuse-audit.md F160 on; ADR 0035 items 23 on).
 */
class FreeZoneAbuseRound8Test extends ZoneRegistrationAbuseFixture {

    /** The SHA-256 of the document the start of operations rests on (ADR 0035 item 23). */
    static final String START_DOC = "3".repeat(64);

    @Test
    @DisplayName("003 art. 12.5.1, 23.1-23.2 (choice, ADR 0035 item 23, F160, was O90): the start of operations names its day and the "
            + "uploaded document it rests on; without the document, or with one never received, it is refused and nothing is stored")
    void a_start_rests_on_its_document() {
        LocalDate today = LocalDate.of(2027, 3, 1);
        LocalDate began = LocalDate.of(2027, 1, 10);
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, began, null), on(today)))
                .expectException(problem("freezone.field-missing", "documentSha256"))
                .expectNoEvents();
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, began, "  "), on(today)))
                .expectException(problem("freezone.field-missing", "documentSha256"))
                .expectNoEvents();
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, began, "3".repeat(63) + "G"), on(today)))
                .expectException(problem("document.sha256-malformed", "documentSha256"))
                .expectNoEvents();
        services.unknownDocuments.add(START_DOC);
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, began, START_DOC), on(today)))
                .expectException(problem("document.unknown", "documentSha256"))
                .expectNoEvents();
        services.unknownDocuments.clear();
        // the day named, not the day of the record, is the start the exemption's years count from (23.1-23.2)
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, began, START_DOC), on(today)))
                .expectEvents(new RegistrationEvents.OperationsStarted(ID, began, GOVERNOR, START_DOC));
    }

    @Test
    @DisplayName("003 art. 12.5.1 (ADR 0035 items 7, 23; F48): one document is one act: the start does not cite the agreement's or the "
            + "application's file, and the court's decision does not cite the start's")
    void a_start_cites_a_document_of_its_own() {
        LocalDate today = LocalDate.of(2027, 3, 1);
        fixture.given(applied(), registered(), agreement(LocalDate.of(2027, 1, 5), LocalDate.of(2028, 1, 5)))
                .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, LocalDate.of(2027, 2, 1), AGREEMENT_DOC), on(today)))
                .expectException(problem("freezone.document-cited-already", "documentSha256"))
                .expectNoEvents();
        String applicationDoc = ZoneRegistrationTest.documents(mn.registry.kernel.freezone.Jurisdiction.MONGOLIAN).get(0).sha256();
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, LocalDate.of(2027, 2, 1), applicationDoc), on(today)))
                .expectException(problem("freezone.document-cited-already", "documentSha256"))
                .expectNoEvents();
        fixture.given(applied(), registered(), new RegistrationEvents.OperationsStarted(ID, LocalDate.of(2027, 2, 1), GOVERNOR, START_DOC))
                .when(governor(new RegistrationCommands.RecordCourtDecision(ID, "Court 2027/5", today, true, START_DOC), on(today)))
                .expectException(problem("freezone.document-cited-already", "documentSha256"))
                .expectNoEvents();
        // a start stored before this rule, with no document, replays and still counts as the start
        fixture.given(applied(), registered(), new RegistrationEvents.OperationsStarted(ID, LocalDate.of(2027, 2, 1), GOVERNOR, null))
                .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, LocalDate.of(2027, 2, 2), START_DOC), on(today)))
                .expectException(problem("freezone.operations-already-started", null))
                .expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 6.4, 12.5.1-12.5.2 (F164): a start or a resumption dated on a day the zone's activities were closed is refused: the "
            + "registry's own record says no entity operated there that day (and F129 moved the entities' periods by those days)")
    void no_start_or_resumption_dated_in_a_closure() {
        services.closures.add(new mn.registry.kernel.freezone.FreeZoneTerms.Closure(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 4, 30)));
        LocalDate today = LocalDate.of(2027, 5, 10);
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, LocalDate.of(2027, 3, 15), START_DOC), on(today)))
                .expectException(problem("freezone.date-in-closure", "on"))
                .expectNoEvents();
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, LocalDate.of(2027, 3, 1), START_DOC), on(today)))
                .expectException(problem("freezone.date-in-closure", "on"))
                .expectNoEvents();
        fixture.given(applied(), registered()) // the day of the reopening is open
                .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, LocalDate.of(2027, 4, 30), START_DOC), on(today)))
                .expectEvents(new RegistrationEvents.OperationsStarted(ID, LocalDate.of(2027, 4, 30), GOVERNOR, START_DOC));
        fixture.given(applied(), registered()) // the day before the closure is open
                .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, LocalDate.of(2027, 2, 28), START_DOC), on(today)))
                .expectSuccessfulHandlerExecution();
        RegistrationEvents.OperationsStarted started = new RegistrationEvents.OperationsStarted(ID, LocalDate.of(2027, 1, 10), GOVERNOR, null);
        RegistrationEvents.OperationsInterrupted interrupted = new RegistrationEvents.OperationsInterrupted(ID, LocalDate.of(2027, 2, 1),
                LocalDate.of(2028, 1, 31), GOVERNOR, null);
        fixture.given(applied(), registered(), started, interrupted)
                .when(governor(new RegistrationCommands.RecordOperationsResumed(ID, LocalDate.of(2027, 4, 1), ZoneRegistrationTest.RESUMPTION_DOC), on(today)))
                .expectException(problem("freezone.date-in-closure", "on"))
                .expectNoEvents();
        // a closure still in force: every day from its first is closed
        services.closures.clear();
        services.closures.add(new mn.registry.kernel.freezone.FreeZoneTerms.Closure(LocalDate.of(2027, 5, 1), null));
        fixture.given(applied(), registered(), started, interrupted)
                .when(governor(new RegistrationCommands.RecordOperationsResumed(ID, LocalDate.of(2027, 5, 3), ZoneRegistrationTest.RESUMPTION_DOC), on(today)))
                .expectException(problem("freezone.date-in-closure", "on"))
                .expectNoEvents();
    }
}
