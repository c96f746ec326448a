package mn.registry.kernel.log;

import mn.registry.kernel.crypto.Sha256;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * RFC 3161 time-stamp tokens made by the registry's own time-stamp authority key (Ed25519, RFC 8419 in CMS)
 * over the SHA-256 message imprint of some bytes (a checkpoint's text), and their verification.
 */
public final class TimeStamps {

    /** The TSA policy named in each token: anyPolicy, until the registry registers a policy OID of its own. */
    public static final String POLICY = "2.5.29.32.0";
    private static final Provider BC = new BouncyCastleProvider();

    private TimeStamps() {
    }

    /** What a verified token says. */
    public record Stamp(Instant time, BigInteger serialNumber, X509Certificate tsaCertificate) {
    }

    /** A DER-encoded TimeStampToken (CMS SignedData) over SHA-256(data) at {@code time}, carrying the TSA's chain. */
    public static byte[] stamp(byte[] data, PrivateKey tsaKey, List<X509Certificate> tsaChain, BigInteger serial, Instant time) {
        try {
            var signer = new JcaSimpleSignerInfoGeneratorBuilder().setProvider(BC).build("Ed25519", tsaKey, tsaChain.get(0));
            var sha256 = new JcaDigestCalculatorProviderBuilder().setProvider(BC).build()
                    .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            TimeStampTokenGenerator generator = new TimeStampTokenGenerator(signer, sha256, new ASN1ObjectIdentifier(POLICY));
            generator.addCertificates(new JcaCertStore(tsaChain));
            TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
            requests.setCertReq(true);
            TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256, Sha256.digest(data));
            return generator.generate(request, serial, Date.from(time)).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a time-stamp token: " + e.getMessage(), e);
        }
    }

    /**
     * Verifies a token over {@code data}: the message imprint is SHA-256(data), the CMS signature verifies with the
     * certificate inside the token, that certificate is a time-stamping certificate valid at the stamped time and
     * issued by {@code trustedCa}. Throws {@link IllegalArgumentException} naming the first failure.
     */
    public static Stamp verify(byte[] tokenDer, byte[] data, X509Certificate trustedCa) {
        TimeStampToken token;
        try {
            token = new TimeStampToken(new CMSSignedData(tokenDer));
        } catch (Exception e) {
            throw new IllegalArgumentException("the time-stamp token is not a DER RFC 3161 token: " + e.getMessage());
        }
        var imprint = token.getTimeStampInfo();
        if (!TSPAlgorithms.SHA256.equals(imprint.getMessageImprintAlgOID())) {
            throw new IllegalArgumentException("the time-stamp token's imprint is not SHA-256");
        }
        if (!MessageDigest.isEqual(imprint.getMessageImprintDigest(), Sha256.digest(data))) {
            throw new IllegalArgumentException("the time-stamp token is over other data than the checkpoint");
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("the time-stamp token does not carry its signer's certificate");
        }
        X509Certificate tsa;
        try {
            X509CertificateHolder holder = matches.iterator().next();
            tsa = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().setProvider(BC).getCertificate(holder);
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(holder));
        } catch (Exception e) {
            throw new IllegalArgumentException("the time-stamp token's signature does not verify: " + e.getMessage());
        }
        Date time = imprint.getGenTime();
        try {
            tsa.checkValidity(time);
            tsa.verify(trustedCa.getPublicKey(), BC);
        } catch (Exception e) {
            throw new IllegalArgumentException("the time-stamp authority's certificate is not valid at " + time.toInstant()
                    + " or not issued by " + trustedCa.getSubjectX500Principal().getName() + ": " + e.getMessage());
        }
        return new Stamp(time.toInstant(), imprint.getSerialNumber(), tsa);
    }
}
