package mn.registry.freezone.entity;

import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationEvents;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

import static mn.registry.freezone.entity.ZoneRegistrationAbuseTest.problem;
import static mn.registry.freezone.entity.ZoneRegistrationTest.GOVERNOR;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ID;
import static mn.registry.freezone.entity.ZoneRegistrationTest.INTERRUPTION_DOC;
import static mn.registry.freezone.entity.ZoneRegistrationTest.RESUMPTION_DOC;
import static mn.registry.freezone.entity.ZoneRegistrationTest.agreement;
import static mn.registry.freezone.entity.ZoneRegistrationTest.applied;
import static mn.registry.freezone.entity.ZoneRegistrationTest.governor;
import static mn.registry.freezone.entity.ZoneRegistrationTest.registered;

/** Session 21, Free Zone round 16, the resumption's document (the lead; docs/abuse-audit.md F263; ADR 0035 item 56). */
class FreeZoneAbuseRound16Test extends ZoneRegistrationAbuseFixture {

    /** Started 2026-12-10, interrupted from 2027-01-10 on its document, its 12 months running to 2028-01-09. */
    private static final Object[] INTERRUPTED = {applied(), registered(), agreement(LocalDate.of(2026, 6, 1), LocalDate.of(2027, 11, 23)),
            new RegistrationEvents.OperationsStarted(ID, LocalDate.of(2026, 12, 10), GOVERNOR, FreeZoneAbuseRound8Test.START_DOC),
            new RegistrationEvents.OperationsInterrupted(ID, LocalDate.of(2027, 1, 10), LocalDate.of(2028, 1, 9), GOVERNOR, INTERRUPTION_DOC)};

    @Test
    @DisplayName("003 art. 12.5.2 (the lead, ADR 0035 item 56, F263, was O150): the resumption, whose day ends the 12 months that raise "
            + "the ground for removal, rests on its uploaded document: without one, with one never received, or with the interruption's "
            + "own it is refused and nothing stored; a day after the document's receipt is refused; on the receipt's day, or before it, "
            + "recorded with the document")
    void a_resumption_rests_on_its_document() {
        Instant received = Instant.parse("2027-03-10T02:00:00Z");
        LocalDate uploadedOn = LocalDate.of(2027, 3, 5);
        services.receivedAt.put(RESUMPTION_DOC, Instant.parse("2027-03-05T01:00:00Z")); // 09:00 in Ulaanbaatar
        Function<String, Object> resumption = sha -> governor(new RegistrationCommands.RecordOperationsResumed(ID, uploadedOn, sha), received);
        fixture.given(INTERRUPTED).when(resumption.apply(null))
                .expectException(problem("freezone.field-missing", "documentSha256", "003 art. 12.5.2")).expectNoEvents();
        services.unknownDocuments.add("9".repeat(64));
        fixture.given(INTERRUPTED).when(resumption.apply("9".repeat(64)))
                .expectException(problem("document.unknown", "documentSha256", "003 art. 12.5.2")).expectNoEvents();
        fixture.given(INTERRUPTED).when(resumption.apply(INTERRUPTION_DOC))
                .expectException(problem("freezone.document-cited-already", "documentSha256", "003 art. 12.5.2")).expectNoEvents();
        fixture.given(INTERRUPTED).when(governor(new RegistrationCommands.RecordOperationsResumed(ID, uploadedOn.plusDays(1), RESUMPTION_DOC),
                        received))
                .expectException(problem("freezone.resumption-after-its-document", "on", "003 art. 12.5.2")).expectNoEvents();
        fixture.given(INTERRUPTED).when(resumption.apply(RESUMPTION_DOC))
                .expectEvents(new RegistrationEvents.OperationsResumed(ID, uploadedOn, GOVERNOR, RESUMPTION_DOC));
    }

    @Test
    @DisplayName("003 art. 12.5.2 (ADR 0035 item 56, F263): a resumption stored on the governor's word, before the rule, stays valid: the "
            + "entity is operating and a later interruption is recorded from it; the resumption's document, once cited, cites no other act")
    void a_resumption_stored_without_a_document_stays_valid() {
        Instant received = Instant.parse("2027-06-10T02:00:00Z");
        fixture.given(INTERRUPTED).andGiven(new RegistrationEvents.OperationsResumed(ID, LocalDate.of(2027, 3, 1), GOVERNOR))
                .when(governor(new RegistrationCommands.RecordOperationsInterrupted(ID, LocalDate.of(2027, 6, 1), "6".repeat(64)), received))
                .expectEvents(new RegistrationEvents.OperationsInterrupted(ID, LocalDate.of(2027, 6, 1), LocalDate.of(2028, 5, 31), GOVERNOR,
                        "6".repeat(64)));
        fixture.given(INTERRUPTED).andGiven(new RegistrationEvents.OperationsResumed(ID, LocalDate.of(2027, 3, 1), GOVERNOR, RESUMPTION_DOC))
                .when(governor(new RegistrationCommands.RecordOperationsInterrupted(ID, LocalDate.of(2027, 6, 1), RESUMPTION_DOC), received))
                .expectException(problem("freezone.document-cited-already", "documentSha256", "003 art. 12.5.2, 26.2")).expectNoEvents();
    }
}
