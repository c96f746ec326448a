package mn.registry.document;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.axon.WholeStream;
import mn.registry.infrastructure.identity.Actor;
import mn.registry.infrastructure.session.Sessions;
import mn.registry.infrastructure.web.ProblemResponses;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Session 31, the former representative's papers (abuse audit F568, was O445; ADR 0035 item 139): a person who signed an entity's
 * application reads its documents through {@code GET /api/documents/{sha256}?registration=} as F554 lets them read its file: not once
 * their grant in force names another company. Over HTTP, as the registry's document endpoint answers (the session's actor as
 * {@code Sessions} gives it at the request, with the company its grant in force names).
 */
@ExtendWith(EmbeddedMongoExtension.class)
class DocumentReadersRound34Test {

    private static final String ENTITY = "6207734";
    private static final String ANOTHER = "7654334";
    private static final RegistrationId MONGOLIAN = new RegistrationId("altanbulag:mn-" + ENTITY);
    private static final RegistrationId FOREIGN = new RegistrationId("altanbulag:cn-91110000734");
    private static final PersonId SIGNER = new PersonId("signer-round34");
    private static final PersonId SUCCESSOR = new PersonId("successor-round34");
    private static final Instant ROUND_1 = Instant.parse("2026-11-20T02:00:00Z");
    private static final Instant ROUND_2 = Instant.parse("2026-12-01T02:00:00Z");

    private static final String NAMES_ANOTHER = "Bearer names-another";
    private static final String NAMES_THE_ENTITY = "Bearer names-the-entity";
    private static final String NAMES_NONE = "Bearer names-none";
    private static final String SUCCESSOR_TOKEN = "Bearer successor";
    private static final String REVIEWER = "Bearer reviewer";

    private final Sessions sessions = mock(Sessions.class);
    private final EventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private MockMvc http;

    @BeforeEach
    void fresh(MongoDatabase database) {
        // as Sessions answers at the request: the company the grant of the applicant's role in force names now (null: none)
        when(sessions.require(eq(NAMES_ANOTHER), any(Role[].class))).thenReturn(applicant(SIGNER, ANOTHER));
        when(sessions.require(eq(NAMES_THE_ENTITY), any(Role[].class))).thenReturn(applicant(SIGNER, ENTITY));
        when(sessions.require(eq(NAMES_NONE), any(Role[].class))).thenReturn(new Actor(SIGNER, Set.of(), Set.of(), null, () -> "Signer"));
        when(sessions.require(eq(SUCCESSOR_TOKEN), any(Role[].class))).thenReturn(applicant(SUCCESSOR, ENTITY));
        when(sessions.require(eq(REVIEWER), any(Role[].class))).thenReturn(
                new Actor(new PersonId("reviewer-round34"), "Reviewer", Set.of(Role.MINISTRY_REVIEWER), Set.of()));
        DocumentStore store = new DocumentStore(database, Clock.fixed(ROUND_1, ZoneOffset.UTC), 1024, java.time.Duration.ofDays(7), 100_000);
        http = MockMvcBuilders.standaloneSetup(new DocumentController(store, sessions, mock(UploadGuard.class), new DocumentReaders(events)))
                .setControllerAdvice(new ProblemResponses())
                .setMessageConverters(new ByteArrayHttpMessageConverter(), new MappingJackson2HttpMessageConverter(
                        Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()))
                .build();
    }

    private static Actor applicant(PersonId person, String company) {
        return new Actor(person, Set.of(Role.APPLICANT), Set.of(), company, () -> "Applicant");
    }

    private static byte[] png(int mark) {
        return new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 34, (byte) mark};
    }

    private String uploaded(String token, byte[] content) throws Exception {
        http.perform(post("/api/documents").header("Authorization", token).contentType("image/png").content(content))
                .andExpect(status().isCreated());
        return Sha256.hex(content);
    }

    /** A round of the entity's registration, applied for by {@code signer} at {@code at}, citing {@code sha256}. */
    private void applied(RegistrationId id, long sequence, PersonId signer, Instant at, String sha256) {
        events.publish(new GenericDomainEventMessage<>("ZoneRegistration", id.stream(), sequence, new RegistrationEvents.ZoneRegistrationApplied(id,
                ZoneId.of("altanbulag"), null, null, List.of(new SubmittedZoneDocument(ZoneDocument.APPLICATION, sha256)), at,
                null, null, null, null, "003 art. 12.1", signer)));
    }

    private long storedIn(RegistrationId id) {
        return WholeStream.payloads(events, id.stream()).count();
    }

    @Test
    @DisplayName("003 art. 12.1; 001 art. 23.1.1; ADR 0013 §5 (F568, was O445; ADR 0035 item 139, choice): abuse: the person who signed an "
            + "entity's application, whose grant in force now names another company, reads none of its documents (403, as F554 refuses the file); "
            + "nothing is stored")
    void a_signer_representing_another_company_now_reads_none_of_its_documents() throws Exception {
        String sha = uploaded(NAMES_THE_ENTITY, png(1));
        applied(MONGOLIAN, 0, SIGNER, ROUND_1, sha);
        http.perform(get("/api/documents/" + sha).param("registration", MONGOLIAN.value()).header("Authorization", NAMES_ANOTHER))
                .andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.code").value("document.reader-not-admitted"))
                .andExpect(jsonPath("$.article").value("003 art. 8.2, 8.7, 12.1"));
        // a foreign entity has no state registration number: any company the grant names is another
        String foreign = uploaded(NAMES_THE_ENTITY, png(2));
        applied(FOREIGN, 0, SIGNER, ROUND_1, foreign);
        http.perform(get("/api/documents/" + foreign).param("registration", FOREIGN.value()).header("Authorization", NAMES_ANOTHER))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("document.reader-not-admitted"));
        // a refused reader learns nothing of whether a document exists, and nothing is stored by a refusal
        http.perform(get("/api/documents/" + "0".repeat(64)).param("registration", MONGOLIAN.value()).header("Authorization", NAMES_ANOTHER))
                .andExpect(status().isForbidden());
        assertThat(storedIn(MONGOLIAN)).isEqualTo(1);
        assertThat(storedIn(FOREIGN)).isEqualTo(1);
    }

    @Test
    @DisplayName("003 art. 12.1; ADR 0013 §5 (F568; ADR 0035 item 139): the signer whose grant names the entity, or none (ended, never "
            + "granted), reads the documents of the application they signed as before; a foreign entity's signer whose grant names none too")
    void a_signer_whose_grant_names_the_entity_or_none_reads_as_before() throws Exception {
        byte[] content = png(3);
        String sha = uploaded(NAMES_THE_ENTITY, content);
        applied(MONGOLIAN, 0, SIGNER, ROUND_1, sha);
        for (String token : List.of(NAMES_THE_ENTITY, NAMES_NONE)) {
            http.perform(get("/api/documents/" + sha).param("registration", MONGOLIAN.value()).header("Authorization", token))
                    .andExpect(status().isOk())
                    .andExpect(content().bytes(content));
        }
        byte[] foreignContent = png(4);
        String foreign = uploaded(NAMES_NONE, foreignContent);
        applied(FOREIGN, 0, SIGNER, ROUND_1, foreign);
        http.perform(get("/api/documents/" + foreign).param("registration", FOREIGN.value()).header("Authorization", NAMES_NONE))
                .andExpect(status().isOk())
                .andExpect(content().bytes(foreignContent));
    }

    @Test
    @DisplayName("003 art. 12.1; 001 art. 23.1.1; ADR 0013 §5 (ADR 0035 items 125, 139): a former representative whose grant ended reads "
            + "the documents of the round they signed, not those the entity's new representative cited after the end (held: only a signer "
            + "reads by signature)")
    void a_former_representative_reads_no_document_received_after_the_end() throws Exception {
        byte[] theirs = png(5);
        String own = uploaded(NAMES_THE_ENTITY, theirs);
        applied(MONGOLIAN, 0, SIGNER, ROUND_1, own);
        String later = uploaded(SUCCESSOR_TOKEN, png(6));
        applied(MONGOLIAN, 1, SUCCESSOR, ROUND_2, later);
        http.perform(get("/api/documents/" + own).param("registration", MONGOLIAN.value()).header("Authorization", NAMES_NONE))
                .andExpect(status().isOk())
                .andExpect(content().bytes(theirs));
        for (String token : List.of(NAMES_NONE, NAMES_THE_ENTITY, NAMES_ANOTHER)) {
            http.perform(get("/api/documents/" + later).param("registration", MONGOLIAN.value()).header("Authorization", token))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("document.reader-not-admitted"));
        }
        http.perform(get("/api/documents/" + later).param("registration", MONGOLIAN.value()).header("Authorization", SUCCESSOR_TOKEN))
                .andExpect(status().isOk());
    }

    @Test
    @DisplayName("002 art. 26.2.1; ADR 0046 items 155, 164: a permit case's documents are read by the Ministry alone: the signer of the "
            + "case reads none (no registration names them), whatever company their grant names (held)")
    void a_permit_documents_reader_is_the_ministry() throws Exception {
        byte[] content = png(7);
        String sha = uploaded(NAMES_THE_ENTITY, content);
        for (String token : List.of(NAMES_THE_ENTITY, NAMES_NONE, NAMES_ANOTHER)) {
            http.perform(get("/api/documents/" + sha).header("Authorization", token))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("document.reader-not-admitted"));
            http.perform(get("/api/documents/" + sha).param("application", "permit-round34").header("Authorization", token))
                    .andExpect(status().isForbidden());
        }
        http.perform(get("/api/documents/" + sha).header("Authorization", REVIEWER)).andExpect(status().isOk()).andExpect(content().bytes(content));
    }

    @Test
    @DisplayName("003 art. 12.1 (F568): the refusal says in both languages that a signer whose grant names another company reads none")
    void the_refusal_says_so_in_both_languages() throws IOException {
        assertThat(message("en")).contains("another company");
        assertThat(message("mn")).contains("өөр компани");
    }

    private static String message(String language) throws IOException {
        Path bundle = Path.of("..", "web", "src", "main", "resources", "i18n", "messages_" + language + ".properties");
        Properties messages = new Properties();
        try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        return messages.getProperty("problem.document.reader-not-admitted");
    }
}
