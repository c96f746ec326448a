package mn.registry.kernel.freezone;

import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.money.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuarterlyReportContentTest {

    static final ZoneId ZONE = ZoneId.of("altanbulag");
    static final PersonId GOVERNOR = new PersonId("governor-altanbulag");
    static final LegalEntity KYAKHTA = new LegalEntity("Kyakhta Logistics OOO", Jurisdiction.FOREIGN, "RU", "1027700132195");
    static final LegalEntity SELENGE = new LegalEntity("Selenge Trade LLC", Jurisdiction.MONGOLIAN, null, "6001234");

    static List<Object> registration(LegalEntity entity, LocalDate registeredOn, Object... more) {
        RegistrationId id = RegistrationId.of(ZONE, entity);
        Instant received = registeredOn.minusDays(2).atTime(10, 0).atZone(UlaanbaatarTime.ZONE).toInstant();
        List<Object> events = new java.util.ArrayList<>(List.of(
                new RegistrationEvents.ZoneRegistrationApplied(id, ZONE, entity, Activity.TRADE, List.of(), received, registeredOn, received,
                        WorkingDays.of(5), new CalendarVersion("MN-2024.1"), "003 art. 12.2", null),
                new RegistrationEvents.EntityRegistered(id, new ZoneCertificate("C", id, entity, Activity.TRADE, registeredOn, ZONE),
                        registeredOn.atTime(11, 0).atZone(UlaanbaatarTime.ZONE).toInstant(), GOVERNOR)));
        events.addAll(List.of(more));
        return events;
    }

    @Test
    @DisplayName("003 art. 12.3: the report lists foreign-invested entities registered by the quarter's end, with the investments agreed by then")
    void foreign_invested_entities_at_the_quarters_end() {
        RegistrationId selenge = RegistrationId.of(ZONE, SELENGE);
        List<Object> kyakhta = registration(KYAKHTA, LocalDate.of(2026, 8, 10));
        List<Object> mongolianWithForeignCapital = registration(SELENGE, LocalDate.of(2026, 9, 1),
                new RegistrationEvents.InvestmentAgreementRecorded(selenge, LocalDate.of(2026, 10, 2), LocalDate.of(2036, 1, 1),
                        new Money(new BigDecimal("1000"), "USD"), true, LocalDate.of(2027, 10, 2), GOVERNOR, null));
        List<Object> notYetRegistered = registration(new LegalEntity("Late OOO", Jurisdiction.FOREIGN, "RU", "77"), LocalDate.of(2026, 10, 1));
        List<QuarterlyReportContent.EntityRecord> records = List.of(QuarterlyReportContent.fold(kyakhta),
                QuarterlyReportContent.fold(mongolianWithForeignCapital), QuarterlyReportContent.fold(notYetRegistered));

        QuarterlyReportContent.Report q3 = QuarterlyReportContent.build(ZONE, new QuarterlyReportContent.Quarter(2026, 3), records);
        assertThat(q3.entities()).extracting(QuarterlyReportContent.Entity::name).containsExactly("Kyakhta Logistics OOO");
        assertThat(q3.lastDay()).isEqualTo(LocalDate.of(2026, 9, 30));
        QuarterlyReportContent.Report q4 = QuarterlyReportContent.build(ZONE, new QuarterlyReportContent.Quarter(2026, 4), records);
        assertThat(q4.entities()).extracting(QuarterlyReportContent.Entity::name)
                .containsExactly("Selenge Trade LLC", "Kyakhta Logistics OOO", "Late OOO"); // by registration id
        assertThat(q4.totalInvestment()).containsExactly(java.util.Map.entry("USD", new BigDecimal("1000")));
        assertThat(QuarterlyReportContent.sha256(q4)).matches("[0-9a-f]{64}").isNotEqualTo(QuarterlyReportContent.sha256(q3));
    }

    @Test
    @DisplayName("003 art. 12.3: an application never decided is not in the report, and a new application starts the entity's record afresh")
    void only_registered_entities() {
        List<Object> applied = registration(KYAKHTA, LocalDate.of(2026, 8, 10)).subList(0, 1);
        assertThat(QuarterlyReportContent.fold(applied)).isNull();
        assertThat(new QuarterlyReportContent.Quarter(2026, 4).next()).isEqualTo(new QuarterlyReportContent.Quarter(2027, 1));
        assertThat(QuarterlyReportContent.Quarter.of(LocalDate.of(2026, 7, 1))).isEqualTo(new QuarterlyReportContent.Quarter(2026, 3));
    }
}
