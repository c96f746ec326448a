package mn.registry.kernel.permit;

import mn.registry.kernel.calendar.WorkingDays;

/** The time limits of 002 ch. 6 that the registry computes with the working-day calendar. */
public final class PermitDeadlines {

    /** 002 art. 26.1: a decision within 17 working days from the date of receipt of the request. */
    public static final WorkingDays DECISION = WorkingDays.of(17);
    public static final String DECISION_ARTICLE = "002 art. 26.1";

    private PermitDeadlines() {
    }
}
