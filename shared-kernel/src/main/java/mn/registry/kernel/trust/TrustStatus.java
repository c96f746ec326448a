package mn.registry.kernel.trust;

/**
 * The status of a provider's certification service, with its URI. {@code granted} and {@code withdrawn} are the
 * ETSI TS 119 612 v2 service status URIs; ETSI has no "suspended" status, so a registry URI names it (ADR 0008).
 */
public enum TrustStatus {
    GRANTED("http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted"),
    SUSPENDED("https://registry.mn/TrstSvc/TrustedList/Svcstatus/suspended"),
    WITHDRAWN("http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/withdrawn");

    private final String uri;

    TrustStatus(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }

    /**
     * 002 art. 28.2: a provider whose special permit is suspended may issue no new certificates, and one whose permit
     * is revoked or expired has none; so its certificates are trusted for new signing only while the permit is active.
     */
    public boolean trustedForNewCertificates() {
        return this == GRANTED;
    }
}
