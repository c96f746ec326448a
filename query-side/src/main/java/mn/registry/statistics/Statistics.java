package mn.registry.statistics;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.calendar.DateOutsideCalendarException;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.permit.RevocationGround;
import mn.registry.kernel.permit.RevocationStanding;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The statistics as published: counts per year and per month, and the measured service level of each legal deadline
 * ("17 working days allowed; median 6; 98.7 % on time"). Aggregated from {@code stat_facts} on reading (re-read at
 * most every two seconds); working days are counted with the current calendar, the day of receipt being day 0.
 */
@Component
class Statistics {

    private static final long TTL_NANOS = 2_000_000_000L;
    private static final List<String> COUNTED = List.of("issued", "extended", "suspended", "restored", "revoked", "expired", "certificatesReported");

    /** Counts of one period ({@code 2026} or {@code 2026-11}), in the order of {@link #columns()}. */
    public record Counts(String period, Map<String, Long> counts) {
    }

    /**
     * One legal deadline's measured service level over the decisions made: how many, how many on time, the
     * distribution of working days taken (days -> decisions) and its median and 90th percentile.
     */
    public record ServiceLevel(String deadline, String article, int workingDaysAllowed, long decided, long onTime, Double onTimePercent,
                               Integer medianWorkingDays, Integer p90WorkingDays, Integer maxWorkingDays, Map<Integer, Long> distribution,
                               long pending, long pendingOverdue, long closedByTheRevocation, String summary) {
    }

    public record Report(List<Counts> byYear, List<Counts> byMonth, List<ServiceLevel> serviceLevels) {
    }

    private final MongoCollection<Document> facts;
    private final CurrentCalendar calendar;
    private final Clock clock;
    private volatile Report cached;
    private volatile long cachedAt;

    Statistics(MongoDatabase database, CurrentCalendar calendar, Clock clock) {
        this.facts = database.getCollection(StatisticsProjection.FACTS);
        this.calendar = calendar;
        this.clock = clock;
    }

    public static List<String> columns() {
        return COUNTED;
    }

    public Report report() {
        Report r = cached;
        if (r != null && System.nanoTime() - cachedAt < TTL_NANOS) {
            return r;
        }
        r = compute();
        cached = r;
        cachedAt = System.nanoTime();
        return r;
    }

    private Report compute() {
        Map<String, Map<String, Long>> years = new TreeMap<>();
        Map<String, Map<String, Long>> months = new TreeMap<>();
        Map<String, List<Document>> decisions = new TreeMap<>();
        for (Document d : facts.find()) {
            String kind = d.getString("kind");
            if ("count".equals(kind)) {
                String on = d.getString("on");
                long n = d.get("n", Number.class).longValue();
                years.computeIfAbsent(on.substring(0, 4), k -> zeros()).merge(d.getString("what"), n, Long::sum);
                months.computeIfAbsent(on.substring(0, 7), k -> zeros()).merge(d.getString("what"), n, Long::sum);
            } else if ("decision".equals(kind)) {
                decisions.computeIfAbsent(d.getString("deadline"), k -> new ArrayList<>()).add(d);
            }
        }
        WorkingDayCalendar cal = calendar.get();
        LocalDate today = LocalDate.now(clock.withZone(mn.registry.kernel.calendar.UlaanbaatarTime.ZONE));
        List<ServiceLevel> levels = new ArrayList<>();
        decisions.forEach((deadline, rows) -> levels.add(serviceLevel(deadline, rows, cal, today)));
        return new Report(counts(years), counts(months), levels);
    }

    private static Map<String, Long> zeros() {
        Map<String, Long> m = new java.util.LinkedHashMap<>();
        COUNTED.forEach(c -> m.put(c, 0L));
        return m;
    }

    private static List<Counts> counts(Map<String, Map<String, Long>> byPeriod) {
        List<Counts> out = new ArrayList<>();
        byPeriod.forEach((period, counts) -> out.add(new Counts(period, counts)));
        return out;
    }

    /** Decisions within the limit: decided on or before the due date (002 art. 26.1, 27.5; 003 art. 12.2). */
    static ServiceLevel serviceLevel(String deadline, List<Document> rows, WorkingDayCalendar cal, LocalDate today) {
        Map<Integer, Long> distribution = new TreeMap<>();
        List<Integer> taken = new ArrayList<>();
        long onTime = 0;
        long pending = 0;
        long pendingOverdue = 0;
        long closedByTheRevocation = 0;
        int allowed = 0;
        String article = null;
        for (Document row : rows) {
            allowed = Math.max(allowed, row.get("workingDays", Number.class).intValue());
            article = row.getString("article");
            LocalDate due = LocalDate.parse(row.getString("due"));
            String decidedOn = row.getString("decidedOn");
            if (decidedOn == null && closedByTheRevocation(row, today)) {
                closedByTheRevocation++;
                continue;
            }
            if (decidedOn == null) {
                pending++;
                if (today.isAfter(due)) {
                    pendingOverdue++;
                }
                continue;
            }
            LocalDate decided = LocalDate.parse(decidedOn);
            int days;
            try {
                days = Math.max(0, cal.workingDaysBetween(LocalDate.parse(row.getString("receivedOn")), decided));
            } catch (DateOutsideCalendarException e) {
                continue;
            }
            taken.add(days);
            distribution.merge(days, 1L, Long::sum);
            if (!decided.isAfter(due)) {
                onTime++;
            }
        }
        taken.sort(null);
        long decidedCount = taken.size();
        Integer median = decidedCount == 0 ? null : taken.get((taken.size() - 1) / 2);
        Integer p90 = decidedCount == 0 ? null : taken.get((int) Math.ceil(0.9 * taken.size()) - 1);
        Integer max = decidedCount == 0 ? null : taken.get(taken.size() - 1);
        Double percent = decidedCount == 0 ? null : Math.round(1000.0 * onTime / decidedCount) / 10.0;
        String summary = allowed + " working days allowed; " + (decidedCount == 0 ? "no decisions yet"
                : "median " + median + "; " + percent + " % on time (" + onTime + " of " + decidedCount + ")");
        return new ServiceLevel(deadline, article, allowed, decidedCount, onTime, percent, median, p90, max, distribution, pending,
                pendingOverdue, closedByTheRevocation, summary);
    }

    /**
     * 002 art. 27.3, 29.6 (the lead's reading of O269, ADR 0046 item 114): an extension request undecided on a revoked permit is closed,
     * neither pending nor decided, once the revocation stands at the registry's clock ({@code today}); the projection keeps the facts.
     */
    static boolean closedByTheRevocation(Document row, LocalDate today) {
        String revokedOn = row.getString(StatisticsProjection.REVOKED_ON);
        String ground = row.getString(StatisticsProjection.REVOCATION_GROUND);
        return revokedOn != null && ground != null && RevocationStanding.stands(RevocationGround.valueOf(ground), LocalDate.parse(revokedOn),
                Boolean.TRUE.equals(row.getBoolean(StatisticsProjection.COMPLAINT_FILED)),
                Boolean.TRUE.equals(row.getBoolean(StatisticsProjection.COMPLAINT_REJECTED)), today);
    }
}
