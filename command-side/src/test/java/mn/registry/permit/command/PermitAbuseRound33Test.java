package mn.registry.permit.command;

import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.*;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static mn.registry.permit.command.PermitAbuseRound21Test.with;
import static mn.registry.permit.command.PermitLifecycleTest.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 31, the permit's readers (docs/abuse-audit.md, "Session 31, the permit's readers"; ADR 0046 items 155-160): the command side's
 * answer to the staff desk judges the signed-in official on the aggregate's state now (F523, was O406; item 156), and the hunt around the
 * holder's representative of session 30.
 */
@org.junit.jupiter.api.extension.ExtendWith(mn.registry.store.testing.EmbeddedMongoExtension.class)
class PermitAbuseRound33Test extends PermitAbuseFixture {

    private static final String OWN = Applications.MONGOLIAN.registrationNumber();
    private static final Company SUCCESSOR = new Company("Selenge Tamga Thirtythree LLC", "6433101", true, "Ulaanbaatar, Sukhbaatar district");
    private static final Instant TRANSFERRED_AT = Instant.parse("2025-03-20T02:00:00Z");
    private static final Instant NOW = Instant.parse("2025-04-02T02:00:00Z");

    private static List<Object> transferred() {
        return with(active(), new PermitTransferred(ID, Applications.MONGOLIAN, SUCCESSOR, Reorganisation.MERGER, SHA2, TRANSFERRED_AT, SUPERVISOR,
                UlaanbaatarTime.dateOf(TRANSFERRED_AT), SuccessorsRepresentative.of(SUCCESSOR)));
    }

    /** The answer to the desk on {@code history} at {@link #NOW}, asked for {@code official} whose grant names {@code company}. */
    private RevocationGrounds.Answer answerFor(List<Object> history, PersonId official, String company) {
        fixture = Signed.fixture(services);
        fixture.given(history);
        return new PermitRevocationGrounds(fixture.getEventStore(), fixture::getRepository, services).foldedAt(ID, NOW, official, company)
                .orElseThrow().answer();
    }

    @Test
    @DisplayName("002 art. 23.2, 23.3; 001 art. 23.1.1 (F523, was O406; ADR 0046 item 156): the command side's answer to the desk, asked for "
            + "the signed-in official and their grant's company, says on the aggregate's state now (a transfer received, which the case file "
            + "may not show yet) that the successor's representative acts for the holder, and that the predecessor's does not")
    void the_answer_judges_the_official_on_the_aggregate_now() {
        assertThat(answerFor(transferred(), REVIEWER, SUCCESSOR.registrationNumber()).officialRefusedWith())
                .as("a grant naming the successor, the holder since the transfer").isEqualTo(OfficialActsForTheHolder.CODE);
        assertThat(answerFor(transferred(), REVIEWER, OWN).officialRefusedWith()).as("a grant naming the predecessor").isNull();
        assertThat(answerFor(active(), REVIEWER, OWN).officialRefusedWith()).as("before the transfer, a grant naming the holder")
                .isEqualTo(OfficialActsForTheHolder.CODE);
        assertThat(answerFor(transferred(), SuccessorsRepresentative.of(SUCCESSOR), null).officialRefusedWith())
                .as("the successor's representative in person (F62)").isEqualTo(OfficialActsForTheHolder.IS_THE_HOLDER);
        assertThat(answerFor(transferred(), REVIEWER, null).officialRefusedWith()).as("no grant").isNull();
        assertThat(answer(transferred(), NOW).officialRefusedWith()).as("no official asked").isNull();
    }
}
