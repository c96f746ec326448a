package mn.registry.freezone.land;

import mn.registry.freezone.governor.StreamTarget;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;

/**
 * The set-up the Free Zone's land abuse rounds share (003; each round copied it: duplicates of session 19's review): a zone's land
 * register's test fixture on fresh services as {@link ZoneLandTest} gives them, made before each test, and again, with fresh services,
 * by a test that calls {@link #fixture()}; and, for the tests that read the register as the registry does, the land register aggregate on
 * Axon's in-memory event store ({@link #landRegisters}).
 */
abstract class ZoneLandAbuseFixture {

    AggregateTestFixture<ZoneLand> fixture;
    ZoneLandTest.Services services;

    @BeforeEach
    void fixture() {
        services = new ZoneLandTest.Services();
        fixture = ZoneLandTest.fixture(services);
    }

    /**
     * The land register aggregate wired as the registry wires it (its stream named from the body), on {@code services} and an in-memory event
     * store, started; the caller shuts it down (as {@code ZoneRegistrationAbuseFixture.registrations} for the registration).
     */
    static Configuration landRegisters(LandServices services) {
        Configuration axon = DefaultConfigurer.defaultConfiguration()
                .configureAggregate(AggregateConfigurer.defaultConfiguration(ZoneLand.class)
                        .configureCommandTargetResolver(c -> new StreamTarget(LandCommandTypes::streamOf)))
                .registerComponent(LandServices.class, c -> services)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .buildConfiguration();
        axon.start();
        return axon;
    }
}
