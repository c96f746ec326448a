package mn.registry.standalone.browser;

import mn.registry.standalone.RegistryApplication;
import mn.registry.standalone.RegistryClient;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * One registry for all browser tests of a run (starting one takes seconds): random port, a fresh temporary data
 * directory, demo mode (demo people, two applications, two zones). Stopped when the test JVM exits.
 */
final class BrowserRegistry {

    private static BrowserRegistry shared;

    final ConfigurableApplicationContext context;
    final Path dataDir;
    final int port;
    final RegistryClient client;

    private BrowserRegistry(Path dataDir) {
        this.dataDir = dataDir;
        this.context = RegistryApplication.start("--server.port=0", "--registry.data-dir=" + dataDir, "--registry.demo=true");
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.client = new RegistryClient(port, dataDir);
    }

    static synchronized BrowserRegistry get() {
        if (shared == null) {
            try {
                shared = new BrowserRegistry(Files.createTempDirectory("registry-browser-"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared.context::close));
            shared.awaitDemoData();
        }
        return shared;
    }

    /**
     * A registry of its own (not the shared one) whose demo people hold ten-year certificates, for a test that moves
     * the demo clock years ahead (demo certificates last two years), which would disturb every other test's registry.
     * Closed by the caller, or when the test JVM exits.
     */
    static BrowserRegistry ownWithLongLivedPeople() {
        try {
            Path dataDir = Files.createTempDirectory("registry-browser-own-");
            mn.registry.keystore.LongLivedDemoPeople.create(dataDir);
            BrowserRegistry own = new BrowserRegistry(dataDir);
            Runtime.getRuntime().addShutdownHook(new Thread(own.context::close));
            own.awaitDemoData();
            return own;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A person not among the demo people, with a certificate from the registry's demo CA valid from an hour ago for a year (the time cut
     * to the second, as a stored grant's is): whom a test enrols, dismisses or states an order for.
     */
    mn.registry.kernel.pki.SigningIdentity newPerson(String id) {
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return context.getBean(mn.registry.keystore.RegistryKeys.class).ca().newPerson(new mn.registry.kernel.identity.PersonId(id), "Person " + id,
                "Company of " + id, now.minusSeconds(3600), now.plus(365, java.time.temporal.ChronoUnit.DAYS));
    }

    /**
     * {@link #newPerson} enrolled by supervisor-1 as the representative (role APPLICANT) of the company whose state registration number is
     * {@code company} (ADR 0061 items 44, 58): a holder's new representative whom a test names, or whose role it then ends.
     */
    mn.registry.kernel.pki.SigningIdentity newRepresentative(String id, String company) {
        mn.registry.kernel.pki.SigningIdentity person = newPerson(id);
        context.getBean(mn.registry.identity.command.Enrolment.class).enrolIfAbsent(person.person(), "Person " + id, person.certificate(),
                mn.registry.kernel.identity.Role.APPLICANT, null, company, new mn.registry.kernel.identity.PersonId("supervisor-1"),
                "test enrolment of a representative of " + company);
        return person;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The demo applications are filed and the zones published in the log: what every test starts from. */
    private void awaitDemoData() {
        String reviewer = client.signIn("reviewer-1");
        await("two demo applications in the reviewer queue", () -> client.get("/api/reviewer/applications", reviewer).body().size() >= 2);
        await("the demo zones in the public log", () -> text("/register?kind=zones&name=altanbulag").contains("/register/zones/altanbulag"));
    }

    /** A page or text resource as a string (status 200), or "" otherwise. */
    String text(String path) {
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path))).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Moves the demo clock of a registry of its own forward to {@code target} (an Ulaanbaatar date), at most 400 days a step (the
     * demo clock's largest move), each step answered 200.
     */
    void advanceDemoClockTo(java.time.LocalDate target) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(context.getBean(mn.registry.web.WebDates.class).today(), target);
        while (days > 0) {
            int step = (int) Math.min(days, 400);
            RegistryClient.Reply reply = client.command(client.sign("supervisor-1", "AdvanceDemoClock", new mn.registry.demo.AdvanceDemoClock(step)));
            if (reply.status() != 200) {
                throw new AssertionError("the demo clock did not move: " + reply.body());
            }
            days -= step;
        }
    }

    static void await(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(condition.get())) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
