package mn.registry.kernel.pki;

import mn.registry.kernel.crypto.Ed25519;
import mn.registry.kernel.identity.PersonId;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A person's Ed25519 private key with the certificate chain that names them (signer first). Loaded from
 * a person directory ({@code key.pem}, {@code cert.pem}), a PEM pair, or a PKCS#12 file. The private key
 * never shows in {@link #toString()}.
 */
public final class SigningIdentity {

    private final PersonId person;
    private final byte[] privateKey;
    private final List<X509Certificate> chain;

    public SigningIdentity(PersonId person, byte[] privateKey, List<X509Certificate> chain) {
        this.person = Objects.requireNonNull(person, "person");
        this.privateKey = Objects.requireNonNull(privateKey, "private key").clone();
        this.chain = List.copyOf(chain);
        if (this.privateKey.length != Ed25519.KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 private key has 32 bytes");
        }
        if (this.chain.isEmpty()) {
            throw new IllegalArgumentException("a signing identity needs its certificate");
        }
        byte[] certified = Bc.rawPublicKey(this.chain.get(0));
        if (certified == null || !Arrays.equals(certified, Ed25519.publicKeyOf(this.privateKey))) {
            throw new IllegalArgumentException("the private key does not match the certificate's Ed25519 public key");
        }
    }

    /** Reads {@code key.pem} and {@code cert.pem} (signer first, then its CA) of a person directory. */
    public static SigningIdentity fromDirectory(Path personDirectory) throws IOException {
        return fromPem(personDirectory.resolve("key.pem"), personDirectory.resolve("cert.pem"));
    }

    /**
     * A PKCS#8 PEM private key and a PEM certificate chain; the person is the certificate's {@code UID}.
     */
    public static SigningIdentity fromPem(Path keyPem, Path certificatePem) throws IOException {
        byte[] key = Pem.readPrivateKey(keyPem);
        List<X509Certificate> chain = Certificates.fromPem(Files.readString(certificatePem, StandardCharsets.US_ASCII));
        return new SigningIdentity(personOf(chain.get(0)), key, chain);
    }

    /** The first private-key entry of a PKCS#12 file (JDK {@code KeyStore}), with its chain. */
    public static SigningIdentity fromPkcs12(Path file, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                if (!(key instanceof PrivateKey privateKey)) {
                    continue;
                }
                List<X509Certificate> chain = new ArrayList<>();
                for (Certificate c : store.getCertificateChain(alias)) {
                    chain.add((X509Certificate) c);
                }
                return new SigningIdentity(personOf(chain.get(0)), Bc.rawPrivateKey(privateKey.getEncoded()), chain);
            }
            throw new IllegalArgumentException("no private key in " + file);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the PKCS#12 file " + file + ": " + e.getMessage(), e);
        }
    }

    private static PersonId personOf(X509Certificate certificate) {
        return Certificates.personId(certificate).orElseThrow(() -> new IllegalArgumentException(
                "the certificate names no person (no UID in its subject): " + certificate.getSubjectX500Principal()));
    }

    /** Writes {@code key.pem} (0600) and {@code cert.pem} into a new directory. */
    void writeTo(Path personDirectory) throws IOException {
        OwnerOnly.createDirectories(personDirectory);
        Pem.writePublic(personDirectory.resolve("cert.pem"), Certificates.toPem(chain));
        Pem.writePrivate(personDirectory.resolve("key.pem"), Pem.privateKeyPem(privateKey));
    }

    public PersonId person() {
        return person;
    }

    /** The raw 32-byte private key (a copy). */
    public byte[] privateKey() {
        return privateKey.clone();
    }

    public byte[] publicKey() {
        return Bc.rawPublicKey(chain.get(0));
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Signer's certificate first, then the certificates that issued it. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** An Ed25519 signature of the message with this person's key. */
    public byte[] sign(byte[] message) {
        return Ed25519.sign(privateKey, message);
    }

    @Override
    public String toString() {
        return "SigningIdentity[" + person + ", certificate sha256=" + Certificates.fingerprint(chain.get(0)) + "]";
    }
}
