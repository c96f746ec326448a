package mn.registry.kernel.signing;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.crypto.Ed25519;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.problem.RegistryProblem;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a signed command (flattened JWS JSON) strictly, in this order: the JWS shape; the protected
 * header ({@code alg} EdDSA only, {@code typ} registry-command+jws, no {@code crit}, {@code jku},
 * {@code jwk}, {@code x5u} or {@code b64}, an {@code x5c}); the Ed25519 signature with the key of
 * {@code x5c[0]}; the payload (canonical RFC 8785 JSON, exactly the four envelope fields, well formed);
 * {@code signedAt} not in the future beyond the allowed skew (nor older than the maximum age, if set);
 * the signer's certificate valid at {@code signedAt} and its chain leading to a trusted CA at that date
 * (001 art. 23.1.1); a certificate meant for signing that names a person. Every refusal is a
 * {@link RegistryProblem} of kind UNAUTHENTICATED with a code of {@link SignatureProblems}. Thread-safe.
 */
public final class SignedCommandVerifier {

    /** The type of a sign-in: a command with body {@code {"challenge": "..."}}. */
    public static final String SIGN_IN = "SignIn";

    private static final int MAX_CHAIN = 8;
    private static final int CACHE_LIMIT = 4096;
    private static final Set<String> ENVELOPE_FIELDS = Set.of("commandId", "type", "signedAt", "command");
    private static final List<String> FORBIDDEN_HEADERS = List.of("jku", "jwk", "x5u", "b64");
    private static final Set<String> JWS_MEMBERS = Set.of("protected", "payload", "signature");

    private final TrustAnchors trusted;
    private final Set<TrustAnchor> anchors;
    private final Clock clock;
    private final Clock physicalClock;
    private final Duration maxClockSkew;
    private final Duration maxAge;
    private final Map<String, Known> parsed = new ConcurrentHashMap<>();
    private final Map<String, Window> validated = new ConcurrentHashMap<>();

    /** A verifier that accepts any signing time up to {@code maxClockSkew} ahead of {@code clock}. */
    public SignedCommandVerifier(TrustAnchors trusted, Clock clock, Duration maxClockSkew) {
        this(trusted, clock, maxClockSkew, null);
    }

    /**
     * As above, and refuses a command signed more than {@code maxAge} before now ({@code null}: no limit).
     * A limit stops a signer from back-dating an act to a time their role or certificate was still valid.
     */
    public SignedCommandVerifier(TrustAnchors trusted, Clock clock, Duration maxClockSkew, Duration maxAge) {
        this(trusted, clock, null, maxClockSkew, maxAge);
    }

    /**
     * As above, for a registry whose legal clock is a simulation (demo mode): {@code signedAt} is accepted when it
     * lies within the limits of either {@code clock} or {@code physicalClock}, so that a person signing with a real
     * clock and a test signing on the simulated one are both judged against a time they can know.
     */
    public SignedCommandVerifier(TrustAnchors trusted, Clock clock, Clock physicalClock, Duration maxClockSkew, Duration maxAge) {
        this.trusted = Objects.requireNonNull(trusted, "trusted");
        this.anchors = trusted.pkix();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.physicalClock = physicalClock;
        this.maxClockSkew = Objects.requireNonNull(maxClockSkew, "maxClockSkew");
        this.maxAge = maxAge;
        if (maxClockSkew.isNegative() || (maxAge != null && maxAge.isNegative())) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    /** Verifies a flattened JWS JSON text; see the class comment for what is checked. */
    public VerifiedCommand verify(String jwsJson) {
        if (jwsJson == null) {
            throw SignatureProblems.refuse(SignatureProblems.MALFORMED, "no signed command");
        }
        Parts parts = parts(jwsJson);
        JsonNode header = header(parts.headerBytes());
        List<Known> chain = chain(header);
        Known signerCertificate = chain.get(0);
        checkSignature(parts, signerCertificate);
        Envelope envelope = envelope(parts.payloadBytes());
        checkSigningTime(envelope.signedAt());
        checkCertificates(chain, envelope.signedAt());
        PersonId signer = signerCertificate.person().orElseThrow(() -> SignatureProblems.refuse(SignatureProblems.CERTIFICATE_NO_PERSON,
                "the signer's certificate names no person (its subject has no valid UID)", "x5c"));
        return new VerifiedCommand(envelope.commandId(), envelope.type(), envelope.signedAt(), envelope.command(),
                signerCertificate.certificate(), signerCertificate.fingerprint(), signer,
                Sha256.hex(jwsJson.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The command id a JWS names, read WITHOUT verifying it: only to find the answer already given to these exact bytes
     * (compared by their SHA-256) when a resend arrives after the signature's age limit (ADR 0002, ADR 0013 §1).
     */
    public static Optional<String> unverifiedCommandId(String jwsJson) {
        return unverifiedEnvelope(jwsJson).map(p -> p.path("commandId").asText(null));
    }

    /**
     * The envelope a JWS carries ({@code commandId}, {@code type}, {@code signedAt}, {@code command}), read WITHOUT verifying it: only
     * for a JWS the registry applied and archived, whose SHA-256 its stored events name (ADR 0061 item 23); empty if it is not one.
     */
    public static Optional<JsonNode> unverifiedEnvelope(String jwsJson) {
        try {
            return Optional.ofNullable(Jws.parse(new String(parts(jwsJson).payloadBytes(), StandardCharsets.UTF_8))).filter(JsonNode::isObject);
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /**
     * Verifies a sign-in: a signed command of type {@value #SIGN_IN} whose body is exactly
     * {@code {"challenge": expectedChallenge}}. The caller issues each challenge once and forgets it once used.
     */
    public VerifiedCommand verifyChallenge(String jwsJson, String expectedChallenge) {
        Objects.requireNonNull(expectedChallenge, "expectedChallenge");
        VerifiedCommand command = verify(jwsJson);
        if (!SIGN_IN.equals(command.type())) {
            throw SignatureProblems.refuse(SignatureProblems.SIGN_IN_WRONG_TYPE,
                    "a sign-in is a signed command of type " + SIGN_IN + ", not " + command.type(), "type");
        }
        JsonNode body = command.command();
        JsonNode challenge = body.get("challenge");
        boolean matches = body.size() == 1 && challenge != null && challenge.isTextual()
                && MessageDigest.isEqual(challenge.textValue().getBytes(StandardCharsets.UTF_8),
                expectedChallenge.getBytes(StandardCharsets.UTF_8));
        if (!matches) {
            throw SignatureProblems.refuse(SignatureProblems.SIGN_IN_CHALLENGE_MISMATCH,
                    "the signed challenge is not the one this sign-in was given", "command.challenge");
        }
        return command;
    }

    /** The three members as sent (base64url text, for the signing input) and decoded once. */
    private record Parts(String protectedHeader, String payload, byte[] headerBytes, byte[] payloadBytes, byte[] signatureBytes) {
    }

    /**
     * A certificate met in an {@code x5c} before, with what the verifier derives from it (its fingerprint, its Ed25519 key
     * ready for verifying, the person it names) derived once: all of them depend on the certificate's bytes only.
     */
    private static final class Known {
        private static final Object NONE = new Object();

        private final X509Certificate certificate;
        private final String fingerprint;
        private volatile Object person; // Optional<PersonId>, derived at first use
        private volatile Object key; // Ed25519.VerifyingKey, or NONE when the key is not a 32-byte Ed25519 key
        private volatile byte[] rawKey;

        Known(X509Certificate certificate) {
            this.certificate = certificate;
            this.fingerprint = Certificates.fingerprint(certificate);
        }

        X509Certificate certificate() {
            return certificate;
        }

        String fingerprint() {
            return fingerprint;
        }

        @SuppressWarnings("unchecked")
        Optional<PersonId> person() {
            Object known = person;
            if (known == null) {
                known = Certificates.personId(certificate);
                person = known;
            }
            return (Optional<PersonId>) known;
        }

        /**
         * Whether {@code signature} is the certificate's Ed25519 signature of {@code input}, exactly as
         * {@link Ed25519#verify(byte[], byte[], byte[])} answers with the certificate's raw key; null if the certificate
         * holds no Ed25519 key.
         */
        Boolean verifies(byte[] input, byte[] signature) {
            Object ready = key;
            if (ready == null) {
                byte[] raw = Certificates.ed25519PublicKey(certificate).orElse(null);
                if (raw == null) {
                    return null;
                }
                ready = raw.length == Ed25519.KEY_LENGTH ? new Ed25519.VerifyingKey(raw) : NONE;
                rawKey = raw;
                key = ready;
            }
            return ready == NONE ? Boolean.valueOf(Ed25519.verify(rawKey, input, signature))
                    : Boolean.valueOf(((Ed25519.VerifyingKey) ready).verify(input, signature));
        }
    }

    private static Parts parts(String jwsJson) {
        JsonNode jws = Jws.parse(jwsJson);
        if (jws == null || !jws.isObject()) {
            throw SignatureProblems.refuse(SignatureProblems.MALFORMED,
                    "a signed command is a JWS in flattened JSON serialization: {\"protected\", \"payload\", \"signature\"}");
        }
        if (jws.has("header")) {
            throw SignatureProblems.refuse(SignatureProblems.HEADER_NOT_ALLOWED,
                    "an unprotected header is not accepted: every header parameter must be signed", "header");
        }
        for (Iterator<String> names = jws.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!JWS_MEMBERS.contains(name)) {
                throw SignatureProblems.refuse(SignatureProblems.MALFORMED,
                        "unexpected member '" + name + "': only the flattened serialization with one signature is accepted", name);
            }
        }
        byte[] header = bytes(jws, "protected");
        byte[] payload = bytes(jws, "payload");
        byte[] signature = bytes(jws, "signature");
        return new Parts(jws.get("protected").textValue(), jws.get("payload").textValue(), header, payload, signature);
    }

    private static byte[] bytes(JsonNode jws, String name) {
        JsonNode value = jws.get(name);
        byte[] bytes = value == null || !value.isTextual() ? null : Jws.decode(value.textValue());
        if (bytes == null) {
            throw SignatureProblems.refuse(SignatureProblems.MALFORMED,
                    "'" + name + "' must be unpadded base64url text", name);
        }
        return bytes;
    }

    private static JsonNode header(byte[] protectedHeader) {
        JsonNode header = Jws.parse(new String(protectedHeader, StandardCharsets.UTF_8));
        if (header == null || !header.isObject()) {
            throw SignatureProblems.refuse(SignatureProblems.MALFORMED, "the protected header is not a JSON object", "protected");
        }
        JsonNode alg = header.get("alg");
        if (alg == null || !alg.isTextual() || !Jws.ALG.equals(alg.textValue())) {
            throw SignatureProblems.refuse(SignatureProblems.ALGORITHM_NOT_ALLOWED,
                    "only alg EdDSA (Ed25519) is accepted, not " + alg, "alg");
        }
        for (String name : FORBIDDEN_HEADERS) {
            if (header.has(name)) {
                throw SignatureProblems.refuse(SignatureProblems.HEADER_NOT_ALLOWED,
                        "header parameter '" + name + "' is not accepted: the key comes from x5c and a trusted CA only", name);
            }
        }
        if (header.has("crit")) {
            throw SignatureProblems.refuse(SignatureProblems.CRITICAL_HEADER_UNKNOWN,
                    "no critical header extension is understood here: " + header.get("crit"), "crit");
        }
        JsonNode typ = header.get("typ");
        if (typ == null || !typ.isTextual() || !(Jws.TYP.equalsIgnoreCase(typ.textValue())
                || ("application/" + Jws.TYP).equalsIgnoreCase(typ.textValue()))) {
            throw SignatureProblems.refuse(SignatureProblems.TYPE_NOT_ALLOWED,
                    "typ must be " + Jws.TYP + ", not " + typ, "typ");
        }
        return header;
    }

    private List<Known> chain(JsonNode header) {
        JsonNode x5c = header.get("x5c");
        if (x5c == null || x5c.isNull() || (x5c.isArray() && x5c.isEmpty())) {
            throw SignatureProblems.refuse(SignatureProblems.CERTIFICATE_MISSING,
                    "the protected header must carry the signer's certificate in x5c", "x5c");
        }
        if (!x5c.isArray() || x5c.size() > MAX_CHAIN) {
            throw SignatureProblems.refuse(SignatureProblems.CERTIFICATE_MALFORMED,
                    "x5c must be an array of 1 to " + MAX_CHAIN + " base64 DER certificates", "x5c");
        }
        List<Known> chain = new ArrayList<>();
        for (JsonNode entry : x5c) {
            chain.add(certificate(entry));
        }
        return chain;
    }

    private Known certificate(JsonNode entry) {
        if (!entry.isTextual()) {
            throw SignatureProblems.refuse(SignatureProblems.CERTIFICATE_MALFORMED, "x5c entries are base64 text", "x5c");
        }
        Known known = parsed.get(entry.textValue());
        if (known != null) {
            return known;
        }
        X509Certificate certificate;
        try {
            certificate = Certificates.fromDer(Base64.getDecoder().decode(entry.textValue()));
        } catch (IllegalArgumentException e) {
            throw SignatureProblems.refuse(SignatureProblems.CERTIFICATE_MALFORMED,
                    "an x5c entry is not a base64 DER X.509 certificate", "x5c");
        }
        if (parsed.size() >= CACHE_LIMIT) {
            parsed.clear();
        }
        Known fresh = new Known(certificate);
        parsed.put(entry.textValue(), fresh);
        return fresh;
    }

    private static void checkSignature(Parts parts, Known signerCertificate) {
        byte[] signingInput = (parts.protectedHeader() + "." + parts.payload()).getBytes(StandardCharsets.US_ASCII);
        Boolean valid = signerCertificate.verifies(signingInput, parts.signatureBytes());
        if (valid == null) {
            throw SignatureProblems.refuse(SignatureProblems.ALGORITHM_NOT_ALLOWED, "the signer's certificate does not hold an Ed25519 key", "x5c");
        }
        if (!valid) {
            throw SignatureProblems.refuse(SignatureProblems.INVALID,
                    "the signature does not match the header and payload with the key of x5c[0]", "signature");
        }
    }

    /**
     * The checked envelope, holding the payload's own freshly parsed tree: session 15 (s15-cmdpath) no longer builds a
     * {@link CommandEnvelope} here, whose constructor matched the two patterns again and copied the command's tree, and
     * whose accessor copied it once more before {@link VerifiedCommand} took its own copy.
     */
    private record Envelope(String commandId, String type, Instant signedAt, JsonNode command) {
    }

    private static Envelope envelope(byte[] payload) {
        JsonNode json = Jws.parse(new String(payload, StandardCharsets.UTF_8));
        if (json == null || !json.isObject()) {
            throw SignatureProblems.refuse(SignatureProblems.PAYLOAD_MALFORMED,
                    "the payload is not a JSON object (or repeats a member name)", "payload");
        }
        if (!Arrays.equals(payload, CanonicalJson.canonicalize(json))) {
            throw SignatureProblems.refuse(SignatureProblems.PAYLOAD_NOT_CANONICAL,
                    "the payload must be the RFC 8785 canonical form of the envelope", "payload");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ENVELOPE_FIELDS.contains(name)) {
                throw SignatureProblems.refuse(SignatureProblems.FIELD_UNKNOWN,
                        "the envelope has only commandId, type, signedAt and command, not '" + name + "'", name);
            }
        }
        String commandId = field(json, "commandId", CommandEnvelope.COMMAND_ID);
        String type = field(json, "type", CommandEnvelope.TYPE);
        String signedAtText = field(json, "signedAt", CommandEnvelope.SIGNED_AT);
        Instant signedAt;
        try {
            signedAt = mn.registry.kernel.time.IsoUtcText.parse(signedAtText);
        } catch (DateTimeParseException e) {
            throw SignatureProblems.refuse(SignatureProblems.FIELD_INVALID, "signedAt is not a valid instant", "signedAt");
        }
        JsonNode command = json.get("command");
        if (command == null) {
            throw SignatureProblems.refuse(SignatureProblems.FIELD_MISSING, "the envelope has no 'command'", "command");
        }
        if (!command.isObject()) {
            throw SignatureProblems.refuse(SignatureProblems.FIELD_INVALID, "'command' must be a JSON object", "command");
        }
        return new Envelope(commandId, type, signedAt, command);
    }

    // the envelope's patterns are compiled once (CommandEnvelope); String.matches would compile them again for every command
    private static String field(JsonNode json, String name, java.util.regex.Pattern pattern) {
        JsonNode value = json.get(name);
        if (value == null) {
            throw SignatureProblems.refuse(SignatureProblems.FIELD_MISSING, "the envelope has no '" + name + "'", name);
        }
        if (!value.isTextual() || !pattern.matcher(value.textValue()).matches()) {
            throw SignatureProblems.refuse(SignatureProblems.FIELD_INVALID,
                    "'" + name + "' must be text matching " + pattern.pattern(), name);
        }
        return value.textValue();
    }

    private void checkSigningTime(Instant signedAt) {
        if (physicalClock != null && withinLimits(signedAt, physicalClock.instant())) {
            return;
        }
        Instant now = clock.instant();
        if (signedAt.isAfter(now.plus(maxClockSkew))) {
            throw SignatureProblems.refuse(SignatureProblems.SIGNED_IN_FUTURE,
                    "signedAt " + signedAt + " is later than the registry's time " + now + " plus " + maxClockSkew, "signedAt");
        }
        if (maxAge != null && signedAt.isBefore(now.minus(maxAge))) {
            throw SignatureProblems.refuse(SignatureProblems.SIGNED_TOO_LONG_AGO,
                    "signedAt " + signedAt + " is more than " + maxAge + " before the registry's time " + now, "signedAt");
        }
    }

    private boolean withinLimits(Instant signedAt, Instant now) {
        return !signedAt.isAfter(now.plus(maxClockSkew)) && (maxAge == null || !signedAt.isBefore(now.minus(maxAge)));
    }

    /**
     * 001 art. 23.1.1 (ADR 0055): a certificate to enrol, {@code chain} its certificate first, is a person's signing certificate that
     * leads to a trusted CA and is in force at {@code at} (the registry's time of receipt); else the problem a signature under it
     * would meet ({@code certificate.untrusted}, {@code certificate.expired}, ...), on the field {@code x5c}.
     */
    public void checkCertificateAt(List<X509Certificate> chain, Instant at) {
        if (chain.isEmpty()) {
            throw SignatureProblems.refuse(SignatureProblems.CERTIFICATE_MISSING, "no certificate is given", "x5c");
        }
        checkCertificates(chain.stream().map(Known::new).toList(), at);
    }

    // 001 art. 23.1.1: the certificate must be valid at the moment the signature is made.
    private void checkCertificates(List<Known> certificates, Instant signedAt) {
        List<X509Certificate> chain = certificates.stream().map(Known::certificate).toList();
        X509Certificate signer = chain.get(0);
        Date at = Date.from(signedAt);
        try {
            signer.checkValidity(at);
        } catch (CertificateExpiredException e) {
            throw SignatureProblems.refuse(SignatureProblems.CERTIFICATE_EXPIRED,
                    "the signer's certificate expired " + signer.getNotAfter().toInstant() + ", before signedAt " + signedAt, "x5c");
        } catch (CertificateNotYetValidException e) {
            throw SignatureProblems.refuse(SignatureProblems.CERTIFICATE_NOT_YET_VALID,
                    "the signer's certificate is valid only from " + signer.getNotBefore().toInstant() + ", after signedAt " + signedAt, "x5c");
        }
        String chainKey = chainKey(certificates);
        Window known = validated.get(chainKey);
        if (known != null && known.contains(signedAt)) {
            checkSignerUse(signer);
            return;
        }
        List<X509Certificate> path = new ArrayList<>(chain);
        while (path.size() > 1 && trusted.contains(path.get(path.size() - 1))) {
            path.remove(path.size() - 1);
        }
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(at);
            PKIXCertPathValidatorResult result = (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
            // RFC 5280 leaves a trust anchor's own dates unchecked; the registry's CA must be in force at signedAt too.
            X509Certificate anchor = result.getTrustAnchor().getTrustedCert();
            anchor.checkValidity(at);
            if (validated.size() >= CACHE_LIMIT) {
                validated.clear();
            }
            validated.put(chainKey, Window.of(chain, anchor));
        } catch (CertificateExpiredException e) {
            throw SignatureProblems.refuse(SignatureProblems.CERTIFICATE_EXPIRED,
                    "the CA that issued the signer's certificate had expired at signedAt " + signedAt, "x5c");
        } catch (CertificateNotYetValidException e) {
            throw SignatureProblems.refuse(SignatureProblems.CERTIFICATE_NOT_YET_VALID,
                    "the CA that issued the signer's certificate was not yet valid at signedAt " + signedAt, "x5c");
        } catch (CertPathValidatorException e) {
            if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                throw SignatureProblems.refuse(SignatureProblems.CERTIFICATE_EXPIRED,
                        "a certificate of the signer's chain was expired at signedAt " + signedAt, "x5c");
            }
            if (e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                throw SignatureProblems.refuse(SignatureProblems.CERTIFICATE_NOT_YET_VALID,
                        "a certificate of the signer's chain was not yet valid at signedAt " + signedAt, "x5c");
            }
            throw SignatureProblems.refuse(SignatureProblems.CERTIFICATE_UNTRUSTED,
                    "the signer's certificate does not lead to a trusted CA: " + e.getMessage(), "x5c");
        } catch (GeneralSecurityException e) {
            throw SignatureProblems.refuse(SignatureProblems.CERTIFICATE_UNTRUSTED,
                    "the signer's certificate chain cannot be checked: " + e.getMessage(), "x5c");
        }
        checkSignerUse(signer);
    }

    private static void checkSignerUse(X509Certificate signer) {
        boolean[] usage = signer.getKeyUsage();
        boolean forSigning = usage == null || (usage.length > 1 && (usage[0] || usage[1]));
        if (!forSigning || signer.getBasicConstraints() >= 0) {
            throw SignatureProblems.refuse(SignatureProblems.CERTIFICATE_NOT_FOR_SIGNING,
                    "the signer's certificate is not a person's signing certificate (keyUsage digitalSignature or nonRepudiation, not a CA)", "x5c");
        }
    }

    private static String chainKey(List<Known> chain) {
        StringBuilder key = new StringBuilder();
        for (Known certificate : chain) {
            key.append(certificate.fingerprint()).append('/');
        }
        return key.toString();
    }

    /**
     * The instants at which a chain already found to lead to a trusted CA is valid: the overlap of the
     * validity of its certificates and of the anchor. Path validation without revocation checks depends on
     * the date only through these, so a chain validated once need not be validated again for a date inside.
     */
    private record Window(Instant from, Instant until) {
        static Window of(List<X509Certificate> chain, X509Certificate anchor) {
            Instant from = anchor.getNotBefore().toInstant();
            Instant until = anchor.getNotAfter().toInstant();
            for (X509Certificate certificate : chain) {
                from = later(from, certificate.getNotBefore().toInstant());
                until = earlier(until, certificate.getNotAfter().toInstant());
            }
            return new Window(from, until);
        }

        boolean contains(Instant at) {
            return !at.isBefore(from) && !at.isAfter(until);
        }

        private static Instant later(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }

        private static Instant earlier(Instant a, Instant b) {
            return a.isBefore(b) ? a : b;
        }
    }

}
