package mn.registry.infrastructure.keys;

import mn.registry.infrastructure.RegistryProperties;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.keystore.KeystorePassword;
import mn.registry.keystore.RegistryKeys;
import mn.registry.kernel.signing.TrustAnchors;
import mn.registry.store.SealingKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;

/** Opens (on first start: creates) the registry's keys under {@code <data-dir>/keys}. */
@AutoConfiguration(after = mn.registry.infrastructure.time.ClockConfiguration.class)
public class KeysConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KeysConfiguration.class);

    /**
     * The keystore {@code <data-dir>/keys/registry.p12}, its password from {@code REGISTRY_KEYSTORE_PASSWORD}; in demo
     * mode only, a generated password file beside it when the variable is not set. Outside demo mode the registry
     * refuses to start without the variable. The password is never logged.
     */
    @Bean
    @ConditionalOnMissingBean
    public RegistryKeys registryKeys(RegistryProperties properties, mn.registry.infrastructure.datadir.DataDirectory dataDirectory) {
        Path directory = properties.dataDir().resolve("keys").toAbsolutePath().normalize();
        try {
            KeystorePassword password = KeystorePassword.resolve(properties.dataDir(), properties.demo(), System::getenv);
            switch (password.source()) {
                case ENVIRONMENT -> log.info("Keystore password from the environment variable {}", KeystorePassword.VARIABLE);
                case DEMO_FILE -> log.warn("Demo mode: keystore password read from {} because {} is not set; production sets the variable",
                        password.file(), KeystorePassword.VARIABLE);
                case DEMO_FILE_GENERATED -> log.warn("Demo mode: {} is not set, so a keystore password was generated into {} (mode 0600); "
                        + "production sets the variable and keeps no password file", KeystorePassword.VARIABLE, password.file());
            }
            RegistryKeys keys = RegistryKeys.openOrCreate(properties.dataDir(), password, Clock.systemUTC());
            switch (keys.origin()) {
                case CREATED -> log.info("First start: created the registry's keys (seal, checkpoint, time-stamp authority, demo CA) "
                        + "in the PKCS#12 keystore {}", directory.resolve(RegistryKeys.KEYSTORE));
                case MIGRATED_FROM_PEM_FILES -> log.warn("Moved the registry's keys from the PEM key files under {} into the PKCS#12 keystore {}"
                        + " (read back and compared; the PEM private key files are deleted, the certificates stay)", directory,
                        directory.resolve(RegistryKeys.KEYSTORE));
                case OPENED -> log.info("Registry keys opened from {}", directory.resolve(RegistryKeys.KEYSTORE));
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the registry's keys under " + properties.dataDir(), e);
        }
    }

    /** The seal key, with an id derived from its public key so a rotated key gets a new id. */
    @Bean
    @ConditionalOnMissingBean
    public SealingKey sealingKey(RegistryKeys keys) {
        return new SealingKey(keyId(keys.seal().publicKey()), keys.seal().privateKey());
    }

    @Bean
    @ConditionalOnMissingBean
    public TrustAnchors trustAnchors(RegistryKeys keys) {
        return TrustAnchors.of(keys.caCertificate());
    }

    /**
     * How far a signer's {@code signedAt} may lie from the registry's time of receipt, either way (ADR 0013): a signed
     * act is made now, so a back-dated {@code signedAt} cannot reach a time when the signer still held a role.
     */
    public static final java.time.Duration MAX_CLOCK_SKEW = java.time.Duration.ofMinutes(5);

    /**
     * Checks signed commands and sign-ins against the registry's trust anchors: {@code signedAt} within
     * {@link #MAX_CLOCK_SKEW} of the registry's time of receipt, either way; in demo mode, whose clock may have been
     * moved forward, within that skew of either the demo time or the physical time (a person signs on a real clock).
     */
    @Bean
    @ConditionalOnMissingBean
    public mn.registry.kernel.signing.SignedCommandVerifier signedCommandVerifier(TrustAnchors anchors, Clock registryClock) {
        Clock physical = registryClock instanceof mn.registry.infrastructure.time.RegistryClock registry && registry.movable()
                ? registry.realTime() : null;
        return new mn.registry.kernel.signing.SignedCommandVerifier(anchors, registryClock, physical, MAX_CLOCK_SKEW, MAX_CLOCK_SKEW);
    }

    /** The public keys of retired seal keys kept in the keystore ({@code retired-seal-<keyId>}), by key id. */
    public static java.util.Map<String, byte[]> retiredSealKeys(RegistryKeys keys) {
        java.util.Map<String, byte[]> retired = new java.util.TreeMap<>();
        keys.retired().forEach((alias, certificate) -> {
            if (alias.startsWith(RegistryKeys.RETIRED_PREFIX + "seal-")) {
                byte[] raw = mn.registry.kernel.pki.Certificates.ed25519PublicKey(certificate).orElseThrow();
                retired.put(keyId(raw), raw);
            }
        });
        return retired;
    }

    public static String keyId(byte[] publicKey) {
        return "seal-" + Sha256.hex(publicKey).substring(0, 16);
    }
}
