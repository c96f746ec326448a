package mn.registry.document;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandLog;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.command.claim.DocumentKind;
import mn.registry.infrastructure.axon.WholeStream;
import mn.registry.infrastructure.identity.Actor;
import mn.registry.infrastructure.session.Sessions;
import mn.registry.infrastructure.web.ProblemResponses;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LandLicenceId;
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

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
 * Session 33, the zone's intake and papers (ADR 0035 items 165-166, the lead's reading, choice; abuse audit F607-F608, was O462): the
 * documents of a registration's later acts are read through {@code ?registration=}, and those of a land application's acts through
 * {@code ?land=<application>}, by the zone's governor in office, a Cabinet member and the signer; the special permits' Ministry reads none of
 * them. Over HTTP, as {@code FreeZoneAbuseRound38DocumentsTest} (the claims' kind asked through {@link DocumentClaims#kindOf}).
 */
@ExtendWith(EmbeddedMongoExtension.class)
class FreeZoneAbuseRound39DocumentsTest {

    private static final ZoneId ZONE = ZoneId.of("altanbulag");
    private static final RegistrationId ENTITY = new RegistrationId("altanbulag:mn-6239901");
    private static final PersonId SIGNER = new PersonId("signer-round39");
    private static final PersonId GOVERNOR_ID = new PersonId("governor-altanbulag-round39");
    private static final Instant AT = Instant.parse("2026-12-02T02:00:00Z");
    private static final LandApplicationId A1 = LandApplicationId.of(ZONE, 1);
    private static final LandApplicationId A2 = LandApplicationId.of(ZONE, 2);
    private static final LandLicenceId L1 = LandLicenceId.of(ZONE, 1);

    private static final String REVIEWER = "Bearer reviewer";
    private static final String SUPERVISOR = "Bearer supervisor";
    private static final String INSPECTOR = "Bearer inspector";
    private static final String OTHER_GOVERNOR = "Bearer governor-zamyn-uud";
    private static final String GOVERNOR = "Bearer governor-altanbulag";
    private static final String CABINET = "Bearer cabinet";
    private static final String SIGNED_IT = "Bearer signer";
    private static final String SIGNER_ELSEWHERE = "Bearer signer-now-of-another-company";
    private static final List<String> MINISTRY = List.of(REVIEWER, SUPERVISOR, INSPECTOR);
    private static final List<String> THE_ZONES_READERS = List.of(GOVERNOR, CABINET, SIGNED_IT);

    private final Sessions sessions = mock(Sessions.class);
    private final EventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private MongoDatabase database;
    private MockMvc http;
    private int mark;

    @BeforeEach
    void fresh(MongoDatabase database) {
        this.database = database;
        staff(REVIEWER, "reviewer-round39", Set.of(Role.MINISTRY_REVIEWER), Set.of());
        staff(SUPERVISOR, "supervisor-round39", Set.of(Role.MINISTRY_SUPERVISOR), Set.of());
        staff(INSPECTOR, "inspector-round39", Set.of(Role.COMMUNICATIONS_INSPECTOR), Set.of());
        staff(OTHER_GOVERNOR, "governor-zamyn-uud-round39", Set.of(Role.ZONE_GOVERNOR), Set.of("zamyn-uud"));
        staff(GOVERNOR, GOVERNOR_ID.value(), Set.of(Role.ZONE_GOVERNOR), Set.of("altanbulag"));
        staff(CABINET, "cabinet-round39", Set.of(Role.CABINET_MEMBER), Set.of());
        when(sessions.require(eq(SIGNED_IT), any(Role[].class))).thenReturn(new Actor(SIGNER, Set.of(Role.APPLICANT), Set.of(), null, () -> "Signer"));
        when(sessions.require(eq(SIGNER_ELSEWHERE), any(Role[].class)))
                .thenReturn(new Actor(SIGNER, Set.of(Role.APPLICANT), Set.of(), "6239999", () -> "Signer"));
        DocumentStore store = new DocumentStore(database, Clock.fixed(AT, ZoneOffset.UTC), 1024, java.time.Duration.ofDays(7), 100_000);
        DocumentClaims claims = DocumentClaims.backfilled(database, new CommandLog(database, Clock.fixed(AT, ZoneOffset.UTC)));
        http = MockMvcBuilders.standaloneSetup(new DocumentController(store, sessions, mock(UploadGuard.class), new DocumentReaders(events, claims)))
                .setControllerAdvice(new ProblemResponses())
                .setMessageConverters(new ByteArrayHttpMessageConverter(), new MappingJackson2HttpMessageConverter(
                        Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()))
                .build();
    }

    private void staff(String token, String person, Set<Role> roles, Set<String> zones) {
        when(sessions.require(eq(token), any(Role[].class))).thenReturn(new Actor(new PersonId(person), person, roles, zones));
    }

    /** A document uploaded and claimed by the first act that cited it, of {@code kind} (ADR 0057). */
    private String paper(DocumentKind kind) throws Exception {
        byte[] content = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 39, (byte) ++mark};
        http.perform(post("/api/documents").header("Authorization", SIGNED_IT).contentType("image/png").content(content))
                .andExpect(status().isCreated());
        String sha256 = Sha256.hex(content);
        database.getCollection(DocumentClaims.COLLECTION).insertOne(new Document("_id", sha256).append("kind", kind.code())
                .append("commandId", "cmd-round39-" + mark).append("claimedAt", java.util.Date.from(AT)));
        return sha256;
    }

    private void stream(String type, String stream, Object... payloads) {
        long first = WholeStream.payloads(events, stream).count();
        for (int i = 0; i < payloads.length; i++) {
            events.publish(new GenericDomainEventMessage<>(type, stream, first + i, payloads[i]));
        }
    }

    private long stored() {
        return WholeStream.payloads(events, ENTITY.stream()).count() + WholeStream.payloads(events, ZONE.landStream()).count()
                + database.getCollection(DocumentClaims.COLLECTION).countDocuments();
    }

    private void read(String sha256, String route, String value, String token) throws Exception {
        http.perform(get("/api/documents/" + sha256).param(route, value).header("Authorization", token))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"));
    }

    private void refused(String sha256, String route, String value, String token, String code) throws Exception {
        var request = get("/api/documents/" + sha256).header("Authorization", token);
        if (route != null) {
            request = request.param(route, value);
        }
        http.perform(request).andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.code").value(code));
    }

    /** The registration, applied for by {@link #SIGNER} citing a certificate, with its agreement, start and court decision on their documents. */
    private Map<String, String> registrationsLaterActs() throws Exception {
        String certificate = paper(DocumentKind.ZONE_APPLICATION_DOCUMENT);
        String agreement = paper(DocumentKind.ZONE_REGISTRATION_ACT);
        String start = paper(DocumentKind.ZONE_REGISTRATION_ACT);
        String court = paper(DocumentKind.ZONE_COURT_DECISION);
        stream("ZoneRegistration", ENTITY.stream(), new RegistrationEvents.ZoneRegistrationApplied(ENTITY, ZONE, null, null,
                        List.of(new SubmittedZoneDocument(ZoneDocument.STATE_REGISTRATION_CERTIFICATE, certificate)), AT, null, null, null, null,
                        "003 art. 12.1", SIGNER),
                new RegistrationEvents.InvestmentAgreementRecorded(ENTITY, LocalDate.of(2026, 12, 1), LocalDate.of(2031, 12, 1), null, false,
                        null, GOVERNOR_ID, agreement),
                new RegistrationEvents.OperationsStarted(ENTITY, LocalDate.of(2026, 12, 1), GOVERNOR_ID, start),
                new RegistrationEvents.CourtDissolutionRecorded(ENTITY, "Court 2026/39", LocalDate.of(2026, 12, 1), false, GOVERNOR_ID, court));
        return Map.of("investment agreement", agreement, "start of operations", start, "court decision", court);
    }

    /** Land application A1 by the entity, signed by {@link #SIGNER}: its result, its licence's fee receipt and its exemption decision. */
    private Map<String, String> landApplicationsActs() throws Exception {
        String result = paper(DocumentKind.LAND_SELECTION_RESULT);
        String receipt = paper(DocumentKind.LAND_FEE_RECEIPT);
        String exemption = paper(DocumentKind.LAND_FEE_EXEMPTION_DECISION);
        stream("ZoneLand", ZONE.landStream(),
                new LandEvents.LandUseApplied(ZONE, A1, ENTITY, "parcel", null, null, "warehouse", LocalDate.of(2027, 1, 1),
                        LocalDate.of(2036, 12, 31), LandCommands.AllocationMethod.AUCTION, AT, SIGNER),
                new LandEvents.LandUseApplied(ZONE, A2, new RegistrationId("altanbulag:mn-6239902"), "parcel 2", null, null, "warehouse",
                        LocalDate.of(2027, 1, 1), LocalDate.of(2036, 12, 31), LandCommands.AllocationMethod.AUCTION, AT, new PersonId("other-signer")),
                new LandEvents.LandSelectionResultRecorded(ZONE, A1, ENTITY, LandCommands.AllocationMethod.AUCTION, null, result, AT, GOVERNOR_ID),
                new LandEvents.LandRightsGranted(ZONE, L1, ENTITY, "parcel", null, null, "warehouse", LocalDate.of(2027, 1, 1),
                        LocalDate.of(2036, 12, 31), LandCommands.AllocationMethod.AUCTION, null, "Governor decision 2026/39", AT, GOVERNOR_ID, A1),
                new LandEvents.LandFeePaymentReported(ZONE, L1, ENTITY, null, receipt, AT, SIGNER),
                new LandEvents.LandFeeExemptionGranted(ZONE, 1, ENTITY, null, 50, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31),
                        "Government decision 2026/39", LocalDate.of(2026, 11, 30), exemption, "003 art. 23.4", AT, new PersonId("cabinet-round39")));
        return Map.of("selection result", result, "fee receipt", receipt, "exemption decision", exemption);
    }

    @Test
    @DisplayName("003 art. 8.7, 12.5, 12.5.3 (F607, was O462; ADR 0035 item 165, choice): the zone's governor in office, a Cabinet member "
            + "and the signer read the investment agreement, start of operations and court decision through ?registration=; abuse: the "
            + "Ministry's reviewer, supervisor and inspector 403 document.free-zone-paper-not-the-ministrys, the other zone's governor and a "
            + "signer whose grant names another company 403 document.reader-not-admitted, nothing stored")
    void the_registrations_later_acts_papers_are_read_by_the_zones_readers() throws Exception {
        Map<String, String> papers = registrationsLaterActs();
        long before = stored();
        for (var paper : papers.entrySet()) {
            for (String token : THE_ZONES_READERS) {
                read(paper.getValue(), "registration", ENTITY.value(), token);
            }
            for (String token : MINISTRY) {
                refused(paper.getValue(), "registration", ENTITY.value(), token, DocumentReaders.NOT_THE_MINISTRYS);
                refused(paper.getValue(), null, null, token, DocumentReaders.NOT_THE_MINISTRYS);
            }
            refused(paper.getValue(), "registration", ENTITY.value(), OTHER_GOVERNOR, "document.reader-not-admitted");
            refused(paper.getValue(), "registration", ENTITY.value(), SIGNER_ELSEWHERE, "document.reader-not-admitted");
        }
        assertThat(stored()).as("nothing stored by a refusal").isEqualTo(before);
    }

    @Test
    @DisplayName("003 art. 8.7, 22.4-22.5, 23.4 (F608, was O462; ADR 0035 item 166, choice): the zone's governor in office, a Cabinet member "
            + "and the land application's signer read its selection result, its licence's fee receipt and its applicant's exemption decision "
            + "through ?land=; abuse: the Ministry 403 document.free-zone-paper-not-the-ministrys, the other zone's governor, another land "
            + "application named (?land= of A2) and ?registration= for them 403 document.reader-not-admitted, nothing stored")
    void the_land_acts_papers_are_read_through_the_land_application() throws Exception {
        Map<String, String> papers = landApplicationsActs();
        long before = stored();
        for (var paper : papers.entrySet()) {
            for (String token : THE_ZONES_READERS) {
                read(paper.getValue(), "land", A1.value(), token);
            }
            for (String token : MINISTRY) {
                refused(paper.getValue(), "land", A1.value(), token, DocumentReaders.NOT_THE_MINISTRYS);
                refused(paper.getValue(), null, null, token, DocumentReaders.NOT_THE_MINISTRYS);
            }
            refused(paper.getValue(), "land", A1.value(), OTHER_GOVERNOR, "document.reader-not-admitted");
            refused(paper.getValue(), "land", A1.value(), SIGNER_ELSEWHERE, "document.reader-not-admitted");
            refused(paper.getValue(), "land", "not-a-land-application", SIGNED_IT, "document.reader-not-admitted");
            refused(paper.getValue(), "registration", ENTITY.value(), SIGNED_IT, "document.reader-not-admitted");
        }
        refused(papers.get("selection result"), "land", A2.value(), SIGNED_IT, "document.reader-not-admitted");
        refused(papers.get("selection result"), "land", A2.value(), GOVERNOR, "document.reader-not-admitted");
        assertThat(stored()).as("nothing stored by a refusal").isEqualTo(before);
    }
}
