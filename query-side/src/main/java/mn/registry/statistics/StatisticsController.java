package mn.registry.statistics;

import mn.registry.projection.Csv;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Arrays;
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
        List<String> header = new ArrayList<>(List.of("period"));
        header.addAll(Statistics.columns());
        List<List<Object>> lines = new ArrayList<>();
        for (List<Statistics.Counts> rows : List.of(report.byYear(), report.byMonth())) {
            for (Statistics.Counts row : rows) {
                List<Object> line = new ArrayList<>(List.of(row.period()));
                Statistics.columns().forEach(c -> line.add(row.counts().getOrDefault(c, 0L)));
                lines.add(line);
            }
        }
        return ResponseEntity.ok().contentType(CSV).body(Csv.of(header, lines));
    }

    @GetMapping(path = "/api/public/statistics/service-levels.csv")
    ResponseEntity<String> serviceLevels() {
        List<List<Object>> lines = new ArrayList<>();
        for (Statistics.ServiceLevel s : statistics.report().serviceLevels()) {
            lines.add(Arrays.asList(s.deadline(), s.article(), s.workingDaysAllowed(), s.decided(), s.onTime(), s.onTimePercent(),
                    s.medianWorkingDays(), s.p90WorkingDays(), s.maxWorkingDays(), s.pending(), s.pendingOverdue(), s.closedByTheRevocation()));
        }
        return ResponseEntity.ok().contentType(CSV).body(Csv.of(List.of("deadline", "article", "working_days_allowed", "decided", "on_time",
                "on_time_percent", "median_working_days", "p90_working_days", "max_working_days", "pending", "pending_overdue",
                "closed_by_the_revocation"), lines));
    }
}
