package mn.registry.permit.command;

import mn.registry.kernel.permit.*;
import static mn.registry.permit.command.Signed.signed;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.command.api.TargetByRecordComponent;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.permit.ReceiptNumber;
import mn.registry.kernel.permit.SubmittedDocument;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Signed commands for the aggregate tests: a kernel body with the context the command API would give it (ADR 0026). */
final class Signed {

    /** The SHA-256 the tests' signed commands carry as the hash of their JWS. */
    static final String JWS_SHA256 = "ab".repeat(32);

    private Signed() {
    }

    /** The body as signed by {@code by} and received at {@code at}, the signer holding {@code roles}. */
    static CommandMessage<Object> signed(Object body, PersonId by, Instant at, Role... roles) {
        return signed(body, by, at, Set.of(roles));
    }

    static CommandMessage<Object> signed(Object body, PersonId by, Instant at, Set<Role> roles) {
        return SignedCommandContext.message(body, context(by, at, roles));
    }

    static CommandContext context(PersonId by, Instant at, Set<Role> roles) {
        return new CommandContext("command-" + by.value() + "-" + at, at, at, by, roles, Set.of(), JWS_SHA256);
    }

    /** A fixture of the permit aggregate as the registry wires it: target by {@code applicationId}, the given services. */
    static AggregateTestFixture<PermitApplication> fixture(Services services) {
        AggregateTestFixture<PermitApplication> fixture = new AggregateTestFixture<>(PermitApplication.class);
        fixture.registerCommandTargetResolver(new TargetByRecordComponent("applicationId"));
        fixture.registerInjectableResource(services);
        return fixture;
    }

    static AggregateTestFixture<PermitApplication> fixture() {
        return fixture(new Services());
    }

    /** The permit aggregate configured as the registry configures it (its target by {@code applicationId}). */
    static org.axonframework.config.AggregateConfigurer<PermitApplication> aggregate() {
        return org.axonframework.config.AggregateConfigurer.defaultConfiguration(PermitApplication.class)
                .configureCommandTargetResolver(c -> new TargetByRecordComponent("applicationId"));
    }

    /** {@link PermitServices} of a test: the base calendar, a minimum insurance, documents received, fixed ids. */
    static class Services implements PermitServices {
        WorkingDayCalendar calendar = WorkingDayCalendar.base();
        Money minimum = PermitLifecycleTest.MINIMUM;
        ApplicationId applicationId = PermitLifecycleTest.ID;
        ReceiptNumber receipt = PermitLifecycleTest.RECEIPT;
        final Map<String, DocumentRef> documents = new HashMap<>();
        int receiptsTaken;

        Services received(DocumentRef document) {
            documents.put(document.sha256(), document);
            return this;
        }

        @Override
        public Deadline due(Instant from, WorkingDays n) {
            return calendar.deadline(from, n);
        }

        @Override
        public Deadline due(LocalDate from, WorkingDays n) {
            return calendar.deadline(from, n);
        }

        /** How many times the calendar in force was read again ({@link #dueOnTheCalendarInForceNow}). */
        int calendarReadsAgain;

        /** The calendar a test sets is the one in force, read again at each call as the registry reads it at a firing. */
        @Override
        public Deadline dueOnTheCalendarInForceNow(LocalDate dayZero, WorkingDays n) {
            calendarReadsAgain++;
            return calendar.deadline(dayZero, n);
        }

        /** The version of the calendar a test sets (the node's copy is the calendar in force in a test): not a read again. */
        @Override
        public mn.registry.kernel.calendar.CalendarVersion calendarVersionInForce() {
            return calendar.version();
        }

        @Override
        public Money minimumInsuranceInForce(java.time.Instant at) {
            return minimum;
        }

        @Override
        public Optional<DocumentRef> received(SubmittedDocument document) {
            return Optional.ofNullable(documents.get(document.sha256()))
                    .map(d -> new DocumentRef(document.kind(), d.sha256(), d.size(), d.mediaType(), d.receivedAt()));
        }

        /** Documents received besides the application's (proofs, contracts, evidence): the fixtures' hashes unless a test says otherwise. */
        final java.util.Set<String> otherDocuments = new java.util.HashSet<>(java.util.Set.of(PermitLifecycleTest.SHA, PermitLifecycleTest.SHA2,
                PermitSuspensionTest.TAX_SHA, PermitLifecycleTest.DATABASE_RECEIPT, PermitLifecycleTest.REVOCATION_EVIDENCE));

        @Override
        public boolean documentReceived(String sha256) {
            return documents.containsKey(sha256) || otherDocuments.contains(sha256);
        }

        /** When the registry received the documents a test dates (the others: not asked, as a document received with the act). */
        final Map<String, Instant> receivedAt = new HashMap<>();

        @Override
        public Optional<Instant> documentReceivedAt(String sha256) {
            return Optional.ofNullable(receivedAt.get(sha256));
        }

        /** The grants of APPLICANT a test gives (the successor's representatives a transfer may name, ADR 0046 item 142), besides {@link SuccessorsRepresentative}'s. */
        final java.util.List<mn.registry.kernel.identity.RoleGranted> representativeGrants = new java.util.ArrayList<>();

        @Override
        public java.util.List<mn.registry.kernel.identity.RoleGranted> representativeGrantsAt(mn.registry.kernel.identity.PersonId person, Instant at) {
            return java.util.stream.Stream.concat(representativeGrants.stream(), SuccessorsRepresentative.grantsOf(person).stream())
                    .filter(g -> g.personId().equals(person) && !g.validFrom().isAfter(at)).toList();
        }

        /** Permits in force besides the one under test (the successors a database may be passed to, 002 art. 29.4). */
        final java.util.Set<ApplicationId> permitsInForce = new java.util.HashSet<>();

        @Override
        public boolean permitInForce(ApplicationId id, java.time.Instant receivedAt) {
            return permitsInForce.contains(id);
        }

        /** The companies holding {@link #permitsInForce} (002 art. 29.4, ADR 0046 item 136), by permit: none unless a test names them. */
        final Map<ApplicationId, String> holders = new HashMap<>();

        @Override
        public Optional<String> holderOf(ApplicationId id) {
            return Optional.ofNullable(holders.get(id));
        }

        /** The companies the registry has on record (ADR 0046 item 102), by registration number: none unless a test names them. */
        final Map<String, CompanyOnRecord> companiesOnRecord = new HashMap<>();

        @Override
        public Optional<CompanyOnRecord> companyOnRecord(String registrationNumber) {
            return Optional.ofNullable(companiesOnRecord.get(registrationNumber));
        }

        /** The companies a reorganisation ended (ADR 0046 item 109), by registration number: none unless a test names them. */
        final Map<String, CompanyCeased> companiesCeased = new HashMap<>();

        @Override
        public Optional<CompanyCeased> companyCeased(String registrationNumber) {
            return Optional.ofNullable(companiesCeased.get(registrationNumber));
        }

        /** The companies a revocation on 29.1.2 holds ceased (ADR 0046 item 166), by registration number: none unless a test names them. */
        final Map<String, CompanyLiquidated> companiesLiquidated = new HashMap<>();

        @Override
        public Optional<CompanyLiquidated> companyLiquidated(String registrationNumber) {
            return Optional.ofNullable(companiesLiquidated.get(registrationNumber));
        }

        @Override
        public ApplicationId applicationId(CommandContext context) {
            return applicationId;
        }

        @Override
        public ReceiptNumber nextReceiptNumber(int year) {
            receiptsTaken++;
            return receipt;
        }
    }
}
