package mn.registry.kernel.freezone;

/**
 * The grounds on which an entity is removed from a zone's register (003 art. 12.5). On every one of them the entity's land rights
 * end: 22.6 revokes them on 12.5.1 and 12.5.2; on 12.5.3 the holder is dissolved, and the Land Law that 22.7 sends the rest to ends
 * the rights of a dissolved legal entity (choice, ADR 0035 item 16). Deregistrations sealed before that choice carry
 * {@code revokesLandRights == false} for 12.5.3 in their event, as sealed.
 */
public enum DeregistrationGround {
    /** Main production or service not started within one year of the investment agreement and the certificate. */
    NOT_STARTED_WITHIN_ONE_YEAR("003 art. 12.5.1", "003 art. 22.6"),
    /** Operations interrupted or stopped for its own reasons for 12 consecutive months. */
    INTERRUPTED_TWELVE_MONTHS("003 art. 12.5.2", "003 art. 22.6"),
    /** A court decided to dissolve it: its land rights end with it. */
    COURT_DECISION("003 art. 12.5.3", "003 art. 22.7 (Land Law: the holder is dissolved)");

    private final String article;
    private final String landArticle;

    DeregistrationGround(String article, String landArticle) {
        this.article = article;
        this.landArticle = landArticle;
    }

    public String article() {
        return article;
    }

    /** The article the land rights end under on this ground: 22.6 for 12.5.1 and 12.5.2, 22.7 (the Land Law) for a dissolution. */
    public String landArticle() {
        return landArticle;
    }
}
