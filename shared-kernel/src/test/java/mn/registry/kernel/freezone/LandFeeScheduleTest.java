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
                new LandFeeSchedule.FeeYear(5, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30), 100, "003 art. 23.1", null),
                new LandFeeSchedule.FeeYear(6, LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 30), 50, "003 art. 23.1", null),
                new LandFeeSchedule.FeeYear(7, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31), 50, "003 art. 23.1", null));
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

    /** The rows cover every day of the licence, once, in order. */
    static void coversEveryDay(List<LandFeeSchedule.FeeYear> rows, LocalDate from, LocalDate until) {
        assertThat(rows.get(0).firstDay()).isEqualTo(from);
        assertThat(rows.get(rows.size() - 1).lastDay()).isEqualTo(until);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).firstDay()).isEqualTo(rows.get(i - 1).lastDay().plusDays(1));
        }
        rows.forEach(r -> assertThat(r.lastDay()).isAfterOrEqualTo(r.firstDay()));
    }

    @Test
    @DisplayName("003 art. 23.1, 22.3: the years of the licence before operations start are in the schedule at the full fee; the 5 + 3 years count from the start")
    void years_before_operations_are_in_the_schedule() {
        LocalDate from = LocalDate.of(2027, 1, 1);
        LocalDate until = LocalDate.of(2036, 12, 31);
        List<LandFeeSchedule.FeeYear> rows = LandFeeSchedule.of(Activity.HOTEL, LocalDate.of(2028, 6, 1), from, until);
        coversEveryDay(rows, from, until);
        assertThat(rows.subList(0, 2)).containsExactly(
                new LandFeeSchedule.FeeYear(0, from, LocalDate.of(2027, 12, 31), 0, "003 art. 22.3", null),
                new LandFeeSchedule.FeeYear(0, LocalDate.of(2028, 1, 1), LocalDate.of(2028, 5, 31), 0, "003 art. 22.3", null));
        assertThat(rows.subList(2, rows.size())).extracting(LandFeeSchedule.FeeYear::yearOfOperation).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(rows.subList(2, rows.size())).extracting(LandFeeSchedule.FeeYear::exemptPercent).containsExactly(100, 100, 100, 100, 100, 50, 50, 50, 0);
        assertThat(rows.get(2).firstDay()).isEqualTo(LocalDate.of(2028, 6, 1));
    }

    @Test
    @DisplayName("003 art. 23.1-23.2: while operations have not started, every year of the licence is shown, each at the full fee (no exemption is used up)")
    void licence_of_an_entity_not_yet_operating() {
        LocalDate from = LocalDate.of(2027, 3, 15);
        LocalDate until = LocalDate.of(2030, 3, 14);
        List<LandFeeSchedule.FeeYear> rows = LandFeeSchedule.of(Activity.PRODUCTION, null, from, until);
        coversEveryDay(rows, from, until);
        assertThat(rows).extracting(LandFeeSchedule.FeeYear::yearOfOperation).containsExactly(0, 0, 0);
        assertThat(rows).extracting(LandFeeSchedule.FeeYear::exemptPercent).containsExactly(0, 0, 0);
    }

    @Test
    @DisplayName("003 art. 23.1: a start on 29 February counts its anniversaries on 28 February, and no day is lost or counted twice")
    void leap_day_start() {
        LocalDate from = LocalDate.of(2028, 1, 1);
        LocalDate until = LocalDate.of(2034, 12, 31);
        List<LandFeeSchedule.FeeYear> rows = LandFeeSchedule.of(Activity.TRADE, LocalDate.of(2028, 2, 29), from, until);
        coversEveryDay(rows, from, until);
        assertThat(rows).extracting(LandFeeSchedule.FeeYear::yearOfOperation).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(rows.get(2).firstDay()).isEqualTo(LocalDate.of(2029, 2, 28));
    }

    @Test
    @DisplayName("003 art. 23.3-23.4: the Government's exemption splits the schedule at its first and last day; the larger exemption holds, they do not add up")
    void government_exemption_in_the_schedule() {
        ZoneId zone = ZoneId.of("altanbulag");
        RegistrationId holder = RegistrationId.of(zone, new LegalEntity("Selenge Trade LLC", Jurisdiction.MONGOLIAN, null, "6001234"));
        RegistrationId other = RegistrationId.of(zone, new LegalEntity("Orkhon Foods LLC", Jurisdiction.MONGOLIAN, null, "6009876"));
        LocalDate from = LocalDate.of(2027, 1, 1);
        LocalDate until = LocalDate.of(2032, 12, 31);
        List<LandFeeSchedule.GovernmentExemption> exemptions = List.of(
                new LandFeeSchedule.GovernmentExemption(holder, null, 30, LocalDate.of(2027, 7, 1), LocalDate.of(2028, 6, 30), "Government resolution 2026/412"),
                new LandFeeSchedule.GovernmentExemption(other, null, 90, from, until, "Government resolution 2026/413"));
        List<LandFeeSchedule.FeeYear> rows = LandFeeSchedule.of(Activity.OTHER, holder, null, from, until, exemptions);
        coversEveryDay(rows, from, until);
        assertThat(rows).extracting(LandFeeSchedule.FeeYear::exemptPercent).containsExactly(0, 30, 30, 0, 0, 0, 0, 0);
        assertThat(rows.get(1)).isEqualTo(new LandFeeSchedule.FeeYear(0, LocalDate.of(2027, 7, 1), LocalDate.of(2027, 12, 31), 30, "003 art. 23.3-23.4",
                "Government resolution 2026/412"));
        // a hotel already 100 % exempt keeps 100 % (not 160 %); in its first 50 % year (2032) the 60 % Government exemption gives 60 %, after it ends 50 %
        List<LandFeeSchedule.GovernmentExemption> sixty = List.of(new LandFeeSchedule.GovernmentExemption(null, Activity.HOTEL, 60, from, until, "G-1"));
        List<LandFeeSchedule.FeeYear> hotel = LandFeeSchedule.of(Activity.HOTEL, holder, from, from, LocalDate.of(2035, 12, 31), sixty);
        assertThat(hotel).extracting(LandFeeSchedule.FeeYear::exemptPercent).containsExactly(100, 100, 100, 100, 100, 60, 50, 50, 0);
        assertThat(hotel.get(5).article()).isEqualTo("003 art. 23.3-23.4");
        // an exemption for another activity gives nothing
        assertThat(LandFeeSchedule.of(Activity.TRADE, holder, from, from, until, sixty)).extracting(LandFeeSchedule.FeeYear::decision).containsOnlyNulls();
    }
}
