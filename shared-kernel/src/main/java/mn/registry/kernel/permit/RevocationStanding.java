package mn.registry.kernel.permit;

import java.time.LocalDate;

/**
 * 002 art. 29.6 (ADR 0046 items 106, 111, 114): when a revocation stands, no complaint being able to annul it any more, by the registry's
 * own reading: the holder's complaint rejected (one complaint per revocation), the complaint period over with none filed (a later one is
 * refused, F127), or a revocation against which none lies (29.1.1). Judged at a day the reader gives (the registry's receipt for an act,
 * its clock for a page or the statistics), from facts the events record: the one rule the aggregate and the readers share.
 */
public final class RevocationStanding {

    private RevocationStanding() {
    }

    /**
     * @param ground            the revocation's ground
     * @param revokedOn         the day in Ulaanbaatar the registry received the revocation: the complaint period runs from it
     * @param complaintFiled    a complaint against it is on record (pending or decided)
     * @param complaintRejected the complaint against it was rejected
     * @param today             the day judged, in Ulaanbaatar
     */
    public static boolean stands(RevocationGround ground, LocalDate revokedOn, boolean complaintFiled, boolean complaintRejected, LocalDate today) {
        boolean periodOverWithNone = !complaintFiled && today.isAfter(revokedOn.plus(PermitDeadlines.COMPLAINT_PERIOD));
        return !ground.complaintAllowed() || complaintRejected || periodOverWithNone;
    }
}
