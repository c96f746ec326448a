package mn.registry.kernel.signing;

import mn.registry.kernel.crypto.Ed25519;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier's cheaper checks must answer as the ones they replace: base64url accepted only in its one canonical
 * unpadded form (checked before by encoding the bytes again), and a prepared Ed25519 key verifying as the raw one.
 */
class JwsEncodingTest {

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> encoded = Arbitraries.bytes().array(byte[].class).ofMaxSize(40)
                .map(b -> Base64.getUrlEncoder().withoutPadding().encodeToString(b));
        Arbitrary<String> alphabet = Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_").ofMaxLength(12);
        Arbitrary<String> noise = Arbitraries.strings().withChars("AQgw-_+/=. \n9zé").ofMaxLength(9);
        return Arbitraries.oneOf(encoded, alphabet, noise, encoded.map(s -> s + "="), encoded.map(s -> s.isEmpty() ? s : s.substring(0, s.length() - 1) + "B"));
    }

    @Property(tries = 3_000)
    @Label("a base64url text is decoded exactly when it is the canonical unpadded encoding of its bytes, as before")
    void decode_accepts_exactly_the_canonical_form(@ForAll("texts") String text) {
        byte[] before = decodeAsBefore(text);
        byte[] now = Jws.decode(text);
        if (before == null) {
            assertThat(now).isNull();
        } else {
            assertThat(now).isEqualTo(before);
        }
    }

    /** The rule as it was written before (regex, length, and encoding the bytes again). */
    private static byte[] decodeAsBefore(String text) {
        if (text == null || !text.matches("[A-Za-z0-9_-]*") || text.length() % 4 == 1) {
            return null;
        }
        byte[] bytes = Base64.getUrlDecoder().decode(text);
        return Jws.encode(bytes).equals(text) ? bytes : null;
    }

    @Property(tries = 300)
    @Label("a prepared Ed25519 key accepts and refuses exactly the signatures the raw key does")
    void prepared_key_verifies_as_the_raw_one(@ForAll byte[] message, @ForAll boolean tamper) {
        Ed25519.KeyPair pair = Ed25519.generate(new SecureRandom());
        byte[] signature = Ed25519.sign(pair.privateKey(), message);
        if (tamper) {
            signature[signature.length / 2] ^= 1;
        }
        boolean raw = Ed25519.verify(pair.publicKey(), message, signature);
        assertThat(new Ed25519.VerifyingKey(pair.publicKey()).verify(message, signature)).isEqualTo(raw).isEqualTo(!tamper);
        assertThat(new Ed25519.VerifyingKey(pair.publicKey()).verify(message, new byte[12])).isFalse();
    }
}
