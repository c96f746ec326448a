package mn.registry.freezone.entity;

import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationEvents;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static mn.registry.freezone.entity.ZoneRegistrationAbuseTest.problem;
import static mn.registry.freezone.entity.ZoneRegistrationTest.GOVERNOR;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ID;
import static mn.registry.freezone.entity.ZoneRegistrationTest.applied;
import static mn.registry.freezone.entity.ZoneRegistrationTest.governor;
import static mn.registry.freezone.entity.ZoneRegistrationTest.registered;

/**
 * Session 31, the Free Zone's red team (docs/abuse-audit.md F570, F572; ADR 0035 item 138), the zone registration's part (the land register's
 * is {@code mn.registry.freezone.land.FreeZoneAbuseRound35Test}): a careless governor writes a person's civil registration number, phone or
 * e-mail into a rejection's reasons or a court file's reference, withheld from the public but kept in clear in the event, after any erasure.
 * The end-to-end attempts: {@code FreeZoneRedTeamRound31EndToEndTest} (standalone).
 */
class FreeZoneAbuseRound35RegistrationTest extends ZoneRegistrationAbuseFixture {

    static final String REJECTION_CODE = "privacy.personal-details-in-rejection-reasons";
    static final String COURT_CODE = "privacy.personal-details-in-court-reference";

    @Test
    @DisplayName("003 art. 12.2; 002 art. 15.3, 30.1 (ADR 0035 item 138; F570): abuse: a rejection's reasons holding a person's civil "
            + "registration number, phone or e-mail, in one item or split across two, are refused 400 on reasons[i] or reasons, no event; "
            + "reasons without them are recorded")
    void a_rejections_reasons_hold_no_persons_details() {
        Instant at = Instant.parse("2027-03-02T02:00:00Z");
        String article = "003 art. 12.2; 002 art. 15.3, 30.1";
        fixture.given(applied()).when(governor(new RegistrationCommands.RejectZoneRegistration(ID, List.of("Incomplete documents",
                        "The director (УБ90010112) owes taxes")), at))
                .expectException(problem(REJECTION_CODE, "reasons[1]", article)).expectNoEvents();
        fixture.given(applied()).when(governor(new RegistrationCommands.RejectZoneRegistration(ID, List.of("Write to bat.erdene@gmail.com")), at))
                .expectException(problem(REJECTION_CODE, "reasons[0]", article)).expectNoEvents();
        fixture.given(applied()).when(governor(new RegistrationCommands.RejectZoneRegistration(ID, List.of("Call the director on 9911",
                        "2233 after hours")), at))
                .expectException(problem(REJECTION_CODE, "reasons", article)).expectNoEvents();
        fixture.given(applied()).when(governor(new RegistrationCommands.RejectZoneRegistration(ID, List.of("The charter names no activity the zone "
                        + "allows", "Fee receipt unreadable")), at))
                .expectEvents(new RegistrationEvents.ZoneRegistrationRejected(ID, List.of("The charter names no activity the zone allows",
                        "Fee receipt unreadable"), at, GOVERNOR));
    }

    @Test
    @DisplayName("003 art. 12.5.3; 002 art. 15.3, 30.1 (ADR 0035 item 138; F572): abuse: a court decision's reference holding a person's phone or "
            + "civil registration number is refused 400 on reference, no event")
    void a_court_reference_holds_no_persons_details() {
        Instant at = Instant.parse("2027-05-02T01:00:00Z");
        LocalDate decided = LocalDate.of(2027, 4, 28);
        for (String reference : new String[]{"Selenge court 2027/118, claimant 99112233", "Selenge court 2027/118 (Bat, ЧБ88112233)"}) {
            fixture.given(applied(), registered())
                    .when(governor(new RegistrationCommands.RecordCourtDecision(ID, reference, decided, false, ZoneRegistrationTest.COURT_DOC), at))
                    .expectException(problem(COURT_CODE, "reference", "003 art. 12.5.3; 002 art. 15.3, 30.1")).expectNoEvents();
        }
    }
}
