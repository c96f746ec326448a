package mn.registry.kernel.freezone;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The land fee of a licence period by period (003 art. 22.3, 23.1-23.4), covering every day of the licence:
 * <ul>
 *   <li>before operations start, one row per licence year ({@code yearOfOperation} 0): the full fee the Government set
 *       (22.3); 23.1 and 23.2 count years <em>of operation</em>, so no statutory exemption runs before operations start
 *       and none is lost to a late start;</li>
 *   <li>from the start of operations, one row per year of operation with the exemption of 23.1 or 23.2;</li>
 *   <li>a Government exemption of 23.3-23.4 splits the rows at its first and last day; where both apply, the larger
 *       exemption holds (they do not add up: ADR 0013 §6).</li>
 * </ul>
 * Before operations start, the schedule shows the whole licence as "before operations"; recording the start re-computes it.
 */
public final class LandFeeSchedule {

    /** Article of the rows before operations start and of activities with no statutory exemption. */
    public static final String FULL_FEE_ARTICLE = "003 art. 22.3";
    public static final String GOVERNMENT_ARTICLE = "003 art. 23.3-23.4";

    /**
     * One period within the licence: {@code exemptPercent} of the land fee is waived.
     *
     * @param yearOfOperation 0 before operations start
     * @param decision        the Government decision that gives the exemption (23.3-23.4), or null
     */
    public record FeeYear(int yearOfOperation, LocalDate firstDay, LocalDate lastDay, int exemptPercent, String article, String decision) {
    }

    /** A Government exemption (003 art. 23.3-23.4) for one registration or for one activity, from its first to its last day. */
    public record GovernmentExemption(RegistrationId holder, Activity activity, int percent, LocalDate from, LocalDate until, String decision) {

        boolean appliesTo(RegistrationId registration, Activity registeredActivity) {
            return holder != null ? holder.equals(registration) : activity != null && activity == registeredActivity;
        }

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(until);
        }
    }

    private LandFeeSchedule() {
    }

    public static List<FeeYear> of(Activity activity, LocalDate operationsStarted, LocalDate from, LocalDate until) {
        return of(activity, null, operationsStarted, from, until, List.of());
    }

    /**
     * @param activity          the holder's activity as registered (never a licence's free text)
     * @param holder            the holder's registration, for exemptions granted to it by name
     * @param operationsStarted null while operations have not started
     */
    public static List<FeeYear> of(Activity activity, RegistrationId holder, LocalDate operationsStarted, LocalDate from, LocalDate until,
                                   List<GovernmentExemption> exemptions) {
        if (until.isBefore(from)) {
            throw new IllegalArgumentException("a licence ends on or after its first day");
        }
        List<GovernmentExemption> applicable = exemptions.stream().filter(e -> e.appliesTo(holder, activity)).toList();
        TreeSet<LocalDate> starts = new TreeSet<>(List.of(from));
        LocalDate preOperationsEnd = operationsStarted == null || operationsStarted.isAfter(until) ? until.plusDays(1) : operationsStarted;
        for (int k = 1; from.plusYears(k).isBefore(preOperationsEnd); k++) {
            starts.add(from.plusYears(k));
        }
        if (operationsStarted != null) {
            for (int k = 0; !operationsStarted.plusYears(k).isAfter(until); k++) {
                starts.add(operationsStarted.plusYears(k));
            }
        }
        for (GovernmentExemption e : applicable) {
            starts.add(e.from());
            starts.add(e.until().plusDays(1));
        }
        List<LocalDate> bounds = starts.stream().filter(d -> !d.isBefore(from) && !d.isAfter(until)).toList();
        List<FeeYear> rows = new ArrayList<>();
        for (int i = 0; i < bounds.size(); i++) {
            LocalDate first = bounds.get(i);
            LocalDate last = i + 1 < bounds.size() ? bounds.get(i + 1).minusDays(1) : until;
            int year = yearOfOperation(operationsStarted, first);
            int statutory = year == 0 ? 0 : exemptPercent(activity, year);
            GovernmentExemption government = applicable.stream().filter(e -> e.covers(first))
                    .max(Comparator.comparingInt(GovernmentExemption::percent)).orElse(null);
            if (government != null && government.percent() > statutory) {
                rows.add(new FeeYear(year, first, last, government.percent(), GOVERNMENT_ARTICLE, government.decision()));
            } else {
                rows.add(new FeeYear(year, first, last, statutory, year == 0 ? FULL_FEE_ARTICLE : article(activity), null));
            }
        }
        return rows;
    }

    // 003 art. 23.1-23.2: years are years of operation, counted from the day operations started; 0 before that day
    static int yearOfOperation(LocalDate operationsStarted, LocalDate day) {
        if (operationsStarted == null || day.isBefore(operationsStarted)) {
            return 0;
        }
        int k = 0;
        while (!operationsStarted.plusYears(k + 1L).isAfter(day)) {
            k++; // anniversaries as the rows split them (a start on 29 February has its anniversary on 28 February)
        }
        return k + 1;
    }

    // 003 art. 23.1: trade, tourism, hotel 100 % the first 5 years of operation, 50 % the next 3; 23.2: infrastructure and production 100 % the first 10 years
    public static int exemptPercent(Activity activity, int yearOfOperation) {
        if (yearOfOperation < 1) {
            return 0;
        }
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
            case NONE -> FULL_FEE_ARTICLE;
        };
    }
}
