package mn.registry.identity.command;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.document.DocumentStore;
import mn.registry.document.StoredDocument;
import mn.registry.infrastructure.identity.IdentityDirectory;
import mn.registry.infrastructure.privacy.PersonalDataVault;
import mn.registry.kernel.identity.EndSignerRole;
import mn.registry.kernel.identity.ErasePersonalData;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.RepresentativesCompanyStated;
import mn.registry.kernel.identity.RevokeSignerCertificate;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.identity.SignerCertificateRevoked;
import mn.registry.kernel.identity.StateStoredActOrder;
import mn.registry.kernel.identity.StoredActOrderStated;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static mn.registry.identity.command.PersonCertificateRevocationTest.problem;
import static mn.registry.identity.command.PersonEnrolmentTest.AT;
import static mn.registry.identity.command.PersonEnrolmentTest.CABINET;
import static mn.registry.identity.command.PersonEnrolmentTest.DOCUMENT;
import static mn.registry.identity.command.PersonEnrolmentTest.FIRST;
import static mn.registry.identity.command.PersonEnrolmentTest.PERSON;
import static mn.registry.identity.command.PersonEnrolmentTest.SUPERVISOR;
import static mn.registry.identity.command.PersonEnrolmentTest.T0;
import static mn.registry.identity.command.PersonEnrolmentTest.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * Session 33, identity round 18 (ADR 0061 items 80-81): item 75's rule (an official does not act on their own company's representative) for
 * the erasure of the representative's personal data and the statement of the order of their stored grant or end (F610, was O468), and read
 * the other way for a representative whose grant names no company (F611, was O469). The governor's side (item 79, F609, was O467) is
 * {@code freezone.governor.IdentityAbuseRound18GovernorsTest}.
 */
class IdentityAbuseRound18Test {

    private static final String COMPANY = "6318001";
    private static final String OTHER_COMPANY = "6318002";
    private static final String END_ORDER = "e8".repeat(32);
    private static final String REPORT = "f8".repeat(32);
    private static final String STATED_ORDER = "5e".repeat(32);
    private static final PersonEnrolled ENROLLED = new PersonEnrolled(PERSON, "Representative Eight", fingerprint(FIRST), "AAAA", T0);
    private static final RoleGranted OF_THE_COMPANY = new RoleGranted(PERSON, Role.APPLICANT, null, T0, SUPERVISOR, "appointed", DOCUMENT, COMPANY);
    private static final RoleGranted NAMING_NONE = new RoleGranted(PERSON, Role.APPLICANT, null, T0, SUPERVISOR, "appointed", DOCUMENT);

    /** A supervisor's context: their own representative's grant naming {@code company} (null with {@code representative}: naming none). */
    private static CommandContext supervisor(boolean representative, String company) {
        Set<Role> roles = representative ? Set.of(Role.MINISTRY_SUPERVISOR, Role.APPLICANT) : Set.of(Role.MINISTRY_SUPERVISOR);
        return new CommandContext("act-" + representative + "-" + company, AT, AT, SUPERVISOR, roles, Set.of(), "ab".repeat(32), company);
    }

    // ------------------------------------------------------------------ F610 (was O468): the erasure

    /** The erasure's type over the person's stream {@code stored}; the vault's key never destroyed unless the test says. */
    private record Erasure(ErasePersonalDataType type, PersonalDataVault vault, Enrolment enrolment) {
        static Erasure over(Object... stored) {
            EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
            for (int seq = 0; seq < stored.length; seq++) {
                store.publish(new GenericDomainEventMessage<>("Person", IdentityDirectory.streamOf(PERSON), seq, stored[seq]));
            }
            PersonalDataVault vault = mock(PersonalDataVault.class);
            when(vault.erase(any(), any())).thenReturn(AT);
            Enrolment enrolment = mock(Enrolment.class);
            return new Erasure(new ErasePersonalDataType(vault, new IdentityDirectory(store, vault), enrolment, List.of(), List.of()), vault, enrolment);
        }

        RegistryProblem refused(CommandContext context) {
            return catchThrowableOfType(RegistryProblem.class, () -> type.handle(new ErasePersonalData(PERSON, "the holder's request of 2026-12-07"),
                    context));
        }
    }

    @Test
    @DisplayName("002 art. 23.2; 001 art. 23.1.1 (F610, was O468; ADR 0061 item 80): abuse: a supervisor whose own representative's grant "
            + "names a company erases the personal data of that company's representative (which ends their signing for ever): refused "
            + "identity.official-represents-the-representatives-company on personId, before the key is touched, nothing recorded; so too where "
            + "the company was stated for the grant, and where the grant names none (item 81); another supervisor erases")
    void an_official_does_not_erase_their_own_companys_representative() {
        for (Object[] stream : List.of(new Object[]{ENROLLED, OF_THE_COMPANY},
                new Object[]{ENROLLED, NAMING_NONE, new RepresentativesCompanyStated(PERSON, COMPANY, DOCUMENT.replace('d', 'b'), T0.plusSeconds(60), CABINET)},
                new Object[]{ENROLLED, NAMING_NONE})) {
            Erasure erasure = Erasure.over(stream);
            RegistryProblem refused = erasure.refused(supervisor(true, COMPANY));
            assertThat(refused).as(List.of(stream).toString()).isNotNull();
            assertThat(refused.code()).isEqualTo("identity.official-represents-the-representatives-company");
            assertThat(refused.field()).isEqualTo("personId");
            assertThat(refused.kind()).isEqualTo(RegistryProblem.Kind.FORBIDDEN);
            assertThat(refused.article()).isEqualTo(EnrolSignerType.REPRESENTATIVE_ARTICLE);
            verify(erasure.vault(), org.mockito.Mockito.never()).erase(any(), any());
            verifyNoInteractions(erasure.enrolment());
        }
        Erasure namingNoneSigner = Erasure.over(ENROLLED, OF_THE_COMPANY);
        assertThat(namingNoneSigner.refused(supervisor(true, null)).code()).as("a signer naming no company, tied to every company (item 76)")
                .isEqualTo("identity.official-represents-any-company");

        for (CommandContext another : List.of(supervisor(false, null), supervisor(true, OTHER_COMPANY))) {
            Erasure erasure = Erasure.over(ENROLLED, OF_THE_COMPANY);
            assertThat(erasure.refused(another)).as("another supervisor, " + another.company()).isNull();
            verify(erasure.vault()).erase(PERSON, SUPERVISOR);
            verify(erasure.enrolment()).recordErasure(any());
        }
        Erasure ended = Erasure.over(ENROLLED, OF_THE_COMPANY, new RoleRevoked(PERSON, Role.APPLICANT, null, T0.plusSeconds(60), CABINET, "ended"));
        assertThat(ended.refused(supervisor(true, COMPANY))).as("a former representative is no longer their company's").isNull();
    }

    // ------------------------------------------------------------------ F610 (was O468): the statement of a stored act's order

    /** The person's stream judged with the stated order's document received before every act (its receipt's rule is item 31's). */
    private static AggregateTestFixture<Person> statements() {
        DocumentStore documents = mock(DocumentStore.class);
        when(documents.find(STATED_ORDER)).thenReturn(Optional.of(new StoredDocument(STATED_ORDER, 10, "application/pdf", "order.pdf", T0.minusSeconds(600))));
        return PersonEnrolmentTest.fixture(stream -> java.util.Map.of(), documents, (governor, zones) -> Set.of());
    }

    private static CommandMessage<Object> statement(long sequence, CommandContext context) {
        return SignedCommandContext.message(new StateStoredActOrder(PERSON, sequence, STATED_ORDER), context);
    }

    /** A representative's grant stored before ADR 0061 item 21: signed by a supervisor, naming no document. */
    private static RoleGranted storedBeforeItem21(String company) {
        return new RoleGranted(PERSON, Role.APPLICANT, null, T0, new PersonId("supervisor-9"), "appointed", null, company);
    }

    @Test
    @DisplayName("002 art. 23.2; 001 art. 23.1.1 (F610, was O468; ADR 0061 item 80): abuse: a supervisor whose own representative's grant "
            + "names a company states the order of a stored grant, or end, of that company's representative (the company the act's grant "
            + "named at that act): refused on personId, nothing stored; a grant naming none at the act (item 81) too; the grant of another "
            + "company, or a statement by an official of another company, is stated")
    void an_official_does_not_state_the_order_of_their_own_companys_representatives_act() {
        RoleGranted granted = storedBeforeItem21(COMPANY);
        RoleRevoked ended = new RoleRevoked(PERSON, Role.APPLICANT, null, T0.plusSeconds(60), new PersonId("supervisor-9"), "ended");
        statements().given(ENROLLED, granted).when(statement(1, supervisor(true, COMPANY)))
                .expectNoEvents().expectException(problem("identity.official-represents-the-representatives-company", "personId"));
        statements().given(ENROLLED, granted, ended).when(statement(2, supervisor(true, COMPANY)))
                .expectNoEvents().expectException(problem("identity.official-represents-the-representatives-company", "personId"));
        statements().given(ENROLLED, storedBeforeItem21(null)).when(statement(1, supervisor(true, COMPANY)))
                .expectNoEvents().expectException(problem("identity.official-represents-the-representatives-company", "personId"));

        statements().given(ENROLLED, granted).when(statement(1, supervisor(true, OTHER_COMPANY)))
                .expectEvents(new StoredActOrderStated(PERSON, 1, "grant", Role.APPLICANT, null, STATED_ORDER, AT, SUPERVISOR, null));
        statements().given(ENROLLED, granted, ended).when(statement(2, supervisor(false, null)))
                .expectEvents(new StoredActOrderStated(PERSON, 2, "end", Role.APPLICANT, null, STATED_ORDER, AT, SUPERVISOR, null));
    }

    // ------------------------------------------------------------------ F611 (was O469): a representative naming no company

    @Test
    @DisplayName("002 art. 23.2 (F611, was O469; ADR 0061 item 81): abuse: a supervisor whose own grant names a company ends the role, or "
            + "revokes the certificate, of a representative whose grant names no company (acting for any company, theirs included): refused "
            + "identity.official-represents-the-representatives-company on personId, nothing stored; an official representing no company "
            + "ends it as before")
    void a_representative_naming_no_company_is_tied_to_every_company() {
        CommandMessage<Object> end = SignedCommandContext.message(new EndSignerRole(PERSON, Role.APPLICANT, END_ORDER), supervisor(true, COMPANY));
        PersonEnrolmentTest.fixture().given(ENROLLED, NAMING_NONE).when(end)
                .expectNoEvents().expectException(problem("identity.official-represents-the-representatives-company", "personId"));
        PersonEnrolmentTest.fixture().given(ENROLLED, NAMING_NONE)
                .when(SignedCommandContext.message(new RevokeSignerCertificate(PERSON, null, "key reported lost", REPORT), supervisor(true, COMPANY)))
                .expectNoEvents().expectException(problem("identity.official-represents-the-representatives-company", "personId"));

        PersonEnrolmentTest.fixture().given(ENROLLED, NAMING_NONE)
                .when(SignedCommandContext.message(new EndSignerRole(PERSON, Role.APPLICANT, END_ORDER), supervisor(false, null)))
                .expectEvents(RoleRevoked.onDocument(PERSON, Role.APPLICANT, AT, SUPERVISOR, Person.ROLE_END_GROUND, END_ORDER));
        PersonEnrolmentTest.fixture().given(ENROLLED, NAMING_NONE)
                .when(SignedCommandContext.message(new RevokeSignerCertificate(PERSON, null, "key reported lost", REPORT), supervisor(false, null)))
                .expectEvents(new SignerCertificateRevoked(PERSON, fingerprint(FIRST), AT, SUPERVISOR, "key reported lost", REPORT));
    }

    // ------------------------------------------------------------------ review of session 32: the zone-alone rows' signer

    @Test
    @DisplayName("003 art. 8.2 (ADR 0061 item 83; review of F442/F596): the staff's list of a governor's grants and ends shows the appointment "
            + "and the dismissal recorded on the zone alone naming no decision's document with the Cabinet member who signed them, as the "
            + "zone's record names them (they were listed with no signer)")
    void a_zone_records_act_naming_no_document_is_listed_with_its_signer() {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        PersonId governor = new PersonId("governor-318");
        PersonId otherCabinet = new PersonId("cabinet-2");
        java.time.Instant appointed = T0.plusSeconds(600);
        store.publish(new GenericDomainEventMessage<>("Person", IdentityDirectory.streamOf(governor), 0,
                new PersonEnrolled(governor, "Governor", "a0".repeat(32), "AAAA", T0)));
        store.publish(new GenericDomainEventMessage<>("Person", IdentityDirectory.streamOf(governor), 1,
                new RoleGranted(governor, Role.ZONE_GOVERNOR, "altanbulag", T0, null, "first start")));
        mn.registry.identity.api.ZoneRecordsOfAppointments zones = new mn.registry.identity.api.ZoneRecordsOfAppointments() {
            @Override
            public Set<String> appointmentDocuments(PersonId person, Set<String> inZones) {
                return Set.of();
            }

            @Override
            public java.util.Map<Long, RecordNamingNoDocument> recordsNamingNoDocument(PersonId person, String zone) {
                return java.util.Map.of(4L, new RecordNamingNoDocument("end", appointed.minusSeconds(60), CABINET),
                        5L, new RecordNamingNoDocument("grant", appointed, otherCabinet));
            }
        };
        List<mn.registry.kernel.identity.GrantsAndEndsOfAPerson.GrantOrEnd> listed = new PersonsGrantsAndEnds(store, stream -> java.util.Map.of(),
                zones, order -> Optional.empty()).of(governor).orElseThrow();
        assertThat(listed).filteredOn(g -> g.onTheZonesStream() != null).extracting(g -> g.sequence() + " " + g.act() + " " + g.by())
                .containsExactly("4 end " + CABINET.value(), "5 grant " + otherCabinet.value());
    }
}
