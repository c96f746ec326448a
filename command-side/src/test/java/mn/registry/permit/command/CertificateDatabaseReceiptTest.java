package mn.registry.permit.command;

import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.*;
import static mn.registry.permit.command.Signed.signed;

/**
 * 002 art. 29.3 (ADR 0057, session 20 round 2; abuse audit F221, F222, was O121): the registry never receives a revoked holder's
 * certificate database, only its fingerprint; the hand-over rests on the database's signed receipt, uploaded and received, and each
 * hand-over on a receipt of its own. Another permit's hand-over on the receipt is refused by its claim ({@code OneActPerDocumentTest}).
 */
class CertificateDatabaseReceiptTest extends PermitAbuseFixture {

    private static final String DATABASE = "7a".repeat(32);
    private static final String SECOND_RECEIPT = "7b".repeat(32);
    /** After {@link PermitLifecycleTest#revoked}'s revocation. */
    private static final Instant AT = Instant.parse("2025-06-10T02:00:00Z");
    /** Between {@link PermitAbuseRound15Test#revokedWithDutiesOpenAndComplained}'s revocation and the complaint's decision. */
    private static final Instant FIRST_HANDED_OVER = Instant.parse("2025-03-01T02:00:00Z");

    CertificateDatabaseReceiptTest() {
        super(SECOND_RECEIPT);
    }

    @Test
    @DisplayName("002 art. 29.3 (F221, was O121): the hand-over is recorded on the database's receipt, received by the registry: without "
            + "one (400 permit.document-hash-missing) or on one never uploaded (400 document.unknown), field receiptSha256, nothing stored")
    void the_hand_over_rests_on_a_received_receipt() {
        List<Object> revoked = PermitLifecycleTest.revoked(RevocationGround.HOLDER_REQUEST);
        fixture.given(revoked).when(signed(new RecordCertificateDatabaseHandedOver(ID, DATABASE, null), REVIEWER, AT, Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.document-hash-missing", "receiptSha256")).expectNoEvents();
        fixture.given(revoked).when(signed(new RecordCertificateDatabaseHandedOver(ID, DATABASE, "9e".repeat(32)), REVIEWER, AT,
                        Role.MINISTRY_REVIEWER))
                .expectException(problem("document.unknown", "receiptSha256")).expectNoEvents();
        fixture.given(revoked).when(signed(new RecordCertificateDatabaseHandedOver(ID, DATABASE, DATABASE_RECEIPT), REVIEWER, AT,
                        Role.MINISTRY_REVIEWER))
                .expectEvents(new CertificateDatabaseHandedOver(ID, DATABASE, AT, REVIEWER, DATABASE_RECEIPT),
                        new PermitDutyFulfilled(ID, PermitDuty.HAND_OVER_DATABASE, AT, false, null, REVIEWER));
    }

    @Test
    @DisplayName("002 art. 29.3 (F222): revoked again after an upheld complaint, the database is not recorded handed over on the receipt "
            + "of the first hand-over (409 permit.receipt-of-an-earlier-hand-over, field receiptSha256); on a receipt of its own it is; a "
            + "hand-over stored before the rule, without a receipt, stays valid and replays")
    void each_hand_over_has_its_own_receipt() {
        Instant again = PermitAbuseRound15Test.DECIDED_AT.plusSeconds(86_400 * 40);
        Instant recorded = again.plusSeconds(86_400);
        for (CertificateDatabaseHandedOver first : List.of(
                new CertificateDatabaseHandedOver(ID, DATABASE, FIRST_HANDED_OVER, REVIEWER, DATABASE_RECEIPT),
                new CertificateDatabaseHandedOver(ID, DATABASE, FIRST_HANDED_OVER, REVIEWER))) {
            List<Object> revokedAgain = revokedAgainAfter(first, again);
            boolean storedBeforeTheRule = first.receiptSha256() == null;
            if (!storedBeforeTheRule) {
                fixture.given(revokedAgain).when(signed(new RecordCertificateDatabaseHandedOver(ID, DATABASE, DATABASE_RECEIPT), REVIEWER,
                                recorded, Role.MINISTRY_REVIEWER))
                        .expectException(problem("permit.receipt-of-an-earlier-hand-over", "receiptSha256")).expectNoEvents();
            }
            fixture.given(revokedAgain).when(signed(new RecordCertificateDatabaseHandedOver(ID, DATABASE, SECOND_RECEIPT), REVIEWER, recorded,
                            Role.MINISTRY_REVIEWER))
                    .expectEvents(new CertificateDatabaseHandedOver(ID, DATABASE, recorded, REVIEWER, SECOND_RECEIPT),
                            new PermitDutyFulfilled(ID, PermitDuty.HAND_OVER_DATABASE, recorded, false, null, REVIEWER));
        }
    }

    @Test
    @DisplayName("002 art. 29.3 (F223): a receipt the registry received on a day before the revocation receipts no hand-over of it (409 "
            + "permit.database-receipt-before-the-revocation, field receiptSha256); one received the day of the revocation does")
    void the_receipt_is_not_older_than_the_revocation() {
        List<Object> revoked = PermitLifecycleTest.revoked(RevocationGround.HOLDER_REQUEST); // revoked 2025-06-01 02:00Z, 10:00 in Ulaanbaatar
        services.receivedAt.put(SECOND_RECEIPT, Instant.parse("2025-05-31T15:00:00Z")); // 23:00 the day before, in Ulaanbaatar
        fixture.given(revoked).when(signed(new RecordCertificateDatabaseHandedOver(ID, DATABASE, SECOND_RECEIPT), REVIEWER, AT,
                        Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.database-receipt-before-the-revocation", "receiptSha256")).expectNoEvents();
        services.receivedAt.put(SECOND_RECEIPT, Instant.parse("2025-05-31T16:00:00Z")); // midnight, the revocation's day
        fixture.given(revoked).when(signed(new RecordCertificateDatabaseHandedOver(ID, DATABASE, SECOND_RECEIPT), REVIEWER, AT,
                        Role.MINISTRY_REVIEWER))
                .expectEvents(new CertificateDatabaseHandedOver(ID, DATABASE, AT, REVIEWER, SECOND_RECEIPT),
                        new PermitDutyFulfilled(ID, PermitDuty.HAND_OVER_DATABASE, AT, false, null, REVIEWER));
    }

    /** Revoked, {@code handOver} recorded, reinstated by an upheld complaint, and revoked again at {@code again}. */
    private static List<Object> revokedAgainAfter(CertificateDatabaseHandedOver handOver, Instant again) {
        List<Object> complained = PermitAbuseRound15Test.revokedWithDutiesOpenAndComplained();
        List<Object> events = new ArrayList<>(complained);
        events.add(handOver);
        events.add(new PermitDutyFulfilled(ID, PermitDuty.HAND_OVER_DATABASE, handOver.receivedAt(), false, null, REVIEWER));
        List<Object> reinstated = PermitAbuseRound15Test.reinstated();
        events.addAll(reinstated.subList(complained.size(), reinstated.size()));
        events.add(new PermitRevoked(ID, RevocationGround.FALSE_DOCUMENTS, "forged again", again, SUPERVISOR, true));
        events.add(dutyOnDate(PermitDuty.HAND_OVER_DATABASE, UlaanbaatarTime.dateOf(again).plusMonths(1), again));
        return events;
    }
}
