package mn.registry.permit.command;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import org.axonframework.commandhandling.CommandMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static mn.registry.permit.command.PermitAbuseRound21Test.with;
import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 30's "the ministry's own people" (docs/abuse-audit.md, "Session 30, the ministry's own people"; ADR 0046 items 150-151, F546,
 * was O393): an official whose grant of the applicant's role in force at the registry's receipt names the holder's company (the applicant
 * before the issue, the successor after a transfer) decides and acts on none of its permit's acts for the ministry (002 art. 23.2;
 * 001 art. 23.1.1), 403 {@code permit.official-represents-the-holder}, nothing stored.
 */
@org.junit.jupiter.api.extension.ExtendWith(mn.registry.store.testing.EmbeddedMongoExtension.class)
class PermitAbuseRound32Test extends PermitAbuseFixture {

    private static final String OWN = Applications.MONGOLIAN.registrationNumber();
    private static final String REFUSED_ON = OfficialActsForTheHolder.ARTICLE + "; ";
    private static final Company SUCCESSOR = new Company("Orkhon Delgerekh LLC", "6400832", true, "Ulaanbaatar, Khan-Uul district");
    private static final Instant TRANSFERRED_AT = Instant.parse("2025-03-20T02:00:00Z");
    private static final Instant INSPECTED_AT = Instant.parse("2025-04-02T02:00:00Z");

    /** The body signed by {@code by} holding {@code role}, whose grant of the applicant's role in force at {@code at} names {@code company}. */
    static CommandMessage<Object> representing(Object body, PersonId by, Instant at, String company, Role... roles) {
        return SignedCommandContext.message(body, new CommandContext("command-" + by.value() + "-" + at, at, at, by, Set.of(roles), Set.of(),
                Signed.JWS_SHA256, company));
    }

    private static Object inspection(PersonId by, String company) {
        return representing(new RecordPermitInspection(ID, LocalDate.of(2025, 4, 1), SHA2, false), by, INSPECTED_AT, company,
                Role.COMMUNICATIONS_INSPECTOR);
    }

    private static List<Object> transferred() {
        return with(active(), new PermitTransferred(ID, Applications.MONGOLIAN, SUCCESSOR, Reorganisation.MERGER, SHA2, TRANSFERRED_AT, SUPERVISOR,
                UlaanbaatarTime.dateOf(TRANSFERRED_AT), SuccessorsRepresentative.of(SUCCESSOR)));
    }

    @Test
    @DisplayName("002 art. 23.2, 26.2.2; 001 art. 23.1.1 (F546, was O393; ADR 0046 item 150): abuse: a reviewer also enrolled as the "
            + "applicant company's representative (their grant in force at the receipt names it) approves or refuses its application, "
            + "records its insurance, or an inspector so enrolled inspects its permit: refused 403 permit.official-represents-the-holder on "
            + "applicationId, nothing stored")
    void an_official_representing_the_applicant_company_decides_nothing_of_its_permit() {
        fixture.given(registered())
                .when(representing(new ApprovePermitApplication(ID), REVIEWER, APPROVED_AT, OWN, Role.MINISTRY_REVIEWER))
                .expectException(problem(OfficialActsForTheHolder.CODE, "applicationId", REFUSED_ON + "002 art. 26.2.2"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(registered())
                .when(representing(new RefusePermitApplication(ID, List.of(new RefusalReason(PermitRequirement.values()[0], "missing"))),
                        REVIEWER, APPROVED_AT, OWN, Role.MINISTRY_REVIEWER))
                .expectException(problem(OfficialActsForTheHolder.CODE, "applicationId", REFUSED_ON + "002 art. 26.3"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(active())
                .when(inspection(INSPECTOR, OWN))
                .expectException(problem(OfficialActsForTheHolder.CODE, "applicationId", REFUSED_ON + "002 art. 31.1.7"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 23.2, 26.2.2; 001 art. 23.1.1 (held, F546; ADR 0046 item 150): a reviewer whose grant names another company "
            + "(6009876) approves the application: recorded")
    void a_grant_naming_another_company_does_not_bar_the_decision() {
        fixture.given(registered())
                .when(representing(new ApprovePermitApplication(ID), REVIEWER, APPROVED_AT, "6009876", Role.MINISTRY_REVIEWER))
                .expectEvents(new PermitApplicationApproved(ID, MINIMUM, APPROVED_AT, REVIEWER, "002 art. 26.2.2"));
    }

    @Test
    @DisplayName("002 art. 23.2, 26.2.2; 001 art. 23.1.1 (held, F546; ADR 0046 item 150): a reviewer whose grant naming the applicant "
            + "company ended before the registry's receipt, folded as the registry folds the signer, names nothing: the approval recorded")
    void a_grant_ended_before_the_receipt_does_not_bar_the_decision(com.mongodb.client.MongoDatabase database) {
        org.axonframework.eventsourcing.eventstore.EmbeddedEventStore events = org.axonframework.eventsourcing.eventstore.EmbeddedEventStore
                .builder().storageEngine(new org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine()).build();
        try {
            String certificate = "ab".repeat(32);
            Instant enrolled = APPROVED_AT.minusSeconds(86_400 * 30);
            Object[] stream = {new mn.registry.kernel.identity.PersonEnrolled(REVIEWER, "Reviewer, once a representative", certificate, "AAAA", enrolled),
                    new mn.registry.kernel.identity.RoleGranted(REVIEWER, Role.MINISTRY_REVIEWER, null, enrolled, SUPERVISOR, "appointment",
                            "0c".repeat(32), null),
                    new mn.registry.kernel.identity.RoleGranted(REVIEWER, Role.APPLICANT, null, enrolled, SUPERVISOR, "enrolment", "0d".repeat(32), OWN),
                    new mn.registry.kernel.identity.RoleRevoked(REVIEWER, Role.APPLICANT, null, APPROVED_AT.minusSeconds(60), SUPERVISOR, "power withdrawn")};
            for (int i = 0; i < stream.length; i++) {
                events.publish(new org.axonframework.eventhandling.GenericDomainEventMessage<>("Person",
                        mn.registry.infrastructure.identity.IdentityDirectory.streamOf(REVIEWER), i, stream[i]));
            }
            String company = new mn.registry.infrastructure.identity.IdentityDirectory(events,
                    new mn.registry.infrastructure.privacy.PersonalDataVault(database, java.time.Clock.systemUTC()))
                    .signerAt(REVIEWER, certificate, APPROVED_AT).orElseThrow().actor().company();
            assertThat(company).as("the grant naming the applicant company ended before the receipt").isNull();
            fixture.given(registered())
                    .when(representing(new ApprovePermitApplication(ID), REVIEWER, APPROVED_AT, company, Role.MINISTRY_REVIEWER))
                    .expectEvents(new PermitApplicationApproved(ID, MINIMUM, APPROVED_AT, REVIEWER, "002 art. 26.2.2"));
        } finally {
            events.shutDown();
        }
    }

    @Test
    @DisplayName("002 art. 23.2, 23.3, 31.1.7; 001 art. 23.1.1 (F546; ADR 0046 item 150): abuse: after a transfer, an inspector whose "
            + "grant names the successor inspects the permit: refused 403 permit.official-represents-the-holder, nothing stored; one whose "
            + "grant names the predecessor (no longer the holder): recorded")
    void after_a_transfer_the_successors_representative_does_not_act_for_the_ministry() {
        fixture.given(transferred())
                .when(inspection(INSPECTOR, SUCCESSOR.registrationNumber()))
                .expectException(problem(OfficialActsForTheHolder.CODE, "applicationId", REFUSED_ON + "002 art. 31.1.7"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(transferred())
                .when(inspection(INSPECTOR, OWN))
                .expectSuccessfulHandlerExecution();
    }

    private static final PersonId NEW_REPRESENTATIVE = new PersonId("applicant-holder-complaint");
    private static final String POWER = "5d".repeat(32);
    /** {@link PermitLifecycleTest#revoked}'s revocation is received on 2025-06-01; its complaint period (30 days) ends on 2025-07-01. */
    private static final Instant IN_THE_PERIOD = Instant.parse("2025-06-20T02:00:00Z");
    private static final Instant AFTER_THE_PERIOD = Instant.parse("2025-07-02T02:00:00Z");

    private Object naming(Instant at) {
        services.otherDocuments.add(POWER);
        services.representativeGrants.add(new mn.registry.kernel.identity.RoleGranted(NEW_REPRESENTATIVE, Role.APPLICANT, null,
                Instant.parse("2025-06-02T02:00:00Z"), SUPERVISOR, "power of representation", POWER, OWN));
        return Signed.signed(new NameHolderRepresentative(ID, NEW_REPRESENTATIVE, POWER), SUPERVISOR, at, Role.MINISTRY_SUPERVISOR);
    }

    @Test
    @DisplayName("002 art. 23.2, 29.6; 001 art. 23.1.1 (F547, was O370; ADR 0046 item 152): the supervisor names the holder's new "
            + "representative on a permit revoked on false documents while its complaint period runs at the receipt, and while its complaint "
            + "is pending after it: named, the new representative files the complaint")
    void the_holders_representative_is_named_while_the_complaint_may_be_filed_or_is_pending() {
        fixture.given(revoked(RevocationGround.FALSE_DOCUMENTS))
                .when(naming(IN_THE_PERIOD))
                .expectEvents(new HolderRepresentativeNamed(ID, NEW_REPRESENTATIVE, POWER, IN_THE_PERIOD));
        fixture = Signed.fixture(services);
        fixture.given(with(revoked(RevocationGround.FALSE_DOCUMENTS), new HolderRepresentativeNamed(ID, NEW_REPRESENTATIVE, POWER, IN_THE_PERIOD)))
                .when(Signed.signed(new FileRevocationComplaint(ID, SHA2), NEW_REPRESENTATIVE, IN_THE_PERIOD.plusSeconds(3_600), Role.APPLICANT))
                .expectEvents(new RevocationComplaintFiled(ID, SHA2, IN_THE_PERIOD.plusSeconds(3_600), NEW_REPRESENTATIVE));
        fixture = Signed.fixture(services);
        fixture.given(with(revoked(RevocationGround.FALSE_DOCUMENTS), new RevocationComplaintFiled(ID, SHA2, IN_THE_PERIOD, HOLDER)))
                .when(naming(AFTER_THE_PERIOD))
                .expectEvents(new HolderRepresentativeNamed(ID, NEW_REPRESENTATIVE, POWER, AFTER_THE_PERIOD));
    }

    @Test
    @DisplayName("002 art. 23.2, 29.6; 001 art. 23.1.1 (F547; ADR 0046 item 152): abuse: the supervisor names the holder's representative on "
            + "a revoked permit after its complaint period with no complaint filed, or on one revoked at the holder's own request (29.1.1, "
            + "no complaint lies), or after the complaint was decided: refused 409 permit.wrong-state, nothing stored")
    void no_representative_is_named_once_the_holder_may_no_longer_complain() {
        fixture.given(revoked(RevocationGround.FALSE_DOCUMENTS))
                .when(naming(AFTER_THE_PERIOD))
                .expectException(problem("permit.wrong-state", null, "002 art. 23.2; 001 art. 23.1.1"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(revoked(RevocationGround.HOLDER_REQUEST))
                .when(naming(IN_THE_PERIOD))
                .expectException(problem("permit.wrong-state", null, "002 art. 23.2; 001 art. 23.1.1"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(with(revoked(RevocationGround.FALSE_DOCUMENTS), new RevocationComplaintFiled(ID, SHA2, IN_THE_PERIOD, HOLDER),
                        new RevocationComplaintDecided(ID, false, SHA2, IN_THE_PERIOD.plusSeconds(86_400), SUPERVISOR_2,
                                VALID_UNTIL, RevocationComplaintDecided.ARTICLE)))
                .when(naming(IN_THE_PERIOD.plusSeconds(2 * 86_400)))
                .expectException(problem("permit.wrong-state", null, "002 art. 23.2; 001 art. 23.1.1"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 23.2; 001 art. 23.1.1 (F548, was O369; ADR 0046 item 153): the command side's answer to the desk says when the "
            + "holder's representative no longer holds the company representative's role for the holder now (none, or a grant naming another "
            + "company), and not while their grant names the holder")
    void the_answer_says_when_the_holders_representative_no_longer_acts() {
        Instant now = Instant.parse("2025-04-02T02:00:00Z");
        assertThat(answer(active(), now).representativeNoLongerActs()).as("no grant in force").isTrue();
        services.representativeGrants.add(new mn.registry.kernel.identity.RoleGranted(HOLDER, Role.APPLICANT, null, now.minusSeconds(86_400),
                SUPERVISOR, "power of representation", POWER, "6009876"));
        assertThat(answer(active(), now).representativeNoLongerActs()).as("a grant naming another company").isTrue();
        services.representativeGrants.clear();
        services.representativeGrants.add(new mn.registry.kernel.identity.RoleGranted(HOLDER, Role.APPLICANT, null, now.minusSeconds(86_400),
                SUPERVISOR, "power of representation", POWER, OWN));
        assertThat(answer(active(), now).representativeNoLongerActs()).as("a grant naming the holder").isFalse();
        assertThat(answer(revoked(RevocationGround.FALSE_DOCUMENTS), now).representativeNoLongerActs()).as("not in force: not asked").isFalse();
    }
}
