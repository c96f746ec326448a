package mn.registry.permit.command;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationEvents.ZoneRegistrationApplied;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.*;
import static mn.registry.permit.command.Signed.signed;

/**
 * Session 26's permits round 25 (docs/abuse-audit.md, "Session 26, permits round 25"; ADR 0046 items 107-110): an extension on an old
 * stamp-duty proof (O224), what a transformation ends (O228), a company a reorganisation ended applying again (O235), a Free Zone entity as a
 * company on record (O236). The companies on record and those ended are folded by the registry's own index ({@link CompaniesOnRecord}) from
 * the stored acts each case names, so that a change of the fold shows here; {@code CeasedCompaniesTest} reads them from memory on the
 * registry's event store.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class PermitAbuseRound26Test extends PermitAbuseFixture {

    private static final Company A = Applications.MONGOLIAN;
    private static final Company B = new Company("Transformed Trust JSC", "6400711", true, "Peace Avenue 11, Ulaanbaatar");
    private static final Company C = new Company("Zone Trade LLC", "6400712", true, "Zamyn-Uud, Dornogovi");
    private static final Instant TRANSFORMED_AT = Instant.parse("2025-05-10T02:00:00Z");
    private static final LocalDate TRANSFORMED_ON = UlaanbaatarTime.dateOf(TRANSFORMED_AT);
    /** The record of B's own reorganisation, received after the first transfer. */
    private static final String B_S_RECORD = "7e".repeat(32);
    /** Proofs of the stamp duty (002 art. 27.2), dated by each case. */
    private static final String PROOF = "e1".repeat(32);
    private static final String NEXT_PROOF = "e2".repeat(32);
    private static final String ARTICLE_23_3 = "002 art. 23.3";
    private static final String ARTICLE_27_2 = "002 art. 27.2";

    private EmbeddedEventStore events;

    PermitAbuseRound26Test() {
        super(B_S_RECORD, PROOF, NEXT_PROOF);
    }

    @AfterEach
    void shutDown() {
        if (events != null) {
            events.shutDown();
        }
    }

    /** The index of the companies on record, folded from {@code stored} (other streams' events: one stream each), as the registry folds it. */
    private CompaniesOnRecord indexOf(MongoDatabase database, List<Object> stored) {
        database.getCollection(CompaniesOnRecord.COLLECTION).drop();
        events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        for (int i = 0; i < stored.size(); i++) {
            events.publish(new GenericDomainEventMessage<>("Other", "stream-" + i, 0, stored.get(i)));
        }
        return new CompaniesOnRecord(database, events); // no background catch-up: each question catches up
    }

    /** The index's answer for each company, given to the aggregate's services as the registry's services give it. */
    private void onRecord(CompaniesOnRecord index, Company... companies) {
        for (Company company : companies) {
            index.of(company.registrationNumber()).ifPresent(known -> services.companiesOnRecord.put(company.registrationNumber(), known));
        }
    }

    private static Object transfer(Company successor, Reorganisation form, String evidence, LocalDate reorganisedOn, Instant at) {
        return signed(new TransferPermit(ID, successor, form, evidence, reorganisedOn, SuccessorsRepresentative.of(successor)), SUPERVISOR, at, Role.MINISTRY_SUPERVISOR);
    }

    /** The permit passed from A to B on A's {@code form}, received at {@link #TRANSFORMED_AT}. */
    private static List<Object> passedOn(Reorganisation form) {
        List<Object> events = new ArrayList<>(active());
        events.add(new PermitTransferred(ID, A, B, form, SHA2, TRANSFORMED_AT, SUPERVISOR, TRANSFORMED_ON, null));
        return events;
    }

    // ------------------------------------------------------------------ O224: the stamp-duty proof of this request (002 art. 27.2)

    private static Object extensionRequest(String proof, Instant at) {
        return signed(new RequestPermitExtension(ID, proof), HOLDER, at);
    }

    private ResultValidator<PermitApplication> requested(List<Object> given, String proof, Instant receivedAt, Instant at) {
        services.receivedAt.put(proof, receivedAt);
        return fixture.given(given).when(extensionRequest(proof, at));
    }

    @Test
    @DisplayName("002 art. 27.2 (F410, was O224): the proof of the stamp duty named by an extension request was received before the first day "
            + "this term's request may be made (before the issue; 23:30 the evening before the window opens, in Ulaanbaatar): refused, nothing "
            + "stored; received from the window's first day (00:30 that day) it is this request's")
    void a_stamp_duty_proof_received_before_the_window_pays_for_no_request() {
        // the term ends on 9 December 2029: requests from 10 June 2029 (ADR 0013 §3)
        requested(active(), PROOF, Instant.parse("2024-11-01T02:00:00Z"), REQUEST_ON_TIME)
                .expectException(problem("permit.extension-stamp-duty-proof-before-the-window", "stampDutyProofSha256", ARTICLE_27_2))
                .expectNoEvents();
        requested(active(), PROOF, Instant.parse("2029-06-09T15:30:00Z"), REQUEST_ON_TIME)
                .expectException(problem("permit.extension-stamp-duty-proof-before-the-window", "stampDutyProofSha256", ARTICLE_27_2))
                .expectNoEvents();
        requested(active(), PROOF, Instant.parse("2029-06-09T16:30:00Z"), REQUEST_ON_TIME)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("002 art. 27.2 (F410, was O224): the proof the term's first extension was requested with, named again for the next term's "
            + "extension (its claim released by a refusal, say): received before that term's window, refused, nothing stored; a proof received "
            + "in the window passes")
    void the_proof_of_the_earlier_extension_pays_for_no_second_one() {
        List<Object> extended = new ArrayList<>(active());
        extended.add(new PermitExtensionRequested(ID, PROOF, REQUEST_ON_TIME, LocalDate.of(2029, 9, 10), false, LocalDate.of(2029, 8, 6), HOLDER));
        extended.add(new PermitExtended(ID, VALID_UNTIL, LocalDate.of(2034, 12, 9), Instant.parse("2029-08-05T02:00:00Z"), REVIEWER));
        Instant nextRequest = Instant.parse("2034-08-01T02:00:00Z");
        requested(extended, PROOF, REQUEST_ON_TIME.minusSeconds(86_400), nextRequest)
                .expectException(problem("permit.extension-stamp-duty-proof-before-the-window", "stampDutyProofSha256", ARTICLE_27_2))
                .expectNoEvents();
        requested(extended, NEXT_PROOF, Instant.parse("2034-07-20T02:00:00Z"), nextRequest)
                .expectSuccessfulHandlerExecution();
    }

    // ------------------------------------------------------------------ O228: a transformation ends the predecessor (002 art. 23.3)

    @Test
    @DisplayName("002 art. 23.3 (F411, was O228): A transformed into B (the permit passed to B), then B merged into A, passing the permit back "
            + "to its transformed predecessor: A ceased by the transformation (the index folds it so), refused, nothing stored")
    void a_transformed_predecessor_receives_no_permit_back(MongoDatabase database) {
        List<Object> given = passedOn(Reorganisation.TRANSFORMATION);
        onRecord(indexOf(database, given), A, B);
        Instant back = TRANSFORMED_AT.plusSeconds(30 * 86_400);
        for (Reorganisation form : Reorganisation.values()) {
            fixture.given(given)
                    .when(transfer(A, form, B_S_RECORD, UlaanbaatarTime.dateOf(back), back))
                    .expectException(problem("permit.successor-ceased-by-a-reorganisation", "successor.registrationNumber", ARTICLE_23_3))
                    .expectNoEvents();
        }
    }

    @Test
    @DisplayName("002 art. 23.3 (ADR 0046 item 108): A separated B (the permit passed to B); A is left standing, and B merging into A passes the "
            + "permit back to it; a transfer to the holder's own registration number is refused in every form (a company does not succeed itself)")
    void a_separations_predecessor_receives_a_permit_later_and_no_company_succeeds_itself(MongoDatabase database) {
        List<Object> given = passedOn(Reorganisation.SEPARATION);
        onRecord(indexOf(database, given), A, B);
        Instant back = TRANSFORMED_AT.plusSeconds(30 * 86_400);
        fixture.given(given)
                .when(transfer(A, Reorganisation.MERGER, B_S_RECORD, UlaanbaatarTime.dateOf(back), back))
                .expectEvents(new PermitTransferred(ID, B, A, Reorganisation.MERGER, B_S_RECORD, back, SUPERVISOR, UlaanbaatarTime.dateOf(back), SuccessorsRepresentative.of(A)));
        for (Reorganisation form : Reorganisation.values()) {
            fixture.given(given)
                    .when(transfer(new Company("B under another name", B.registrationNumber(), true, B.address()), form, B_S_RECORD,
                            UlaanbaatarTime.dateOf(back), back))
                    .expectException(problem("permit.transfer-to-same-company", "successor", ARTICLE_23_3))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------------ O235: a company ended applies again (002 art. 23.2, 23.3)

    private Object application(Company company, Instant at) {
        List<SubmittedDocument> submitted = Applications.mandatoryDocuments();
        submitted.forEach(d -> services.received(new DocumentRef(d.kind(), d.sha256(), 100, "application/pdf", at.minusSeconds(600))));
        return SignedCommandContext.message(new ApplyForPermit(company, false, submitted),
                new CommandContext("cmd-apply-" + company.registrationNumber(), at, at, HOLDER, Set.of(Role.APPLICANT), Set.of(), "cd".repeat(32)));
    }

    @Test
    @DisplayName("002 art. 23.2, 23.3 (F412, was O235): a company a merger, a consolidation, a division or a transformation ended (its permit "
            + "passed on) applies for a new permit: refused (409 permit.applicant-ceased-by-a-reorganisation), nothing stored; one a separation "
            + "left, and a company never ended, apply")
    void a_company_a_reorganisation_ended_applies_for_no_permit() {
        Instant at = TRANSFORMED_AT.plusSeconds(60 * 86_400);
        for (Reorganisation form : Arrays.stream(Reorganisation.values()).filter(Reorganisation::endsThePredecessor).toList()) {
            services.companiesCeased.clear();
            CompanyCeased.by(new PermitTransferred(ID, A, B, form, SHA2, TRANSFORMED_AT, SUPERVISOR, TRANSFORMED_ON, null))
                    .ifPresent(ended -> services.companiesCeased.put(ended.registrationNumber(), ended));
            fixture.givenNoPriorActivity()
                    .when(application(A, at))
                    .expectException(problem("permit.applicant-ceased-by-a-reorganisation", "company.registrationNumber", ARTICLE_23_3))
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(application(C, at))
                    .expectSuccessfulHandlerExecution();
        }
        services.companiesCeased.clear();
        CompanyCeased.by(new PermitTransferred(ID, A, B, Reorganisation.SEPARATION, SHA2, TRANSFORMED_AT, SUPERVISOR, TRANSFORMED_ON, null))
                .ifPresent(ended -> services.companiesCeased.put(ended.registrationNumber(), ended));
        fixture.givenNoPriorActivity()
                .when(application(A, at))
                .expectSuccessfulHandlerExecution();
    }

    // ------------------------------------------------------------------ O236: a Free Zone entity on record (002 art. 23.3; 003 art. 12.1)

    /** The application of {@code entity} to register in Zamyn-Uud, received at {@code receivedAt} (003 art. 12.1-12.2). */
    static ZoneRegistrationApplied zoneApplication(LegalEntity entity, Instant receivedAt) {
        RegistrationId id = RegistrationId.of(ZoneId.of("zamyn-uud"), entity);
        return new ZoneRegistrationApplied(id, id.zoneId(), entity, Activity.TRADE, List.of(), receivedAt, UlaanbaatarTime.dateOf(receivedAt)
                .plusDays(7), receivedAt.plusSeconds(7 * 86_400), WorkingDays.of(5), new CalendarVersion("MN-2024.1"), "003 art. 12.2", HOLDER);
    }

    @Test
    @DisplayName("002 art. 23.3, 003 art. 12.1 (F413, was O236): a consolidation passes the permit to a company the registry knew as a Free "
            + "Zone entity (its registration applied for two years before, under the same state registration number): on record before the "
            + "day, refused, nothing stored; a foreign entity's number, or a Mongolian entity's first known on the day itself, is not before")
    void a_company_the_registry_knew_as_a_zone_entity_was_not_created_by_a_consolidation(MongoDatabase database) {
        Instant at = Instant.parse("2025-06-02T02:00:00Z");
        LocalDate consolidatedOn = LocalDate.of(2025, 6, 1);
        LegalEntity zoneEntity = new LegalEntity(C.name(), Jurisdiction.MONGOLIAN, null, C.registrationNumber());
        onRecord(indexOf(database, new ArrayList<>(List.of(zoneApplication(zoneEntity, Instant.parse("2023-05-02T02:00:00Z"))))), C);
        fixture.given(active())
                .when(transfer(C, Reorganisation.CONSOLIDATION, SHA2, consolidatedOn, at))
                .expectException(problem("permit.successor-on-record-before-the-reorganisation", "successor.registrationNumber", ARTICLE_23_3))
                .expectNoEvents();

        services.companiesOnRecord.clear();
        LegalEntity foreign = new LegalEntity("Zone Trade GmbH", Jurisdiction.FOREIGN, "DE", C.registrationNumber());
        onRecord(indexOf(database, new ArrayList<>(List.of(zoneApplication(foreign, Instant.parse("2023-05-02T02:00:00Z")),
                zoneApplication(zoneEntity, Instant.parse("2025-05-31T16:30:00Z"))))), C); // 00:30 on 1 June in Ulaanbaatar
        fixture.given(active())
                .when(transfer(C, Reorganisation.CONSOLIDATION, SHA2, consolidatedOn, at))
                .expectEvents(new PermitTransferred(ID, A, C, Reorganisation.CONSOLIDATION, SHA2, at, SUPERVISOR, consolidatedOn, SuccessorsRepresentative.of(C)));
    }
}
