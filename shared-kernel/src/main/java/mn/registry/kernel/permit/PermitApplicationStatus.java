package mn.registry.kernel.permit;

/**
 * Where a special-permit application stands (domain-rules §3). Later issues add the decisions.
 */
public enum PermitApplicationStatus {
    /** Received and under the intake checks of 002 art. 23.2 and 25.1; nothing is stored in this state. */
    SUBMITTED,
    /** Registered on receipt with a receipt number (002 art. 26.2.1); a decision is due (26.1). */
    REGISTERED
}
