package mn.registry.kernel.freezone;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.crypto.Sha256;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The content of the report of 003 art. 12.3, built by the registry from its own records: per zone and quarter, the
 * foreign-invested legal entities (a foreign entity, or one whose investment agreement signed by the quarter's end is
 * marked foreign) registered by the quarter's last day and not deregistered before its first, with their investments as
 * the agreements signed by the quarter's end state them. Pure: the command side builds it from the registrations'
 * events to check the hash the governor signs, the query side from its projection to show it; both give the same bytes.
 */
public final class QuarterlyReportContent {

    public static final String ARTICLE = "003 art. 12.3";

    private QuarterlyReportContent() {
    }

    /** A calendar quarter (1-4) of a year. */
    public record Quarter(int year, int quarter) {
        public Quarter {
            if (quarter < 1 || quarter > 4) {
                throw new IllegalArgumentException("a quarter is 1-4: " + quarter);
            }
        }

        public static Quarter of(LocalDate day) {
            return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
        }

        public LocalDate firstDay() {
            return LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
        }

        public LocalDate lastDay() {
            return firstDay().plusMonths(3).minusDays(1);
        }

        public Quarter next() {
            return quarter == 4 ? new Quarter(year + 1, 1) : new Quarter(year, quarter + 1);
        }

        /** {@code 2026-Q4}. */
        public String label() {
            return year + "-Q" + quarter;
        }
    }

    /** One registration as the registry's records say, the input of {@link #build}. Dates are local (Asia/Ulaanbaatar). */
    public record EntityRecord(String registrationId, String name, String jurisdiction, String country, String certificateNumber,
                               String activity, LocalDate registeredOn, LocalDate agreementSignedOn, LocalDate agreementEndsOn,
                               BigDecimal investment, String currency, boolean foreignInvested, LocalDate deregisteredOn) {
    }

    public record Entity(String registrationId, String name, String jurisdiction, String country, String certificateNumber, String activity,
                         LocalDate registeredOn, String agreementSignedOn, String agreementEndsOn, BigDecimal investment, String currency,
                         String statusAtQuarterEnd) {
    }

    public record Report(String zoneId, int year, int quarter, LocalDate firstDay, LocalDate lastDay, List<Entity> entities,
                         Map<String, BigDecimal> totalInvestment, String article) {
    }

    // 003 art. 12.3: each quarter, the foreign-invested legal entities of the zone and their investments, as at the quarter's end
    public static Report build(ZoneId zoneId, Quarter quarter, List<EntityRecord> records) {
        LocalDate first = quarter.firstDay();
        LocalDate last = quarter.lastDay();
        List<Entity> entities = new ArrayList<>();
        Map<String, BigDecimal> totals = new TreeMap<>();
        List<EntityRecord> sorted = records.stream().filter(Objects::nonNull)
                .sorted(Comparator.comparing(EntityRecord::registrationId)).toList();
        for (EntityRecord r : sorted) {
            if (r.registeredOn() == null || r.registeredOn().isAfter(last)) {
                continue;
            }
            if (r.deregisteredOn() != null && r.deregisteredOn().isBefore(first)) {
                continue;
            }
            boolean agreementByQuarterEnd = r.agreementSignedOn() != null && !r.agreementSignedOn().isAfter(last);
            boolean foreign = "FOREIGN".equals(r.jurisdiction()) || (agreementByQuarterEnd && r.foreignInvested());
            if (!foreign) {
                continue;
            }
            BigDecimal investment = agreementByQuarterEnd ? r.investment() : null;
            String currency = agreementByQuarterEnd ? r.currency() : null;
            if (investment != null) {
                totals.merge(currency, investment, BigDecimal::add);
            }
            entities.add(new Entity(r.registrationId(), r.name(), r.jurisdiction(), r.country(), r.certificateNumber(), r.activity(),
                    r.registeredOn(), agreementByQuarterEnd ? r.agreementSignedOn().toString() : null,
                    agreementByQuarterEnd && r.agreementEndsOn() != null ? r.agreementEndsOn().toString() : null, investment, currency,
                    r.deregisteredOn() != null && !r.deregisteredOn().isAfter(last) ? "DEREGISTERED" : "REGISTERED"));
        }
        return new Report(zoneId.value(), quarter.year(), quarter.quarter(), first, last, List.copyOf(entities), totals, ARTICLE);
    }

    /** The SHA-256 of the report's RFC 8785 JSON: what the governor signs. */
    public static String sha256(Report report) {
        JsonNode json = CanonicalJson.mapper().valueToTree(report);
        return Sha256.hex(CanonicalJson.canonicalize(json));
    }

    /**
     * One registration's record from the events of its stream, in order; null when the stream never reached a
     * registration. A new application (after a rejection or a deregistration) starts the record afresh.
     */
    public static EntityRecord fold(List<?> registrationEvents) {
        EntityRecord r = null;
        for (Object e : registrationEvents) {
            if (e instanceof RegistrationEvents.ZoneRegistrationApplied a) {
                r = new EntityRecord(a.registrationId().value(), a.entity().name(), a.entity().jurisdiction().name(), a.entity().country(), null,
                        a.activity().name(), null, null, null, null, null, false, null);
            } else if (r == null) {
                continue;
            } else if (e instanceof RegistrationEvents.EntityRegistered g) {
                r = new EntityRecord(r.registrationId(), r.name(), r.jurisdiction(), r.country(), g.certificate().number(), r.activity(),
                        g.certificate().issuedOn(), r.agreementSignedOn(), r.agreementEndsOn(), r.investment(), r.currency(), r.foreignInvested(),
                        r.deregisteredOn());
            } else if (e instanceof RegistrationEvents.InvestmentAgreementRecorded i) {
                r = new EntityRecord(r.registrationId(), r.name(), r.jurisdiction(), r.country(), r.certificateNumber(), r.activity(),
                        r.registeredOn(), i.signedOn(), i.endsOn(), i.investment().amount(), i.investment().currency(), i.foreignInvested(),
                        r.deregisteredOn());
            } else if (e instanceof RegistrationEvents.EntityDeregistered d) {
                r = new EntityRecord(r.registrationId(), r.name(), r.jurisdiction(), r.country(), r.certificateNumber(), r.activity(),
                        r.registeredOn(), r.agreementSignedOn(), r.agreementEndsOn(), r.investment(), r.currency(), r.foreignInvested(),
                        UlaanbaatarTime.dateOf(d.deregisteredAt()));
            }
        }
        return r == null || r.registeredOn() == null ? null : r;
    }
}
