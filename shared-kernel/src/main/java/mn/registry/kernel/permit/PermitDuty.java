package mn.registry.kernel.permit;

import mn.registry.kernel.calendar.WorkingDays;

/**
 * Duties with a due date that the registry raises and flags when overdue, each with its article, the party that owes
 * it and the act that discharges it (ADR 0013 §4). A duty is discharged by the act it stands for (a decision, a
 * publication, an inspection); only where the law names no act is it marked done by a signed record, and then only by
 * the party that owes it.
 */
public enum PermitDuty {
    /** The ministry publishes the grant within 3 working days of the decision: done by the checkpoint that publishes it. */
    PUBLISH_GRANT("002 art. 26.4", Party.REGISTRY, Discharge.CHECKPOINT),
    /** The ministry publishes an extension within 3 working days of the decision: done by the checkpoint that publishes it. */
    PUBLISH_EXTENSION("002 art. 27.6", Party.REGISTRY, Discharge.CHECKPOINT),
    /** The ministry decides an extension request within 5 working days of receipt: done by the decision. */
    DECIDE_EXTENSION("002 art. 27.3", Party.MINISTRY, Discharge.DECISION),
    /** One month before an unextended expiry the holder has told its certificate holders. */
    NOTIFY_CERTIFICATE_HOLDERS("002 art. 27.7", Party.HOLDER, Discharge.SIGNED_RECORD),
    /** The ministry notifies the holder and the tax authority of a suspension within 3 working days. */
    NOTIFY_SUSPENSION("002 art. 28.3", Party.MINISTRY, Discharge.SIGNED_RECORD),
    /** The holder hands its certificate database to the ministry on revocation. */
    HAND_OVER_DATABASE("002 art. 29.3", Party.HOLDER, Discharge.SIGNED_RECORD),
    /** At least one inspection a year: done by a recorded inspection. */
    ANNUAL_INSPECTION("002 art. 31.1.7", Party.MINISTRY, Discharge.INSPECTION),
    /** A suspension ran out: the supervisor restores or revokes within {@link #AFTER_SUSPENSION_DECISION} working days (choice). */
    DECIDE_AFTER_SUSPENSION("002 art. 28.4, 29.1.5", Party.MINISTRY, Discharge.DECISION),
    /** The tax authority asked for a suspension: the ministry suspends or refuses within {@link #TAX_REQUEST_DECISION} working days (choice). */
    DECIDE_TAX_SUSPENSION_REQUEST("002 art. 28.1", Party.MINISTRY, Discharge.DECISION),
    /**
     * The holder stays insured through the term (choice, ADR 0046 item 34, abuse audit F140): due on the last day the recorded policy
     * covers, done by the renewed policy recorded.
     */
    RENEW_INSURANCE("002 art. 26.2.3", Party.HOLDER, Discharge.INSURANCE);

    /** ADR 0013 §4: the supervisor decides (restore or revoke) within 5 working days after a suspension ran out. */
    public static final WorkingDays AFTER_SUSPENSION_DECISION = WorkingDays.of(5);
    /** ADR 0013 §4: the ministry decides the tax authority's request within 5 working days of its receipt. */
    public static final WorkingDays TAX_REQUEST_DECISION = WorkingDays.of(5);

    /** Who owes a duty. */
    public enum Party {
        /** The ministry (reviewer or supervisor). */
        MINISTRY,
        /** The permit holder, through the representative who acts for it. */
        HOLDER,
        /** The registry itself (its publication by the transparency log). */
        REGISTRY
    }

    /** What discharges a duty. */
    public enum Discharge {
        /** Only the decision it stands for. */
        DECISION,
        /** Only the registry's time-stamped checkpoint that publishes the record. */
        CHECKPOINT,
        /** Only a recorded inspection. */
        INSPECTION,
        /** Only a recorded policy that covers beyond the one the duty was raised for. */
        INSURANCE,
        /** The law names no act: a signed record with evidence, by the party that owes it. */
        SIGNED_RECORD
    }

    private final String article;
    private final Party owedBy;
    private final Discharge dischargedBy;

    PermitDuty(String article, Party owedBy, Discharge dischargedBy) {
        this.article = article;
        this.owedBy = owedBy;
        this.dischargedBy = dischargedBy;
    }

    public String article() {
        return article;
    }

    public Party owedBy() {
        return owedBy;
    }

    public Discharge dischargedBy() {
        return dischargedBy;
    }
}
