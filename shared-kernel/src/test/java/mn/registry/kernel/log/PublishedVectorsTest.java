package mn.registry.kernel.log;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our hashing, proofs and notes against vectors published elsewhere: the Google CT Argon 2020 log responses
 * kept in golang.org/x/mod/sumdb/tlog/testdata/argon2020 (ct_test.go), the tree hash of "hello world" in
 * golang.org/x/mod/sumdb/tlog/note_test.go (TestFormatTree) and the PeterNeumann key and signed note of
 * golang.org/x/mod/sumdb/note/note_test.go (TestSign, TestNewVerifier).
 */
class PublishedVectorsTest {

    private static final Base64.Decoder B64 = Base64.getDecoder();

    private static Properties argon() throws Exception {
        Properties p = new Properties();
        try (InputStream in = PublishedVectorsTest.class.getResourceAsStream("argon2020.properties")) {
            p.load(in);
        }
        return p;
    }

    private static List<byte[]> hashes(String spaceSeparated) {
        return Arrays.stream(spaceSeparated.split(" ")).map(B64::decode).toList();
    }

    @Test
    @DisplayName("a real CT inclusion proof (Argon 2020, entry 10000 of 961,984,013) verifies, and fails for the neighbouring index")
    void ct_inclusion_proof_verifies() throws Exception {
        Properties p = argon();
        long size = Long.parseLong(p.getProperty("tree_size"));
        byte[] root = B64.decode(p.getProperty("root"));
        byte[] leaf = Merkle.leafHash(B64.decode(p.getProperty("leaf_input")));
        List<byte[]> proof = hashes(p.getProperty("audit_path"));
        assertThat(Merkle.verifyInclusion(10_000, size, leaf, proof, root)).isTrue();
        assertThat(Merkle.verifyInclusion(10_001, size, leaf, proof, root)).isFalse();
    }

    @Test
    @DisplayName("a real CT consistency proof (Argon 2020, 3,654,490 -> 961,984,013) verifies, and fails against another first size")
    void ct_consistency_proof_verifies() throws Exception {
        Properties p = argon();
        long second = Long.parseLong(p.getProperty("tree_size"));
        long first = Long.parseLong(p.getProperty("first_size"));
        byte[] secondRoot = B64.decode(p.getProperty("root"));
        byte[] firstRoot = B64.decode(p.getProperty("first_root"));
        List<byte[]> proof = hashes(p.getProperty("consistency"));
        assertThat(Merkle.verifyConsistency(first, second, firstRoot, secondRoot, proof)).isTrue();
        assertThat(Merkle.verifyConsistency(first + 1, second, firstRoot, secondRoot, proof)).isFalse();
    }

    @Test
    @DisplayName("the leaf hash of \"hello world\" is the one in Go's sumdb tree note")
    void leaf_hash_matches_go() {
        assertThat(Base64.getEncoder().encodeToString(Merkle.leafHash("hello world".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("TszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=");
    }

    @Test
    @DisplayName("signing Go's test note with Go's test key gives Go's exact signed note, and its verifier key text")
    void signed_note_matches_go() {
        byte[] typedSeed = B64.decode("AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz");
        byte[] seed = Arrays.copyOfRange(typedSeed, 1, 33);
        String text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
        String want = text + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

        assertThat(SignedNote.sign(text, "PeterNeumann", seed)).isEqualTo(want);

        NoteKey key = NoteKey.parse("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        assertThat(key.keyHash()).isEqualTo(0xc74f20a3L);
        assertThat(key.text()).isEqualTo("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        assertThat(SignedNote.verify(want, key)).contains(text);
        assertThat(SignedNote.verify(want.replace("answer", "ANSWER"), key)).isEmpty();
    }
}
