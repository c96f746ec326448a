package mn.registry.permit.api;

import java.time.LocalDate;

/**
 * A Mongolian company the registry holds as no longer existing, as the Free Zone's intake reads it (003 art. 12.1, 22; ADR 0035 items
 * 163-164, choice; abuse audit F605-F606, was O452): liquidated (its permit revoked on 002 art. 29.1.2, no complaint upheld against that
 * revocation) or ended by a reorganisation (23.3). The permit register's own answer ({@link CeasedCompanies}), given outside its package.
 *
 * @param registrationNumber the company's state registration number
 * @param on                 the day it ceased (the revocation's receipt's day; the day the reorganisation took effect)
 * @param liquidated         true when liquidated (29.1.2), false when a reorganisation ended it (23.3)
 */
public record CompanyEnded(String registrationNumber, LocalDate on, boolean liquidated) {

    /** The article of the permit law the ending rests on: 002 art. 29.1.2 or 002 art. 23.3. */
    public String article() {
        return liquidated ? "002 art. 29.1.2" : "002 art. 23.3";
    }

    /** How it ended, in English words for a refusal's message. */
    public String how() {
        return liquidated ? "its permit was revoked because it was liquidated, and no complaint against that revocation was upheld"
                : "a reorganisation (merger, consolidation, division or transformation) ended it";
    }
}
