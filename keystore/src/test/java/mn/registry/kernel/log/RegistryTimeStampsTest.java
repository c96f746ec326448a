package mn.registry.kernel.log;

import mn.registry.kernel.crypto.Ed25519;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import mn.registry.keystore.RegistryKeys;

/** The kernel's RFC 3161 format against the registry's own time-stamp key (moved from LogFormatsTest: the keys are the keystore module's, ADR 0023). */
class RegistryTimeStampsTest {

    @Test
    @DisplayName("RFC 3161: a token from the registry's TSA key verifies over the stamped bytes at its time, and not over other bytes or under another CA")
    void time_stamps(@TempDir Path dataDir, @TempDir Path otherDir) throws Exception {
        RegistryKeys keys = RegistryKeys.openOrCreate(dataDir, Clock.systemUTC());
        byte[] data = "o.example/log\n3\nAAAA\n".getBytes(StandardCharsets.UTF_8);
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        byte[] token = TimeStamps.stamp(data, keys.timeStamping().jcaPrivateKey(), keys.timeStamping().chain(), BigInteger.valueOf(42), at);

        TimeStamps.Stamp stamp = TimeStamps.verify(token, data, keys.caCertificate());
        assertThat(stamp.time()).isEqualTo(at);
        assertThat(stamp.serialNumber()).isEqualTo(42);
        assertThatThrownBy(() -> TimeStamps.verify(token, "other".getBytes(StandardCharsets.UTF_8), keys.caCertificate()))
                .hasMessageContaining("other data");
        RegistryKeys stranger = RegistryKeys.openOrCreate(otherDir, Clock.systemUTC());
        assertThatThrownBy(() -> TimeStamps.verify(token, data, stranger.caCertificate())).hasMessageContaining("not issued by");
        byte[] broken = token.clone();
        broken[broken.length - 10] ^= 1;
        assertThatThrownBy(() -> TimeStamps.verify(broken, data, keys.caCertificate())).isInstanceOf(IllegalArgumentException.class);
        assertThat(Optional.of(stamp.tsaCertificate().getSubjectX500Principal().getName())).hasValueSatisfying(n -> assertThat(n).contains("time-stamp"));
    }
}
