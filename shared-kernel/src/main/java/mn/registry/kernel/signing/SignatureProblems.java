package mn.registry.kernel.signing;

import mn.registry.kernel.problem.RegistryProblem;

/**
 * The stable codes with which a signed command is refused (all 401, listed in {@code docs/signing.md}).
 * Clients may switch on them; they are never renamed.
 */
public final class SignatureProblems {

    public static final String MALFORMED = "signature.malformed";
    public static final String ALGORITHM_NOT_ALLOWED = "signature.algorithm-not-allowed";
    public static final String TYPE_NOT_ALLOWED = "signature.type-not-allowed";
    public static final String HEADER_NOT_ALLOWED = "signature.header-not-allowed";
    public static final String CRITICAL_HEADER_UNKNOWN = "signature.critical-header-unknown";
    public static final String INVALID = "signature.invalid";
    public static final String CERTIFICATE_MISSING = "certificate.missing";
    public static final String CERTIFICATE_MALFORMED = "certificate.malformed";
    public static final String CERTIFICATE_UNTRUSTED = "certificate.untrusted";
    public static final String CERTIFICATE_EXPIRED = "certificate.expired";
    public static final String CERTIFICATE_NOT_YET_VALID = "certificate.not-yet-valid";
    public static final String CERTIFICATE_NOT_FOR_SIGNING = "certificate.not-for-signing";
    public static final String CERTIFICATE_NO_PERSON = "certificate.no-person-id";
    public static final String SIGNED_IN_FUTURE = "command.signed-in-future";
    public static final String SIGNED_TOO_LONG_AGO = "command.signed-too-long-ago";
    public static final String PAYLOAD_MALFORMED = "payload.malformed";
    public static final String PAYLOAD_NOT_CANONICAL = "payload.not-canonical";
    public static final String FIELD_MISSING = "payload.field-missing";
    public static final String FIELD_INVALID = "payload.field-invalid";
    public static final String FIELD_UNKNOWN = "payload.field-unknown";
    public static final String SIGN_IN_WRONG_TYPE = "signin.wrong-type";
    public static final String SIGN_IN_CHALLENGE_MISMATCH = "signin.challenge-mismatch";

    private static final String SIGNATURE_ARTICLE = "002 art. 6.3";
    private static final String CERTIFICATE_ARTICLE = "001 art. 23.1.1";

    private SignatureProblems() {
    }

    static RegistryProblem refuse(String code, String message) {
        return refuse(code, message, null);
    }

    static RegistryProblem refuse(String code, String message, String field) {
        String article = code.startsWith("certificate.") || code.startsWith("command.signed")
                ? CERTIFICATE_ARTICLE : code.startsWith("signature.") ? SIGNATURE_ARTICLE : null;
        return new RegistryProblem(RegistryProblem.Kind.UNAUTHENTICATED, code, message, field, article);
    }
}
