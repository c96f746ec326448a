package mn.registry.kernel.freezone;

/** The grounds on which an entity is removed from a zone's register (003 art. 12.5). */
public enum DeregistrationGround {
    /** Main production or service not started within one year of the investment agreement and the certificate. */
    NOT_STARTED_WITHIN_ONE_YEAR("003 art. 12.5.1", true),
    /** Operations interrupted or stopped for its own reasons for 12 consecutive months. */
    INTERRUPTED_TWELVE_MONTHS("003 art. 12.5.2", true),
    /** A court decided to dissolve it: its land rights end with it (22.7 and the Land Law; choice, ADR 0035 item 16). */
    COURT_DECISION("003 art. 12.5.3", true);

    private final String article;
    private final boolean revokesLandRights;

    DeregistrationGround(String article, boolean revokesLandRights) {
        this.article = article;
        this.revokesLandRights = revokesLandRights;
    }

    public String article() {
        return article;
    }

    // 003 art. 22.6: land rights are revoked on the grounds of 12.5.1 and 12.5.2; 22.7 (choice, ADR 0035 item 16): on 12.5.3 the holder
    // is dissolved, and the Land Law that 22.7 sends the rest to ends the rights of a dissolved legal entity
    public boolean revokesLandRights() {
        return revokesLandRights;
    }

    /** The article the land rights end under on this ground: 22.6 for 12.5.1 and 12.5.2, 22.7 (the Land Law) for a dissolution. */
    public String landArticle() {
        return this == COURT_DECISION ? "003 art. 22.7 (Land Law: the holder is dissolved)" : "003 art. 22.6";
    }
}
