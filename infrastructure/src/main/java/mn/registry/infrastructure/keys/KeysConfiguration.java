package mn.registry.infrastructure.keys;

import mn.registry.infrastructure.RegistryProperties;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.pki.RegistryKeys;
import mn.registry.kernel.signing.TrustAnchors;
import mn.registry.store.SealingKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/** Opens (on first start: creates) the registry's keys under {@code <data-dir>/keys}. */
@AutoConfiguration(after = mn.registry.infrastructure.time.ClockConfiguration.class)
public class KeysConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KeysConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    public RegistryKeys registryKeys(RegistryProperties properties) {
        try {
            boolean first = !java.nio.file.Files.exists(properties.dataDir().resolve("keys"));
            if (first) {
                log.info("First start: creating the registry's keys (seal, checkpoint, time-stamp authority, demo CA) under {}",
                        properties.dataDir().resolve("keys").toAbsolutePath().normalize());
            }
            return RegistryKeys.openOrCreate(properties.dataDir(), Clock.systemUTC());
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

    /** How far ahead of the registry's clock a signer's clock may be. */
    public static final java.time.Duration MAX_CLOCK_SKEW = java.time.Duration.ofMinutes(5);

    /** Checks signed commands and sign-ins against the registry's trust anchors, on the registry's clock. */
    @Bean
    @ConditionalOnMissingBean
    public mn.registry.kernel.signing.SignedCommandVerifier signedCommandVerifier(TrustAnchors anchors, Clock registryClock) {
        return new mn.registry.kernel.signing.SignedCommandVerifier(anchors, registryClock, MAX_CLOCK_SKEW);
    }

    public static String keyId(byte[] publicKey) {
        return "seal-" + Sha256.hex(publicKey).substring(0, 16);
    }
}
