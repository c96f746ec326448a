package mn.registry.freezone.governor;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.CommandLog;
import mn.registry.command.claim.Claimant;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.command.claim.DocumentKind;
import mn.registry.document.DocumentStore;
import mn.registry.freezone.zone.QuarterlyReportSchedule;
import mn.registry.freezone.zone.ZoneDecisionDocuments;
import mn.registry.freezone.zone.ZoneStreamCommands;
import mn.registry.freezone.zone.Zones;
import mn.registry.identity.api.RoleGrants;
import mn.registry.infrastructure.privacy.PersonalDataVault;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.util.unit.DataSize;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Session 25, identity round 7 (abuse audit F400 on): the Cabinet member's decision appointing or dismissing a governor, named by its uploaded
 * document (ADR 0061 item 27, was O226), against a Cabinet member who cites a decision again written otherwise, on a document received after
 * the act, or on another kind of act's document. Beside the governor's acts it judges (package {@code freezone.governor}), not beside
 * IdentityAbuseRound6Test, whose package cannot reach them.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class IdentityAbuseRound7Test {

    private static final ZoneId ALTANBULAG = ZoneId.of("altanbulag");
    private static final ZoneId ZAMYN_UUD = ZoneId.of("zamyn-uud");
    private static final PersonId GOVERNOR = new PersonId("governor-7");
    private static final PersonId CABINET_MEMBER = new PersonId("cabinet-1");
    private static final Instant UPLOADED = Instant.parse("2026-12-01T02:00:00Z");
    private static final Instant AT = Instant.parse("2026-12-01T03:00:00Z");

    private MongoDatabase database;
    private CommandLog commandLog;
    private DocumentStore documents;
    private DocumentClaims claims;
    private EmbeddedEventStore store;
    private final CommandGateway gateway = mock(CommandGateway.class);
    private final List<Object> zoneRecords = new ArrayList<>();
    private final AtomicInteger acts = new AtomicInteger();
    private GovernorAppointmentTypes types;

    @BeforeEach
    void fresh(MongoDatabase database) {
        this.database = database;
        commandLog = new CommandLog(database, Clock.fixed(AT, ZoneOffset.UTC));
        documents = new DocumentStore(database, Clock.fixed(UPLOADED, ZoneOffset.UTC), DataSize.ofMegabytes(1));
        claims = DocumentClaims.backfilled(database, commandLog);
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        String stream = "person-" + GOVERNOR.value();
        store.publish(new GenericDomainEventMessage<>("Person", stream, 0, PersonEnrolled.signed(GOVERNOR, "f0".repeat(32),
                AT.minusSeconds(90_000), new mn.registry.kernel.privacy.EncryptedPersonalData("k", "bm9uY2U=", "c2VhbGVk"), CABINET_MEMBER,
                "e0".repeat(32))));
        // the person's stream as the registry's RoleGrants writes it: each grant and end appended to the governor's stream
        RoleGrants grants = new RoleGrants() {
            @Override
            public void grant(RoleGranted grant) {
                store.publish(new GenericDomainEventMessage<>("Person", stream, nextSequence(stream), grant));
            }

            @Override
            public void revoke(RoleRevoked revocation) {
                store.publish(new GenericDomainEventMessage<>("Person", stream, nextSequence(stream), revocation));
            }
        };
        when(gateway.sendAndWait(any())).thenAnswer(call -> {
            zoneRecords.add(call.getArgument(0));
            return null;
        });
        PersonalDataVault vault = mock(PersonalDataVault.class);
        when(vault.displayName(any())).thenReturn("Ганзориг Батсүх");
        types = new GovernorAppointmentTypes(gateway, grants, mock(Zones.class), store, vault, mock(QuarterlyReportSchedule.class),
                new ZoneDecisionDocuments(documents, claims));
    }

    @AfterEach
    void close() {
        store.shutDown();
    }

    private long nextSequence(String stream) {
        return store.readEvents(stream).asStream().count();
    }

    private List<Object> governorsStream() {
        return store.readEvents("person-" + GOVERNOR.value()).asStream().map(EventMessage::getPayload).map(Object.class::cast).toList();
    }

    /** The Cabinet member's act received at {@link #AT}, its command in the command log (so a claim it left would be held). */
    private CommandContext cabinet() {
        String commandId = "cmd-" + acts.incrementAndGet();
        commandLog.claim(commandId, "cd".repeat(32), "{}", "AppointGovernor", CABINET_MEMBER.value());
        return new CommandContext(commandId, AT, AT, CABINET_MEMBER, Set.of(Role.CABINET_MEMBER), Set.of(), "cd".repeat(32));
    }

    private String decision(String text) {
        return documents.receive(("%PDF-1.4\n" + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8), "application/pdf", "decision.pdf")
                .document().sha256();
    }

    private static void refused(RegistryProblem p, String code, String field) {
        assertThat(p).as(code).isNotNull();
        assertThat(p.code()).isEqualTo(code);
        assertThat(p.field()).isEqualTo(field);
    }

    @Test
    @DisplayName("003 art. 8.2 (abuse audit F400, was O226): the Cabinet member dismisses a governor, or appoints a dismissed governor again, on the "
            + "document of the decision an earlier appointment or dismissal rested on, its reference written otherwise (\"Order No. 2026/94\" for "
            + "\"order 2026/94\"): refused by the document, before anything is revoked, granted or recorded")
    void a_decision_written_otherwise_is_the_same_document() {
        String appointment = decision("Cabinet member's order 2026/94 appointing the governor of Altanbulag");
        types.appoint(new ZoneCommands.AppointGovernor(ALTANBULAG, GOVERNOR, "order 2026/94", appointment), cabinet());
        assertThat(governorsStream()).last().isEqualTo(new RoleGranted(GOVERNOR, Role.ZONE_GOVERNOR, ALTANBULAG.value(), AT, CABINET_MEMBER,
                "order 2026/94", appointment));
        assertThat(zoneRecords).containsExactly(new ZoneStreamCommands.RecordAppointment(ALTANBULAG, GOVERNOR, "Ганзориг Батсүх", "order 2026/94",
                AT, CABINET_MEMBER, appointment));

        RegistryProblem dismissal = catchThrowableOfType(RegistryProblem.class, () -> types.dismiss(new ZoneCommands.DismissGovernor(ALTANBULAG,
                GOVERNOR, "Order No. 2026/94", appointment), cabinet()));
        refused(dismissal, "freezone.governor-decision-used", "decisionSha256");
        assertThat(dismissal.article()).isEqualTo("003 art. 8.2");
        assertThat(governorsStream()).hasSize(2);
        assertThat(zoneRecords).hasSize(1);

        String dismissalOrder = decision("Cabinet member's order 2026/120 dismissing the governor of Altanbulag");
        types.dismiss(new ZoneCommands.DismissGovernor(ALTANBULAG, GOVERNOR, "Order No. 2026/120", dismissalOrder), cabinet());
        assertThat(((RoleRevoked) governorsStream().get(2)).documentSha256()).isEqualTo(dismissalOrder);
        assertThat(zoneRecords).last().isEqualTo(new ZoneStreamCommands.RecordDismissal(ALTANBULAG, GOVERNOR, "Order No. 2026/120", AT,
                CABINET_MEMBER, dismissalOrder));

        // appointed again on the appointment's or the dismissal's document, whatever the reference says
        for (String used : List.of(appointment, dismissalOrder)) {
            refused(catchThrowableOfType(RegistryProblem.class, () -> types.appoint(new ZoneCommands.AppointGovernor(ALTANBULAG, GOVERNOR,
                    "Cabinet decision of 1 December", used), cabinet())), "freezone.governor-decision-used", "decisionSha256");
        }
        assertThat(governorsStream()).hasSize(3);
        assertThat(zoneRecords).hasSize(2);
    }

    @Test
    @DisplayName("003 art. 8.2 (abuse audit F400): one decision moving a governor from one zone to another dismisses in one and appoints in the "
            + "other (per zone, ADR 0061 item 26); and one Cabinet member's order may ground an official's grant too (an identity order)")
    void one_decision_moves_a_governor_between_zones() {
        String move = decision("Cabinet member's order 2026/200 moving the governor");
        types.appoint(new ZoneCommands.AppointGovernor(ALTANBULAG, GOVERNOR, "order 2026/150", decision("order 2026/150")), cabinet());
        types.dismiss(new ZoneCommands.DismissGovernor(ALTANBULAG, GOVERNOR, "order 2026/200", move), cabinet());
        types.appoint(new ZoneCommands.AppointGovernor(ZAMYN_UUD, GOVERNOR, "order 2026/200", move), cabinet());
        assertThat(governorsStream()).hasSize(4);
        assertThat(claims.holder(move)).contains(DocumentKind.IDENTITY_ORDER);
        // the same order's grant of an official's role shares it (the identity acts' kind)
        assertThat(claims.claim(move, DocumentKind.IDENTITY_ORDER, Claimant.NONE, cabinet().commandId(), "documentSha256", "001 art. 23.1.1", AT)).isFalse();
    }

    @Test
    @DisplayName("003 art. 8.2 (abuse audit F400): an appointment or dismissal names its decision's document: none, a malformed hash or one never "
            + "received is refused before anything is granted or recorded")
    void the_decision_is_a_received_document() {
        refused(catchThrowableOfType(RegistryProblem.class, () -> types.appoint(new ZoneCommands.AppointGovernor(ALTANBULAG, GOVERNOR,
                "order 2026/94", null), cabinet())), "freezone.field-missing", "decisionSha256");
        refused(catchThrowableOfType(RegistryProblem.class, () -> types.dismiss(new ZoneCommands.DismissGovernor(ALTANBULAG, GOVERNOR,
                "order 2026/94", "not a hash"), cabinet())), "document.sha256-malformed", "decisionSha256");
        refused(catchThrowableOfType(RegistryProblem.class, () -> types.appoint(new ZoneCommands.AppointGovernor(ALTANBULAG, GOVERNOR,
                "order 2026/94", "ab".repeat(32)), cabinet())), "document.unknown", "decisionSha256");
        assertThat(governorsStream()).hasSize(1);
        assertThat(zoneRecords).isEmpty();
    }

    @Test
    @DisplayName("003 art. 8.2 (abuse audit F400): a decision's document received after the registry received the act (judged at its receipt, "
            + "whatever the signer claims) is refused; nothing is granted, recorded or claimed")
    void a_decision_received_after_the_act_is_refused() {
        DocumentStore later = new DocumentStore(database, Clock.fixed(AT.plusSeconds(60), ZoneOffset.UTC), DataSize.ofMegabytes(1));
        String drawnUpAfter = later.receive("%PDF-1.4\norder 2026/95\n%%EOF\n".getBytes(StandardCharsets.UTF_8), "application/pdf", "d.pdf")
                .document().sha256();
        RegistryProblem p = catchThrowableOfType(RegistryProblem.class, () -> types.appoint(new ZoneCommands.AppointGovernor(ALTANBULAG, GOVERNOR,
                "order 2026/95", drawnUpAfter), cabinet()));
        refused(p, "freezone.governor-decision-received-after-the-act", "decisionSha256");
        assertThat(p.article()).isEqualTo("003 art. 8.2");
        assertThat(governorsStream()).hasSize(1);
        assertThat(zoneRecords).isEmpty();
        assertThat(claims.holder(drawnUpAfter)).isEmpty();
    }

    @Test
    @DisplayName("003 art. 8.2, 6.4 (abuse audit F400; ADR 0057): a document another kind of act holds (the Government decision opening a zone) is "
            + "refused as a governor's decision; a refused appointment leaves its decision's document unclaimed")
    void another_acts_document_is_not_a_governors_decision() {
        String opening = decision("Government decision 2026/7 opening Altanbulag");
        commandLog.claim("open-1", "ef".repeat(32), "{}", "OpenZone", CABINET_MEMBER.value());
        assertThat(claims.claim(opening, DocumentKind.ZONE_DECISION, Claimant.grounding(DocumentClaims.Grounds.ZONE.of(ALTANBULAG.value())), "open-1", "decisionSha256",
                "003 art. 6.4", AT)).isTrue();
        refused(catchThrowableOfType(RegistryProblem.class, () -> types.appoint(new ZoneCommands.AppointGovernor(ALTANBULAG, GOVERNOR,
                "order 2026/7", opening), cabinet())), "document.claimed-by-another-act.zone-decision", "decisionSha256");

        // refused by the stream's rule (the reference of an earlier appointment) after its new document was claimed: the claim is released
        types.appoint(new ZoneCommands.AppointGovernor(ALTANBULAG, GOVERNOR, "order 2026/94", decision("order 2026/94")), cabinet());
        String fresh = decision("order 2026/121");
        refused(catchThrowableOfType(RegistryProblem.class, () -> types.dismiss(new ZoneCommands.DismissGovernor(ALTANBULAG, GOVERNOR,
                "Order 2026/94", fresh), cabinet())), "freezone.governor-decision-used", "decision");
        assertThat(claims.holder(fresh)).isEmpty();
        assertThat(governorsStream()).hasSize(2);
    }

    @Test
    @DisplayName("003 art. 8.2 (abuse audit F401): a governor enrolled with the role at the registry's first start, whose appointment was then "
            + "recorded on the zone alone (the role already held), is not dismissed on that appointment's decision, by its document or its "
            + "reference: the zone's record counts with the governor's stream")
    void an_appointment_recorded_on_the_zone_alone_counts() {
        store.publish(new GenericDomainEventMessage<>("Person", "person-" + GOVERNOR.value(), 1, new RoleGranted(GOVERNOR, Role.ZONE_GOVERNOR,
                ALTANBULAG.value(), AT.minusSeconds(80_000), null, "first start")));
        String appointment = decision("Cabinet member's order 2026/94 on the governor of Altanbulag");
        store.publish(new GenericDomainEventMessage<>("FreeZone", ALTANBULAG.stream(), 0, new mn.registry.kernel.freezone.ZoneEvents.GovernorAppointed(
                ALTANBULAG, GOVERNOR, "Ганзориг Батсүх", "order 2026/94", AT.minusSeconds(70_000), CABINET_MEMBER, appointment)));

        refused(catchThrowableOfType(RegistryProblem.class, () -> types.dismiss(new ZoneCommands.DismissGovernor(ALTANBULAG, GOVERNOR,
                "Order No. 2026/94", appointment), cabinet())), "freezone.governor-decision-used", "decisionSha256");
        refused(catchThrowableOfType(RegistryProblem.class, () -> types.dismiss(new ZoneCommands.DismissGovernor(ALTANBULAG, GOVERNOR,
                "Order 2026/94", decision("a copy of order 2026/94")), cabinet())), "freezone.governor-decision-used", "decision");
        assertThat(governorsStream()).hasSize(2);

        types.dismiss(new ZoneCommands.DismissGovernor(ALTANBULAG, GOVERNOR, "order 2026/120", decision("order 2026/120")), cabinet());
        assertThat(governorsStream()).last().isInstanceOf(RoleRevoked.class);
    }
}
