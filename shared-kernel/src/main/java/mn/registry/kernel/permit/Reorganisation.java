package mn.registry.kernel.permit;

/**
 * The reorganisations on which a permit may pass to the new company (002 art. 23.3). The article passes the right "to the newly created
 * company"; in a merger the company the holder is absorbed into existed before, in the other four forms the reorganisation creates it
 * (ADR 0046 item 102, the lead's reading). A merger, a consolidation, a division and a transformation end the holder; a separation leaves
 * it (the lead's readings, ADR 0046 items 102 and 108: a transformation, a change of legal form, creates the new company and ends the
 * predecessor, whose rights pass to it).
 */
public enum Reorganisation {
    MERGER, CONSOLIDATION, DIVISION, SEPARATION, TRANSFORMATION;

    /** Whether the company the permit passes to is created by this reorganisation (every form but a merger). */
    public boolean createsTheSuccessor() {
        return this != MERGER;
    }

    /** Whether the holder (the predecessor) ceases to exist by this reorganisation: every form but a separation (ADR 0046 item 108). */
    public boolean endsThePredecessor() {
        return this != SEPARATION;
    }
}
