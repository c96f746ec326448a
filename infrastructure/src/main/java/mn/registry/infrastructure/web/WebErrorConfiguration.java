package mn.registry.infrastructure.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Refusals that never reach a controller are problem+json too: Tomcat's own refusals (see
 * {@link ProblemErrorReportValve}) and the servlet container's error dispatch to {@code /error}, which replaces
 * Spring Boot's default error controller (whose JSON names the exception type when so configured and is not
 * problem+json).
 */
@Configuration
class WebErrorConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** The RFC 9457 body for a bare status, as {@link ProblemResponses} writes it. */
    static String problemJson(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String code = codeOf(status);
        return "{\"type\":\"urn:mn-registry:problem:" + code + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detailOf(status) + "\",\"code\":\"" + code + "\"}";
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 404 -> "request.not-found";
            case 405 -> "request.method";
            case 413 -> "request.too-large";
            case 431 -> "request.headers-too-large";
            default -> status >= 500 ? "registry.internal-error" : "request.invalid";
        };
    }

    private static String detailOf(int status) {
        return switch (status) {
            case 404 -> "Nothing is published here.";
            case 413 -> "The request body is larger than allowed.";
            case 431 -> "The request headers are larger than allowed.";
            default -> status >= 500 ? "The registry could not complete the request; nothing was stored." : "The request could not be read.";
        };
    }

    /** The container's error dispatch ({@code /error}), as problem+json. */
    @RestController
    static class ProblemErrorController implements ErrorController {

        @RequestMapping("${server.error.path:${error.path:/error}}")
        ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = code instanceof Integer i && i >= 400 ? i : 404;
            HttpStatus known = HttpStatus.resolve(status);
            return ProblemResponses.problem(known == null ? HttpStatus.BAD_REQUEST : known, codeOf(status), detailOf(status), null, null);
        }
    }
}
