package mn.registry.kernel.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.crypto.Ed25519;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.pki.RegistryKey;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * The trusted list as a flattened JWS (RFC 7515) over its RFC 8785 canonical JSON, signed with the registry's seal key
 * ({@code alg} EdDSA, {@code typ} {@value #TYP}, {@code x5c} = the seal certificate and the CA), and its offline check
 * against an independently obtained CA certificate. Any JWS library can check it; {@code docs/verify.md} shows openssl.
 */
public final class SignedTrustedList {

    public static final String TYP = "trusted-list+jws";

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();

    private SignedTrustedList() {
    }

    /** The flattened JWS JSON {@code {"protected":..,"payload":..,"signature":..}} of {@code list}. */
    public static ObjectNode sign(ObjectNode list, RegistryKey seal) {
        ObjectNode header = JsonNodeFactory.instance.objectNode();
        header.put("alg", "EdDSA");
        header.put("typ", TYP);
        ArrayNode x5c = header.putArray("x5c");
        seal.chain().forEach(c -> x5c.add(Certificates.base64Der(c)));
        String protectedHeader = B64URL.encodeToString(CanonicalJson.canonicalize(header));
        String payload = B64URL.encodeToString(CanonicalJson.canonicalize(list));
        byte[] signature = seal.sign((protectedHeader + "." + payload).getBytes(StandardCharsets.US_ASCII));
        ObjectNode jws = JsonNodeFactory.instance.objectNode();
        jws.put("protected", protectedHeader);
        jws.put("payload", payload);
        jws.put("signature", B64URL.encodeToString(signature));
        return jws;
    }

    /** A checked list: the document and who signed it. */
    public record Verified(JsonNode list, X509Certificate signer) {
    }

    /**
     * Checks the JWS: header alg and typ, the signer's certificate issued by {@code ca} and valid when the list was
     * issued, the Ed25519 signature over the signing input, and a payload that is canonical JSON. Throws
     * {@link IllegalArgumentException} naming the first failure.
     */
    public static Verified verify(JsonNode jws, X509Certificate ca) {
        String protectedHeader = text(jws, "protected");
        String payload = text(jws, "payload");
        byte[] signature = decode(text(jws, "signature"), "signature");
        JsonNode header = json(decode(protectedHeader, "protected header"), "protected header");
        if (!"EdDSA".equals(header.path("alg").asText()) || !TYP.equals(header.path("typ").asText())) {
            throw new IllegalArgumentException("not a registry trusted list: header alg/typ are " + header.path("alg") + "/" + header.path("typ"));
        }
        List<X509Certificate> chain = new ArrayList<>();
        header.path("x5c").forEach(c -> chain.add(Certificates.fromDer(Base64.getDecoder().decode(c.asText()))));
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the header has no x5c certificate");
        }
        X509Certificate signer = chain.get(0);
        byte[] payloadBytes = decode(payload, "payload");
        JsonNode list = json(payloadBytes, "payload");
        try {
            signer.verify(ca.getPublicKey());
        } catch (Exception e) {
            throw new IllegalArgumentException("the signer's certificate " + Certificates.commonName(signer).orElse("?")
                    + " was not issued by the given CA", e);
        }
        Instant issued = Instant.parse(list.path("schemeInformation").path("listIssueDateTime").asText());
        try {
            signer.checkValidity(Date.from(issued));
        } catch (Exception e) {
            throw new IllegalArgumentException("the signer's certificate was not valid when the list was issued (" + issued + ")", e);
        }
        byte[] publicKey = Certificates.ed25519PublicKey(signer).orElseThrow(() -> new IllegalArgumentException("the signer's key is not Ed25519"));
        if (!Ed25519.verify(publicKey, (protectedHeader + "." + payload).getBytes(StandardCharsets.US_ASCII), signature)) {
            throw new IllegalArgumentException("the signature does not verify: the list or its header was altered");
        }
        if (!java.util.Arrays.equals(CanonicalJson.canonicalize(list), payloadBytes)) {
            throw new IllegalArgumentException("the payload is not RFC 8785 canonical JSON");
        }
        return new Verified(list, signer);
    }

    private static String text(JsonNode jws, String field) {
        JsonNode value = jws.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("the JWS has no '" + field + "'");
        }
        return value.asText();
    }

    private static byte[] decode(String text, String what) {
        try {
            return B64URL_DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " is not base64url", e);
        }
    }

    private static JsonNode json(byte[] bytes, String what) {
        try {
            return CanonicalJson.mapper().readTree(bytes);
        } catch (Exception e) {
            throw new IllegalArgumentException("the " + what + " is not JSON", e);
        }
    }
}
