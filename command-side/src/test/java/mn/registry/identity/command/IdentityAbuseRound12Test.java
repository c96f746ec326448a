package mn.registry.identity.command;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.CommandLog;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.command.claim.Claimant;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.command.claim.DocumentKind;
import mn.registry.kernel.identity.EnrolSigner;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import static mn.registry.identity.command.PersonEnrolmentTest.AT;
import static mn.registry.identity.command.PersonEnrolmentTest.DOCUMENT;
import static mn.registry.identity.command.PersonEnrolmentTest.FIRST;
import static mn.registry.identity.command.PersonEnrolmentTest.PERSON;
import static mn.registry.identity.command.PersonEnrolmentTest.SEALED;
import static mn.registry.identity.command.PersonEnrolmentTest.SUPERVISOR;
import static mn.registry.identity.command.PersonEnrolmentTest.fingerprint;
import static mn.registry.identity.command.PersonEnrolmentTest.fixture;
import static mn.registry.identity.command.PersonEnrolmentTest.pem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static mn.registry.testing.Refusals.refusedAs;

/**
 * Session 29, identity round 12 (ADR 0061 items 44-45; abuse audit F503, was O291; F504, was O314), on the person's stream and the claims:
 * a representative's grant names the company its enrolment named; a company is named for a representative only, in the state register's
 * shape; an identity order's claim keeps the persons its first citation stated, and a later citation for another person is refused. Over
 * HTTP: {@code IdentityAbuseRound12EndToEndTest} (standalone); on the desk: {@code IdentityRound12BrowserTest}.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class IdentityAbuseRound12Test {

    private static final String ORDER = "0d".repeat(32);

    private static EnrolSigner representative(String company, Role role) {
        return new EnrolSigner(PERSON, pem(FIRST), role, DOCUMENT, company, null);
    }

    @Test
    @DisplayName("001 art. 23.1.1 (F503, was O291; ADR 0061 item 44): a supervisor enrols a company's representative naming the company: the "
            + "grant of the applicant's role names it")
    void a_representatives_grant_names_the_company() {
        fixture().givenNoPriorActivity()
                .when(SignedCommandContext.message(representative("6129001", Role.APPLICANT), new CommandContext("enrol-29", AT, AT, SUPERVISOR,
                        Set.of(Role.MINISTRY_SUPERVISOR), Set.of(), "ab".repeat(32))))
                .expectEvents(PersonEnrolled.signed(PERSON, fingerprint(FIRST), AT, SEALED, SUPERVISOR, DOCUMENT),
                        new RoleGranted(PERSON, Role.APPLICANT, null, AT, SUPERVISOR, Person.ENROLMENT_GROUND, DOCUMENT, "6129001"));
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 44): abuse: a company named with an official's role, or with none, or a number of another "
            + "shape: refused on the field before anything is claimed")
    void a_company_is_named_for_a_representative_only_in_the_registers_shape() {
        for (Role official : new Role[]{Role.MINISTRY_REVIEWER, null}) {
            assertThatThrownBy(() -> EnrolSignerType.representativesCompany(representative("6129001", official))).satisfies(t -> refusedAs(t,
                    "identity.company-of-a-representative-only", "company", EnrolSignerType.COMPANY_ARTICLE));
        }
        for (String malformed : new String[]{"612 9001", "06129001", "612900", "６１２９００１"}) {
            assertThatThrownBy(() -> EnrolSignerType.representativesCompany(representative(malformed, Role.APPLICANT))).satisfies(t -> refusedAs(t,
                    "identity.company-number-malformed", "company", EnrolSignerType.COMPANY_ARTICLE));
        }
        assertThat(EnrolSignerType.representativesCompany(representative(" ", Role.MINISTRY_REVIEWER))).isNull();
        assertThat(EnrolSignerType.representativesCompany(representative(" 6129001 ", Role.APPLICANT))).isEqualTo("6129001");
    }

    @Test
    @DisplayName("001 art. 23.1.1 (F504, was O314; ADR 0061 item 45): abuse: an order first cited for reviewer-7 alone is cited for another "
            + "person: refused identity.order-concerns-other-persons, the claim left as it was; for reviewer-7 again it passes, and a "
            + "citation stating no persons (Claimant.NONE: no identity act since F521, a stored act's statement stating its persons) passes "
            + "as a claim stored before session 29 does")
    void an_order_is_cited_for_the_persons_its_first_citation_stated(MongoDatabase database) {
        CommandLog log = new CommandLog(database, Clock.systemUTC());
        DocumentClaims claims = DocumentClaims.backfilled(database, log);
        log.claim("cmd-first", "jws", "jws", "EndSignerRole", SUPERVISOR.value());
        Claimant first = EnrolSignerType.concerning(PERSON, null);
        assertThat(claims.claim(ORDER, DocumentKind.IDENTITY_ORDER, first, "cmd-first", "documentSha256", "001 art. 23.1.1", AT)).isTrue();

        Claimant another = EnrolSignerType.concerning(new PersonId("reviewer-8"), List.of(PERSON));
        assertThatThrownBy(() -> claims.claim(ORDER, DocumentKind.IDENTITY_ORDER, another, "cmd-second", "documentSha256", "001 art. 23.1.1", AT))
                .satisfies(t -> refusedAs(t, "identity.order-concerns-other-persons", "documentSha256", "001 art. 23.1.1"));
        org.bson.Document claim = database.getCollection(DocumentClaims.COLLECTION).find(Filters.eq("_id", ORDER)).first();
        assertThat(claim.getString("commandId")).isEqualTo("cmd-first");
        assertThat(claim.getList("concerns", String.class)).containsExactly(PERSON.value());

        assertThat(claims.claim(ORDER, DocumentKind.IDENTITY_ORDER, EnrolSignerType.concerning(PERSON, null), "cmd-third", "documentSha256",
                "001 art. 23.1.1", AT)).as("cited for the person stated: passes, the first keeps the claim").isFalse();
        assertThat(claims.claim(ORDER, DocumentKind.IDENTITY_ORDER, Claimant.NONE, "cmd-statement", "documentSha256", "001 art. 23.1.1", AT))
                .isFalse();
    }
}
