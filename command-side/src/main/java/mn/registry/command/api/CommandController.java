package mn.registry.command.api;

import jakarta.servlet.http.HttpServletRequest;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.infrastructure.axon.DurableEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.MediaType;
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
 * the header {@code Idempotent-Replay: true}. A 2xx answer names in {@code Registry-Position} the event store's head
 * once the command was applied (at or after its events): a query with {@code atLeast=} that position sees the write.
 */
@RestController
class CommandController {

    /** A signed command is small: documents are uploaded separately and cited by hash. */
    static final int MAX_BYTES = 256 * 1024;

    /** Read-your-writes: the global position a later query can wait for (query side: {@code ReadYourWrites}). */
    static final String POSITION_HEADER = "Registry-Position";

    private final CommandPipeline pipeline;
    private final EventStore eventStore;
    private final EventStorageEngine engine;

    CommandController(CommandPipeline pipeline, EventStore eventStore, EventStorageEngine engine) {
        this.pipeline = pipeline;
        this.eventStore = eventStore;
        this.engine = engine;
    }

    @PostMapping(path = "/api/commands", consumes = {"application/json", "application/jose+json"}, produces = "application/json")
    ResponseEntity<byte[]> submit(HttpServletRequest request) throws IOException {
        CommandPipeline.Answer answer = pipeline.submit(readBody(request));
        // the answer's JSON was written once by the pipeline (the command log keeps the same bytes): sent as they are
        ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON);
        if (answer.replay()) {
            response.header("Idempotent-Replay", "true");
        }
        if (answer.status() / 100 == 2) {
            response.header(POSITION_HEADER, Long.toString(positionAfter(answer)));
        }
        return response.body(answer.body());
    }

    /**
     * ADR 0028: a command carried out now stored its events through this node's engine, which knows where they ended
     * without asking the database (the head lookup was a round trip per command). A replay's events may have been
     * stored by another node or before a restart: the head, looked up.
     */
    private long positionAfter(CommandPipeline.Answer answer) {
        if (!answer.replay() && engine instanceof DurableEventStorageEngine durable) {
            return durable.positionAfterOwnCommits();
        }
        return eventStore.createHeadToken().position().orElse(0L);
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
