package mn.registry.standalone;

import mn.registry.kernel.identity.EnrolSigner;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.PermitChangeReported;
import mn.registry.kernel.permit.ReportPermitChange;
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
 * Session 29, identity round 12 (ADR 0061 item 44; abuse audit F503, was O291) on a running registry over HTTP: the enrolment of a company's
 * representative names the company's state registration number; the enrolment's document (the company's decision naming its director,
 * its power of representation) is then that company's paper: another company's permit holder does not report a change on it, nor is
 * another company's representative enrolled on it; the company's own holder does. Refusals are problem+json with their code, field and
 * article, nothing stored ({@link RunningRegistry#refused}).
 */
class IdentityAbuseRound12EndToEndTest {

    @RegisterExtension
    static final PermitRegistry registry = new PermitRegistry();

    private static ReportPermitChange change(ApplicationId id, String document) {
        return new ReportPermitChange(id, registry.today(), "New director", document);
    }

    /** 001 art. 23.1.1: the supervisor's enrolment of {@code who} as the representative of {@code company} on {@code document}. */
    private static EnrolSigner representativeOf(SigningIdentity who, String company, String document) {
        return new EnrolSigner(who.person(), Certificates.toPem(List.of(who.chain().get(0))), Role.APPLICANT, document, company, null);
    }


    @Test
    @DisplayName("001 art. 23.1.1, 002 art. 20.3.3 (F503, was O291; ADR 0061 item 44): abuse: a permit holder reports a change on the decision "
            + "naming another company's director, on which that company's representative was enrolled naming it: refused "
            + "document.claimed-by-another-company.identity-order, nothing stored; the company's own decision is reported")
    void a_holder_does_not_report_a_change_on_another_companys_enrolment_order() {
        ApplicationId id = registry.issuedPermit("Identity Twelve LLC", "6129001", registry.document("the insurance policy of 6129001, session 29"),
                registry.document("the contract of 6129001, session 29"));
        SigningIdentity others = registry.newPerson("applicant-29b", "Director Twenty-Nine B", "Twelve B LLC", Duration.ofDays(365));
        String theirs = registry.document("decision of 6129002 naming applicant-29b its director, session 29");
        ok(registry.send("supervisor-1", "EnrolSigner", representativeOf(others, "6129002", theirs)));
        assertThat(registry.claimOf(theirs).getString("company")).as("the order's claim names the company").isEqualTo("6129002");
        assertThat(registry.events("person-applicant-29b")).filteredOn(RoleGranted.class::isInstance).map(RoleGranted.class::cast)
                .extracting(RoleGranted::company).containsExactly("6129002");

        registry.refused(registry.send("applicant-1", "ReportPermitChange", change(id, theirs)), 409,
                "document.claimed-by-another-company.identity-order", "documentSha256", "002 art. 20.3.3");
        assertThat(registry.events(id.value())).noneMatch(PermitChangeReported.class::isInstance);
        assertThat(registry.claimOf(theirs).getString("kind")).isEqualTo("identity-order");
        assertThat(registry.claimOf(theirs).getString("company")).isEqualTo("6129002");

        SigningIdentity own = registry.newPerson("applicant-29a", "Director Twenty-Nine A", "Identity Twelve LLC", Duration.ofDays(365));
        String ours = registry.document("decision of 6129001 naming applicant-29a its director, session 29");
        ok(registry.send("supervisor-1", "EnrolSigner", representativeOf(own, "6129001", ours)));
        ok(registry.send("applicant-1", "ReportPermitChange", change(id, ours)));
        assertThat(registry.events(id.value())).filteredOn(PermitChangeReported.class::isInstance).hasSize(1);
    }

    @Test
    @DisplayName("001 art. 23.1.1 (F503, was O291; ADR 0061 item 44): abuse: a supervisor enrols a representative of another company on a "
            + "company's power of representation: refused document.claimed-by-another-company.identity-order, nothing stored; a second "
            + "representative of the same company on it is enrolled (one power may name two)")
    void another_companys_representative_is_not_enrolled_on_a_companys_paper() {
        SigningIdentity first = registry.newPerson("applicant-29c", "Representative C", "Twelve C LLC", Duration.ofDays(365));
        SigningIdentity second = registry.newPerson("applicant-29d", "Representative D", "Twelve D LLC", Duration.ofDays(365));
        String power = registry.document("power of representation of 6129003 for applicant-29c and applicant-29d, session 29");
        EnrolSigner firstOnIt = representativeOf(first, "6129003", power); // its first citation states both persons (item 45, F504)
        ok(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(first.person(), firstOnIt.certificatePem(), Role.APPLICANT, power,
                "6129003", List.of(second.person()))));

        registry.refused(registry.send("supervisor-1", "EnrolSigner", representativeOf(second, "6129004", power)), 409,
                "document.claimed-by-another-company.identity-order", "documentSha256", "001 art. 23.1.1");
        assertThat(registry.events("person-applicant-29d")).isEmpty();
        assertThat(registry.claimOf(power).getString("company")).isEqualTo("6129003");

        ok(registry.send("supervisor-1", "EnrolSigner", representativeOf(second, "6129003", power)));
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 44): a company named with an official's role, or in another shape than seven digits, is "
            + "refused on the field, nothing stored")
    void a_company_is_named_for_a_representative_only() {
        SigningIdentity reviewer = registry.newPerson("reviewer-29", "Reviewer Twenty-Nine", "Ministry", Duration.ofDays(365));
        String appointment = registry.document("appointment order of reviewer-29, session 29");
        registry.refused(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(reviewer.person(), Certificates.toPem(List.of(
                reviewer.chain().get(0))), Role.MINISTRY_REVIEWER, appointment, "6129005", null)), 400, "identity.company-of-a-representative-only",
                "company", "001 art. 23.1.1");
        SigningIdentity representative = registry.newPerson("applicant-29e", "Representative E", "Twelve E LLC", Duration.ofDays(365));
        registry.refused(registry.send("supervisor-1", "EnrolSigner", representativeOf(representative, "612 9005",
                registry.document("power of representation of 6129005, session 29"))), 400, "identity.company-number-malformed", "company",
                "001 art. 23.1.1");
        assertThat(registry.events("person-reviewer-29")).isEmpty();
        assertThat(registry.events("person-applicant-29e")).isEmpty();
    }

    private static SigningIdentity reviewer(String id) {
        return registry.reviewer(id, "test enrolment, session 29");
    }

    @Test
    @DisplayName("001 art. 23.1.1 (F504, was O314; ADR 0061 item 45): abuse: a supervisor revokes a reviewer's certificate, or ends their role, "
            + "citing the dismissal order first cited for another reviewer: refused identity.order-concerns-other-persons, nothing revoked "
            + "or ended, the claim left as it was; on the reviewer's own report the certificate is revoked")
    void another_officials_dismissal_order_is_not_cited_for_a_reviewer() {
        SigningIdentity dismissed = reviewer("reviewer-29a");
        SigningIdentity target = reviewer("reviewer-29b");
        String order = registry.document("Order dismissing reviewer-29a, session 29");
        ok(registry.send("supervisor-1", "EndSignerRole", new mn.registry.kernel.identity.EndSignerRole(dismissed.person(), Role.MINISTRY_REVIEWER,
                order)));
        assertThat(registry.claimOf(order).getList("concerns", String.class)).containsExactly("reviewer-29a");

        registry.refused(registry.send("supervisor-2", "RevokeSignerCertificate", new mn.registry.kernel.identity.RevokeSignerCertificate(
                target.person(), null, "key reported lost", order)), 409, "identity.order-concerns-other-persons", "documentSha256", "001 art. 23.1.1");
        registry.refused(registry.send("supervisor-2", "EndSignerRole", new mn.registry.kernel.identity.EndSignerRole(target.person(),
                Role.MINISTRY_REVIEWER, order)), 409, "identity.order-concerns-other-persons", "documentSha256", "001 art. 23.1.1");
        assertThat(registry.events("person-reviewer-29b")).noneMatch(e -> e instanceof mn.registry.kernel.identity.SignerCertificateRevoked
                || e instanceof mn.registry.kernel.identity.RoleRevoked);
        assertThat(registry.claimOf(order).getList("concerns", String.class)).containsExactly("reviewer-29a");

        ok(registry.send("supervisor-2", "RevokeSignerCertificate", new mn.registry.kernel.identity.RevokeSignerCertificate(target.person(), null,
                "key reported lost", registry.document("reviewer-29b's written report of a lost key, session 29"))));
    }

    @Test
    @DisplayName("001 art. 23.1.1 (F504, was O314; ADR 0061 item 45): one order ending two reviewers' roles, its first citation stating both, "
            + "ends each; a third reviewer it was not stated to concern is refused, nothing stored; a statement naming more persons at a later "
            + "citation adds none")
    void an_order_stated_for_several_officials_is_cited_for_each_of_them_only() {
        SigningIdentity first = reviewer("reviewer-29c");
        SigningIdentity second = reviewer("reviewer-29d");
        SigningIdentity third = reviewer("reviewer-29e");
        String order = registry.document("Order dismissing reviewer-29c and reviewer-29d, session 29");
        ok(registry.send("supervisor-1", "EndSignerRole", new mn.registry.kernel.identity.EndSignerRole(first.person(), Role.MINISTRY_REVIEWER,
                order, List.of(second.person()))));
        registry.refused(registry.send("supervisor-1", "EndSignerRole", new mn.registry.kernel.identity.EndSignerRole(third.person(),
                Role.MINISTRY_REVIEWER, order, List.of(first.person(), second.person()))), 409, "identity.order-concerns-other-persons",
                "documentSha256", "001 art. 23.1.1");
        assertThat(registry.events("person-reviewer-29e")).noneMatch(mn.registry.kernel.identity.RoleRevoked.class::isInstance);
        ok(registry.send("supervisor-1", "EndSignerRole", new mn.registry.kernel.identity.EndSignerRole(second.person(), Role.MINISTRY_REVIEWER,
                order)));
        assertThat(registry.claimOf(order).getList("concerns", String.class)).containsExactly("reviewer-29c", "reviewer-29d");
    }
}
