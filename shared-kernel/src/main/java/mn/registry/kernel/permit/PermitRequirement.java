package mn.registry.kernel.permit;

/** The requirements a refusal can name (002 art. 26.3: a refusal states its reasons), each with its article. */
public enum PermitRequirement {
    COMPANY_UNDER_MONGOLIAN_LAW("002 art. 23.2"),
    CERTIFICATE_ISSUING_PROCEDURE("002 art. 24.1.1"),
    FINANCIAL_HUMAN_TECHNICAL_SECURITY("002 art. 24.1.2"),
    STATE_REGISTRATION_CERTIFICATE("002 art. 25.1.1"),
    ISSUING_PROCEDURE_DOCUMENT("002 art. 25.1.2"),
    CORRESPONDENT_BANK_REFERENCE("002 art. 25.1.3"),
    AUDITED_FINANCIAL_STATEMENTS("002 art. 25.1.4"),
    SECURITY_AUDIT_REPORT("002 art. 25.1.5"),
    INTERNATIONAL_STANDARDS_REPORT("002 art. 25.1.6"),
    OTHER_PERMIT_COPY("002 art. 25.1.7"),
    /** An extension refused because a ground to suspend exists (002 art. 27.5). */
    NO_GROUND_TO_SUSPEND("002 art. 27.5"),
    /** An extension request without proof of stamp duty (002 art. 27.2). */
    STAMP_DUTY_PAID("002 art. 27.2");

    private final String article;

    PermitRequirement(String article) {
        this.article = article;
    }

    public String article() {
        return article;
    }
}
