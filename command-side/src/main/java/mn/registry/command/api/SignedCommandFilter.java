package mn.registry.command.api;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import mn.registry.infrastructure.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;

import java.io.IOException;
import java.util.List;

/**
 * ADR 0042: {@code POST /api/commands} answered without Spring MVC's dispatch. A signed command that Spring MVC would
 * hand to {@link CommandController} (POST, a Content-Type it consumes, an Accept it can answer) is carried out here by
 * the controller's own {@link CommandController#answer}, and a refusal is answered by {@link ProblemResponses#answer},
 * the very handlers Spring MVC uses, written with Spring's JSON converter: the same status, headers and bytes. Every
 * other request (another method, media type or Accept) goes on to Spring MVC as before, which answers 405, 415 or 406.
 *
 * <p>Why: Spring MVC's dispatch (handler mapping, the argument and return value handlers, content negotiation, the
 * method validator looked up per request) was about 10 % of the request thread's CPU per signed command (JFR, session
 * 10; docs/benchmarks.md "Session 10: CPU per command"). The filter runs last, after every other filter of the chain.
 */
final class SignedCommandFilter implements Filter {

    static final String PATH = "/api/commands";
    private static final List<MediaType> CONSUMES = List.of(MediaType.APPLICATION_JSON, MediaType.parseMediaType("application/jose+json"));

    private final CommandController controller;
    private final ProblemResponses problems;
    private final MappingJackson2HttpMessageConverter json;

    SignedCommandFilter(CommandController controller, ProblemResponses problems, MappingJackson2HttpMessageConverter json) {
        this.controller = controller;
        this.problems = problems;
        this.json = json;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response) || !answersItself(request)) {
            chain.doFilter(req, res);
            return;
        }
        ResponseEntity<byte[]> answer;
        try {
            answer = controller.answer(request);
        } catch (Exception e) {
            writeProblem(problems.answer(e), request, response);
            return;
        }
        response.setStatus(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        byte[] body = answer.getBody() == null ? new byte[0] : answer.getBody();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** What Spring MVC would route to {@link CommandController#submit}: POST to the path, a consumed Content-Type, an acceptable answer. */
    static boolean answersItself(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || !PATH.equals(request.getRequestURI())) {
            return false;
        }
        try {
            String contentType = request.getContentType();
            if (contentType == null) {
                return false;
            }
            MediaType type = MediaType.parseMediaType(contentType);
            if (CONSUMES.stream().noneMatch(type::equalsTypeAndSubtype)) {
                return false;
            }
            String accept = request.getHeader(HttpHeaders.ACCEPT);
            if (accept == null || accept.isBlank()) {
                return true;
            }
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(wanted -> wanted.isCompatibleWith(MediaType.APPLICATION_JSON)); // as Spring MVC's produces condition: q ignored
        } catch (InvalidMediaTypeException e) {
            return false; // Spring MVC answers it as it always did
        }
    }

    private void writeProblem(ResponseEntity<ProblemDetail> problem, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (problem.getBody() != null && problem.getBody().getInstance() == null) {
            problem.getBody().setInstance(java.net.URI.create(request.getRequestURI())); // as Spring MVC's HttpEntityMethodProcessor does
        }
        response.setStatus(problem.getStatusCode().value());
        ServletServerHttpResponse out = new ServletServerHttpResponse(response);
        out.getHeaders().putAll(problem.getHeaders());
        MediaType type = problem.getHeaders().getContentType() != null ? problem.getHeaders().getContentType() : MediaType.APPLICATION_PROBLEM_JSON;
        json.write(problem.getBody(), type, out);
        out.flush();
    }
}
