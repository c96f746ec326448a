package mn.registry.infrastructure.web;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import mn.registry.kernel.problem.RegistryProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;

/**
 * Turns every refusal into RFC 9457 problem+json: {@code code} (stable), {@code field} and
 * {@code article} where known. Unexpected failures are logged here with their stack trace and
 * answered with a 500 that says nothing of the internals.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    public static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String code, String detail, String field, String article) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("urn:mn-registry:problem:" + code));
        body.setTitle(HttpStatus.valueOf(status.value()).getReasonPhrase());
        body.setProperty("code", code);
        if (field != null) {
            body.setProperty("field", field);
        }
        if (article != null) {
            body.setProperty("article", article);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(PROBLEM_JSON);
        if (status.value() == 401) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"mn-registry\"");
        }
        return new ResponseEntity<>(body, headers, status);
    }

    public static ResponseEntity<ProblemDetail> of(RegistryProblem p) {
        return problem(HttpStatusCode.valueOf(p.kind().status()), p.code(), p.getMessage(), p.field(), p.article());
    }

    @ExceptionHandler(RegistryProblem.class)
    ResponseEntity<ProblemDetail> registryProblem(RegistryProblem p) {
        log.info("refused: {} {} (field {}, {})", p.code(), p.getMessage(), p.field(), p.article());
        return of(p);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "request.malformed", "The request body is not readable JSON of the expected shape.", "body", null);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "request.parameter-missing", "The parameter '" + e.getParameterName() + "' is required.", e.getParameterName(), null);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return problem(HttpStatus.BAD_REQUEST, "request.header-missing", "The header '" + e.getHeaderName() + "' is required.", e.getHeaderName(), null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> wrongType(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return problem(HttpStatus.BAD_REQUEST, "request.parameter-invalid",
                "The parameter '" + e.getName() + "' must be " + describe(expected) + ".", e.getName(), null);
    }

    private static String describe(String type) {
        return switch (type) {
            case "LocalDate" -> "a date like 2026-11-20";
            case "int", "Integer", "long", "Long" -> "a whole number";
            default -> "a valid " + type;
        };
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "request.media-type", "Content-Type " + e.getContentType() + " is not accepted here; use "
                + e.getSupportedMediaTypes() + ".", "Content-Type", null);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "request.not-acceptable", "No representation matches the Accept header.", "Accept", null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "request.method", "Method " + e.getMethod() + " is not allowed here.", null, null);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "request.too-large", "The request body is larger than allowed.", "body", null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "request.not-found", "Nothing is published at /" + e.getResourcePath() + ".", null, null);
    }

    /**
     * The client went away while its answer was written (a reader closed the disclosure feed's event stream, a browser left the
     * page): nothing failed in the registry and nothing can be answered; logged at debug, not as an unexpected failure.
     */
    @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
    ResponseEntity<ProblemDetail> clientGone(org.springframework.web.context.request.async.AsyncRequestNotUsableException e) {
        log.debug("the client went away before its answer was written: {}", e.getMessage());
        return null;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        RegistryProblem cause = registryProblemIn(e);
        if (cause != null) {
            return registryProblem(cause);
        }
        if (storageUnavailable(e)) {
            log.warn("storage unavailable while handling a request: {}", e.toString());
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "registry.storage-unavailable",
                    "The registry's database is not reachable; the request was not carried out. Sending the same signed command again later is safe.",
                    null, null);
        }
        if (e instanceof org.springframework.web.ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
            return problem(framework.getStatusCode(), "request.invalid", framework.getBody().getDetail(), null, null);
        }
        log.error("unexpected failure while handling a request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "registry.internal-error",
                "The registry could not complete the request; nothing was stored. The failure is logged.", null, null);
    }

    /**
     * The database could not be reached (no server selected in time, connection refused or broken), possibly
     * wrapped by Axon: the request failed for a reason that is the registry's and passes, so 503 and retry.
     */
    static boolean storageUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MongoTimeoutException || t instanceof MongoSocketException
                    || t instanceof MongoNotPrimaryException || t instanceof MongoNodeIsRecoveringException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** A refusal thrown inside Axon arrives wrapped; find it. */
    /** The registry's own refusal in {@code e}'s chain of causes (Axon and Spring wrap it), or null. */
    public static RegistryProblem registryProblemIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RegistryProblem p) {
                return p;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
