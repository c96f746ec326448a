package mn.registry.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import mn.registry.infrastructure.identity.Actor;
import mn.registry.infrastructure.session.Sessions;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A staff member's session in the browser: the bearer token of {@link Sessions} kept in an HttpOnly, SameSite=Strict
 * cookie, so pages are server-rendered for the person and scripts never see the token. Who the person is and which
 * roles they hold are asked of {@link Sessions} at every request, so a revoked role stops working at once.
 */
@Component
public class StaffSession {

    public static final String COOKIE = "registry-session";

    private final Sessions sessions;
    private final Clock clock;

    StaffSession(Sessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Whether a page may be shown, and if not, which view to show instead (sign in, or "not allowed"). */
    private record Gate(Actor actor, String view) {
        public boolean allowed() {
            return actor != null;
        }
    }

    /** The signed-in person, who must hold one of {@code roles}; otherwise the sign-in page or a 403 page. */
    private Gate gate(HttpServletRequest request, HttpServletResponse response, Role... roles) {
        try {
            return new Gate(sessions.require(bearer(request), roles), null);
        } catch (RegistryProblem p) {
            if (p.kind() == RegistryProblem.Kind.FORBIDDEN) {
                response.setStatus(403);
                return new Gate(null, "forbidden");
            }
            String next = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            return new Gate(null, "redirect:/signin?next=" + UriUtils.encodeQueryParam(next, StandardCharsets.UTF_8));
        }
    }

    /**
     * A page for the signed-in person, who must hold one of {@code roles}: {@code page}'s view; otherwise the sign-in page
     * or a 403 page.
     */
    public String page(HttpServletRequest request, HttpServletResponse response, List<Role> roles, Function<Actor, String> page) {
        Gate gate = gate(request, response, roles.toArray(Role[]::new));
        return gate.allowed() ? page.apply(gate.actor()) : gate.view();
    }

    /** The signed-in person, if any, whatever their roles. */
    public Optional<Actor> current(HttpServletRequest request) {
        try {
            return Optional.of(sessions.require(bearer(request)));
        } catch (RegistryProblem p) {
            return Optional.empty();
        }
    }

    /** Redeems a signed {@code SignIn} command and keeps the session in the cookie. */
    public Sessions.Session open(String jws, HttpServletRequest request, HttpServletResponse response) {
        Sessions.Session session = sessions.signIn(jws);
        Duration lifetime = Duration.between(clock.instant(), session.expiresAt());
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, session.token()).httpOnly(true).sameSite("Strict").path("/")
                .secure(request.isSecure()).maxAge(lifetime.isNegative() ? Duration.ZERO : lifetime).build().toString());
        return session;
    }

    /** Signs out: the session ends on the server (its token is refused from now on) and the cookie is cleared. */
    public void close(HttpServletRequest request, HttpServletResponse response) {
        sessions.signOut(bearer(request));
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, "").httpOnly(true).sameSite("Strict").path("/")
                .secure(request.isSecure()).maxAge(0).build().toString());
    }

    private static String bearer(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? null : Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName()) && !c.getValue().isEmpty())
                .map(c -> "Bearer " + c.getValue()).findFirst().orElse(null);
    }
}
