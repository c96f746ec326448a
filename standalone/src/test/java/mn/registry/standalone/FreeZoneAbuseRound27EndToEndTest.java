package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.money.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static mn.registry.standalone.FreeZoneRegistry.ALTANBULAG;
import static mn.registry.standalone.FreeZoneRegistry.ZAMYN_UUD;
import static mn.registry.standalone.FreeZoneRegistry.dutyOf;
import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 27, Free Zone round 27 on a running registry: the governor's decline of F417's duty over HTTP (abuse audit O268; ADR 0035 item 88),
 * its document's claim released on a refusal and held on an acceptance, the decline kept off the public register and feed (O267's reading); and
 * the duty's last day moved by the Cabinet member's calendar change, never by the governor's (O259; ADR 0035 item 89).
 */
class FreeZoneAbuseRound27EndToEndTest {

    @RegisterExtension
    static final FreeZoneRegistry registry = new FreeZoneRegistry();

    static final String ARTICLE = "003 art. 12.5.3";
    static final String REASONS = "The dissolution is under appeal at the Supreme Court (case 2026/88-appeal).";

    private static RegistrationCommands.RecordInvestmentAgreement agreement(RegistrationId registration, String document) {
        return new RegistrationCommands.RecordInvestmentAgreement(registration, registry.today(), registry.today().plusYears(10),
                new Money(new BigDecimal("500000"), "USD"), true, document);
    }

    private static RegistryClient.Reply decline(RegistrationId registration, String document) {
        return registry.send("governor-" + registration.zoneId().value(), "DeclineCourtDecisionRecording",
                new RegistrationCommands.DeclineCourtDecisionRecording(registration, REASONS, document)).reply();
    }

    @Test
    @DisplayName("003 art. 12.5.3 (ADR 0035 item 88; O268): the decline over HTTP: refused with no duty open and its document's claim released "
            + "(another act of the registration, and another registration's, then cite such a document and are accepted); accepted on the duty, "
            + "its document then held (refused to another registration), a second decline refused; the decline on no public register nor feed")
    void the_decline_end_to_end() throws InterruptedException {
        LegalEntity appealing = new LegalEntity("Khongor Appealing LLC", Jurisdiction.MONGOLIAN, null, "6207771");
        LegalEntity neighbour = new LegalEntity("Khongor Neighbour LLC", Jurisdiction.MONGOLIAN, null, "6207772");
        LegalEntity third = new LegalEntity("Khongor Third LLC", Jurisdiction.MONGOLIAN, null, "6207773");
        RegistrationId here = registry.registeredIn(ZAMYN_UUD, appealing);
        RegistrationId elsewhere = registry.registeredAlsoIn(ALTANBULAG, appealing);
        RegistrationId neighbours = registry.registeredIn(ZAMYN_UUD, neighbour);
        RegistrationId thirds = registry.registeredIn(ZAMYN_UUD, third);

        // no duty open: refused, nothing stored, and the documents' claims released
        String early = registry.document("appeal lodged early " + here);
        registry.refused(registry.send("governor-zamyn-uud", "DeclineCourtDecisionRecording",
                new RegistrationCommands.DeclineCourtDecisionRecording(here, REASONS, early)), 409, "freezone.no-court-decision-to-record",
                "registrationId", ARTICLE);
        ok(registry.send("governor-zamyn-uud", "RecordInvestmentAgreement", agreement(neighbours, early)));
        String own = registry.document("appeal lodged early, second copy " + here);
        registry.refused(registry.send("governor-zamyn-uud", "DeclineCourtDecisionRecording",
                new RegistrationCommands.DeclineCourtDecisionRecording(here, REASONS, own)), 409, "freezone.no-court-decision-to-record",
                "registrationId", ARTICLE);
        ok(registry.send("governor-zamyn-uud", "RecordInvestmentAgreement", agreement(here, own)));

        // the duty: the dissolution recorded in Altanbulag is on the Zamyn-Uud desk; declined with reasons on the appeal
        registry.dissolvedIn(elsewhere, "Selenge civil court 2026/77", registry.today());
        String governor = registry.signIn("governor-zamyn-uud");
        registry.await("/api/governor/zones/zamyn-uud/court-decisions", governor, d -> dutyOf(d, here) != null);
        String appeal = registry.document("appeal to the Supreme Court " + here);
        RegistryClient.Reply declined = decline(here, appeal);
        assertThat(declined.status()).as(declined.body().toString()).isEqualTo(200);
        assertThat(registry.events(here.stream())).filteredOn(RegistrationEvents.CourtDecisionRecordingDeclined.class::isInstance).hasSize(1);
        registry.await("/api/governor/zones/zamyn-uud/court-decisions", governor, d -> dutyOf(d, here) == null);

        // its document is now the decline's: another registration's act citing it is refused; a second decline is refused, nothing stored
        registry.refused(registry.send("governor-zamyn-uud", "RecordInvestmentAgreement", agreement(thirds, appeal)), 409,
                "freezone.document-cited-elsewhere", "documentSha256", "003 art.");
        registry.refused(registry.send("governor-zamyn-uud", "DeclineCourtDecisionRecording",
                new RegistrationCommands.DeclineCourtDecisionRecording(here, REASONS, registry.document("a second appeal " + here))), 409,
                "freezone.no-court-decision-to-record", "registrationId", ARTICLE);

        // kept off the public record (O267's reading): an act after it is published, the decline is not, nor its reasons
        RegistrationId later = registry.registeredIn(ZAMYN_UUD, new LegalEntity("Khongor Later LLC", Jurisdiction.MONGOLIAN, null, "6207775"));
        JsonNode feed = registry.await("/api/public/feed?after=-1&limit=1000", null, f -> f.toString().contains("\"registrationId\":\""
                + later.value() + "\""));
        assertThat(feed.toString()).doesNotContain("CourtDecisionRecordingDeclined").doesNotContain("Supreme Court").doesNotContain(appeal);
        JsonNode page = registry.await("/api/public/register/entities/" + URLEncoder.encode(here.value(), StandardCharsets.UTF_8), null,
                p -> p.toString().contains("6207771"));
        assertThat(page.toString()).doesNotContain("Supreme Court").doesNotContain("Declined").doesNotContain(appeal);
    }

    @Test
    @DisplayName("003 art. 12.5.3; domain-rules §2 (ADR 0035 item 89; O259): the duty's last day moves with the Cabinet member's holiday declared "
            + "within its business days; the governor, whose duty it is, cannot declare one")
    void the_duty_moves_with_the_cabinet_members_calendar_only() throws InterruptedException {
        LegalEntity moved = new LegalEntity("Khongor Moved LLC", Jurisdiction.MONGOLIAN, null, "6207774");
        RegistrationId here = registry.registeredIn(ZAMYN_UUD, moved);
        RegistrationId elsewhere = registry.registeredAlsoIn(ALTANBULAG, moved);
        registry.dissolvedIn(elsewhere, "Selenge civil court 2026/78", registry.today());
        String governor = registry.signIn("governor-zamyn-uud");
        JsonNode duties = registry.await("/api/governor/zones/zamyn-uud/court-decisions", governor, d -> dutyOf(d, here) != null);
        LocalDate dueBefore = LocalDate.parse(dutyOf(duties, here).path("dueOn").asText());
        WorkingDayCalendar base = WorkingDayCalendar.base();
        LocalDate holiday = base.deadline(registry.today(), WorkingDays.of(1)).due(); // the window's first business day
        assertThat(holiday).isBefore(dueBefore);
        PublicHolidayDeclared declared = new PublicHolidayDeclared(holiday, "Round 27 test holiday", "Туршилтын амралт 27", "Resolution E2E-27");

        // the governor who is late cannot buy a day: the calendar is the Cabinet member's to record
        RegistryClient.Reply byGovernor = registry.send("governor-zamyn-uud", "DeclarePublicHoliday", declared).reply();
        assertThat(byGovernor.status()).as(byGovernor.body().toString()).isEqualTo(403);
        assertThat(dutyOf(registry.await("/api/governor/zones/zamyn-uud/court-decisions", governor, d -> true), here).path("dueOn").asText())
                .isEqualTo(dueBefore.toString());

        ok(registry.send("cabinet-1", "DeclarePublicHoliday", declared));
        LocalDate expected = base.apply(declared).deadline(registry.today(), WorkingDays.of(5)).due();
        assertThat(expected).isAfter(dueBefore);
        registry.await("/api/governor/zones/zamyn-uud/court-decisions", governor,
                d -> dutyOf(d, here) != null && expected.toString().equals(dutyOf(d, here).path("dueOn").asText()));
        assertThat(registry.events(here.stream())).filteredOn(e -> e.getClass().getSimpleName().equals("CourtDecisionToRecordDueRecomputed"))
                .hasSize(1);
    }
}
