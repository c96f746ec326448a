package mn.registry.kernel.pki;

import mn.registry.kernel.crypto.Ed25519;
import mn.registry.kernel.identity.PersonId;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * An Ed25519 certification authority: the registry's demo CA, or any other (tests make untrusted
 * ones). It issues person certificates (CN = display name, UID = person id, digitalSignature and
 * nonRepudiation) and service certificates for the registry's own keys. Its private key never shows
 * in {@link #toString()}.
 */
public final class CertificateAuthority {

    private final byte[] privateKey;
    private final X509Certificate certificate;

    private CertificateAuthority(byte[] privateKey, X509Certificate certificate) {
        this.privateKey = privateKey.clone();
        this.certificate = Objects.requireNonNull(certificate);
        byte[] certified = Bc.rawPublicKey(certificate);
        if (certified == null || !java.util.Arrays.equals(certified, Ed25519.publicKeyOf(privateKey))) {
            throw new IllegalArgumentException("the CA's private key does not match its certificate");
        }
    }

    /** A new self-signed CA (basicConstraints CA:true critical, keyUsage keyCertSign and cRLSign). */
    public static CertificateAuthority create(String commonName, Instant notBefore, Instant notAfter) {
        return create(commonName, Ed25519.generate(Bc.RANDOM).privateKey(), notBefore, notAfter);
    }

    /** As {@link #create(String, Instant, Instant)}, with a given raw 32-byte Ed25519 private key. */
    public static CertificateAuthority create(String commonName, byte[] privateKey, Instant notBefore, Instant notAfter) {
        Ed25519.KeyPair keys = new Ed25519.KeyPair(privateKey, Ed25519.publicKeyOf(privateKey));
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "MN")
                .addRDN(BCStyle.O, "Mongolian Regulatory Registry")
                .addRDN(BCStyle.CN, commonName)
                .build();
        SubjectPublicKeyInfo spki = Bc.publicKeyInfo(keys.publicKey());
        X509Certificate certificate = build(name, spki, name, spki, keys.privateKey(), notBefore, notAfter,
                new BasicConstraints(true), KeyUsage.keyCertSign | KeyUsage.cRLSign, null);
        return new CertificateAuthority(keys.privateKey(), certificate);
    }

    /** A CA from its stored private key and certificate. */
    public static CertificateAuthority of(byte[] privateKey, X509Certificate certificate) {
        return new CertificateAuthority(privateKey, certificate);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The CA's raw private key: for storing it, never for showing it. */
    public byte[] privateKey() {
        return privateKey.clone();
    }

    /**
     * A certificate for a natural person: subject {@code CN=<displayName>, UID=<personId>} (and
     * {@code O=<organization>} when given), keyUsage digitalSignature and nonRepudiation (critical).
     */
    public X509Certificate issuePerson(PersonId person, String displayName, String organization,
                                       byte[] publicKey, Instant notBefore, Instant notAfter) {
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "MN");
        if (organization != null && !organization.isBlank()) {
            subject.addRDN(BCStyle.O, organization);
        }
        subject.addRDN(BCStyle.CN, displayName).addRDN(BCStyle.UID, person.value());
        return issue(subject.build(), publicKey, notBefore, notAfter,
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation, null);
    }

    /** A new key pair for a person and its certificate, as a signing identity (chain: person, this CA). */
    public SigningIdentity newPerson(PersonId person, String displayName, String organization,
                                     Instant notBefore, Instant notAfter) {
        Ed25519.KeyPair keys = Ed25519.generate(Bc.RANDOM);
        X509Certificate cert = issuePerson(person, displayName, organization, keys.publicKey(), notBefore, notAfter);
        return new SigningIdentity(person, keys.privateKey(), List.of(cert, certificate));
    }

    /**
     * A certificate for one of the registry's own keys (seal, checkpoint): subject {@code CN=<commonName>},
     * keyUsage digitalSignature and nonRepudiation; with {@code timeStamping} the extended key usage
     * id-kp-timeStamping, critical, as RFC 3161 §2.3 requires of a time-stamp authority.
     */
    public X509Certificate issueService(String commonName, byte[] publicKey, Instant notBefore, Instant notAfter,
                                        boolean timeStamping) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "MN")
                .addRDN(BCStyle.O, "Mongolian Regulatory Registry")
                .addRDN(BCStyle.CN, commonName)
                .build();
        return issue(subject, publicKey, notBefore, notAfter, KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
                timeStamping ? new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping) : null);
    }

    private X509Certificate issue(X500Name subject, byte[] publicKey, Instant notBefore, Instant notAfter,
                                  int keyUsage, ExtendedKeyUsage extendedKeyUsage) {
        X500Name issuer = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        return build(issuer, Bc.publicKeyInfo(Bc.rawPublicKey(certificate)), subject, Bc.publicKeyInfo(publicKey),
                privateKey, notBefore, notAfter, new BasicConstraints(false), keyUsage, extendedKeyUsage);
    }

    private static X509Certificate build(X500Name issuer, SubjectPublicKeyInfo issuerKey, X500Name subject,
                                         SubjectPublicKeyInfo subjectKey, byte[] signingKey,
                                         Instant notBefore, Instant notAfter, BasicConstraints basicConstraints,
                                         int keyUsage, ExtendedKeyUsage extendedKeyUsage) {
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter must be after notBefore");
        }
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer, new BigInteger(127, Bc.RANDOM).add(BigInteger.ONE),
                    Date.from(notBefore), Date.from(notAfter), subject, subjectKey)
                    .addExtension(Extension.basicConstraints, true, basicConstraints)
                    .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerKey));
            if (extendedKeyUsage != null) {
                builder.addExtension(Extension.extendedKeyUsage, true, extendedKeyUsage);
            }
            ContentSigner signer = new JcaContentSignerBuilder("Ed25519").setProvider(Bc.PROVIDER)
                    .build(Bc.jcaPrivateKey(signingKey));
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (CertIOException | NoSuchAlgorithmException | OperatorCreationException e) {
            throw new IllegalStateException("cannot build a certificate", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the certificate just built", e);
        }
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + certificate.getSubjectX500Principal().getName() + ", sha256="
                + Certificates.fingerprint(certificate) + "]";
    }
}
