package mn.registry.permit.command;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import org.axonframework.commandhandling.CommandMessage;
import java.util.Set;
import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.permit.PermitApplicationStatus;
import mn.registry.kernel.permit.ReceiptNumber;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PermitApplicationTest {

    private static final ApplicationId ID = ApplicationId.of(UUID.fromString("7d3c1b9e-0d5e-4a55-9b0a-2f1e6c8a4b21"));
    private static final ReceiptNumber RECEIPT = ReceiptNumber.of(2026, 123);
    private static final Instant RECEIVED = Instant.parse("2026-11-20T03:00:00Z");
    private static final LocalDate DUE = LocalDate.of(2026, 12, 16);
    private static final Instant DUE_AT = Instant.parse("2026-12-16T15:59:59Z");
    private static final CalendarVersion VERSION = new CalendarVersion("MN-2024.1");
    private static final PersonId APPLICANT = new PersonId("applicant-1");

    private AggregateTestFixture<PermitApplication> fixture;
    private final Signed.Services services = new Signed.Services();

    @BeforeEach
    void fixture() {
        services.applicationId = ID;
        services.receipt = RECEIPT;
        fixture = Signed.fixture(services);
    }

    private static List<DocumentRef> documents(boolean withOtherPermit) {
        return Arrays.stream(RequiredDocument.values()).filter(k -> k.requiredWhen(withOtherPermit))
                .map(k -> new DocumentRef(k, Applications.submitted(k).sha256(), 100 + k.ordinal(), "application/pdf",
                        RECEIVED.minusSeconds(600)))
                .toList();
    }

    /** ApplyForPermit signed by the applicant, received at {@link #RECEIVED}; the documents are those the registry received. */
    private CommandMessage<ApplyForPermit> apply(Company company, List<DocumentRef> documents) {
        documents.forEach(services::received);
        List<SubmittedDocument> submitted = documents.stream().map(d -> new SubmittedDocument(d.kind(), d.sha256())).toList();
        return SignedCommandContext.message(new ApplyForPermit(company, false, submitted),
                new CommandContext("cmd-1", RECEIVED, RECEIVED, APPLICANT, Set.of(Role.APPLICANT), Set.of(), "cd".repeat(32)));
    }

    @Test
    @DisplayName("002 art. 26.2.1: a complete application is registered on receipt with its receipt number and due date")
    void registered_on_receipt() {
        Deadline due = WorkingDayCalendar.base().deadline(RECEIVED, PermitDeadlines.DECISION);
        assertThat(due.due()).isEqualTo(DUE);
        fixture.givenNoPriorActivity()
                .when(apply(Applications.MONGOLIAN, documents(false)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PermitApplicationRegistered(ID, RECEIPT, Applications.MONGOLIAN, documents(false), RECEIVED,
                        DUE, due.dueAt().toInstant(), WorkingDays.of(17), due.calendarVersion(), "002 art. 26.1", APPLICANT, "cd".repeat(32)))
                .expectResultMessagePayload(new PermitRegistrationReceipt(ID, RECEIPT, RECEIVED, DUE, due.dueAt(), due.calendarVersion()))
                .expectState(a -> assertThat(a.status()).isEqualTo(PermitApplicationStatus.REGISTERED));
    }

    @Test
    @DisplayName("002 art. 23.2: the aggregate itself refuses a foreign company; nothing is recorded")
    void aggregate_refuses_foreign_company() {
        fixture.givenNoPriorActivity()
                .when(apply(Applications.FOREIGN, documents(false)))
                .expectException(RegistryProblem.class)
                .expectExceptionMessage("A special permit is granted only to a company established under the legislation of Mongolia.")
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 25.1: the aggregate itself refuses an application without its bank reference; nothing is recorded")
    void aggregate_refuses_missing_document() {
        List<DocumentRef> withoutBank = new ArrayList<>(documents(false));
        withoutBank.removeIf(d -> d.kind() == RequiredDocument.CORRESPONDENT_BANK_REFERENCE);
        fixture.givenNoPriorActivity()
                .when(apply(Applications.MONGOLIAN, withoutBank))
                .expectException(RegistryProblem.class)
                .expectExceptionMessage("The document CORRESPONDENT_BANK_REFERENCE (002 art. 25.1.3) is missing.")
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 26.1: the aggregate counts the decision period itself: 17 working days from receipt, whatever the client sends")
    void decision_period_is_seventeen_working_days() {
        List<WorkingDays> asked = new ArrayList<>();
        Signed.Services counting = new Signed.Services() {
            @Override
            public Deadline due(Instant from, WorkingDays n) {
                asked.add(n);
                return super.due(from, n);
            }
        };
        counting.applicationId = ID;
        counting.receipt = RECEIPT;
        documents(false).forEach(counting::received);
        Deadline due = WorkingDayCalendar.base().deadline(RECEIVED, WorkingDays.of(17));
        Signed.fixture(counting).givenNoPriorActivity()
                .when(apply(Applications.MONGOLIAN, documents(false)))
                .expectEvents(new PermitApplicationRegistered(ID, RECEIPT, Applications.MONGOLIAN, documents(false), RECEIVED,
                        due.due(), due.dueAt().toInstant(), WorkingDays.of(17), due.calendarVersion(), "002 art. 26.1", APPLICANT, "cd".repeat(32)));
        assertThat(asked).containsExactly(WorkingDays.of(17));
    }

    @Test
    @DisplayName("002 art. 26.1: a decision due on the day of receipt cannot be computed, so it is never recorded (the Deadline refuses it)")
    void due_date_after_receipt() {
        assertThatThrownBy(() -> new Deadline(LocalDate.of(2026, 11, 20), PermitDeadlines.DECISION, LocalDate.of(2026, 11, 20),
                UlaanbaatarTime.endOf(LocalDate.of(2026, 11, 20)), VERSION, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a due date comes after the day of receipt");
    }

}
