package mn.registry.permit.command;

import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.HOLDER;
import static mn.registry.permit.command.PermitLifecycleTest.ID;
import static mn.registry.permit.command.PermitLifecycleTest.SHA;
import static mn.registry.permit.command.PermitLifecycleTest.SUPERVISOR;
import static mn.registry.permit.command.PermitLifecycleTest.active;
import static mn.registry.permit.command.PermitLifecycleTest.suspended;
import static mn.registry.permit.command.Signed.signed;

/**
 * Session 12 of docs/abuse-audit.md (permits, rows F104 on, ADR 0046 items 14 on): acts of a careless or dishonest official
 * that main accepted, each refused with its code, field and article and no event.
 */
class PermitAbuseRound7Test extends PermitAbuseFixture {

    private static final Instant AT = Instant.parse("2025-06-02T02:00:00Z");


    // ------------------------------------------------------------------ F104 (was O61): the holder's request is the holder's act

    @Test
    @DisplayName("002 art. 29.1.1, 29.6: a supervisor does not revoke 'at the holder's own request', against which no complaint lies, "
            + "when the holder asked nothing; the holder's signed request must be on record")
    void a_revocation_at_the_holders_request_needs_the_holders_request() {
        for (List<Object> given : List.of(active(), suspended())) {
            fixture.given(given).when(signed(new RevokePermit(ID, RevocationGround.HOLDER_REQUEST, "asked by phone"), SUPERVISOR, AT,
                            Role.MINISTRY_SUPERVISOR))
                    .expectException(problem("permit.revocation-not-requested", "ground")).expectNoEvents();
        }
        List<Object> requested = new ArrayList<>(active());
        requested.add(new PermitRevocationRequested(ID, AT.minusSeconds(86_400), HOLDER));
        fixture.given(requested).when(signed(new RevokePermit(ID, RevocationGround.HOLDER_REQUEST, "the holder's letter of 1 June"), SUPERVISOR,
                        AT, Role.MINISTRY_SUPERVISOR))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(org.axonframework.test.matchers.Matchers.listWithAnyOf(
                        org.hamcrest.Matchers.<Object>equalTo(new PermitRevoked(ID, RevocationGround.HOLDER_REQUEST, "the holder's letter of 1 June",
                                AT, SUPERVISOR, true)))));
    }

    @Test
    @DisplayName("002 art. 29.1.1: the holder's representative asks for revocation by a signed act, once while it waits; nobody else asks for it")
    void the_holder_asks_for_revocation_once() {
        fixture.given(active()).when(signed(new RequestPermitRevocation(ID), HOLDER, AT, Role.APPLICANT))
                .expectEvents(new PermitRevocationRequested(ID, AT, HOLDER));
        fixture.given(active()).when(signed(new RequestPermitRevocation(ID), new PersonId("applicant-2"), AT, Role.APPLICANT))
                .expectException(problem("permit.not-the-holder", null)).expectNoEvents();
        List<Object> requested = new ArrayList<>(active());
        requested.add(new PermitRevocationRequested(ID, AT, HOLDER));
        fixture.given(requested).when(signed(new RequestPermitRevocation(ID), HOLDER, AT.plusSeconds(60), Role.APPLICANT))
                .expectException(problem("permit.revocation-already-requested", null)).expectNoEvents();
        fixture.given(PermitLifecycleTest.revoked(RevocationGround.REPEATED_VIOLATIONS))
                .when(signed(new RequestPermitRevocation(ID), HOLDER, AT.plusSeconds(86_400), Role.APPLICANT))
                .expectException(problem("permit.wrong-state", null)).expectNoEvents();
    }

    // ------------------------------------------------------------------ F105 (was O66): a due date on a day off moves to the next working day

    /** A permit in force until {@code validUntil}: the fixture's issue with another end of term. */
    private static List<Object> activeUntil(LocalDate validUntil) {
        List<Object> events = new ArrayList<>(active());
        PermitIssued issued = PermitLifecycleTest.issuedEvent();
        events.replaceAll(e -> e instanceof PermitIssued ? new PermitIssued(ID, issued.permitNumber(), issued.issuer(), issued.holder(),
                issued.activity(), issued.validFrom(), validUntil, issued.conditions(), issued.issuedAt(), issued.signingOfficial(),
                issued.contractSha256()) : e);
        return events;
    }

    @Test
    @DisplayName("002 art. 27.2: an extension request due three months before expiry on a Sunday, or on a public holiday, is in time on the next "
            + "working day and late the day after; the event records the moved due date")
    void an_extension_request_due_on_a_day_off_is_in_time_on_the_next_working_day() {
        record Case(LocalDate validUntil, LocalDate nextWorkingDay) {
        }
        for (Case c : List.of(
                new Case(LocalDate.of(2029, 11, 25), LocalDate.of(2029, 8, 27)),     // due Sunday 26 August 2029
                new Case(LocalDate.of(2030, 2, 25), LocalDate.of(2029, 11, 27)))) {  // due Monday 26 November 2029, Independence Day
            Instant inTime = c.nextWorkingDay().atTime(10, 0).atZone(mn.registry.kernel.calendar.UlaanbaatarTime.ZONE).toInstant();
            fixture.given(activeUntil(c.validUntil())).when(signed(new RequestPermitExtension(ID, SHA), HOLDER, inTime, Role.APPLICANT))
                    .expectEventsMatching(firstEvent(requested(c.nextWorkingDay(), false)));
            fixture.given(activeUntil(c.validUntil())).when(signed(new RequestPermitExtension(ID, SHA), HOLDER, inTime.plusSeconds(86_400),
                            Role.APPLICANT))
                    .expectEventsMatching(firstEvent(requested(c.nextWorkingDay(), true)));
        }
    }

    @Test
    @DisplayName("002 art. 27.2, 27.7: the request's deadline is kept on the next working day after a Sunday due date, and when it passes the "
            + "certificate holders' notice duty is raised then, not a day early; a deadline of a term an extension replaced raises nothing")
    void the_request_deadline_waits_for_the_next_working_day() {
        LocalDate validUntil = LocalDate.of(2029, 11, 25);
        List<Object> issued = activeUntil(validUntil);
        PermitIssued event = (PermitIssued) issued.stream().filter(PermitIssued.class::isInstance).findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(new PermitDeadlineRules().instructionsFor(event, 7))
                .filteredOn(i -> i instanceof mn.registry.deadline.DeadlineInstruction.Start start
                        && start.deadline().kind().equals(PermitDeadlineRules.EXTENSION_REQUEST))
                .extracting(i -> ((mn.registry.deadline.DeadlineInstruction.Start) i).deadline().due())
                .containsExactly(LocalDate.of(2029, 8, 27));
        Instant passed = Instant.parse("2029-08-27T16:00:01Z");
        fixture.given(issued).when(new PermitCommands.ExtensionRequestDueDatePassed(ID, LocalDate.of(2029, 8, 27), passed))
                .expectEvents(PermitLifecycleTest.dutyOnDate(PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, LocalDate.of(2029, 10, 26), passed));
        fixture.given(issued).when(new PermitCommands.ExtensionRequestDueDatePassed(ID, LocalDate.of(2024, 8, 26), passed)).expectNoEvents();
    }

    // ------------------------------------------------------------------ F106: every other proof is a document the registry received

    @Test
    @DisplayName("002 art. 27.2, 31.1.7, 28.1, 29.4, 29.6, 20.3.3: the stamp-duty proof, the inspection's findings, a duty's evidence, the tax "
            + "authority's request, the complaint, its decision, the pass-on contract and a change's document name documents the registry "
            + "received; a well-formed hash of nothing uploaded is refused")
    void every_proof_names_a_document_the_registry_received() {
        String nothing = "9f".repeat(32);
        Instant inWindow = Instant.parse("2029-08-01T02:00:00Z");
        fixture.given(active()).when(signed(new RequestPermitExtension(ID, nothing), HOLDER, inWindow, Role.APPLICANT))
                .expectException(problem("document.unknown", "stampDutyProofSha256")).expectNoEvents();
        fixture.given(active()).when(signed(new RecordPermitInspection(ID, LocalDate.of(2025, 6, 1), nothing, false), PermitLifecycleTest.INSPECTOR,
                        AT, Role.COMMUNICATIONS_INSPECTOR))
                .expectException(problem("document.unknown", "findingsSha256")).expectNoEvents();
        fixture.given(suspended()).when(signed(new RecordPermitDutyFulfilled(ID, PermitDuty.NOTIFY_SUSPENSION, nothing),
                        PermitLifecycleTest.REVIEWER, PermitLifecycleTest.SUSPENDED_AT.plusSeconds(3600), Role.MINISTRY_REVIEWER))
                .expectException(problem("document.unknown", "evidenceSha256")).expectNoEvents();
        fixture.given(active()).when(signed(new RequestPermitSuspension(ID, 2, nothing), new PersonId("tax-1"), AT, Role.TAX_OFFICER))
                .expectException(problem("document.unknown", "evidenceSha256")).expectNoEvents();
        fixture.given(active()).when(signed(new ReportPermitChange(ID, LocalDate.of(2025, 6, 1), "new address", nothing), HOLDER, AT, Role.APPLICANT))
                .expectException(problem("document.unknown", "documentSha256")).expectNoEvents();
        List<Object> revoked = PermitLifecycleTest.revoked(RevocationGround.REPEATED_VIOLATIONS);
        fixture.given(revoked).when(signed(new FileRevocationComplaint(ID, nothing), HOLDER, AT, Role.APPLICANT))
                .expectException(problem("document.unknown", "complaintSha256")).expectNoEvents();
        List<Object> complained = new ArrayList<>(revoked);
        complained.add(new RevocationComplaintFiled(ID, PermitLifecycleTest.SHA2, AT, HOLDER));
        fixture.given(complained).when(signed(new DecideRevocationComplaint(ID, false, nothing), PermitLifecycleTest.SUPERVISOR_2, AT.plusSeconds(60),
                        Role.MINISTRY_SUPERVISOR))
                .expectException(problem("document.unknown", "decisionSha256")).expectNoEvents();
        List<Object> handedOver = new ArrayList<>(revoked);
        handedOver.add(new CertificateDatabaseHandedOver(ID, SHA, AT, SUPERVISOR));
        Signed.Services services = new Signed.Services();
        ApplicationId successor = new ApplicationId("5e1ec7ed-0000-4000-8000-000000000001");
        services.permitsInForce.add(successor);
        Signed.fixture(services).given(handedOver).when(signed(new PassCertificateDatabaseOn(ID, successor, nothing), SUPERVISOR, AT.plusSeconds(31L * 86_400),
                        Role.MINISTRY_SUPERVISOR))
                .expectException(problem("document.unknown", "contractSha256")).expectNoEvents();
    }

    // ------------------------------------------------------------------ F107 (was O62, in part): the database waits for the complaint

    @Test
    @DisplayName("002 art. 29.4, 29.6: the certificate database is not passed on while a complaint against the revocation is pending; once "
            + "the complaint is rejected it is")
    void the_database_is_not_passed_on_while_a_complaint_is_pending() {
        Signed.Services services = new Signed.Services();
        ApplicationId successor = new ApplicationId("5e1ec7ed-0000-4000-8000-000000000002");
        services.permitsInForce.add(successor);
        List<Object> complained = new ArrayList<>(PermitLifecycleTest.revoked(RevocationGround.REPEATED_VIOLATIONS));
        complained.add(new CertificateDatabaseHandedOver(ID, SHA, AT, PermitLifecycleTest.REVIEWER));
        complained.add(new RevocationComplaintFiled(ID, PermitLifecycleTest.SHA2, AT.plusSeconds(60), HOLDER));
        Instant later = AT.plusSeconds(86_400);
        Signed.fixture(services).given(complained).when(signed(new PassCertificateDatabaseOn(ID, successor, SHA), SUPERVISOR, later,
                        Role.MINISTRY_SUPERVISOR))
                .expectException(problem("permit.database-complaint-pending", "applicationId")).expectNoEvents();
        List<Object> rejected = new ArrayList<>(complained);
        rejected.add(new RevocationComplaintDecided(ID, false, SHA, AT.plusSeconds(3600), PermitLifecycleTest.SUPERVISOR_2, PermitLifecycleTest.VALID_UNTIL, RevocationComplaintDecided.ARTICLE));
        Signed.fixture(services).given(rejected).when(signed(new PassCertificateDatabaseOn(ID, successor, SHA), SUPERVISOR, later,
                        Role.MINISTRY_SUPERVISOR))
                .expectEvents(new CertificateDatabasePassedOn(ID, successor, SHA, later, SUPERVISOR));
    }

    // ------------------------------------------------------------------ F108: a suspension on the inspector's opinion ends on an inspection

    @Test
    @DisplayName("002 art. 28.4: a permit suspended on the inspector's opinion is restored once an inspection made since the suspension began finds "
            + "no violation; not on the reviewer's word the next day, nor on an inspection dated before the suspension")
    void a_suspension_on_the_inspectors_opinion_ends_on_an_inspection() {
        Instant nextDay = PermitLifecycleTest.SUSPENDED_AT.plusSeconds(86_400);
        fixture.given(suspended()).when(signed(new RestorePermit(ID, "The holder says it is remedied"), PermitLifecycleTest.REVIEWER, nextDay,
                        Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.restoration-without-inspection", null)).expectNoEvents();
        List<Object> inspectedBefore = new ArrayList<>(suspended());
        inspectedBefore.add(new PermitInspected(ID, LocalDate.of(2025, 2, 20), SHA, false, nextDay, PermitLifecycleTest.INSPECTOR, LocalDate.of(2026, 2, 20)));
        fixture.given(inspectedBefore).when(signed(new RestorePermit(ID, "remedied"), PermitLifecycleTest.REVIEWER, nextDay.plusSeconds(60),
                        Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.restoration-without-inspection", null)).expectNoEvents();
        List<Object> foundAgain = new ArrayList<>(suspended());
        foundAgain.add(new PermitInspected(ID, LocalDate.of(2025, 3, 2), SHA, false, nextDay, PermitLifecycleTest.INSPECTOR, LocalDate.of(2026, 3, 2)));
        foundAgain.add(new PermitInspected(ID, LocalDate.of(2025, 3, 3), PermitLifecycleTest.SHA2, true, nextDay.plusSeconds(86_400),
                PermitLifecycleTest.INSPECTOR, LocalDate.of(2026, 3, 3)));
        fixture.given(foundAgain).when(signed(new RestorePermit(ID, "remedied"), PermitLifecycleTest.REVIEWER, nextDay.plusSeconds(2 * 86_400),
                        Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.restoration-without-inspection", null)).expectNoEvents();
        List<Object> remedied = new ArrayList<>(suspended());
        remedied.add(new PermitInspected(ID, LocalDate.of(2025, 3, 2), SHA, false, nextDay, PermitLifecycleTest.INSPECTOR, LocalDate.of(2026, 3, 2)));
        Instant restoredAt = nextDay.plusSeconds(60);
        fixture.given(remedied).when(signed(new RestorePermit(ID, "The inspector found the violation remedied"), PermitLifecycleTest.REVIEWER,
                        restoredAt, Role.MINISTRY_REVIEWER))
                .expectEventsMatching(firstEvent(org.hamcrest.Matchers.<Object>equalTo(new PermitRestored(ID, "The inspector found the violation remedied",
                        restoredAt, PermitLifecycleTest.REVIEWER, "002 art. 28.4"))));
    }

    private static org.hamcrest.Matcher<java.util.List<org.axonframework.messaging.Message<?>>> firstEvent(
            org.hamcrest.Matcher<?> payload) {
        return org.axonframework.test.matchers.Matchers.payloadsMatching(org.axonframework.test.matchers.Matchers.listWithAnyOf(payload));
    }

    private static org.hamcrest.Matcher<Object> requested(LocalDate due, boolean late) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object event) {
                return event instanceof PermitExtensionRequested r && r.requestDue().equals(due) && r.late() == late;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("an extension request due " + due + (late ? ", late" : ", in time"));
            }
        };
    }
}
