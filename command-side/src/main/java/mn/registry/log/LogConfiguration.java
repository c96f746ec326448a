package mn.registry.log;

import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.axon.DurableEventStorageEngine;
import mn.registry.keystore.RegistryKeys;
import mn.registry.store.mongo.GaplessEventStorageEngine;
import mn.registry.store.mongo.SealedHandOver;
import mn.registry.tlog.LogCollections;
import mn.registry.tlog.LogWriter;
import mn.registry.tlog.SealedEvents;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * Wires the log: the sequencer's processing group as a pooled streaming processor with one segment starting at
 * the tail of the store, and the checkpoint publisher, run as soon as the sequencer appended and otherwise every
 * {@code registry.log.checkpoint-interval} (default 250 ms: also the least time between two checkpoints).
 */
@Configuration(proxyBeanMethods = false)
class LogConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LogConfiguration.class);

    @Bean
    LogWriter logWriter(MongoDatabase database, RegistryKeys keys, mn.registry.infrastructure.mongo.GroupCommit durability,
                        @Value("${registry.log.origin:" + LogCollections.DEFAULT_ORIGIN + "}") String origin) {
        LogWriter writer = new LogWriter(database, origin, keys.checkpoint(), keys.timeStamping(), Clock.systemUTC(), durability::await);
        writer.ensureIndexes();
        return writer;
    }

    @Bean
    PublicationDuties publicationDuties(MongoDatabase database, LogWriter writer, org.axonframework.commandhandling.gateway.CommandGateway commands) {
        return new PublicationDuties(database, writer, commands::sendAndWait);
    }

    /** The sequencer takes each public event as the store's read path decoded it (issue 17 item 1), read back only on a miss. */
    @Bean
    LogSequencer logSequencer(LogWriter writer, MongoDatabase database, PublicationDuties publications,
                              org.springframework.beans.factory.ObjectProvider<EventStorageEngine> engine, CheckpointSchedule checkpoints) {
        EventStorageEngine store = engine.getIfAvailable();
        if (store instanceof DurableEventStorageEngine durable) {
            store = durable.delegate();
        }
        SealedHandOver handOver = store instanceof GaplessEventStorageEngine gapless ? gapless.handOver() : null;
        if (handOver == null) {
            log.info("The event store is not the gapless engine: the log sequencer reads each public event back from the store");
        }
        return new LogSequencer(writer, handOver, new SealedEvents(database), publications, checkpoints::nudge);
    }

    @Bean
    ConfigurerModule logSequencerProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerPooledStreamingEventProcessorConfiguration(
                LogSequencer.PROCESSING_GROUP, (config, builder) -> builder.initialSegmentCount(1).maxClaimedSegments(1)
                        .batchSize(100).initialToken(StreamableMessageSource::createTailToken)));
    }

    @Bean
    CheckpointSchedule checkpointSchedule(LogWriter writer, PublicationDuties publications,
                                          @Value("${registry.log.checkpoint-interval:250ms}") Duration interval) {
        return new CheckpointSchedule(() -> {
            try {
                writer.publishCheckpointIfGrown();
            } catch (RuntimeException e) {
                log.warn("Could not publish a log checkpoint (will retry): {}", e.toString());
            }
            try {
                publications.dischargeCovered();
            } catch (RuntimeException e) {
                log.warn("Could not record a publication by checkpoint (will retry): {}", e.toString());
            }
        }, interval);
    }
}
