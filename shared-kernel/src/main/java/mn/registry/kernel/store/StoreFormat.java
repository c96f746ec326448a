package mn.registry.kernel.store;

/**
 * The store's format (ADR 0068): a number that grows each time a release stores events an earlier release would mishandle (a new
 * event type, a new or removed field, a new constant of an enum an event holds, a field's type or meaning changed). A release reads
 * stores up to its own {@link #CURRENT} and refuses to start on a store whose recorded format is higher, so that an operator who rolls
 * back does not start a release that drops what it does not know (abuse audit O227).
 * <p>
 * {@code StoreFormatShapesTest} (shared-kernel) holds the event shapes of {@link #CURRENT} in {@code store-format-<CURRENT>.shapes}: an
 * event record or enum that changes fails it until its author records the new shapes, under a new number when the change ships in a
 * release after the last one that raised it (ADR 0068 item 3).
 */
public final class StoreFormat {

    /**
     * This release's format. 1: the stores of every release up to session 22's. 2: session 23's release, whose grants and ends name
     * their order ({@code RoleGranted.documentSha256}, {@code RoleRevoked.documentSha256}, ADR 0061 item 21) and whose revocations
     * name their evidence ({@code PermitRevoked.evidenceSha256}, F328), the shapes of session 24's release too. 3: session 25's
     * release, whose governors' appointments and dismissals name their decision's document ({@code GovernorAppointed.decisionSha256},
     * {@code GovernorDismissed.decisionSha256}, ADR 0061 item 27). 4: session 26's release, whose persons' streams may hold a stored act's
     * stated order ({@code StoredActOrderStated}, ADR 0061 item 31), a type session 25's release does not know. 5: session 27's release,
     * whose registrations' duties to record a court decision name their calendar and move with it ({@code CourtDecisionToRecord.calendarVersion},
     * {@code CourtDecisionToRecordDueRecomputed}, ADR 0035 item 89), a type session 26's release does not know, and whose statement may name
     * an act of a zone's stream ({@code StoredActOrderStated.onTheZonesStream}, ADR 0061 item 36), which session 26's release would read as a
     * number of the person's own stream. 6: session 29's release, whose permits' streams may hold a suspension's notice stored late by an
     * earlier release found done in time ({@code PermitDutyFoundDoneInTime}, ADR 0046 item 135), and the extension request's due date moved
     * by the calendar in force at its firing ({@code PermitExtensionRequestDueRecomputed}, ADR 0046 item 132): types session 28's release
     * does not know; and whose representatives' grants name their company ({@code RoleGranted.company}, ADR 0061 item 44), which
     * session 28's release would drop; and whose claims of a Free Zone application's papers name the paper each was named as
     * ({@code document_claims.paper}, ADR 0057 items 17-18), which session 28's release ignores; and whose certificates of land rights name the
     * receipt's document ({@code LandLicenceIssued.receiptSha256}, ADR 0035 item 102), a field session 28's release drops. 7: session 30's
     * release, whose signed statements of a stored act's order state the persons the order concerns ({@code StateStoredActOrder.orderConcerns},
     * ADR 0061 item 55), kept in the archived command and on the order's claim, which session 29's release ignores (no event shape);
     * and whose zones' land registers may hold the Government's basic value of land ({@code LandBaseValueRecorded}, ADR 0035 item
     * 108), a type session 29's release does not know, and whose certificates of land rights may name the governor's reason for another
     * receipt's document than the holder's report ({@code LandLicenceIssued.otherReceiptReason}, ADR 0035 item 107), a field it drops.
     * and whose permits' streams may hold the holder's representative named outside a transfer ({@code HolderRepresentativeNamed},
     * ADR 0046 item 145), a type session 29's release does not know (it would keep the representative it knew acting for the holder).
     * And whose persons' streams may hold the company of a representative's grant naming none, stated by an official
     * ({@code RepresentativesCompanyStated}, ADR 0061 item 63), a type session 29's release does not know (it would let that grant act for
     * any company). 8: session 31's release, whose zones' land registers may hold the result of the tender or auction that selected a land
     * application ({@code LandSelectionResultRecorded}, ADR 0035 item 130), a type session 30's release does not know (it would grant on no result);
     * and a second Cabinet member's confirmation of a lower basic value of land ({@code LandBaseValueConfirmed}, ADR 0035 item 142), a type
     * session 30's release does not know, and a lower value recorded awaiting it ({@code LandBaseValueRecorded.awaitsSecondSignature}), a field
     * it drops (it would put the lower value in force at its record). 9: session 32's release, whose index of the companies on record
     * ({@code permit_companies_on_record}) holds the companies whose permit was revoked because they were liquidated, and the upheld
     * complaints that annulled such a revocation ({@code liquidated}, {@code annulled}: ADR 0046 item 166), fields session 31's release does
     * not read (it would let a liquidated company apply again, or receive a permit by transfer); and whose zones' land registers may hold a
     * governor's annulment of a tender's or auction's result before any land rights rested on it ({@code LandSelectionResultAnnulled}, ADR
     * 0035 item 147), a type session 31's release does not know (it would still hold the annulled result, and grant on it). 10: session
     * 33's release, whose zone registration decisions received after the 5 business days of 003 art. 12.2 carry {@code lateAfter}
     * ({@code EntityRegistered}, {@code ZoneRegistrationRejected}: ADR 0035 item 170), a field session 32's release ignores (it would record
     * a late decision as in time).
     */
    public static final int CURRENT = 10;

    /**
     * The format of a store that records none: written by a release before ADR 0068 (session 23's or 24's, or an older one, which
     * reads as if it were theirs: a number records only that no event is newer than it says). A fresh store also records none
     * until its first node has started.
     */
    public static final int UNRECORDED = 2;

    private StoreFormat() {
    }
}
