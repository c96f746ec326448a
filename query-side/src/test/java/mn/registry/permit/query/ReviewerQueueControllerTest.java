package mn.registry.permit.query;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoDatabase;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.infrastructure.web.ProblemResponses;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.infrastructure.session.Sessions;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ExtendWith(EmbeddedMongoExtension.class)
class ReviewerQueueControllerTest {

    private Sessions sessions;
    private MockMvc http;

    @BeforeEach
    void start(MongoDatabase database) {
        new ReviewerQueueProjection(database).on(ReviewerQueueTest.registered("A LLC", 12, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 16)), 0);
        CurrentCalendar calendar = new CurrentCalendar(EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build(), Clock.systemUTC());
        ReviewerQueue queue = new ReviewerQueue(database, calendar, Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC));
        sessions = mock(Sessions.class);
        when(sessions.require(isNull(), any(Role[].class))).thenThrow(RegistryProblem.unauthenticated("session.missing", "Sign in first."));
        http = MockMvcBuilders.standaloneSetup(new ReviewerQueueController(queue, sessions))
                .setControllerAdvice(new ProblemResponses())
                .setMessageConverters(new MappingJackson2HttpMessageConverter(
                        Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()))
                .build();
    }

    @Test
    @DisplayName("GET /api/reviewer/applications needs a ministry reviewer's or supervisor's session")
    void needs_staff_session() throws Exception {
        http.perform(get("/api/reviewer/applications"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("session.missing"));

        http.perform(get("/api/reviewer/applications").header("Authorization", "Bearer t0ken")).andExpect(status().isOk());
        verify(sessions).require("Bearer t0ken", Role.MINISTRY_REVIEWER, Role.MINISTRY_SUPERVISOR);
    }

    @Test
    @DisplayName("each application is listed with its due date and working days left as JSON")
    void lists_due_and_working_days_left() throws Exception {
        http.perform(get("/api/reviewer/applications").header("Authorization", "Bearer t0ken"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].receiptNumber").value("SP-2026-000012"))
                .andExpect(jsonPath("$[0].companyName").value("A LLC"))
                .andExpect(jsonPath("$[0].receivedAt").value("2026-11-20T01:30:00Z"))
                .andExpect(jsonPath("$[0].due").value("2026-12-16"))
                .andExpect(jsonPath("$[0].dueAt").value("2026-12-16T23:59:59.999999999+08:00"))
                .andExpect(jsonPath("$[0].workingDays").value(17))
                .andExpect(jsonPath("$[0].workingDaysLeft").value(16))
                .andExpect(jsonPath("$[0].overdue").value(false))
                .andExpect(jsonPath("$[0].status").value("REGISTERED"))
                .andExpect(jsonPath("$[0].calendarVersion").value("MN-2024.1"));
    }
}
