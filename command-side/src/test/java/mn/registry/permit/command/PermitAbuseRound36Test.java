package mn.registry.permit.command;

import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.identity.IdentityDirectory;
import mn.registry.infrastructure.identity.RepresentativeNames;
import mn.registry.infrastructure.privacy.PersonalDataVault;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.PersonalDataErased;
import mn.registry.kernel.identity.PersonalDetails;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.IssuePermit;
import mn.registry.kernel.privacy.PublishedTextScreen;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.mongo.GaplessEventStorageEngine;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.store.testing.TestSealingKeys;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Session 33's round 36 (docs/abuse-audit.md, "Session 33, published text and the permit desk"; ADR 0046 items 175-177): what a published
 * free text may not hold beyond the three details of domain-rules §5. F601 (was O474): an e-mail written "bat at tamga.mn"; F602 (was
 * O473): the name of a natural person the registry holds and does not publish (a representative's), judged against the names as the
 * registry holds them at the receipt ({@link RepresentativeNames}, kept in memory and current as events are stored). The pipeline calls
 * both screens before anything is claimed or stored ({@code CommandPipeline.carryOut}); the refusal end to end, nothing stored, is in
 * {@code PermitAbuseRound36BrowserTest}.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class PermitAbuseRound36Test {

    private static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");
    private static final PersonId BEFORE = new PersonId("representative-36a");
    private static final PersonId AFTER = new PersonId("representative-36b");
    private static final PersonId OFFICIAL = new PersonId("supervisor-36");
    private static final PersonId ONE_WORD = new PersonId("representative-36c");
    private static final ApplicationId APPLICATION = new ApplicationId("00000000-0000-4000-8000-000000003601");
    private static final String CONTRACT = "36".repeat(32);

    private final MongoDatabase db;
    private final EmbeddedEventStore events;
    private final GaplessEventStorageEngine engine;
    private final PersonalDataVault vault;
    private final Map<PersonId, Long> sequences = new HashMap<>();

    PermitAbuseRound36Test(MongoDatabase db) {
        this.db = db;
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        this.engine = GaplessEventStorageEngine.builder().database(db).sealingKey(TestSealingKeys.sealingKey())
                .eventSerializer(serializer).snapshotSerializer(serializer).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
        engine.ensureIndexes();
        this.events = EmbeddedEventStore.builder().storageEngine(engine).build();
        this.vault = new PersonalDataVault(db, Clock.fixed(T0, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        events.shutDown();
    }

    private void enrolled(PersonId person, String name, Role role) {
        stored(person, PersonEnrolled.encrypted(person, "ab".repeat(32), T0, vault.encrypt(person, new PersonalDetails(name, "MIIB"))),
                new RoleGranted(person, role, null, T0, null, "first start", null, role == Role.APPLICANT ? "6403601" : null));
    }

    private void stored(PersonId person, Object... payloads) {
        for (Object payload : payloads) {
            long sequence = sequences.merge(person, 0L, (a, b) -> a + 1);
            events.publish(new GenericDomainEventMessage<>("Person", IdentityDirectory.streamOf(person), sequence, payload));
        }
    }

    private static IssuePermit issue(String... conditions) {
        return new IssuePermit(APPLICATION, "Issuing signature certificates", List.of(conditions), null, CONTRACT);
    }

    private static RegistryProblem refused(Runnable screen) {
        RegistryProblem problem = catchThrowableOfType(screen::run, RegistryProblem.class);
        assertThat(problem).as("refused").isNotNull();
        return problem;
    }

    @Test
    @DisplayName("002 art. 15.3, 30.1 (F601, was O474; ADR 0046 item 175, choice): an e-mail written with the word at and a real dot "
            + "(\"bat at tamga.mn\", \"see us at tamga.mn\") is refused as an e-mail (400 privacy.personal-details-in-published-text on the "
            + "field), the message saying a web address is written with www. or https://; a web address so written passes")
    void an_e_mail_written_with_the_word_at_is_refused() {
        for (String condition : List.of("Questions to bat at tamga.mn", "See us at tamga.mn", "Асуулт: бат эт тамга.мн")) {
            RegistryProblem problem = refused(() -> PublishedTextScreen.screen(issue("Keep the keys offline", condition)));
            assertThat(problem.code()).isEqualTo(PublishedTextScreen.CODE);
            assertThat(problem.field()).isEqualTo("conditions[1]");
            assertThat(problem.article()).isEqualTo(PublishedTextScreen.ARTICLE);
            assertThat(problem.getMessage()).contains("an e-mail address", "\"www.\"", "\"https://\"");
        }
        assertThatCode(() -> PublishedTextScreen.screen(issue("See us at www.tamga.mn", "or https://tamga.mn/permits"))).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("002 art. 15.3, 30.1 (F602, was O473; ADR 0046 items 176-177, choice): a published text naming a representative (all the "
            + "words of their enrolled name, any order and case, also across a list's items) is refused (400 text.personal-name on the field), "
            + "whether enrolled before the start or after it; the message names neither the person nor their enrolment; an official's name, a "
            + "one-word name, a name's single word and an erased person's name pass")
    void a_representatives_name_in_published_text_is_refused() {
        enrolled(BEFORE, "Тэмүүлэн Болд", Role.APPLICANT);
        enrolled(OFFICIAL, "Сарангэрэл Дорж", Role.MINISTRY_SUPERVISOR);
        enrolled(ONE_WORD, "Ганхуяг", Role.APPLICANT);
        RepresentativeNames names = new RepresentativeNames(events, new IdentityDirectory(events, vault, engine), vault);

        for (String condition : List.of("Тэмүүлэн Болд signs each certificate", "Гарын үсгийг БОЛД Тэмүүлэн зурна")) {
            RegistryProblem problem = refused(() -> PublishedTextScreen.screenNames(issue("Keep the keys offline", condition), names));
            assertThat(problem.code()).isEqualTo(PublishedTextScreen.PERSONAL_NAME_CODE);
            assertThat(problem.field()).isEqualTo("conditions[1]");
            assertThat(problem.article()).isEqualTo(PublishedTextScreen.ARTICLE);
            assertThat(problem.getMessage()).contains("natural person").doesNotContain("Тэмүүлэн", "Болд", "enrol");
        }
        assertThat(refused(() -> PublishedTextScreen.screenNames(issue("The director Тэмүүлэн", "Болд signs"), names)).field())
                .as("read across the list's items").isEqualTo("conditions");
        for (String passes : List.of("Сарангэрэл Дорж decided", "Ганхуяг district office", "Болд street 5", "Тэмүүлэнболд signs")) {
            assertThatCode(() -> PublishedTextScreen.screenNames(issue(passes), names)).as(passes).doesNotThrowAnyException();
        }

        // enrolled after the start: screened from the enrolment on, with no restart
        assertThatCode(() -> PublishedTextScreen.screenNames(issue("Солонго Ганхуяг signs"), names)).doesNotThrowAnyException();
        enrolled(AFTER, "Солонго Ганхуяг", Role.APPLICANT);
        assertThat(refused(() -> PublishedTextScreen.screenNames(issue("Солонго Ганхуяг signs"), names)).code())
                .isEqualTo(PublishedTextScreen.PERSONAL_NAME_CODE);

        // erased: the registry no longer holds the name
        vault.erase(AFTER, OFFICIAL);
        stored(AFTER, new PersonalDataErased(AFTER, PersonalDataVault.keyId(AFTER), "art. 30.1", T0, OFFICIAL));
        assertThatCode(() -> PublishedTextScreen.screenNames(issue("Солонго Ганхуяг signs"), names)).doesNotThrowAnyException();
    }
}
