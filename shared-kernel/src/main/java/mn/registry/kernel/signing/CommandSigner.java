package mn.registry.kernel.signing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.pki.SigningIdentity;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;

/**
 * Signs a command envelope as a JWS in flattened JSON serialization (RFC 7515 §7.2.2): protected header
 * {@code {"alg":"EdDSA","typ":"registry-command+jws","x5c":[signer, CA...]}} (canonical JSON), payload the
 * envelope's RFC 8785 bytes. Ed25519 signatures are deterministic, so the same envelope and key give the same JWS.
 */
public final class CommandSigner {

    /** The header {@code typ} of every signed command. */
    public static final String TYP = Jws.TYP;

    /** Returns the flattened JWS JSON: {@code {"protected":..,"payload":..,"signature":..}}. */
    public String sign(CommandEnvelope envelope, SigningIdentity who) {
        ObjectNode header = JsonNodeFactory.instance.objectNode();
        header.put("alg", Jws.ALG);
        header.put("typ", Jws.TYP);
        ArrayNode x5c = header.putArray("x5c");
        for (X509Certificate certificate : who.chain()) {
            x5c.add(Certificates.base64Der(certificate));
        }
        String protectedHeader = Jws.encode(CanonicalJson.canonicalize(header));
        String payload = Jws.encode(envelope.canonicalBytes());
        byte[] signature = who.sign((protectedHeader + "." + payload).getBytes(StandardCharsets.US_ASCII));
        ObjectNode jws = JsonNodeFactory.instance.objectNode();
        jws.put("protected", protectedHeader);
        jws.put("payload", payload);
        jws.put("signature", Jws.encode(signature));
        return jws.toString();
    }
}
