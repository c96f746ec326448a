package mn.registry.permit.command;

import mn.registry.document.DocumentCitation;
import mn.registry.kernel.permit.ApplyForPermit;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.kernel.permit.SubmittedDocument;
import mn.registry.kernel.problem.RegistryProblem;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The intake rules a special-permit application must meet before it is registered. Each rule is a
 * method that refuses with a {@link RegistryProblem} naming the field and the article; the first
 * broken rule is reported and nothing is stored. Pure: no I/O, so the aggregate applies it too.
 */
final class PermitIntakePolicy {

    private PermitIntakePolicy() {
    }

    /** Every intake rule that can be checked from the signed body alone, in the order they are reported. */
    static void check(ApplyForPermit application) {
        check(application.company(), application.holdsOtherPermit(), application.documents());
    }

    static void check(Company company, boolean holdsOtherPermit, List<SubmittedDocument> documents) {
        companyIsDescribed(company);
        applicantIsEstablishedUnderMongolianLaw(company);
        registrationNumberIsTheStateRegisters(company, "company.registrationNumber");
        documentsAreNamedByKindAndHash(documents);
        noDocumentKindTwice(documents);
        Set<RequiredDocument> kinds = kinds(documents);
        otherPermitCopyOnlyWhenAnotherPermitIsHeld(kinds, holdsOtherPermit);
        everyRequiredDocumentIsPresent(kinds, holdsOtherPermit);
    }

    // 002 art. 26.6: the permit names its holder and address; 25.1.1: the legal entity is identified by its state registration
    static void companyIsDescribed(Company company) {
        if (company == null) {
            throw RegistryProblem.invalid("permit.company-missing", "The applicant company is required.", "company", "002 art. 23.2");
        }
        requireText(company.name(), "company.name", "002 art. 26.6");
        requireText(company.registrationNumber(), "company.registrationNumber", "002 art. 25.1.1");
        requireText(company.address(), "company.address", "002 art. 26.6");
    }

    // 002 art. 23.2: the special permit is granted only to a company established under the legislation of Mongolia
    static void applicantIsEstablishedUnderMongolianLaw(Company company) {
        if (!company.establishedUnderMongolianLaw()) {
            throw RegistryProblem.invalid("permit.applicant-foreign",
                    "A special permit is granted only to a company established under the legislation of Mongolia.",
                    "company.establishedUnderMongolianLaw", "002 art. 23.2");
        }
    }

    /**
     * 002 art. 23.3, 25.1.1 (abuse audit O8; **choice**): a company established under Mongolian law is named by its state
     * registration number, seven ASCII digits, exactly as it is published; the same company spelled with full-width digits,
     * spaces or padding would be a second company in the register and could hold a second permit (ADR 0031).
     */
    static void registrationNumberIsTheStateRegisters(Company company, String field) {
        if (!Company.isStateRegistrationNumber(company.registrationNumber())) {
            throw RegistryProblem.invalid("permit.registration-number-malformed", "The company's state registration number is seven digits 0-9, "
                    + "with no space or other character.", field, "002 art. 25.1.1");
        }
    }

    // 002 art. 25.1: each document names which of 25.1.1-25.1.7 it is, and the SHA-256 of its bytes
    static void documentsAreNamedByKindAndHash(List<SubmittedDocument> documents) {
        for (int i = 0; i < documents.size(); i++) {
            SubmittedDocument d = documents.get(i);
            if (d == null || d.kind() == null) {
                throw RegistryProblem.invalid("permit.document-kind-missing",
                        "Each document names its kind (one of 002 art. 25.1.1-25.1.7).", "documents[" + i + "]" + (d == null ? "" : ".kind"), "002 art. 25.1");
            }
            DocumentCitation.of("documents." + d.kind(), d.kind().article()).wellFormed(d.sha256());
        }
    }

    // 002 art. 25.1: one document per item of the list, so that the checklist is unambiguous
    static void noDocumentKindTwice(List<SubmittedDocument> documents) {
        Set<RequiredDocument> seen = EnumSet.noneOf(RequiredDocument.class);
        for (SubmittedDocument d : documents) {
            if (!seen.add(d.kind())) {
                throw RegistryProblem.invalid("permit.document-duplicate",
                        "The document " + d.kind() + " is given more than once.", "documents." + d.kind(), d.kind().article());
            }
        }
    }

    // 002 art. 25.1.7: a copy of another permit is submitted if, and only if, another type of permit is held
    static void otherPermitCopyOnlyWhenAnotherPermitIsHeld(Set<RequiredDocument> kinds, boolean holdsOtherPermit) {
        if (kinds.contains(RequiredDocument.OTHER_PERMIT_COPY) && !holdsOtherPermit) {
            throw RegistryProblem.invalid("permit.document-unexpected",
                    "A copy of another permit is given, but holdsOtherPermit is false.",
                    "documents." + RequiredDocument.OTHER_PERMIT_COPY, RequiredDocument.OTHER_PERMIT_COPY.article());
        }
    }

    // 002 art. 25.1: the applicant submits documents 25.1.1-25.1.6, and 25.1.7 when another permit is held
    static void everyRequiredDocumentIsPresent(Set<RequiredDocument> kinds, boolean holdsOtherPermit) {
        for (RequiredDocument required : RequiredDocument.values()) {
            if (required.requiredWhen(holdsOtherPermit) && !kinds.contains(required)) {
                throw RegistryProblem.invalid("permit.document-missing",
                        "The document " + required + " (" + required.article() + ") is missing.",
                        "documents." + required, required.article());
            }
        }
    }

    private static Set<RequiredDocument> kinds(Collection<SubmittedDocument> documents) {
        Set<RequiredDocument> kinds = EnumSet.noneOf(RequiredDocument.class);
        documents.forEach(d -> kinds.add(d.kind()));
        return kinds;
    }

    private static void requireText(String value, String field, String article) {
        if (PermitApplication.saysNothing(value)) {
            throw RegistryProblem.invalid("permit.company-incomplete", "The field " + field + " is required.", field, article);
        }
    }
}
