package mn.registry.permit.command;

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

class PermitApplicationTest {

    private static final ApplicationId ID = ApplicationId.of(UUID.fromString("7d3c1b9e-0d5e-4a55-9b0a-2f1e6c8a4b21"));
    private static final ReceiptNumber RECEIPT = ReceiptNumber.of(2026, 123);
    private static final Instant RECEIVED = Instant.parse("2026-11-20T03:00:00Z");
    private static final LocalDate DUE = LocalDate.of(2026, 12, 16);
    private static final Instant DUE_AT = Instant.parse("2026-12-16T15:59:59Z");
    private static final CalendarVersion VERSION = new CalendarVersion("MN-2024.1");
    private static final PersonId APPLICANT = new PersonId("applicant-1");

    private AggregateTestFixture<PermitApplication> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(PermitApplication.class);
    }

    private static List<DocumentRef> documents(boolean withOtherPermit) {
        return Arrays.stream(RequiredDocument.values()).filter(k -> k.requiredWhen(withOtherPermit))
                .map(k -> new DocumentRef(k, Applications.submitted(k).sha256(), 100 + k.ordinal(), "application/pdf",
                        RECEIVED.minusSeconds(600)))
                .toList();
    }

    private static RegisterPermitApplication register(Company company, List<DocumentRef> documents, int workingDays, LocalDate due, Instant dueAt) {
        return new RegisterPermitApplication(ID, RECEIPT, company, false, documents, RECEIVED, due, dueAt, WorkingDays.of(workingDays),
                VERSION, APPLICANT, "cd".repeat(32));
    }

    @Test
    @DisplayName("002 art. 26.2.1: a complete application is registered on receipt with its receipt number and due date")
    void registered_on_receipt() {
        fixture.givenNoPriorActivity()
                .when(register(Applications.MONGOLIAN, documents(false), 17, DUE, DUE_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PermitApplicationRegistered(ID, RECEIPT, Applications.MONGOLIAN, documents(false), RECEIVED,
                        DUE, DUE_AT, WorkingDays.of(17), VERSION, "002 art. 26.1", APPLICANT, "cd".repeat(32)))
                .expectState(a -> assertThat(a.status()).isEqualTo(PermitApplicationStatus.REGISTERED));
    }

    @Test
    @DisplayName("002 art. 23.2: the aggregate itself refuses a foreign company; nothing is recorded")
    void aggregate_refuses_foreign_company() {
        fixture.givenNoPriorActivity()
                .when(register(Applications.FOREIGN, documents(false), 17, DUE, DUE_AT))
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
                .when(register(Applications.MONGOLIAN, withoutBank, 17, DUE, DUE_AT))
                .expectException(RegistryProblem.class)
                .expectExceptionMessage("The document CORRESPONDENT_BANK_REFERENCE (002 art. 25.1.3) is missing.")
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 26.1: a decision period other than 17 working days is never recorded")
    void decision_period_is_seventeen_working_days() {
        fixture.givenNoPriorActivity()
                .when(register(Applications.MONGOLIAN, documents(false), 30, DUE, DUE_AT))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 26.1: a decision due on the day of receipt is refused as a calendar fault")
    void due_date_after_receipt() {
        fixture.givenNoPriorActivity()
                .when(register(Applications.MONGOLIAN, documents(false), 17, LocalDate.of(2026, 11, 20), Instant.parse("2026-11-20T15:59:59Z")))
                .expectException(RegistryProblem.class)
                .expectNoEvents();
    }
}
