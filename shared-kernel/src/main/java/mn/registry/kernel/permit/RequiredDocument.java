package mn.registry.kernel.permit;

/**
 * The documents a special-permit applicant submits (002 art. 25.1.1–25.1.7). Each names its article;
 * (7) is required only when the applicant holds another permit.
 */
public enum RequiredDocument {
    /** 25.1.1: a copy of the state registration certificate of the legal entity. */
    STATE_REGISTRATION_CERTIFICATE("002 art. 25.1.1", true),
    /** 25.1.2: the certificate issuing procedure. */
    CERTIFICATE_ISSUING_PROCEDURE("002 art. 25.1.2", true),
    /** 25.1.3: the reference of the correspondent bank. */
    CORRESPONDENT_BANK_REFERENCE("002 art. 25.1.3", true),
    /** 25.1.4: certified financial statements with audit conclusions. */
    AUDITED_FINANCIAL_STATEMENTS("002 art. 25.1.4", true),
    /** 25.1.5: report on cyber-security risk assessment and information-security audit. */
    SECURITY_RISK_ASSESSMENT_AND_AUDIT("002 art. 25.1.5", true),
    /** 25.1.6: report on meeting the requirements of international professional associations and standards bodies. */
    INTERNATIONAL_STANDARDS_REPORT("002 art. 25.1.6", true),
    /** 25.1.7: a copy of the permit, if another type of permit is held. */
    OTHER_PERMIT_COPY("002 art. 25.1.7", false);

    private final String article;
    private final boolean alwaysRequired;

    RequiredDocument(String article, boolean alwaysRequired) {
        this.article = article;
        this.alwaysRequired = alwaysRequired;
    }

    /** The article that asks for this document, e.g. {@code "002 art. 25.1.4"}. */
    public String article() {
        return article;
    }

    /** Whether every applicant must submit it; {@link #OTHER_PERMIT_COPY} only if another permit is held. */
    public boolean alwaysRequired() {
        return alwaysRequired;
    }

    /** Whether an applicant that does (or does not) hold another permit must submit this document. */
    public boolean requiredWhen(boolean holdsOtherPermit) {
        return alwaysRequired || holdsOtherPermit;
    }
}
