package mn.registry.standalone.browser;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in with the key files a person holds: a PKCS#12 file opened in the browser, a wrong password, someone else's key. */
@BrowserTest
class SignInBrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    /** The person's key and chain in a PKCS#12 file as Java writes it by default (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC). */
    static Path pkcs12(Path home, char[] password) throws Exception {
        String pem = Files.readString(home.resolve("key.pem"), StandardCharsets.US_ASCII);
        byte[] pkcs8 = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        Certificate[] chain;
        try (var in = Files.newInputStream(home.resolve("cert.pem"))) {
            chain = CertificateFactory.getInstance("X.509").generateCertificates(in).toArray(new Certificate[0]);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("signing", key, password, chain);
        Path file = Files.createTempFile("person-", ".p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file;
    }

    @Test
    @DisplayName("001 art. 23.1.1: a PKCS#12 file opens in the browser and signs the challenge; a wrong password is named")
    void sign_in_with_a_pkcs12_file() throws Exception {
        Path home = registry.dataDir.resolve("keys/people/supervisor-1");
        Path p12 = pkcs12(home, "correct horse".toCharArray());

        browser.open("/signin", "en");
        browser.find("#p12").sendKeys(p12.toAbsolutePath().toString());
        browser.find("#p12-password").sendKeys("wrong horse");
        browser.find("#signin-p12-submit").click();
        browser.waitUntil("the wrong password is reported", d -> d.findElement(By.id("signin-status")).getText().contains("password"));
        assertThat(browser.all("#signed-in-as")).isEmpty();

        browser.find("#p12-password").clear();
        browser.find("#p12-password").sendKeys("correct horse");
        browser.find("#signin-p12-submit").click();
        browser.waitFor("#signed-in-as");
        assertThat(browser.find("#signed-in-as").getText()).contains("Оюунчимэг Ганбаатар");
        browser.signOut();
    }

    @Test
    @DisplayName("a key that does not belong to the certificate is refused in the browser, before anything is sent")
    void someone_elses_key_is_refused() {
        Path people = registry.dataDir.resolve("keys/people");
        browser.open("/signin", "en");
        browser.find("#key").sendKeys(people.resolve("reviewer-1/key.pem").toAbsolutePath().toString());
        browser.find("#cert").sendKeys(people.resolve("supervisor-1/cert.pem").toAbsolutePath().toString());
        browser.find("#signin-submit").click();
        browser.waitUntil("the mismatch is reported", d -> d.findElement(By.id("signin-status")).getText().contains("does not belong"));
        assertThat(browser.all("#signed-in-as")).isEmpty();
    }

    @Test
    @DisplayName("axe checks a page state once a JVM (ADR 0074): the same state again is not rechecked, a changed one is, and its violation fails")
    void axe_checks_a_changed_state_of_a_page_it_already_passed() {
        browser.open("/signin", "en");
        long runs = Browser.AXE_RUNS.get();
        long skipped = Browser.AXE_SKIPPED.get();
        browser.axe();
        assertThat(Browser.AXE_SKIPPED.get()).as("the state just passed, met again").isEqualTo(skipped + 1);
        assertThat(Browser.AXE_RUNS.get()).as("axe runs").isEqualTo(runs);
        // the same page with one image lacking a text alternative (axe's image-alt, critical): a new state, checked, refused
        browser.script("const img = document.createElement('img'); img.src = '/favicon.ico'; document.querySelector('main').appendChild(img);");
        org.assertj.core.api.Assertions.assertThatThrownBy(browser::axe).isInstanceOf(AssertionError.class).hasMessageContaining("image-alt");
        // and it stays refused: a failed state is never remembered as passed
        org.assertj.core.api.Assertions.assertThatThrownBy(browser::axe).isInstanceOf(AssertionError.class).hasMessageContaining("image-alt");
        browser.open("/signin", "en");
    }
}
