package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.demo.AdvanceDemoClock;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.money.Money;
import mn.registry.tlog.LogCollections;
import mn.registry.kernel.permit.*;
import mn.registry.kernel.signing.CommandEnvelope;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 item 5-7 over HTTP (ADR 0013 §4): the registry's publication duty is discharged by the time-stamped
 * checkpoint that publishes the grant (no false "publication overdue"); the holder cannot discharge the ministry's
 * duty (the escalation stays); a reviewer cannot mark the holder's 27.7 duty; the tax officer's request is the only
 * ground of a TAX_EVASIONS suspension, and its decision escalates when missed.
 */
class PermitDutiesEndToEndTest {

    static final String SHA = "ab".repeat(32);

    @TempDir
    Path dataDir;

    private static void ok(RegistryClient.Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    }

    private static void refused(RegistryClient.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.code()).isEqualTo(code);
    }

    private static List<Object> events(ConfigurableApplicationContext registry, String applicationId) {
        return registry.getBean(EventStore.class).readEvents(applicationId).asStream().map(EventMessage::getPayload).map(Object.class::cast).toList();
    }

    private static boolean has(List<Object> events, PermitDuty duty, Class<?> type) {
        return events.stream().anyMatch(e -> type.isInstance(e) && (e instanceof PermitDutyFulfilled f ? f.duty() == duty
                : e instanceof PermitDutyOverdue o && o.duty() == duty));
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

    interface Signer {
        String sign(String personId, String type, Object body);
    }

    @Test
    @DisplayName("002 art. 26.4, 27.3, 27.7, 28.1, 28.3: the checkpoint publishes the grant; the holder cannot discharge the ministry's duty and its escalation stays; the tax request grounds the suspension")
    void holder_cannot_discharge_the_ministrys_duty() throws Exception {
        ConfigurableApplicationContext registry = RegistryApplication.start("--server.port=0", "--registry.data-dir=" + dataDir,
                "--registry.demo=true", "--registry.deadlines.poll-interval=300ms");
        try {
            RegistryClient client = new RegistryClient(((WebServerApplicationContext) registry).getWebServer().getPort(), dataDir);
            String reviewer = client.signIn("reviewer-1");
            await("the demo applications in the reviewer queue", () -> client.get("/api/reviewer/applications", reviewer).body().size() == 2);
            String permit = client.get("/api/reviewer/applications", reviewer).body().get(0).path("applicationId").asText();
            ApplicationId id = new ApplicationId(permit);
            Clock registryTime = registry.getBean(Clock.class);
            Signer at = (who, type, body) -> client.sign(client.person(who),
                    CommandEnvelope.fresh(type, CanonicalJson.mapper().valueToTree(body), registryTime));

            ok(client.command(at.sign("supervisor-1", "SetMinimumInsurance", new SetMinimumInsurance(Money.mnt(100_000_000)))));
            ok(client.command(at.sign("reviewer-1", "ApprovePermitApplication", new ApprovePermitApplication(id))));
            ok(client.command(at.sign("applicant-1", "RecordPermitInsurance", new RecordPermitInsurance(id, "Mongol Daatgal", "POL-1",
                    Money.mnt(200_000_000), UlaanbaatarTime.dateOf(registryTime.instant()).plusYears(1), proof(registry)))));
            ok(client.command(at.sign("supervisor-1", "IssuePermit",
                    new IssuePermit(id, "Issuing signature certificates", List.of("Keep the certificate database in Mongolia"), null, proof(registry)))));

            // 002 art. 26.4: nobody marks the publication done; the checkpoint that covers the grant does, with its time
            refused(client.command(at.sign("reviewer-1", "RecordPermitDutyFulfilled",
                    new RecordPermitDutyFulfilled(id, PermitDuty.PUBLISH_GRANT, SHA))), 409, "permit.duty-discharged-by-publication");
            await("the grant published by a checkpoint", () -> has(events(registry, permit), PermitDuty.PUBLISH_GRANT, PermitDutyFulfilled.class));
            PermitDutyFulfilled published = events(registry, permit).stream().filter(PermitDutyFulfilled.class::isInstance)
                    .map(PermitDutyFulfilled.class::cast).filter(f -> f.duty() == PermitDuty.PUBLISH_GRANT).findFirst().orElseThrow();
            assertThat(published.late()).isFalse();
            assertThat(published.recordedBy()).as("the registry, not a person").isNull();
            MongoDatabase database = registry.getBean(MongoDatabase.class);
            List<String> noteHashes = database.getCollection(LogCollections.CHECKPOINTS).find().map(d -> d.getString(LogCollections.NOTE))
                    .map(PermitDutiesEndToEndTest::sha256).into(new java.util.ArrayList<>());
            assertThat(noteHashes).as("evidence is a published checkpoint").contains(published.evidenceSha256());

            // 002 art. 28.1: only the tax officer files the request, on two or more evasions; the request is a document received (ADR 0046 item 16)
            String taxRequest = ReceiptTimeEndToEndTest.upload(registry, "the tax authority's request to suspend");
            refused(client.command(at.sign("reviewer-1", "RequestPermitSuspension", new RequestPermitSuspension(id, 3, taxRequest))),
                    403, "signer.role-missing");
            refused(client.command(at.sign("applicant-1", "RequestPermitSuspension", new RequestPermitSuspension(id, 3, taxRequest))),
                    403, "signer.role-missing");
            refused(client.command(at.sign("tax-officer-1", "RequestPermitSuspension", new RequestPermitSuspension(id, 1, taxRequest))),
                    400, "permit.suspension-tax-evasions-fewer-than-two");
            ok(client.command(at.sign("tax-officer-1", "RequestPermitSuspension", new RequestPermitSuspension(id, 2, taxRequest))));

            // the worst case of issue 13 item 5: the holder marks the ministry's decision duties done
            refused(client.command(at.sign("applicant-1", "RecordPermitDutyFulfilled",
                    new RecordPermitDutyFulfilled(id, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, SHA))), 409, "permit.duty-discharged-by-decision");
            refused(client.command(at.sign("applicant-1", "RecordPermitDutyFulfilled",
                    new RecordPermitDutyFulfilled(id, PermitDuty.DECIDE_EXTENSION, SHA))), 409, "permit.duty-discharged-by-decision");
            // ... and a reviewer marks the holder's 27.7 duty
            refused(client.command(at.sign("reviewer-1", "RecordPermitDutyFulfilled",
                    new RecordPermitDutyFulfilled(id, PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, SHA))), 403, "permit.duty-owed-by-holder");

            // the decision is not made: it escalates, and stays escalated; the publication is not flagged
            ok(client.command(at.sign("supervisor-1", "AdvanceDemoClock", new AdvanceDemoClock(14))));
            await("the tax request's decision escalated", () -> has(events(registry, permit), PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST,
                    PermitDutyOverdue.class));
            String supervisor = client.signIn("supervisor-1");
            await("the escalation on the supervisor's list", () -> client.get("/api/supervisor/escalations", supervisor).body().toString()
                    .contains("DECIDE_TAX_SUSPENSION_REQUEST"));
            assertThat(has(events(registry, permit), PermitDuty.PUBLISH_GRANT, PermitDutyOverdue.class)).as("no false publication overdue").isFalse();
            refused(client.command(at.sign("applicant-1", "RecordPermitDutyFulfilled",
                    new RecordPermitDutyFulfilled(id, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, SHA))), 409, "permit.duty-discharged-by-decision");
            assertThat(has(events(registry, permit), PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, PermitDutyFulfilled.class)).isFalse();

            // the ministry decides by suspending on the request: the duty is done by the decision; escalated, it is the supervisor's
            // (domain-rules §1, ADR 0046 item 50, abuse audit F191)
            java.time.LocalDate today = UlaanbaatarTime.dateOf(registryTime.instant());
            refused(client.command(at.sign("reviewer-1", "SuspendPermit",
                    new SuspendPermit(id, SuspensionGround.TAX_EVASIONS, taxRequest, 2, today.minusMonths(2), today.plusDays(20)))),
                    400, "permit.suspension-not-from-today");
            refused(client.command(at.sign("reviewer-1", "SuspendPermit",
                    new SuspendPermit(id, SuspensionGround.TAX_EVASIONS, taxRequest, 2, null, today.plusDays(30)))),
                    403, "permit.escalated-decision-is-the-supervisors");
            ok(client.command(at.sign("supervisor-1", "SuspendPermit",
                    new SuspendPermit(id, SuspensionGround.TAX_EVASIONS, taxRequest, 2, null, today.plusDays(30)))));
            assertThat(has(events(registry, permit), PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, PermitDutyFulfilled.class)).isTrue();

            // 002 art. 28.3: the notice is the ministry's to record, with evidence
            refused(client.command(at.sign("applicant-1", "RecordPermitDutyFulfilled",
                    new RecordPermitDutyFulfilled(id, PermitDuty.NOTIFY_SUSPENSION, SHA))), 403, "permit.duty-owed-by-ministry");
            ok(client.command(at.sign("reviewer-1", "RecordPermitDutyFulfilled", new RecordPermitDutyFulfilled(id, PermitDuty.NOTIFY_SUSPENSION,
                    ReceiptTimeEndToEndTest.upload(registry, "the notice of suspension to the holder and the tax authority")))));
            assertThat(has(events(registry, permit), PermitDuty.NOTIFY_SUSPENSION, PermitDutyFulfilled.class)).isTrue();
            await("the case page showing the suspension with its notice done", () -> {
                JsonNode page = client.get("/api/reviewer/permits/" + permit, supervisor).body();
                return page.path("status").asText().equals("SUSPENDED") && page.path("duties").isObject()
                        && !page.path("duties").has("NOTIFY_SUSPENSION") && !page.path("duties").has("DECIDE_TAX_SUSPENSION_REQUEST");
            });

            // 002 art. 28.1, 28.4 (ADR 0046 item 19, abuse audit F109): not restored on the reviewer's word; the tax authority records
            // the evasions settled, with a document received, and only the tax authority
            refused(client.command(at.sign("reviewer-1", "RestorePermit", new RestorePermit(id, "the company says it paid"))), 409,
                    "permit.restoration-without-tax-settlement");
            String settlement = ReceiptTimeEndToEndTest.upload(registry, "the tax authority: the evasions are settled");
            refused(client.command(at.sign("reviewer-1", "RecordTaxEvasionsSettled", new RecordTaxEvasionsSettled(id, settlement))), 403,
                    "signer.role-missing");
            refused(client.command(at.sign("applicant-1", "RecordTaxEvasionsSettled", new RecordTaxEvasionsSettled(id, settlement))), 403,
                    "signer.role-missing");
            refused(client.command(at.sign("tax-officer-1", "RecordTaxEvasionsSettled", new RecordTaxEvasionsSettled(id, SHA))), 400,
                    "document.unknown");
            ok(client.command(at.sign("tax-officer-1", "RecordTaxEvasionsSettled", new RecordTaxEvasionsSettled(id, settlement))));
            refused(client.command(at.sign("tax-officer-1", "RecordTaxEvasionsSettled", new RecordTaxEvasionsSettled(id, settlement))), 409,
                    "permit.no-tax-suspension");
            ok(client.command(at.sign("reviewer-1", "RestorePermit", new RestorePermit(id, "the tax authority's record of the settlement"))));
        } finally {
            registry.close();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The policy, contract or evidence an act names: a document uploaded first, as the registry requires (ADR 0046 item 13). */
    static String proof(ConfigurableApplicationContext registry) {
        return ReceiptTimeEndToEndTest.upload(registry, "the insurance policy, the contract or the reorganisation's evidence of " + java.util.UUID.randomUUID());
    }
}
