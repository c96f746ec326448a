package mn.registry.freezone.land;

import mn.registry.freezone.governor.StreamTarget;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

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

    /**
     * What the register answers at {@code at} for {@code governor} (or the holder's representative) signed in, read as the registry reads it, on
     * these events; the answer stores nothing, and a zone with no land register has none.
     */
    mn.registry.kernel.freezone.LandActs actsAt(Instant at, PersonId governor, Object... events) {
        Configuration axon = landRegisters(services);
        try {
            for (int i = 0; i < events.length; i++) {
                axon.eventStore().publish(new GenericDomainEventMessage<>("ZoneLand", ZONE.landStream(), i, events[i]));
            }
            LandActsNow acts = new LandActsNow(Clock.fixed(at, ZoneOffset.UTC), services, axon.eventStore(), () -> axon.repository(ZoneLand.class));
            mn.registry.kernel.freezone.LandActs answer = acts.now(ZONE, governor).orElseThrow();
            assertThat(axon.eventStore().readEvents(ZONE.landStream()).asStream().count()).as("the answer stores nothing").isEqualTo(events.length);
            assertThat(acts.now(mn.registry.kernel.freezone.ZoneId.of("zamyn-uud"), governor)).as("a zone with no land register").isEmpty();
            return answer;
        } finally {
            axon.shutdown();
        }
    }

    /** The act signed by {@code governor}, received at {@code at}, is recorded if {@code verdict} accepts it, else refused with its code. */
    void agrees(mn.registry.kernel.freezone.LandActs.Verdict verdict, Object[] given, CommandMessage<Object> act) {
        var result = fixture.given(given).when(act);
        if (verdict.accepted()) {
            result.expectSuccessfulHandlerExecution();
        } else {
            result.expectException(new TypeSafeMatcher<RegistryProblem>() {
                @Override
                protected boolean matchesSafely(RegistryProblem problem) {
                    return verdict.refusedWith().equals(problem.code());
                }

                @Override
                public void describeTo(Description description) {
                    description.appendText("a RegistryProblem " + verdict.refusedWith());
                }
            }).expectNoEvents();
        }
    }
}
