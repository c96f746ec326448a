package mn.registry.kernel.freezone;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The land fee of a licence year by year (003 art. 23.1-23.2): one row per year of the holder's operation
 * that overlaps the licence period, with the exemption that year earns. Years of operation count from the
 * start of operations; before operations start, from the licence's first day (choice, docs/adr/0006).
 */
public final class LandFeeSchedule {

    /** One year of operation within the licence period: {@code exemptPercent} of the land fee is waived. */
    public record FeeYear(int yearOfOperation, LocalDate firstDay, LocalDate lastDay, int exemptPercent, String article) {
    }

    private LandFeeSchedule() {
    }

    public static List<FeeYear> of(Activity activity, LocalDate operationsStarted, LocalDate from, LocalDate until) {
        if (until.isBefore(from)) {
            throw new IllegalArgumentException("a licence ends on or after its first day");
        }
        LocalDate origin = operationsStarted == null ? from : operationsStarted;
        List<FeeYear> rows = new ArrayList<>();
        for (int k = 0; ; k++) {
            LocalDate yearStart = origin.plusYears(k);
            LocalDate yearEnd = origin.plusYears(k + 1L).minusDays(1);
            if (yearStart.isAfter(until)) {
                break;
            }
            if (yearEnd.isBefore(from)) {
                continue;
            }
            LocalDate first = yearStart.isBefore(from) ? from : yearStart;
            LocalDate last = yearEnd.isAfter(until) ? until : yearEnd;
            rows.add(new FeeYear(k + 1, first, last, exemptPercent(activity, k + 1), article(activity)));
        }
        return rows;
    }

    // 003 art. 23.1: trade, tourism, hotel 100 % the first 5 years of operation, 50 % the next 3; 23.2: infrastructure and production 100 % the first 10 years
    public static int exemptPercent(Activity activity, int yearOfOperation) {
        return switch (activity.exemption()) {
            case TRADE_TOURISM_HOTEL -> yearOfOperation <= 5 ? 100 : yearOfOperation <= 8 ? 50 : 0;
            case INFRASTRUCTURE_PRODUCTION -> yearOfOperation <= 10 ? 100 : 0;
            case NONE -> 0;
        };
    }

    static String article(Activity activity) {
        return switch (activity.exemption()) {
            case TRADE_TOURISM_HOTEL -> "003 art. 23.1";
            case INFRASTRUCTURE_PRODUCTION -> "003 art. 23.2";
            case NONE -> "003 art. 22.3";
        };
    }
}
