package mn.registry.kernel.permit;

/** The grounds of revocation of 002 art. 29.1; all but the holder's own request can be complained against (29.6). */
public enum RevocationGround {
    HOLDER_REQUEST("002 art. 29.1.1"),
    LIQUIDATION("002 art. 29.1.2"),
    FALSE_DOCUMENTS("002 art. 29.1.3"),
    REPEATED_VIOLATIONS("002 art. 29.1.4"),
    VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION("002 art. 29.1.5");

    private final String article;

    RevocationGround(String article) {
        this.article = article;
    }

    public String article() {
        return article;
    }

    // 002 art. 29.6: a complaint lies against revocation on the grounds of 29.1.2-29.1.5
    public boolean complaintAllowed() {
        return this != HOLDER_REQUEST;
    }

    /**
     * ADR 0064 (abuse audit F328, was O185): the liquidation (29.1.2) and the false documents determined (29.1.3) are facts outside the
     * registry, shown by a document it receives; the other grounds are on its record (the holder's request, the inspections, the
     * suspension's run-out).
     */
    public boolean restsOnADocument() {
        return this == LIQUIDATION || this == FALSE_DOCUMENTS;
    }
}
