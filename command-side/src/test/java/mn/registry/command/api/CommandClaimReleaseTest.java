package mn.registry.command.api;

import mn.registry.kernel.problem.RegistryProblem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0002: when a failed attempt gives its command id back, and when its claim stays for a resend to settle. */
class CommandClaimReleaseTest {

    private static final RuntimeException REFUSAL = RegistryProblem.conflict("freezone.application-pending", "pending", "003 art. 12.2");
    private static final RuntimeException OUTAGE = new IllegalStateException("the database went away", new java.io.IOException("reset"));

    @Test
    @DisplayName("ADR 0002: a refusal of the rules gives the id back without looking for events, as before")
    void a_refusal_gives_the_id_back() {
        AtomicInteger looks = new AtomicInteger();
        assertThat(CommandPipeline.releasesItsClaim(REFUSAL, false, () -> { looks.incrementAndGet(); return List.of(); })).isTrue();
        assertThat(CommandPipeline.releasesItsClaim(new RuntimeException("wrapped", REFUSAL), false, () -> { looks.incrementAndGet(); return List.of(); }))
                .isTrue();
        assertThat(looks).hasValue(0);
    }

    @Test
    @DisplayName("ADR 0002, MongoOutageUnderLoadTest: a failure of the database after the command's events were stored keeps the claim, so "
            + "the resend is answered as applied instead of carried out twice; with no event stored the id is given back")
    void an_outage_after_the_events_keeps_the_claim() {
        assertThat(CommandPipeline.releasesItsClaim(OUTAGE, false, () -> List.of("ZoneRegistrationApplied"))).isFalse();
        assertThat(CommandPipeline.releasesItsClaim(OUTAGE, false, List::of)).isTrue();
    }

    @Test
    @DisplayName("ADR 0002: when the events cannot be looked for (the database still down), the claim stays for the next attempt to settle")
    void a_failed_look_keeps_the_claim() {
        assertThat(CommandPipeline.releasesItsClaim(OUTAGE, false, () -> { throw new IllegalStateException("still down"); })).isFalse();
    }

    @Test
    @DisplayName("ADR 0002: after a takeover even a refusal looks first: the attempt taken over may have stored the events")
    void after_a_takeover_the_events_decide() {
        assertThat(CommandPipeline.releasesItsClaim(REFUSAL, true, () -> List.of("PermitApplicationRegistered"))).isFalse();
        assertThat(CommandPipeline.releasesItsClaim(REFUSAL, true, List::of)).isTrue();
    }
}
