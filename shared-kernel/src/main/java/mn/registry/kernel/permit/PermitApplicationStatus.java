package mn.registry.kernel.permit;

/**
 * Where a special-permit application, then permit, stands (domain-rules §3):
 * SUBMITTED -> REGISTERED -> (APPROVED_PENDING_INSURANCE | REFUSED) -> ACTIVE <-> SUSPENDED -> (REVOKED | EXPIRED).
 * An extension keeps a permit ACTIVE with a new expiry; a transfer keeps it ACTIVE with a new holder.
 */
public enum PermitApplicationStatus {
    /** Received and under the intake checks of 002 art. 23.2 and 25.1; nothing is stored in this state. */
    SUBMITTED,
    /** Registered on receipt with a receipt number (002 art. 26.2.1); a decision is due (26.1). */
    REGISTERED,
    /** Approved: the permit is issued once the applicant is insured (002 art. 26.2.2, 26.2.3). */
    APPROVED_PENDING_INSURANCE,
    /** Refused with reasons (002 art. 26.3). */
    REFUSED,
    /** Issued and in force (002 art. 26.6, 27.1). */
    ACTIVE,
    /** Suspended for at most three months (002 art. 28.1). */
    SUSPENDED,
    /** Revoked (002 art. 29.1). */
    REVOKED,
    /** Invalid at the end of its term without extension (002 art. 29.2). */
    EXPIRED
}
