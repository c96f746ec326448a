package mn.registry.kernel.signing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mn.registry.kernel.identity.PersonId;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * A signed command whose signature, certificate chain and envelope have been checked. Whether the signer
 * may do what it asks (roles, zone, tenure at {@code signedAt}) is for the command side to decide.
 *
 * @param commandId         the signer's idempotency key
 * @param type              e.g. {@code ApplyForPermit}
 * @param signedAt          the signing time from the signed payload
 * @param command           the body (a copy on each call)
 * @param signerCertificate the certificate that signed ({@code x5c[0]})
 * @param signerFingerprint SHA-256 (hex) of that certificate's DER bytes
 * @param signer            the person the certificate names (its subject's {@code UID})
 * @param jwsSha256         SHA-256 (hex) of the JWS text as received, UTF-8
 */
public record VerifiedCommand(String commandId,
                              String type,
                              Instant signedAt,
                              JsonNode command,
                              X509Certificate signerCertificate,
                              String signerFingerprint,
                              PersonId signer,
                              String jwsSha256) {

    public VerifiedCommand {
        command = command.deepCopy();
    }

    @Override
    public JsonNode command() {
        return command.deepCopy();
    }

    /**
     * The body read into {@code type} by {@code mapper}, from the record's own tree without copying it first (reading does
     * not change the tree): the command pipeline's one read of every command's body (session 15, s15-cmdpath).
     */
    public <T> T commandAs(ObjectMapper mapper, Class<T> type) throws JsonProcessingException {
        return mapper.treeToValue(command, type);
    }
}
