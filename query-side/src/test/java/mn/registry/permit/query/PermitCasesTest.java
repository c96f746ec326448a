package mn.registry.permit.query;

import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.money.Money;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.*;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ministry desk's read side: application and permit pages, signed history, escalations, the queue's marks. */
@ExtendWith(EmbeddedMongoExtension.class)
class PermitCasesTest {

    private MongoDatabase database;
    private PermitCaseProjection projection;
    private PermitCases cases;
    private ReviewerQueueProjection queueProjection;
    private long sequence;

    @BeforeEach
    void fresh(MongoDatabase database) {
        this.database = database;
        projection = new PermitCaseProjection(database);
        cases = new PermitCases(database);
        queueProjection = new ReviewerQueueProjection(database);
        sequence = 0;
    }

    static final LocalDate RECEIVED_ON = LocalDate.of(2026, 11, 20);
    static final LocalDate DUE = LocalDate.of(2026, 12, 16);
    static final PermitApplicationRegistered REGISTERED = ReviewerQueueTest.registered("Tenger Trust LLC", 1, RECEIVED_ON, DUE);
    static final ApplicationId ID = REGISTERED.applicationId();

    private GenericDomainEventMessage<Object> message(Object event, long seq, String signer) {
        return new GenericDomainEventMessage<>("PermitApplication", ID.value(), seq, event,
                MetaData.with("signedBy", signer).and("commandId", "cmd-" + seq).and("jwsSha256", "ef".repeat(32)));
    }

    private void deliver(Object event, String signer) {
        GenericDomainEventMessage<Object> m = message(event, sequence++, signer);
        projection.on(event, m);
    }

    @Test
    @DisplayName("002 art. 25.1, 001 art. 38.1: the application page lists every required document with its hash, and each event with who signed it")
    void application_page_with_checklist_and_signed_history() {
        DocumentRef bank = new DocumentRef(RequiredDocument.CORRESPONDENT_BANK_REFERENCE, "12".repeat(32), 10, "application/pdf",
                Instant.parse("2026-11-19T01:00:00Z"));
        PermitApplicationRegistered withDocument = new PermitApplicationRegistered(ID, REGISTERED.receiptNumber(), REGISTERED.company(),
                List.of(bank), REGISTERED.receivedAt(), DUE, REGISTERED.decisionDueAt(), REGISTERED.workingDays(), REGISTERED.calendarVersion(),
                REGISTERED.article(), REGISTERED.signedBy(), REGISTERED.commandSignatureSha256());
        deliver(withDocument, "applicant-1");
        deliver(new PermitApplicationApproved(ID, Money.mnt(100), Instant.parse("2026-12-01T02:00:00Z"), new PersonId("reviewer-1"), "002 art. 26.2.2"),
                "reviewer-1");

        Map<String, Object> page = cases.application(ID.value()).orElseThrow();
        assertThat(page.get("status")).isEqualTo("APPROVED_PENDING_INSURANCE");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> checklist = (List<Map<String, Object>>) page.get("checklist");
        assertThat(checklist).hasSize(RequiredDocument.values().length);
        Map<String, Object> bankRow = checklist.stream().filter(r -> r.get("kind").equals("CORRESPONDENT_BANK_REFERENCE")).findFirst().orElseThrow();
        assertThat(((List<?>) bankRow.get("received"))).singleElement().satisfies(d -> {
            assertThat(((Document) d).getString("sha256")).isEqualTo("12".repeat(32));
            assertThat(((Document) d).getString("kind")).isEqualTo("CORRESPONDENT_BANK_REFERENCE");
            assertThat(((Document) d).keySet()).as("issue 14 item 4: the case names no file").doesNotContain("fileName");
        });
        Map<String, Object> auditRow = checklist.stream().filter(r -> r.get("kind").equals("AUDITED_FINANCIAL_STATEMENTS")).findFirst().orElseThrow();
        assertThat((List<?>) auditRow.get("received")).isEmpty();
        @SuppressWarnings("unchecked")
        List<Document> history = (List<Document>) page.get("history");
        assertThat(history).extracting(h -> h.getString("type")).containsExactly("PermitApplicationRegistered", "PermitApplicationApproved");
        assertThat(history).extracting(h -> h.getString("signedBy")).containsExactly("applicant-1", "reviewer-1");
        assertThat(cases.permit(ID.value())).as("no permit issued yet").isEmpty();
    }

    @Test
    @DisplayName("002 art. 26.5, ADR 0022: the minimum and the insured amount stay whole 64-bit integers in the read model, as before one Money")
    void insurance_amounts_keep_their_read_model_type() {
        deliver(REGISTERED, "applicant-1");
        deliver(new PermitApplicationApproved(ID, Money.mnt(5_000_000), Instant.parse("2026-12-01T02:00:00Z"), new PersonId("reviewer-1"),
                "002 art. 26.2.2"), "reviewer-1");
        deliver(new PermitInsuranceRecorded(ID, "Mongol Daatgal", "P-88", new Money(new java.math.BigDecimal("7500000.00"), "MNT"),
                Money.mnt(5_000_000), LocalDate.of(2027, 12, 1), "ab".repeat(32), Instant.parse("2026-12-02T02:00:00Z")), "applicant-1");

        Map<String, Object> page = cases.application(ID.value()).orElseThrow();
        assertThat(((Document) page.get("minimumInsurance")).get("amount")).isEqualTo(5_000_000L);
        Document insurance = (Document) page.get("insurance");
        assertThat(((Document) insurance.get("amount")).get("amount")).as("a whole amount written with cents").isEqualTo(7_500_000L);
        assertThat(((Document) insurance.get("minimumInForce")).get("amount")).isEqualTo(5_000_000L);
    }

    @Test
    @DisplayName("a batch handled again after a crash (its events from the first, in order, without a read of the case) leaves the case exactly as it was")
    void a_batch_handled_again_leaves_the_case_as_it_was() {
        DocumentRef later = new DocumentRef(RequiredDocument.SECURITY_RISK_ASSESSMENT_AND_AUDIT, "34".repeat(32), 10, "application/pdf",
                Instant.parse("2026-11-25T01:00:00Z"));
        List<GenericDomainEventMessage<Object>> events = List.of(
                message(REGISTERED, 0, "applicant-1"),
                message(new PermitDocumentsReceived(ID, List.of(later), Instant.parse("2026-11-25T01:00:00Z")), 1, "applicant-1"),
                message(new PermitApplicationApproved(ID, Money.mnt(100), Instant.parse("2026-12-01T02:00:00Z"), new PersonId("reviewer-1"),
                        "002 art. 26.2.2"), 2, "reviewer-1"));
        events.forEach(m -> projection.on(m.getPayload(), m));
        Document once = database.getCollection(PermitCaseProjection.COLLECTION).find().first();

        // the token was stored before event 0: everything from there comes again, in order (the status is set back
        // to REGISTERED on the way and forward again by the approval)
        events.forEach(m -> projection.on(m.getPayload(), m));
        // and once more from the middle
        events.subList(1, 3).forEach(m -> projection.on(m.getPayload(), m));

        assertThat(database.getCollection(PermitCaseProjection.COLLECTION).find().first()).isEqualTo(once);
        assertThat(once.getList("history", Document.class)).extracting(h -> h.get("sequence")).containsExactly(0L, 1L, 2L);
        assertThat(once.getString("status")).isEqualTo("APPROVED_PENDING_INSURANCE");
    }

    @Test
    @DisplayName("an event delivered twice is recorded once in the history and changes the case once")
    void redelivery_changes_nothing() {
        DocumentRef later = new DocumentRef(RequiredDocument.SECURITY_RISK_ASSESSMENT_AND_AUDIT, "34".repeat(32), 10, "application/pdf",
                Instant.parse("2026-11-25T01:00:00Z"));
        deliver(REGISTERED, "applicant-1");
        GenericDomainEventMessage<Object> received = message(new PermitDocumentsReceived(ID, List.of(later), Instant.parse("2026-11-25T01:00:00Z")), 1, "reviewer-1");
        projection.on(received.getPayload(), received);
        projection.on(received.getPayload(), received);
        Map<String, Object> page = cases.application(ID.value()).orElseThrow();
        assertThat((List<?>) page.get("history")).hasSize(2);
        assertThat((List<?>) page.get("documents")).hasSize(1);
    }

    @Test
    @DisplayName("002 art. 26.1, 29.1.5: the supervisor's escalations list overdue decisions, raised revocation grounds and overdue duties, and nothing else")
    void escalations_for_the_supervisor() {
        deliver(REGISTERED, "applicant-1");
        assertThat(cases.escalations()).isEmpty();
        deliver(new PermitDecisionOverdue(ID, DUE, Instant.parse("2026-12-16T16:00:00Z"), "002 art. 26.1"), null);
        assertThat(cases.escalations()).singleElement().satisfies(e -> assertThat((List<?>) e.get("reasons")).singleElement().asString()
                .contains("decision overdue since 2026-12-16"));
        deliver(new PermitApplicationApproved(ID, Money.mnt(100), Instant.parse("2026-12-17T02:00:00Z"), new PersonId("supervisor-1"), "002 art. 26.2.2"),
                "supervisor-1");
        assertThat(cases.escalations()).as("decided: no longer escalated").isEmpty();
        deliver(new PermitDutyRaised(ID, PermitDuty.NOTIFY_SUSPENSION, null, null, LocalDate.of(2027, 3, 4), null, Instant.parse("2027-03-01T02:00:00Z"),
                "002 art. 28.3"), "reviewer-1");
        deliver(new PermitDutyOverdue(ID, PermitDuty.NOTIFY_SUSPENSION, LocalDate.of(2027, 3, 4), Instant.parse("2027-03-04T16:00:00Z"), "002 art. 28.3"), null);
        deliver(new RevocationGroundRaised(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, Instant.parse("2027-05-31T16:00:00Z"),
                "002 art. 29.1.5"), null);
        assertThat(cases.escalations()).singleElement().satisfies(e -> assertThat((List<?>) e.get("reasons")).hasSize(2)
                .anySatisfy(r -> assertThat(r.toString()).contains("NOTIFY_SUSPENSION overdue since 2027-03-04 (002 art. 28.3)"))
                .anySatisfy(r -> assertThat(r.toString()).contains("VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION (002 art. 29.1.5)")));
    }

    @Test
    @DisplayName("002 art. 26.1: the queue follows a recomputed due date, marks near-due and escalated applications, and drops decided ones")
    void queue_marks_and_follows_decisions() {
        CurrentCalendar calendar = new CurrentCalendar(EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build(), Clock.systemUTC());
        queueProjection.on(REGISTERED, 0);
        Instant onDec14 = LocalDate.of(2026, 12, 14).atTime(10, 0).atZone(UlaanbaatarTime.ZONE).toInstant();
        ReviewerQueue queue = new ReviewerQueue(database, calendar, Clock.fixed(onDec14, ZoneOffset.UTC));
        assertThat(queue.awaitingDecision()).singleElement().satisfies(e -> {
            assertThat(e.nearDue()).isTrue();
            assertThat(e.escalated()).isFalse();
        });
        LocalDate moved = LocalDate.of(2026, 12, 21);
        queueProjection.on(new PermitDecisionDueRecomputed(ID, RECEIVED_ON, moved, UlaanbaatarTime.endOf(moved).toInstant(),
                new CalendarVersion("MN-2024.2"), "002 art. 26.1"));
        assertThat(queue.awaitingDecision()).singleElement().satisfies(e -> {
            assertThat(e.due()).isEqualTo(moved);
            assertThat(e.calendarVersion()).isEqualTo("MN-2024.2");
            assertThat(e.nearDue()).isFalse();
        });
        queueProjection.on(new PermitDecisionOverdue(ID, moved, Instant.parse("2026-12-21T16:00:00Z"), "002 art. 26.1"));
        assertThat(queue.awaitingDecision()).singleElement().satisfies(e -> assertThat(e.escalated()).isTrue());
        queueProjection.on(new PermitApplicationRefused(ID, List.of(new RefusalReason(PermitRequirement.SECURITY_AUDIT_REPORT, "old")),
                Instant.parse("2026-12-22T02:00:00Z"), new PersonId("reviewer-1"), "002 art. 26.3"));
        assertThat(queue.awaitingDecision()).isEmpty();
    }

    @Test
    @DisplayName("002 art. 27.3, 29.6 (ADR 0046 item 114, the lead's reading of O269): the case file shows an extension request on a revoked "
            + "permit pending, its DECIDE_EXTENSION duty open, while the revocation may be annulled, and closed, the duty no longer open, "
            + "once the revocation stands at the registry's clock: the period over with none filed, or the complaint rejected")
    void the_case_file_counts_the_request_closed_from_the_revocations_standing() {
        Instant requestedAt = Instant.parse("2029-08-01T02:00:00Z");
        Instant revokedAt = Instant.parse("2029-08-02T02:00:00Z"); // the complaint period's last day is 1 September
        PersonId supervisor = new PersonId("supervisor-1");
        deliver(REGISTERED, "applicant-1");
        deliver(new PermitExtensionRequested(ID, "00".repeat(32), requestedAt, LocalDate.of(2029, 9, 10), false, LocalDate.of(2029, 8, 6),
                new PersonId("applicant-1")), "applicant-1");
        deliver(new PermitDutyRaised(ID, PermitDuty.DECIDE_EXTENSION, null, null, LocalDate.of(2029, 8, 6), null, requestedAt,
                PermitDuty.DECIDE_EXTENSION.article()), "registry");
        deliver(new PermitRevoked(ID, RevocationGround.FALSE_DOCUMENTS, "false documents", revokedAt, supervisor, true), "supervisor-1");
        assertThat(closed(LocalDate.of(2029, 9, 1))).as("the period's last day").isFalse();
        assertThat(closed(LocalDate.of(2029, 9, 2))).as("the period over with none filed").isTrue();

        deliver(new RevocationComplaintFiled(ID, "01".repeat(32), Instant.parse("2029-08-03T02:00:00Z"), new PersonId("applicant-1")), "applicant-1");
        assertThat(closed(LocalDate.of(2029, 9, 2))).as("the complaint pending").isFalse();
        deliver(new RevocationComplaintDecided(ID, false, "02".repeat(32), Instant.parse("2029-09-05T02:00:00Z"), new PersonId("supervisor-2"),
                LocalDate.of(2030, 12, 9), RevocationComplaintDecided.ARTICLE), "supervisor-2");
        assertThat(closed(LocalDate.of(2029, 9, 5))).as("the complaint rejected").isTrue();
    }

    /** Whether the case file, read at 10:00 in Ulaanbaatar on {@code today}, shows the request closed and its duty no longer open. */
    private boolean closed(LocalDate today) {
        Map<String, Object> file = new PermitCases(database, Clock.fixed(today.atTime(10, 0).atZone(UlaanbaatarTime.ZONE).toInstant(),
                ZoneOffset.UTC)).application(ID.value()).orElseThrow();
        boolean requestClosed = file.get("extensionRequest") instanceof Map<?, ?> request && Boolean.TRUE.equals(request.get("closedByTheRevocation"));
        boolean dutyOpen = file.get("duties") instanceof Map<?, ?> duties && duties.containsKey(PermitDuty.DECIDE_EXTENSION.name());
        assertThat(requestClosed).as("the request closed exactly when the duty is no longer open").isEqualTo(!dutyOpen);
        return requestClosed;
    }

    /**
     * A permit revoked on false documents on 2 August 2029, the holder's complaint (3 August) upheld on 20 August, then revoked again on 1
     * September (ADR 0046 item 122's history; also {@code PermitCasesRebuildTest}'s).
     */
    static List<Object> revokedAgainAfterAnUpheldComplaint(ApplicationId permit) {
        PersonId supervisor = new PersonId("supervisor-1");
        return List.of(new PermitRevoked(permit, RevocationGround.FALSE_DOCUMENTS, "false documents", Instant.parse("2029-08-02T02:00:00Z"),
                        supervisor, true),
                new RevocationComplaintFiled(permit, "e1".repeat(32), Instant.parse("2029-08-03T02:00:00Z"), new PersonId("applicant-1")),
                new RevocationComplaintDecided(permit, true, "e2".repeat(32), Instant.parse("2029-08-20T02:00:00Z"), new PersonId("supervisor-2"),
                        LocalDate.of(2030, 12, 9), RevocationComplaintDecided.ARTICLE),
                new PermitRevoked(permit, RevocationGround.REPEATED_VIOLATIONS, "violations again", Instant.parse("2029-09-01T02:00:00Z"),
                        supervisor, true));
    }

    @Test
    @DisplayName("002 art. 29.6 (ADR 0046 item 122, abuse audit F467, was O298): the case file the desks' and the holder's APIs return keeps "
            + "one complaint per revocation: revoked again after an upheld complaint, it holds no complaint (the earlier one in its history) "
            + "until the holder complains against the revocation in force, and then that one")
    void a_permit_revoked_again_holds_no_earlier_complaint() {
        deliver(REGISTERED, "applicant-1");
        for (Object event : revokedAgainAfterAnUpheldComplaint(ID)) {
            deliver(event, "supervisor-1");
        }
        PersonId holder = new PersonId("applicant-1");
        Map<String, Object> desk = cases.application(ID.value()).orElseThrow();
        Map<String, Object> holders = cases.forApplicant(ID.value(), holder).orElseThrow();
        for (Map<String, Object> file : List.of(desk, holders)) {
            assertThat(file).containsEntry("status", "REVOKED").doesNotContainKey("complaint");
            assertThat(file.get("history").toString()).contains("RevocationComplaintFiled", "RevocationComplaintDecided");
        }
        deliver(new RevocationComplaintFiled(ID, "e3".repeat(32), Instant.parse("2029-09-02T02:00:00Z"), holder), "applicant-1");
        for (Map<String, Object> file : List.of(cases.application(ID.value()).orElseThrow(), cases.forApplicant(ID.value(), holder).orElseThrow())) {
            assertThat(file.get("complaint")).as("the complaint against the revocation in force")
                    .isInstanceOfSatisfying(Map.class, c -> assertThat(c).containsEntry("complaintSha256", "e3".repeat(32)).doesNotContainKey("upheld"));
        }
    }
}
