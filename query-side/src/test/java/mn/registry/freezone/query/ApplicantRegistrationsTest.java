package mn.registry.freezone.query;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoDatabase;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.infrastructure.identity.Actor;
import mn.registry.infrastructure.session.Sessions;
import mn.registry.infrastructure.web.ProblemResponses;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A Free Zone entity's applicant reads its own registration (ADR 0013 §5; 003 art. 12.1-12.2, 12.5, 22.2), and nobody else does. */
@ExtendWith(EmbeddedMongoExtension.class)
class ApplicantRegistrationsTest {

    static final PersonId APPLICANT = GovernorDeskTest.APPLICANT;
    static final PersonId OTHER_APPLICANT = new PersonId("applicant-2");
    static final PersonId GOVERNOR = GovernorDeskTest.GOVERNOR;
    static final LocalDate RECEIVED_ON = LocalDate.of(2026, 11, 20);
    static final RegistrationEvents.ZoneRegistrationApplied APPLIED = GovernorDeskTest.applied(GovernorDeskTest.GOBI, Activity.TRADE, RECEIVED_ON,
            LocalDate.of(2026, 11, 27));
    static final RegistrationId ID = APPLIED.registrationId();
    static final String REASON = "the charter submitted is not notarised";
    static final Instant REJECTED_AT = Instant.parse("2026-11-24T17:15:00Z");

    private RegistrationFeed feed;
    private ApplicantRegistrations registrations;

    @BeforeEach
    void fresh(MongoDatabase database) {
        feed = new RegistrationFeed(database);
        registrations = feed.registrations;
        deliver(APPLIED, APPLICANT);
        deliver(new RegistrationEvents.ZoneRegistrationRejected(ID, List.of(REASON), REJECTED_AT, GOVERNOR), GOVERNOR);
    }

    private GenericDomainEventMessage<Object> deliver(Object event, PersonId signer) {
        return feed.deliver(ID, event, signer);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> page, String key) {
        return (List<Map<String, Object>>) page.get(key);
    }

    @Test
    @DisplayName("003 art. 12.2: the person who signed the entity's application reads the rejection with its reasons, dated in UTC and in Ulaanbaatar")
    void applicant_reads_the_rejection_with_its_reasons() {
        Map<String, Object> page = registrations.forApplicant(ID.value(), APPLICANT).orElseThrow();

        assertThat(page.get("status")).isEqualTo("REJECTED");
        assertThat(page.get("receivedAt")).isEqualTo("2026-11-20T01:00:00Z");
        assertThat(page.get("receivedAtUlaanbaatar")).isEqualTo("2026-11-20T09:00+08:00");
        assertThat(page.get("rejection").toString()).contains(REASON).contains("2026-11-25T01:15+08:00");
        assertThat(list(page, "decisions")).singleElement().satisfies(d -> {
            assertThat(d.get("type")).isEqualTo("ZoneRegistrationRejected");
            assertThat(d.get("at")).isEqualTo(REJECTED_AT.toString());
            assertThat(d.get("atUlaanbaatar")).isEqualTo("2026-11-25T01:15+08:00");
            assertThat(d.get("signedBy")).isEqualTo(GOVERNOR.value());
            assertThat(d.get("content").toString()).contains(REASON);
        });
        assertThat(registrations.ofApplicant(APPLICANT)).singleElement().satisfies(row -> {
            assertThat(row.get("registrationId")).isEqualTo(ID.value());
            assertThat(row.get("entityName")).isEqualTo("Gobi Trade LLC");
            assertThat(row.get("status")).isEqualTo("REJECTED");
            assertThat(row.get("receivedAtUlaanbaatar")).isEqualTo("2026-11-20T09:00+08:00");
        });
    }

    @Test
    @DisplayName("003 art. 12.2, 12.5, 22.2: a new round is registered with its certificate, land refused with reasons, deregistered on its ground; each told")
    void applicant_reads_registration_land_and_deregistration() {
        LocalDate again = LocalDate.of(2026, 12, 1);
        deliver(GovernorDeskTest.applied(GovernorDeskTest.GOBI, Activity.TRADE, again, LocalDate.of(2026, 12, 8)), APPLICANT);
        deliver(GovernorDeskTest.registered(GovernorDeskTest.GOBI, Activity.TRADE, again), GOVERNOR);
        LandApplicationId land = new LandApplicationId("zamyn-uud-A7");
        Instant landAppliedAt = Instant.parse("2026-12-02T03:00:00Z");
        deliver(new LandEvents.LandUseApplied(GovernorDeskTest.ZONE, land, ID, "Lot 7", null, new java.math.BigDecimal("1.5"), "warehouse",
                LocalDate.of(2027, 1, 1), LocalDate.of(2036, 12, 31), mn.registry.kernel.freezone.LandCommands.AllocationMethod.TENDER,
                landAppliedAt, APPLICANT), APPLICANT);
        deliver(new LandEvents.LandUseRefused(GovernorDeskTest.ZONE, land, ID, List.of("Lot 7 is reserved for the customs yard"), "003 art. 22.2",
                Instant.parse("2026-12-03T04:00:00Z"), GOVERNOR), GOVERNOR);
        Instant deregisteredAt = Instant.parse("2027-12-10T02:00:00Z");
        deliver(new RegistrationEvents.EntityDeregistered(ID, GovernorDeskTest.ZONE, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR,
                DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR.article(), "operations never started", deregisteredAt, true, false, GOVERNOR), GOVERNOR);

        Map<String, Object> page = registrations.forApplicant(ID.value(), APPLICANT).orElseThrow();
        assertThat(page.get("status")).isEqualTo("DEREGISTERED");
        assertThat(page.get("certificateNumber")).isEqualTo("ZAMYN-UUD/2026/" + GovernorDeskTest.GOBI.key());
        assertThat(page).doesNotContainKey("rejection");
        assertThat(page.get("deregistration").toString()).contains(DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR.name())
                .contains(DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR.article()).contains("operations never started");
        assertThat(list(page, "applications")).hasSize(2);
        assertThat(list(page, "landApplications")).singleElement().satisfies(l -> {
            assertThat(l.get("parcelName")).isEqualTo("Lot 7");
            assertThat(l.get("status")).isEqualTo("REFUSED");
            assertThat(l.get("reasons").toString()).contains("customs yard");
            assertThat(l.get("receivedAtUlaanbaatar")).isEqualTo("2026-12-02T11:00+08:00");
        });
        assertThat(list(page, "decisions")).extracting(d -> d.get("type")).containsExactly("ZoneRegistrationRejected", "EntityRegistered",
                "LandUseRefused", "EntityDeregistered");
    }

    @Test
    @DisplayName("003 art. 12.1-12.2 (abuse): another applicant, the governor who decided, and an unknown id read nothing; the two are not told apart")
    void nobody_else_reads_the_registration() {
        assertThat(registrations.forApplicant(ID.value(), OTHER_APPLICANT)).isEmpty();
        assertThat(registrations.ofApplicant(OTHER_APPLICANT)).isEmpty();
        assertThat(registrations.forApplicant(ID.value(), GOVERNOR)).as("the governor who decided is not its applicant").isEmpty();
        assertThat(registrations.forApplicant("zamyn-uud:mn-0000000", APPLICANT)).isEmpty();
    }

    @Test
    @DisplayName("003 art. 12.1-12.2 (abuse): whoever applies in the company's name after its rejection reads its own round only, not the earlier reasons")
    void a_later_applicant_reads_only_its_own_round() {
        LocalDate again = LocalDate.of(2026, 12, 1);
        RegistrationEvents.ZoneRegistrationApplied second = GovernorDeskTest.applied(GovernorDeskTest.GOBI, Activity.TRADE, again,
                LocalDate.of(2026, 12, 8));
        deliver(new RegistrationEvents.ZoneRegistrationApplied(second.registrationId(), second.zoneId(), second.entity(), second.activity(),
                second.documents(), second.receivedAt(), second.reviewDue(), second.reviewDueAt(), second.workingDays(), second.calendarVersion(),
                second.article(), OTHER_APPLICANT), OTHER_APPLICANT);
        deliver(GovernorDeskTest.registered(GovernorDeskTest.GOBI, Activity.TRADE, again), GOVERNOR);

        Map<String, Object> later = registrations.forApplicant(ID.value(), OTHER_APPLICANT).orElseThrow();
        assertThat(later.get("status")).isEqualTo("REGISTERED");
        assertThat(later.toString()).doesNotContain(REASON).doesNotContain(APPLICANT.value());
        assertThat(list(later, "applications")).singleElement().satisfies(a -> assertThat(a.get("signedBy")).isEqualTo(OTHER_APPLICANT.value()));
        assertThat(list(later, "decisions")).extracting(d -> d.get("type")).containsExactly("EntityRegistered");

        Map<String, Object> earlier = registrations.forApplicant(ID.value(), APPLICANT).orElseThrow();
        assertThat(earlier.get("status")).as("the first applicant's round ended in the rejection").isEqualTo("REJECTED");
        assertThat(earlier.toString()).contains(REASON).doesNotContain(OTHER_APPLICANT.value()).doesNotContain("ZAMYN-UUD/2026");
        assertThat(registrations.ofApplicant(APPLICANT)).singleElement().satisfies(row -> assertThat(row.get("status")).isEqualTo("REJECTED"));
        assertThat(registrations.ofApplicant(OTHER_APPLICANT)).singleElement().satisfies(row -> {
            assertThat(row.get("status")).isEqualTo("REGISTERED");
            assertThat(row.get("certificateNumber")).isEqualTo("ZAMYN-UUD/2026/" + GovernorDeskTest.GOBI.key());
        });
    }

    @Test
    @DisplayName("003 art. 12.2: an event delivered again adds nothing to what the applicant is told")
    void redelivery_changes_nothing() {
        GenericDomainEventMessage<Object> refused = new GenericDomainEventMessage<>("ZoneRegistration", ID.value(), 5,
                new RegistrationEvents.ZoneRegistrationRejected(ID, List.of("late"), REJECTED_AT.plusSeconds(60), GOVERNOR), MetaData.with("signedBy", "x"));
        feed.projection.on(refused.getPayload(), refused);
        feed.projection.on(refused.getPayload(), refused);
        Map<String, Object> page = registrations.forApplicant(ID.value(), APPLICANT).orElseThrow();
        assertThat(list(page, "decisions")).hasSize(2);
    }

    @Test
    @DisplayName("003 art. 12.1-12.2: over the API the applicant's session reads its registration; another applicant and staff get 403 with nothing of it")
    void api_gives_the_registration_to_its_applicant_only() throws Exception {
        Sessions sessions = mock(Sessions.class);
        when(sessions.require("Bearer mine", Role.APPLICANT)).thenReturn(new Actor(APPLICANT, "Applicant", Set.of(Role.APPLICANT), Set.of()));
        when(sessions.require("Bearer other", Role.APPLICANT)).thenReturn(new Actor(OTHER_APPLICANT, "Other", Set.of(Role.APPLICANT), Set.of()));
        when(sessions.require("Bearer governor", Role.APPLICANT)).thenThrow(RegistryProblem.forbidden("signer.role-missing",
                GOVERNOR + " does not hold the role APPLICANT.", null));
        MockMvc http = MockMvcBuilders.standaloneSetup(new ApplicantRegistrationsController(registrations, sessions, new EntityDaysToAct(mock(GovernorDesk.class))))
                .setControllerAdvice(new ProblemResponses())
                .setMessageConverters(new MappingJackson2HttpMessageConverter(
                        Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()))
                .build();
        String path = "/api/applicant/registrations/" + ID.value();

        http.perform(get(path).header("Authorization", "Bearer mine")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED")).andExpect(jsonPath("$.decisions[0].content.reasons[0]").value(REASON));
        http.perform(get("/api/applicant/registrations").header("Authorization", "Bearer mine")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].registrationId").value(ID.value()));
        for (String intruder : List.of("Bearer other", "Bearer governor")) {
            http.perform(get(path).header("Authorization", intruder)).andExpect(status().isForbidden())
                    .andExpect(content().string(not(containsString("Gobi")))).andExpect(content().string(not(containsString(REASON))))
                    .andExpect(content().string(not(containsString(APPLICANT.value()))));
        }
        http.perform(get(path).header("Authorization", "Bearer other")).andExpect(jsonPath("$.code").value("applicant.not-your-case"));
        http.perform(get("/api/applicant/registrations/zamyn-uud:mn-0000000").header("Authorization", "Bearer other"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("applicant.not-your-case"));
        http.perform(get(path).header("Authorization", "Bearer governor")).andExpect(jsonPath("$.code").value("signer.role-missing"));
        verify(sessions, org.mockito.Mockito.atLeastOnce()).require(any(), org.mockito.ArgumentMatchers.eq(Role.APPLICANT));
    }
}
