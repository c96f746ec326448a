package mn.registry.infrastructure.axon;

/**
 * The start refused on a store whose recorded format is higher than this release's (ADR 0068): a newer release stored events this one
 * would mishandle (abuse audit O227). Printed by {@link NewerStoreFormatAnalyzer} without a stack trace.
 */
public final class NewerStoreFormat extends IllegalStateException {

    /** The setting by which an operator who has read docs/production.md starts this release on that exact format all the same. */
    public static final String ACCEPT = "registry.store.accept-newer-format";
    /** Where the operator reads what an earlier release loses on a newer store. */
    public static final String SECTION = "docs/production.md, \"Upgrading to a new release, and why some may not be rolled back\", "
            + "\"The store's format\"";

    private final int stored;
    private final int own;

    NewerStoreFormat(int stored, int own) {
        super("The store's format is " + stored + ", newer than this release's " + own + ": a newer release stored events this one would "
                + "mishandle (a field it drops, a type it does not know). Not started; see " + SECTION + ".");
        this.stored = stored;
        this.own = own;
    }

    /** The format the store records. */
    public int stored() {
        return stored;
    }

    /** The format this release reads up to. */
    public int own() {
        return own;
    }
}
