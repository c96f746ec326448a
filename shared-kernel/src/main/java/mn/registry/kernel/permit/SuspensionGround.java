package mn.registry.kernel.permit;

/** The grounds of suspension of 002 art. 28.1, and the role that must sign each. */
public enum SuspensionGround {
    /** A violation of the permit's terms, conditions or requirements, on the State Communications Inspector's opinion. */
    INSPECTOR_OPINION,
    /** Two or more tax evasions or avoidances, on the tax authority's request. */
    TAX_EVASIONS;

    public String article() {
        return "002 art. 28.1";
    }
}
