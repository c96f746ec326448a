package mn.registry.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import mn.registry.kernel.problem.RegistryProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * CSRF protection of the site's own forms (sign in, sign out) by a double-submit token: a random value in an
 * HttpOnly, SameSite=Strict cookie that every form also carries (hidden field {@value #PARAM} or header
 * {@value #HEADER}); another site can neither read the cookie nor make the browser send it. Signed commands to
 * {@code /api/commands} need no token: the signature itself is the authority.
 */
@Component
class CsrfTokens {

    public static final String COOKIE = "registry-csrf";
    public static final String HEADER = "X-CSRF-Token";
    public static final String PARAM = "_csrf";

    private final SecureRandom random = new SecureRandom();

    /** The browser's token, issued now (as a cookie on {@code response}) if it has none. */
    public String tokenFor(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> existing = cookie(request);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, token).httpOnly(true).sameSite("Strict").path("/")
                .secure(request.isSecure()).build().toString());
        request.setAttribute(COOKIE, token);
        return token;
    }

    /** Refuses a state-changing request whose form or header does not carry the browser's token. */
    public void check(HttpServletRequest request) {
        String sent = Optional.ofNullable(request.getHeader(HEADER)).orElse(request.getParameter(PARAM));
        String expected = cookie(request).orElse(null);
        if (sent == null || expected == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII))) {
            throw RegistryProblem.forbidden("web.csrf-token-mismatch", "The form did not carry this browser's CSRF token; reload the page and try again.", null);
        }
    }

    private static Optional<String> cookie(HttpServletRequest request) {
        Object issuedNow = request.getAttribute(COOKIE);
        if (issuedNow instanceof String s) {
            return Optional.of(s);
        }
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).map(Cookie::getValue).findFirst();
    }
}
