package mn.registry.standalone.sign;

import mn.registry.keystore.SigningIdentities;
import mn.registry.kernel.signing.CommandSigner;
import mn.registry.kernel.signing.CommandEnvelope;
import mn.registry.kernel.signing.Jws;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.identity.PersonId;
import mn.registry.keystore.DemoPeople;
import mn.registry.kernel.pki.SigningIdentity;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar registry.jar sign ...}: signs a command file with a person's key and prints the
 * flattened JWS JSON. No Spring; {@link #run} is what the standalone jar calls.
 */
public final class SignCli {

    static final String USAGE = """
            Usage: registry sign (--as PERSON_ID [--data-dir DIR] | --key KEY.pem --cert CERT.pem
                                  | --p12 FILE.p12 [--password-file FILE]) [--in FILE|-] [--out FILE]

            Signs a command as a JWS (flattened JSON, EdDSA, x5c) and prints it.
            The input (a file, or standard input with '-' or no --in) is either a full envelope
              {"commandId": "...", "type": "ApplyForPermit", "signedAt": "2026-11-23T10:00:00Z", "command": {...}}
            or just {"type": "...", "command": {...}}: a fresh commandId (UUID) and signedAt (now) are then added.

              --as PERSON_ID     sign with <DIR>/keys/people/PERSON_ID/{key.pem,cert.pem}
              --data-dir DIR     the registry's data directory (default: ./data)
              --key, --cert      sign with a PKCS#8 PEM private key and a PEM certificate chain
              --p12 FILE         sign with the first key of a PKCS#12 file
              --password-file F  the PKCS#12 password, first line of F (default: empty)
              --out FILE         write the JWS there instead of standard output
              --help             this text

            Example:
              echo '{"type":"SignIn","command":{"challenge":"abc"}}' | registry sign --as reviewer-1 > signin.jws.json
            """;

    private static final Set<String> INPUT_FIELDS = Set.of("commandId", "type", "signedAt", "command");

    private SignCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, Clock.systemUTC()));
    }

    /** Runs the command; returns the exit status (0 signed, 1 failed, 2 usage). A leading "sign" is skipped. */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err, Clock clock) {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            err.println("sign: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (options.containsKey("--help")) {
            out.print(USAGE);
            return 0;
        }
        try {
            SigningIdentity identity = identity(options);
            byte[] input = "-".equals(options.getOrDefault("--in", "-"))
                    ? stdin.readAllBytes() : Files.readAllBytes(Path.of(options.get("--in")));
            CommandEnvelope envelope = envelope(new String(input, StandardCharsets.UTF_8), clock);
            String jws = new CommandSigner().sign(envelope, identity) + "\n";
            if (options.containsKey("--out")) {
                Files.writeString(Path.of(options.get("--out")), jws, StandardCharsets.UTF_8);
            } else {
                out.print(jws);
                out.flush();
            }
            return 0;
        } catch (NoSuchFileException e) {
            err.println("sign: no such file: " + e.getFile());
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("sign: " + e.getMessage());
            return 1;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> withValue = List.of("--as", "--data-dir", "--in", "--out", "--key", "--cert", "--p12", "--password-file");
        int i = args.length > 0 && "sign".equals(args[0]) ? 1 : 0;
        for (; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                options.put("--help", "");
            } else if (withValue.contains(arg)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                options.put(arg, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        if (options.containsKey("--help")) {
            return options;
        }
        int ways = (options.containsKey("--as") ? 1 : 0) + (options.containsKey("--key") || options.containsKey("--cert") ? 1 : 0)
                + (options.containsKey("--p12") ? 1 : 0);
        if (ways != 1) {
            throw new IllegalArgumentException("say who signs: exactly one of --as, --key with --cert, or --p12");
        }
        if (options.containsKey("--key") != options.containsKey("--cert")) {
            throw new IllegalArgumentException("--key and --cert go together");
        }
        return options;
    }

    private static SigningIdentity identity(Map<String, String> options) throws IOException {
        if (options.containsKey("--key")) {
            return SigningIdentities.fromPem(Path.of(options.get("--key")), Path.of(options.get("--cert")));
        }
        if (options.containsKey("--p12")) {
            String password = options.containsKey("--password-file")
                    ? Files.readAllLines(Path.of(options.get("--password-file")), StandardCharsets.UTF_8).stream().findFirst().orElse("")
                    : "";
            return SigningIdentities.fromPkcs12(Path.of(options.get("--p12")), password.toCharArray());
        }
        Path dataDir = Path.of(options.getOrDefault("--data-dir", "data"));
        PersonId person;
        try {
            person = new PersonId(options.get("--as"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + knownPeople(dataDir));
        }
        if (!Files.isDirectory(DemoPeople.directory(dataDir).resolve(person.value()))) {
            throw new IllegalArgumentException("unknown person '" + person + "' in " + DemoPeople.directory(dataDir) + knownPeople(dataDir));
        }
        return DemoPeople.load(dataDir, person);
    }

    private static String knownPeople(Path dataDir) throws IOException {
        List<String> known = DemoPeople.stored(dataDir);
        return known.isEmpty()
                ? "; there are no keys under " + DemoPeople.directory(dataDir) + " (start the registry once with this data dir to create the demo people)"
                : "; known people: " + String.join(", ", known);
    }

    static CommandEnvelope envelope(String text, Clock clock) {
        JsonNode json = Jws.parse(text);
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("the input is not a JSON object");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!INPUT_FIELDS.contains(name)) {
                throw new IllegalArgumentException("unexpected field '" + name + "': the input has type, command and optionally commandId and signedAt");
            }
        }
        JsonNode type = json.get("type");
        JsonNode command = json.get("command");
        if (type == null || !type.isTextual() || command == null || !command.isObject()) {
            throw new IllegalArgumentException("the input needs \"type\" (text) and \"command\" (an object)");
        }
        CommandEnvelope fresh = CommandEnvelope.fresh(type.textValue(), command, clock);
        JsonNode commandId = json.get("commandId");
        JsonNode signedAt = json.get("signedAt");
        Instant at = fresh.signedAt();
        if (signedAt != null) {
            if (!signedAt.isTextual() || !CommandEnvelope.SIGNED_AT.matcher(signedAt.textValue()).matches()) {
                throw new IllegalArgumentException("signedAt must look like 2026-11-23T10:00:00Z");
            }
            try {
                at = Instant.parse(signedAt.textValue());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("signedAt is not a valid instant: " + signedAt.textValue());
            }
        }
        if (commandId != null && !commandId.isTextual()) {
            throw new IllegalArgumentException("commandId must be text");
        }
        return new CommandEnvelope(commandId == null ? fresh.commandId() : commandId.textValue(), fresh.type(), at, command);
    }
}
