package mn.registry.permit.query;

import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.permit.PermitTransferred;
import mn.registry.kernel.permit.Reorganisation;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Session 31, the permit's readers (ADR 0046 item 155, the lead's reading, choice; abuse audit F522, was O414): the person who signed a permit
 * application, whose grant of the applicant's role in force now names a company other than the case's applicant company (after a transfer:
 * the holder's), no longer represents it and reads nothing of its case, as the Free Zone's signer does (F554); a signer whose grant names the
 * company, or none, reads as before (ADR 0013 §5).
 */
@ExtendWith(EmbeddedMongoExtension.class)
class PermitAbuseRound33ReadersTest {

    static final PersonId SIGNER = ApplicantCasesTest.APPLICANT;
    static final PermitApplicationRegistered REGISTERED = ApplicantCasesTest.REGISTERED;
    static final ApplicationId ID = REGISTERED.applicationId();
    /** The applicant company's number (as the event names it), another company's, and the successor's after a transfer. */
    static final String OWN = REGISTERED.company().registrationNumber();
    static final String ANOTHER = "6339901";
    static final Company SUCCESSOR = new Company("Tamga Thirtythree LLC", "6339902", true, "Ulaanbaatar");

    private PermitCaseProjection projection;
    private PermitCases cases;
    private long sequence;

    @BeforeEach
    void fresh(MongoDatabase database) {
        projection = new PermitCaseProjection(database);
        cases = new PermitCases(database);
        sequence = 0;
        deliver(REGISTERED, SIGNER.value());
    }

    private void deliver(Object event, String signer) {
        long seq = sequence++;
        projection.on(event, new GenericDomainEventMessage<>("PermitApplication", ID.value(), seq, event,
                MetaData.with("signedBy", signer).and("commandId", "cmd-" + seq).and("jwsSha256", "ef".repeat(32))));
    }

    @Test
    @DisplayName("002 art. 23.2, 26.2.1; 001 art. 23.1.1; ADR 0013 §5 (F522, was O414; ADR 0046 item 155, choice): abuse: the person who "
            + "signed the permit application, whose grant in force now names another company, reads nothing of its case nor lists it "
            + "(403 applicant.not-your-case)")
    void a_former_representative_reads_nothing_of_the_permit_case() {
        assertThat(cases.forApplicant(ID.value(), SIGNER, ANOTHER)).as("the case they signed").isEmpty();
        assertThat(cases.ofApplicant(SIGNER, ANOTHER)).as("nor listed").isEmpty();
    }

    @Test
    @DisplayName("002 art. 23.3, 26.2.1; 001 art. 23.1.1 (F522; ADR 0046 item 155, choice): abuse: after a transfer stored naming no successor's "
            + "representative (item 143), the predecessor's signer whose grant names the predecessor reads nothing of the successor's case; one "
            + "whose grant names the successor, or none, reads it")
    void after_a_transfer_the_holders_number_counts() {
        deliver(new PermitTransferred(ID, REGISTERED.company(), SUCCESSOR, Reorganisation.MERGER, "6c".repeat(32),
                Instant.parse("2026-12-03T02:00:00Z"), new PersonId("supervisor-1"), LocalDate.of(2026, 12, 2), null), "supervisor-1");
        assertThat(cases.forApplicant(ID.value(), SIGNER, OWN)).as("a grant naming the predecessor").isEmpty();
        assertThat(cases.ofApplicant(SIGNER, OWN)).isEmpty();
        assertThat(cases.forApplicant(ID.value(), SIGNER, SUCCESSOR.registrationNumber())).as("a grant naming the holder").isPresent();
        assertThat(cases.forApplicant(ID.value(), SIGNER, null)).as("no grant naming a company").isPresent();
    }

    @Test
    @DisplayName("002 art. 26.2.1; ADR 0013 §5 (F522; ADR 0046 item 155): the person who signed reads the case and lists it while their grant "
            + "names the applicant company, or none (ended, or never granted: the older reading); another person reads nothing whatever "
            + "their grant names")
    void a_signer_whose_grant_names_the_company_or_none_reads_as_before() {
        for (String company : new String[]{OWN, null}) {
            assertThat(cases.forApplicant(ID.value(), SIGNER, company)).as(String.valueOf(company))
                    .hasValueSatisfying(page -> assertThat(page.get("status")).isEqualTo("REGISTERED"));
            assertThat(cases.ofApplicant(SIGNER, company)).as(String.valueOf(company)).singleElement()
                    .satisfies(row -> assertThat(row.get("applicationId")).isEqualTo(ID.value()));
        }
        assertThat(cases.forApplicant(ID.value(), ApplicantCasesTest.OTHER_APPLICANT, OWN)).as("a grant naming the company: not a signer").isEmpty();
    }

    @Test
    @DisplayName("002 art. 26.2.1; 001 art. 23.1.1 (F522, was O414; ADR 0046 item 155, choice): abuse: over the API the signer whose session's "
            + "grant names another company gets 403 applicant.not-your-case with nothing of the case, and an empty list; the same signer naming "
            + "the applicant company reads it")
    void the_api_refuses_the_former_representative() throws Exception {
        mn.registry.infrastructure.session.Sessions sessions = org.mockito.Mockito.mock(mn.registry.infrastructure.session.Sessions.class);
        org.mockito.Mockito.when(sessions.require("Bearer own", mn.registry.kernel.identity.Role.APPLICANT)).thenReturn(actor(OWN));
        org.mockito.Mockito.when(sessions.require("Bearer moved", mn.registry.kernel.identity.Role.APPLICANT)).thenReturn(actor(ANOTHER));
        org.springframework.test.web.servlet.MockMvc http = org.springframework.test.web.servlet.setup.MockMvcBuilders
                .standaloneSetup(new ApplicantCasesController(cases, sessions))
                .setControllerAdvice(new mn.registry.infrastructure.web.ProblemResponses()).build();
        String path = "/api/applicant/applications/" + ID.value();
        http.perform(get(path).header("Authorization", "Bearer own")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REGISTERED"));
        http.perform(get(path).header("Authorization", "Bearer moved")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("applicant.not-your-case"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(REGISTERED.company().name()))));
        http.perform(get("/api/applicant/applications").header("Authorization", "Bearer moved")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    @DisplayName("002 art. 23.2; 001 art. 23.1.1 (F526, was O405; F559; ADR 0046 items 157-158): the cases an official may act for the holder "
            + "of, with the holder's number and representative the brief lists lack: by the grant's company (after a transfer, the holder's), "
            + "or naming the official as the representative; none for another company")
    void the_cases_an_official_may_act_for_the_holder_of() {
        assertThat(cases.holderOfficialsCases(new PersonId("reviewer-1"), OWN)).singleElement().satisfies(row -> {
            assertThat(row.get("applicationId")).isEqualTo(ID.value());
            assertThat(row.get("representative")).isEqualTo(SIGNER.value());
            assertThat(((java.util.Map<?, ?>) row.get("company")).get("registrationNumber")).isEqualTo(OWN);
        });
        assertThat(cases.holderOfficialsCases(SIGNER, null)).as("the representative in person").hasSize(1);
        assertThat(cases.holderOfficialsCases(new PersonId("reviewer-1"), ANOTHER)).isEmpty();
        assertThat(cases.holderOfficialsCases(new PersonId("reviewer-1"), null)).isEmpty();
        deliver(new PermitTransferred(ID, REGISTERED.company(), SUCCESSOR, Reorganisation.MERGER, "6d".repeat(32),
                Instant.parse("2026-12-03T02:00:00Z"), new PersonId("supervisor-1"), LocalDate.of(2026, 12, 2), null), "supervisor-1");
        assertThat(cases.holderOfficialsCases(new PersonId("reviewer-1"), OWN)).as("the predecessor's").isEmpty();
        assertThat(cases.holderOfficialsCases(new PersonId("reviewer-1"), SUCCESSOR.registrationNumber())).hasSize(1);
    }

    private static mn.registry.infrastructure.identity.Actor actor(String company) {
        return new mn.registry.infrastructure.identity.Actor(SIGNER, java.util.Set.of(mn.registry.kernel.identity.Role.APPLICANT), java.util.Set.of(),
                company, () -> "Signer");
    }
}
