package mn.registry.permit.command;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.RepresentativesCompany;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Session 29, a representative acts for its own company (ADR 0061 item 49; abuse audit F505, was O353): the signer's grant of the
 * applicant's role in force at the receipt names a company (F503), and the signed ApplyForPermit, carried out through Axon, the claims
 * and the document store, is for that company only; refused before any claim is written or any receipt number taken. A grant naming no
 * company keeps the behaviour before. Over HTTP (the grant folded from the person's events): {@code IdentityAbuseRound12CompanyEndToEndTest}.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class IdentityAbuseRound12CompanyTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-20T03:00:00Z");

    private MongoDatabase database;
    private ApplyForPermitNode node;

    @BeforeEach
    void start(MongoDatabase database) {
        this.database = database;
        node = ApplyForPermitNode.on(database);
    }

    @AfterEach
    void shutdown() {
        node.close();
    }

    /** Signed by a representative whose grant in force names {@code company} (null: names none). */
    private static CommandContext representativeOf(String company, String commandId) {
        return new CommandContext(commandId, RECEIVED.minusSeconds(2), RECEIVED, new PersonId("applicant-29"), Set.of(Role.APPLICANT), Set.of(),
                "ef".repeat(32), company);
    }

    private long storedEvents() {
        return node.engine().readEvents(null, false).count();
    }

    private long claims() {
        return database.getCollection(DocumentClaims.COLLECTION).countDocuments();
    }

    @Test
    @DisplayName("002 art. 23.2, 001 art. 23.1.1 (F505, was O353; ADR 0061 item 49): abuse: the representative of 6543210 applies for the "
            + "company 6543211: refused 403 identity.representative-of-another-company on company.registrationNumber, no event, no claim, "
            + "no receipt number; their own company's application is registered")
    void a_representative_applies_for_their_own_company_only() {
        long claimsBefore = claims(); // the claims' own marker of their backfill
        assertThatThrownBy(() -> node.type().handle(Applications.completeFor("6543211"), representativeOf("6543210", "cmd-other")))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> {
                    assertThat(p.kind()).isEqualTo(RegistryProblem.Kind.FORBIDDEN);
                    assertThat(p.code()).isEqualTo(RepresentativesCompany.ANOTHER_COMPANY);
                    assertThat(p.field()).isEqualTo("company.registrationNumber");
                    assertThat(p.article()).isEqualTo("002 art. 23.2; 001 art. 23.1.1");
                });
        assertThat(storedEvents()).as("no event").isZero();
        assertThat(claims()).as("no claim of the company or of its papers").isEqualTo(claimsBefore);
        assertThat(database.getCollection(MongoPermitApplicationIds.COLLECTION).countDocuments()).as("no receipt number counted").isZero();

        assertThat(node.type().handle(Applications.complete(), representativeOf("6543210", "cmd-own")).receiptNumber().value())
                .as("the first receipt number, none taken by the refusal").isEqualTo("SP-2026-000001");
        assertThat(node.engine().readEvents(null, false).map(m -> m.getPayload()).filter(PermitApplicationRegistered.class::isInstance)
                .map(PermitApplicationRegistered.class::cast).map(r -> r.company().registrationNumber())).containsExactly("6543210");
    }

    @Test
    @DisplayName("002 art. 23.2 (ADR 0061 item 49): a representative whose grant names no company (stored before session 29, or enrolled "
            + "naming none: O350) applies for any company as before F505")
    void a_grant_naming_no_company_applies_as_before() {
        assertThat(node.type().handle(Applications.completeFor("6543211"), representativeOf(null, "cmd-any")).receiptNumber().value())
                .isEqualTo("SP-2026-000001");
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 49): the signer's standing at the receipt names the company of their grant of the applicant's "
            + "role in force, folded from the person's events; none before the grant, after its end, or for a grant naming none")
    void the_grants_company_is_folded_into_the_signers_standing(MongoDatabase database) {
        org.axonframework.eventsourcing.eventstore.EmbeddedEventStore events = org.axonframework.eventsourcing.eventstore.EmbeddedEventStore
                .builder().storageEngine(new InMemoryEventStorageEngine()).build();
        PersonId person = new PersonId("applicant-29");
        PersonId supervisor = new PersonId("supervisor-1");
        String certificate = "ab".repeat(32);
        Instant granted = RECEIVED.minusSeconds(3_600);
        Instant ended = RECEIVED.plusSeconds(3_600);
        java.util.List<Object> stream = java.util.List.of(
                new mn.registry.kernel.identity.PersonEnrolled(person, "Representative", certificate, "AAAA", granted),
                new mn.registry.kernel.identity.RoleGranted(person, Role.APPLICANT, null, granted, supervisor, "enrolment", "0d".repeat(32), "6543210"),
                new mn.registry.kernel.identity.RoleRevoked(person, Role.APPLICANT, null, ended, supervisor, "power withdrawn"));
        for (int i = 0; i < stream.size(); i++) {
            events.publish(new org.axonframework.eventhandling.GenericDomainEventMessage<>("Person",
                    mn.registry.infrastructure.identity.IdentityDirectory.streamOf(person), i, stream.get(i)));
        }
        mn.registry.infrastructure.identity.IdentityDirectory directory = new mn.registry.infrastructure.identity.IdentityDirectory(events,
                new mn.registry.infrastructure.privacy.PersonalDataVault(database, Clock.systemUTC()));

        assertThat(directory.actorAt(person, certificate, RECEIVED).orElseThrow().company()).isEqualTo("6543210");
        assertThat(directory.actorAt(person, certificate, granted.minusSeconds(1)).orElseThrow().company()).as("before the grant").isNull();
        assertThat(directory.actorAt(person, certificate, ended).orElseThrow().company()).as("after its end").isNull();
        events.shutDown();
    }
}
