package mn.registry.standalone;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandPipeline;
import mn.registry.identity.command.Enrolment;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.permit.RefusePermitApplication;
import mn.registry.kernel.permit.RefusalReason;
import mn.registry.keystore.DemoPeople;
import mn.registry.keystore.DemoPerson;
import mn.registry.kernel.signing.CommandEnvelope;
import mn.registry.document.DocumentStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorisation matrix of docs/security.md is the one table of who may sign what: for every signed command
 * type the registry knows (so a new one cannot escape: the table must name it) and every role, a command signed by
 * a demo person holding that role is refused with {@code 403 signer.role-missing} exactly when the table says
 * "deny", and nothing is stored either way (the bodies are empty, so an allowed signer is refused for the body).
 * Then authority beyond the role: a governor in another zone, a governor after dismissal, and an official after
 * their role was revoked (domain-rules §1).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationMatrixTest {

    static final Path SECURITY_DOC = Path.of("..", "docs", "security.md");

    /** One demo person per role, in the table's column order. */
    static final Map<Role, String> SIGNER = new LinkedHashMap<>();

    static {
        for (DemoPerson person : DemoPeople.ALL) {
            SIGNER.putIfAbsent(person.role(), person.id().value());
        }
    }

    @TempDir
    static Path dataDir;
    private static ConfigurableApplicationContext registry;
    private static RegistryClient client;

    @BeforeAll
    static void start() {
        registry = RegistryApplication.start("--server.port=0", "--registry.data-dir=" + dataDir, "--registry.demo=true");
        client = new RegistryClient(((WebServerApplicationContext) registry).getWebServer().getPort(), dataDir);
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    /** The matrix as docs/security.md shows it: command type, then role -> allowed. */
    static Map<String, Map<Role, Boolean>> documentedMatrix() throws Exception {
        List<String> lines = Files.readAllLines(SECURITY_DOC, StandardCharsets.UTF_8);
        int start = lines.indexOf("<!-- authorization-matrix:start -->");
        int end = lines.indexOf("<!-- authorization-matrix:end -->");
        assertThat(start).as("docs/security.md has the authorization matrix markers").isNotNegative();
        List<Role> columns = Arrays.stream(lines.get(start + 1).split("\\|")).map(String::strip).filter(c -> !c.isEmpty()).skip(1)
                .map(Role::valueOf).toList();
        Map<String, Map<Role, Boolean>> matrix = new TreeMap<>();
        for (String row : lines.subList(start + 3, end)) {
            List<String> cells = Arrays.stream(row.split("\\|")).map(String::strip).filter(c -> !c.isEmpty()).toList();
            Map<Role, Boolean> allowed = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                String cell = cells.get(i + 1);
                assertThat(cell).as(row).isIn("allow", "deny");
                allowed.put(columns.get(i), cell.equals("allow"));
            }
            matrix.put(cells.get(0).replace("`", ""), allowed);
        }
        return matrix;
    }

    private static long storedDocuments() {
        MongoDatabase database = registry.getBean(MongoDatabase.class);
        long count = 0;
        for (String name : List.of("events", "commands", "documents")) {
            count += database.getCollection(name).countDocuments();
        }
        return count;
    }

    private static RegistryClient.Reply signed(String person, String type, Object body) {
        ObjectNode json = CanonicalJson.mapper().valueToTree(body);
        return client.command(client.sign(client.person(person), CommandEnvelope.fresh(type, json, Clock.systemUTC())));
    }

    @Test
    @Order(1)
    @DisplayName("domain-rules §1: every signed command type x every role is allowed or refused (403 signer.role-missing) exactly as docs/security.md says, nothing stored")
    void every_command_type_times_every_role_matches_the_documented_matrix() throws Exception {
        Map<String, Map<Role, Boolean>> documented = documentedMatrix();
        Map<String, Map<Role, Boolean>> observed = new TreeMap<>();
        long before = storedDocuments();
        int tried = 0;
        for (String type : registry.getBean(CommandPipeline.class).knownTypes()) {
            Map<Role, Boolean> row = new LinkedHashMap<>();
            for (Map.Entry<Role, String> signer : SIGNER.entrySet()) {
                RegistryClient.Reply reply = signed(signer.getValue(), type, CanonicalJson.mapper().createObjectNode());
                tried++;
                assertThat(reply.status()).as(type + " signed by " + signer.getValue() + ": " + reply.body()).isBetween(400, 499);
                assertThat(reply.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                row.put(signer.getKey(), !"signer.role-missing".equals(reply.code()));
            }
            observed.put(type, row);
        }
        assertThat(storedDocuments()).as("nothing stored for %d refused commands", tried).isEqualTo(before);
        // every registered command type must have its row (a new one cannot escape), and every row must hold
        assertThat(render(observed)).as("the registry's behaviour (actual) against the matrix in docs/security.md (expected)").isEqualTo(render(documented));
        System.out.printf("AuthorizationMatrixTest figures: %d command types x %d roles = %d signed commands, each as documented, nothing stored%n",
                observed.size(), SIGNER.size(), tried);
    }

    private static String render(Map<String, Map<Role, Boolean>> matrix) {
        StringBuilder out = new StringBuilder();
        matrix.forEach((type, row) -> out.append("| `").append(type).append("` | ")
                .append(row.values().stream().map(a -> a ? "allow" : "deny").collect(Collectors.joining(" | "))).append(" |\n"));
        return out.toString();
    }

    @Test
    @Order(2) // dismisses a governor and revokes the reviewer's role: after the matrix
    @DisplayName("003 art. 8.7, domain-rules §1: a governor acts only in their own zone and only during their appointment; an official whose role was revoked is refused")
    void authority_beyond_the_role() throws InterruptedException {
        // a registration in Zamyn-Uud, for the governors to act on
        DocumentStore documents = registry.getBean(DocumentStore.class);
        List<SubmittedZoneDocument> submitted = new ArrayList<>();
        for (ZoneDocument kind : ZoneDocument.requiredFor(Jurisdiction.MONGOLIAN)) {
            submitted.add(new SubmittedZoneDocument(kind, documents.receive(DemoData.demoPdf("matrix " + kind), "application/pdf", null).document().sha256()));
        }
        LegalEntity entity = new LegalEntity("Matrix Test LLC", Jurisdiction.MONGOLIAN, null, "6200001");
        ZoneId zamynUud = ZoneId.of("zamyn-uud");
        assertThat(signed("applicant-1", "ApplyForZoneRegistration", new RegistrationCommands.ApplyForZoneRegistration(zamynUud, entity,
                Activity.TRADE, submitted)).status()).isEqualTo(200);
        RegistrationId registration = RegistrationId.of(zamynUud, entity);

        long before = storedDocuments();
        RegistryClient.Reply otherZone = signed("governor-altanbulag", "RegisterEntity", new RegistrationCommands.RegisterEntity(registration));
        assertThat(otherZone.status()).isEqualTo(403);
        assertThat(otherZone.code()).isEqualTo("freezone.governor-outside-zone");
        assertThat(storedDocuments()).isEqualTo(before);

        assertThat(signed("cabinet-1", "DismissGovernor", new ZoneCommands.DismissGovernor(zamynUud, new PersonId("governor-zamyn-uud"),
                "Cabinet member's order (authorisation test)", ReceiptTimeEndToEndTest.upload(registry, "Cabinet member's order (authorisation test)"))).status()).isEqualTo(200);
        before = storedDocuments();
        RegistryClient.Reply dismissed = signed("governor-zamyn-uud", "RegisterEntity", new RegistrationCommands.RegisterEntity(registration));
        assertThat(dismissed.status()).isEqualTo(403);
        assertThat(dismissed.code()).isEqualTo("signer.role-missing");
        assertThat(storedDocuments()).isEqualTo(before);

        // no signed command revokes a ministry official's role yet: the enrolment service records the revocation
        registry.getBean(Enrolment.class).revoke(new RoleRevoked(new PersonId("reviewer-1"), Role.MINISTRY_REVIEWER, null, Instant.now(),
                new PersonId("supervisor-1"), "Order on the end of duties (authorisation test)"));
        Thread.sleep(1100); // signing times are whole seconds: sign after the revocation took effect
        before = storedDocuments();
        RegistryClient.Reply revoked = signed("reviewer-1", "RefusePermitApplication", new RefusePermitApplication(null, List.<RefusalReason>of()));
        assertThat(revoked.status()).isEqualTo(403);
        assertThat(revoked.code()).isEqualTo("signer.role-missing");
        assertThat(storedDocuments()).isEqualTo(before);
    }
}
