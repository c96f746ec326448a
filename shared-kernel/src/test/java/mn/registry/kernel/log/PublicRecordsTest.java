package mn.registry.kernel.log;

import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublicRecordsTest {

    @Test
    @DisplayName("domain-rules §5: Government decisions, Free Zone acts and permit decisions are published; an application's registration is not")
    void every_bounded_context_publishes_through_the_one_mapping() {
        assertThat(PublicRecords.mayBePublic(PublicHolidayDeclared.class.getName())).isTrue();
        assertThat(PublicRecords.mayBePublic(ZoneEvents.ZoneEstablished.class.getName())).as("003 art. 6").isTrue();
        assertThat(PublicRecords.mayBePublic(RegistrationEvents.EntityRegistered.class.getName())).as("003 art. 12.2").isTrue();
        assertThat(PublicRecords.mayBePublic(RegistrationEvents.EntityDeregistered.class.getName())).as("003 art. 12.5").isTrue();
        assertThat(PublicRecords.mayBePublic(LandEvents.LandLicenceIssued.class.getName())).as("003 art. 22").isTrue();
        assertThat(PublicRecords.mayBePublic(PermitApplicationRegistered.class.getName()))
                .as("an application is not a published decision (002 art. 26.4 publishes the grant)").isFalse();
    }
}
