package mn.registry.freezone.query;

import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.identity.PersonId;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 30, the entity's file and its readers (ADR 0035 item 122, the lead's simpler reading, choice; abuse audit F554, was O392): a person
 * who signed a round of an entity's registration and whose grant of the applicant's role in force now names another company no longer
 * represents it (F507 refuses their acts for it) and reads nothing of its file; a signer whose grant names the entity, or none, reads as
 * before (ADR 0013 §5, F533).
 */
@ExtendWith(EmbeddedMongoExtension.class)
class FreeZoneAbuseRound32ReadersTest {

    /** The person who signed both applications (as the events name them). */
    static final PersonId FORMER = GovernorDeskTest.APPLICANT;
    static final PersonId GOVERNOR = GovernorDeskTest.GOVERNOR;
    static final LocalDate RECEIVED_ON = LocalDate.of(2026, 11, 20);
    static final RegistrationEvents.ZoneRegistrationApplied GOBI = GovernorDeskTest.applied(GovernorDeskTest.GOBI, Activity.TRADE, RECEIVED_ON,
            LocalDate.of(2026, 11, 27));
    static final RegistrationEvents.ZoneRegistrationApplied ERLIAN = GovernorDeskTest.applied(GovernorDeskTest.ERLIAN, Activity.PRODUCTION,
            RECEIVED_ON, LocalDate.of(2026, 11, 27));
    /** The Mongolian entity's number (Gobi Trade LLC), and another company's. */
    static final String OWN = "5123456";
    static final String ANOTHER = "5999999";

    private RegistrationFeed feed;
    private ApplicantRegistrations registrations;

    @BeforeEach
    void fresh(MongoDatabase database) {
        feed = new RegistrationFeed(database);
        registrations = feed.registrations;
        feed.deliver(GOBI.registrationId(), GOBI, FORMER);
        feed.deliver(GOBI.registrationId(), GovernorDeskTest.registered(GovernorDeskTest.GOBI, Activity.TRADE, RECEIVED_ON.plusDays(2)),
                GOVERNOR);
        feed.deliver(ERLIAN.registrationId(), ERLIAN, FORMER);
    }

    @Test
    @DisplayName("003 art. 12.1; 001 art. 23.1.1; ADR 0013 §5 (F554, was O392; ADR 0035 item 122, choice): abuse: the person who signed the "
            + "entity's application, whose grant in force now names another company, reads nothing of its file (403 applicant.not-your-case)")
    void a_former_representative_reads_nothing_of_the_entitys_file() {
        assertThat(registrations.forApplicant(GOBI.registrationId().value(), FORMER, ANOTHER)).as("the Mongolian entity's file").isEmpty();
        assertThat(registrations.forApplicant(ERLIAN.registrationId().value(), FORMER, ANOTHER))
                .as("a foreign entity's file: a grant naming a company represents no foreign entity (F507)").isEmpty();
        assertThat(registrations.ofApplicant(FORMER, ANOTHER)).as("nor listed").isEmpty();
    }

    @Test
    @DisplayName("003 art. 12.1; ADR 0013 §5 (F554; ADR 0035 item 122): the person who signed reads the rounds they signed while their grant "
            + "names the entity, or none (ended, or never granted: the older reading)")
    void a_signer_whose_grant_names_the_entity_or_none_reads_as_before() {
        for (String company : new String[]{OWN, null}) {
            assertThat(registrations.forApplicant(GOBI.registrationId().value(), FORMER, company)).as(String.valueOf(company))
                    .hasValueSatisfying(page -> assertThat(page.get("status")).isEqualTo("REGISTERED"));
        }
        assertThat(registrations.forApplicant(ERLIAN.registrationId().value(), FORMER, null)).as("the foreign entity's, no grant").isPresent();
        assertThat(registrations.ofApplicant(FORMER, OWN)).extracting(row -> row.get("registrationId")).containsExactly(
                GOBI.registrationId().value());
        assertThat(registrations.ofApplicant(FORMER, null)).hasSize(2);
    }
}
