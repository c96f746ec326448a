package mn.registry.command.api;

import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/** Beans of the command API: the command log, and the metadata that signed commands give their events. */
@Configuration
class CommandApiConfiguration {

    @Bean
    CommandLog commandLog(MongoDatabase database, Clock clock,
                          @Value("${registry.commands.lease:60s}") Duration lease, mn.registry.infrastructure.privacy.PersonalDataVault vault,
                          @Value("${registry.commands.answer-delay:10ms}") Duration answerDelay) {
        // ADR 0066: answers written in batches off the request thread; 0 writes each on the request thread, as before
        CommandLog log = new CommandLog(database, clock, lease, vault, answerDelay);
        log.ensureIndexes();
        return log;
    }

    @Bean
    SmartInitializingSingleton signedCommandMetadata(CommandBus commandBus) {
        return () -> commandBus.registerDispatchInterceptor(new CurrentCommand());
    }

    /**
     * The target of the aggregates that name no resolver in {@code @Aggregate}: their commands' {@code @TargetAggregateIdentifier}.
     * Primary because the converted contexts each declare their own (permit, Free Zone), and Axon hands a lone one to every aggregate (ADR 0026).
     */
    @Bean
    @org.springframework.context.annotation.Primary
    org.axonframework.modelling.command.CommandTargetResolver annotatedCommandTarget() {
        return org.axonframework.modelling.command.AnnotationCommandTargetResolver.builder().build();
    }
}
