package mn.registry.kernel.pki;

import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.identity.PersonId;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the registry reads from an X.509 certificate: its Ed25519 key, the person it names (the
 * {@code UID} attribute of the subject, RFC 4519), its SHA-256 fingerprint, and its PEM form.
 */
public final class Certificates {

    private Certificates() {
    }

    /** The raw 32-byte Ed25519 public key, or empty if the certificate holds another kind of key. */
    public static Optional<byte[]> ed25519PublicKey(X509Certificate certificate) {
        return Optional.ofNullable(Bc.rawPublicKey(certificate));
    }

    /**
     * The person a certificate names: the subject's {@code UID} (0.9.2342.19200300.100.1.1), which the
     * registry's CA sets to the person id. Empty when there is none, more than one, or it is not a valid id.
     */
    public static Optional<PersonId> personId(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] uids = subject.getRDNs(BCStyle.UID);
        if (uids.length != 1 || uids[0].isMultiValued()) {
            return Optional.empty();
        }
        ASN1Encodable value = uids[0].getFirst().getValue();
        if (!(value instanceof ASN1String text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PersonId(text.getString()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** The subject's common name ({@code CN}), or empty. */
    public static Optional<String> commonName(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] cns = subject.getRDNs(BCStyle.CN);
        if (cns.length == 0 || !(cns[0].getFirst().getValue() instanceof ASN1String text)) {
            return Optional.empty();
        }
        return Optional.of(text.getString());
    }

    /** SHA-256 of the DER encoding, lower-case hex: what {@code openssl x509 -fingerprint -sha256} shows, without colons. */
    public static String fingerprint(X509Certificate certificate) {
        return Sha256.hex(der(certificate));
    }

    public static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    /** One certificate from its DER bytes. */
    public static X509Certificate fromDer(byte[] der) {
        try {
            return (X509Certificate) factory().generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("not an X.509 certificate: " + e.getMessage(), e);
        }
    }

    /** The certificates of a PEM text, in order. */
    public static List<X509Certificate> fromPem(String pem) {
        try {
            Collection<? extends java.security.cert.Certificate> all =
                    factory().generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            List<X509Certificate> certificates = new ArrayList<>();
            for (java.security.cert.Certificate c : all) {
                certificates.add((X509Certificate) c);
            }
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("no certificate in the PEM text");
            }
            return List.copyOf(certificates);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not PEM certificates: " + e.getMessage(), e);
        }
    }

    /** PEM text of certificates, in order. */
    public static String toPem(List<X509Certificate> certificates) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            pem.append(Pem.encode("CERTIFICATE", der(certificate)));
        }
        return pem.toString();
    }

    /** Standard base64 (not URL-safe) of the DER encoding: one entry of a JWS {@code x5c} header. */
    public static String base64Der(X509Certificate certificate) {
        return Base64.getEncoder().encodeToString(der(certificate));
    }

    static CertificateFactory factory() throws CertificateException {
        return CertificateFactory.getInstance("X.509");
    }
}
