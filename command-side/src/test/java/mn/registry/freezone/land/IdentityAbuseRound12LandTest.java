package mn.registry.freezone.land;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.RepresentativesCompany;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.identity.Role;
import org.axonframework.commandhandling.CommandMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static mn.registry.freezone.land.FreeZoneLandAbuseRound5Test.problem;
import static mn.registry.freezone.land.FreeZoneLandAbuseRound8Test.FEE;
import static mn.registry.freezone.land.FreeZoneLandAbuseRound8Test.L1;
import static mn.registry.freezone.land.FreeZoneLandAbuseRound8Test.RECEIPT_SHA;
import static mn.registry.freezone.land.ZoneLandTest.A1;
import static mn.registry.freezone.land.ZoneLandTest.AT;
import static mn.registry.freezone.land.ZoneLandTest.FEE_DUE_BY;
import static mn.registry.freezone.land.ZoneLandTest.FROM;
import static mn.registry.freezone.land.ZoneLandTest.HOLDER;
import static mn.registry.freezone.land.ZoneLandTest.PARCEL_A;
import static mn.registry.freezone.land.ZoneLandTest.REPRESENTATIVE;
import static mn.registry.freezone.land.ZoneLandTest.UNTIL;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static mn.registry.freezone.land.ZoneLandTest.applied;
import static mn.registry.freezone.land.ZoneLandTest.granted;


/**
 * Session 29, a representative's land acts (ADR 0061 item 51; abuse audit F507, was O362): the entity's land acts (its application for land
 * use, its withdrawal, its report of the fee paid) name the registration or the application, not the company; the land register judges them
 * against the company the signer's grant of the applicant's role in force at the registry's receipt names (F503,
 * {@link CommandContext#company()}), by {@link RepresentativesCompany}'s one rule, before anything is stored. The signer here is the person who
 * signed the entity's registration application (the land register's older rule, {@code freezone.not-representative}, passes), so that only
 * the grant's company refuses. A grant naming no company keeps the behaviour before.
 */
@org.junit.jupiter.api.extension.ExtendWith(mn.registry.store.testing.EmbeddedMongoExtension.class)
class IdentityAbuseRound12LandTest extends ZoneLandAbuseFixture {

    /** The entity's number ({@link ZoneLandTest#HOLDER}), and another company's. */
    private static final String OWN = "6001234";
    private static final String ANOTHER = "6009876";
    /** The article of the application and the withdrawal refused ({@code ZoneLand.OWN_ENTITY_APPLICATION_ARTICLE}). */
    private static final String OWN_ENTITY_ARTICLE = "003 art. 12.1, 22.2; 001 art. 23.1.1";

    /** The body signed by the entity's representative, whose grant in force at {@code at} names {@code company} (null: names none). */
    private static CommandMessage<Object> signedBy(String company, Object body, Instant at) {
        return SignedCommandContext.message(body, contextOf(company, "command-" + company + "-" + at, at));
    }

    private static Instant noonOn(java.time.LocalDate day) {
        return day.atTime(12, 0).atZone(UlaanbaatarTime.ZONE).toInstant();
    }

    @Test
    @DisplayName("003 art. 12.1, 22.2; 001 art. 23.1.1 (F507, was O362; ADR 0061 item 51): abuse: the representative of 6009876 applies for land "
            + "for the entity 6001234 (whose registration they signed), or for a foreign entity: refused 403 "
            + "identity.representative-of-another-company on applicant, no event; the entity's own representative's application is recorded")
    void a_representative_applies_for_land_for_their_own_entity_only() {
        RegistrationId foreign = RegistrationId.of(ZONE, new LegalEntity("Erenhot Logistics Co", Jurisdiction.FOREIGN, "CN", "91150000"));
        fixture.given().when(signedBy(ANOTHER, ZoneLandTest.application(HOLDER, PARCEL_A, FROM, UNTIL), AT))
                .expectException(problem(RepresentativesCompany.ANOTHER_COMPANY, "applicant", OWN_ENTITY_ARTICLE))
                .expectNoEvents();
        fixture.given().when(signedBy(OWN, ZoneLandTest.application(foreign, PARCEL_A, FROM, UNTIL), AT))
                .expectException(problem(RepresentativesCompany.ANOTHER_COMPANY, "applicant", OWN_ENTITY_ARTICLE))
                .expectNoEvents();
        fixture.given().when(signedBy(OWN, ZoneLandTest.application(HOLDER, PARCEL_A, FROM, UNTIL), AT))
                .expectEvents(applied(1, HOLDER, PARCEL_A, FROM, UNTIL));
    }

    @Test
    @DisplayName("003 art. 12.1, 22.2; 001 art. 23.1.1 (F507, was O362; ADR 0061 item 51): abuse: the representative of 6009876 withdraws the "
            + "entity 6001234's pending land application: refused 403 identity.representative-of-another-company on applicationId, no event; "
            + "the entity's own representative withdraws it")
    void a_representative_withdraws_their_own_entitys_land_application_only() {
        LandCommands.WithdrawLandApplication withdrawal = new LandCommands.WithdrawLandApplication(ZONE, A1);
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL)).when(signedBy(ANOTHER, withdrawal, AT))
                .expectException(problem(RepresentativesCompany.ANOTHER_COMPANY, "applicationId", OWN_ENTITY_ARTICLE))
                .expectNoEvents();
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL)).when(signedBy(OWN, withdrawal, AT))
                .expectEvents(new LandEvents.LandApplicationWithdrawn(ZONE, A1, HOLDER, AT, REPRESENTATIVE));
    }

    @Test
    @DisplayName("003 art. 12.1, 22.5; 001 art. 23.1.1 (F507, was O362; ADR 0061 item 51): abuse: the representative of 6009876 reports the "
            + "land fee of the entity 6001234's licence paid: refused 403 identity.representative-of-another-company on licenceId, no event; "
            + "the entity's own representative's report is recorded")
    void a_representative_reports_their_own_entitys_land_fee_only() {
        Object[] given = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL)};
        LandCommands.ReportLandFeePaid report = new LandCommands.ReportLandFeePaid(ZONE, L1, FEE, RECEIPT_SHA);
        fixture.given(given).when(signedBy(ANOTHER, report, noonOn(FEE_DUE_BY)))
                .expectException(problem(RepresentativesCompany.ANOTHER_COMPANY, "licenceId", "003 art. 12.1, 22.5; 001 art. 23.1.1"))
                .expectNoEvents();
        fixture.given(given).when(signedBy(OWN, report, noonOn(FEE_DUE_BY)))
                .expectEvents(new LandEvents.LandFeePaymentReported(ZONE, L1, HOLDER, FEE, RECEIPT_SHA, noonOn(FEE_DUE_BY), REPRESENTATIVE));
    }

    @Test
    @DisplayName("003 art. 12.1, 22.2 (ADR 0061 item 51): the entity's representative whose grant names no company (stored before session 29, "
            + "or enrolled naming none: O350) applies, withdraws and reports as before F507")
    void a_grant_naming_no_company_acts_on_land_as_before() {
        fixture.given().when(signedBy(null, ZoneLandTest.application(HOLDER, PARCEL_A, FROM, UNTIL), AT))
                .expectEvents(applied(1, HOLDER, PARCEL_A, FROM, UNTIL));
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL)).when(signedBy(null, new LandCommands.WithdrawLandApplication(ZONE, A1), AT))
                .expectSuccessfulHandlerExecution();
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(signedBy(null, new LandCommands.ReportLandFeePaid(ZONE, L1, FEE, RECEIPT_SHA), noonOn(FEE_DUE_BY)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("003 art. 12.1, 22.5; 001 art. 23.1.1 (F507, was O362; ADR 0061 item 51): the report refused for another company's "
            + "representative, carried out as the registry does (its receipt's document claimed registry-wide, then the land register), keeps "
            + "no claim and stores no event; the entity's own representative's report then claims the same document")
    void a_refused_report_keeps_no_claim(com.mongodb.client.MongoDatabase database) {
        org.axonframework.config.Configuration axon = landRegisters(services);
        try {
            Object[] given = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL)};
            for (int i = 0; i < given.length; i++) {
                axon.eventStore().publish(new org.axonframework.eventhandling.GenericDomainEventMessage<>("ZoneLand", ZONE.landStream(), i, given[i]));
            }
            Instant at = noonOn(FEE_DUE_BY);
            mn.registry.command.api.CommandLog log = new mn.registry.command.api.CommandLog(database, java.time.Clock.fixed(at, java.time.ZoneOffset.UTC));
            mn.registry.command.api.SignedCommandType<LandCommands.ReportLandFeePaid> type = new LandCommandTypes(axon.commandGateway())
                    .reportLandFeePaidType(new LandFeeReceiptClaims(database, log));
            LandCommands.ReportLandFeePaid report = new LandCommands.ReportLandFeePaid(ZONE, L1, FEE, RECEIPT_SHA);

            log.claim("report-another", "report-another-jws", "jws", "ReportLandFeePaid", REPRESENTATIVE.value());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> type.handle(report, contextOf(ANOTHER, "report-another", at)))
                    .isInstanceOfSatisfying(mn.registry.kernel.problem.RegistryProblem.class, p -> {
                        org.assertj.core.api.Assertions.assertThat(p.kind()).isEqualTo(mn.registry.kernel.problem.RegistryProblem.Kind.FORBIDDEN);
                        org.assertj.core.api.Assertions.assertThat(p.code()).isEqualTo(RepresentativesCompany.ANOTHER_COMPANY);
                    });
            org.assertj.core.api.Assertions.assertThat(claimsOf(database, "report-another")).as("no claim kept").isZero();
            org.assertj.core.api.Assertions.assertThat(axon.eventStore().readEvents(ZONE.landStream()).asStream().count()).as("no event")
                    .isEqualTo(given.length);

            log.claim("report-own", "report-own-jws", "jws", "ReportLandFeePaid", REPRESENTATIVE.value());
            type.handle(report, contextOf(OWN, "report-own", at));
            org.assertj.core.api.Assertions.assertThat(claimsOf(database, "report-own")).as("the receipt's document claimed").isPositive();
        } finally {
            axon.shutdown();
        }
    }

    private static CommandContext contextOf(String company, String commandId, Instant at) {
        return new CommandContext(commandId, at, at, REPRESENTATIVE, Set.of(Role.APPLICANT), Set.of(), mn.registry.freezone.FreeZoneSigned.JWS_SHA256,
                company);
    }

    /** The claims a command holds: of the receipts' references and of the documents. */
    private static long claimsOf(com.mongodb.client.MongoDatabase database, String commandId) {
        return database.getCollection(LandFeeReceiptClaims.COLLECTION).countDocuments(com.mongodb.client.model.Filters.eq("commandId", commandId))
                + database.getCollection(mn.registry.command.claim.DocumentClaims.COLLECTION)
                .countDocuments(com.mongodb.client.model.Filters.eq("commandId", commandId));
    }
}
