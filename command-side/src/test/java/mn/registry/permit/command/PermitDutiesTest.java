package mn.registry.permit.command;

import mn.registry.permit.api.PublishedByCheckpoint;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.permit.command.PermitCommands.*;
import static mn.registry.permit.command.Signed.signed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static mn.registry.permit.command.PermitLifecycleTest.*;
import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0013 §4: a duty is discharged by the act it stands for, or, where the law names no act, only by the party that owes it. */
class PermitDutiesTest {

    static final Set<Role> APPLICANT = Set.of(Role.APPLICANT);
    static final Set<Role> REVIEWER_ROLES = Set.of(Role.MINISTRY_REVIEWER);

    private AggregateTestFixture<PermitApplication> fixture;
    private final Signed.Services services = new Signed.Services();

    @BeforeEach
    void fixture() {
        fixture = Signed.fixture(services);
    }


    /** A {@link RegistryProblem} with this stable code. */
    static org.hamcrest.Matcher<Object> code(String code) {
        return new org.hamcrest.CustomMatcher<>("a RegistryProblem " + code) {
            @Override
            public boolean matches(Object item) {
                return item instanceof RegistryProblem p && code.equals(p.code());
            }
        };
    }

    static List<Object> extensionPendingAndOverdue() {
        List<Object> events = new ArrayList<>(active());
        Instant requestedAt = Instant.parse("2029-10-01T02:00:00Z");
        events.add(new PermitExtensionRequested(ID, SHA, requestedAt, LocalDate.of(2029, 9, 9), true, null, HOLDER));
        events.add(dutyOnDate(PermitDuty.DECIDE_EXTENSION, LocalDate.of(2029, 10, 8), requestedAt));
        events.add(new PermitDutyOverdue(ID, PermitDuty.DECIDE_EXTENSION, LocalDate.of(2029, 10, 8), Instant.parse("2029-10-08T16:00:01Z"),
                "002 art. 27.3"));
        return events;
    }

    @Test
    @DisplayName("002 art. 27.3: the holder cannot mark the ministry's extension decision done: refused, and the escalation stays")
    void holder_cannot_discharge_the_decision_duty() {
        Instant at = Instant.parse("2029-10-09T02:00:00Z");
        fixture.given(extensionPendingAndOverdue())
                .when(signed(new RecordPermitDutyFulfilled(ID, PermitDuty.DECIDE_EXTENSION, SHA), HOLDER, at, APPLICANT))
                .expectException(code("permit.duty-discharged-by-decision"))
                .expectNoEvents(); // the duty stays open, and with it the escalation
        // not even the ministry marks a decision done: only the decision does
        fixture.given(extensionPendingAndOverdue())
                .when(signed(new RecordPermitDutyFulfilled(ID, PermitDuty.DECIDE_EXTENSION, SHA), REVIEWER, at, REVIEWER_ROLES))
                .expectException(code("permit.duty-discharged-by-decision"))
                .expectNoEvents();
    }

    static List<Object> certificateHoldersNoticeOpen() {
        List<Object> events = new ArrayList<>(active());
        events.add(dutyOnDate(PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, LocalDate.of(2029, 11, 9), Instant.parse("2029-09-10T16:00:01Z")));
        return events;
    }

    @Test
    @DisplayName("002 art. 27.7: the holder's duty to tell its certificate holders is marked done only by its representative, with evidence; a reviewer is refused")
    void only_the_holder_marks_its_notice_done() {
        Instant at = Instant.parse("2029-10-01T02:00:00Z");
        fixture.given(certificateHoldersNoticeOpen())
                .when(signed(new RecordPermitDutyFulfilled(ID, PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, SHA), REVIEWER, at, REVIEWER_ROLES))
                .expectException(code("permit.duty-owed-by-holder"))
                .expectNoEvents();
        fixture.given(certificateHoldersNoticeOpen())
                .when(signed(new RecordPermitDutyFulfilled(ID, PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, SHA), new PersonId("applicant-2"), at, APPLICANT))
                .expectException(code("permit.not-the-holder"))
                .expectNoEvents();
        fixture.given(certificateHoldersNoticeOpen())
                .when(signed(new RecordPermitDutyFulfilled(ID, PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, null), HOLDER, at, APPLICANT))
                .expectException(code("permit.duty-evidence-missing"))
                .expectNoEvents();
        fixture.given(certificateHoldersNoticeOpen())
                .when(signed(new RecordPermitDutyFulfilled(ID, PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, SHA), HOLDER, at, APPLICANT))
                .expectEvents(new PermitDutyFulfilled(ID, PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, at, false, SHA, HOLDER));
    }

    @Test
    @DisplayName("002 art. 28.3: the suspension notice is the ministry's: a reviewer marks it done with evidence; the holder is refused")
    void only_the_ministry_marks_the_suspension_notice_done() {
        Instant at = Instant.parse("2025-03-03T02:00:00Z");
        fixture.given(suspended())
                .when(signed(new RecordPermitDutyFulfilled(ID, PermitDuty.NOTIFY_SUSPENSION, SHA), HOLDER, at, APPLICANT))
                .expectException(code("permit.duty-owed-by-ministry"))
                .expectNoEvents();
        fixture.given(suspended())
                .when(signed(new RecordPermitDutyFulfilled(ID, PermitDuty.NOTIFY_SUSPENSION, SHA), REVIEWER, at, REVIEWER_ROLES))
                .expectEvents(new PermitDutyFulfilled(ID, PermitDuty.NOTIFY_SUSPENSION, at, false, SHA, REVIEWER));
    }

    @Test
    @DisplayName("002 art. 26.4: the grant is published only by the registry's checkpoint, at its time; nobody marks it done, and a second checkpoint changes nothing")
    void publication_is_done_by_the_checkpoint() {
        Instant checkpointAt = ISSUED_AT.plusSeconds(1);
        fixture.given(active())
                .when(signed(new RecordPermitDutyFulfilled(ID, PermitDuty.PUBLISH_GRANT, SHA), SUPERVISOR, ISSUED_AT.plusSeconds(60), Role.MINISTRY_SUPERVISOR))
                .expectException(code("permit.duty-discharged-by-publication"))
                .expectNoEvents();
        Signed.fixture().given(active())
                .when(new PublishedByCheckpoint(ID, PermitDuty.PUBLISH_GRANT, 12, SHA2, checkpointAt))
                .expectEvents(new PermitDutyFulfilled(ID, PermitDuty.PUBLISH_GRANT, checkpointAt, false, SHA2, null))
                .expectState(a -> assertThat(a.openDuties()).doesNotContainKey(PermitDuty.PUBLISH_GRANT));
        List<Object> published = new ArrayList<>(active());
        published.add(new PermitDutyFulfilled(ID, PermitDuty.PUBLISH_GRANT, checkpointAt, false, SHA2, null));
        fixture.given(published)
                .when(new PublishedByCheckpoint(ID, PermitDuty.PUBLISH_GRANT, 13, SHA, checkpointAt.plusSeconds(1)))
                .expectNoEvents();
        // a checkpoint never discharges a duty that is not a publication
        fixture.given(active())
                .when(new PublishedByCheckpoint(ID, PermitDuty.ANNUAL_INSPECTION, 12, SHA2, checkpointAt))
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 31.1.7: the inspection duty is done only by a recorded inspection, not by marking it done")
    void inspection_duty_is_done_by_an_inspection() {
        fixture.given(active())
                .when(signed(new RecordPermitDutyFulfilled(ID, PermitDuty.ANNUAL_INSPECTION, SHA), REVIEWER, Instant.parse("2025-06-01T02:00:00Z"), REVIEWER_ROLES))
                .expectException(code("permit.duty-discharged-by-inspection"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 29.3: the database hand-over is the former holder's: its representative marks it done; a reviewer marks it only by recording the hand-over")
    void hand_over_is_the_holders() {
        Instant at = Instant.parse("2025-06-10T02:00:00Z");
        fixture.given(revoked(RevocationGround.HOLDER_REQUEST))
                .when(signed(new RecordPermitDutyFulfilled(ID, PermitDuty.HAND_OVER_DATABASE, SHA), REVIEWER, at, REVIEWER_ROLES))
                .expectException(code("permit.duty-owed-by-holder"))
                .expectNoEvents();
        fixture.given(revoked(RevocationGround.HOLDER_REQUEST))
                .when(signed(new RecordPermitDutyFulfilled(ID, PermitDuty.HAND_OVER_DATABASE, SHA), HOLDER, at, APPLICANT))
                .expectEvents(new PermitDutyFulfilled(ID, PermitDuty.HAND_OVER_DATABASE, at, false, SHA, HOLDER));
    }
}
