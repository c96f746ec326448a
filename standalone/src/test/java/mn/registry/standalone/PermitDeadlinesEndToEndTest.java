package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.deadline.DeadlinePoller;
import mn.registry.deadline.DeadlineState;
import mn.registry.deadline.MongoDeadlines;
import mn.registry.deadline.ScheduledDeadline;
import mn.registry.demo.AdvanceDemoClock;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.signing.CommandEnvelope;
import mn.registry.kernel.permit.*;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ministry desk over HTTP with signed commands, and deadlines that survive restarts: a permit is issued and
 * suspended, the registry stops, starts again, the demo clock moves past the suspension's end and the revocation
 * ground is raised once; a third start moving the clock further raises nothing twice. Then restore, ask for an extension too early (refused),
 * revoke and complain.
 */
class PermitDeadlinesEndToEndTest {

    static final String SHA = "ab".repeat(32);

    @TempDir
    Path dataDir;

    /** Signs a command as a demo person. */
    interface Signer {
        String sign(String personId, String type, Object body);
    }

    private ConfigurableApplicationContext start() {
        return RegistryApplication.start("--server.port=0", "--registry.data-dir=" + dataDir, "--registry.demo=true",
                "--registry.deadlines.poll-interval=300ms");
    }

    private RegistryClient client(ConfigurableApplicationContext registry) {
        return new RegistryClient(((WebServerApplicationContext) registry).getWebServer().getPort(), dataDir);
    }

    private static void ok(RegistryClient.Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    }

    private static List<Object> events(ConfigurableApplicationContext registry, String applicationId) {
        return registry.getBean(EventStore.class).readEvents(applicationId).asStream().map(EventMessage::getPayload).map(Object.class::cast).toList();
    }

    private static long count(List<Object> events, Class<?> type) {
        return events.stream().filter(type::isInstance).count();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    @Test
    @DisplayName("002 art. 28.1, 29.1.5, 26.1: deadlines pending across a stop and start fire exactly once; the desk runs receipt to permit to complaint over HTTP")
    void deadlines_survive_restarts_and_fire_once() throws Exception {
        String permit;
        String other;
        LocalDate today = UlaanbaatarTime.dateOf(Clock.systemUTC().instant());
        ConfigurableApplicationContext first = start();
        try {
            RegistryClient client = client(first);
            String reviewer = client.signIn("reviewer-1");
            await("the demo applications in the reviewer queue", () -> client.get("/api/reviewer/applications", reviewer).body().size() == 2);
            JsonNode queue = client.get("/api/reviewer/applications", reviewer).body();
            permit = queue.get(0).path("applicationId").asText();
            other = queue.get(1).path("applicationId").asText();
            ApplicationId id = new ApplicationId(permit);

            // domain-rules §2: a declared holiday inside the decision period moves both open decision deadlines
            WorkingDayCalendar base = WorkingDayCalendar.base();
            LocalDate holiday = today.plusDays(7);
            while (!base.isWorkingDay(holiday)) {
                holiday = holiday.plusDays(1);
            }
            String dueBefore = queue.get(1).path("due").asText();
            PublicHolidayDeclared declared = new PublicHolidayDeclared(holiday, "End-to-end test holiday", "Туршилтын амралт", "Resolution E2E-1");
            ok(client.command(client.sign("cabinet-1", "DeclarePublicHoliday", declared)));
            await("both decision due dates recomputed", () -> count(events(first, permit), PermitDecisionDueRecomputed.class) == 1
                    && count(events(first, other), PermitDecisionDueRecomputed.class) == 1);
            await("the queue showing the new due date", () -> !client.get("/api/reviewer/applications", reviewer).body().get(1).path("due").asText()
                    .equals(dueBefore));
            LocalDate expected = base.apply(declared).deadline(java.time.Instant.parse(queue.get(1).path("receivedAt").asText()),
                    PermitDeadlines.DECISION).due();
            assertThat(expected).isAfter(LocalDate.parse(dueBefore));
            assertThat(events(first, other)).filteredOn(PermitDecisionDueRecomputed.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((PermitDecisionDueRecomputed) e).decisionDue()).isEqualTo(expected));

            ok(client.command(client.sign("supervisor-1", "SetMinimumInsurance", new SetMinimumInsurance(Money.mnt(100_000_000)))));
            ok(client.command(client.sign("reviewer-1", "ApprovePermitApplication", new ApprovePermitApplication(id))));
            RegistryClient.Reply low = client.command(client.sign("applicant-1", "RecordPermitInsurance",
                    new RecordPermitInsurance(id, "Mongol Daatgal", "POL-0", Money.mnt(99_000_000), today.plusYears(1), proof(first))));
            assertThat(low.status()).isEqualTo(400);
            assertThat(low.code()).isEqualTo("permit.insurance-below-minimum");
            ok(client.command(client.sign("applicant-1", "RecordPermitInsurance",
                    new RecordPermitInsurance(id, "Mongol Daatgal", "POL-1", Money.mnt(200_000_000), today.plusYears(1), proof(first)))));
            ok(client.command(client.sign("supervisor-1", "IssuePermit",
                    new IssuePermit(id, "Issuing signature certificates", List.of("Keep the certificate database in Mongolia"), null, proof(first)))));
            // 002 art. 28.1 (ADR 0013 §4): a suspension on the inspector's opinion rests on an opinion recorded by an inspector
            String findings = ReceiptTimeEndToEndTest.upload(first, "the inspector's findings of a violation"); // ADR 0046 item 16
            ok(client.command(client.sign("inspector-1", "RecordPermitInspection", new RecordPermitInspection(id, today, findings, true))));
            ok(client.command(client.sign("reviewer-1", "SuspendPermit",
                    new SuspendPermit(id, SuspensionGround.INSPECTOR_OPINION, findings, 0, today, today.plusDays(30)))));
            MongoDeadlines deadlines = first.getBean(MongoDeadlines.class);
            await("the suspension's deadline", () -> deadlines.openOf(permit).stream().anyMatch(d -> d.kind().equals("permit.suspension")));
        } finally {
            first.close();
        }

        ConfigurableApplicationContext second = start();
        try {
            RegistryClient client = client(second);
            ok(client.command(client.sign("supervisor-1", "AdvanceDemoClock", new AdvanceDemoClock(40))));
            await("the revocation ground", () -> count(events(second, permit), RevocationGroundRaised.class) == 1);
            await("the escalation of the other application", () -> count(events(second, other), PermitDecisionOverdue.class) == 1);
            second.getBean(DeadlinePoller.class).pollOnce();
        } finally {
            second.close();
        }

        ConfigurableApplicationContext third = start();
        try {
            RegistryClient client = client(third);
            String supervisor = client.signIn("supervisor-1");
            await("both cases on the supervisor's escalation list", () -> client.get("/api/supervisor/escalations", supervisor).body().size() == 2);
            JsonNode escalations = client.get("/api/supervisor/escalations", supervisor).body();
            assertThat(escalations.toString()).contains("decision overdue", "VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION", "NOTIFY_SUSPENSION");
            JsonNode page = client.get("/api/reviewer/permits/" + permit, supervisor).body();
            assertThat(page.path("status").asText()).isEqualTo("SUSPENDED");
            assertThat(page.path("permit").path("permitNumber").asText()).startsWith("P-");
            assertThat(page.path("history").get(0).path("signedBy").asText()).isEqualTo("applicant-1");
            ok(client.command(client.sign("supervisor-1", "AdvanceDemoClock", new AdvanceDemoClock(60))));
            third.getBean(DeadlinePoller.class).pollOnce();
            List<Object> events = events(third, permit);
            assertThat(count(events, RevocationGroundRaised.class)).as("fired once across three starts").isEqualTo(1);
            assertThat(count(events(third, other), PermitDecisionOverdue.class)).isEqualTo(1);
            // the calendar change moved the decision's deadline to one of its own, numbered after the recompute's sequence (ADR 0046 item 134)
            int recomputedAt = events(third, other).indexOf(events(third, other).stream().filter(PermitDecisionDueRecomputed.class::isInstance)
                    .findFirst().orElseThrow());
            assertThat(third.getBean(MongoDeadlines.class).state(ScheduledDeadline.idOf(other, "permit.decision", recomputedAt + 1)))
                    .contains(DeadlineState.FIRED);
            assertThat(third.getBean(MongoDeadlines.class).state(ScheduledDeadline.idOf(other, "permit.decision", 1)))
                    .as("the first, ended by the move").contains(DeadlineState.CANCELLED);

            ApplicationId id = new ApplicationId(permit);
            Clock registryTime = third.getBean(Clock.class); // moved 60 days on: commands are signed at the registry's time
            Signer at = (who, type, body) -> client.sign(client.person(who),
                    CommandEnvelope.fresh(type, CanonicalJson.mapper().valueToTree(body), registryTime));
            // 002 art. 28.4 (ADR 0046 item 18): restored once an inspection since the suspension finds the violation remedied
            RegistryClient.Reply word = client.command(at.sign("reviewer-1", "RestorePermit", new RestorePermit(id, "Violations remedied")));
            assertThat(word.status()).isEqualTo(409);
            assertThat(word.code()).isEqualTo("permit.restoration-without-inspection");
            ok(client.command(at.sign("inspector-1", "RecordPermitInspection", new RecordPermitInspection(id,
                    UlaanbaatarTime.dateOf(registryTime.instant()), ReceiptTimeEndToEndTest.upload(third, "the inspector's findings: remedied"), false))));
            // the decision after the suspension ran out is overdue by now, and an escalated decision is the supervisor's (ADR 0046 item 50, F191)
            ok(client.command(at.sign("supervisor-1", "RestorePermit", new RestorePermit(id, "Violations remedied"))));
            RegistryClient.Reply stranger = client.command(at.sign("supervisor-1", "RequestPermitExtension", new RequestPermitExtension(id, SHA)));
            assertThat(stranger.status()).isEqualTo(403);
            // 002 art. 27.2 (ADR 0013 §3): 100 days into the term is not its last part; PermitExtensionEndToEndTest extends in the window
            RegistryClient.Reply early = client.command(at.sign("applicant-1", "RequestPermitExtension", new RequestPermitExtension(id, SHA)));
            assertThat(early.status()).isEqualTo(400);
            assertThat(early.code()).isEqualTo("permit.extension-too-early");
            ok(client.command(at.sign("supervisor-1", "RevokePermit", new RevokePermit(id, RevocationGround.FALSE_DOCUMENTS, "The audit report was forged",
                    ReceiptTimeEndToEndTest.upload(third, "the finding that the audit report was forged")))));
            ok(client.command(at.sign("applicant-1", "FileRevocationComplaint",
                    new FileRevocationComplaint(id, ReceiptTimeEndToEndTest.upload(third, "the holder's complaint")))));
            ok(client.command(at.sign("supervisor-2", "DecideRevocationComplaint",
                    new DecideRevocationComplaint(id, true, ReceiptTimeEndToEndTest.upload(third, "the decision on the complaint")))));
            List<Object> after = events(third, permit);
            Object decided = after.stream().filter(RevocationComplaintDecided.class::isInstance).reduce((earlier, later) -> later).orElseThrow();
            assertThat(decided).isInstanceOfSatisfying(RevocationComplaintDecided.class, d -> assertThat(d.upheld()).isTrue());
            assertThat(after.subList(after.indexOf(decided) + 1, after.size())).as("the open duties running again (ADR 0046 item 58)").isNotEmpty()
                    .allMatch(mn.registry.kernel.permit.PermitDutyRaised.class::isInstance);
            assertThat(after).noneMatch(PermitExtensionRequested.class::isInstance);
        } finally {
            third.close();
        }
    }

    /** The policy, contract or evidence an act names: a document uploaded first, as the registry requires (ADR 0046 item 13). */
    static String proof(ConfigurableApplicationContext registry) {
        return ReceiptTimeEndToEndTest.upload(registry, "the insurance policy, the contract or the reorganisation's evidence");
    }
}
