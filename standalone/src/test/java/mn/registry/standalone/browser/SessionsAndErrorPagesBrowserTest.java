package mn.registry.standalone.browser;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 item 6: signing out ends the session on the server, so a copied cookie no longer opens a desk; browsers get
 * error pages in their language while API clients keep problem+json; /verify says in words why a text is no bundle.
 */
@BrowserTest
class SessionsAndErrorPagesBrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;
    private static final HttpClient http = HttpClient.newHttpClient();

    static HttpResponse<String> get(String path, String accept, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry.url(path))).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("issue 16: after signing out, the old session cookie opens nothing (the server ended the session)")
    void sign_out_ends_the_session_on_the_server() throws Exception {
        browser.signInAsDemo("reviewer-1");
        Cookie session = browser.driver.manage().getCookieNamed("registry-session");
        assertThat(session).isNotNull();
        String cookie = "registry-session=" + session.getValue();
        HttpResponse<String> before = get("/desk", "text/html", cookie);
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).contains("id=\"signed-in-as\"");
        browser.axe();

        browser.signOut();

        HttpResponse<String> after = get("/desk", "text/html", cookie);
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/signin");
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(registry.url("/api/session")))
                .header("Authorization", "Bearer " + session.getValue()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("session.invalid");
    }

    @Test
    @DisplayName("issue 16: an unknown path is an HTML page in the browser's language, and problem+json for an API client")
    void unknown_paths_are_pages_for_browsers_and_problems_for_programs() throws Exception {
        HttpResponse<String> mn = get("/no-such-page?lang=mn", "text/html,application/xhtml+xml", null);
        assertThat(mn.statusCode()).isEqualTo(404);
        assertThat(mn.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(mn.body()).contains("Олдсонгүй").contains("lang=\"mn\"");
        HttpResponse<String> en = get("/no-such-page?lang=en", "text/html", null);
        assertThat(en.statusCode()).isEqualTo(404);
        assertThat(en.body()).contains("Not found");
        HttpResponse<String> program = get("/no-such-page", "application/json", null);
        assertThat(program.statusCode()).isEqualTo(404);
        assertThat(program.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(program.body()).contains("request.not-found");
        HttpResponse<String> api = get("/api/no-such-thing", "text/html", null);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        browser.open("/no-such-page", "mn");
        assertThat(browser.find("h1").getText()).isEqualTo("Олдсонгүй");
        browser.axe();
        browser.open("/no-such-page", "en");
        assertThat(browser.find("h1").getText()).isEqualTo("Not found");
    }

    @Test
    @DisplayName("issue 16: /verify explains in words, in both languages, why a pasted text is not a proof bundle")
    void verify_explains_a_non_bundle() {
        for (String lang : new String[]{"en", "mn"}) {
            browser.open("/verify", lang);
            browser.axe();
            check("hello, this is not a bundle", "notJson");
            check("{\"record\": 1}", "notBundle");
            check("[1, 2]", "notBundle");
        }
        assertThat(browser.find("#verify-verdict").getText()).contains("JSON").doesNotContain("Error").doesNotContain("undefined");
    }

    private static void check(String text, String reason) {
        browser.script("document.getElementById('bundle-text').value = arguments[0];", text);
        browser.script("document.getElementById('verify-verdict').removeAttribute('data-outcome');");
        browser.find("#verify-submit").click();
        browser.waitUntil("the text is judged", d -> d.findElement(By.id("verify-verdict")).getAttribute("data-outcome") != null);
        assertThat(browser.find("#verify-verdict").getAttribute("data-reason")).isEqualTo(reason);
        assertThat(browser.find("#verify-verdict").getText()).doesNotContain("SyntaxError").doesNotContain("??");
    }
}
