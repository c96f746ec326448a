package mn.registry.kernel.freezone;

import mn.registry.kernel.calendar.LegalTerm;
import mn.registry.kernel.calendar.WorkingDays;

import java.time.LocalDate;

/** The periods the Law on Free Zone sets. */
public final class FreeZoneTerms {

    /** 003 art. 12.2: the application is reviewed within 5 business days of receipt. */
    public static final WorkingDays REVIEW = WorkingDays.of(5);
    public static final String REVIEW_ARTICLE = "003 art. 12.2";
    /**
     * 003 art. 22.3 (the lead's reading, ADR 0035 item 149, choice; abuse audit F585, was O451): a basic value of land recorded lower than
     * the one in force awaits its second Cabinet member's signature for this many working days after its record's receipt (day 0, the
     * registry's working-day calendar); confirmed on the last of them at the latest, after it it lapses, not confirmed.
     */
    public static final WorkingDays LAND_BASE_VALUE_AWAITS = WorkingDays.of(10);
    /** 003 art. 12.5.1: one year to start the main production or service. */
    public static final int START_YEARS = 1;
    /** 003 art. 12.5.2: 12 consecutive months of interruption. */
    public static final int INTERRUPTION_MONTHS = 12;
    /**
     * 003 art. 12.5.2 (choice, ADR 0035 item 17): an interruption recorded more than this many days after the day it names counts
     * its 12 months from its receipt.
     */
    public static final int LATE_INTERRUPTION_DAYS = 30;

    /**
     * 003 art. 12.5.1 (choice, ADR 0035 item 6): the last day of the year to start counted from {@code from}, the certificate's day
     * until an investment agreement is recorded, then the later of the agreement's signing and the certificate (first day counted).
     */
    public static LocalDate startDueBy(LocalDate from) {
        return LegalTerm.years(from, START_YEARS).lastDay();
    }

    /**
     * 003 art. 22.5, 22.7 (choice, ADR 0035 item 20): the days after the grant's day (in Ulaanbaatar) to pay the one-time land fee.
     * The law issues the certificate once it is paid and sends the rest to the Land Law, which is outside the seeds; without a last
     * day an unpaid grant kept its parcel from every other entity for its whole period.
     */
    public static final int LAND_FEE_DAYS = 30;
    public static final String LAND_FEE_ARTICLE = "003 art. 22.5, 22.7";

    /** The last day to pay the one-time fee of rights granted on {@code grantedOn}. */
    public static LocalDate landFeeDueBy(LocalDate grantedOn) {
        return grantedOn.plusDays(LAND_FEE_DAYS);
    }

    /** A temporary closure of a zone's activities (003 art. 6.4): closed from {@code closedOn}, open again from {@code reopenedOn} (null: still closed). */
    public record Closure(LocalDate closedOn, LocalDate reopenedOn) {
    }

    /**
     * 003 art. 6.4, 12.5.1, 12.5.2 (choice, ADR 0035 item 21): the last day of a period that runs from {@code from} to {@code dueBy},
     * moved by the days the zone's activities were closed within it: an entity cannot start or resume operations in a closed zone, so
     * those days do not count. A day counts as closed from the closure's day to the day before the reopening; a closure still in force
     * counts up to {@code today}, and a later look moves the day again. The days a move adds may hold more closed days: counted too.
     */
    public static LocalDate dueAfterClosures(LocalDate from, LocalDate dueBy, java.util.List<Closure> closures, LocalDate today) {
        LocalDate due = dueBy;
        while (true) {
            long closed = 0;
            for (Closure c : closures) {
                LocalDate first = c.closedOn().isBefore(from) ? from : c.closedOn();
                LocalDate last = c.reopenedOn() == null ? today : c.reopenedOn().minusDays(1);
                if (last.isAfter(due)) {
                    last = due;
                }
                if (!last.isBefore(first)) {
                    closed += java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1;
                }
            }
            LocalDate moved = dueBy.plusDays(closed);
            if (moved.equals(due)) {
                return due;
            }
            due = moved;
        }
    }

    /** 003 art. 12.3 (choice, ADR 0013 §7): the quarterly report is due 15 working days after the quarter's last day. */
    public static final WorkingDays REPORT_DUE = WorkingDays.of(15);
    public static final String REPORT_ARTICLE = "003 art. 12.3";

    private FreeZoneTerms() {
    }
}
