package mn.registry.kernel.freezone;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LandFeeScheduleTest {

    @Test
    @DisplayName("003 art. 23.1: a hotel is 100 % exempt the first 5 years of operation, 50 % the next 3, then pays in full")
    void hotel_schedule() {
        LocalDate started = LocalDate.of(2027, 4, 1);
        List<LandFeeSchedule.FeeYear> rows = LandFeeSchedule.of(Activity.HOTEL, started, started, LocalDate.of(2037, 3, 31));
        assertThat(rows).extracting(LandFeeSchedule.FeeYear::exemptPercent).containsExactly(100, 100, 100, 100, 100, 50, 50, 50, 0, 0);
        assertThat(rows.get(5).firstDay()).isEqualTo(LocalDate.of(2032, 4, 1));
        assertThat(rows.get(0).article()).isEqualTo("003 art. 23.1");
    }

    @Test
    @DisplayName("003 art. 23.2 (of 23.1–23.4): infrastructure and production are 100 % exempt the first 10 years of operation")
    void production_schedule() {
        LocalDate started = LocalDate.of(2027, 1, 1);
        List<LandFeeSchedule.FeeYear> rows = LandFeeSchedule.of(Activity.PRODUCTION, started, started, LocalDate.of(2038, 12, 31));
        assertThat(rows).extracting(LandFeeSchedule.FeeYear::exemptPercent).containsExactly(100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 0, 0);
        assertThat(rows.get(0).article()).isEqualTo("003 art. 23.2");
    }

    @Test
    @DisplayName("003 art. 23.1: years of operation count from the start of operations, not from the licence, and split at its anniversaries")
    void licence_after_years_of_operation() {
        List<LandFeeSchedule.FeeYear> rows = LandFeeSchedule.of(Activity.TRADE, LocalDate.of(2020, 7, 1), LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31));
        assertThat(rows).containsExactly(
                new LandFeeSchedule.FeeYear(5, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30), 100, "003 art. 23.1"),
                new LandFeeSchedule.FeeYear(6, LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 30), 50, "003 art. 23.1"),
                new LandFeeSchedule.FeeYear(7, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31), 50, "003 art. 23.1"));
    }

    @Test
    @DisplayName("003 art. 23.3-23.4: other activities get no automatic exemption")
    void other_activity_has_no_exemption() {
        assertThat(LandFeeSchedule.of(Activity.OTHER, null, LocalDate.of(2027, 1, 1), LocalDate.of(2028, 12, 31)))
                .extracting(LandFeeSchedule.FeeYear::exemptPercent).containsExactly(0, 0);
    }

    @Test
    @DisplayName("003 art. 12.1: the documents follow the jurisdiction; registration ids keep one entity per zone")
    void documents_and_ids() {
        assertThat(ZoneDocument.requiredFor(Jurisdiction.MONGOLIAN)).containsExactlyInAnyOrder(ZoneDocument.APPLICATION,
                ZoneDocument.STATE_REGISTRATION_CERTIFICATE, ZoneDocument.REGISTRATION_FEE_RECEIPT);
        assertThat(ZoneDocument.requiredFor(Jurisdiction.FOREIGN)).containsExactlyInAnyOrder(ZoneDocument.APPLICATION,
                ZoneDocument.INCORPORATION_DOCUMENT, ZoneDocument.POWER_OF_ATTORNEY, ZoneDocument.REGISTRATION_FEE_RECEIPT);
        LegalEntity a = new LegalEntity("A LLC", Jurisdiction.MONGOLIAN, null, "600-1234");
        LegalEntity sameNumberOtherName = new LegalEntity("A Group LLC", Jurisdiction.MONGOLIAN, null, "6001234");
        assertThat(RegistrationId.of(ZoneId.of("altanbulag"), a)).isEqualTo(RegistrationId.of(ZoneId.of("altanbulag"), sameNumberOtherName));
        assertThat(RegistrationId.of(ZoneId.of("altanbulag"), a)).isNotEqualTo(RegistrationId.of(ZoneId.of("zamyn-uud"), a));
        assertThat(RegistrationId.of(ZoneId.of("zamyn-uud"), a).zoneId()).isEqualTo(ZoneId.of("zamyn-uud"));
    }
}
