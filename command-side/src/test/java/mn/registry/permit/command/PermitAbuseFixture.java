package mn.registry.permit.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;

/**
 * The set-up the permit abuse rounds share (002; it was copied into each round, the last into {@code PermitAbuseRound15Test} from round
 * 14: duplicates of session 19's review): the permit aggregate's test fixture on the registry's services as {@link Signed} gives them (the
 * calendar, the minimum insurance, the documents received, the permits in force), made before each test, and again by a test that needs
 * a fresh one ({@link #fixture()}: a fixture whose last command was refused gives no state to read). A round names the documents the
 * registry received besides {@link Signed}'s; its events are {@link PermitLifecycleTest}'s.
 */
abstract class PermitAbuseFixture {

    AggregateTestFixture<PermitApplication> fixture;
    final Signed.Services services = new Signed.Services();

    /** @param received the documents of the round the registry received, besides {@link Signed.Services}'s */
    PermitAbuseFixture(String... received) {
        services.otherDocuments.addAll(List.of(received));
    }

    @BeforeEach
    void fixture() {
        fixture = Signed.fixture(services);
    }

    /**
     * The aggregate's answer to the pages (ADR 0065) on {@code history} at {@code now}, loaded from a fresh fixture's repository as the
     * registry loads it (moved here from {@code PermitAbuseRound21Test} for round 27's holder's-page answer).
     */
    mn.registry.kernel.permit.RevocationGrounds.Answer answer(List<Object> history, java.time.Instant now) {
        fixture = Signed.fixture(services);
        fixture.given(history);
        return new PermitRevocationGrounds(fixture.getEventStore(), fixture::getRepository, services).at(PermitLifecycleTest.ID, now).orElseThrow();
    }
}
