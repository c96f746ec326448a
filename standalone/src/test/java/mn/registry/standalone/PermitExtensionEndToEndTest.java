package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.demo.AdvanceDemoClock;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.*;
import mn.registry.kernel.signing.CommandEnvelope;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 items 2-4 over HTTP with signed commands and the demo clock (ADR 0013 §3): body dates chosen to gain time are
 * refused, an extension is requested only in the last six months of the term and granted once per term, a stamp-duty proof
 * serves one request across permits, and a permit whose request is still undecided expires at the end of its term: the
 * public register and the trusted list show it expired, the overdue decision is on the supervisor's escalation list, and
 * the ministry's late grant puts it in force again from the decision.
 */
class PermitExtensionEndToEndTest {

    static final String CONTRACT = "ab".repeat(32);

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext registry;
    private RegistryClient client;
    private String reviewer;
    private String supervisor;

    private static void ok(RegistryClient.Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    }

    private static void refused(RegistryClient.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.code()).as(reply.body().toString()).isEqualTo(code);
    }

    /** Signed at the registry's (demo) time, as a person would sign on the moved clock. */
    private String signed(String who, String type, Object body) {
        return client.sign(client.person(who), CommandEnvelope.fresh(type, CanonicalJson.mapper().valueToTree(body), registry.getBean(Clock.class)));
    }

    private RegistryClient.Reply send(String who, String type, Object body) {
        return client.command(signed(who, type, body));
    }

    private LocalDate today() {
        return UlaanbaatarTime.dateOf(registry.getBean(Clock.class).instant());
    }

    private List<Object> events(String applicationId) {
        return registry.getBean(EventStore.class).readEvents(applicationId).asStream().map(EventMessage::getPayload).map(Object.class::cast).toList();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    /** Moves the demo clock forward to {@code target} (Ulaanbaatar date), at most 400 days a step. */
    private void advanceTo(LocalDate target) {
        long days = ChronoUnit.DAYS.between(today(), target);
        while (days > 0) {
            int step = (int) Math.min(days, 400);
            ok(send("supervisor-1", "AdvanceDemoClock", new AdvanceDemoClock(step)));
            days -= step;
        }
        reviewer = client.signIn("reviewer-1"); // sessions run on the registry's clock
        supervisor = client.signIn("supervisor-1");
    }

    private JsonNode trustedService(String permitNumber) {
        JsonNode jws = client.get("/api/public/trusted-list").body();
        JsonNode list;
        try {
            list = CanonicalJson.mapper().readTree(new String(Base64.getUrlDecoder().decode(jws.path("payload").asText()), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (JsonNode provider : list.path("trustServiceProviders")) {
            JsonNode service = provider.path("services").get(0);
            if (permitNumber.equals(service.path("permitNumber").asText())) {
                return service;
            }
        }
        throw new AssertionError(permitNumber + " is not on the trusted list " + list);
    }

    private String registerStatus(String permitNumber) {
        RegistryClient.Reply reply = client.get("/api/public/register/permits/" + permitNumber);
        return reply.status() == 200 ? reply.body().path("entry").path("status").asText() : "absent";
    }

    /** Approves, insures and issues a demo application today; returns its permit number. */
    private String issue(ApplicationId id) throws InterruptedException {
        ok(send("reviewer-1", "ApprovePermitApplication", new ApprovePermitApplication(id)));
        ok(send("applicant-1", "RecordPermitInsurance",
                new RecordPermitInsurance(id, "Mongol Daatgal", "POL-" + id.value().substring(0, 4), Money.mnt(200_000_000), today().plusYears(1), proof())));
        ok(send("supervisor-1", "IssuePermit", new IssuePermit(id, "Issuing signature certificates", List.of("Keep the database in Mongolia"), null, proof())));
        await("the permit's case", () -> client.get("/api/reviewer/permits/" + id.value(), reviewer).status() == 200);
        return client.get("/api/reviewer/permits/" + id.value(), reviewer).body().path("permit").path("permitNumber").asText();
    }

    @Test
    @DisplayName("002 art. 26.6.4, 27.1-27.4, 29.2: chosen dates refused; one extension per term in the last six months; one use of a stamp-duty proof; an expired permit with a pending request is shown expired and escalated")
    void extension_limits_and_expiry_with_a_pending_request() throws Exception {
        mn.registry.keystore.LongLivedDemoPeople.create(dataDir); // the demo clock runs five years; demo certificates last two
        registry = RegistryApplication.start("--server.port=0", "--registry.data-dir=" + dataDir, "--registry.demo=true",
                "--registry.deadlines.poll-interval=300ms", "--registry.log.checkpoint-interval=100ms");
        try {
            client = new RegistryClient(((WebServerApplicationContext) registry).getWebServer().getPort(), dataDir);
            reviewer = client.signIn("reviewer-1");
            supervisor = client.signIn("supervisor-1");
            await("the demo applications in the reviewer queue", () -> client.get("/api/reviewer/applications", reviewer).body().size() == 2);
            JsonNode queue = client.get("/api/reviewer/applications", reviewer).body();
            ApplicationId extended = new ApplicationId(queue.get(0).path("applicationId").asText());
            ApplicationId pending = new ApplicationId(queue.get(1).path("applicationId").asText());
            ok(send("supervisor-1", "SetMinimumInsurance", new SetMinimumInsurance(Money.mnt(100_000_000))));

            // 002 art. 26.6.4, 27.1: the term starts on the day of issue; a validFrom in 2030 or 2019 is refused
            ok(send("reviewer-1", "ApprovePermitApplication", new ApprovePermitApplication(extended)));
            ok(send("applicant-1", "RecordPermitInsurance",
                    new RecordPermitInsurance(extended, "Mongol Daatgal", "POL-1", Money.mnt(200_000_000), today().plusYears(1), proof())));
            for (LocalDate chosen : List.of(LocalDate.of(2030, 1, 1), LocalDate.of(2019, 1, 1))) {
                refused(send("supervisor-1", "IssuePermit", new IssuePermit(extended, "Issuing signature certificates", List.of("c"), chosen, proof())),
                        400, "permit.valid-from-not-today");
            }
            ok(send("supervisor-1", "IssuePermit", new IssuePermit(extended, "Issuing signature certificates", List.of("c"), today(), proof())));
            await("the permit's case", () -> client.get("/api/reviewer/permits/" + extended.value(), reviewer).status() == 200);
            String extendedNumber = client.get("/api/reviewer/permits/" + extended.value(), reviewer).body().path("permit").path("permitNumber").asText();
            String pendingNumber = issue(pending);
            LocalDate validUntil = today().plusYears(5).minusDays(1);

            // 002 art. 20.3.3: a change before the permit existed is refused by its rule, not by the calendar
            refused(send("applicant-1", "ReportPermitChange", new ReportPermitChange(extended, LocalDate.of(2019, 1, 1), "New address", CONTRACT)),
                    400, "permit.change-before-issue");

            // 002 art. 27.2: not on the day of issue; the refusal names the window
            RegistryClient.Reply early = send("applicant-1", "RequestPermitExtension", new RequestPermitExtension(extended, stampDuty(0)));
            refused(early, 400, "permit.extension-too-early");
            assertThat(early.body().toString()).contains(validUntil.plusDays(1).minusMonths(6).toString(), validUntil.toString());

            // in the window, four months before expiry: requested in time, granted; the same signed request resent is answered, not applied again
            advanceTo(validUntil.minusMonths(4));
            // 002 art. 27.2 (ADR 0046 item 107, F410): the proof received on the day of issue, before the window, is not this request's
            refused(send("applicant-1", "RequestPermitExtension", new RequestPermitExtension(extended, stampDuty(0))), 409,
                    "permit.extension-stamp-duty-proof-before-the-window");
            String request = signed("applicant-1", "RequestPermitExtension", new RequestPermitExtension(extended, stampDuty(1)));
            RegistryClient.Reply first = client.command(request);
            ok(first);
            RegistryClient.Reply again = client.command(request);
            ok(again);
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(events(extended.value()).stream().filter(PermitExtensionRequested.class::isInstance).count()).isEqualTo(1);
            ok(send("reviewer-1", "DecidePermitExtension", new DecidePermitExtension(extended, true, List.of())));
            // 002 art. 27.1, 27.4: a second extension in the same term is refused
            refused(send("applicant-1", "RequestPermitExtension", new RequestPermitExtension(extended, stampDuty(2))), 409,
                    "permit.extension-already-granted");

            // 002 art. 27.2: the proof paid for the first permit's request, not for the second's
            refused(send("applicant-1", "RequestPermitExtension", new RequestPermitExtension(pending, stampDuty(1))), 409, "permit.stamp-duty-proof-used");
            ok(send("applicant-1", "RequestPermitExtension", new RequestPermitExtension(pending, stampDuty(2))));

            // 002 art. 29.2: the ministry does not decide; the term ends: the permit expires, the request stays open and escalates
            advanceTo(validUntil.plusDays(10));
            await("the expiry of the permit with the undecided request", () -> events(pending.value()).stream().anyMatch(PermitExpired.class::isInstance));
            await("the overdue extension decision", () -> events(pending.value()).stream()
                    .anyMatch(e -> e instanceof PermitDutyOverdue o && o.duty() == PermitDuty.DECIDE_EXTENSION));
            assertThat(events(extended.value()).stream().noneMatch(PermitExpired.class::isInstance)).as("the extended one runs on").isTrue();

            await("the case shown expired", () -> "EXPIRED".equals(client.get("/api/reviewer/permits/" + pending.value(), reviewer).body().path("status").asText()));
            await("the public register showing it expired", () -> "EXPIRED".equals(registerStatus(pendingNumber)));
            assertThat(registerStatus(extendedNumber)).isEqualTo("VALID");
            await("the trusted list withdrawing it", () -> "withdrawn".equals(trustedService(pendingNumber).path("status").asText()));
            assertThat(trustedService(pendingNumber).path("trustedForNewCertificates").asBoolean()).isFalse();
            assertThat(trustedService(pendingNumber).path("statusStartingTime").asText())
                    .isEqualTo(validUntil.plusDays(1).atStartOfDay(UlaanbaatarTime.ZONE).toInstant().toString());
            assertThat(trustedService(extendedNumber).path("status").asText()).isEqualTo("granted");
            await("the escalation on the supervisor's list", () -> client.get("/api/supervisor/escalations", supervisor).body().toString()
                    .contains("DECIDE_EXTENSION"));
            JsonNode escalations = client.get("/api/supervisor/escalations", supervisor).body();
            JsonNode row = null;
            for (JsonNode r : escalations) {
                if (r.path("applicationId").asText().equals(pending.value())) {
                    row = r;
                }
            }
            assertThat(row).as(escalations.toString()).isNotNull();
            assertThat(row.path("status").asText()).isEqualTo("EXPIRED");
            assertThat(row.path("reasons").toString()).contains("DECIDE_EXTENSION", "002 art. 27.3");

            // no new request after expiry; the ministry may still grant the timely one: in force again from the decision
            refused(send("applicant-1", "RequestPermitExtension", new RequestPermitExtension(pending, "7f".repeat(32))), 409,
                    "permit.extension-after-expiry");
            ok(send("supervisor-1", "DecidePermitExtension", new DecidePermitExtension(pending, true, List.of())));
            assertThat(events(pending.value())).filteredOn(PermitExtendedAfterExpiry.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((PermitExtendedAfterExpiry) e).validUntil()).isEqualTo(validUntil.plusYears(5)));
            await("the public register showing it valid again", () -> "VALID".equals(registerStatus(pendingNumber)));
            await("the trusted list granting it again", () -> "granted".equals(trustedService(pendingNumber).path("status").asText()));
            await("the case in force again", () -> "ACTIVE".equals(client.get("/api/reviewer/permits/" + pending.value(), reviewer).body().path("status").asText()));
            await("the escalation gone with the decision", () -> !client.get("/api/supervisor/escalations", supervisor).body().toString()
                    .contains("DECIDE_EXTENSION"));
        } finally {
            registry.close();
        }
    }

    /** The policy or contract an act names: a document uploaded first, as the registry requires (ADR 0046 item 13). */
    private String proof() {
        return ReceiptTimeEndToEndTest.upload(registry, "the insurance policy or the contract of " + java.util.UUID.randomUUID());
    }

    /** A proof that the stamp duty was paid: a document received first, as the registry requires (ADR 0046 item 16); the same n, the same bytes. */
    private String stampDuty(int n) {
        return ReceiptTimeEndToEndTest.upload(registry, "stamp duty paid, receipt " + n);
    }
}
