package mn.registry.freezone.governor;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandType;
import mn.registry.document.DocumentStore;
import mn.registry.freezone.report.RegistryQuarterlyReport;
import mn.registry.freezone.zone.QuarterlyReportSchedule;
import mn.registry.freezone.zone.Zones;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneCommand;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/** 003 art. 8.2, 8.7: every governor command, each with a body for zone Altanbulag, refused to anyone not governing Altanbulag at signing time. */
class GovernorAuthorityTest {

    static final ZoneId ALTANBULAG = ZoneId.of("altanbulag");
    static final RegistrationId REGISTRATION = RegistrationId.of(ALTANBULAG, new LegalEntity("Selenge Trade LLC", Jurisdiction.MONGOLIAN, null, "6001234"));
    static final Instant SIGNED = Instant.parse("2026-12-01T03:00:00Z");

    /** A body for Altanbulag for every governor command; a new governor command without one fails the coverage test below. */
    static final Map<String, ZoneCommand> BODIES = Map.ofEntries(
            Map.entry("RegisterEntity", new RegistrationCommands.RegisterEntity(REGISTRATION)),
            Map.entry("RejectZoneRegistration", new RegistrationCommands.RejectZoneRegistration(REGISTRATION, List.of("incomplete"))),
            Map.entry("RecordInvestmentAgreement", new RegistrationCommands.RecordInvestmentAgreement(REGISTRATION, LocalDate.of(2026, 12, 1),
                    LocalDate.of(2036, 12, 1), Money.mnt(1_000_000), true, "1".repeat(64))),
            Map.entry("RecordOperationsStarted", new RegistrationCommands.RecordOperationsStarted(REGISTRATION, LocalDate.of(2027, 1, 5), "3".repeat(64))),
            Map.entry("RecordOperationsInterrupted", new RegistrationCommands.RecordOperationsInterrupted(REGISTRATION, LocalDate.of(2027, 6, 5), "4".repeat(64))),
            Map.entry("RecordOperationsResumed", new RegistrationCommands.RecordOperationsResumed(REGISTRATION, LocalDate.of(2027, 7, 5), "5".repeat(64))),
            Map.entry("RecordCourtDecision", new RegistrationCommands.RecordCourtDecision(REGISTRATION, "court 1", LocalDate.of(2027, 7, 5), false, "2".repeat(64))),
            Map.entry("DeclineCourtDecisionRecording", new RegistrationCommands.DeclineCourtDecisionRecording(REGISTRATION, "under appeal", "3".repeat(64))),
            Map.entry("DeregisterEntity", new RegistrationCommands.DeregisterEntity(REGISTRATION, DeregistrationGround.COURT_DECISION, "dissolved")),
            Map.entry("GrantLandRights", new LandCommands.GrantLandRights(ALTANBULAG, REGISTRATION, "p", GeoPolygon.of(106.41, 50.31, 106.42, 50.31, 106.42, 50.32),
                    "warehouse", LocalDate.of(2027, 1, 1), LocalDate.of(2030, 1, 1), LandCommands.AllocationMethod.AUCTION, Money.mnt(5), "d",
                    LandApplicationId.of(ALTANBULAG, 1))),
            Map.entry("RecordLandSelectionResult", new LandCommands.RecordLandSelectionResult(ALTANBULAG, LandApplicationId.of(ALTANBULAG, 1),
                    Money.mnt(5), "ab".repeat(32))),
            Map.entry("AnnulLandSelectionResult", new LandCommands.AnnulLandSelectionResult(ALTANBULAG, LandApplicationId.of(ALTANBULAG, 1),
                    "recorded on the wrong application")),
            Map.entry("RefuseLandUse", new LandCommands.RefuseLandUse(ALTANBULAG, LandApplicationId.of(ALTANBULAG, 1), List.of("reserved parcel"))),
            Map.entry("RecordLandFeePaid", new LandCommands.RecordLandFeePaid(ALTANBULAG, LandLicenceId.of(ALTANBULAG, 1), Money.mnt(5), "r", "ab".repeat(32))),
            Map.entry("SignQuarterlyReport", new ZoneCommands.SignQuarterlyReport(ALTANBULAG, 2026, 4, "ab".repeat(32))));

    private static AnnotationConfigApplicationContext context;
    private static CommandGateway gateway;
    private static Zones zones;

    @BeforeAll
    static void beans() throws ClassNotFoundException {
        gateway = mock(CommandGateway.class);
        zones = mock(Zones.class);
        context = new AnnotationConfigApplicationContext();
        context.registerBean(CommandGateway.class, () -> gateway);
        context.registerBean(Zones.class, () -> zones);
        context.registerBean(CurrentCalendar.class, () -> mock(CurrentCalendar.class));
        context.registerBean(DocumentStore.class, () -> mock(DocumentStore.class));
        context.registerBean(org.axonframework.eventsourcing.eventstore.EventStore.class, () -> mock(org.axonframework.eventsourcing.eventstore.EventStore.class));
        context.registerBean(RegistryQuarterlyReport.class, () -> mock(RegistryQuarterlyReport.class));
        context.registerBean(QuarterlyReportSchedule.class, () -> mock(QuarterlyReportSchedule.class));
        // ADR 0035 item 8: the registry-wide claim of an act's document (taken only after the zone check)
        context.registerBean(com.mongodb.client.MongoDatabase.class, () -> mock(com.mongodb.client.MongoDatabase.class));
        context.registerBean(mn.registry.command.api.CommandLog.class, () -> mock(mn.registry.command.api.CommandLog.class));
        // ADR 0057: the claim across kinds of act, checked before each kind's own
        context.registerBean(mn.registry.command.claim.DocumentClaims.class, () -> mn.registry.command.claim.DocumentClaims.backfilled(
                context.getBean(com.mongodb.client.MongoDatabase.class), context.getBean(mn.registry.command.api.CommandLog.class)));
        context.registerBean(Class.forName("mn.registry.freezone.entity.ActDocumentClaims"));
        context.registerBean(Class.forName("mn.registry.freezone.land.LandFeeReceiptClaims"));
        // ADR 0035 item 40: the zone's dated acts one at a time (the agreement's key, taken only after the zone check)
        context.registerBean(mn.registry.freezone.zone.ZoneDating.class);
        for (String config : List.of("mn.registry.freezone.entity.RegistrationCommandTypes", "mn.registry.freezone.land.LandCommandTypes",
                "mn.registry.freezone.report.QuarterlyReportTypes")) {
            context.registerBean(Class.forName(config));
        }
        context.refresh();
    }

    @AfterAll
    static void close() {
        context.close();
    }

    private static Map<String, GovernorCommandType<?>> governorTypes() {
        return context.getBeansOfType(SignedCommandType.class).values().stream().filter(GovernorCommandType.class::isInstance)
                .map(t -> (GovernorCommandType<?>) t).collect(Collectors.toMap(SignedCommandType::type, t -> t, (a, b) -> a, TreeMap::new));
    }

    private static CommandContext signedBy(Set<Role> roles, Set<String> zones) {
        return new CommandContext("cmd-1", SIGNED, SIGNED.plusSeconds(1), new PersonId("governor-zamyn-uud"), roles, zones, "cd".repeat(32));
    }

    @SuppressWarnings("unchecked")
    private static RegistryProblem refusal(GovernorCommandType<?> type, CommandContext context) {
        ZoneCommand body = BODIES.get(type.type());
        assertThat(type.bodyType()).as(type.type()).isInstanceOf(Class.class);
        assertThat(type.bodyType().isInstance(body)).as(type.type() + " body").isTrue();
        return catchThrowableOfType(RegistryProblem.class, () -> ((GovernorCommandType<ZoneCommand>) type).handle(body, context));
    }

    @Test
    @DisplayName("003 art. 8.7: every governor command has a zone-authority case here and only governors may sign it")
    void every_governor_command_is_covered() {
        assertThat(governorTypes().keySet()).isEqualTo(new java.util.TreeSet<>(BODIES.keySet()));
        governorTypes().values().forEach(t -> assertThat(t.allowedRoles()).isEqualTo(Set.of(Role.ZONE_GOVERNOR)));
    }

    @Test
    @DisplayName("003 art. 8.7: a governor of another zone is refused 403 for each governor command, before anything is sent")
    void governor_of_another_zone_is_refused_for_each_command() {
        governorTypes().forEach((name, type) -> {
            RegistryProblem problem = refusal(type, signedBy(Set.of(Role.ZONE_GOVERNOR), Set.of("zamyn-uud")));
            assertThat(problem).as(name).isNotNull();
            assertThat(problem.kind()).as(name).isEqualTo(RegistryProblem.Kind.FORBIDDEN);
            assertThat(problem.code()).as(name).isEqualTo("freezone.governor-outside-zone");
            assertThat(problem.article()).as(name).isEqualTo("003 art. 8.2, 8.7");
        });
        verifyNoInteractions(gateway, zones);
    }

    @Test
    @DisplayName("003 art. 8.2: a signer whose tenure has ended is refused 403 for each governor command, before anything is sent")
    void dismissed_governor_is_refused_for_each_command() {
        governorTypes().forEach((name, type) -> {
            RegistryProblem problem = refusal(type, signedBy(Set.of(Role.APPLICANT), Set.of()));
            assertThat(problem).as(name).isNotNull();
            assertThat(problem.kind()).as(name).isEqualTo(RegistryProblem.Kind.FORBIDDEN);
            assertThat(problem.code()).as(name).isEqualTo("freezone.governor-not-in-tenure");
        });
        verifyNoInteractions(gateway, zones);
    }
}
