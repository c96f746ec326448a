package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.deadline.DeadlinePoller;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.calendar.YearConfirmed;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.ApprovePermitApplication;
import mn.registry.kernel.permit.PermitDecisionOverdue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.List;

import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 18 of docs/abuse-audit.md (permits and identity, branch s18-abuse-permits, ADR 0046 items 49 on) on a running registry over
 * HTTP: acts of a careless or dishonest official that abb4d60 accepted, each refused with its code, field and article and nothing stored
 * (no event, no command-log entry: {@link RunningRegistry#refused}).
 */
class PermitAbuseRound13EndToEndTest {

    @RegisterExtension
    static final PermitRegistry registry = new PermitRegistry();

    /** The first {@code n} working days of the law's calendar from {@code from}, each declared a day off by its own resolution. */
    private static List<PublicHolidayDeclared> daysOffFrom(LocalDate from, int n) {
        WorkingDayCalendar law = WorkingDayCalendar.base();
        return from.datesUntil(from.plusYears(1)).filter(law::isWorkingDay).limit(n)
                .map(day -> new PublicHolidayDeclared(day, "Day of rest", "Амралтын өдөр", "Government resolution " + day.getDayOfYear() + " of " + day.getYear() + ", session 18")).toList();
    }

    @Test
    @DisplayName("domain-rules §2 (F190): Tsagaan Sar confirmed onto two declared days off, two more days off declared in the room it made, "
            + "and the year confirmed back on the lunar calendar's dates (twelve working days taken, ten allowed): the last confirmation is "
            + "refused over HTTP, nothing stored")
    void a_confirmation_uncovers_no_days_off_beyond_the_ceiling() {
        // by the lunar calendar 2031's Tsagaan Sar is 22-24 February (Saturday to Monday), Buddha's birthday 5 June, Chinggis Khaan's day 15 November
        for (PublicHolidayDeclared day : daysOffFrom(LocalDate.of(2031, 2, 25), 2)) {
            ok(registry.send("cabinet-1", "DeclarePublicHoliday", day));
        }
        for (PublicHolidayDeclared day : daysOffFrom(LocalDate.of(2031, 3, 3), 8)) {
            ok(registry.send("cabinet-1", "DeclarePublicHoliday", day));
        }
        ok(registry.send("cabinet-1", "ConfirmCalendarYear", new YearConfirmed(2031, List.of(LocalDate.of(2031, 2, 24), LocalDate.of(2031, 2, 25),
                LocalDate.of(2031, 2, 26)), LocalDate.of(2031, 6, 5), LocalDate.of(2031, 11, 15), "Government resolution 2030/1002, session 18")));
        for (PublicHolidayDeclared day : daysOffFrom(LocalDate.of(2031, 4, 1), 2)) {
            ok(registry.send("cabinet-1", "DeclarePublicHoliday", day));
        }
        registry.refused(registry.send("cabinet-1", "ConfirmCalendarYear", new YearConfirmed(2031, List.of(LocalDate.of(2031, 2, 22),
                LocalDate.of(2031, 2, 23), LocalDate.of(2031, 2, 24)), LocalDate.of(2031, 6, 5), LocalDate.of(2031, 11, 15),
                "Government resolution 2031/20, session 18")), 409, "calendar.confirmation-beyond-the-ceiling", "year", "domain-rules §2");
    }

    @Test
    @DisplayName("domain-rules §1, 002 art. 26.1 (F191): an application whose 17 working days ran out and whose decision was escalated is "
            + "not approved by a reviewer (refused over HTTP, nothing stored); the supervisor approves it")
    void an_escalated_application_is_decided_by_a_supervisor() throws InterruptedException {
        JsonNode receipt = ok(registry.send("applicant-1", "ApplyForPermit", ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(),
                "Tes Tamga Eighteen Overdue LLC", "6118001")));
        ApplicationId id = new ApplicationId(receipt.path("applicationId").asText());
        ok(registry.send("supervisor-1", "AdvanceDemoClock", new mn.registry.demo.AdvanceDemoClock(40)));
        for (int i = 0; i < 200 && registry.events(id.value()).stream().noneMatch(PermitDecisionOverdue.class::isInstance); i++) {
            registry.getBean(DeadlinePoller.class).pollOnce();
            Thread.sleep(100);
        }
        assertThat(registry.events(id.value())).as("the decision escalated").anyMatch(PermitDecisionOverdue.class::isInstance);
        registry.refused(registry.send("reviewer-1", "ApprovePermitApplication", new ApprovePermitApplication(id)), 403,
                "permit.escalated-decision-is-the-supervisors", "applicationId", "002 art. 26.1");
        ok(registry.send("supervisor-1", "ApprovePermitApplication", new ApprovePermitApplication(id)));
    }

    @Test
    @DisplayName("001 art. 23.1.1 (F194): a reviewer who signs in an hour before the certificate's end gets a session that ends with the "
            + "certificate, not eight hours later; a reviewer of a certificate valid for a year gets the eight hours")
    void a_session_ends_when_its_certificate_does() {
        java.time.Instant now = registry.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        mn.registry.kernel.pki.SigningIdentity ending = registry.enrolled("reviewer-18s", "Reviewer Eighteen", "Ministry", java.time.Duration.ofHours(1),
                mn.registry.kernel.identity.Role.MINISTRY_REVIEWER, "test enrolment, session 18");
        java.time.Instant certificateEnds = ending.chain().get(0).getNotAfter().toInstant();
        assertThat(sessionEnds(ending)).isAfter(now).isBeforeOrEqualTo(certificateEnds);
        assertThat(sessionEnds(registry.client().person("reviewer-1"))).isAfterOrEqualTo(now.plus(java.time.Duration.ofHours(8)));
    }

    @Test
    @DisplayName("001 art. 23.1.1 (held): a session signed in before the reviewer's certificate was revoked reads nothing after the revocation")
    void a_session_ends_with_the_certificates_revocation() {
        mn.registry.kernel.pki.SigningIdentity reviewer = registry.enrolled("reviewer-18r", "Reviewer Eighteen R", "Ministry",
                java.time.Duration.ofDays(365), mn.registry.kernel.identity.Role.MINISTRY_REVIEWER, "test enrolment, session 18");
        String token = registry.signIn(reviewer);
        assertThat(registry.client().get("/api/session", token).status()).isEqualTo(200);
        ok(registry.send("supervisor-1", "RevokeSignerCertificate", new mn.registry.kernel.identity.RevokeSignerCertificate(reviewer.person(), null,
                "key reported lost", ReceiptTimeEndToEndTest.upload(registry.context(), "reviewer-18r's written report of a lost key, session 18"))));
        assertThat(registry.client().get("/api/session", token).status()).isIn(401, 403);
    }

    /** Signs in as {@code who} with the registry's time; answers when the session ends. */
    private static java.time.Instant sessionEnds(mn.registry.kernel.pki.SigningIdentity who) {
        String challenge = registry.client().get("/api/session/challenge").body().path("challenge").asText();
        com.fasterxml.jackson.databind.node.ObjectNode body = mn.registry.kernel.crypto.CanonicalJson.mapper().createObjectNode().put("challenge", challenge);
        RegistryClient.Reply reply = registry.client().post("/api/session", registry.client().sign(who,
                mn.registry.kernel.signing.CommandEnvelope.fresh("SignIn", body, registry.clock())), "application/json");
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        JsonNode ends = reply.body().path("expiresAt");
        return ends.isNumber() ? java.time.Instant.ofEpochMilli(Math.round(ends.asDouble() * 1000)) : java.time.Instant.parse(ends.asText());
    }
}
