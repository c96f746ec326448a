package mn.registry.store.mongo;

import mn.registry.store.testing.TestSealingKeys;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static mn.registry.store.mongo.StoreFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The H2-backed embedded server: stop, start again on the same data directory, everything is still there. */
class RestartTest {

    @Test
    void a_reader_stopped_mid_stream_resumes_after_a_restart_without_missing_or_repeating_an_event(@TempDir Path dataDir) {
        TrackingToken saved;
        List<Long> firstRun = new ArrayList<>();
        try (RegistryMongo mongo = RegistryMongo.open(null, dataDir)) {
            assertThat(mongo.isEmbedded()).isTrue();
            GaplessEventStorageEngine engine = engine(mongo.client().getDatabase("registry")).build();
            for (int i = 0; i < 100; i++) {
                engine.appendEvents(events("permit-" + (i % 9), i / 9 * 3L, 3)); // 300 events in 100 commits
            }
            try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
                stream.limit(121).forEach(m -> firstRun.add(position(m))); // stops inside a commit (121 = 41st commit, 2nd event)
            }
            saved = new GlobalSequenceTrackingToken(firstRun.get(firstRun.size() - 1));
        }
        assertThat(dataDir.resolve(EmbeddedMongo.DATA_FILE)).exists();

        try (RegistryMongo mongo = RegistryMongo.open("", dataDir)) {
            GaplessEventStorageEngine engine = engine(mongo.client().getDatabase("registry")).build();
            engine.appendEvents(events("permit-0", 36, 2)); // permit-0 had seqs 0..35: positions 301-302
            assertThatThrownBy(() -> engine.appendEvents(event("permit-0", 36)))
                    .as("the unique indexes survived the restart").isInstanceOf(ConcurrencyException.class);

            List<Long> secondRun = positions(engine.readEvents(saved, false));
            List<Long> all = new ArrayList<>(firstRun);
            all.addAll(secondRun);
            assertThat(all).containsExactlyElementsOf(LongStream.rangeClosed(1, 302).boxed().toList());
            assertThat(new StoreVerifier(mongo.client().getDatabase("registry"), TestSealingKeys.publicKeys()).verify().ok()).isTrue();
        }
    }
}
