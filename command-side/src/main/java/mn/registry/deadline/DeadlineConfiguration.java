package mn.registry.deadline;

import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.infrastructure.time.RepeatedTask;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The deadline service's beans: the {@code deadlines} collection, the projection that fills it (processing group
 * {@code deadlines}), and the poller, run every {@code registry.deadlines.poll-interval} (default 2 s) while the
 * application runs.
 */
@Configuration
class DeadlineConfiguration {

    @Bean
    MongoDeadlines mongoDeadlines(MongoDatabase database) {
        MongoDeadlines deadlines = new MongoDeadlines(database);
        deadlines.ensureIndexes();
        return deadlines;
    }

    @Bean
    DeadlineProjection deadlineProjection(MongoDeadlines deadlines, ObjectProvider<DeadlineRules> rules, CurrentCalendar calendar,
                                          CommandGateway commandGateway) {
        return new DeadlineProjection(deadlines, rules.orderedStream().toList(), calendar::refresh, commandGateway::sendAndWait);
    }

    @Bean
    DeadlineEvents deadlineEvents(DeadlineProjection projection) {
        return new DeadlineEvents(projection);
    }

    @Bean
    DeadlinePoller deadlinePoller(MongoDeadlines deadlines, ObjectProvider<DeadlineRules> rules, Clock registryClock,
                                  CommandGateway commandGateway) {
        String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
        List<DeadlineRules> all = rules.orderedStream().toList();
        return new DeadlinePoller(deadlines, all, registryClock, Clock.systemUTC(), Duration.ofSeconds(30), node, commandGateway::sendAndWait);
    }

    @Bean
    SmartLifecycle deadlinePolling(DeadlinePoller poller, @Value("${registry.deadlines.poll-interval:2s}") Duration interval) {
        return new SmartLifecycle() {
            private RepeatedTask executor;

            @Override
            public void start() {
                executor = RepeatedTask.start("deadline-poller", interval, interval, poller::pollOnce,
                        org.slf4j.LoggerFactory.getLogger(DeadlinePoller.class), "Deadline poll");
            }

            @Override
            public void stop() {
                executor.closeAndWait(Duration.ofSeconds(10));
                executor = null;
            }

            @Override
            public boolean isRunning() {
                return executor != null;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE - 100; // after Axon has started, before it stops
            }
        };
    }
}
