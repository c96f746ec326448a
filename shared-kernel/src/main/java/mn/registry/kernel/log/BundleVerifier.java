package mn.registry.kernel.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.kernel.signing.SignedCommandVerifier;
import mn.registry.kernel.signing.TrustAnchors;
import mn.registry.kernel.signing.VerifiedCommand;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Checks a {@link LogBundle} offline, in order: the official's signed command (signature, certificate chain at
 * signing time, and that it is the command the record names); the registry seal over the event (hash, signature,
 * seal certificate); that the public record is exactly the one derived from the sealed event; the inclusion
 * proof of the record's leaf hash against the checkpoint; the checkpoint's signature by the log key; the
 * time-stamp token over the signed checkpoint. Stops at the first failure and names it.
 */
public final class BundleVerifier {

    private final Optional<NoteKey> logKey;
    private final Optional<X509Certificate> trustAnchor;

    /**
     * @param logKey      the log's verifier key obtained independently (else the bundle's, with a warning)
     * @param trustAnchor the registry CA obtained independently (else the bundle's, with a warning)
     */
    public BundleVerifier(Optional<NoteKey> logKey, Optional<X509Certificate> trustAnchor) {
        this.logKey = logKey;
        this.trustAnchor = trustAnchor;
    }

    /** The outcome: verified with a plain-language summary, or the first failure. */
    public record Verdict(boolean verified, String summary, String failure, List<String> warnings) {
        public Verdict {
            warnings = List.copyOf(warnings);
        }
    }

    public Verdict verify(String bundleJson) {
        List<String> warnings = new ArrayList<>();
        try {
            JsonNode json = null;
            try {
                json = mn.registry.kernel.crypto.CanonicalJson.mapper().readTree(bundleJson);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // LogBundle.parse names it
            }
            if (json != null && DisclosedBundle.FORMAT.equals(json.path("format").asText())) {
                return new Verdict(true, check(DisclosedBundle.parse(json), warnings), null, warnings);
            }
            return new Verdict(true, check(LogBundle.parse(bundleJson), warnings), null, warnings);
        } catch (IllegalArgumentException e) {
            return new Verdict(false, null, e.getMessage(), warnings);
        }
    }

    /** The registry CA obtained independently, else the bundle's own (base64 DER) with a warning. */
    private X509Certificate ca(String bundled, List<String> warnings) {
        return trustAnchor.orElseGet(() -> {
            warnings.add("the registry CA was taken from the bundle itself: obtain it independently and pass it to be sure");
            return certificate(bundled, "trust anchor");
        });
    }

    private String check(LogBundle bundle, List<String> warnings) {
        X509Certificate ca = ca(bundle.trustAnchor(), warnings);
        JsonNode record = bundle.record();
        SealedEvent sealed = bundle.sealedEvent();

        String signedBy = checkCommand(bundle, record, ca);

        if (!sealed.hashMatches()) {
            throw new IllegalArgumentException("the sealed event's hash does not match its contents: the event was altered");
        }
        List<X509Certificate> sealChain = certificates(bundle.sealChain(), "seal certificate");
        Instant eventTime = instant(sealed.timestamp(), "sealed event timestamp");
        requireChain(sealChain, ca, eventTime, "seal");
        byte[] sealKey = Certificates.ed25519PublicKey(sealChain.get(0))
                .orElseThrow(() -> new IllegalArgumentException("the seal certificate does not hold an Ed25519 key"));
        if (!sealed.sealVerifies(sealKey)) {
            throw new IllegalArgumentException("the registry seal over event " + sealed.eventId() + " does not verify with the seal certificate");
        }

        long position = record.path("position").asLong(-1);
        JsonNode expected = PublicRecords.record(sealed, position).orElseThrow(() -> new IllegalArgumentException(
                "the sealed event (" + sealed.payloadType() + ") is not one the registry publishes"));
        byte[] leafData = PublicRecords.leafData(record);
        if (!MessageDigest.isEqual(leafData, PublicRecords.leafData(expected))) {
            throw new IllegalArgumentException("the public record differs from the one derived from the sealed event: the record was altered");
        }

        LogChecks log = checkLog(bundle.logIndex(), bundle.proof(), bundle.logKey(), bundle.logKeyChain(),
                bundle.checkpointTimeStamp(), leafData, ca, eventTime, warnings);
        Checkpoint checkpoint = log.checkpoint();
        TimeStamps.Stamp stamp = log.stamp();

        return "Decision " + shortType(sealed.payloadType()) + " (" + sealed.aggregateId() + " #" + sealed.seq() + ") "
                + signedBy + "; sealed by the registry on " + sealed.timestamp() + "; included at index " + bundle.logIndex()
                + " of the log " + checkpoint.origin() + "; log checkpoint of size " + checkpoint.size() + " time-stamped "
                + stamp.time() + " by " + Certificates.commonName(stamp.tsaCertificate()).orElse("the registry's time-stamp authority") + ".";
    }

    private record LogChecks(Checkpoint checkpoint, TimeStamps.Stamp stamp) {
    }

    /** Inclusion of the leaf, the checkpoint's signature by the log key, the time-stamp over the checkpoint. */
    private LogChecks checkLog(long logIndex, String proofText, String logKeyText, List<String> logKeyChain, byte[] token,
                               byte[] leafData, X509Certificate ca, Instant eventTime, List<String> warnings) {
        TlogProof proof;
        try {
            proof = TlogProof.parse(proofText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the inclusion proof is malformed: " + e.getMessage());
        }
        if (proof.index() != logIndex) {
            throw new IllegalArgumentException("the inclusion proof is for index " + proof.index() + ", not " + logIndex);
        }
        NoteKey key = logKey.orElseGet(() -> {
            warnings.add("the log key was taken from the bundle itself: obtain it independently (GET /api/public/log/key) and pass --key to be sure");
            NoteKey embedded = NoteKey.parse(logKeyText);
            List<X509Certificate> keyChain = certificates(logKeyChain, "log key certificate");
            requireChain(keyChain, ca, eventTime, "log key"); // a checkpoint follows its entries
            if (!Arrays.equals(embedded.publicKey(), Certificates.ed25519PublicKey(keyChain.get(0)).orElse(new byte[0]))) {
                throw new IllegalArgumentException("the bundle's log key is not the key of its log key certificate");
            }
            return embedded;
        });
        Checkpoint checkpoint;
        try {
            checkpoint = proof.verify(Merkle.leafHash(leafData), key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("log inclusion: " + e.getMessage());
        }

        TimeStamps.Stamp stamp;
        try {
            stamp = TimeStamps.verify(token, proof.signedCheckpoint().getBytes(StandardCharsets.UTF_8), ca);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checkpoint time-stamp: " + e.getMessage());
        }

        return new LogChecks(checkpoint, stamp);
    }

    /**
     * A v2 bundle (ADR 0015): the commitment's seal, the disclosures against its digests, the record against the
     * commitment and the disclosed fields, then the log. Without a commitment (an event sealed before ADR 0015) only
     * the record's inclusion is checked, and a warning says what is left to an auditor.
     */
    private String check(DisclosedBundle bundle, List<String> warnings) {
        X509Certificate ca = ca(bundle.trustAnchor(), warnings);
        ObjectNode record = bundle.record();
        Commitment commitment = bundle.commitment();
        Instant eventTime = instant(textOrNull(record, "timestamp"), "record's timestamp");
        String disclosed;
        if (commitment == null) {
            if (!bundle.disclosures().isEmpty()) {
                throw new IllegalArgumentException("the bundle discloses fields but has no commitment to check them against");
            }
            warnings.add("event sealed before selective disclosure (ADR 0015): anyone can check that this record was published in the log; "
                    + "the registry seal over the full event and that the record derives from it are checked by an auditor with access to the store (verify-store)");
            disclosed = "record published before selective disclosure; seal checkable by an auditor";
        } else {
            List<X509Certificate> sealChain = certificates(bundle.sealChain(), "seal certificate");
            eventTime = instant(commitment.timestamp(), "commitment timestamp");
            requireChain(sealChain, ca, eventTime, "seal");
            byte[] sealKey = Certificates.ed25519PublicKey(sealChain.get(0))
                    .orElseThrow(() -> new IllegalArgumentException("the seal certificate does not hold an Ed25519 key"));
            if (!commitment.sealVerifies(sealKey)) {
                throw new IllegalArgumentException("the registry seal over the commitment to event " + commitment.eventId() + " does not verify with the seal certificate");
            }
            ObjectNode payload = mn.registry.kernel.crypto.CanonicalJson.mapper().createObjectNode();
            java.util.Set<String> digests = new java.util.HashSet<>(commitment.sd());
            for (String disclosure : bundle.disclosures()) {
                if (!digests.remove(Disclosures.digest(disclosure))) {
                    throw new IllegalArgumentException("a disclosed field is not one the registry sealed (its digest is not in the commitment): the record was altered");
                }
                Disclosures.Disclosed field = Disclosures.open(disclosure);
                if (payload.has(field.name())) {
                    throw new IllegalArgumentException("the field " + field.name() + " is disclosed twice");
                }
                payload.set(field.name(), field.value());
            }
            if (!MessageDigest.isEqual(mn.registry.kernel.crypto.CanonicalJson.canonicalize(payload),
                    mn.registry.kernel.crypto.CanonicalJson.canonicalize(record.path("payload")))) {
                throw new IllegalArgumentException("the disclosed fields are not exactly the public record's payload: the public record differs from what the registry sealed");
            }
            SealedEvent committed = new SealedEvent(commitment.eventId(), commitment.aggregateType(), commitment.aggregateId(),
                    commitment.seq(), commitment.timestamp(), commitment.payloadType(), commitment.payloadRevision(),
                    new String(mn.registry.kernel.crypto.CanonicalJson.canonicalize(payload), StandardCharsets.UTF_8),
                    commitment.metaData(), commitment.prevHash(), commitment.sealHash(), commitment.keyId(), null);
            JsonNode expected = PublicRecords.record(committed, record.path("position").asLong(-1)).orElseThrow(() -> new IllegalArgumentException(
                    "the committed event (" + commitment.payloadType() + ") is not one the registry publishes"));
            if (!MessageDigest.isEqual(PublicRecords.leafData(record), PublicRecords.leafData(expected))) {
                throw new IllegalArgumentException("the public record differs from the one derived from the sealed commitment and the disclosed fields: the record was altered");
            }
            disclosed = "fields disclosed " + payload.size() + " of " + commitment.sd().size() + ", checked against the registry's seal";
        }
        byte[] leafData = PublicRecords.leafData(record);
        LogChecks log = checkLog(bundle.logIndex(), bundle.proof(), bundle.logKey(), bundle.logKeyChain(),
                bundle.checkpointTimeStamp(), leafData, ca, eventTime, warnings);
        String commandId = textOrNull(record, "commandId");
        String who = commandId == null ? "recorded by the registry itself (no signed command)"
                : "signed by " + textOrNull(record, "actingOfficial") + " (command " + commandId + ", JWS SHA-256 " + textOrNull(record, "jwsSha256")
                + ", verified at receipt as the registry's sealed attestation says; the signed command is kept for a court or auditor)";
        return "Decision " + shortType(textOrNull(record, "type")) + " (" + textOrNull(record, "aggregateId") + " #" + record.path("seq").asLong() + ") "
                + who + "; " + disclosed + "; sealed by the registry on " + textOrNull(record, "timestamp") + "; included at index " + bundle.logIndex()
                + " of the log " + log.checkpoint().origin() + "; log checkpoint of size " + log.checkpoint().size() + " time-stamped "
                + log.stamp().time() + " by " + Certificates.commonName(log.stamp().tsaCertificate()).orElse("the registry's time-stamp authority") + ".";
    }

    private static String checkCommand(LogBundle bundle, JsonNode record, X509Certificate ca) {
        String commandId = textOrNull(record, "commandId");
        if (bundle.jws() == null) {
            if (commandId != null) {
                throw new IllegalArgumentException("the record names command " + commandId + " but the bundle has no signed command");
            }
            return "recorded by the registry itself (no signed command)";
        }
        VerifiedCommand command;
        try {
            command = new SignedCommandVerifier(TrustAnchors.of(ca), Clock.systemUTC(), Duration.ofMinutes(5)).verify(bundle.jws());
        } catch (RegistryProblem e) {
            throw new IllegalArgumentException("the official's signed command: " + e.getMessage() + " (" + e.code() + ")");
        }
        if (!command.commandId().equals(commandId)) {
            throw new IllegalArgumentException("the signed command " + command.commandId() + " is not the command " + commandId + " the record names");
        }
        String jwsSha256 = Sha256.hex(bundle.jws().getBytes(StandardCharsets.UTF_8));
        if (!jwsSha256.equals(textOrNull(record, "jwsSha256"))) {
            throw new IllegalArgumentException("the signed command's SHA-256 is not the one the record names");
        }
        if (!command.signer().value().equals(textOrNull(record, "actingOfficial"))) {
            throw new IllegalArgumentException("the signed command is by " + command.signer() + ", not the acting official the record names");
        }
        String name = Certificates.commonName(command.signerCertificate()).orElse(command.signer().value());
        return "signed by " + name + " (" + command.signer() + ") on " + command.signedAt();
    }

    private static void requireChain(List<X509Certificate> chain, X509Certificate ca, Instant at, String what) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("no " + what + " certificate");
        }
        try {
            for (int i = 0; i < chain.size(); i++) {
                X509Certificate cert = chain.get(i);
                if (Arrays.equals(cert.getEncoded(), ca.getEncoded())) {
                    return;
                }
                cert.checkValidity(java.util.Date.from(at));
                X509Certificate issuer = i + 1 < chain.size() ? chain.get(i + 1) : ca;
                cert.verify(issuer.getPublicKey());
                if (i + 1 == chain.size()) {
                    return;
                }
            }
        } catch (Exception e) {
            throw new IllegalArgumentException("the " + what + " certificate chain does not lead to the registry CA at " + at + ": " + e.getMessage());
        }
    }

    private static X509Certificate certificate(String base64Der, String what) {
        try {
            return Certificates.fromDer(Base64.getDecoder().decode(base64Der));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the " + what + " is not a base64 DER certificate");
        }
    }

    private static List<X509Certificate> certificates(List<String> base64Ders, String what) {
        List<X509Certificate> out = new ArrayList<>();
        base64Ders.forEach(b -> out.add(certificate(b, what)));
        return out;
    }

    private static Instant instant(String text, String what) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the " + what + " is not an instant: " + text);
        }
    }

    private static String textOrNull(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String shortType(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
