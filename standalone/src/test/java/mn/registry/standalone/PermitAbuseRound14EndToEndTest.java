package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.DecideRevocationComplaint;
import mn.registry.kernel.permit.FileRevocationComplaint;
import mn.registry.kernel.permit.PassCertificateDatabaseOn;
import mn.registry.kernel.permit.PermitExpired;
import mn.registry.kernel.permit.PermitIssued;
import mn.registry.kernel.permit.RecordCertificateDatabaseHandedOver;
import mn.registry.kernel.permit.RecordPermitInspection;
import mn.registry.kernel.permit.ReportCertificatesIssued;
import mn.registry.kernel.permit.RevocationGround;
import mn.registry.kernel.permit.RevokePermit;
import mn.registry.kernel.permit.SuspendPermit;
import mn.registry.kernel.permit.SuspensionGround;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 18 of docs/abuse-audit.md ("Session 18, permits round 10", branch s18-permits2, ADR 0046 items 54 on) on a running registry
 * over HTTP: the open rows O112, O113 and O115 closed on the lead's decisions, each refusal with its code, field and article and nothing
 * stored ({@link RunningRegistry#refused}). The deadline poller is stopped (polled by hand where a test needs it), so that a term ended
 * on the moved clock is not yet recorded expired; the demo people outlive the clock moved on by years.
 */
class PermitAbuseRound14EndToEndTest {

    @RegisterExtension
    static final PermitRegistry registry = new PermitRegistry("--registry.deadlines.poll-interval=1h").withLongLivedPeople();

    private static List<Object> events(ApplicationId id) {
        return registry.events(id.value());
    }

    static String document(String what) {
        return registry.document(what + ", session 18 permits round 10");
    }

    /** A permit issued to {@code company} on the application of applicant-1 (who then acts for the holder). */
    private static ApplicationId issuedPermit(String company, String number) {
        return registry.issuedPermit(company, number, document("the policy of " + company), document("the issue's evidence of " + company));
    }

    @Test
    @DisplayName("002 art. 29.2, 29.4 (F195, was O115): a revoked holder's certificate database is not passed on to a permit whose term "
            + "ended before the receipt, though its expiry deadline has not fired yet: refused over HTTP as to no permit in force, nothing stored")
    void the_database_is_not_passed_on_to_a_permit_whose_term_ended() {
        ApplicationId revoked = issuedPermit("Tes Tamga Nineteen Revoked LLC", "6119001");
        ApplicationId successor = issuedPermit("Tes Tamga Nineteen Successor LLC", "6119002");
        ok(registry.send("supervisor-1", "RevokePermit", new RevokePermit(revoked, RevocationGround.FALSE_DOCUMENTS, "forged audit report",
                document("the finding of false documents of 6119001"))));
        ok(registry.send("reviewer-1", "RecordCertificateDatabaseHandedOver", new RecordCertificateDatabaseHandedOver(revoked,
                document("the revoked holder's certificate database"), document("the ministry's receipt of the revoked holder's database"))));
        LocalDate successorEnds = events(successor).stream().filter(PermitIssued.class::isInstance).map(PermitIssued.class::cast)
                .findFirst().orElseThrow().validUntil();
        // the clock moved on to ten minutes into the day after the successor's last day; the poller has not run
        Instant tenPast = UlaanbaatarTime.endOf(successorEnds).toInstant().plus(Duration.ofMinutes(10));
        registry.clock().advance(Duration.between(registry.clock().instant(), tenPast));
        assertThat(events(successor)).as("not yet recorded expired").noneMatch(PermitExpired.class::isInstance);
        registry.refused(registry.send("supervisor-1", "PassCertificateDatabaseOn", new PassCertificateDatabaseOn(revoked, successor,
                document("the pass-on contract"))), 400, "permit.database-successor-invalid", "successorPermit", "002 art. 29.4");
    }

    private static String permitNumber(ApplicationId id) {
        return events(id).stream().filter(PermitIssued.class::isInstance).map(PermitIssued.class::cast).findFirst().orElseThrow().permitNumber().value();
    }

    private static String registerStatus(String permitNumber) {
        RegistryClient.Reply reply = registry.client().get("/api/public/register/permits/" + permitNumber);
        return reply.status() == 200 ? reply.body().path("entry").path("status").asText() : "absent";
    }

    private static JsonNode trustedService(String permitNumber) {
        JsonNode jws = registry.client().get("/api/public/trusted-list").body();
        JsonNode list;
        try {
            list = mn.registry.kernel.crypto.CanonicalJson.mapper().readTree(new String(java.util.Base64.getUrlDecoder().decode(jws.path("payload").asText()),
                    java.nio.charset.StandardCharsets.UTF_8));
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

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    @Test
    @DisplayName("002 art. 28.2, 29.6 (choice, ADR 0046 item 56, F197, was O112): a permit revoked while suspended and reinstated on the "
            + "holder's complaint is suspended: the holder's report of new certificates is refused over HTTP (nothing stored), and the public "
            + "register and the trusted list show it suspended")
    void a_permit_revoked_while_suspended_is_reinstated_suspended() throws InterruptedException {
        ApplicationId id = issuedPermit("Tes Tamga Nineteen Reinstated LLC", "6119003");
        String number = permitNumber(id);
        String findings = document("the inspector's findings of a violation by Tes Tamga Nineteen Reinstated LLC");
        ok(registry.send("inspector-1", "RecordPermitInspection", new RecordPermitInspection(id, registry.today(), findings, true)));
        ok(registry.send("reviewer-1", "SuspendPermit", new SuspendPermit(id, SuspensionGround.INSPECTOR_OPINION, findings, 0, registry.today(),
                registry.today().plusDays(30))));
        ok(registry.send("supervisor-1", "RevokePermit", new RevokePermit(id, RevocationGround.FALSE_DOCUMENTS, "forged audit report",
                document("the finding of false documents of " + id))));
        await("the register showing it revoked", () -> "REVOKED".equals(registerStatus(number)));
        await("the trusted list showing it revoked", () -> "withdrawn".equals(trustedService(number).path("status").asText()));
        ok(registry.send("applicant-1", "FileRevocationComplaint", new FileRevocationComplaint(id, document("the holder's complaint"))));
        ok(registry.send("supervisor-2", "DecideRevocationComplaint", new DecideRevocationComplaint(id, true, document("the complaint's decision"))));

        registry.refused(registry.send("applicant-1", "ReportCertificatesIssued", new ReportCertificatesIssued(id, 12, registry.today())), 409,
                "permit.suspended-no-new-certificates", null, "002 art. 28.2");
        await("the register showing it suspended", () -> "SUSPENDED".equals(registerStatus(number)));
        await("the trusted list showing it suspended", () -> !trustedService(number).path("trustedForNewCertificates").asBoolean(true)
                && "suspended".equals(trustedService(number).path("status").asText()));
    }
}
