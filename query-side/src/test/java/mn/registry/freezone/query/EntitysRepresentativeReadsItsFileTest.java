package mn.registry.freezone.query;

import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 30, the entity's own people (ADR 0035 item 111, the lead's reading, choice; abuse audit F533, was O377): a representative whose
 * grant of the applicant's role in force now names a Mongolian entity's number reads that entity's registration file, every round of it, the
 * persons who signed its rounds' applications shown as its earlier representative, their ids withheld (ADR 0013 §5); a grant naming another
 * company (or none: ended) reads nothing more.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class EntitysRepresentativeReadsItsFileTest {

    static final PersonId FIRST = new PersonId("applicant-1");
    static final PersonId SUCCESSOR = new PersonId("applicant-30-new");
    static final PersonId GOVERNOR = GovernorDeskTest.GOVERNOR;
    static final String REASON = "the charter submitted is not notarised";
    static final LocalDate RECEIVED_ON = LocalDate.of(2026, 11, 20);
    static final RegistrationEvents.ZoneRegistrationApplied APPLIED = GovernorDeskTest.applied(GovernorDeskTest.GOBI, Activity.TRADE, RECEIVED_ON,
            LocalDate.of(2026, 11, 27));
    static final RegistrationId ID = APPLIED.registrationId();
    /** The entity's number (Gobi Trade LLC), and another company's. */
    static final String OWN = "5123456";
    static final String ANOTHER = "5999999";

    private RegistrationFeed feed;
    private ApplicantRegistrations registrations;

    @BeforeEach
    void fresh(MongoDatabase database) {
        feed = new RegistrationFeed(database);
        registrations = feed.registrations;
        deliver(APPLIED, FIRST);
        deliver(new RegistrationEvents.ZoneRegistrationRejected(ID, List.of(REASON), java.time.Instant.parse("2026-11-24T17:15:00Z"), GOVERNOR), GOVERNOR);
        LocalDate again = LocalDate.of(2026, 12, 1);
        RegistrationEvents.ZoneRegistrationApplied second = GovernorDeskTest.applied(GovernorDeskTest.GOBI, Activity.TRADE, again, LocalDate.of(2026, 12, 8));
        deliver(second, FIRST);
        deliver(GovernorDeskTest.registered(GovernorDeskTest.GOBI, Activity.TRADE, again), GOVERNOR);
    }

    private void deliver(Object event, PersonId signer) {
        feed.deliver(ID, event, signer);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> page, String key) {
        return (List<Map<String, Object>>) page.get(key);
    }

    @Test
    @DisplayName("003 art. 12.1, 22.2; 001 art. 23.1.1 (F533, was O377; ADR 0035 item 111, choice): the entity's new representative, whose "
            + "grant in force names its number 5123456, reads its registration's file, every round, the earlier representative's id withheld")
    void the_entitys_new_representative_reads_its_file() {
        Map<String, Object> page = registrations.forApplicant(ID.value(), SUCCESSOR, OWN).orElseThrow();
        assertThat(page.get("status")).isEqualTo("REGISTERED");
        assertThat(page.get("certificateNumber")).isNotNull();
        assertThat(list(page, "applications")).hasSize(2).allSatisfy(a -> {
            assertThat(a.get("signedBy")).isNull();
            assertThat(a.get("signedByTheReader")).isEqualTo(false);
        });
        assertThat(list(page, "decisions")).extracting(d -> d.get("type")).containsExactly("ZoneRegistrationRejected", "EntityRegistered");
        assertThat(page.toString()).contains(REASON).doesNotContain(FIRST.value());
        assertThat(registrations.ofApplicant(SUCCESSOR, OWN)).singleElement().satisfies(row -> {
            assertThat(row.get("registrationId")).isEqualTo(ID.value());
            assertThat(row.get("status")).isEqualTo("REGISTERED");
        });
        assertThat(registrations.forApplicant(ID.value(), FIRST, OWN).orElseThrow().toString()).as("the person who applied, their own id")
                .contains(FIRST.value());
    }

    @Test
    @DisplayName("003 art. 12.1; 001 art. 23.1.1 (F533; ADR 0035 item 111): abuse: a representative whose grant names another company "
            + "(5999999), or whose grant ended (none in force: null), reads nothing of the entity")
    void a_grant_naming_another_company_or_none_reads_nothing() {
        for (String company : new String[]{ANOTHER, null, "5123456$|.*", ".*"}) {
            assertThat(registrations.forApplicant(ID.value(), SUCCESSOR, company)).as(String.valueOf(company)).isEmpty();
            assertThat(registrations.ofApplicant(SUCCESSOR, company)).as(String.valueOf(company)).isEmpty();
        }
    }
}
