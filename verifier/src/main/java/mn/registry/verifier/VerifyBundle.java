package mn.registry.verifier;

import mn.registry.kernel.log.BundleVerifier;
import mn.registry.kernel.log.NoteKey;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.trust.SignedTrustedList;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Checks a bundle downloaded from {@code GET /api/public/bundle/{logIndex}} and prints a plain-language verdict
 * or the exact failure. Exit code 0 when everything verifies, 1 when something does not, 2 on wrong usage.
 */
public final class VerifyBundle {

    static final String USAGE = """
            usage: java -jar verifier.jar bundle.json [--key log.key] [--ca ca.pem]
                   java -jar verifier.jar trusted-list.json --ca ca.pem
                   java -jar verifier.jar --acts records.jsonl
              bundle.json  a bundle from GET /api/public/bundle/{logIndex}
              trusted-list.json  a list from GET /api/public/trusted-list[?at=instant]: its seal is checked
              --key        the log's verifier key line (GET /api/public/log/key), obtained independently
              --ca         the registry CA certificate (PEM), obtained independently
              --acts       the log's public records, one a line, in log order from the first (the leaves of
                           GET /api/public/log/tile/entries/<N>): no act signed after its signer's role ended
            Checks the official's signed command, the registry seal, the public record, the inclusion proof,
            the checkpoint signature and the checkpoint's RFC 3161 time-stamp. Exit code 0: verified; 1: not.""";

    private VerifyBundle() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the verifier as the command line would; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path bundle = null;
        Optional<NoteKey> key = Optional.empty();
        Optional<X509Certificate> ca = Optional.empty();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--key" -> key = Optional.of(NoteKey.parse(read(Path.of(value(args, ++i, "--key")))));
                    case "--ca" -> ca = Optional.of(Certificates.fromPem(read(Path.of(value(args, ++i, "--ca")))).get(0));
                    case "--acts" -> {
                        return VerifyActs.run(Path.of(value(args, ++i, "--acts")), out);
                    }
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> {
                        if (args[i].startsWith("-") || bundle != null) {
                            throw new IllegalArgumentException("unexpected argument " + args[i]);
                        }
                        bundle = Path.of(args[i]);
                    }
                }
            }
            if (bundle == null) {
                throw new IllegalArgumentException("no bundle given");
            }
            String json = read(bundle);
            if (json.contains("\"" + "protected" + "\"") && !json.contains("\"sealedEvent\"")) {
                return trustedList(json, ca, out, err);
            }
            BundleVerifier.Verdict verdict = new BundleVerifier(key, ca).verify(json);
            verdict.warnings().forEach(w -> err.println("WARNING: " + w));
            if (verdict.verified()) {
                out.println("VERIFIED: " + verdict.summary());
                return 0;
            }
            out.println("NOT VERIFIED: " + verdict.failure());
            return 1;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("cannot read " + e.getMessage());
            return 2;
        }
    }

    /** A trusted list from {@code GET /api/public/trusted-list}: its seal against the CA given with {@code --ca}. */
    private static int trustedList(String json, Optional<X509Certificate> ca, PrintStream out, PrintStream err) {
        if (ca.isEmpty()) {
            out.println("NOT VERIFIED: a trusted list is checked against the registry CA certificate; give it with --ca ca.pem");
            return 1;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode jws = mn.registry.kernel.crypto.CanonicalJson.mapper().readTree(json);
            SignedTrustedList.Verified verified = SignedTrustedList.verify(jws, ca.get());
            com.fasterxml.jackson.databind.JsonNode scheme = verified.list().path("schemeInformation");
            StringBuilder summary = new StringBuilder("VERIFIED: trusted list issued " + scheme.path("listIssueDateTime").asText()
                    + ", status at " + scheme.path("statusAt").asText() + ", sealed by "
                    + Certificates.commonName(verified.signer()).orElse("?") + "; " + verified.list().path("trustServiceProviders").size()
                    + " provider(s):");
            for (com.fasterxml.jackson.databind.JsonNode provider : verified.list().path("trustServiceProviders")) {
                com.fasterxml.jackson.databind.JsonNode service = provider.path("services").path(0);
                summary.append("\n  ").append(provider.path("name").asText()).append(" (permit ").append(service.path("permitNumber").asText())
                        .append("): ").append(service.path("status").asText()).append(" since ").append(service.path("statusStartingTime").asText());
            }
            out.println(summary);
            return 0;
        } catch (IllegalArgumentException e) {
            out.println("NOT VERIFIED: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("not JSON: " + e.getMessage());
            return 2;
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a file");
        }
        return args[i];
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
