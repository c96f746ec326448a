package mn.registry.freezone.land;

import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LandActs;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.identity.Role;
import mn.registry.permit.api.CompanyEnded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static mn.registry.freezone.FreeZoneSigned.signed;
import static mn.registry.freezone.land.FreeZoneLandAbuseRound5Test.problem;
import static mn.registry.freezone.land.ZoneLandTest.AT;
import static mn.registry.freezone.land.ZoneLandTest.FROM;
import static mn.registry.freezone.land.ZoneLandTest.HOLDER;
import static mn.registry.freezone.land.ZoneLandTest.PARCEL_A;
import static mn.registry.freezone.land.ZoneLandTest.REPRESENTATIVE;
import static mn.registry.freezone.land.ZoneLandTest.UNTIL;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static mn.registry.freezone.land.ZoneLandTest.applied;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 33, the zone's intake and papers (ADR 0035 item 164, choice; abuse audit F606, was O452): a registered zone entity whose Mongolian
 * company the registry holds ended at the receipt (liquidated on 002 art. 29.1.2, not lifted by an upheld complaint; or ended by a
 * reorganisation, 23.3), after its registration, applies for no land (003 art. 22). The services answer as the registry's do from the
 * permit register's memory ({@code CompaniesEnded}, whose answer {@code PermitAbuseRound35Test} proves): what this node holds at the receipt.
 */
class FreeZoneAbuseRound39LandTest extends ZoneLandAbuseFixture {

    private static final String CEASED = ZoneLand.LAND_APPLICANT_CEASED;
    private static final RegistrationId FOREIGN = RegistrationId.of(ZONE, new LegalEntity("Kyakhta Logistics OOO", Jurisdiction.FOREIGN, "RU",
            "1027700132195"));

    /** The test's services: the companies ended as the permit register holds them at the receipt, and the numbers asked. */
    private static final class Ended extends ZoneLandTest.Services {
        final Map<String, CompanyEnded> ended = new HashMap<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public Optional<CompanyEnded> companyEnded(String stateRegistrationNumber) {
            asked.add(stateRegistrationNumber);
            return Optional.ofNullable(ended.get(stateRegistrationNumber));
        }
    }

    private Ended ended;

    @BeforeEach
    void ended() {
        ended = new Ended();
        services = ended;
        fixture = ZoneLandTest.fixture(services);
    }

    private static org.axonframework.commandhandling.CommandMessage<Object> application(RegistrationId applicant) {
        return signed(ZoneLandTest.application(applicant, PARCEL_A, FROM, UNTIL), REPRESENTATIVE, AT, Role.APPLICANT);
    }

    @Test
    @DisplayName("003 art. 22; 002 art. 29.1.2, 23.3 (F606, was O452; ADR 0035 item 164, choice): abuse: the entity registered in the zone, its "
            + "company liquidated after the registration (its permit revoked on 29.1.2), applies for land: refused 409 "
            + "freezone.land-applicant-ceased on applicant citing 003 art. 22 and 002 art. 29.1.2, no event; with an application already "
            + "pending, a second refused the same way; ended by a merger: 23.3 cited")
    void the_liquidated_companys_zone_entity_applies_for_no_land() {
        ended.ended.put("6001234", new CompanyEnded("6001234", LocalDate.of(2026, 11, 20), true));
        fixture.given().when(application(HOLDER))
                .expectException(problem(CEASED, "applicant", "003 art. 22; 002 art. 29.1.2")).expectNoEvents();
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL)).when(application(HOLDER))
                .expectException(problem(CEASED, "applicant", "003 art. 22; 002 art. 29.1.2")).expectNoEvents();
        ended.ended.put("6001234", new CompanyEnded("6001234", LocalDate.of(2026, 11, 20), false));
        fixture.given().when(application(HOLDER))
                .expectException(problem(CEASED, "applicant", "003 art. 22; 002 art. 23.3")).expectNoEvents();
        assertThat(ended.asked).as("asked by the entity's state registration number").containsOnly("6001234");
    }

    @Test
    @DisplayName("003 art. 22; 002 art. 29.6 (F606; ADR 0035 item 164): happy: once a complaint against the revocation is upheld (the "
            + "registry no longer holds the company ended), the entity applies; a foreign entity is not asked; the holder's page follows")
    void an_upheld_complaint_lifts_it_and_a_foreign_entity_is_not_concerned() {
        ended.ended.put("6001234", new CompanyEnded("6001234", LocalDate.of(2026, 11, 20), true));
        assertThat(applicationOnThePage().refusedWith()).as("the holder's page, liquidated").isEqualTo(CEASED);
        ended.ended.clear(); // the complaint upheld: CeasedCompanies no longer answers it from its receipt
        fixture.given().when(application(HOLDER)).expectSuccessfulHandlerExecution();
        assertThat(applicationOnThePage().refusedWith()).as("the holder's page, lifted").isNull();
        ended.asked.clear();
        fixture.given().when(application(FOREIGN)).expectSuccessfulHandlerExecution();
        assertThat(ended.asked).as("a foreign entity is not asked").isEmpty();
    }

    private LandActs.Verdict applicationOnThePage() {
        org.axonframework.config.Configuration axon = landRegisters(services);
        try {
            return new LandActsNow(java.time.Clock.fixed(AT, java.time.ZoneOffset.UTC), services, axon.eventStore(), () -> axon.repository(ZoneLand.class))
                    .applicationBy(ZONE, HOLDER, REPRESENTATIVE, null);
        } finally {
            axon.shutdown();
        }
    }
}
