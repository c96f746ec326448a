package mn.registry.standalone.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

/**
 * Debian's Chromium, headless, through {@value #DRIVER} (set explicitly: Selenium Manager never downloads a driver),
 * at a phone's or a desktop's width, with helpers the tests share: open a page in a language, sign in, wait, and take
 * a screenshot when {@code -Dscreenshots=DIR} is given.
 */
final class Browser implements AutoCloseable {

    static final String DRIVER = "/usr/bin/chromedriver";
    static final String CHROMIUM = "/usr/bin/chromium";

    final WebDriver driver;
    private final BrowserRegistry registry;

    Browser(BrowserRegistry registry, int width, int height) {
        this.registry = registry;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=" + width + "," + height,
                "--lang=en-US");
        if (width < 500) {
            // headless Chromium does not make a window narrower than 500 px: emulate the phone's screen instead
            options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
                    java.util.Map.of("width", width, "height", height, "pixelRatio", 1.0)));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
    }

    /**
     * Opens a path of the registry, in a language if one is given ({@code ?lang=}), and checks the page with axe
     * ({@link #axe()}): every page a browser test visits is checked, once a JVM for each distinct state (ADR 0074 item 1).
     */
    void open(String path, String lang) {
        String url = registry.url(path);
        if (lang != null) {
            url += (path.contains("?") ? "&" : "?") + "lang=" + lang;
        }
        driver.get(url);
        axe();
    }

    /** axe-core's script, from its npm webjar on the test classpath (org.webjars.npm:axe-core, ADR 0020). */
    private static final String AXE = axeSource();

    private static String axeSource() {
        try (var pom = Browser.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            java.util.Properties p = new java.util.Properties();
            p.load(pom);
            try (var js = Browser.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/" + p.getProperty("version") + "/axe.min.js")) {
                return new String(js.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("axe-core is not on the test classpath (org.webjars.npm:axe-core)", e);
        }
    }

    /**
     * Runs axe-core on the page as it is now and fails on any critical or serious violation (WCAG 2.1 A and AA rules
     * and axe's best practices), naming the rule, what it asks and the first elements that break it. Nothing is
     * filtered: the zone map (map.js) is a named region that is not itself focusable, so axe checks the map pages fully.
     */
    void axe() {
        earlierConsole.addAll(drainConsole());
        long started = System.nanoTime();
        String state = CHECK_EVERY_STATE ? null : pageState();
        if (state != null && PASSED.contains(state)) {
            AXE_SKIPPED.incrementAndGet();
            return;
        }
        runAxe();
        if (state != null) {
            PASSED.add(state);
        }
        AXE_RUNS.incrementAndGet();
        AXE_NANOS.addAndGet(System.nanoTime() - started);
    }

    /**
     * ADR 0074 item 1: the page states axe has passed in this JVM, each the SHA-256 of what axe reads ({@link #pageState()}). axe's verdict
     * is a function of that state (the same markup, the same style sheets of this run's registry, the same viewport, focus, form values
     * and scroll): a page drawn again in a state already passed is not checked again, a page whose state differs in anything is.
     * {@code -Dbrowser.axe.everyState=true} checks every load as before (the measurement's base, docs/benchmarks.md session 33).
     */
    private static final java.util.Set<String> PASSED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final boolean CHECK_EVERY_STATE = Boolean.getBoolean("browser.axe.everyState");
    static final java.util.concurrent.atomic.AtomicLong AXE_RUNS = new java.util.concurrent.atomic.AtomicLong();
    static final java.util.concurrent.atomic.AtomicLong AXE_SKIPPED = new java.util.concurrent.atomic.AtomicLong();
    static final java.util.concurrent.atomic.AtomicLong AXE_NANOS = new java.util.concurrent.atomic.AtomicLong();

    /**
     * What axe's verdict depends on, read from the page as it is now: the whole document's markup (every element, attribute and text,
     * the style sheets' and scripts' addresses and any inline style), every form control's live value, checked and selected state
     * (properties the markup does not show), the focused element (:focus styles), the scroll position and the viewport (size and pixel
     * ratio: the media queries and what is on screen), and the address. Nothing is normalised away: a page whose state differs by a
     * character is checked again.
     */
    private String pageState() {
        Object read = script("""
                const controls = Array.from(document.querySelectorAll('input, select, textarea, option, button, details, dialog'))
                    .map(e => [e.value, e.checked, e.selected, e.indeterminate, e.open, e.disabled].join('|')).join('\\n');
                const focused = document.activeElement ? (document.activeElement.id || document.activeElement.tagName) + ':'
                    + Array.prototype.indexOf.call(document.getElementsByTagName('*'), document.activeElement) : '';
                return [location.href, innerWidth + 'x' + innerHeight + '@' + devicePixelRatio, scrollX + ',' + scrollY,
                    focused, controls, document.documentElement.outerHTML].join('\\u0000');
                """);
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(String.valueOf(read).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void runAxe() {
        if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object';"))) {
            script(AXE);
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object found = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations
                    .filter(v => (v.impact === 'critical' || v.impact === 'serious'))
                    .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe could not run: ' + e]));
                """);
        drainConsole(); // axe's own notes (its colour-contrast check reads the canvas), not the page's
        List<?> violations = found instanceof List<?> l ? l : List.of(String.valueOf(found));
        if (!violations.isEmpty()) {
            throw new AssertionError("axe: critical or serious accessibility violations on " + driver.getCurrentUrl() + ":\n  "
                    + String.join("\n  ", violations.stream().map(String::valueOf).toList()));
        }
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement waitFor(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            try {
                WebElement found = d.findElement(By.cssSelector(css));
                return found.isDisplayed() ? found : null;
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
                return null;
            } catch (org.openqa.selenium.WebDriverException e) {
                // the page replaced the element between finding and asking (Chromium reports it as an inspector error, not as stale)
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        });
    }

    void waitUntil(String what, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(what).until(condition::apply);
    }

    /** Signs in by choosing the person's key and certificate files, as a person would. */
    void signInWithFiles(String personId) {
        signInWithFiles(registry.dataDir.resolve("keys").resolve("people").resolve(personId));
    }

    /** Signs in with the key and certificate files in {@code home} ({@code key.pem}, {@code cert.pem}). */
    void signInWithFiles(Path home) {
        open("/signin", "en");
        find("#key").sendKeys(home.resolve("key.pem").toAbsolutePath().toString());
        find("#cert").sendKeys(home.resolve("cert.pem").toAbsolutePath().toString());
        find("#signin-submit").click();
        waitFor("#signed-in-as");
    }

    /** Signs in with the demo-mode button (the browser fetches the demo person's key files and signs with them). */
    void signInAsDemo(String personId) {
        open("/signin", "en");
        find("#demo-" + personId).click();
        waitFor("#signed-in-as");
    }

    /**
     * Chooses a document's file in a form ({@code content} as a PDF's bytes): the page hashes it into {@code #<sha>} and the registry keeps it (ADR
     * 0035 items 27, 41); the file's label is shown. Answers the document's SHA-256 (session 24: shared by the Cabinet's and the governor's tests).
     */
    String chooseFile(String file, String sha, String content) {
        Path chosen;
        try {
            chosen = java.nio.file.Files.createTempFile("document-", ".pdf");
            java.nio.file.Files.writeString(chosen, content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        org.assertj.core.api.Assertions.assertThat(find("label[for=" + file + "]").getText()).isNotBlank();
        find("#" + file).sendKeys(chosen.toAbsolutePath().toString());
        waitUntil("the document hashed and kept", d -> d.findElement(By.id(sha)).getAttribute("value").length() == 64
                && "yes".equals(d.findElement(By.id(file)).getAttribute("data-uploaded")));
        return find("#" + sha).getAttribute("value");
    }

    void signOut() {
        find("#signout-form button").click();
        waitFor("#nav-signin");
    }

    /**
     * Prepares a decision form's command, checks the text shown is what will be signed, signs and sends it, and waits for
     * its outcome: preparing a command clears the previous one's ({@code commands.js}), so a second send from the same page
     * waits for its own answer.
     */
    String signAndSend(String formId) {
        find("#" + formId + " button[type=submit]").click();
        String shown = waitFor("#signed-text").getText();
        if (driver.findElement(By.id("command-result")).getAttribute("data-outcome") != null) {
            throw new AssertionError("the previous command's outcome is still shown after a new command was prepared from #" + formId);
        }
        find("#sign-send").click();
        waitUntil("the command was answered", d -> d.findElement(By.id("command-result")).getAttribute("data-outcome") != null);
        return shown;
    }

    /** Console warnings and errors of the pages since the last call (CSP violations, script errors), axe's own notes left out. */
    List<String> consoleErrors() {
        List<String> all = new java.util.ArrayList<>(earlierConsole);
        earlierConsole.clear();
        all.addAll(drainConsole());
        return all;
    }

    /** The pages' console warnings read before axe ran: kept for {@link #consoleErrors()}, while axe's own are dropped. */
    private final List<String> earlierConsole = new java.util.ArrayList<>();

    private List<String> drainConsole() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage).toList();
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Saves a screenshot as {@code <dir>/<name>.png} when {@code -Dscreenshots=<dir>} is given (relative to the project root). */
    void screenshot(String name) {
        String dir = System.getProperty("screenshots", "");
        if (dir.isBlank() || dir.startsWith("${")) {
            return;
        }
        Path target = Path.of(dir);
        if (!target.isAbsolute()) {
            String root = System.getProperty("projectRoot", "");
            target = (root.isBlank() || root.startsWith("${") ? Path.of("..") : Path.of(root)).resolve(dir);
        }
        try {
            Files.createDirectories(target);
            Files.write(target.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        System.out.printf("Browser: axe ran and passed %d times in this JVM (%.1f s of the test thread's wall), skipped %d page states already passed%n",
                AXE_RUNS.get(), AXE_NANOS.get() / 1e9, AXE_SKIPPED.get());
        driver.quit();
    }
}
