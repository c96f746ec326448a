package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.PermitExtensionRequested;
import mn.registry.kernel.permit.IssuePermit;
import mn.registry.kernel.permit.PermitIssued;
import mn.registry.kernel.permit.PermitRestored;
import mn.registry.kernel.permit.PermitSuspended;
import mn.registry.kernel.permit.RestorePermit;
import mn.registry.kernel.permit.RequestPermitExtension;
import mn.registry.kernel.permit.RecordPermitInspection;
import mn.registry.kernel.permit.RefusalReason;
import mn.registry.kernel.permit.RefusePermitApplication;
import mn.registry.kernel.permit.PermitRequirement;
import mn.registry.kernel.permit.SuspendPermit;
import mn.registry.kernel.permit.SuspensionGround;
import mn.registry.kernel.signing.CommandEnvelope;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 33, the red team (docs/abuse-audit.md, "Session 33, the red team"): session 32's targets not reached (O475) tried on one running
 * registry over signed HTTP, as a careless or dishonest holder, governor or member of the public would: the register's PDF extract and the
 * registry's CSV files (a formula in a published text, a record not public, a suspended permit), the transparency log's proofs and tiles (a
 * withheld reason or a sibling's content, a proof beyond the published tree), and the 5 business days of a Free Zone registration over the
 * year's last public holidays (003 art. 12.2). One registry for every attempt (the demo people long-lived, the deadline poller stopped); the
 * set-up both halves of session 32's red team shared is {@link RunningRegistry}'s ({@link RunningRegistry#heldBack},
 * {@link RunningRegistry#refusedAnyhow}). The companies' numbers 6533001-6533049 are this class's own. The last test moves the clock on,
 * so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedTeamRound33EndToEndTest {

    @RegisterExtension
    static final PermitRegistry registry = new PermitRegistry("--registry.deadlines.poll-interval=1h").withLongLivedPeople();

    private static final ZoneId ALTANBULAG = ZoneId.of("altanbulag");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String document(String what) {
        return registry.document(what + ", session 33 red team");
    }

    private static ApplicationId appliedFor(String company, String number) {
        return new ApplicationId(ok(registry.send("applicant-1", "ApplyForPermit", ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(),
                company, number))).path("applicationId").asText());
    }

    private static LegalEntity mongolian(String name, String number) {
        return new LegalEntity(name, Jurisdiction.MONGOLIAN, null, number);
    }

    /** 003 art. 12.1-12.2: the entity's application to {@code zone} with the papers its jurisdiction requires, by the demo applicant. */
    private static JsonNode appliedToZone(ZoneId zone, LegalEntity entity) {
        List<SubmittedZoneDocument> papers = ZoneDocument.requiredFor(entity.jurisdiction()).stream()
                .map(kind -> new SubmittedZoneDocument(kind, document(entity.name() + " " + kind))).toList();
        return ok(registry.send("applicant-1", "ApplyForZoneRegistration", new RegistrationCommands.ApplyForZoneRegistration(zone, entity,
                Activity.TRADE, papers)));
    }

    private static HttpResponse<byte[]> bytes(String path) {
        URI base = URI.create("http://localhost:" + ((org.springframework.boot.web.context.WebServerApplicationContext) registry.context())
                .getWebServer().getPort());
        try {
            return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> authorised(String path, String token) {
        URI base = URI.create("http://localhost:" + ((org.springframework.boot.web.context.WebServerApplicationContext) registry.context())
                .getWebServer().getPort());
        try {
            return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }

    private static long publishedSize() {
        String checkpoint = new String(bytes("/api/public/checkpoint").body(), StandardCharsets.UTF_8);
        return Long.parseLong(checkpoint.split("\n")[1].trim());
    }

    // ------------------------------------------------------------------ the CSV files

    @Test
    @Order(1)
    @DisplayName("002 art. 30.1; 003 art. 12.3 (F613; ADR 0035 item 169, choice): abuse: an applicant names its entity as a spreadsheet "
            + "formula (=HYPERLINK, +, -, @); the governor's quarterly report CSV opened in a spreadsheet would run it: each such cell is "
            + "written as text (a leading apostrophe), the report's signed JSON unchanged")
    void a_name_is_never_a_formula_in_a_csv() throws InterruptedException {
        List<String> names = List.of("=HYPERLINK(\"http://evil.example/refund\",\"Refund\")", "+1+cmd LLC", "-2+3 Trading LLC", "@SUM(A1) LLC");
        int n = 1;
        for (String name : names) {
            LegalEntity entity = new LegalEntity(name, Jurisdiction.FOREIGN, "CN", "91152500653300" + n++ + "AAA"); // the report lists foreign entities
            appliedToZone(ALTANBULAG, entity);
            ok(registry.send("governor-altanbulag", "RegisterEntity", new RegistrationCommands.RegisterEntity(RegistrationId.of(ALTANBULAG, entity))));
        }
        LocalDate today = registry.today();
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        String token = registry.signIn("governor-altanbulag");
        String path = "/api/governor/zones/altanbulag/reports/" + today.getYear() + "/" + quarter + "/report.csv";
        HttpResponse<String> csv = authorised(path, token);
        for (int i = 0; i < 200 && !(csv.statusCode() == 200 && csv.body().contains("SUM(A1) LLC")); i++) { // the governor's desk catching up
            Thread.sleep(100);
            csv = authorised(path, token);
        }
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.body()).as("the report lists the four entities").contains("SUM(A1) LLC");
        List<String> cells = new ArrayList<>();
        try {
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(csv.body()))) {
                cells.add(record.get("name"));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (String name : names) {
            assertThat(cells).as("the name cell of " + name).contains("'" + name);
        }
        assertThat(cells).as("no cell a spreadsheet reads as a formula").noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0);
        JsonNode report = registry.client().get("/api/governor/zones/altanbulag/reports/" + today.getYear() + "/" + quarter, token).body();
        assertThat(report.toString()).as("the signed report keeps the name as applied").contains("@SUM(A1) LLC").doesNotContain("'@SUM");
    }

    // ------------------------------------------------------------------ the extract and the log

    @Test
    @Order(2)
    @DisplayName("002 art. 26.4, 30.1; 003 art. 12.2: abuse: a member of the public asks the register's PDF extract of a permit application "
            + "not decided and of an entity applied for and not registered, and a proof or bundle of a log index beyond the published tree: "
            + "none given")
    void what_is_not_public_has_no_extract_nor_proof() {
        ApplicationId pending = appliedFor("Red Team Thirty-Three Pending LLC", "6533010");
        LegalEntity entity = mongolian("Red Team Thirty-Three Applied LLC", "6533011");
        appliedToZone(ALTANBULAG, entity);
        assertThat(bytes("/register/permits/" + pending.value() + "/extract.pdf").statusCode()).isEqualTo(404);
        assertThat(bytes("/register/providers/6533010/extract.pdf").statusCode()).isEqualTo(404);
        assertThat(bytes("/register/entities/" + RegistrationId.of(ALTANBULAG, entity).value() + "/extract.pdf").statusCode()).isEqualTo(404);
        long size = publishedSize();
        for (String path : List.of("/api/public/proof/" + size, "/api/public/bundle/" + size, "/api/public/proof/" + (size + 50),
                "/api/public/bundle/0?size=" + (size + 50), "/decisions/" + (size + 50) + "/extract.pdf")) {
            HttpResponse<byte[]> reply = bytes(path);
            assertThat(reply.statusCode()).as(path + " " + new String(reply.body(), StandardCharsets.UTF_8)).isIn(400, 404);
        }
    }

    @Test
    @Order(3)
    @DisplayName("002 art. 26.3, 30.1 (domain-rules §5): abuse: a refusal's withheld reason looked for in the "
            + "log's entry tiles (every leaf's preimage), in the bundles and extracts of the latest records: found nowhere")
    void the_logs_leaves_give_away_no_withheld_reason() throws Exception {
        ApplicationId id = appliedFor("Red Team Thirty-Three Refused LLC", "6533012");
        String secret = "Tserendorjwithheldreason";
        ok(registry.send("reviewer-1", "RefusePermitApplication", new RefusePermitApplication(id, List.of(new RefusalReason(
                PermitRequirement.CERTIFICATE_ISSUING_PROCEDURE, "incomplete, says " + secret)))));
        for (int i = 0; i < 200 && !registry.client().get("/api/public/feed?after=-1&limit=1000").body().toString().contains(id.value()); i++) {
            Thread.sleep(100);
        }
        long size = 0;
        for (int i = 0; i < 100 && (size = publishedSize()) == 0; i++) {
            Thread.sleep(100);
        }
        Thread.sleep(1500); // the checkpoint after the refusal's record
        size = publishedSize();
        StringBuilder leaves = new StringBuilder();
        for (long tile = 0; tile * 256 < size; tile++) {
            long inTile = Math.min(256, size - tile * 256);
            String path = "/api/public/log/tile/entries/" + String.format("%03d", tile) + (inTile < 256 ? ".p/" + inTile : "");
            HttpResponse<byte[]> reply = bytes(path);
            assertThat(reply.statusCode()).as(path).isEqualTo(200);
            leaves.append(new String(reply.body(), StandardCharsets.ISO_8859_1));
        }
        assertThat(leaves.toString()).as("every leaf's preimage").doesNotContain(secret);
        for (long index = Math.max(0, size - 12); index < size; index++) {
            String bundle = new String(bytes("/api/public/bundle/" + index).body(), StandardCharsets.UTF_8);
            assertThat(bundle).as("bundle " + index).doesNotContain(secret);
            String extract = pdfText(bytes("/decisions/" + index + "/extract.pdf").body());
            assertThat(extract).as("extract " + index).doesNotContain(secret);
        }
    }

    @Test
    @Order(4)
    @DisplayName("002 art. 28.1, 30.1: abuse: a holder whose permit is suspended shows its register extract as valid: the extract, read as a "
            + "person reads it, says suspended in both languages, not valid")
    void a_suspended_permit_is_not_shown_valid_in_its_extract() throws Exception {
        LocalDate today = registry.today();
        ApplicationId id = registry.issuedPermit("Red Team Thirty-Three Suspended LLC", "6533013", document("the policy of 6533013"),
                document("the contract of 6533013"));
        String number = registry.events(id.value()).stream().filter(PermitIssued.class::isInstance).map(PermitIssued.class::cast).findFirst()
                .orElseThrow().permitNumber().value();
        String findings = document("the findings of a violation by 6533013");
        ok(registry.send("inspector-1", "RecordPermitInspection", new RecordPermitInspection(id, today, findings, true)));
        ok(registry.send("reviewer-1", "SuspendPermit", new SuspendPermit(id, SuspensionGround.INSPECTOR_OPINION, findings, 0, today,
                today.plusDays(30))));
        registry.awaitVisible("/api/public/register/permits/" + number, null, entry -> "SUSPENDED".equals(entry.path("entry").path("status").asText()));
        String english = pdfText(bytes("/register/permits/" + number + "/extract.pdf?lang=en").body());
        assertThat(english).contains("Suspended").doesNotContain("Valid\n");
        String mongolian = pdfText(bytes("/register/permits/" + number + "/extract.pdf?lang=mn").body());
        assertThat(mongolian).contains("Түдгэлзүүлсэн").doesNotContain("Хүчинтэй\n");
    }

    // ------------------------------------------------------------------ attempts of our own (O488)

    @Test
    @Order(5)
    @DisplayName("002 art. 28.1, 28.4 (O488): abuse: a reviewer suspends from yesterday or from tomorrow (a day chosen to gain time): refused "
            + "400 permit.suspension-not-from-today, nothing stored; a suspension lifted twice: the second refused 409 permit.wrong-state, "
            + "nothing stored")
    void a_suspension_runs_from_its_decision_and_is_lifted_once() {
        LocalDate today = registry.today();
        ApplicationId id = registry.issuedPermit("Red Team Thirty-Three Lifted LLC", "6533014", document("the policy of 6533014"),
                document("the contract of 6533014"));
        String findings = document("the findings of a violation by 6533014");
        ok(registry.send("inspector-1", "RecordPermitInspection", new RecordPermitInspection(id, today, findings, true)));
        for (LocalDate from : List.of(today.minusDays(1), today.plusDays(1))) {
            registry.refused(registry.send("reviewer-1", "SuspendPermit", new SuspendPermit(id, SuspensionGround.INSPECTOR_OPINION, findings, 0,
                    from, from.plusDays(30))), 400, "permit.suspension-not-from-today", "from", "002 art. 28.1");
        }
        assertThat(registry.events(id.value())).noneMatch(PermitSuspended.class::isInstance);
        ok(registry.send("reviewer-1", "SuspendPermit", new SuspendPermit(id, SuspensionGround.INSPECTOR_OPINION, findings, 0, today,
                today.plusDays(30))));
        ok(registry.send("inspector-1", "RecordPermitInspection", new RecordPermitInspection(id, today,
                document("the findings of 6533014's violation remedied"), false)));
        ok(registry.send("reviewer-1", "RestorePermit", new RestorePermit(id, "The violation is remedied")));
        registry.refused(registry.send("reviewer-1", "RestorePermit", new RestorePermit(id, "The violation is remedied, again")), 409,
                "permit.wrong-state", null, "002 art. 28.4");
        assertThat(registry.events(id.value())).filteredOn(PermitRestored.class::isInstance).hasSize(1);
    }

    @Test
    @Order(6)
    @DisplayName("002 art. 15.3, 30.1 (O488): abuse: the supervisor writes a person's e-mail written out (\"bat at tamga.mn\"), a civil number "
            + "in small letters and a phone into the permit's published condition: refused 400 privacy.personal-details-in-published-text, "
            + "nothing stored")
    void a_persons_details_are_not_published_in_a_condition() {
        ApplicationId insured = registry.insuredPermit("Red Team Thirty-Three Contact LLC", "6533015", document("the policy of 6533015"));
        String contract = document("the contract of 6533015");
        for (String condition : List.of("Questions to the director, bat at tamga.mn", "The director ub03321314 signs each certificate",
                "Call the director on +976 9911 2233")) {
            registry.refused(registry.send("supervisor-1", "IssuePermit", new IssuePermit(insured, "Issuing signature certificates",
                    List.of(condition), null, contract)), 400, "privacy.personal-details-in-published-text", "conditions[0]", "002 art. 15.3");
        }
        assertThat(registry.events(insured.value())).noneMatch(PermitIssued.class::isInstance);
        ok(registry.send("supervisor-1", "IssuePermit", PermitRegistry.issue(insured, contract)));
    }

    // ------------------------------------------------------------------ the calendar (runs last: it moves the clock on)

    @Test
    @Order(30)
    @DisplayName("003 art. 12.2 (domain-rules §2): abuse: an application received on 28 December, before Independence Day (29 December) and "
            + "New Year's Day: the 5 business days skip both (the last day 6 January); the governor's registration signed at 23:59 on the last "
            + "day and received after midnight is dated at its receipt, not at the time the governor claims")
    void the_five_business_days_skip_the_holidays_and_a_decision_is_dated_at_its_receipt() throws InterruptedException {
        LocalDate received = LocalDate.of(registry.today().getYear(), 12, 28);
        registry.clock().advance(Duration.between(registry.clock().instant(),
                received.atTime(LocalTime.of(10, 0)).atZone(UlaanbaatarTime.ZONE).toInstant()));
        LegalEntity entity = mongolian("Red Team Thirty-Three Holiday LLC", "6533020");
        JsonNode receipt = appliedToZone(ALTANBULAG, entity);
        LocalDate lastDay = LocalDate.parse(receipt.path("reviewDue").asText());
        assertThat(lastDay).as(receipt.toString()).isEqualTo(received.plusDays(9)); // 30, 31 Dec, 4, 5, 6 Jan: 29 Dec and 1 Jan are holidays

        RegistrationId id = RegistrationId.of(ALTANBULAG, entity);
        registry.clock().advance(Duration.between(registry.clock().instant(), UlaanbaatarTime.endOf(lastDay).toInstant().minus(Duration.ofMinutes(1))));
        CommandEnvelope signedOnTheLastDay = registry.heldBack("RegisterEntity", new RegistrationCommands.RegisterEntity(id));
        registry.clock().advance(Duration.ofMinutes(2));
        ok(registry.sendHeldBack(registry.client().person("governor-altanbulag"), signedOnTheLastDay));
        JsonNode registered = registry.awaitVisible("/api/public/register/entities/" + id.value(), null, entry -> entry.path("entry").has("since"));
        assertThat(registered.path("entry").path("since").asText()).as(registered.toString()).isEqualTo(lastDay.plusDays(1).toString());
        // 003 art. 12.2 (ADR 0035 item 170, choice; F614, was O486): accepted, but recorded and shown late on the public record and the desk
        assertThat(registered.path("entry").path("details").path("lateAfter").asText()).as(registered.toString()).isEqualTo(lastDay.toString());
        assertThat(registry.events(id.stream())).filteredOn(RegistrationEvents.EntityRegistered.class::isInstance)
                .singleElement().extracting(e -> ((RegistrationEvents.EntityRegistered) e).lateAfter()).isEqualTo(lastDay);
    }

    private static void movedTo(java.time.Instant instant) {
        registry.clock().advance(Duration.between(registry.clock().instant(), instant));
    }

    @Test
    @Order(31)
    @DisplayName("002 art. 27.2 (ADR 0013 §3, choice): abuse: a holder requests the extension at 23:59 Ulaanbaatar time on the eve of the "
            + "window's first day: refused 400 permit.extension-too-early, nothing stored; at 00:00:30 it is received; a second request "
            + "refused 409 permit.extension-pending; a request signed at 23:59 on its due day and received after midnight is late, judged at "
            + "the receipt, not at the time the holder claims")
    void the_extension_windows_edges_are_judged_at_the_receipt() {
        ApplicationId early = registry.issuedPermit("Red Team Thirty-Three Window LLC", "6533030", document("the policy of 6533030"),
                document("the contract of 6533030"));
        ApplicationId late = registry.issuedPermit("Red Team Thirty-Three Due LLC", "6533031", document("the policy of 6533031"),
                document("the contract of 6533031"));
        LocalDate validUntil = registry.events(early.value()).stream().filter(PermitIssued.class::isInstance).map(PermitIssued.class::cast)
                .findFirst().orElseThrow().validUntil();
        LocalDate opens = validUntil.plusDays(1).minusMonths(6);

        movedTo(UlaanbaatarTime.endOf(opens.minusDays(1)).toInstant().minus(Duration.ofSeconds(50)));
        String proofOnTheEve = document("the stamp duty of 6533030 paid on the eve");
        registry.refused(registry.send("applicant-1", "RequestPermitExtension", new RequestPermitExtension(early, proofOnTheEve)), 400,
                "permit.extension-too-early", null, "002 art. 27.2");
        assertThat(registry.events(early.value())).noneMatch(PermitExtensionRequested.class::isInstance);

        movedTo(opens.atStartOfDay(UlaanbaatarTime.ZONE).toInstant().plusSeconds(30));
        ok(registry.send("applicant-1", "RequestPermitExtension", new RequestPermitExtension(early, document("the stamp duty of 6533030"))));
        registry.refused(registry.send("applicant-1", "RequestPermitExtension", new RequestPermitExtension(early,
                document("the stamp duty of 6533030 paid again"))), 409, "permit.extension-pending", null, "002 art. 27.3");
        LocalDate due = registry.events(early.value()).stream().filter(PermitExtensionRequested.class::isInstance)
                .map(PermitExtensionRequested.class::cast).findFirst().orElseThrow().requestDue();

        movedTo(UlaanbaatarTime.endOf(due).toInstant().minus(Duration.ofMinutes(2)));
        CommandEnvelope signedOnTheDueDay = registry.heldBack("RequestPermitExtension", new RequestPermitExtension(late,
                document("the stamp duty of 6533031")));
        registry.clock().advance(Duration.ofMinutes(3));
        ok(registry.sendHeldBack(registry.client().person("applicant-1"), signedOnTheDueDay));
        PermitExtensionRequested requested = registry.events(late.value()).stream().filter(PermitExtensionRequested.class::isInstance)
                .map(PermitExtensionRequested.class::cast).findFirst().orElseThrow();
        assertThat(requested.late()).as(requested.toString()).isTrue();
        assertThat(UlaanbaatarTime.dateOf(requested.requestedAt())).isEqualTo(due.plusDays(1));
    }
}
