package mn.registry.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Optional;

/**
 * Lets a signed-in person's browser download an application's original documents ({@code GET /api/documents/{sha256}})
 * and a zone's quarterly report ({@code GET /api/governor/zones/...}) with its session cookie: the cookie's token is passed on as the bearer token the API expects, for that read-only
 * path and method only (the API still checks the role and logs the read with the reader, 001 art. 53.1). A form's
 * document is uploaded the same way ({@code POST /api/documents}), when the request also carries the page's CSRF token.
 */
@Component
class CookieBearer extends OncePerRequestFilter {

    /** The staff reads a page links to: original documents and the governor's report downloads. */
    static final java.util.List<String> READS = java.util.List.of("/api/documents/", "/api/governor/zones/");

    /** The one write a page makes with the cookie: a form's document uploaded (ADR 0014), only with the page's CSRF token. */
    static final String UPLOAD = "/api/documents";

    private final CsrfTokens csrf;

    CookieBearer(CsrfTokens csrf) {
        this.csrf = csrf;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        boolean read = "GET".equals(request.getMethod()) && READS.stream().anyMatch(request.getRequestURI()::startsWith);
        boolean upload = "POST".equals(request.getMethod()) && UPLOAD.equals(request.getRequestURI());
        return !(read || upload) || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        if ("POST".equals(request.getMethod())) {
            try {
                csrf.check(request); // another site cannot upload in the person's name: the cookie alone is not enough
            } catch (mn.registry.kernel.problem.RegistryProblem p) {
                chain.doFilter(request, response); // no bearer: the API refuses the upload as it refuses any without a session
                return;
            }
        }
        Optional<String> token = Optional.ofNullable(request.getCookies()).stream().flatMap(Arrays::stream)
                .filter(c -> StaffSession.COOKIE.equals(c.getName()) && !c.getValue().isEmpty()).map(Cookie::getValue).findFirst();
        if (token.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String bearer = "Bearer " + token.get();
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? bearer : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(bearer)) : super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                java.util.List<String> names = Collections.list(super.getHeaderNames());
                names.add(HttpHeaders.AUTHORIZATION);
                return Collections.enumeration(names);
            }
        }, response);
    }
}
