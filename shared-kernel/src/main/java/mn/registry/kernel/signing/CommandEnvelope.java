package mn.registry.kernel.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.kernel.crypto.CanonicalJson;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a person signs: {@code {"commandId", "type", "signedAt", "command"}}. Its RFC 8785 canonical
 * bytes are the JWS payload.
 *
 * @param commandId the idempotency key chosen by the signer: 8-100 of {@code [A-Za-z0-9._:-]} (a UUID fits)
 * @param type      the command's name, e.g. {@code ApplyForPermit}: a letter then letters and digits, up to 64
 * @param signedAt  when the person signed (the certificate must be valid then; 001 art. 23.1.1)
 * @param command   the command's body, a JSON object
 */
public record CommandEnvelope(String commandId, String type, Instant signedAt, JsonNode command) {

    static final Pattern COMMAND_ID = Pattern.compile("[A-Za-z0-9._:-]{8,100}");
    static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z0-9]{0,63}");
    /** RFC 3339 in UTC with {@code Z}, optional fraction: the only form of {@code signedAt} accepted. */
    public static final Pattern SIGNED_AT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    public CommandEnvelope {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(command, "command");
        if (!COMMAND_ID.matcher(commandId).matches()) {
            throw new IllegalArgumentException("commandId must be 8-100 of [A-Za-z0-9._:-]: " + commandId);
        }
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("type must be a letter A-Z then letters and digits: " + type);
        }
        if (!command.isObject()) {
            throw new IllegalArgumentException("command must be a JSON object");
        }
        command = command.deepCopy();
    }

    /** A new envelope with a random UUID as command id, signed now (to the second). */
    public static CommandEnvelope fresh(String type, JsonNode command, Clock clock) {
        return new CommandEnvelope(UUID.randomUUID().toString(), type,
                clock.instant().truncatedTo(ChronoUnit.SECONDS), command);
    }

    /** A copy of the body (the record's own is never handed out to be changed). */
    @Override
    public JsonNode command() {
        return command.deepCopy();
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("commandId", commandId);
        json.put("type", type);
        json.put("signedAt", signedAt.toString());
        json.set("command", command.deepCopy());
        return json;
    }

    /** The RFC 8785 bytes that are signed. */
    public byte[] canonicalBytes() {
        return CanonicalJson.canonicalize(toJson());
    }
}
