package mn.registry.keystore;

import mn.registry.kernel.pki.Bc;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.pki.CertificateAuthority;
import mn.registry.kernel.pki.RegistryKey;

import mn.registry.kernel.crypto.Ed25519;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import java.util.Objects;

/**
 * The registry's own keys: the demo CA ({@code ca}), the seal key ({@code seal}), the log checkpoint key
 * ({@code checkpoint}) and the time-stamp authority key ({@code tsa}), each with its certificate chain, in one
 * password-protected PKCS#12 keystore {@code <dataDir>/keys/}{@value #KEYSTORE} under those aliases. The certificates
 * (public) are also written beside it as {@code <alias>.cert.pem} for tools. Created on first use, loaded unchanged
 * afterwards. A data directory of an earlier version, with the private keys as PEM files ({@code <alias>.key.pem}),
 * is migrated on first open: the keystore is written, read back and compared, then the PEM private keys are deleted.
 * Retired keys' certificates stay in the keystore as certificate entries ({@code retired-seal-<keyId>},
 * {@code retired-checkpoint-<n>}) so that old seals and checkpoints stay verifiable after a rotation.
 */
public final class RegistryKeys {

    public static final String CA_NAME = "Mongolian Regulatory Registry demo CA";
    public static final String SEAL_NAME = "Mongolian Regulatory Registry seal";
    public static final String CHECKPOINT_NAME = "Mongolian Regulatory Registry log checkpoints";
    public static final String TSA_NAME = "Mongolian Regulatory Registry time-stamp authority";
    /** The keystore's file name under {@code <dataDir>/keys}. */
    public static final String KEYSTORE = "registry.p12";
    /** Alias prefix of retired keys' certificates kept for verification. */
    public static final String RETIRED_PREFIX = "retired-";

    /** How the keys were found when opened, for the start-up log. */
    public enum Origin { CREATED, MIGRATED_FROM_PEM_FILES, OPENED }

    /** Certificates start this long before creation, so a signer whose clock is a little behind is not refused. */
    static final Duration BACKDATE = Duration.ofHours(1);
    private static final List<String> ALIASES = List.of("ca", "seal", "checkpoint", "tsa");

    private final Path directory;
    private final CertificateAuthority ca;
    private final RegistryKey seal;
    private final RegistryKey checkpoint;
    private final RegistryKey timeStamping;
    private final Map<String, X509Certificate> retired;
    private final Origin origin;

    private RegistryKeys(Path directory, CertificateAuthority ca, RegistryKey seal, RegistryKey checkpoint,
                         RegistryKey timeStamping, Map<String, X509Certificate> retired, Origin origin) {
        this.directory = directory;
        this.ca = ca;
        this.seal = seal;
        this.checkpoint = checkpoint;
        this.timeStamping = timeStamping;
        this.retired = Map.copyOf(retired);
        this.origin = origin;
    }

    /**
     * Demo and tests: {@link #openOrCreate(Path, KeystorePassword, Clock)} with the password of
     * {@link KeystorePassword#resolve} in demo mode (the environment variable, else the demo password file).
     */
    public static RegistryKeys openOrCreate(Path dataDir, Clock clock) throws IOException {
        return openOrCreate(dataDir, KeystorePassword.resolve(dataDir, true, System::getenv), clock);
    }

    /**
     * Loads {@code <dataDir>/keys/registry.p12}, first migrating the PEM key files of an earlier version into it, or
     * creating the CA and the three registry keys if the directory has neither. A directory holding only some of the
     * PEM files is refused rather than completed: a new CA would orphan every certificate the old one issued.
     */
    public static RegistryKeys openOrCreate(Path dataDir, KeystorePassword password, Clock clock) throws IOException {
        Objects.requireNonNull(clock, "clock");
        Path directory = dataDir.resolve("keys");
        return KeyDirectoryLock.holding(directory, () -> {
            Path keystore = directory.resolve(KEYSTORE);
            if (Files.exists(keystore)) {
                RegistryKeys keys = load(directory, password, Origin.OPENED);
                deleteMigratedPemKeys(directory, keys);
                return keys;
            }
            List<String> present = new ArrayList<>();
            for (String alias : ALIASES) {
                for (String file : List.of(alias + ".key.pem", alias + ".cert.pem")) {
                    if (Files.exists(directory.resolve(file))) {
                        present.add(file);
                    }
                }
            }
            if (present.isEmpty()) {
                create(directory, password, clock.instant());
                return load(directory, password, Origin.CREATED);
            }
            if (present.size() != ALIASES.size() * 2) {
                throw new IllegalStateException("the key directory " + directory + " is incomplete (has only "
                        + present + "); restore it from a backup or move it away to start with new keys");
            }
            RegistryKeys fromPem = loadPem(directory);
            write(directory, password, fromPem.ca, List.of(fromPem.seal, fromPem.checkpoint, fromPem.timeStamping), Map.of());
            RegistryKeys migrated = load(directory, password, Origin.MIGRATED_FROM_PEM_FILES);
            if (!migrated.equals(fromPem)) {
                Files.delete(keystore);
                throw new IllegalStateException("the keystore written from the PEM key files under " + directory
                        + " does not read back the same keys; the PEM files are left as they were");
            }
            deleteMigratedPemKeys(directory, migrated);
            return migrated;
        });
    }

    /** Loads an existing keystore without ever creating or migrating keys. */
    public static RegistryKeys open(Path dataDir, KeystorePassword password) throws IOException {
        return load(dataDir.resolve("keys"), password, Origin.OPENED);
    }

    private static void create(Path directory, KeystorePassword password, Instant now) throws IOException {
        Instant from = now.truncatedTo(ChronoUnit.SECONDS).minus(BACKDATE);
        CertificateAuthority ca = CertificateAuthority.create(CA_NAME, from, years(from, 20));
        Instant until = years(from, 10);
        write(directory, password, ca, List.of(newServiceKey(ca, "seal", SEAL_NAME, from, until, false),
                newServiceKey(ca, "checkpoint", CHECKPOINT_NAME, from, until, false),
                newServiceKey(ca, "tsa", TSA_NAME, from, until, true)), Map.of());
    }

    /**
     * Writes a new keystore (never over an existing one) holding the CA, the keys and the retired certificates, and
     * the certificate PEM files that are missing.
     */
    static void write(Path directory, KeystorePassword password, CertificateAuthority ca, List<RegistryKey> keys,
                      Map<String, X509Certificate> retired) throws IOException {
        char[] secret = password.value();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("ca", Bc.jcaPrivateKey(ca.privateKey()), secret, new Certificate[]{ca.certificate()});
            for (RegistryKey key : keys) {
                store.setKeyEntry(key.name(), key.jcaPrivateKey(), secret, key.chain().toArray(new Certificate[0]));
            }
            for (Map.Entry<String, X509Certificate> entry : retired.entrySet()) {
                store.setCertificateEntry(entry.getKey(), entry.getValue());
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            store.store(bytes, secret);
            KeyFiles.writePrivate(directory.resolve(KEYSTORE), bytes.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the registry's PKCS#12 keystore", e);
        } finally {
            Arrays.fill(secret, '\0');
        }
        writeCertificateIfMissing(directory, "ca", List.of(ca.certificate()));
        for (RegistryKey key : keys) {
            writeCertificateIfMissing(directory, key.name(), key.chain());
        }
    }

    private static void writeCertificateIfMissing(Path directory, String alias, List<X509Certificate> chain) throws IOException {
        Path file = directory.resolve(alias + ".cert.pem");
        if (!Files.exists(file)) {
            KeyFiles.writePublic(file, Certificates.toPem(chain));
        }
    }

    private static RegistryKeys load(Path directory, KeystorePassword password, Origin origin) throws IOException {
        char[] secret = password.value();
        try (InputStream in = Files.newInputStream(directory.resolve(KEYSTORE))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try {
                store.load(in, secret);
            } catch (IOException e) {
                throw new IllegalStateException("cannot open the registry's keystore " + directory.resolve(KEYSTORE)
                        + ": wrong password (" + KeystorePassword.VARIABLE + ") or a damaged file", e);
            }
            for (String alias : ALIASES) {
                if (!store.isKeyEntry(alias)) {
                    throw new IllegalStateException("the keystore " + directory.resolve(KEYSTORE) + " has no key '" + alias
                            + "'; restore it from a backup");
                }
            }
            CertificateAuthority ca = CertificateAuthority.of(raw(store, "ca", secret), (X509Certificate) store.getCertificate("ca"));
            Map<String, X509Certificate> retired = new TreeMap<>();
            for (String alias : Collections.list(store.aliases())) {
                if (alias.startsWith(RETIRED_PREFIX) && store.isCertificateEntry(alias)) {
                    retired.put(alias, (X509Certificate) store.getCertificate(alias));
                }
            }
            return new RegistryKeys(directory, ca, key(store, "seal", secret), key(store, "checkpoint", secret),
                    key(store, "tsa", secret), retired, origin);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the registry's keystore " + directory.resolve(KEYSTORE), e);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private static byte[] raw(KeyStore store, String alias, char[] secret) throws GeneralSecurityException {
        Key key = store.getKey(alias, secret);
        return Bc.rawPrivateKey(key.getEncoded());
    }

    private static RegistryKey key(KeyStore store, String alias, char[] secret) throws GeneralSecurityException {
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : store.getCertificateChain(alias)) {
            chain.add((X509Certificate) c);
        }
        return new RegistryKey(alias, raw(store, alias, secret), chain);
    }

    /** The keys of an earlier version: PKCS#8 PEM private keys and PEM certificate chains. */
    private static RegistryKeys loadPem(Path directory) throws IOException {
        X509Certificate caCertificate = Certificates.fromPem(read(directory.resolve("ca.cert.pem"))).get(0);
        CertificateAuthority ca = CertificateAuthority.of(KeyFiles.readPrivateKey(directory.resolve("ca.key.pem")), caCertificate);
        return new RegistryKeys(directory, ca, loadPemKey(directory, "seal"), loadPemKey(directory, "checkpoint"),
                loadPemKey(directory, "tsa"), Map.of(), Origin.OPENED);
    }

    private static RegistryKey loadPemKey(Path directory, String name) throws IOException {
        return new RegistryKey(name, KeyFiles.readPrivateKey(directory.resolve(name + ".key.pem")),
                Certificates.fromPem(read(directory.resolve(name + ".cert.pem"))));
    }

    /** Deletes PEM private keys left by a migration, once the keystore is known to hold the same keys. */
    private static void deleteMigratedPemKeys(Path directory, RegistryKeys keys) throws IOException {
        for (String alias : ALIASES) {
            Path file = directory.resolve(alias + ".key.pem");
            if (Files.exists(file)) {
                byte[] inPem = KeyFiles.readPrivateKey(file);
                byte[] inStore = "ca".equals(alias) ? keys.ca.privateKey() : keys.byName(alias).privateKey();
                if (!Arrays.equals(inPem, inStore)) {
                    throw new IllegalStateException(file + " holds another key than the keystore's '" + alias
                            + "'; move one of them away");
                }
                Files.delete(file);
            }
        }
    }

    private RegistryKey byName(String alias) {
        return switch (alias) {
            case "seal" -> seal;
            case "checkpoint" -> checkpoint;
            default -> timeStamping;
        };
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.US_ASCII);
    }

    static Instant years(Instant from, int years) {
        return from.atOffset(ZoneOffset.UTC).plusYears(years).toInstant();
    }

    /** {@code <dataDir>/keys}. */
    public Path directory() {
        return directory;
    }

    /** The demo CA: issues the registry's and the demo people's certificates; a verifier trusts it. */
    public CertificateAuthority ca() {
        return ca;
    }

    public X509Certificate caCertificate() {
        return ca.certificate();
    }

    /** The registry seal (002 art. 6.5, 7): signs every stored event's envelope. */
    public RegistryKey seal() {
        return seal;
    }

    /** How the keys were found: created, migrated from PEM files, or opened. */
    public Origin origin() {
        return origin;
    }

    /** Certificates of retired keys kept for verification, by alias ({@code retired-seal-<keyId>}, ...). */
    public Map<String, X509Certificate> retired() {
        return retired;
    }

    /** Signs the transparency log's checkpoints. */
    public RegistryKey checkpoint() {
        return checkpoint;
    }

    /** The time-stamp authority (RFC 3161; certificate with critical extendedKeyUsage timeStamping). */
    public RegistryKey timeStamping() {
        return timeStamping;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegistryKeys k && ca.certificate().equals(k.ca.certificate())
                && java.util.Arrays.equals(ca.privateKey(), k.ca.privateKey())
                && seal.equals(k.seal) && checkpoint.equals(k.checkpoint) && timeStamping.equals(k.timeStamping);
    }

    @Override
    public int hashCode() {
        return ca.certificate().hashCode();
    }

    @Override
    public String toString() {
        return "RegistryKeys[" + directory + ", ca=" + ca + ", seal=" + seal + ", checkpoint=" + checkpoint
                + ", tsa=" + timeStamping + "]";
    }

    /** A new Ed25519 key and its certificate. */
    static RegistryKey newServiceKey(CertificateAuthority ca, String name, String commonName, Instant from,
                                     Instant until, boolean timeStamping) {
        Ed25519.KeyPair keys = Ed25519.generate(Bc.RANDOM);
        X509Certificate certificate = ca.issueService(commonName, keys.publicKey(), from, until, timeStamping);
        return new RegistryKey(name, keys.privateKey(), List.of(certificate, ca.certificate()));
    }
}
