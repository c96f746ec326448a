package mn.registry.publicregister;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The ETag of a search's answer (ADR 0049): the answer is a function of the register's state, which is the first
 * {@code logSize} records of the public log, and of the search (every criterion, the page included), so the same two
 * give the same bytes. The search is digested (SHA-256, 128 bits kept) so that a tag neither leaks nor grows with the
 * text; a collision would answer 304 for another search, which 128 bits make negligible.
 */
final class SearchTag {

    private SearchTag() {
    }

    static String of(long logSize, RegisterSearch search) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(search.toString().getBytes(StandardCharsets.UTF_8));
            return "\"" + logSize + "-" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
