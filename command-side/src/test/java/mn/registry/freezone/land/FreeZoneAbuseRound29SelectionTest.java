package mn.registry.freezone.land;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.CommandLog;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.freezone.governor.GovernorCommandType;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;
import static mn.registry.freezone.FreeZoneSigned.byGovernor;
import static mn.registry.freezone.land.FreeZoneLandAbuseRound5Test.PARCEL_B;
import static mn.registry.freezone.land.FreeZoneLandAbuseRound5Test.problem;
import static mn.registry.freezone.land.ZoneLandTest.AT;
import static mn.registry.freezone.land.ZoneLandTest.FROM;
import static mn.registry.freezone.land.ZoneLandTest.GOVERNOR;
import static mn.registry.freezone.land.ZoneLandTest.HOLDER;
import static mn.registry.freezone.land.ZoneLandTest.OTHER;
import static mn.registry.freezone.land.ZoneLandTest.PARCEL_A;
import static mn.registry.freezone.land.ZoneLandTest.REPRESENTATIVE;
import static mn.registry.freezone.land.ZoneLandTest.UNTIL;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static mn.registry.freezone.land.ZoneLandTest.applied;
import static mn.registry.freezone.land.ZoneLandTest.granted;
import static mn.registry.freezone.land.ZoneLandTest.receiptDocument;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Session 29, land on a selection that happened (003 art. 22.5; ADR 0035 item 102, abuse audit F502, was O349): the governor issued the
 * certificate of land rights on a receipt's reference typed in, with no document; now the payment is shown by the receipt's received
 * document, named in the act and claimed for the licence's fee as the holder's report's is.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class FreeZoneAbuseRound29SelectionTest extends ZoneLandAbuseFixture {

    static final LandLicenceId L1 = LandLicenceId.of(ZONE, 1);
    static final LandLicenceId L2 = LandLicenceId.of(ZONE, 2);
    static final Money FEE = Money.mnt(120_000_000);
    static final String RECEIPT = "TDB-2027-000101";

    private static LandCommands.RecordLandFeePaid feeOfL1On(String receiptSha256) {
        return new LandCommands.RecordLandFeePaid(ZONE, L1, FEE, RECEIPT, receiptSha256);
    }

    @Test
    @DisplayName("003 art. 22.5 (ADR 0035 item 102, F502): the certificate of land rights is refused on a receipt's reference with no document, "
            + "on a document never received, and on the document another licence's report or certificate rests on (nothing stored); issued on "
            + "the holder's own report's document or on a new receipt's, naming it")
    void the_certificate_rests_on_the_receipts_received_document() {
        Object[] given = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL)};
        fixture.given(given).when(byGovernor(feeOfL1On(null), GOVERNOR, ZONE, AT))
                .expectException(problem("document.unknown", "receiptSha256", "003 art. 22.5")).expectNoEvents();
        services.documentsReceived = false; // a hash of a file the registry never received
        fixture.given(given).when(byGovernor(feeOfL1On(receiptDocument(RECEIPT)), GOVERNOR, ZONE, AT))
                .expectException(problem("document.unknown", "receiptSha256", "003 art. 22.5")).expectNoEvents();
        services.documentsReceived = true;
        fixture.given(given).when(byGovernor(feeOfL1On(receiptDocument(RECEIPT).toUpperCase(java.util.Locale.ROOT)), GOVERNOR, ZONE, AT))
                .expectException(problem("document.unknown", "receiptSha256", "003 art. 22.5")).expectNoEvents(); // a hash in capitals is none

        String othersSlip = receiptDocument("TDB-2027-000200");
        Object[] otherLicence = {given[0], given[1], applied(2, OTHER, PARCEL_B, FROM, UNTIL), granted(2, 2, OTHER, PARCEL_B, FROM, UNTIL)};
        fixture.given(otherLicence[0], otherLicence[1], otherLicence[2], otherLicence[3],
                        new LandEvents.LandLicenceIssued(ZONE, L2, OTHER, FEE, "TDB-2027-000200", AT, GOVERNOR, othersSlip))
                .when(byGovernor(feeOfL1On(othersSlip), GOVERNOR, ZONE, AT))
                .expectException(problem("freezone.fee-receipt-reported-already", "receiptSha256", "003 art. 22.5")).expectNoEvents();
        fixture.given(otherLicence[0], otherLicence[1], otherLicence[2], otherLicence[3],
                        new LandEvents.LandFeePaymentReported(ZONE, L2, OTHER, FEE, othersSlip, AT, REPRESENTATIVE))
                .when(byGovernor(feeOfL1On(othersSlip), GOVERNOR, ZONE, AT))
                .expectException(problem("freezone.fee-receipt-reported-already", "receiptSha256", "003 art. 22.5")).expectNoEvents();

        // lawful: the holder's own report's document, or a receipt's document uploaded by the governor
        String ownSlip = receiptDocument(RECEIPT);
        fixture.given(given[0], given[1], new LandEvents.LandFeePaymentReported(ZONE, L1, HOLDER, FEE, ownSlip, AT, REPRESENTATIVE))
                .when(byGovernor(feeOfL1On(ownSlip), GOVERNOR, ZONE, AT))
                .expectEvents(new LandEvents.LandLicenceIssued(ZONE, L1, HOLDER, FEE, RECEIPT, AT, GOVERNOR, ownSlip));
        fixture.given(otherLicence).when(byGovernor(feeOfL1On(ownSlip), GOVERNOR, ZONE, AT))
                .expectEvents(new LandEvents.LandLicenceIssued(ZONE, L1, HOLDER, FEE, RECEIPT, AT, GOVERNOR, ownSlip));
    }

    @Test
    @DisplayName("003 art. 22.5 (ADR 0035 item 102, F502): the certificate's receipt document is the one claim of the holder's report's: the "
            + "document another zone's licence was reported paid with is refused before the land register acts (nothing sent, no claim kept); "
            + "the reporting licence's own certificate on it is sent; a certificate the land register refuses releases its claims")
    void the_certificates_receipt_document_is_claimed_registry_wide(MongoDatabase database) {
        CommandLog log = new CommandLog(database, Clock.fixed(AT, ZoneOffset.UTC));
        LandFeeReceiptClaims receipts = new LandFeeReceiptClaims(database, log);
        List<Object> sent = new ArrayList<>();
        boolean[] refuse = {false};
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(LandCommands.RecordLandFeePaid.class.getName(), message -> {
            sent.add(message.getPayload());
            if (refuse[0]) {
                throw RegistryProblem.conflict("freezone.licence-already-issued", "issued", "003 art. 22.5");
            }
            return null;
        });
        @SuppressWarnings("unchecked")
        GovernorCommandType<LandCommands.RecordLandFeePaid> type = (GovernorCommandType<LandCommands.RecordLandFeePaid>)
                new LandCommandTypes(DefaultCommandGateway.builder().commandBus(bus).build()).recordLandFeePaidType(receipts);
        ZoneId altanbulag = ZoneId.of("altanbulag");
        ZoneId zamynUud = ZoneId.of("zamyn-uud");
        LandLicenceId north = LandLicenceId.of(altanbulag, 1);
        LandLicenceId south = LandLicenceId.of(zamynUud, 1);
        String slip = receiptDocument("KHAN-2027-0451");
        log.claim("report-south", "report-south-jws", "jws", "ReportLandFeePaid", "applicant-1");
        receipts.claimReport(slip, "report-south", zamynUud, south, AT);

        RegistryProblem refused = catchThrowableOfType(() -> type.carryOut().apply(new LandCommands.RecordLandFeePaid(altanbulag, north, FEE,
                "KHAN-2027-0451", slip), context(log, "fee-north")), RegistryProblem.class);
        assertThat(refused.code()).isEqualTo("freezone.fee-receipt-reported-already");
        assertThat(refused.field()).isEqualTo("receiptSha256");
        assertThat(sent).as("the land register is not asked").isEmpty();
        assertThat(claimsOf(database, "fee-north")).as("no claim of the refused certificate is kept").isZero();

        type.carryOut().apply(new LandCommands.RecordLandFeePaid(zamynUud, south, FEE, "KHAN-2027-0451", slip), context(log, "fee-south"));
        assertThat(sent).hasSize(1);

        refuse[0] = true;
        String fresh = receiptDocument("KHAN-2027-0452");
        catchThrowableOfType(() -> type.carryOut().apply(new LandCommands.RecordLandFeePaid(altanbulag, north, FEE, "KHAN-2027-0452", fresh),
                context(log, "fee-north-again")), RuntimeException.class);
        assertThat(sent).hasSize(2);
        assertThat(claimsOf(database, "fee-north-again")).as("the refused certificate's claims released").isZero();
    }

    private static CommandContext context(CommandLog log, String commandId) {
        log.claim(commandId, commandId + "-jws", "jws", "RecordLandFeePaid", "governor-1");
        return new CommandContext(commandId, AT, AT, new PersonId("governor-1"), Set.of(Role.ZONE_GOVERNOR), Set.of(), "0".repeat(64));
    }

    /** The claims a command holds: of the receipts' references and of the documents. */
    private static long claimsOf(MongoDatabase database, String commandId) {
        return database.getCollection(LandFeeReceiptClaims.COLLECTION).countDocuments(eq("commandId", commandId))
                + database.getCollection(DocumentClaims.COLLECTION).countDocuments(eq("commandId", commandId));
    }
}
