package mn.registry.kernel.pki;

import mn.registry.kernel.crypto.Ed25519;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The registry's own keys under {@code <dataDir>/keys/}: the demo CA ({@code ca.*}), the seal key
 * ({@code seal.*}), the log checkpoint key ({@code checkpoint.*}) and the time-stamp authority key
 * ({@code tsa.*}); each a PKCS#8 PEM private key ({@code .key.pem}, mode 0600) and a PEM certificate
 * chain ({@code .cert.pem}) issued by the CA. Created on first use, loaded unchanged afterwards.
 */
public final class RegistryKeys {

    public static final String CA_NAME = "Mongolian Regulatory Registry demo CA";
    public static final String SEAL_NAME = "Mongolian Regulatory Registry seal";
    public static final String CHECKPOINT_NAME = "Mongolian Regulatory Registry log checkpoints";
    public static final String TSA_NAME = "Mongolian Regulatory Registry time-stamp authority";

    /** Certificates start this long before creation, so a signer whose clock is a little behind is not refused. */
    static final Duration BACKDATE = Duration.ofHours(1);
    private static final String[] FILES = {"ca.key.pem", "ca.cert.pem", "seal.key.pem", "seal.cert.pem",
            "checkpoint.key.pem", "checkpoint.cert.pem", "tsa.key.pem", "tsa.cert.pem"};

    private final Path directory;
    private final CertificateAuthority ca;
    private final RegistryKey seal;
    private final RegistryKey checkpoint;
    private final RegistryKey timeStamping;

    private RegistryKeys(Path directory, CertificateAuthority ca, RegistryKey seal, RegistryKey checkpoint,
                         RegistryKey timeStamping) {
        this.directory = directory;
        this.ca = ca;
        this.seal = seal;
        this.checkpoint = checkpoint;
        this.timeStamping = timeStamping;
    }

    /**
     * Loads {@code <dataDir>/keys/}, creating the CA and the three registry keys first if the directory
     * has none. A directory holding only some of the files is refused rather than completed: a new CA
     * would orphan every certificate the old one issued.
     */
    public static RegistryKeys openOrCreate(Path dataDir, Clock clock) throws IOException {
        Objects.requireNonNull(clock, "clock");
        Path directory = dataDir.resolve("keys");
        return KeyDirectoryLock.holding(directory, () -> {
            List<String> present = new ArrayList<>();
            for (String file : FILES) {
                if (Files.exists(directory.resolve(file))) {
                    present.add(file);
                }
            }
            if (present.isEmpty()) {
                create(directory, clock.instant());
            } else if (present.size() != FILES.length) {
                throw new IllegalStateException("the key directory " + directory + " is incomplete (has only "
                        + present + "); restore it from a backup or move it away to start with new keys");
            }
            return load(directory);
        });
    }

    /** Loads an existing {@code <dataDir>/keys/} without ever creating keys. */
    public static RegistryKeys open(Path dataDir) throws IOException {
        return load(dataDir.resolve("keys"));
    }

    private static void create(Path directory, Instant now) throws IOException {
        Instant from = now.truncatedTo(ChronoUnit.SECONDS).minus(BACKDATE);
        CertificateAuthority ca = CertificateAuthority.create(CA_NAME, from, years(from, 20));
        Instant until = years(from, 10);
        writeKey(directory, newServiceKey(ca, "seal", SEAL_NAME, from, until, false));
        writeKey(directory, newServiceKey(ca, "checkpoint", CHECKPOINT_NAME, from, until, false));
        writeKey(directory, newServiceKey(ca, "tsa", TSA_NAME, from, until, true));
        Pem.writePrivate(directory.resolve("ca.key.pem"), Pem.privateKeyPem(ca.privateKey()));
        Pem.writePublic(directory.resolve("ca.cert.pem"), Certificates.toPem(List.of(ca.certificate())));
    }

    private static void writeKey(Path directory, RegistryKey key) throws IOException {
        String name = key.name();
        Pem.writePrivate(directory.resolve(name + ".key.pem"), Pem.privateKeyPem(key.privateKey()));
        Pem.writePublic(directory.resolve(name + ".cert.pem"), Certificates.toPem(key.chain()));
    }

    private static RegistryKeys load(Path directory) throws IOException {
        X509Certificate caCertificate = Certificates.fromPem(read(directory.resolve("ca.cert.pem"))).get(0);
        CertificateAuthority ca = CertificateAuthority.of(Pem.readPrivateKey(directory.resolve("ca.key.pem")), caCertificate);
        return new RegistryKeys(directory, ca, loadKey(directory, "seal"), loadKey(directory, "checkpoint"),
                loadKey(directory, "tsa"));
    }

    private static RegistryKey loadKey(Path directory, String name) throws IOException {
        return new RegistryKey(name, Pem.readPrivateKey(directory.resolve(name + ".key.pem")),
                Certificates.fromPem(read(directory.resolve(name + ".cert.pem"))));
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
