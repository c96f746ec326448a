package mn.registry.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import mn.registry.kernel.problem.RegistryProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Set;

/**
 * {@code POST /api/commands}: the body is a signed command (flattened JWS JSON). Answers 200 with
 * the command's result, or problem+json. A repeat of an applied command gets the first answer and
 * the header {@code Idempotent-Replay: true}.
 */
@RestController
class CommandController {

    /** A signed command is small: documents are uploaded separately and cited by hash. */
    static final int MAX_BYTES = 256 * 1024;

    private final CommandPipeline pipeline;

    CommandController(CommandPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @PostMapping(path = "/api/commands", consumes = {"application/json", "application/jose+json"}, produces = "application/json")
    ResponseEntity<JsonNode> submit(HttpServletRequest request) throws IOException {
        CommandPipeline.Answer answer = pipeline.submit(readBody(request));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status());
        if (answer.replay()) {
            response.header("Idempotent-Replay", "true");
        }
        return response.body(answer.body());
    }

    @GetMapping(path = "/api/commands/types", produces = "application/json")
    Set<String> types() {
        return pipeline.knownTypes();
    }

    private static String readBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        if (bytes.length == 0) {
            throw RegistryProblem.invalid("request.body-missing", "The body must be a signed command (flattened JWS JSON).", "body", null);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw RegistryProblem.invalid("request.not-utf8", "The body is not valid UTF-8.", "body", null);
        }
    }

    private static RegistryProblem tooLarge() {
        return new RegistryProblem(RegistryProblem.Kind.TOO_LARGE, "request.too-large",
                "A signed command is at most " + MAX_BYTES / 1024 + " KiB; upload documents to /api/documents and cite their SHA-256.", "body", null);
    }
}
