package mn.registry.freezone.entity;

import mn.registry.freezone.governor.StreamTarget;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;

/**
 * The set-up the Free Zone's registration abuse rounds share (003; each round copied it: duplicates of session 19's review): a
 * registration's test fixture on fresh services as {@link ZoneRegistrationTest} gives them, made before each test, and again, with fresh
 * services, by a test that calls {@link #fixture()}; and, for the tests that run the command types or read the aggregate as the registry
 * does, the registration aggregate on Axon's in-memory event store ({@link #registrations}).
 */
abstract class ZoneRegistrationAbuseFixture {

    AggregateTestFixture<ZoneRegistration> fixture;
    ZoneRegistrationTest.Services services;

    @BeforeEach
    void fixture() {
        services = new ZoneRegistrationTest.Services();
        fixture = ZoneRegistrationTest.fixture(services);
    }

    /** Fresh services counting on a calendar the test sets, the base one at first (ADR 0035 items 89, 94), and the fixture on them. */
    ZoneRegistrationTest.CalendarServices onTheCalendarInForce() {
        ZoneRegistrationTest.CalendarServices calendar = new ZoneRegistrationTest.CalendarServices();
        services = calendar;
        fixture = ZoneRegistrationTest.fixture(services);
        return calendar;
    }

    /**
     * The registration aggregate wired as the registry wires it (its stream named from the body), on {@code services} and an in-memory event
     * store, started; the caller shuts it down (session 24: copied before between {@code FreeZoneAbuseRound20Test} and {@code ActDocumentClaimsTest}).
     */
    /** The registration aggregate configured as the registry configures it (its stream named from the body). */
    static AggregateConfigurer<ZoneRegistration> aggregate() {
        return AggregateConfigurer.defaultConfiguration(ZoneRegistration.class)
                .configureCommandTargetResolver(c -> new StreamTarget(RegistrationCommandTypes::streamOf));
    }

    static Configuration registrations(RegistrationServices services) {
        Configuration axon = DefaultConfigurer.defaultConfiguration()
                .configureAggregate(aggregate())
                .registerComponent(RegistrationServices.class, c -> services)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .buildConfiguration();
        axon.start();
        return axon;
    }
}
