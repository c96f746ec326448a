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

    /**
     * Version 2 of the content (ADR 0035 items 43, 52; O96): each registration period of a stream that meets the quarter, so that an
     * entity registered, removed and registered again within a quarter is reported with both its periods.
     */
    public static final int VERSION_2 = 2;

    /** One registration period of an entity in a version-2 report, as at the quarter's end. */
    public record Period(LocalDate registeredOn, String certificateNumber, LocalDate deregisteredOn, String statusAtQuarterEnd) {
    }

    /**
     * An entity in a version-2 report: listed when any of its periods meets the quarter as a foreign-invested entity's, its agreement
     * and investment the latest agreement signed by the quarter's end in such a period.
     */
    public record EntityV2(String registrationId, String name, String jurisdiction, String country, String activity, String agreementSignedOn,
                           String agreementEndsOn, BigDecimal investment, String currency, List<Period> periods) {
    }

    public record ReportV2(int version, String zoneId, int year, int quarter, LocalDate firstDay, LocalDate lastDay, List<EntityV2> entities,
                           Map<String, BigDecimal> totalInvestment, String article) {
    }

    // 003 art. 12.3: each quarter, the foreign-invested legal entities of the zone and their investments, as at the quarter's end
    public static Report build(ZoneId zoneId, Quarter quarter, List<EntityRecord> records) {
        List<Entity> entities = new ArrayList<>();
        Map<String, BigDecimal> totals = new TreeMap<>();
        List<EntityRecord> sorted = records.stream().filter(Objects::nonNull)
                .sorted(Comparator.comparing(EntityRecord::registrationId)).toList();
        for (EntityRecord r : sorted) {
            Entity entity = asReported(r, quarter);
            if (entity != null) {
                addTo(totals, entity);
                entities.add(entity);
            }
        }
        return new Report(zoneId.value(), quarter.year(), quarter.quarter(), quarter.firstDay(), quarter.lastDay(), List.copyOf(entities), totals, ARTICLE);
    }

    /**
     * 003 art. 12.3, version 2 (ADR 0035 items 43, 52): as {@link #build}, each stream given as its periods ({@link #foldPeriods}); an
     * entity is listed with every period in which it was a foreign-invested entity of the zone during the quarter.
     */
    public static ReportV2 buildV2(ZoneId zoneId, Quarter quarter, List<List<EntityRecord>> streams) {
        List<EntityV2> entities = new ArrayList<>();
        Map<String, BigDecimal> totals = new TreeMap<>();
        List<List<EntityRecord>> sorted = streams.stream().filter(periods -> periods != null && !periods.isEmpty())
                .sorted(Comparator.comparing((List<EntityRecord> periods) -> periods.get(0).registrationId())).toList();
        for (List<EntityRecord> periods : sorted) {
            List<Period> met = new ArrayList<>();
            Entity latest = null;
            Entity agreed = null;
            for (EntityRecord r : periods) {
                Entity entity = asReported(r, quarter);
                if (entity == null) {
                    continue;
                }
                met.add(new Period(r.registeredOn(), r.certificateNumber(), r.deregisteredOn(), entity.statusAtQuarterEnd()));
                latest = entity;
                if (entity.agreementSignedOn() != null && (agreed == null || entity.agreementSignedOn().compareTo(agreed.agreementSignedOn()) >= 0)) {
                    agreed = entity;
                }
            }
            if (latest == null) {
                continue;
            }
            Entity investment = agreed == null ? latest : agreed;
            addTo(totals, investment);
            entities.add(new EntityV2(latest.registrationId(), latest.name(), latest.jurisdiction(), latest.country(), latest.activity(),
                    investment.agreementSignedOn(), investment.agreementEndsOn(), investment.investment(), investment.currency(), List.copyOf(met)));
        }
        return new ReportV2(VERSION_2, zoneId.value(), quarter.year(), quarter.quarter(), quarter.firstDay(), quarter.lastDay(), List.copyOf(entities),
                totals, ARTICLE);
    }

    /**
     * Whether version 2 lists a registration period that version 1 of the same records left out (ADR 0035 item 54): version 1 lists at
     * most one period of an entity, its stream's latest, so it left one out where version 2 lists an entity with more periods than version 1
     * lists of it (two periods may share their day and, within a year, their certificate number: periods are counted, not matched). A
     * quarter reported on version 1 is then to be corrected, the earlier period having been missing.
     */
    public static boolean version1LeftOutAPeriod(Report version1, ReportV2 version2) {
        java.util.Set<String> listed = new java.util.HashSet<>();
        version1.entities().forEach(e -> listed.add(e.registrationId()));
        return version2.entities().stream().anyMatch(e -> e.periods().size() > (listed.contains(e.registrationId()) ? 1 : 0));
    }

    /** One registration period as the quarter's report states it, or null when it is not a foreign-invested entity's in the quarter. */
    private static Entity asReported(EntityRecord r, Quarter quarter) {
        LocalDate first = quarter.firstDay();
        LocalDate last = quarter.lastDay();
        if (r.registeredOn() == null || r.registeredOn().isAfter(last)) {
            return null;
        }
        if (r.deregisteredOn() != null && r.deregisteredOn().isBefore(first)) {
            return null;
        }
        boolean agreementByQuarterEnd = r.agreementSignedOn() != null && !r.agreementSignedOn().isAfter(last);
        boolean foreign = "FOREIGN".equals(r.jurisdiction()) || (agreementByQuarterEnd && r.foreignInvested());
        if (!foreign) {
            return null;
        }
        return new Entity(r.registrationId(), r.name(), r.jurisdiction(), r.country(), r.certificateNumber(), r.activity(),
                r.registeredOn(), agreementByQuarterEnd ? r.agreementSignedOn().toString() : null,
                agreementByQuarterEnd && r.agreementEndsOn() != null ? r.agreementEndsOn().toString() : null,
                agreementByQuarterEnd ? r.investment() : null, agreementByQuarterEnd ? r.currency() : null,
                r.deregisteredOn() != null && !r.deregisteredOn().isAfter(last) ? "DEREGISTERED" : "REGISTERED");
    }

    private static void addTo(Map<String, BigDecimal> totals, Entity entity) {
        if (entity.investment() != null) {
            totals.merge(entity.currency(), entity.investment(), BigDecimal::add);
        }
    }

    /** The SHA-256 of the report's RFC 8785 JSON: what the governor signs. */
    public static String sha256(Report report) {
        return sha256Of(report);
    }

    /** The SHA-256 of a version-2 report's RFC 8785 JSON: what the governor signs from ADR 0035 item 52 on. */
    public static String sha256(ReportV2 report) {
        return sha256Of(report);
    }

    private static String sha256Of(Object report) {
        JsonNode json = CanonicalJson.mapper().valueToTree(report);
        return Sha256.hex(CanonicalJson.canonicalize(json));
    }

    /**
     * One registration's record from the events of its stream, in order; null when the stream never reached a
     * registration. A new application (after a rejection or a deregistration) starts the record afresh (version 1).
     */
    public static EntityRecord fold(List<?> registrationEvents) {
        EntityRecord r = null;
        for (Object e : registrationEvents) {
            r = e instanceof RegistrationEvents.ZoneRegistrationApplied a ? applied(a) : r == null ? null : next(r, e);
        }
        return r == null || r.registeredOn() == null ? null : r;
    }

    /**
     * Each registration period of a stream, in order (version 2, ADR 0035 items 43, 52): a new application closes the previous period
     * instead of erasing it; an application never decided, or rejected, is no period.
     */
    public static List<EntityRecord> foldPeriods(List<?> registrationEvents) {
        List<EntityRecord> periods = new ArrayList<>();
        EntityRecord r = null;
        for (Object e : registrationEvents) {
            if (e instanceof RegistrationEvents.ZoneRegistrationApplied a) {
                closePeriod(periods, r);
                r = applied(a);
            } else if (r != null) {
                r = next(r, e);
            }
        }
        closePeriod(periods, r);
        return List.copyOf(periods);
    }

    private static void closePeriod(List<EntityRecord> periods, EntityRecord r) {
        if (r != null && r.registeredOn() != null) {
            periods.add(r);
        }
    }

    private static EntityRecord applied(RegistrationEvents.ZoneRegistrationApplied a) {
        return new EntityRecord(a.registrationId().value(), a.entity().name(), a.entity().jurisdiction().name(), a.entity().country(), null,
                a.activity().name(), null, null, null, null, null, false, null);
    }

    /** The record after one event of its period (the application's own event excepted). */
    private static EntityRecord next(EntityRecord r, Object e) {
        if (e instanceof RegistrationEvents.EntityRegistered g) {
            return new EntityRecord(r.registrationId(), r.name(), r.jurisdiction(), r.country(), g.certificate().number(), r.activity(),
                    g.certificate().issuedOn(), r.agreementSignedOn(), r.agreementEndsOn(), r.investment(), r.currency(), r.foreignInvested(),
                    r.deregisteredOn());
        }
        if (e instanceof RegistrationEvents.InvestmentAgreementRecorded i) {
            return new EntityRecord(r.registrationId(), r.name(), r.jurisdiction(), r.country(), r.certificateNumber(), r.activity(),
                    r.registeredOn(), i.signedOn(), i.endsOn(), i.investment().amount(), i.investment().currency(), i.foreignInvested(),
                    r.deregisteredOn());
        }
        if (e instanceof RegistrationEvents.EntityDeregistered d) {
            return new EntityRecord(r.registrationId(), r.name(), r.jurisdiction(), r.country(), r.certificateNumber(), r.activity(),
                    r.registeredOn(), r.agreementSignedOn(), r.agreementEndsOn(), r.investment(), r.currency(), r.foreignInvested(),
                    UlaanbaatarTime.dateOf(d.deregisteredAt()));
        }
        return r;
    }
}
