package mn.registry.freezone.entity;

import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static mn.registry.freezone.FreeZoneSigned.on;
import static mn.registry.freezone.entity.ZoneRegistrationTest.AGREEMENT_DOC;
import static mn.registry.freezone.entity.ZoneRegistrationTest.CERTIFIED;
import static mn.registry.freezone.entity.ZoneRegistrationTest.COURT_DOC;
import static mn.registry.freezone.entity.ZoneRegistrationTest.GOVERNOR;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ID;
import static mn.registry.freezone.entity.ZoneRegistrationTest.applied;
import static mn.registry.freezone.entity.ZoneRegistrationTest.governor;
import static mn.registry.freezone.entity.ZoneRegistrationTest.registered;

/**
 * ADR 0035 item 7 (abuse audit F47, F48): the investment agreement (its date starts the year to start, 003 art. 12.5.1) and the court's
 * decision (marked "in bankruptcy" it spares the clawback, 26.2) are recorded with the SHA-256 of their document, uploaded first, never on
 * the governor's word alone; and each act with its own document.
 */
class ZoneRegistrationDocumentTest {

    static final LocalDate SIGNED = CERTIFIED.plusDays(10);
    static final LocalDate ENDS = LocalDate.of(2036, 12, 31);
    static final LocalDate TODAY = LocalDate.of(2027, 2, 10);
    static final Instant COURT_AT = Instant.parse("2027-05-02T01:00:00Z");
    static final LocalDate DECIDED = LocalDate.of(2027, 4, 28);
    static final String NEVER_UPLOADED = "9".repeat(64);

    private final ZoneRegistrationTest.Services services = new ZoneRegistrationTest.Services();
    private AggregateTestFixture<ZoneRegistration> fixture;

    @BeforeEach
    void fixture() {
        services.unknownDocuments.add(NEVER_UPLOADED);
        fixture = ZoneRegistrationTest.fixture(services);
    }

    static RegistrationCommands.RecordInvestmentAgreement agreementCiting(String sha256) {
        return new RegistrationCommands.RecordInvestmentAgreement(ID, SIGNED, ENDS, Money.mnt(5_000_000_000L), true, sha256);
    }

    static RegistrationCommands.RecordCourtDecision bankruptcyCiting(String sha256) {
        return new RegistrationCommands.RecordCourtDecision(ID, "Selenge court 2027/118", DECIDED, true, sha256);
    }

    /** Not a hash: missing, blank, upper case, one character short, a file name. */
    static List<String> notAHash() {
        return Arrays.asList(null, " ", AGREEMENT_DOC.replace('1', 'A'), "a".repeat(63), "agreement.pdf");
    }

    @Test
    @DisplayName("003 art. 12.5.1, 26.2: the investment agreement is recorded with the SHA-256 of its uploaded document, which the event carries")
    void agreement_is_recorded_with_its_document() {
        fixture.given(applied(), registered())
                .when(governor(agreementCiting(AGREEMENT_DOC), on(TODAY)))
                .expectEvents(new RegistrationEvents.InvestmentAgreementRecorded(ID, SIGNED, ENDS, Money.mnt(5_000_000_000L), true,
                        SIGNED.plusYears(1).minusDays(1), GOVERNOR, AGREEMENT_DOC));
    }

    @Test
    @DisplayName("003 art. 12.5.1, 26.2: an investment agreement on the governor's word alone (no document, a malformed hash, or one never uploaded) is refused and stores nothing")
    void agreement_without_an_uploaded_document_is_refused() {
        for (String hash : notAHash()) {
            String code = hash == null || hash.isBlank() ? "freezone.field-missing" : "document.sha256-malformed";
            fixture.given(applied(), registered())
                    .when(governor(agreementCiting(hash), on(TODAY)))
                    .expectException(problem(code, "003 art. 12.5.1, 26.2"))
                    .expectNoEvents();
        }
        fixture.given(applied(), registered())
                .when(governor(agreementCiting(NEVER_UPLOADED), on(TODAY)))
                .expectException(problem("document.unknown", "003 art. 12.5.1, 26.2"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.5.3, 26.2: a court decision is recorded with the SHA-256 of its uploaded document, which the event carries")
    void court_decision_is_recorded_with_its_document() {
        fixture.given(applied(), registered())
                .when(governor(bankruptcyCiting(COURT_DOC), COURT_AT))
                .expectEvents(new RegistrationEvents.CourtDissolutionRecorded(ID, "Selenge court 2027/118", DECIDED, true, GOVERNOR, COURT_DOC),
                        new RegistrationEvents.DeregistrationGroundRaised(ID, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", DECIDED,
                                COURT_AT, GOVERNOR));
    }

    @Test
    @DisplayName("003 art. 12.5.3, 26.2: a court decision \"in bankruptcy\" on the governor's word alone (no document, a malformed hash, or one never uploaded) is refused and stores nothing")
    void court_decision_without_an_uploaded_document_is_refused() {
        for (String hash : notAHash()) {
            String code = hash == null || hash.isBlank() ? "freezone.field-missing" : "document.sha256-malformed";
            fixture.given(applied(), registered())
                    .when(governor(bankruptcyCiting(hash), COURT_AT))
                    .expectException(problem(code, "003 art. 12.5.3, 26.2"))
                    .expectNoEvents();
        }
        fixture.given(applied(), registered())
                .when(governor(bankruptcyCiting(NEVER_UPLOADED), COURT_AT))
                .expectException(problem("document.unknown", "003 art. 12.5.3, 26.2"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.5.1, 12.5.3, 26.2: a document this registration cited already (the agreement's, or one of the application's) is not the court's decision \"in bankruptcy\", nor the agreement")
    void one_document_is_one_act() {
        RegistrationEvents.InvestmentAgreementRecorded agreement = new RegistrationEvents.InvestmentAgreementRecorded(ID, SIGNED, ENDS,
                Money.mnt(5_000_000_000L), true, SIGNED.plusYears(1).minusDays(1), GOVERNOR, AGREEMENT_DOC);
        fixture.given(applied(), registered(), agreement)
                .when(governor(bankruptcyCiting(AGREEMENT_DOC), COURT_AT))
                .expectException(problem("freezone.document-cited-already", "003 art. 12.5.3, 26.2"))
                .expectNoEvents();
        String charter = ZoneRegistrationTest.documents(Jurisdiction.MONGOLIAN).get(0).sha256();
        fixture.given(applied(), registered(), agreement)
                .when(governor(bankruptcyCiting(charter), COURT_AT))
                .expectException(problem("freezone.document-cited-already", "003 art. 12.5.3, 26.2"))
                .expectNoEvents();
        fixture.given(applied(), registered())
                .when(governor(agreementCiting(charter), on(TODAY)))
                .expectException(problem("freezone.document-cited-already", "003 art. 12.5.1, 26.2"))
                .expectNoEvents();
        RegistrationEvents.CourtDissolutionRecorded decision = new RegistrationEvents.CourtDissolutionRecorded(ID, "Selenge court 2027/118",
                DECIDED, false, GOVERNOR, COURT_DOC);
        // (ADR 0035 item 100, F500) an agreement after the court's decision is refused on that ground first, before its document is looked up
        fixture.given(applied(), registered(), decision)
                .when(governor(agreementCiting(COURT_DOC), on(DECIDED.plusDays(1))))
                .expectException(ZoneRegistrationAbuseTest.problem("freezone.agreement-after-dissolution", "registrationId", "003 art. 12.5.3, 26.2"))
                .expectNoEvents();
        // its own document is recorded
        fixture.given(applied(), registered(), agreement)
                .when(governor(bankruptcyCiting(COURT_DOC), COURT_AT))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.hamcrest.Matchers.instanceOf(RegistrationEvents.CourtDissolutionRecorded.class),
                        org.hamcrest.Matchers.instanceOf(RegistrationEvents.DeregistrationGroundRaised.class),
                        org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    @DisplayName("003 art. 12.5.1, 12.5.3: an agreement and a court decision stored before their document was required (no hash) still replay")
    void events_stored_without_a_document_replay() {
        RegistrationEvents.InvestmentAgreementRecorded stored = new RegistrationEvents.InvestmentAgreementRecorded(ID, SIGNED, ENDS,
                Money.mnt(5_000_000_000L), true, SIGNED.plusYears(1).minusDays(1), GOVERNOR, null);
        fixture.given(applied(), registered(), stored)
                .when(governor(bankruptcyCiting(COURT_DOC), COURT_AT))
                .expectSuccessfulHandlerExecution()
                .expectState(r -> org.assertj.core.api.Assertions.assertThat(r.status()).isEqualTo(ZoneRegistration.Status.REGISTERED));
        fixture.given(applied(), registered(), stored)
                .when(governor(agreementCiting(AGREEMENT_DOC), on(TODAY)))
                .expectException(problem("freezone.agreement-already-recorded", "003 art. 12.5.1, 26.2"))
                .expectNoEvents();
    }

    /** A refusal naming {@code documentSha256} (or, for a second agreement, {@code signedOn}) and citing {@code article}. */
    static Matcher<RegistryProblem> problem(String code, String article) {
        String field = code.equals("freezone.agreement-already-recorded") ? "signedOn" : "documentSha256";
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RegistryProblem problem) {
                return code.equals(problem.code()) && field.equals(problem.field()) && article.equals(problem.article());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RegistryProblem " + code + " on " + field + " citing " + article);
            }
        };
    }
}
