package mn.registry.permit.command;

import mn.registry.kernel.permit.ApplyForPermit;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.kernel.permit.SubmittedDocument;
import mn.registry.kernel.problem.RegistryProblem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static mn.registry.permit.command.Applications.MONGOLIAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PermitIntakePolicyTest {

    private static RegistryProblem refusal(ApplyForPermit application) {
        try {
            PermitIntakePolicy.check(application);
        } catch (RegistryProblem p) {
            return p;
        }
        throw new AssertionError("expected a refusal of " + application);
    }

    @Test
    @DisplayName("002 art. 25.1: an application by a Mongolian company with the six documents passes intake")
    void complete_application_passes() {
        assertThatCode(() -> PermitIntakePolicy.check(Applications.complete())).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("002 art. 23.2: a company not established under Mongolian law is refused, naming the rule")
    void foreign_company_refused() {
        RegistryProblem p = refusal(new ApplyForPermit(Applications.FOREIGN, false, Applications.mandatoryDocuments()));

        assertThat(p.code()).isEqualTo("permit.applicant-foreign");
        assertThat(p.field()).isEqualTo("company.establishedUnderMongolianLaw");
        assertThat(p.article()).isEqualTo("002 art. 23.2");
        assertThat(p.kind().status()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0} missing")
    @EnumSource(value = RequiredDocument.class, names = "OTHER_PERMIT_COPY", mode = EnumSource.Mode.EXCLUDE)
    @DisplayName("002 art. 25.1: each missing mandatory document is named with its article")
    void each_missing_document_named(RequiredDocument missing) {
        RegistryProblem p = refusal(Applications.without(missing, false));

        assertThat(p.code()).isEqualTo("permit.document-missing");
        assertThat(p.field()).isEqualTo("documents." + missing.name());
        assertThat(p.article()).isEqualTo(missing.article());
    }

    @Test
    @DisplayName("002 art. 25.1.4: the article of audited financial statements is 25.1.4")
    void audited_statements_article() {
        RegistryProblem p = refusal(Applications.without(RequiredDocument.AUDITED_FINANCIAL_STATEMENTS, false));
        assertThat(p.field()).isEqualTo("documents.AUDITED_FINANCIAL_STATEMENTS");
        assertThat(p.article()).isEqualTo("002 art. 25.1.4");
    }

    @Test
    @DisplayName("002 art. 25.1.7: a company that holds another permit must submit a copy of it")
    void other_permit_copy_required_when_held() {
        RegistryProblem p = refusal(Applications.without(RequiredDocument.OTHER_PERMIT_COPY, true));

        assertThat(p.code()).isEqualTo("permit.document-missing");
        assertThat(p.field()).isEqualTo("documents.OTHER_PERMIT_COPY");
        assertThat(p.article()).isEqualTo("002 art. 25.1.7");
        List<SubmittedDocument> all = new ArrayList<>(Applications.mandatoryDocuments());
        all.add(Applications.submitted(RequiredDocument.OTHER_PERMIT_COPY));
        assertThatCode(() -> PermitIntakePolicy.check(new ApplyForPermit(MONGOLIAN, true, all))).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("002 art. 25.1.7: a copy of another permit from a company that holds none is refused")
    void other_permit_copy_refused_when_not_held() {
        List<SubmittedDocument> all = new ArrayList<>(Applications.mandatoryDocuments());
        all.add(Applications.submitted(RequiredDocument.OTHER_PERMIT_COPY));

        RegistryProblem p = refusal(new ApplyForPermit(MONGOLIAN, false, all));

        assertThat(p.code()).isEqualTo("permit.document-unexpected");
        assertThat(p.field()).isEqualTo("documents.OTHER_PERMIT_COPY");
    }

    @Test
    @DisplayName("002 art. 25.1: the same document kind given twice is refused")
    void duplicate_kind_refused() {
        List<SubmittedDocument> documents = new ArrayList<>(Applications.mandatoryDocuments());
        documents.add(new SubmittedDocument(RequiredDocument.CORRESPONDENT_BANK_REFERENCE, "ab".repeat(32)));

        RegistryProblem p = refusal(new ApplyForPermit(MONGOLIAN, false, documents));

        assertThat(p.code()).isEqualTo("permit.document-duplicate");
        assertThat(p.field()).isEqualTo("documents.CORRESPONDENT_BANK_REFERENCE");
    }

    @Test
    @DisplayName("a document without a kind or with a malformed hash is refused, naming it")
    void malformed_document_entries() {
        List<SubmittedDocument> noKind = new ArrayList<>(Applications.mandatoryDocuments());
        noKind.add(1, new SubmittedDocument(null, "ab".repeat(32)));
        RegistryProblem p = refusal(new ApplyForPermit(MONGOLIAN, false, noKind));
        assertThat(p.code()).isEqualTo("permit.document-kind-missing");
        assertThat(p.field()).isEqualTo("documents[1].kind");
        List<SubmittedDocument> nullEntry = new ArrayList<>(Applications.mandatoryDocuments());
        nullEntry.add(null);
        assertThat(refusal(new ApplyForPermit(MONGOLIAN, false, nullEntry)).field()).isEqualTo("documents[6]");

        List<SubmittedDocument> upperHex = new ArrayList<>(Applications.mandatoryDocuments());
        upperHex.set(0, new SubmittedDocument(RequiredDocument.STATE_REGISTRATION_CERTIFICATE, "AB".repeat(32)));
        p = refusal(new ApplyForPermit(MONGOLIAN, false, upperHex));
        assertThat(p.code()).isEqualTo("document.sha256-malformed");
        assertThat(p.field()).isEqualTo("documents.STATE_REGISTRATION_CERTIFICATE");
    }

    @Test
    @DisplayName("a company without name, registration number or address is refused, naming the field")
    void company_must_be_described() {
        assertThat(refusal(new ApplyForPermit(null, false, Applications.mandatoryDocuments())).field()).isEqualTo("company");
        assertThat(refusal(new ApplyForPermit(new Company(" ", "6543210", true, "UB"), false, Applications.mandatoryDocuments())).field())
                .isEqualTo("company.name");
        assertThat(refusal(new ApplyForPermit(new Company("X LLC", null, true, "UB"), false, Applications.mandatoryDocuments())).field())
                .isEqualTo("company.registrationNumber");
        assertThat(refusal(new ApplyForPermit(new Company("X LLC", "6543210", true, ""), false, Applications.mandatoryDocuments())).field())
                .isEqualTo("company.address");
    }

    @Test
    @DisplayName("002 art. 23.2 is checked before 25.1: a foreign company with missing documents hears it is foreign")
    void foreign_before_documents() {
        assertThatThrownBy(() -> PermitIntakePolicy.check(new ApplyForPermit(Applications.FOREIGN, false, List.of())))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> assertThat(p.code()).isEqualTo("permit.applicant-foreign"));
    }
}
