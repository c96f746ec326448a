package mn.registry.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.log.ActsWithinAuthority;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * ADR 0061 item 14 (abuse audit O146): reads the log's public records, one a line in log order from the first, and checks that no act
 * was signed by an official whose every role it was signed under had ended earlier in the log ({@link ActsWithinAuthority}). Exit code
 * 0 when none was, 1 with each such record named.
 */
final class VerifyActs {

    private VerifyActs() {
    }

    static int run(Path records, PrintStream out) throws IOException {
        List<JsonNode> inLogOrder = new ArrayList<>();
        for (String line : Files.readAllLines(records, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                inLogOrder.add(CanonicalJson.mapper().readTree(line));
            }
        }
        ActsWithinAuthority check = ActsWithinAuthority.check(inLogOrder);
        if (check.findings().isEmpty()) {
            out.println("VERIFIED: " + inLogOrder.size() + " record(s), " + check.checked() + " act(s) naming the roles they were signed under, "
                    + "each signed by an official holding one of them where it stands in the log (records naming none, a certificate's "
                    + "revocation and a representative's role are not checked)");
            return 0;
        }
        check.findings().forEach(finding -> out.println("NOT VERIFIED: " + finding));
        return 1;
    }
}
