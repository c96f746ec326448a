package mn.registry.kernel.freezone;

/** The grounds on which an entity is removed from a zone's register (003 art. 12.5). */
public enum DeregistrationGround {
    /** Main production or service not started within one year of the investment agreement and the certificate. */
    NOT_STARTED_WITHIN_ONE_YEAR("003 art. 12.5.1", true),
    /** Operations interrupted or stopped for its own reasons for 12 consecutive months. */
    INTERRUPTED_TWELVE_MONTHS("003 art. 12.5.2", true),
    /** A court decided to dissolve it. */
    COURT_DECISION("003 art. 12.5.3", false);

    private final String article;
    private final boolean revokesLandRights;

    DeregistrationGround(String article, boolean revokesLandRights) {
        this.article = article;
        this.revokesLandRights = revokesLandRights;
    }

    public String article() {
        return article;
    }

    // 003 art. 22.6: land rights are revoked on the grounds of 12.5.1 and 12.5.2
    public boolean revokesLandRights() {
        return revokesLandRights;
    }
}
