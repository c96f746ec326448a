package mn.registry.freezone.entity;

import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationEvents;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static mn.registry.freezone.FreeZoneSigned.on;
import static mn.registry.freezone.entity.ZoneRegistrationTest.GOVERNOR;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ID;
import static mn.registry.freezone.entity.ZoneRegistrationTest.applied;
import static mn.registry.freezone.entity.ZoneRegistrationTest.governor;
import static mn.registry.freezone.entity.ZoneRegistrationTest.registered;

/**
 * Session 11 of docs/abuse-audit.md (the Free Zone, rows F120 on, ADR 0035 items 16 on): acts of a careless or dishonest governor
 * that main accepted.
 */
class FreeZoneAbuseRound6Test extends ZoneRegistrationAbuseFixture {

    // ------------------------------------------------------------------ F121 (was O80): an interruption dated far back

    @Test
    @DisplayName("003 art. 12.5.2 (ADR 0035 item 17): an interruption received more than 30 days after the day it names counts its 12 months from "
            + "its receipt, so a governor who dates it 13 months back does not make the ground due at once; the day named stays recorded")
    void an_interruption_dated_far_back_counts_from_its_receipt() {
        RegistrationEvents.OperationsStarted started = new RegistrationEvents.OperationsStarted(ID, LocalDate.of(2026, 12, 10), GOVERNOR, null);
        Instant received = on(LocalDate.of(2028, 3, 1));
        fixture.given(applied(), registered(), started)
                .when(governor(new RegistrationCommands.RecordOperationsInterrupted(ID, LocalDate.of(2027, 2, 1), ZoneRegistrationTest.INTERRUPTION_DOC), received))
                .expectEvents(new RegistrationEvents.OperationsInterrupted(ID, LocalDate.of(2027, 2, 1), LocalDate.of(2029, 2, 28), GOVERNOR, ZoneRegistrationTest.INTERRUPTION_DOC));
        // 31 days back: from the receipt; 30 days back: from the day named, as before
        fixture.given(applied(), registered(), started)
                .when(governor(new RegistrationCommands.RecordOperationsInterrupted(ID, LocalDate.of(2028, 1, 30), ZoneRegistrationTest.INTERRUPTION_DOC), received))
                .expectEvents(new RegistrationEvents.OperationsInterrupted(ID, LocalDate.of(2028, 1, 30), LocalDate.of(2029, 2, 28), GOVERNOR, ZoneRegistrationTest.INTERRUPTION_DOC));
        fixture.given(applied(), registered(), started)
                .when(governor(new RegistrationCommands.RecordOperationsInterrupted(ID, LocalDate.of(2028, 1, 31), ZoneRegistrationTest.INTERRUPTION_DOC), received))
                .expectEvents(new RegistrationEvents.OperationsInterrupted(ID, LocalDate.of(2028, 1, 31), LocalDate.of(2029, 1, 30), GOVERNOR, ZoneRegistrationTest.INTERRUPTION_DOC));
        // the entity resumes within the 12 months from the receipt: recorded, not refused as late (F37)
        fixture.given(applied(), registered(), started,
                        new RegistrationEvents.OperationsInterrupted(ID, LocalDate.of(2027, 2, 1), LocalDate.of(2029, 2, 28), GOVERNOR, null))
                .when(governor(new RegistrationCommands.RecordOperationsResumed(ID, LocalDate.of(2028, 6, 1), ZoneRegistrationTest.RESUMPTION_DOC), on(LocalDate.of(2028, 6, 2))))
                .expectEvents(new RegistrationEvents.OperationsResumed(ID, LocalDate.of(2028, 6, 1), GOVERNOR, ZoneRegistrationTest.RESUMPTION_DOC));
    }
}
