package mn.registry.standalone;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.kernel.identity.EnrolSigner;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.HolderRepresentativeNamed;
import mn.registry.kernel.permit.NameHolderRepresentative;
import mn.registry.kernel.permit.PermitChangeReported;
import mn.registry.kernel.permit.ReportPermitChange;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.pki.SigningIdentity;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 30, who acts for the holder (ADR 0046 items 145-148; abuse audit F517-F518, was O361) on a running registry over HTTP: the
 * supervisor names the holder's new representative ({@code NameHolderRepresentative}) on the holder's power of representation, claimed
 * as an enrolment's order of the holder's company (ADR 0061 item 44, F503): the paper that enrolled the person for the holder is cited
 * again; another company's paper, or a signer without the supervisor's role, is refused, nothing stored. From the act the person named
 * acts for the holder and reads its case, and the one replaced does not.
 */
class HolderRepresentativeEndToEndTest {

    @RegisterExtension
    static final PermitRegistry registry = new PermitRegistry();

    /** A new person enrolled by supervisor-1's signed act as the representative of {@code company}, on {@code power}. */
    private static SigningIdentity representativeOf(String id, String company, String power) {
        SigningIdentity who = registry.newPerson(id, "Representative " + id, "Company " + company, Duration.ofDays(365));
        ok(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(who.person(), Certificates.toPem(List.of(who.chain().get(0))),
                Role.APPLICANT, power, company, null)));
        return who;
    }

    private static long claims() {
        return registry.context().getBean(MongoDatabase.class).getCollection("document_claims").countDocuments();
    }

    @Test
    @DisplayName("002 art. 23.2; 001 art. 23.1.1 (F517, was O361; ADR 0046 items 145, 148): abuse: the holder's new representative names "
            + "themselves (403 signer.role-missing), the supervisor names them on another company's power of representation (409 "
            + "document.claimed-by-another-company.identity-order): nothing stored, no claim; on the holder's own: named, they report a "
            + "change and read the case, the one replaced is refused 403 permit.not-the-holder")
    void the_supervisor_names_the_holders_representative_on_the_holders_power() {
        ApplicationId permit = registry.issuedPermit("Bayan Tamga LLC", "6130101", registry.document("the insurance policy of 6130101, "
                + "session 30"), registry.document("the contract of 6130101, session 30"));
        String power = registry.document("power of representation of 6130101 for applicant-30a, session 30");
        SigningIdentity named = representativeOf("applicant-30a", "6130101", power);
        String anotherCompanys = registry.document("power of representation of 6130102 for applicant-30b, session 30");
        representativeOf("applicant-30b", "6130102", anotherCompanys);
        long claimsBefore = claims();

        registry.refused(registry.send(named, "NameHolderRepresentative", new NameHolderRepresentative(permit, named.person(), power)), 403,
                "signer.role-missing", null, "");
        registry.refused(registry.send("supervisor-1", "NameHolderRepresentative", new NameHolderRepresentative(permit, named.person(),
                anotherCompanys)), 409, "document.claimed-by-another-company.identity-order", "documentSha256", "002 art. 23.2; 001 art. 23.1.1");
        assertThat(registry.events(permit.value())).noneMatch(HolderRepresentativeNamed.class::isInstance);
        assertThat(claims()).isEqualTo(claimsBefore);

        ok(registry.send("supervisor-1", "NameHolderRepresentative", new NameHolderRepresentative(permit, named.person(), power)));
        assertThat(registry.events(permit.value())).filteredOn(HolderRepresentativeNamed.class::isInstance)
                .extracting(e -> ((HolderRepresentativeNamed) e).representative()).containsExactly(named.person());
        ok(registry.send(named, "ReportPermitChange", new ReportPermitChange(permit, registry.today(), "New address",
                registry.document("6130101's decision moving its address, session 30"))));
        registry.refused(registry.send("applicant-1", "ReportPermitChange", new ReportPermitChange(permit, registry.today(), "New director",
                registry.document("6130101's decision naming a director, session 30"))), 403, "permit.not-the-holder", null, "002 art. 20.3.3");
        assertThat(registry.events(permit.value())).filteredOn(PermitChangeReported.class::isInstance).hasSize(1);
        long waitUntil = System.nanoTime() + Duration.ofSeconds(10).toNanos(); // the case projection folds after the command's reply
        Document theCase = null;
        while ((theCase == null || !named.person().value().equals(theCase.getString("representative"))) && System.nanoTime() < waitUntil) {
            theCase = registry.context().getBean(MongoDatabase.class).getCollection("permit_cases").find(Filters.eq("_id", permit.value())).first();
            Thread.onSpinWait();
        }
        assertThat(theCase).isNotNull();
        assertThat(theCase.getString("representative")).as("the case is the new representative's").isEqualTo(named.person().value());
        registry.refused(registry.send("supervisor-1", "NameHolderRepresentative", new NameHolderRepresentative(permit, named.person(),
                power)), 409, "permit.holder-representative-unchanged", "representative", "002 art. 23.2; 001 art. 23.1.1");
    }
}
