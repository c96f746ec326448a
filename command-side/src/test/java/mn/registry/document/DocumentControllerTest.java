package mn.registry.document;

import com.mongodb.client.MongoDatabase;
import mn.registry.store.testing.EmbeddedMongoExtension;
import com.fasterxml.jackson.databind.SerializationFeature;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.infrastructure.web.ProblemResponses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import mn.registry.infrastructure.identity.Actor;
import mn.registry.infrastructure.session.Sessions;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import org.springframework.test.web.servlet.MockMvc;
import java.util.List;
import java.util.Set;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.freezone.ZoneId;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ExtendWith(EmbeddedMongoExtension.class)
class DocumentControllerTest {

    private MockMvc http;
    private final Sessions sessions = mock(Sessions.class);
    private static final String REVIEWER = "Bearer reviewer-token";
    private static final String APPLICANT = "Bearer applicant-token";
    private static final String GREEDY = "Bearer greedy-token";
    private static final String GOVERNOR = "Bearer governor-token";
    private static final String OTHER_GOVERNOR = "Bearer other-governor-token";
    private static final String DISMISSED_GOVERNOR = "Bearer dismissed-governor-token";
    private final EventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private DocumentStore store;
    private final UploadGuard guard = new UploadGuard(5, 4096, Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneOffset.UTC));

    @BeforeEach
    void fresh(MongoDatabase database) {
        when(sessions.require(eq(REVIEWER), any(Role[].class))).thenReturn(
                new Actor(new PersonId("reviewer-1"), "Reviewer", Set.of(Role.MINISTRY_REVIEWER), Set.of()));
        when(sessions.require(eq(APPLICANT), any(Role[].class))).thenReturn(
                new Actor(new PersonId("applicant-1"), "Applicant", Set.of(Role.APPLICANT), Set.of()));
        when(sessions.require(eq(GREEDY), any(Role[].class))).thenReturn(
                new Actor(new PersonId("applicant-2"), "Greedy applicant", Set.of(Role.APPLICANT), Set.of()));
        // as Sessions answers at the request: the governor's zones are those governed now (a dismissed governor holds none)
        when(sessions.require(eq(GOVERNOR), any(Role[].class))).thenReturn(
                new Actor(new PersonId("governor-altanbulag"), "Governor", Set.of(Role.ZONE_GOVERNOR), Set.of("altanbulag")));
        when(sessions.require(eq(OTHER_GOVERNOR), any(Role[].class))).thenReturn(
                new Actor(new PersonId("governor-zamyn-uud"), "Other governor", Set.of(Role.ZONE_GOVERNOR), Set.of("zamyn-uud")));
        when(sessions.require(eq(DISMISSED_GOVERNOR), any(Role[].class))).thenReturn(
                new Actor(new PersonId("governor-former"), "Dismissed governor", Set.of(), Set.of()));
        when(sessions.require(isNull(), any(Role[].class))).thenThrow(RegistryProblem.unauthenticated("session.missing", "Sign in first."));
        when(sessions.require(eq("Bearer forged"), any(Role[].class))).thenThrow(RegistryProblem.unauthenticated("session.invalid", "Sign in again."));
        store = new DocumentStore(database, Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneOffset.UTC), 1024,
                java.time.Duration.ofDays(7), 100_000);
        http = mvc(store);
    }

    private MockMvc mvc(DocumentStore store) {
        return MockMvcBuilders.standaloneSetup(new DocumentController(store, sessions, guard, new DocumentReaders(events))).setControllerAdvice(new ProblemResponses())
                .setMessageConverters(new ByteArrayHttpMessageConverter(), new MappingJackson2HttpMessageConverter(
                        Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()))
                .build();
    }

    @Test
    @DisplayName("POST /api/documents answers 201 with the hash; the same bytes again answer 200 with the first receipt")
    void upload_then_again() throws Exception {
        String sha = Sha256.hex(DocumentStoreTest.PDF);
        http.perform(post("/api/documents").header("Authorization", APPLICANT).contentType("application/pdf").content(DocumentStoreTest.PDF)
                        .header("X-File-Name", "%D0%B3%D1%8D%D1%80%D1%87%D0%B8%D0%BB%D0%B3%D1%8D%D1%8D.pdf"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/documents/" + sha))
                .andExpect(jsonPath("$.sha256").value(sha))
                .andExpect(jsonPath("$.size").value(DocumentStoreTest.PDF.length))
                .andExpect(jsonPath("$.mediaType").value("application/pdf"))
                .andExpect(jsonPath("$.fileName").value("гэрчилгээ.pdf"))
                .andExpect(jsonPath("$.receivedAt").value("2026-11-20T02:00:00Z"));
        http.perform(post("/api/documents").header("Authorization", APPLICANT).contentType("application/pdf").content(DocumentStoreTest.PDF))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fileName").value("гэрчилгээ.pdf"));
    }

    @Test
    @DisplayName("GET /api/documents/{sha256} gives the original bytes with the original media type")
    void download_original() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};
        http.perform(post("/api/documents").header("Authorization", APPLICANT).contentType("image/png").content(png)).andExpect(status().isCreated());

        http.perform(get("/api/documents/" + Sha256.hex(png)).header("Authorization", REVIEWER))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(png));
    }

    @Test
    @DisplayName("an unknown or malformed hash is answered with problem+json")
    void unknown_document() throws Exception {
        http.perform(get("/api/documents/" + "0".repeat(64)).header("Authorization", REVIEWER))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("document.unknown"));
        http.perform(get("/api/documents/not-a-hash").header("Authorization", REVIEWER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("document.sha256-malformed"));
    }

    @Test
    @DisplayName("an oversized body is refused with 413 and an empty one with 400")
    void size_refusals() throws Exception {
        http.perform(post("/api/documents").header("Authorization", APPLICANT).contentType("text/plain").content(new byte[2000]))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("document.too-large"));
        http.perform(post("/api/documents").header("Authorization", APPLICANT).contentType("text/plain").content(new byte[0]))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("document.empty"));
    }

    @Test
    @DisplayName("a file name keeps no directory part and no control characters")
    void file_name_sanitised() {
        assertThat(DocumentController.fileName("..%2F..%2Fetc%2Fpasswd")).isEqualTo("passwd");
        assertThat(DocumentController.fileName("C:%5Cdocs%5Ca+b.pdf")).isEqualTo("a+b.pdf");
        assertThat(DocumentController.fileName("bad%0Aname.txt")).isEqualTo("badname.txt");
        assertThat(DocumentController.fileName("  ")).isNull();
    }

    @Test
    @DisplayName("001 art. 38.1 (abuse audit F65): a file name with a right-to-left override or invisible characters, which would show a reviewer 'report_exe.pdf' for 'report_\u202Efdp.exe', keeps none of them")
    void file_name_keeps_no_invisible_or_reordering_characters() {
        assertThat(DocumentController.fileName("audit_%E2%80%AEfdp.exe")).isEqualTo("audit_fdp.exe");
        assertThat(DocumentController.fileName("charter%E2%80%8B%E2%81%A0.pdf")).isEqualTo("charter.pdf");
        assertThat(DocumentController.fileName("%E2%80%8F%E2%80%AE")).isNull();
        assertThat(DocumentController.fileName("Дүрэм 2026.pdf")).isEqualTo("Дүрэм 2026.pdf");
    }

    @Test
    @DisplayName("domain-rules §5: a document's content is never public: reading it without a staff session is 401")
    void download_needs_a_staff_session() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 4, 5, 6};
        http.perform(post("/api/documents").header("Authorization", APPLICANT).contentType("image/png").content(png)).andExpect(status().isCreated());
        http.perform(get("/api/documents/" + Sha256.hex(png)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("session.missing"));
    }

    @Test
    @DisplayName("uploads are limited per client: the sixth upload in a minute (refused ones count) is answered 429 problem+json")
    void uploads_are_rate_limited() throws Exception {
        for (int i = 0; i < 5; i++) {
            http.perform(post("/api/documents").header("Authorization", APPLICANT).contentType("text/plain").content(("note " + i).getBytes(StandardCharsets.UTF_8)));
        }
        http.perform(post("/api/documents").header("Authorization", APPLICANT).contentType("application/pdf").content(DocumentStoreTest.PDF))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.code").value("document.rate-limited"));
    }

    @Test
    @DisplayName("uploads are limited in bytes per client and minute, by the declared length, before the body is read")
    void upload_bytes_are_rate_limited() throws Exception {
        byte[] note = new byte[1000];
        java.util.Arrays.fill(note, (byte) 'x');
        for (int i = 0; i < 4; i++) {
            note[0] = (byte) ('a' + i);
            http.perform(post("/api/documents").header("Authorization", APPLICANT).contentType("text/plain").content(note)).andExpect(status().isCreated());
        }
        note[0] = 'z';
        http.perform(post("/api/documents").header("Authorization", APPLICANT).contentType("text/plain").content(note))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("document.rate-limited"));
    }

    @Test
    @DisplayName("001 art. 38.1: XML that does not start with a tag, JSON that does not parse and text that is not UTF-8 are refused as mislabelled")
    void text_types_are_sniffed() throws Exception {
        http.perform(post("/api/documents").header("Authorization", APPLICANT).contentType("application/xml").content("%PDF-1.4 not xml".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("document.content-mismatch"));
        http.perform(post("/api/documents").header("Authorization", APPLICANT).contentType("application/json").content("{\"a\": [1, 2".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("document.content-mismatch"));
        http.perform(post("/api/documents").header("Authorization", APPLICANT).contentType("text/plain").content(new byte[]{'a', (byte) 0xC0, (byte) 0xAF}))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("document.content-mismatch"));
        http.perform(post("/api/documents").header("Authorization", APPLICANT).contentType("text/xml").content("\uFEFF  <?xml version=\"1.0\"?><a/>".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isCreated());
    }

    @Test
    @DisplayName("an upload without a session, or with an unknown token, is 401 problem+json and stores nothing")
    void upload_needs_a_session() throws Exception {
        http.perform(post("/api/documents").contentType("application/pdf").content(DocumentStoreTest.PDF))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.code").value("session.missing"));
        http.perform(post("/api/documents").header("Authorization", "Bearer forged").contentType("application/pdf").content(DocumentStoreTest.PDF))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("session.invalid"));
        assertThat(store.cited(Sha256.hex(DocumentStoreTest.PDF))).isFalse();
        assertThat(store.count()).isZero();
    }

    @Test
    @DisplayName("the bytes a person holds count against their quota: beyond it 429 problem+json, another person is not affected")
    void upload_quota_per_person(MongoDatabase database) throws Exception {
        http = mvc(new DocumentStore(database, Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneOffset.UTC), 1024,
                java.time.Duration.ofDays(7), 2000));
        byte[] note = new byte[800];
        java.util.Arrays.fill(note, (byte) 'q');
        note[0] = 'a';
        http.perform(post("/api/documents").header("Authorization", GREEDY).contentType("text/plain").content(note)).andExpect(status().isCreated());
        note[0] = 'b';
        http.perform(post("/api/documents").header("Authorization", GREEDY).contentType("text/plain").content(note)).andExpect(status().isCreated());
        note[0] = 'c';
        http.perform(post("/api/documents").header("Authorization", GREEDY).contentType("text/plain").content(note))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.code").value("document.quota-exceeded"));
        note[0] = 'a';
        http.perform(post("/api/documents").header("Authorization", GREEDY).contentType("text/plain").content(note))
                .andExpect(status().isOk()); // bytes already held cost nothing again
        note[0] = 'c';
        http.perform(post("/api/documents").header("Authorization", APPLICANT).contentType("text/plain").content(note)).andExpect(status().isCreated());
    }
    /** An entity of Altanbulag applied, signed by applicant-1, citing the document. */
    private RegistrationId appliedInAltanbulag(String sha256) {
        RegistrationId id = new RegistrationId("altanbulag:mn-6207711");
        events.publish(new GenericDomainEventMessage<>("ZoneRegistration", id.stream(), 0, new RegistrationEvents.ZoneRegistrationApplied(id,
                ZoneId.of("altanbulag"), null, null, List.of(new SubmittedZoneDocument(ZoneDocument.APPLICATION, sha256)), Instant.parse("2026-11-20T02:00:00Z"),
                null, null, null, null, "003 art. 12.1", new PersonId("applicant-1"))));
        return id;
    }

    @Test
    @DisplayName("003 art. 8.2, 8.7: the governor of the zone reads the documents its entity cited, and the applicant its own")
    void the_governor_of_the_zone_and_the_applicant_read_the_entity_documents() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 7, 8, 9};
        http.perform(post("/api/documents").header("Authorization", APPLICANT).contentType("image/png").content(png)).andExpect(status().isCreated());
        RegistrationId id = appliedInAltanbulag(Sha256.hex(png));
        http.perform(get("/api/documents/" + Sha256.hex(png)).param("registration", id.value()).header("Authorization", GOVERNOR))
                .andExpect(status().isOk())
                .andExpect(content().bytes(png));
        http.perform(get("/api/documents/" + Sha256.hex(png)).param("registration", id.value()).header("Authorization", APPLICANT))
                .andExpect(status().isOk())
                .andExpect(content().bytes(png));
    }

    @Test
    @DisplayName("003 art. 8.2, 8.7: a governor of another zone, a dismissed governor, another applicant and a document the registration did not cite are refused (403)")
    void other_governors_and_applicants_are_refused() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 10, 11, 12};
        byte[] other = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 13, 14, 15};
        http.perform(post("/api/documents").header("Authorization", APPLICANT).contentType("image/png").content(png)).andExpect(status().isCreated());
        http.perform(post("/api/documents").header("Authorization", APPLICANT).contentType("image/png").content(other)).andExpect(status().isCreated());
        RegistrationId id = appliedInAltanbulag(Sha256.hex(png));
        for (String refused : List.of(OTHER_GOVERNOR, DISMISSED_GOVERNOR, GREEDY)) {
            http.perform(get("/api/documents/" + Sha256.hex(png)).param("registration", id.value()).header("Authorization", refused))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("document.reader-not-admitted"));
        }
        // the right governor, but a document the registration does not cite, or no registration named
        http.perform(get("/api/documents/" + Sha256.hex(other)).param("registration", id.value()).header("Authorization", GOVERNOR))
                .andExpect(status().isForbidden());
        http.perform(get("/api/documents/" + Sha256.hex(png)).header("Authorization", GOVERNOR))
                .andExpect(status().isForbidden());
        // a refused reader learns nothing of whether a document exists
        http.perform(get("/api/documents/" + "0".repeat(64)).param("registration", id.value()).header("Authorization", OTHER_GOVERNOR))
                .andExpect(status().isForbidden());
    }
}
