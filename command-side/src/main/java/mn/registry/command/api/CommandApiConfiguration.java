package mn.registry.command.api;

import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Beans of the command API: the command log, and the metadata that signed commands give their events. */
@Configuration
class CommandApiConfiguration {

    @Bean
    CommandLog commandLog(MongoDatabase database, Clock clock) {
        return new CommandLog(database, clock);
    }

    @Bean
    SmartInitializingSingleton signedCommandMetadata(CommandBus commandBus) {
        return () -> commandBus.registerDispatchInterceptor(new CurrentCommand());
    }
}
