package mn.registry.freezone.land;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;

/**
 * The set-up the Free Zone's land abuse rounds share (003; each round copied it: duplicates of session 19's review): a zone's land
 * register's test fixture on fresh services as {@link ZoneLandTest} gives them, made before each test, and again, with fresh services,
 * by a test that calls {@link #fixture()}.
 */
abstract class ZoneLandAbuseFixture {

    AggregateTestFixture<ZoneLand> fixture;
    ZoneLandTest.Services services;

    @BeforeEach
    void fixture() {
        services = new ZoneLandTest.Services();
        fixture = ZoneLandTest.fixture(services);
    }
}
