package mn.registry.kernel.permit;

/** The reorganisations on which a permit may pass to the new company (002 art. 23.3). */
public enum Reorganisation {
    MERGER, CONSOLIDATION, DIVISION, SEPARATION, TRANSFORMATION
}
