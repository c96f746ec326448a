package mn.registry.web;

import mn.registry.infrastructure.RegistryProperties;
import mn.registry.kernel.problem.RegistryProblem;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CSRF tokens, the sign-in redirect and the demo key helper refuse what they must. */
class WebSecurityTest {

    private final CsrfTokens csrf = new CsrfTokens();

    @Test
    @DisplayName("a form without this browser's CSRF token, or with another's, is refused; with it, accepted")
    void csrf_token_must_match_the_cookie() {
        MockHttpServletRequest first = new MockHttpServletRequest("GET", "/signin");
        MockHttpServletResponse response = new MockHttpServletResponse();
        String token = csrf.tokenFor(first, response);
        String setCookie = response.getHeader("Set-Cookie");
        assertThat(setCookie).startsWith(CsrfTokens.COOKIE + "=" + token).contains("HttpOnly").contains("SameSite=Strict");

        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/signout");
        post.setCookies(new Cookie(CsrfTokens.COOKIE, token));
        assertThatThrownBy(() -> csrf.check(post)).isInstanceOf(RegistryProblem.class).hasMessageContaining("CSRF");
        post.setParameter(CsrfTokens.PARAM, token + "x");
        assertThatThrownBy(() -> csrf.check(post)).isInstanceOf(RegistryProblem.class);
        post.setParameter(CsrfTokens.PARAM, token);
        csrf.check(post);

        MockHttpServletRequest noCookie = new MockHttpServletRequest("POST", "/signin");
        noCookie.addHeader(CsrfTokens.HEADER, token);
        assertThatThrownBy(() -> csrf.check(noCookie)).isInstanceOf(RegistryProblem.class);
    }

    @Test
    @DisplayName("a known browser keeps its token: no new cookie")
    void token_is_reused() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setCookies(new Cookie(CsrfTokens.COOKIE, "abc"));
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(csrf.tokenFor(request, response)).isEqualTo("abc");
        assertThat(response.getHeader("Set-Cookie")).isNull();
    }

    @Test
    @DisplayName("after signing in, only a path on this site is followed (no open redirect)")
    void next_is_a_local_path_only() {
        assertThat(SignInController.safeNext("/desk/applications/1")).isEqualTo("/desk/applications/1");
        assertThat(SignInController.safeNext("https://evil.example/")).isNull();
        assertThat(SignInController.safeNext("//evil.example/")).isNull();
        assertThat(SignInController.safeNext("/\\evil.example")).isNull();
        assertThat(SignInController.safeNext(null)).isNull();
    }

    @Test
    @DisplayName("the demo key helper answers 404 outside demo mode, and for anyone not a demo person")
    void demo_keys_only_in_demo_mode() {
        SignInController production = new SignInController(null, csrf, new RegistryProperties(Path.of("target/none"), null, null, null, false));
        assertNotFound(() -> production.demoKeys("reviewer-1"));
        SignInController demo = new SignInController(null, csrf, new RegistryProperties(Path.of("target/none"), null, null, null, true));
        assertNotFound(() -> demo.demoKeys("../../keys/ca"));
        assertNotFound(() -> demo.demoKeys("someone-else"));
    }

    /** The refusal is a 404 problem (answered as problem+json), not an empty 404. */
    private static void assertNotFound(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        org.assertj.core.api.Assertions.assertThatThrownBy(call).isInstanceOfSatisfying(mn.registry.kernel.problem.RegistryProblem.class,
                p -> assertThat(p.kind().status()).isEqualTo(404));
    }

    @Test
    @DisplayName("the Content-Security-Policy allows no inline script or style and nothing from another site")
    void policy_is_strict() {
        String policy = SecurityHeaders.CONTENT_SECURITY_POLICY;
        assertThat(policy).contains("default-src 'self'").contains("script-src 'self'").contains("style-src 'self'")
                .contains("frame-ancestors 'none'").contains("form-action 'self'").doesNotContain("unsafe").doesNotContain("http");
    }
}
