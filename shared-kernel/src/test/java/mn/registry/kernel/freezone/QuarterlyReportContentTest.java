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

    static RegistrationEvents.EntityDeregistered removedByTheCourt(RegistrationId id, LocalDate on) {
        return new RegistrationEvents.EntityDeregistered(id, ZONE, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", "dissolved",
                on.atTime(12, 0).atZone(UlaanbaatarTime.ZONE).toInstant(), false, false, GOVERNOR);
    }

    /** Kyakhta registered on 10 August, removed by the court on 20 August, registered again on 1 September (its agreement in the second period). */
    static List<Object> reRegisteredWithinTheQuarter() {
        RegistrationId id = RegistrationId.of(ZONE, KYAKHTA);
        List<Object> events = new java.util.ArrayList<>(registration(KYAKHTA, LocalDate.of(2026, 8, 10)));
        events.add(removedByTheCourt(id, LocalDate.of(2026, 8, 20)));
        events.addAll(registration(KYAKHTA, LocalDate.of(2026, 9, 1), new RegistrationEvents.InvestmentAgreementRecorded(id, LocalDate.of(2026, 9, 5),
                LocalDate.of(2036, 9, 5), new Money(new BigDecimal("2500"), "EUR"), true, LocalDate.of(2027, 9, 5), GOVERNOR, null)));
        return events;
    }

    @Test
    @DisplayName("003 art. 12.3: version 1's bytes are those every report signed before ADR 0035 item 52 was signed over (hashes computed on b35606ca)")
    void version_1_bytes_unchanged() {
        List<Object> selenge = registration(SELENGE, LocalDate.of(2026, 9, 1),
                new RegistrationEvents.InvestmentAgreementRecorded(RegistrationId.of(ZONE, SELENGE), LocalDate.of(2026, 10, 2), LocalDate.of(2036, 1, 1),
                        new Money(new BigDecimal("1000"), "USD"), true, LocalDate.of(2027, 10, 2), GOVERNOR, null));
        List<QuarterlyReportContent.EntityRecord> records = List.of(QuarterlyReportContent.fold(registration(KYAKHTA, LocalDate.of(2026, 8, 10))),
                QuarterlyReportContent.fold(selenge), QuarterlyReportContent.fold(reRegisteredWithinTheQuarter()));
        assertThat(QuarterlyReportContent.sha256(QuarterlyReportContent.build(ZONE, new QuarterlyReportContent.Quarter(2026, 4), records.subList(0, 2))))
                .isEqualTo("f8c84cf6422b4beb65814e0731d9660089703a9ba69fd49637b4085e3f934805");
        assertThat(QuarterlyReportContent.sha256(QuarterlyReportContent.build(ZONE, new QuarterlyReportContent.Quarter(2026, 3), records.subList(2, 3))))
                .isEqualTo("7a150dd83093a445b0cf9ad5d5ddb684eceb09f5c9ac3e8da272d61b58bc2ed1");
    }

    @Test
    @DisplayName("003 art. 12.3 (ADR 0035 items 43, 52; O96): version 2 lists both periods of an entity registered, removed and registered "
            + "again within the quarter, with the agreement of the period that has one; version 1 listed the second only")
    void version_2_lists_every_period_of_the_quarter() {
        List<Object> stream = reRegisteredWithinTheQuarter();
        QuarterlyReportContent.Quarter q3 = new QuarterlyReportContent.Quarter(2026, 3);
        assertThat(QuarterlyReportContent.build(ZONE, q3, List.of(QuarterlyReportContent.fold(stream))).entities())
                .extracting(QuarterlyReportContent.Entity::registeredOn).containsExactly(LocalDate.of(2026, 9, 1));

        QuarterlyReportContent.ReportV2 report = QuarterlyReportContent.buildV2(ZONE, q3, List.of(QuarterlyReportContent.foldPeriods(stream)));
        assertThat(report.version()).isEqualTo(2);
        assertThat(report.entities()).singleElement().satisfies(kyakhta -> {
            assertThat(kyakhta.periods()).containsExactly(
                    new QuarterlyReportContent.Period(LocalDate.of(2026, 8, 10), "C", LocalDate.of(2026, 8, 20), "DEREGISTERED"),
                    new QuarterlyReportContent.Period(LocalDate.of(2026, 9, 1), "C", null, "REGISTERED"));
            assertThat(kyakhta.agreementSignedOn()).isEqualTo("2026-09-05");
            assertThat(kyakhta.investment()).isEqualByComparingTo("2500");
        });
        assertThat(report.totalInvestment()).containsExactly(java.util.Map.entry("EUR", new BigDecimal("2500")));
        // the next quarter: the first period ended before it, so only the second is listed
        assertThat(QuarterlyReportContent.buildV2(ZONE, q3.next(), List.of(QuarterlyReportContent.foldPeriods(stream))).entities().get(0).periods())
                .extracting(QuarterlyReportContent.Period::registeredOn).containsExactly(LocalDate.of(2026, 9, 1));
        assertThat(QuarterlyReportContent.sha256(report)).matches("[0-9a-f]{64}")
                .isNotEqualTo(QuarterlyReportContent.sha256(QuarterlyReportContent.build(ZONE, q3, List.of(QuarterlyReportContent.fold(stream)))));
    }

    @Test
    @DisplayName("003 art. 12.3 (ADR 0035 item 52): a rejected or undecided application is no period; a stream never registered gives none")
    void only_registered_periods() {
        RegistrationId id = RegistrationId.of(ZONE, KYAKHTA);
        List<Object> events = new java.util.ArrayList<>(registration(KYAKHTA, LocalDate.of(2026, 8, 10)));
        events.add(removedByTheCourt(id, LocalDate.of(2026, 8, 20)));
        events.add(registration(KYAKHTA, LocalDate.of(2026, 9, 1)).get(0)); // applied again, not decided
        assertThat(QuarterlyReportContent.fold(events)).as("version 1 lost the first period").isNull();
        assertThat(QuarterlyReportContent.foldPeriods(events)).extracting(QuarterlyReportContent.EntityRecord::registeredOn)
                .containsExactly(LocalDate.of(2026, 8, 10));
        assertThat(QuarterlyReportContent.foldPeriods(events.subList(0, 1))).isEmpty();
    }

    static boolean version1LeftOutAPeriod(List<Object> stream, QuarterlyReportContent.Quarter quarter) {
        return QuarterlyReportContent.version1LeftOutAPeriod(QuarterlyReportContent.build(ZONE, quarter, List.of(QuarterlyReportContent.fold(stream))),
                QuarterlyReportContent.buildV2(ZONE, quarter, List.of(QuarterlyReportContent.foldPeriods(stream))));
    }

    @Test
    @DisplayName("003 art. 12.3 (ADR 0035 item 54): version 1 left out a period where version 2 lists more of an entity's periods, also two "
            + "registered on one day with one certificate number; not where the entity had one period")
    void version_1_left_out_a_period() {
        QuarterlyReportContent.Quarter q3 = new QuarterlyReportContent.Quarter(2026, 3);
        assertThat(version1LeftOutAPeriod(reRegisteredWithinTheQuarter(), q3)).isTrue();
        assertThat(version1LeftOutAPeriod(reRegisteredWithinTheQuarter(), q3.next())).as("the first period ended before Q4").isFalse();
        LocalDate day = LocalDate.of(2026, 8, 10);
        List<Object> oneDay = new java.util.ArrayList<>(registration(KYAKHTA, day));
        oneDay.add(removedByTheCourt(RegistrationId.of(ZONE, KYAKHTA), day));
        oneDay.addAll(registration(KYAKHTA, day));
        assertThat(version1LeftOutAPeriod(oneDay, q3)).isTrue();
        assertThat(version1LeftOutAPeriod(registration(KYAKHTA, day), q3)).isFalse();
    }
}
