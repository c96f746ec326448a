package mn.registry.standalone;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.EnrolSigner;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.ApprovePermitApplication;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.PermitChangeReported;
import mn.registry.kernel.permit.RecordPermitInsurance;
import mn.registry.kernel.permit.Reorganisation;
import mn.registry.kernel.permit.ReportPermitChange;
import mn.registry.kernel.permit.TransferPermit;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.pki.SigningIdentity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 29, a representative acts for its own company (ADR 0061 items 49-50; abuse audit F505, was O353; F506) on a running registry over
 * HTTP: the representative's grant in force at the receipt names the company their enrolment named (F503), folded from the person's events
 * into the signer's standing; they apply for a special permit, or to a Free Zone, for that company only, and act on a permit only while that
 * company holds it (after a transfer, the successor's representative acts). A grant naming no company (the demo's applicant-1) acts as
 * before. Refusals are problem+json with their code, field and article, nothing stored ({@link RunningRegistry#refused}), no claim left.
 */
class IdentityAbuseRound12CompanyEndToEndTest {

    @RegisterExtension
    static final PermitRegistry registry = new PermitRegistry();

    private static final String CODE = "identity.representative-of-another-company";

    /** A new person enrolled by supervisor-1's signed act as the representative of {@code company}, on a power of representation of its. */
    private static SigningIdentity representativeOf(String id, String company) {
        SigningIdentity who = registry.newPerson(id, "Representative " + id, "Company " + company, Duration.ofDays(365));
        ok(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(who.person(), Certificates.toPem(List.of(who.chain().get(0))),
                Role.APPLICANT, registry.document("power of representation of " + company + " for " + id + ", session 29"), company, null)));
        return who;
    }

    private static long claims() {
        return registry.context().getBean(MongoDatabase.class).getCollection("document_claims").countDocuments();
    }

    private static long claimsOfCompany(String company) {
        return registry.context().getBean(MongoDatabase.class).getCollection("document_claims").countDocuments(Filters.eq("company", company));
    }

    private static RegistrationCommands.ApplyForZoneRegistration zoneApplication(LegalEntity entity) {
        return new RegistrationCommands.ApplyForZoneRegistration(ZoneId.of("zamyn-uud"), entity, Activity.TRADE, ZoneDocument.requiredFor(
                entity.jurisdiction()).stream().map(kind -> new SubmittedZoneDocument(kind, registry.document(entity.name() + " " + kind + ", session 29")))
                .toList());
    }

    @Test
    @DisplayName("002 art. 23.2, 001 art. 23.1.1 (F505, was O353; ADR 0061 item 49): abuse: the representative of 6129011 applies for a "
            + "special permit for the company 6129012: refused 403 identity.representative-of-another-company on company.registrationNumber, "
            + "nothing stored, no claim left; their own company's application is registered")
    void a_representative_does_not_apply_for_another_company() {
        SigningIdentity representative = representativeOf("applicant-29f", "6129011");
        long before = claims();

        registry.refused(registry.send(representative, "ApplyForPermit", ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(),
                "Another Company LLC", "6129012")), 403, CODE, "company.registrationNumber", "002 art. 23.2");
        assertThat(claims()).as("no claim of the company or of its papers").isEqualTo(before);
        assertThat(claimsOfCompany("6129012")).isZero();

        ok(registry.send(representative, "ApplyForPermit", ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(), "Own Company LLC",
                "6129011")));
        assertThat(claimsOfCompany("6129011")).as("the company's claim and its papers'").isPositive();
    }

    @Test
    @DisplayName("002 art. 20.3.3, 001 art. 23.1.1 (F505, was O353; ADR 0061 item 49): abuse: after the permit passed to the successor "
            + "6129014, the representative of the predecessor 6129013, who applied for it, reports a change on it: refused 403, nothing stored; "
            + "before the transfer their acts were accepted (since 002 art. 23.3's transfer names the successor's representative, F516, "
            + "the refusal is permit.not-the-holder, before F505's identity.representative-of-another-company is asked)")
    void the_predecessors_representative_does_not_act_on_the_successors_permit() {
        SigningIdentity representative = representativeOf("applicant-29g", "6129013");
        ApplicationId permit = new ApplicationId(ok(registry.send(representative, "ApplyForPermit", ReceiptTimeEndToEndTest.permitApplicationFor(
                registry.context(), "Predecessor LLC", "6129013"))).path("applicationId").asText());
        ok(registry.send("reviewer-1", "ApprovePermitApplication", new ApprovePermitApplication(permit)));
        ok(registry.send(representative, "RecordPermitInsurance", new RecordPermitInsurance(permit, "Mongol Daatgal", "POL-6129013",
                Money.mnt(200_000_000), registry.today().plusYears(1), registry.document("the insurance policy of 6129013, session 29"))));
        ok(registry.send("supervisor-1", "IssuePermit", PermitRegistry.issue(permit, registry.document("the contract of 6129013, session 29"))));
        ok(registry.send(representative, "ReportPermitChange", new ReportPermitChange(permit, registry.today(), "New address",
                registry.document("6129013's decision moving its address, session 29"))));
        ok(registry.send("supervisor-1", "TransferPermit", new TransferPermit(permit, new Company("Successor JSC", "6129014", true,
                "Khovd, Khovd"), Reorganisation.TRANSFORMATION, registry.document("state registration of 6129014, session 29"), registry.today(),
                registry.successorsRepresentative("6129014"))));

        registry.refused(registry.send(representative, "ReportPermitChange", new ReportPermitChange(permit, registry.today(), "New director",
                registry.document("6129013's decision naming a director, session 29"))), 403, "permit.not-the-holder", null, "002 art. 20.3.3");
        assertThat(registry.events(permit.value())).filteredOn(PermitChangeReported.class::isInstance).hasSize(1);
    }

    @Test
    @DisplayName("002 art. 20.3.3 (ADR 0061 item 49): a representative whose grant names no company (the demo's applicant-1, enrolled as "
            + "before session 29) still reports a change on the permit it applied for after the permit passed to a successor, as before F505 "
            + "(002 art. 23.3, ADR 0046 item 144: the transfer names it the successor's representative, which such a grant may be)")
    void a_grant_naming_no_company_acts_as_before() {
        ApplicationId permit = registry.issuedPermit("Unnamed Predecessor LLC", "6129017", registry.document("the insurance policy of 6129017, "
                + "session 29"), registry.document("the contract of 6129017, session 29"));
        ok(registry.send("supervisor-1", "TransferPermit", new TransferPermit(permit, new Company("Unnamed Successor JSC", "6129018", true,
                "Khovd, Khovd"), Reorganisation.TRANSFORMATION, registry.document("state registration of 6129018, session 29"), registry.today(),
                new mn.registry.kernel.identity.PersonId("applicant-1"))));
        ok(registry.send("applicant-1", "ReportPermitChange", new ReportPermitChange(permit, registry.today(), "New director",
                registry.document("6129018's decision naming a director, session 29"))));
    }

    @Test
    @DisplayName("003 art. 12.1, 001 art. 23.1.1 (F506; ADR 0061 item 50): abuse: the representative of 6129015 applies to a Free Zone for "
            + "the Mongolian entity 6129016, or for a foreign entity: refused 403 identity.representative-of-another-company on "
            + "entity.registrationNumber, nothing stored, no claim left; their own company's application is received")
    void a_representative_does_not_apply_to_a_zone_for_another_entity() {
        SigningIdentity representative = representativeOf("applicant-29h", "6129015");
        long before = claims();

        registry.refused(registry.send(representative, "ApplyForZoneRegistration", zoneApplication(new LegalEntity("Another Entity LLC",
                Jurisdiction.MONGOLIAN, null, "6129016"))), 403, CODE, "entity.registrationNumber", "003 art. 12.1");
        registry.refused(registry.send(representative, "ApplyForZoneRegistration", zoneApplication(new LegalEntity("Foreign Trading Ltd",
                Jurisdiction.FOREIGN, "China", "91110000600000000X"))), 403, CODE, "entity.registrationNumber", "003 art. 12.1");
        assertThat(claims()).as("no claim of the applications' papers").isEqualTo(before);

        ok(registry.send(representative, "ApplyForZoneRegistration", zoneApplication(new LegalEntity("Own Entity LLC", Jurisdiction.MONGOLIAN,
                null, "6129015"))));
    }
}
