package mn.registry.kernel.permit;

import mn.registry.kernel.calendar.WorkingDays;

import java.time.Period;

/** The time limits of 002 ch. 6 that the registry computes with the working-day calendar or as calendar terms. */
public final class PermitDeadlines {

    /** 002 art. 26.1: a decision within 17 working days from the date of receipt of the request. */
    public static final WorkingDays DECISION = WorkingDays.of(17);
    public static final String DECISION_ARTICLE = "002 art. 26.1";
    /** 002 art. 26.4, 27.6: the grant or extension is published within 3 working days of the decision. */
    public static final WorkingDays PUBLICATION = WorkingDays.of(3);
    /** 002 art. 27.1, 27.4: a permit runs five years, and an extension five more. */
    public static final int TERM_YEARS = 5;
    /** 002 art. 27.2: the extension request is due three months before expiry. */
    public static final Period EXTENSION_REQUEST_LEAD = Period.ofMonths(3);
    /** 002 art. 27.2 (choice, ADR 0013 §3): an extension may be requested from six months before expiry, not earlier. */
    public static final Period EXTENSION_REQUEST_WINDOW = Period.ofMonths(6);
    /** 002 art. 27.3: an extension is decided within 5 working days of the request. */
    public static final WorkingDays EXTENSION_DECISION = WorkingDays.of(5);
    /** 002 art. 27.5: with no ground to suspend, the extension is entered within 3 working days. */
    public static final WorkingDays EXTENSION_FAST_PATH = WorkingDays.of(3);
    /** 002 art. 27.7: certificate holders are told one month before an unextended expiry. */
    public static final Period CERTIFICATE_HOLDERS_NOTICE_LEAD = Period.ofMonths(1);
    /** 002 art. 28.1: a suspension lasts at most three months. */
    public static final Period MAXIMUM_SUSPENSION = Period.ofMonths(3);
    /** 002 art. 28.3: holder and tax authority are notified within 3 working days of a suspension. */
    public static final WorkingDays SUSPENSION_NOTICE = WorkingDays.of(3);
    /** 002 art. 20.3.3: the holder reports changes within 3 working days. */
    public static final WorkingDays CHANGE_REPORT = WorkingDays.of(3);
    /** 002 art. 31.1.7: at least one inspection a year. */
    public static final Period INSPECTION_INTERVAL = Period.ofYears(1);
    /**
     * 002 art. 29.4, 29.6 (choice, ADR 0046 item 20): the time the holder has to complain against a revocation before its certificate
     * database may be passed on to another holder; the General Administrative Law's period is outside the seeds, and 30 days is
     * our reading of it.
     */
    public static final Period COMPLAINT_PERIOD = Period.ofDays(30);

    private PermitDeadlines() {
    }
}
