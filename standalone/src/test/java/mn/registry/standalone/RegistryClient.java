package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.identity.PersonId;
import mn.registry.keystore.DemoPeople;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.kernel.signing.CommandEnvelope;
import mn.registry.kernel.signing.CommandSigner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;

/** A test's view of a running registry over HTTP, signing with the demo people's keys. */
public final class RegistryClient {

    public record Reply(int status, JsonNode body, HttpResponse<String> raw) {
        public String code() {
            return body.path("code").asText(null);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final Path dataDir;

    public RegistryClient(int port, Path dataDir) {
        this.base = "http://localhost:" + port;
        this.dataDir = dataDir;
    }

    public SigningIdentity person(String id) {
        try {
            return DemoPeople.load(dataDir, new PersonId(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String sign(String personId, String type, Object body) {
        return sign(person(personId), CommandEnvelope.fresh(type, CanonicalJson.mapper().valueToTree(body), Clock.systemUTC()));
    }

    String sign(SigningIdentity who, CommandEnvelope envelope) {
        return new CommandSigner().sign(envelope, who);
    }

    public Reply post(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Uploads {@code bytes} as the signed-in person of {@code token} ({@code POST /api/documents}), as a browser or a client sends a file. */
    public Reply upload(byte[] bytes, String mediaType, String fileName, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/documents")).header("Content-Type", mediaType).header("X-File-Name", fileName)
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    public Reply command(String jws) {
        return post("/api/commands", jws, "application/json");
    }

    public Reply get(String path) {
        return get(path, null);
    }

    public Reply get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** Signs in as a demo person by signing a fresh challenge; returns the bearer token. */
    public String signIn(String personId) {
        String challenge = get("/api/session/challenge").body().path("challenge").asText();
        ObjectNode body = CanonicalJson.mapper().createObjectNode().put("challenge", challenge);
        String jws = sign(person(personId), CommandEnvelope.fresh("SignIn", body, Clock.systemUTC()));
        Reply reply = post("/api/session", jws, "application/json");
        if (reply.status() != 200) {
            throw new AssertionError("sign-in failed: " + reply.body());
        }
        return reply.body().path("token").asText();
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? CanonicalJson.mapper().nullNode() : CanonicalJson.mapper().readTree(response.body());
            return new Reply(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
