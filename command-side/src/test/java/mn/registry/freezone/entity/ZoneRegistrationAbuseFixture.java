package mn.registry.freezone.entity;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;

/**
 * The set-up the Free Zone's registration abuse rounds share (003; each round copied it: duplicates of session 19's review): a
 * registration's test fixture on fresh services as {@link ZoneRegistrationTest} gives them, made before each test, and again, with fresh
 * services, by a test that calls {@link #fixture()}.
 */
abstract class ZoneRegistrationAbuseFixture {

    AggregateTestFixture<ZoneRegistration> fixture;
    ZoneRegistrationTest.Services services;

    @BeforeEach
    void fixture() {
        services = new ZoneRegistrationTest.Services();
        fixture = ZoneRegistrationTest.fixture(services);
    }
}
