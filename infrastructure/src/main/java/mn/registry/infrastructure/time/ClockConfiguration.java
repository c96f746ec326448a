package mn.registry.infrastructure.time;

import mn.registry.infrastructure.RegistryProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** The registry's clock: movable forward only in demo mode. */
@AutoConfiguration
public class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    public RegistryClock registryClock(RegistryProperties properties) {
        return new RegistryClock(Clock.systemUTC(), properties.demo());
    }
}
