package mn.registry.kernel.permit;

/**
 * The reorganisations on which a permit may pass to the new company (002 art. 23.3). The article passes the right "to the newly created
 * company"; in a merger the company the holder is absorbed into existed before, in the other four forms the reorganisation creates it
 * (ADR 0046 item 102, the lead's reading). A merger, a consolidation and a division end the holder; a separation and a transformation
 * leave it (the lead's reading).
 */
public enum Reorganisation {
    MERGER, CONSOLIDATION, DIVISION, SEPARATION, TRANSFORMATION;

    /** Whether the company the permit passes to is created by this reorganisation (every form but a merger). */
    public boolean createsTheSuccessor() {
        return this != MERGER;
    }

    /** Whether the holder (the predecessor) ceases to exist by this reorganisation: a merger, a consolidation, a division. */
    public boolean endsThePredecessor() {
        return this == MERGER || this == CONSOLIDATION || this == DIVISION;
    }
}
