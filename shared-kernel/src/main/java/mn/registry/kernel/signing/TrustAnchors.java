package mn.registry.kernel.signing;

import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The CA certificates whose chains a verifier accepts. Trust comes only from here, never from a
 * certificate sent in {@code x5c}.
 */
public record TrustAnchors(List<X509Certificate> certificates) {

    public TrustAnchors {
        certificates = List.copyOf(certificates);
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted CA certificate is needed");
        }
    }

    public static TrustAnchors of(X509Certificate... certificates) {
        return new TrustAnchors(List.of(certificates));
    }

    boolean contains(X509Certificate certificate) {
        return certificates.contains(certificate);
    }

    Set<TrustAnchor> pkix() {
        Set<TrustAnchor> anchors = new LinkedHashSet<>();
        for (X509Certificate certificate : certificates) {
            anchors.add(new TrustAnchor(certificate, null));
        }
        return anchors;
    }
}
