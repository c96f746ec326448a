package mn.registry.keystore;

import mn.registry.kernel.pki.Bc;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.pki.Pem;
import mn.registry.kernel.pki.SigningIdentity;

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
import java.util.Collections;
import java.util.List;

/** A person's {@link SigningIdentity} in files: a person directory ({@code key.pem}, {@code cert.pem}), a PEM pair, or a PKCS#12 file. */
public final class SigningIdentities {

    private SigningIdentities() {
    }

    /** Reads {@code key.pem} and {@code cert.pem} (signer first, then its CA) of a person directory. */
    public static SigningIdentity fromDirectory(Path personDirectory) throws IOException {
        return fromPem(personDirectory.resolve("key.pem"), personDirectory.resolve("cert.pem"));
    }

    /**
     * A PKCS#8 PEM private key and a PEM certificate chain; the person is the certificate's {@code UID}.
     */
    public static SigningIdentity fromPem(Path keyPem, Path certificatePem) throws IOException {
        byte[] key = KeyFiles.readPrivateKey(keyPem);
        List<X509Certificate> chain = Certificates.fromPem(Files.readString(certificatePem, StandardCharsets.US_ASCII));
        return SigningIdentity.of(key, chain);
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
                return SigningIdentity.of(Bc.rawPrivateKey(privateKey.getEncoded()), chain);
            }
            throw new IllegalArgumentException("no private key in " + file);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the PKCS#12 file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code key.pem} (0600) and {@code cert.pem} into a new directory. */
    public static void write(SigningIdentity identity, Path personDirectory) throws IOException {
        OwnerOnly.createDirectories(personDirectory);
        KeyFiles.writePublic(personDirectory.resolve("cert.pem"), Certificates.toPem(identity.chain()));
        KeyFiles.writePrivate(personDirectory.resolve("key.pem"), Pem.privateKeyPem(identity.privateKey()));
    }
}
