package mn.registry.freezone.entity;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.permit.api.CompanyEnded;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static mn.registry.freezone.entity.DocumentClaimsRound29ZoneTest.ZAMYN_UUD;
import static mn.registry.freezone.entity.ZoneRegistrationTest.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 33, the zone's intake and papers (ADR 0035 item 163, choice; abuse audit F605, was O452): a Mongolian company the registry holds
 * ended at the receipt (its permit revoked because it was liquidated, 002 art. 29.1.2, no complaint upheld; or ended by a reorganisation,
 * 23.3) applies to register in a Free Zone (003 art. 12.1). Through the command type the registry runs, on the embedded MongoDB (as
 * {@code FreeZoneAbuseRound38Test}): a refusal stores no event and leaves none of the application's papers claimed. The services answer as
 * the registry's do from the permit register's memory ({@code CompaniesEnded}, whose answer {@code PermitAbuseRound35Test} proves).
 */
@ExtendWith(EmbeddedMongoExtension.class)
class FreeZoneAbuseRound39Test {

    private static final LegalEntity LIQUIDATED = new LegalEntity("Round39 Liquidated Trade LLC", Jurisdiction.MONGOLIAN, null, "6403501");
    private static final LegalEntity MERGED = new LegalEntity("Round39 Merged Trade LLC", Jurisdiction.MONGOLIAN, null, "6403502");
    /** A foreign entity whose number is, by chance, the liquidated company's digits: not a Mongolian company, not concerned. */
    private static final LegalEntity FOREIGN = new LegalEntity("Round39 Freight GmbH", Jurisdiction.FOREIGN, "DE", "6403501");

    /** The registrations' services, answering the companies ended as the permit register holds them at the receipt. */
    static final class Ended extends ZoneRegistrationTest.Services {
        final Map<String, CompanyEnded> ended = new HashMap<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public Optional<CompanyEnded> companyEnded(String stateRegistrationNumber) {
            asked.add(stateRegistrationNumber);
            return Optional.ofNullable(ended.get(stateRegistrationNumber));
        }
    }

    private final DocumentClaimsRound29ZoneTest on = new DocumentClaimsRound29ZoneTest();
    private final Ended services = new Ended();
    private MongoDatabase database;

    @BeforeEach
    void start(MongoDatabase database) {
        this.database = database;
        on.services = services;
        on.start(database);
    }

    @AfterEach
    void shutdown() {
        on.shutdown();
    }

    private static List<SubmittedZoneDocument> papers(LegalEntity entity, String digit) {
        return DocumentClaimsRound29ZoneTest.documentsOf(entity, digit, digit.repeat(2) + "e".repeat(62));
    }

    /** Refused 409 freezone.applicant-ceased on the number, citing {@code article}: no event of the registration, no paper claimed. */
    private void refused(LegalEntity entity, String digit, String article) {
        RegistryProblem problem = on.refused(on.node(), ZAMYN_UUD, entity, papers(entity, digit), RECEIVED);
        assertThat(problem).as(entity.registrationNumber() + " refused").isNotNull();
        assertThat(List.of(problem.code(), problem.kind().name(), String.valueOf(problem.field()), String.valueOf(problem.article())))
                .containsExactly(ZoneRegistration.APPLICANT_CEASED, "CONFLICT", "entity.registrationNumber", article);
        assertThat(problem.getMessage()).contains("ceased on 2026-11-02");
        assertThat(on.events(ZAMYN_UUD, entity)).as("nothing stored").isZero();
        assertThat(database.getCollection(DocumentClaims.COLLECTION).countDocuments()).as("no paper claimed").isZero();
    }

    @Test
    @DisplayName("003 art. 12.1; 002 art. 29.1.2, 23.3 (F605, was O452; ADR 0035 item 163, choice): abuse: the company whose permit was "
            + "revoked because it was liquidated applies to register in a Free Zone: refused 409 freezone.applicant-ceased on "
            + "entity.registrationNumber citing 003 art. 12.1 and 002 art. 29.1.2, nothing stored or claimed; one a merger ended: 23.3 cited")
    void a_company_that_no_longer_exists_registers_in_no_free_zone() {
        services.ended.put(LIQUIDATED.registrationNumber(), new CompanyEnded(LIQUIDATED.registrationNumber(), LocalDate.of(2026, 11, 2), true));
        services.ended.put(MERGED.registrationNumber(), new CompanyEnded(MERGED.registrationNumber(), LocalDate.of(2026, 11, 2), false));
        refused(LIQUIDATED, "a", "003 art. 12.1; 002 art. 29.1.2");
        refused(MERGED, "b", "003 art. 12.1; 002 art. 23.3");
    }

    @Test
    @DisplayName("003 art. 12.1; 002 art. 29.6 (F605; ADR 0035 item 163): happy: once a complaint against the revocation is upheld (the "
            + "registry no longer holds the company ended from its receipt), the company applies; a foreign entity of the same digits is not asked")
    void an_upheld_complaint_lifts_it_and_a_foreign_entity_is_not_concerned() {
        services.ended.put(LIQUIDATED.registrationNumber(), new CompanyEnded(LIQUIDATED.registrationNumber(), LocalDate.of(2026, 11, 2), true));
        refused(LIQUIDATED, "a", "003 art. 12.1; 002 art. 29.1.2");
        services.asked.clear();
        assertThat(on.apply(on.node(), ZAMYN_UUD, FOREIGN, papers(FOREIGN, "c"), RECEIVED)).as("the foreign entity applies").isNotNull();
        assertThat(services.asked).as("a foreign entity is not asked").isEmpty();
        services.ended.clear(); // the complaint upheld: CeasedCompanies no longer answers it
        assertThat(on.apply(on.node(), ZAMYN_UUD, LIQUIDATED, papers(LIQUIDATED, "a"), RECEIVED.plusSeconds(60))).as("lifted").isNotNull();
        assertThat(on.events(ZAMYN_UUD, LIQUIDATED)).isOne();
    }
}
