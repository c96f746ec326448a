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
 * path and method only (the API still checks the role and logs the read with the reader, 001 art. 53.1).
 */
@Component
class CookieBearer extends OncePerRequestFilter {

    /** The staff reads a page links to: original documents and the governor's report downloads. */
    static final java.util.List<String> READS = java.util.List.of("/api/documents/", "/api/governor/zones/");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || READS.stream().noneMatch(request.getRequestURI()::startsWith)
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
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
