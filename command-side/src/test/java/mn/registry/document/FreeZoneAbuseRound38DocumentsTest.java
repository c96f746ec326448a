package mn.registry.document;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoDatabase;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.command.claim.DocumentKind;
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
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.permit.PermitDocumentsReceived;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

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
 * Session 32, the zone's papers and numbers (ADR 0035 item 151, the lead's reading, choice; abuse audit F587, was O443): a Free Zone entity's
 * application papers are read by the zone's governor in office, a Cabinet member and the person who signed it, not by the special permits'
 * Ministry; the Ministry keeps reading permit papers, and a paper a permit application cites too through that application. Over HTTP, as
 * the registry's document endpoint answers ({@code DocumentController} with {@code DocumentReaders} on an event store and the claims'
 * collection on the embedded MongoDB, each session's actor as {@code Sessions} gives it at the request).
 */
@ExtendWith(EmbeddedMongoExtension.class)
class FreeZoneAbuseRound38DocumentsTest {

    private static final RegistrationId ENTITY = new RegistrationId("altanbulag:mn-6238801");
    private static final PersonId SIGNER = new PersonId("signer-round38");
    private static final Instant AT = Instant.parse("2026-12-02T02:00:00Z");
    private static final ApplicationId PERMIT = new ApplicationId("3b7e0f38-0000-4000-8000-000000000038");

    private static final String REVIEWER = "Bearer reviewer";
    private static final String SUPERVISOR = "Bearer supervisor";
    private static final String INSPECTOR = "Bearer inspector";
    private static final String OTHER_GOVERNOR = "Bearer governor-zamyn-uud";
    private static final String GOVERNOR = "Bearer governor-altanbulag";
    private static final String CABINET = "Bearer cabinet";
    private static final String SIGNED_IT = "Bearer signer";
    private static final List<String> MINISTRY = List.of(REVIEWER, SUPERVISOR, INSPECTOR);

    private final Sessions sessions = mock(Sessions.class);
    private final EventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private MongoDatabase database;
    private MockMvc http;

    @BeforeEach
    void fresh(MongoDatabase database) {
        this.database = database;
        staff(REVIEWER, "reviewer-round38", Set.of(Role.MINISTRY_REVIEWER), Set.of());
        staff(SUPERVISOR, "supervisor-round38", Set.of(Role.MINISTRY_SUPERVISOR), Set.of());
        staff(INSPECTOR, "inspector-round38", Set.of(Role.COMMUNICATIONS_INSPECTOR), Set.of());
        staff(OTHER_GOVERNOR, "governor-zamyn-uud-round38", Set.of(Role.ZONE_GOVERNOR), Set.of("zamyn-uud"));
        staff(GOVERNOR, "governor-altanbulag-round38", Set.of(Role.ZONE_GOVERNOR), Set.of("altanbulag"));
        staff(CABINET, "cabinet-round38", Set.of(Role.CABINET_MEMBER), Set.of());
        when(sessions.require(eq(SIGNED_IT), any(Role[].class))).thenReturn(new Actor(SIGNER, Set.of(Role.APPLICANT), Set.of(), null, () -> "Signer"));
        DocumentStore store = new DocumentStore(database, Clock.fixed(AT, ZoneOffset.UTC), 1024, java.time.Duration.ofDays(7), 100_000);
        http = MockMvcBuilders.standaloneSetup(new DocumentController(store, sessions, mock(UploadGuard.class), new DocumentReaders(events, DocumentClaims.backfilled(database,
                new mn.registry.command.api.CommandLog(database, Clock.fixed(AT, ZoneOffset.UTC))))))
                .setControllerAdvice(new ProblemResponses())
                .setMessageConverters(new ByteArrayHttpMessageConverter(), new MappingJackson2HttpMessageConverter(
                        Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()))
                .build();
    }

    private void staff(String token, String person, Set<Role> roles, Set<String> zones) {
        when(sessions.require(eq(token), any(Role[].class))).thenReturn(new Actor(new PersonId(person), person, roles, zones));
    }

    private static byte[] png(int mark) {
        return new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 38, (byte) mark};
    }

    private String uploaded(byte[] content) throws Exception {
        http.perform(post("/api/documents").header("Authorization", SIGNED_IT).contentType("image/png").content(content))
                .andExpect(status().isCreated());
        return Sha256.hex(content);
    }

    /** The document claimed by the first act that cited it, as the claims' collection holds it (ADR 0057: {@code {_id, kind, commandId, ...}}). */
    private void claimed(String sha256, DocumentKind kind) {
        database.getCollection(DocumentClaims.COLLECTION).insertOne(new Document("_id", sha256).append("kind", kind.code())
                .append("commandId", "cmd-round38-" + sha256.substring(0, 8)).append("claimedAt", java.util.Date.from(AT)));
    }

    /** The entity's application, signed by {@link #SIGNER}, citing {@code sha256} as its state registration certificate and claiming it. */
    private void appliedCiting(String sha256) {
        events.publish(new GenericDomainEventMessage<>("ZoneRegistration", ENTITY.stream(), 0, new RegistrationEvents.ZoneRegistrationApplied(ENTITY,
                ZoneId.of("altanbulag"), null, null, List.of(new SubmittedZoneDocument(ZoneDocument.STATE_REGISTRATION_CERTIFICATE, sha256)), AT,
                null, null, null, null, "003 art. 12.1", SIGNER)));
        claimed(sha256, DocumentKind.ZONE_APPLICATION_DOCUMENT);
    }

    private long stored() {
        return WholeStream.payloads(events, ENTITY.stream()).count() + WholeStream.payloads(events, PERMIT.value()).count();
    }

    @Test
    @DisplayName("003 art. 8.2, 8.7, 12.1, 12.2 (F587, was O443; ADR 0035 item 151, choice): abuse: a Ministry reviewer, supervisor and "
            + "communications inspector read a Free Zone entity's state registration certificate (with ?registration= or without): 403 "
            + "document.free-zone-paper-not-the-ministrys; the governor of another zone 403 document.reader-not-admitted; nothing stored")
    void the_ministry_reads_no_entitys_application_paper() throws Exception {
        String certificate = uploaded(png(1));
        appliedCiting(certificate);
        long before = stored();
        for (String token : MINISTRY) {
            http.perform(get("/api/documents/" + certificate).param("registration", ENTITY.value()).header("Authorization", token))
                    .andExpect(status().isForbidden())
                    .andExpect(header().string("Content-Type", "application/problem+json"))
                    .andExpect(jsonPath("$.code").value("document.free-zone-paper-not-the-ministrys"))
                    .andExpect(jsonPath("$.article").value("003 art. 8.2, 8.7, 12.1, 12.2"));
            http.perform(get("/api/documents/" + certificate).header("Authorization", token))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("document.free-zone-paper-not-the-ministrys"));
            // a permit application that does not cite it opens nothing
            http.perform(get("/api/documents/" + certificate).param("application", PERMIT.value()).header("Authorization", token))
                    .andExpect(status().isForbidden());
        }
        http.perform(get("/api/documents/" + certificate).param("registration", ENTITY.value()).header("Authorization", OTHER_GOVERNOR))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("document.reader-not-admitted"));
        assertThat(stored()).as("nothing stored by a refusal").isEqualTo(before);
    }

    @Test
    @DisplayName("003 art. 8.7, 12.1, 12.2 (F587; ADR 0035 item 151): the zone's governor in office, a Cabinet member and the person who "
            + "signed the application read its paper through ?registration=; the Ministry reads a permit's paper, an unclaimed upload, and a Free "
            + "Zone paper a permit application cites too through that application (?application=), which the zone's readers read as well")
    void the_zones_readers_read_it_and_the_ministry_reads_its_permit_papers() throws Exception {
        byte[] content = png(2);
        String certificate = uploaded(content);
        appliedCiting(certificate);
        for (String token : List.of(GOVERNOR, CABINET, SIGNED_IT)) {
            http.perform(get("/api/documents/" + certificate).param("registration", ENTITY.value()).header("Authorization", token))
                    .andExpect(status().isOk()).andExpect(content().bytes(content));
        }
        String permitPaper = uploaded(png(3));
        claimed(permitPaper, DocumentKind.PERMIT_APPLICATION_DOCUMENT);
        String unclaimed = uploaded(png(4));
        for (String token : MINISTRY) {
            http.perform(get("/api/documents/" + permitPaper).header("Authorization", token)).andExpect(status().isOk());
            http.perform(get("/api/documents/" + unclaimed).header("Authorization", token)).andExpect(status().isOk());
        }
        // the same certificate named by the company's permit application too (ADR 0057's shared pair): the Ministry reads it through that
        // application, the zone's readers through the registration
        events.publish(new GenericDomainEventMessage<>("PermitApplication", PERMIT.value(), 0, new PermitDocumentsReceived(PERMIT,
                List.of(new DocumentRef(RequiredDocument.values()[0], certificate, content.length, "image/png", AT)), AT)));
        for (String token : MINISTRY) {
            http.perform(get("/api/documents/" + certificate).param("application", PERMIT.value()).header("Authorization", token))
                    .andExpect(status().isOk()).andExpect(content().bytes(content));
        }
        http.perform(get("/api/documents/" + certificate).param("registration", ENTITY.value()).header("Authorization", GOVERNOR))
                .andExpect(status().isOk());
    }

    @Test
    @DisplayName("F587: the Ministry's refusal says the rule in both languages")
    void the_refusal_says_so_in_both_languages() throws Exception {
        assertThat(message("en", "problem.document.free-zone-paper-not-the-ministrys")).contains("governor").contains("Ministry");
        assertThat(message("mn", "problem.document.free-zone-paper-not-the-ministrys")).contains("Засаг дарга").contains("Яам");
        assertThat(message("en", "problem.document.reader-not-admitted")).contains("Cabinet member");
        assertThat(message("mn", "problem.document.reader-not-admitted")).contains("Засгийн газрын гишүүн");
    }

    private static String message(String language, String key) throws Exception {
        Properties messages = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("..", "web", "src", "main", "resources", "i18n", "messages_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        return messages.getProperty(key);
    }
}
