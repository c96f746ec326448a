package mn.registry.kernel.problem;

import java.util.Objects;

/**
 * A refusal that is not a decision of law: bad input, missing authority, a broken signature.
 * The {@code code} is stable (clients may switch on it); {@code field} names the offending input
 * and {@code article} the rule, when there is one. Refusals the law itself defines are events, not this.
 */
public class RegistryProblem extends RuntimeException {

    /** What kind of refusal: decides the HTTP status. */
    public enum Kind {
        /** 400: the request is malformed or breaks an intake rule. */
        INVALID(400),
        /** 401: no valid signature or session. */
        UNAUTHENTICATED(401),
        /** 403: a valid signer without the authority the act needs. */
        FORBIDDEN(403),
        /** 404: the thing named does not exist. */
        NOT_FOUND(404),
        /** 409: the act conflicts with the current state. */
        CONFLICT(409),
        /** 413: the body is too large. */
        TOO_LARGE(413),
        /** 415: the media type is not accepted. */
        UNSUPPORTED_MEDIA_TYPE(415),
        /** 429: the client sent more than its share; retry later. */
        TOO_MANY_REQUESTS(429),
        /** 503: the registry cannot take the act now (storage down); retry is safe. */
        UNAVAILABLE(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String code;
    private final String field;
    private final String article;

    public RegistryProblem(Kind kind, String code, String message, String field, String article) {
        super(message);
        this.kind = Objects.requireNonNull(kind);
        this.code = Objects.requireNonNull(code);
        this.field = field;
        this.article = article;
    }

    public static RegistryProblem invalid(String code, String message, String field, String article) {
        return new RegistryProblem(Kind.INVALID, code, message, field, article);
    }

    public static RegistryProblem forbidden(String code, String message, String article) {
        return new RegistryProblem(Kind.FORBIDDEN, code, message, null, article);
    }

    public static RegistryProblem unauthenticated(String code, String message) {
        return new RegistryProblem(Kind.UNAUTHENTICATED, code, message, null, null);
    }

    public static RegistryProblem conflict(String code, String message, String article) {
        return new RegistryProblem(Kind.CONFLICT, code, message, null, article);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public String article() {
        return article;
    }
}
