package mn.registry.statistics;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Statistics in public (002 art. 22.1.2): {@code /api/public/statistics} (JSON: counts by year and month, service
 * levels with their distributions, the data for charts), {@code /api/public/statistics/counts.csv} and
 * {@code /api/public/statistics/service-levels.csv}.
 */
@RestController
class StatisticsController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=utf-8");

    private final Statistics statistics;

    StatisticsController(Statistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping(path = "/api/public/statistics", produces = "application/json")
    ResponseEntity<Statistics.Report> report() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(5, TimeUnit.SECONDS).cachePublic()).body(statistics.report());
    }

    @GetMapping(path = "/api/public/statistics/counts.csv")
    ResponseEntity<String> counts() {
        Statistics.Report report = statistics.report();
        StringBuilder csv = new StringBuilder("period,").append(String.join(",", Statistics.columns())).append("\r\n");
        for (List<Statistics.Counts> rows : List.of(report.byYear(), report.byMonth())) {
            for (Statistics.Counts row : rows) {
                csv.append(row.period());
                Statistics.columns().forEach(c -> csv.append(',').append(row.counts().getOrDefault(c, 0L)));
                csv.append("\r\n");
            }
        }
        return ResponseEntity.ok().contentType(CSV).body(csv.toString());
    }

    @GetMapping(path = "/api/public/statistics/service-levels.csv")
    ResponseEntity<String> serviceLevels() {
        StringBuilder csv = new StringBuilder("deadline,article,working_days_allowed,decided,on_time,on_time_percent,median_working_days,"
                + "p90_working_days,max_working_days,pending,pending_overdue\r\n");
        for (Statistics.ServiceLevel s : statistics.report().serviceLevels()) {
            csv.append(s.deadline()).append(',').append(quote(s.article())).append(',').append(s.workingDaysAllowed()).append(',')
                    .append(s.decided()).append(',').append(s.onTime()).append(',').append(blank(s.onTimePercent())).append(',')
                    .append(blank(s.medianWorkingDays())).append(',').append(blank(s.p90WorkingDays())).append(',')
                    .append(blank(s.maxWorkingDays())).append(',').append(s.pending()).append(',').append(s.pendingOverdue()).append("\r\n");
        }
        return ResponseEntity.ok().contentType(CSV).body(csv.toString());
    }

    private static String blank(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String quote(String value) {
        return value == null ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
