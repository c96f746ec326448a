package mn.registry.permit.command;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.permit.PermitRevoked;
import mn.registry.kernel.permit.PermitTransferred;
import mn.registry.kernel.permit.Reorganisation;
import mn.registry.kernel.permit.RevocationComplaintDecided;
import mn.registry.kernel.permit.RevocationComplaintFiled;
import mn.registry.kernel.permit.RevocationGround;
import mn.registry.kernel.permit.SubmittedDocument;
import mn.registry.kernel.permit.TransferPermit;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.HOLDER;
import static mn.registry.permit.command.PermitLifecycleTest.ID;
import static mn.registry.permit.command.PermitLifecycleTest.SHA2;
import static mn.registry.permit.command.PermitLifecycleTest.SUPERVISOR;
import static mn.registry.permit.command.PermitLifecycleTest.SUPERVISOR_2;
import static mn.registry.permit.command.PermitLifecycleTest.VALID_UNTIL;
import static mn.registry.permit.command.PermitLifecycleTest.active;
import static mn.registry.permit.command.Signed.signed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 32's permits round 35 (docs/abuse-audit.md, "Session 32, the liquidated company"; ADR 0046 items 166-170): a company whose permit
 * was revoked because it was liquidated (002 art. 29.1.2) applies again, or is named a transfer's successor (O441). The liquidations and
 * their annulments are folded by the registry's own index ({@link CompaniesOnRecord}) and its memory ({@link CeasedCompanies}) from the
 * permits' streams as stored (each permit one stream, in order), and given to the aggregate as the registry's services give them.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class PermitAbuseRound35Test extends PermitAbuseFixture {

    private static final Company A = Applications.MONGOLIAN;
    /** The company the permit passed to on a separation (A stays), then liquidated while it held it. */
    private static final Company L = new Company("Liquidated Trust LLC", "6403501", true, "Peace Avenue 35, Ulaanbaatar");
    private static final Company C = new Company("Other Trust LLC", "6403502", true, "Peace Avenue 36, Ulaanbaatar");
    private static final Instant SEPARATED_AT = Instant.parse("2025-04-01T02:00:00Z");
    private static final Instant REVOKED_AT = Instant.parse("2025-06-02T02:00:00Z");
    private static final Instant NEXT_DAY = REVOKED_AT.plusSeconds(86_400);
    /** The liquidation's document (ADR 0064), the complaint and the decision upholding it. */
    private static final String LIQUIDATION = "6b".repeat(32);
    private static final String COMPLAINT = "6c".repeat(32);
    private static final String DECISION = "6d".repeat(32);
    private static final String ARTICLE = "002 art. 29.1.2";

    private EmbeddedEventStore events;
    private final Map<String, Long> sequences = new HashMap<>();

    PermitAbuseRound35Test() {
        super(LIQUIDATION, COMPLAINT, DECISION);
    }

    @AfterEach
    void shutDown() {
        if (events != null) {
            events.shutDown();
        }
    }

    /** A store of the registry's events (none yet), and its index of the companies on record, empty. */
    private CompaniesOnRecord index(MongoDatabase database) {
        database.getCollection(CompaniesOnRecord.COLLECTION).drop();
        events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        sequences.clear();
        return new CompaniesOnRecord(database, events); // no background catch-up: each question catches up
    }

    /** Stores {@code payloads} on the permit's stream {@code permit}, after what it holds. */
    private void stored(String permit, Object... payloads) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            long sequence = sequences.merge(permit, 0L, (a, b) -> a + 1);
            messages.add(new GenericDomainEventMessage<>("PermitApplication", permit, sequence, payload));
        }
        events.publish(messages);
    }

    /** L's permit: A's, passed to L on a separation (A stays), revoked on {@code ground} at {@link #REVOKED_AT}. */
    private void revoked(RevocationGround ground) {
        List<Object> history = new ArrayList<>(active());
        history.add(new PermitTransferred(ID, A, L, Reorganisation.SEPARATION, SHA2, SEPARATED_AT, SUPERVISOR,
                UlaanbaatarTime.dateOf(SEPARATED_AT), SuccessorsRepresentative.of(L)));
        history.add(new PermitRevoked(ID, ground, "the holder's liquidation", REVOKED_AT, SUPERVISOR, true,
                ground.restsOnADocument() ? LIQUIDATION : null));
        stored("permit-of-l", history.toArray());
    }

    /** The complaint against the revocation, decided ({@code upheld} or not) on the day after. */
    private void complaintDecided(boolean upheld) {
        stored("permit-of-l", new RevocationComplaintFiled(ID, COMPLAINT, REVOKED_AT.plusSeconds(3_600), HOLDER),
                new RevocationComplaintDecided(ID, upheld, DECISION, NEXT_DAY.plusSeconds(3_600), SUPERVISOR_2, upheld ? VALID_UNTIL : null,
                        RevocationComplaintDecided.ARTICLE));
    }

    /**
     * What the registry's services answer of L and {@code others}: the memory's answer to an application ({@link CeasedCompanies}, on a node
     * that reads the index now) and the index's to a transfer; asserted the same.
     */
    private Optional<CompanyLiquidated> answered(CompaniesOnRecord index, Company... others) {
        services.companiesLiquidated.clear();
        services.companiesOnRecord.clear();
        CeasedCompanies ceased = new CeasedCompanies(index, events, () -> 0);
        List<Company> companies = new ArrayList<>(List.of(others));
        companies.add(L);
        for (Company company : companies) {
            Optional<CompanyLiquidated> fromMemory = ceased.liquidated(company.registrationNumber());
            Optional<CompanyOnRecord> onRecord = index.of(company.registrationNumber());
            assertThat(onRecord.map(CompanyOnRecord::liquidated)).as("the index and the memory answer alike").isEqualTo(fromMemory);
            fromMemory.ifPresent(l -> services.companiesLiquidated.put(company.registrationNumber(), l));
            onRecord.ifPresent(known -> services.companiesOnRecord.put(company.registrationNumber(), known));
        }
        ceased.stop();
        return Optional.ofNullable(services.companiesLiquidated.get(L.registrationNumber()));
    }

    private Object application(Company company, Instant at) {
        List<SubmittedDocument> submitted = Applications.mandatoryDocuments();
        submitted.forEach(d -> services.received(new DocumentRef(d.kind(), d.sha256(), 100, "application/pdf", at.minusSeconds(600))));
        return SignedCommandContext.message(new mn.registry.kernel.permit.ApplyForPermit(company, false, submitted),
                new CommandContext("cmd-apply-" + company.registrationNumber() + "-" + at, at, at, HOLDER, Set.of(Role.APPLICANT), Set.of(),
                        "cd".repeat(32)));
    }

    private static Object transfer(Company successor, Instant at) {
        return signed(new TransferPermit(ID, successor, Reorganisation.MERGER, SHA2, UlaanbaatarTime.dateOf(at),
                SuccessorsRepresentative.of(successor)), SUPERVISOR, at, Role.MINISTRY_SUPERVISOR);
    }

    private void refusedToApply(Company company, String code, String field, String article) {
        fixture.givenNoPriorActivity()
                .when(application(company, NEXT_DAY))
                .expectException(problem(code, field, article))
                .expectNoEvents();
    }

    private void applies(Company company) {
        fixture.givenNoPriorActivity()
                .when(application(company, NEXT_DAY))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("002 art. 29.1.2, 23.2 (F577, was O441): the company whose permit was revoked because it was liquidated applies the next "
            + "day: refused (409 permit.applicant-liquidated), nothing stored, with no wait for the complaint period; its number spaced, "
            + "zero-padded or with a zero-width space is not a state registration number (400); the holder before it, and another company, apply")
    void the_liquidated_company_applies_for_no_permit(MongoDatabase database) {
        CompaniesOnRecord index = index(database);
        revoked(RevocationGround.LIQUIDATION);
        assertThat(answered(index, A, C)).as("L ceased at the revocation's receipt")
                .contains(new CompanyLiquidated(L.registrationNumber(), REVOKED_AT, "permit-of-l"));
        assertThat(services.companiesLiquidated).as("the holder at the revocation only: not A, which passed it on before").containsOnlyKeys(
                L.registrationNumber());

        refusedToApply(L, "permit.applicant-liquidated", "company.registrationNumber", ARTICLE);
        for (String spelled : List.of(" 6403501", "640 3501", "06403501", "6403501\u200B", "６４０３５０１")) {
            refusedToApply(new Company(L.name(), spelled, true, L.address()), "permit.registration-number-malformed", "company.registrationNumber",
                    "002 art. 25.1.1");
        }
        applies(A);
        applies(C);
    }

    @Test
    @DisplayName("002 art. 29.1.2, 23.3 (F578): another holder's permit passes on a merger into the liquidated company: refused (409 "
            + "permit.successor-liquidated), nothing stored; once a complaint against the revocation is upheld, it passes")
    void the_liquidated_company_is_named_no_transfers_successor(MongoDatabase database) {
        CompaniesOnRecord index = index(database);
        revoked(RevocationGround.LIQUIDATION);
        answered(index);
        fixture.given(active())
                .when(transfer(L, NEXT_DAY))
                .expectException(problem("permit.successor-liquidated", "successor.registrationNumber", ARTICLE))
                .expectNoEvents();

        complaintDecided(true);
        assertThat(answered(index)).isEmpty();
        fixture.given(active())
                .when(transfer(L, NEXT_DAY.plusSeconds(86_400)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("002 art. 29.6 (F579): a complaint upheld against the revocation on 29.1.2 lifts the ceasing in the same act (the company "
            + "applies); one rejected leaves it; a second revocation on 29.1.2 after the upheld complaint ceases the company again, the "
            + "annulment naming only the revocation it decided; read in one catch-up or in two, the index answers alike")
    void an_upheld_complaint_lifts_the_ceasing(MongoDatabase database) {
        CompaniesOnRecord index = index(database);
        revoked(RevocationGround.LIQUIDATION);
        complaintDecided(false);
        assertThat(answered(index)).as("a rejected complaint leaves the revocation standing").isPresent();
        refusedToApply(L, "permit.applicant-liquidated", "company.registrationNumber", ARTICLE);

        index = index(database);
        revoked(RevocationGround.LIQUIDATION);
        assertThat(answered(index)).as("read by a first catch-up").isPresent();
        complaintDecided(true);
        assertThat(answered(index)).as("the annulment read by a later catch-up").isEmpty();
        applies(L);

        Instant again = NEXT_DAY.plusSeconds(30 * 86_400);
        stored("permit-of-l", new PermitRevoked(ID, RevocationGround.LIQUIDATION, "liquidated after all", again, SUPERVISOR, true, LIQUIDATION));
        assertThat(answered(index)).contains(new CompanyLiquidated(L.registrationNumber(), again, "permit-of-l"));
        refusedToApply(L, "permit.applicant-liquidated", "company.registrationNumber", ARTICLE);

        database.getCollection(CompaniesOnRecord.COLLECTION).drop();
        assertThat(answered(new CompaniesOnRecord(database, events))).as("the store read again from the start in one catch-up")
                .contains(new CompanyLiquidated(L.registrationNumber(), again, "permit-of-l"));
    }

    @Test
    @DisplayName("002 art. 29.1 (F577): a revocation on another ground (the holder's request, false documents, violations) ceases nothing: "
            + "the company applies as before (its one-permit claim, ADR 0031, freed by the revocation as now)")
    void a_revocation_on_another_ground_ceases_nothing(MongoDatabase database) {
        for (RevocationGround ground : RevocationGround.values()) {
            if (ground == RevocationGround.LIQUIDATION) {
                continue;
            }
            CompaniesOnRecord index = index(database);
            revoked(ground);
            assertThat(answered(index)).as(ground.name()).isEmpty();
            applies(L);
        }
    }

    @Test
    @DisplayName("002 art. 29.1.2, 23.2 (F577): on the registry's own event store and Axon configuration (as CeasedCompaniesTest), the "
            + "revocation on 29.1.2 stored, the liquidated company's application sent through the command gateway is refused (409 "
            + "permit.applicant-liquidated), nothing stored; the memory's answer read from the store's stream")
    void on_the_registrys_store_the_liquidated_company_applies_for_no_permit(com.mongodb.ConnectionString server) {
        try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(server).uuidRepresentation(org.bson.UuidRepresentation.STANDARD).build())) {
            MongoDatabase database = client.getDatabase("liquidated-" + java.util.UUID.randomUUID());
            CeasedCompanies[] ceased = new CeasedCompanies[1];
            Signed.Services asking = new Signed.Services() {
                @Override
                public Optional<CompanyLiquidated> companyLiquidated(String registrationNumber) {
                    return ceased[0].liquidated(registrationNumber);
                }
            };
            try (mn.registry.command.look.SnapshotLoads<PermitApplication> registry = mn.registry.command.look.SnapshotLoads.on(database,
                    PermitApplication.class, Signed.aggregate(), c -> c.registerComponent(PermitServices.class, x -> asking))) {
                org.axonframework.eventsourcing.eventstore.EventStore store = registry.axon().eventStore();
                ceased[0] = new CeasedCompanies(new CompaniesOnRecord(database, store), store,
                        mn.registry.infrastructure.axon.DurableEventStorageEngine.storedUpTo(registry.engine()));
                List<Object> history = new ArrayList<>(active());
                history.add(new PermitTransferred(ID, A, L, Reorganisation.SEPARATION, SHA2, SEPARATED_AT, SUPERVISOR,
                        UlaanbaatarTime.dateOf(SEPARATED_AT), SuccessorsRepresentative.of(L)));
                history.add(new PermitRevoked(ID, RevocationGround.LIQUIDATION, "liquidated", REVOKED_AT, SUPERVISOR, true, LIQUIDATION));
                registry.append("permit-of-l", history);

                assertThat(ceased[0].liquidated(L.registrationNumber())).contains(new CompanyLiquidated(L.registrationNumber(), REVOKED_AT,
                        "permit-of-l"));
                asking.applicationId = mn.registry.kernel.permit.ApplicationId.of(java.util.UUID.randomUUID());
                Object refused = applicationOf(asking, L);
                mn.registry.kernel.problem.RegistryProblem problem = org.assertj.core.api.Assertions.catchThrowableOfType(
                        () -> registry.axon().commandGateway().sendAndWait(refused), mn.registry.kernel.problem.RegistryProblem.class);
                assertThat(problem).isNotNull();
                assertThat(problem.code()).isEqualTo("permit.applicant-liquidated");
                assertThat(store.lastSequenceNumberFor(asking.applicationId.value())).as("nothing stored").isEmpty();

                // a second permit revoked on 29.1.2, and a third's complaint upheld, after the node read the index: read from the stream
                Company d = new Company("Dissolved Trust LLC", "6403503", true, "Peace Avenue 37, Ulaanbaatar");
                List<Object> second = new ArrayList<>(active());
                second.add(new PermitTransferred(ID, A, d, Reorganisation.SEPARATION, SHA2, SEPARATED_AT, SUPERVISOR,
                        UlaanbaatarTime.dateOf(SEPARATED_AT), SuccessorsRepresentative.of(d)));
                second.add(new PermitRevoked(ID, RevocationGround.LIQUIDATION, "liquidated", REVOKED_AT, SUPERVISOR, true, LIQUIDATION));
                registry.append("permit-of-d", second);
                assertThat(ceased[0].liquidated(d.registrationNumber())).as("read from the stream").isPresent();
                registry.append("permit-of-l", List.of(new RevocationComplaintFiled(ID, COMPLAINT, REVOKED_AT.plusSeconds(3_600), HOLDER),
                        new RevocationComplaintDecided(ID, true, DECISION, NEXT_DAY.plusSeconds(3_600), SUPERVISOR_2, VALID_UNTIL,
                                RevocationComplaintDecided.ARTICLE)));
                assertThat(ceased[0].liquidated(L.registrationNumber())).as("the annulment read from the stream").isEmpty();

                asking.applicationId = mn.registry.kernel.permit.ApplicationId.of(java.util.UUID.randomUUID());
                registry.axon().commandGateway().sendAndWait(applicationOf(asking, C));
                assertThat(store.lastSequenceNumberFor(asking.applicationId.value())).as("another company registered").isPresent();
            }
        }
    }

    private static Object applicationOf(Signed.Services services, Company company) {
        List<SubmittedDocument> submitted = Applications.mandatoryDocuments();
        submitted.forEach(d -> services.received(new DocumentRef(d.kind(), d.sha256(), 100, "application/pdf", NEXT_DAY.minusSeconds(600))));
        return SignedCommandContext.message(new mn.registry.kernel.permit.ApplyForPermit(company, false, submitted),
                new CommandContext("cmd-" + java.util.UUID.randomUUID(), NEXT_DAY, NEXT_DAY, HOLDER, Set.of(Role.APPLICANT), Set.of(), "cd".repeat(32)));
    }
}
