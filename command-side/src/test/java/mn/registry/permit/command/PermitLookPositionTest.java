package mn.registry.permit.command;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.look.AggregateLook;
import mn.registry.command.look.SnapshotLoads;
import mn.registry.kernel.look.Folded;
import mn.registry.kernel.permit.PermitApplicationStatus;
import mn.registry.kernel.permit.RevocationGrounds;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;

import static mn.registry.permit.command.PermitLifecycleTest.ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0071 item 10 (abuse audit O265): the command side's answer to a page carries the global position of the permit's last event it folded, so that
 * the page waits for the register to reach what the answer was judged on, not for a position it read before asking.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class PermitLookPositionTest {

    private static final Instant NOW = Instant.parse("2025-07-20T02:00:00Z");
    private static final String OTHER = "another-stream";

    private static SnapshotLoads<PermitApplication> permits(MongoDatabase database) {
        return SnapshotLoads.on(database, PermitApplication.class, Signed.aggregate(),
                configurer -> configurer.registerComponent(PermitServices.class, c -> new Signed.Services()));
    }

    private static PermitRevocationGrounds grounds(SnapshotLoads<PermitApplication> permits) {
        return new PermitRevocationGrounds(permits.axon().eventStore(), () -> permits.axon().repository(PermitApplication.class), new Signed.Services());
    }

    @Test
    @DisplayName("ADR 0071 item 10 (O265): an act stored after the page's old wait read the permit's last position, before the look, is in the answer "
            + "and in the position the page now waits for; from a snapshot too")
    void the_answer_carries_the_position_of_the_last_event_it_folded(MongoDatabase database) {
        try (SnapshotLoads<PermitApplication> permits = permits(database)) {
            permits.append(OTHER, List.of(PermitLifecycleTest.registered())); // positions are not the permit's sequence numbers
            permits.append(ID.value(), PermitLifecycleTest.active());
            long readBeforeTheLook = permits.engine().lastPositionFor(ID.value()).orElseThrow(); // what the base's page waited for
            permits.append(OTHER, List.of(PermitLifecycleTest.opinion()));
            permits.append(ID.value(), List.of(PermitLifecycleTest.opinion())); // the act, stored between that read and the look

            Folded<RevocationGrounds.Answer> folded = grounds(permits).foldedAt(ID, NOW).orElseThrow();
            long last = permits.engine().lastPositionFor(ID.value()).orElseThrow();
            assertThat(folded.position()).as("the position of the act the answer folded").isEqualTo(last).isGreaterThan(readBeforeTheLook + 1);
            assertThat(folded.answer()).isEqualTo(grounds(permits).at(ID, NOW).orElseThrow());

            permits.snapshot(ID.value());
            assertThat(permits.snapshotAt(ID.value())).isPositive();
            assertThat(grounds(permits).foldedAt(ID, NOW).orElseThrow().position()).as("loaded from the snapshot, no event after it").isEqualTo(last);
            assertThat(grounds(permits).foldedAt(mn.registry.kernel.permit.ApplicationId.of(java.util.UUID.randomUUID()), NOW)).isEmpty();
        }
    }

    @Test
    @DisplayName("ADR 0071 item 10 (O265): an act stored while the look answers (after its load) is neither in the answer nor in its position: the page "
            + "waits for what the answer was judged on")
    void an_act_stored_during_the_look_is_not_in_its_position(MongoDatabase database) throws Exception {
        try (SnapshotLoads<PermitApplication> permits = permits(database)) {
            permits.append(ID.value(), PermitLifecycleTest.withOpinion());
            long folded = permits.engine().lastPositionFor(ID.value()).orElseThrow();
            List<Object> suspension = PermitLifecycleTest.suspended().subList(PermitLifecycleTest.withOpinion().size(), PermitLifecycleTest.suspended().size());

            Folded<PermitApplicationStatus> answer = AggregateLook.fold(permits.axon().eventStore(), permits.axon().repository(PermitApplication.class),
                    ID.value(), permit -> {
                        Thread act = new Thread(() -> permits.append(ID.value(), suspension)); // another request's act, outside the look's unit of work
                        act.start();
                        try {
                            act.join();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        return permit.status();
                    }).orElseThrow();

            assertThat(answer.answer()).isEqualTo(PermitApplicationStatus.ACTIVE);
            assertThat(answer.position()).isEqualTo(folded);
            assertThat(permits.engine().lastPositionFor(ID.value()).orElseThrow()).as("the act was stored").isEqualTo(folded + suspension.size());
            assertThat(AggregateLook.fold(permits.axon().eventStore(), permits.axon().repository(PermitApplication.class), ID.value(),
                    PermitApplication::status).orElseThrow()).isEqualTo(new Folded<>(PermitApplicationStatus.SUSPENDED, folded + suspension.size()));
        }
    }
}
