package mn.registry.permit.command;

import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static mn.registry.permit.command.PermitAbuseRound21Test.with;
import static mn.registry.permit.command.PermitAbuseRound25Test.at;
import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.*;
import static mn.registry.permit.command.Signed.signed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 26's permits round 26 (docs/abuse-audit.md, "Session 26, permits round 26"; ADR 0046 item 111): O249, an extension request
 * (item 51) that waited on a revocation is closed once the revocation stands, as the tax authority's request is (item 106), counted so
 * from what the aggregate folds; the holder's page follows the aggregate's answer.
 */
class PermitAbuseRound27Test extends PermitAbuseFixture {

    private static final String COMPLAINT = "d1".repeat(32);
    private static final String DECISION = "d2".repeat(32);
    private static final Instant REQUESTED_AT = Instant.parse("2029-08-01T02:00:00Z");
    /** Revoked on 2 August 2029: the complaint period's last day is 1 September. */
    private static final Instant REVOKED_AT = Instant.parse("2029-08-02T02:00:00Z");
    private static final LocalDate PERIODS_LAST_DAY = LocalDate.of(2029, 9, 1);
    private static final List<RefusalReason> STAMP_DUTY = List.of(new RefusalReason(PermitRequirement.STAMP_DUTY_PAID, "Not paid"));

    PermitAbuseRound27Test() {
        super(COMPLAINT, DECISION);
    }

    /** In force, its extension requested in time on 1 August 2029, revoked on {@code ground} the next day. */
    static List<Object> requestedThenRevokedOn(RevocationGround ground) {
        mn.registry.kernel.calendar.Deadline fastPath = CALENDAR.deadline(REQUESTED_AT, PermitDeadlines.EXTENSION_FAST_PATH);
        return with(active(), new PermitExtensionRequested(ID, SHA2, REQUESTED_AT, LocalDate.of(2029, 9, 10), false, fastPath.due(), HOLDER),
                duty(PermitDuty.DECIDE_EXTENSION, fastPath, REQUESTED_AT),
                new PermitRevoked(ID, ground, "the record", REVOKED_AT, SUPERVISOR, true));
    }

    /** Revoked on false documents, the holder's complaint filed on 3 August. */
    private static List<Object> complained() {
        return with(requestedThenRevokedOn(RevocationGround.FALSE_DOCUMENTS), new RevocationComplaintFiled(ID, COMPLAINT,
                Instant.parse("2029-08-03T02:00:00Z"), HOLDER));
    }

    /** {@link #complained()}, decided ({@code upheld} or rejected) at {@code decidedAt}. */
    private static List<Object> complaintDecided(boolean upheld, Instant decidedAt) {
        return with(complained(), new RevocationComplaintDecided(ID, upheld, DECISION, decidedAt, SUPERVISOR_2, VALID_UNTIL,
                RevocationComplaintDecided.ARTICLE));
    }

    private static Object extend(Instant at) {
        return signed(new DecidePermitExtension(ID, true, List.of()), SUPERVISOR_2, at, Role.MINISTRY_SUPERVISOR);
    }

    private static Object refuse(Instant at) {
        return signed(new DecidePermitExtension(ID, false, STAMP_DUTY), REVIEWER, at, Role.MINISTRY_REVIEWER);
    }

    private void decisionRefused(List<Object> history, Object decision, String code) {
        fixture = Signed.fixture(services);
        fixture.given(history).when(decision).expectException(problem(code, "applicationId")).expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 27.3, 29.6 (ADR 0046 item 111, the lead's reading of O249): once the revocation stands (the complaint rejected, "
            + "the complaint period over with none filed, a revocation on 29.1.1) the extension request is closed: the ministry's extension "
            + "or refusal is refused with a code of its own (409, nothing stored)")
    void an_extension_request_is_closed_once_the_revocation_stands() {
        String closed = "permit.extension-request-closed-by-the-revocation";
        List<Object> rejected = complaintDecided(false, Instant.parse("2029-08-20T02:00:00Z"));
        decisionRefused(rejected, extend(Instant.parse("2029-08-21T02:00:00Z")), closed);
        decisionRefused(rejected, refuse(Instant.parse("2029-08-21T02:00:00Z")), closed);
        List<Object> noneFiled = requestedThenRevokedOn(RevocationGround.FALSE_DOCUMENTS);
        decisionRefused(noneFiled, extend(at(PERIODS_LAST_DAY.plusDays(1))), closed);
        decisionRefused(noneFiled, refuse(at(PERIODS_LAST_DAY.plusDays(1))), closed);
        decisionRefused(requestedThenRevokedOn(RevocationGround.HOLDER_REQUEST), extend(Instant.parse("2029-08-02T03:00:00Z")), closed);
    }

    @Test
    @DisplayName("002 art. 27.3, 29.2, 29.6 (ADR 0046 items 51, 111; F64): while a complaint may annul the revocation the request waits (the "
            + "period's last day; a complaint pending past the term); reinstated in the period it is decided as before, and upheld after "
            + "the term the permit is reinstated expired and the request made in time is granted")
    void an_extension_request_waits_while_the_revocation_may_be_annulled() {
        String waits = "permit.extension-of-a-revoked-permit";
        decisionRefused(requestedThenRevokedOn(RevocationGround.FALSE_DOCUMENTS), refuse(at(PERIODS_LAST_DAY)), waits);
        decisionRefused(complained(), extend(at(VALID_UNTIL.plusDays(1))), waits);
        fixture = Signed.fixture(services);
        fixture.given(complaintDecided(true, Instant.parse("2029-08-10T02:00:00Z")))
                .when(refuse(Instant.parse("2029-08-11T02:00:00Z")))
                .expectSuccessfulHandlerExecution();
        Instant upheldAfterTheTerm = at(VALID_UNTIL.plusDays(2));
        fixture = Signed.fixture(services);
        fixture.given(with(complaintDecided(true, upheldAfterTheTerm), new PermitExpired(ID, VALID_UNTIL, upheldAfterTheTerm, "002 art. 29.2")))
                .when(extend(upheldAfterTheTerm.plusSeconds(3_600)))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.listWithAnyOf(org.hamcrest.Matchers.instanceOf(PermitExtendedAfterExpiry.class))));
    }

    @Test
    @DisplayName("002 art. 27.2, 27.3, 29.6 (ADR 0046 item 111, held): the holder asks again on the revoked permit whose request the "
            + "revocation closed: refused, nothing stored; the answer the holder's page reads says the request closed only once the "
            + "revocation stands")
    void the_holder_asks_again_on_a_revoked_permit_and_the_answer_follows_the_act() {
        List<Object> noneFiled = requestedThenRevokedOn(RevocationGround.FALSE_DOCUMENTS);
        fixture.given(noneFiled)
                .when(signed(new RequestPermitExtension(ID, SHA), HOLDER, at(PERIODS_LAST_DAY.plusDays(1)), Role.APPLICANT))
                .expectException(problem("permit.wrong-state", null))
                .expectNoEvents();
        assertThat(answer(noneFiled, at(PERIODS_LAST_DAY)).extensionRequestClosed()).isFalse();
        assertThat(answer(noneFiled, at(PERIODS_LAST_DAY.plusDays(1))).extensionRequestClosed()).isTrue();
        assertThat(answer(complained(), at(VALID_UNTIL.plusDays(1))).extensionRequestClosed()).isFalse();
        assertThat(answer(active(), at(PERIODS_LAST_DAY.plusDays(1))).extensionRequestClosed()).isFalse();
    }
}
