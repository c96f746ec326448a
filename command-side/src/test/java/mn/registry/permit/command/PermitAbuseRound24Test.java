package mn.registry.permit.command;

import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.*;
import static mn.registry.permit.command.Signed.signed;

/**
 * Session 25's permits round 23 (docs/abuse-audit.md, "Session 25, permits round 23"; ADR 0046 items 102 on): a transfer to a company that
 * existed before the reorganisation (O220). The companies the registry has on record are the index {@link CompaniesOnRecord} folds from the
 * stored acts ({@code CompaniesOnRecordTest}); here they are the services' map, as each case names them.
 */
class PermitAbuseRound24Test extends PermitAbuseFixture {

    /** The holder since the issue: on record since its application's receipt (2024-11-20). */
    private static final Company A = Applications.MONGOLIAN;
    private static final Company B = new Company("Separated Trust LLC", "6400701", true, "Peace Avenue 7, Ulaanbaatar");
    private static final Company C = new Company("Old Applicant LLC", "6400702", true, "Peace Avenue 8, Ulaanbaatar");
    /** The receipt of the transfer from A to B, and the day its separation took effect. */
    private static final Instant SEPARATED_AT = Instant.parse("2025-05-10T02:00:00Z");
    private static final LocalDate SEPARATED_ON = UlaanbaatarTime.dateOf(SEPARATED_AT);
    /** The record of B's own reorganisation, received after the first transfer. */
    private static final String B_S_RECORD = "7d".repeat(32);
    private static final String STATE_ARTICLE = "002 art. 23.3";

    PermitAbuseRound24Test() {
        super(B_S_RECORD);
        services.companiesOnRecord.put(A.registrationNumber(), new CompanyOnRecord(RECEIVED, null, null));
    }

    private static Object transfer(Company successor, Reorganisation form, String evidence, LocalDate reorganisedOn, Instant at) {
        return signed(new TransferPermit(ID, successor, form, evidence, reorganisedOn, SuccessorsRepresentative.of(successor)), SUPERVISOR, at, Role.MINISTRY_SUPERVISOR);
    }

    /** The permit passed from A to B on A's separation: B on record since the transfer, A left (a separation does not end it). */
    private List<Object> separated() {
        services.companiesOnRecord.put(B.registrationNumber(), new CompanyOnRecord(SEPARATED_AT, null, null));
        List<Object> events = new ArrayList<>(active());
        events.add(new PermitTransferred(ID, A, B, Reorganisation.SEPARATION, SHA2, SEPARATED_AT, SUPERVISOR, SEPARATED_ON, null));
        return events;
    }

    @Test
    @DisplayName("002 art. 23.3 (F392, was O220): A passes the permit to B on a separation, then B back to A on a separation, consolidation, "
            + "division or transformation: A, on record since its application, was not created by B's reorganisation: refused, nothing stored")
    void a_company_on_record_before_the_reorganisation_was_not_created_by_it() {
        Instant back = SEPARATED_AT.plusSeconds(30 * 86_400);
        for (Reorganisation form : List.of(Reorganisation.SEPARATION, Reorganisation.CONSOLIDATION, Reorganisation.DIVISION,
                Reorganisation.TRANSFORMATION)) {
            fixture.given(separated())
                    .when(transfer(A, form, B_S_RECORD, UlaanbaatarTime.dateOf(back), back))
                    .expectException(problem("permit.successor-on-record-before-the-reorganisation", "successor.registrationNumber", STATE_ARTICLE))
                    .expectNoEvents();
        }
    }

    @Test
    @DisplayName("002 art. 23.3 (F392, was O220): a consolidation passes the permit to a company that applied for a permit years before: "
            + "refused, nothing stored; a company first on record on the reorganisation's own day was created that day and receives it")
    void a_consolidation_onto_a_company_that_applied_years_ago_is_refused() {
        Instant at = Instant.parse("2025-06-02T02:00:00Z");
        LocalDate consolidatedOn = LocalDate.of(2025, 6, 1);
        services.companiesOnRecord.put(C.registrationNumber(), new CompanyOnRecord(Instant.parse("2021-03-01T02:00:00Z"), null, null));
        fixture.given(active())
                .when(transfer(C, Reorganisation.CONSOLIDATION, SHA2, consolidatedOn, at))
                .expectException(problem("permit.successor-on-record-before-the-reorganisation", "successor.registrationNumber", STATE_ARTICLE))
                .expectNoEvents();
        // on record since 23:30 on 31 May in Ulaanbaatar (15:30 UTC): before the day, refused; since 00:30 on 1 June, that day: received
        services.companiesOnRecord.put(C.registrationNumber(), new CompanyOnRecord(Instant.parse("2025-05-31T15:30:00Z"), null, null));
        fixture.given(active())
                .when(transfer(C, Reorganisation.CONSOLIDATION, SHA2, consolidatedOn, at))
                .expectException(problem("permit.successor-on-record-before-the-reorganisation", "successor.registrationNumber", STATE_ARTICLE))
                .expectNoEvents();
        services.companiesOnRecord.put(C.registrationNumber(), new CompanyOnRecord(Instant.parse("2025-05-31T16:30:00Z"), null, null));
        fixture.given(active())
                .when(transfer(C, Reorganisation.CONSOLIDATION, SHA2, consolidatedOn, at))
                .expectEvents(new PermitTransferred(ID, A, C, Reorganisation.CONSOLIDATION, SHA2, at, SUPERVISOR, consolidatedOn, SuccessorsRepresentative.of(C)));
    }

    @Test
    @DisplayName("002 art. 23.3 (ADR 0046 item 102): a merger into a company that existed before and holds no permit (it applied years ago), "
            + "and a separation creating a company the registry never knew, pass the permit")
    void a_mergers_successor_existed_before_and_a_separation_creates_its_own() {
        Instant at = Instant.parse("2025-06-02T02:00:00Z");
        services.companiesOnRecord.put(C.registrationNumber(), new CompanyOnRecord(Instant.parse("2021-03-01T02:00:00Z"), null, null));
        fixture.given(active())
                .when(transfer(C, Reorganisation.MERGER, SHA2, LocalDate.of(2025, 6, 1), at))
                .expectEvents(new PermitTransferred(ID, A, C, Reorganisation.MERGER, SHA2, at, SUPERVISOR, LocalDate.of(2025, 6, 1), SuccessorsRepresentative.of(C)));
        fixture.given(active())
                .when(transfer(B, Reorganisation.SEPARATION, SHA2, SEPARATED_ON, SEPARATED_AT))
                .expectEvents(new PermitTransferred(ID, A, B, Reorganisation.SEPARATION, SHA2, SEPARATED_AT, SUPERVISOR, SEPARATED_ON, SuccessorsRepresentative.of(B)));
        Instant back = SEPARATED_AT.plusSeconds(30 * 86_400);
        fixture.given(separated())
                .when(transfer(A, Reorganisation.MERGER, B_S_RECORD, UlaanbaatarTime.dateOf(back), back))
                .expectEvents(new PermitTransferred(ID, B, A, Reorganisation.MERGER, B_S_RECORD, back, SUPERVISOR, UlaanbaatarTime.dateOf(back), SuccessorsRepresentative.of(A)));
    }

    @Test
    @DisplayName("002 art. 23.3 (F393): a company a merger, a consolidation or a division ended (the holder whose permit passed on) receives "
            + "no permit by a later transfer, a merger into it included: refused, nothing stored; one a separation left (a transformation: "
            + "item 108, PermitAbuseRound26Test) "
            + "receives it by a merger")
    void a_company_a_reorganisation_ended_receives_no_permit() {
        Instant at = Instant.parse("2025-06-02T02:00:00Z");
        for (Reorganisation ended : List.of(Reorganisation.MERGER, Reorganisation.CONSOLIDATION, Reorganisation.DIVISION)) {
            services.companiesOnRecord.put(C.registrationNumber(), new CompanyOnRecord(Instant.parse("2021-03-01T02:00:00Z"),
                    LocalDate.of(2025, 2, 1), ended));
            for (Reorganisation form : Reorganisation.values()) {
                fixture.given(active())
                        .when(transfer(C, form, SHA2, LocalDate.of(2025, 6, 1), at))
                        .expectException(problem("permit.successor-ceased-by-a-reorganisation", "successor.registrationNumber", STATE_ARTICLE))
                        .expectNoEvents();
            }
        }
        services.companiesOnRecord.put(C.registrationNumber(), new CompanyOnRecord(Instant.parse("2021-03-01T02:00:00Z"), null, null));
        fixture.given(active())
                .when(transfer(C, Reorganisation.MERGER, SHA2, LocalDate.of(2025, 6, 1), at))
                .expectSuccessfulHandlerExecution();
    }
}
