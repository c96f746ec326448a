package mn.registry.freezone.entity;

import mn.registry.command.claim.DocumentClaims;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.testing.EmbeddedMongoExtension;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static mn.registry.freezone.entity.ZoneRegistrationTest.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 32, the zone's papers and numbers (ADR 0035 items 152-153; abuse audit F588, F589, was O446): a foreign entity's registration
 * number, published whole on its certificate, is no person's civil register number in any country, and is of its country's public format
 * where that country has one fixed (RU, CN, KR, JP, KZ). Through the command type the registry runs, on the embedded MongoDB (as
 * {@code DocumentClaimsRound29ZoneTest}): a refusal stores no event and leaves none of the application's papers claimed.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class FreeZoneAbuseRound38Test {

    private final DocumentClaimsRound29ZoneTest on = new DocumentClaimsRound29ZoneTest();
    private MongoDatabase database;

    @BeforeEach
    void start(MongoDatabase database) {
        this.database = database;
        on.start(database);
    }

    @AfterEach
    void shutdown() {
        on.shutdown();
    }

    private static LegalEntity foreign(String country, String number) {
        return new LegalEntity("Round38 " + country + " Freight Co", Jurisdiction.FOREIGN, country, number);
    }

    /** Refused 400 with {@code code} on {@code entity.registrationNumber} citing {@code article}: no event of the registration, no paper claimed. */
    private void refused(LegalEntity entity, String digit, String code, String article) {
        List<SubmittedZoneDocument> papers = DocumentClaimsRound29ZoneTest.documentsOf(entity, digit, digit.repeat(2) + "f".repeat(62));
        RegistryProblem problem = on.refused(on.node(), DocumentClaimsRound29ZoneTest.ZAMYN_UUD, entity, papers, RECEIVED);
        assertThat(problem).as(entity.country() + " " + entity.registrationNumber()).isNotNull();
        assertThat(List.of(problem.code(), problem.kind().name(), String.valueOf(problem.field()), String.valueOf(problem.article())))
                .as(entity.country() + " " + entity.registrationNumber()).containsExactly(code, "INVALID", "entity.registrationNumber", article);
        assertThat(events(entity)).as("nothing stored").isZero();
        assertThat(database.getCollection(DocumentClaims.COLLECTION).countDocuments()).as("no paper claimed").isZero();
    }

    // the registration's events; a number of no ASCII letter or digit names no registration stream (RegistrationId refuses it): none
    private long events(LegalEntity entity) {
        RegistrationId id;
        try {
            id = RegistrationId.of(DocumentClaimsRound29ZoneTest.ZAMYN_UUD, entity);
        } catch (IllegalArgumentException noStream) {
            return 0;
        }
        return on.axon.eventStore().readEvents(id.stream()).asStream().count();
    }

    @Test
    @DisplayName("002 art. 30.1; 003 art. 12.1 (F588, was O446; ADR 0035 item 152, choice): abuse: a Mongolian civil register number as an "
            + "entity's registration number (UB90010112 for RU, its Cyrillic form, lower case, spaced, hyphenated, with a zero-width space, "
            + "full-width; for a Mongolian entity too) is refused 400 freezone.registration-number-is-a-civil-number, nothing stored or claimed")
    void a_civil_register_number_is_no_entitys_number() {
        String civil = RegistrationIntakePolicy.CIVIL_NUMBER;
        String article = "002 art. 30.1; 003 art. 12.1";
        int digit = 1;
        for (String number : List.of("UB90010112", "ub90010112", "UB 9001 0112", "UB-90010112", "UB\u200B90010112", "УБ90010112", "ӨҮ90010112",
                "ＵＢ９００１０１１２")) {
            for (String country : List.of("RU", "DE", "US")) {
                refused(foreign(country, number), Integer.toHexString(digit++ % 16), civil, article);
            }
        }
        refused(new LegalEntity("Round38 Selenge Civil LLC", Jurisdiction.MONGOLIAN, null, "УБ90010112"), "a", civil, article);
    }

    @Test
    @DisplayName("003 art. 12.1, 12.1.2 (F589, was O446; ADR 0035 item 153, choice): abuse: a phone number as a Russian entity's OGRN (99112233), "
            + "and numbers not of their country's public format (CN, KR, JP, KZ) are refused 400 freezone.registration-number-not-the-countrys-format "
            + "naming the format, nothing stored or claimed; happy: each country's format (separators aside), and another country's phone-shaped number (O463)")
    void a_number_of_a_country_with_a_fixed_format_has_that_format() {
        String format = RegistrationIntakePolicy.NOT_THE_COUNTRYS_FORMAT;
        String article = "003 art. 12.1, 12.1.2";
        int digit = 1;
        for (LegalEntity wrong : List.of(foreign("RU", "99112233"), foreign("RU", "10277001321950"), foreign("ru", "99-11-22-33"),
                foreign("CN", "91152599"), foreign("CN", "91152501MA0N"), foreign("CN", "91152501ma0nxk2l1q"), foreign("CN", "91152501MA0NXK2L1O"),
                foreign("CN", "91152501MA0NXK2L1S"), foreign("KR", "99112233"), foreign("KR", "12345678901"), foreign("JP", "99112233"),
                foreign("JP", "70100010088A"), foreign("KZ", "99112233"), foreign("KZ", "1234567890123"))) {
            refused(wrong, Integer.toHexString(digit++ % 16), format, article);
        }
        RegistryProblem says = on.refused(on.node(), DocumentClaimsRound29ZoneTest.ZAMYN_UUD, foreign("RU", "99112233"),
                DocumentClaimsRound29ZoneTest.documentsOf(foreign("RU", "99112233"), "e", "ee" + "f".repeat(62)), RECEIVED);
        assertThat(says.getMessage()).contains("OGRN of 13 digits");

        // each country's own format is received, its separators aside; a country with no fixed format keeps the ASCII rule (O463)
        int n = 0;
        for (LegalEntity right : List.of(foreign("RU", "1027700132195"), foreign("RU", "1027700-132196"), foreign("RU", "304500116000157"),
                foreign("CN", "91152501MA0NXK2L1Q"), foreign("KR", "123-45-67890"), foreign("JP", "7010001008844"),
                foreign("KZ", "180140009871"), foreign("DE", "HRB 12345"), foreign("US", "99112233"))) {
            String paper = Integer.toHexString(++n);
            assertThat(on.apply(on.node(), DocumentClaimsRound29ZoneTest.ZAMYN_UUD, right,
                    DocumentClaimsRound29ZoneTest.documentsOf(right, paper, paper + "d" + "c".repeat(62)), RECEIVED))
                    .as(right.country() + " " + right.registrationNumber()).isNotNull();
        }
    }
}
