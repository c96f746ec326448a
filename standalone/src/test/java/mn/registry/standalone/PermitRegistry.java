package mn.registry.standalone;

import mn.registry.identity.command.Enrolment;
import mn.registry.kernel.identity.EnrolSigner;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.ApprovePermitApplication;
import mn.registry.kernel.permit.IssuePermit;
import mn.registry.kernel.permit.RecordPermitInsurance;
import mn.registry.kernel.permit.SetMinimumInsurance;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.keystore.RegistryKeys;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static mn.registry.standalone.RunningRegistry.ok;

/**
 * The permit abuse rounds on a running registry (002): the set-up rounds 5 to 14 and the document kinds' test each copied (duplicates of
 * session 19's review), once. The ministry's minimum insurance is set at start (002 art. 26.2.3); a permit is applied for by the demo
 * applicant (who then acts for the holder), approved, insured and issued; a signer of the test's own gets a key of the registry's CA
 * and is enrolled as the demo people are, or by the supervisor's signed act.
 */
final class PermitRegistry extends RunningRegistry {

    /** The minimum insurance in force from the start (002 art. 26.2.3); the rounds' policies insure 200,000,000. */
    static final Money MINIMUM_INSURANCE = Money.mnt(100_000_000);

    /** @param options Spring options besides a free port, the data directory and the demo people */
    PermitRegistry(String... options) {
        super(options);
    }

    @Override
    public void beforeAll(ExtensionContext extension) throws IOException {
        super.beforeAll(extension);
        ok(send("supervisor-1", "SetMinimumInsurance", new SetMinimumInsurance(MINIMUM_INSURANCE)));
    }

    @Override
    PermitRegistry withLongLivedPeople() {
        super.withLongLivedPeople();
        return this;
    }

    /** A permit of the demo applicant, applied for by {@code company} ({@code number}), approved and insured on {@code policy}, not issued. */
    ApplicationId insuredPermit(String company, String number, String policy) {
        ApplicationId id = new ApplicationId(ok(send("applicant-1", "ApplyForPermit", ReceiptTimeEndToEndTest.permitApplicationFor(context(), company,
                number))).path("applicationId").asText());
        ok(send("reviewer-1", "ApprovePermitApplication", new ApprovePermitApplication(id)));
        ok(send("applicant-1", "RecordPermitInsurance", new RecordPermitInsurance(id, "Mongol Daatgal", "POL-" + number, Money.mnt(200_000_000),
                today().plusYears(1), policy)));
        return id;
    }

    /** As {@link #insuredPermit}, then issued today by the supervisor with {@code contract}. */
    ApplicationId issuedPermit(String company, String number, String policy, String contract) {
        ApplicationId id = insuredPermit(company, number, policy);
        ok(send("supervisor-1", "IssuePermit", issue(id, contract)));
        return id;
    }

    /** 002 art. 26.7: the supervisor's issue of {@code id} with {@code contract}. */
    static IssuePermit issue(ApplicationId id, String contract) {
        return new IssuePermit(id, "Issuing signature certificates", List.of("Keep the database in Mongolia"), null, contract);
    }

    /** A person of the test's own, with a key of the registry's CA valid from a day before now (truncated to the second) for {@code validFor}. */
    SigningIdentity newPerson(String id, String name, String organisation, Duration validFor) {
        Instant now = clock().instant().truncatedTo(ChronoUnit.SECONDS);
        return getBean(RegistryKeys.class).ca().newPerson(new PersonId(id), name, organisation, now.minus(Duration.ofDays(1)), now.plus(validFor));
    }

    /** {@link #newPerson}, enrolled as an official in {@code role} by supervisor-1 as the demo people are (no signed act), on {@code ground}. */
    SigningIdentity enrolled(String id, String name, String organisation, Duration validFor, Role role, String ground) {
        return enrolled(id, name, organisation, validFor, role, null, ground);
    }

    /**
     * The same, in {@code role} naming {@code company}: the state registration number of the company a representative (role APPLICANT)
     * represents (ADR 0061 items 44, 58), null for an official.
     */
    SigningIdentity enrolled(String id, String name, String organisation, Duration validFor, Role role, String company, String ground) {
        SigningIdentity who = newPerson(id, name, organisation, validFor);
        getBean(Enrolment.class).enrolIfAbsent(who.person(), name, who.certificate(), role, null, company, new PersonId("supervisor-1"), ground);
        return who;
    }

    /**
     * A ministry reviewer of the test's own ({@code Reviewer <id>}), valid for a year and {@link #enrolled} on {@code ground}: the official the
     * identity rounds' orders concern (each round copied it).
     */
    SigningIdentity reviewer(String id, String ground) {
        return enrolled(id, "Reviewer " + id, "Ministry", Duration.ofDays(365), Role.MINISTRY_REVIEWER, ground);
    }

    /** The registry-wide claim of the document {@code sha256} (ADR 0057, {@code document_claims}), or null when none was written. */
    org.bson.Document claimOf(String sha256) {
        return getBean(com.mongodb.client.MongoDatabase.class).getCollection("document_claims")
                .find(com.mongodb.client.model.Filters.eq("_id", sha256)).first();
    }

    /** 001 art. 23.1.1: the supervisor's signed act enrolling {@code who} in {@code role} on {@code document}. */
    static EnrolSigner enrolment(SigningIdentity who, Role role, String document) {
        return new EnrolSigner(who.person(), Certificates.toPem(List.of(who.chain().get(0))), role, document);
    }

    /**
     * 001 art. 23.1.1; 002 art. 23.2: the supervisor's signed act enrolling {@code who} as {@code company}'s representative (the role
     * {@code APPLICANT}, which names its company since ADR 0061 item 53, F520) on {@code document}.
     */
    static EnrolSigner enrolment(SigningIdentity who, Role role, String company, String document) {
        return new EnrolSigner(who.person(), Certificates.toPem(List.of(who.chain().get(0))), role, document, company, null);
    }
}
