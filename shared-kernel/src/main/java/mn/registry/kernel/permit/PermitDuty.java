package mn.registry.kernel.permit;

/** Duties with a due date that the registry raises and flags when overdue, each with its article. */
public enum PermitDuty {
    /** The ministry publishes the grant within 3 working days of the decision. */
    PUBLISH_GRANT("002 art. 26.4"),
    /** The ministry publishes an extension within 3 working days of the decision. */
    PUBLISH_EXTENSION("002 art. 27.6"),
    /** The ministry decides an extension request within 5 working days of receipt. */
    DECIDE_EXTENSION("002 art. 27.3"),
    /** One month before an unextended expiry the holder has told its certificate holders. */
    NOTIFY_CERTIFICATE_HOLDERS("002 art. 27.7"),
    /** The ministry notifies the holder and the tax authority of a suspension within 3 working days. */
    NOTIFY_SUSPENSION("002 art. 28.3"),
    /** The holder hands its certificate database to the ministry on revocation. */
    HAND_OVER_DATABASE("002 art. 29.3"),
    /** At least one inspection a year. */
    ANNUAL_INSPECTION("002 art. 31.1.7");

    private final String article;

    PermitDuty(String article) {
        this.article = article;
    }

    public String article() {
        return article;
    }
}
