package mn.registry.permit.command;

import mn.registry.kernel.permit.Reorganisation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A company the permit register has on record (ADR 0046 item 102), by its state registration number: since the registry first received
 * an act naming it (an application registered for it, a permit passed to or from it), and, if a reorganisation ended it (the holder of
 * a permit passed on a merger, a consolidation or a division, 002 art. 23.3), the day it ceased and by which form.
 *
 * @param since    the receipt of the first stored act naming the company
 * @param ceasedOn the day the first reorganisation that ended it took effect (its receipt's day for a transfer stored without the day);
 *                 null while none did
 * @param ceasedBy that reorganisation's form; null while none ended it
 * @param liquidated the revocation of its permit because it was liquidated (002 art. 29.1.2) that stands, no complaint upheld against it
 *                   (ADR 0046 item 166, F577); null while none stands
 */
record CompanyOnRecord(Instant since, LocalDate ceasedOn, Reorganisation ceasedBy, CompanyLiquidated liquidated) {

    /** A company no revocation on 29.1.2 names. */
    CompanyOnRecord(Instant since, LocalDate ceasedOn, Reorganisation ceasedBy) {
        this(since, ceasedOn, ceasedBy, null);
    }

    /** Whether a reorganisation ended the company. */
    boolean ceased() {
        return ceasedOn != null;
    }
}
