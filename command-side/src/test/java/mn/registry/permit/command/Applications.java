package mn.registry.permit.command;

import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.permit.ApplyForPermit;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.kernel.permit.SubmittedDocument;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Sample applications for the tests: a complete one, and ways to spoil it. */
final class Applications {

    static final Company MONGOLIAN = new Company("Тэмүүжин Итгэл ХХК", "6543210", true, "Сүхбаатар дүүрэг, Улаанбаатар");
    static final Company FOREIGN = new Company("Trust Services GmbH", "HRB 12345", false, "Berlin");

    private Applications() {
    }

    /** The text content of the sample document of this kind (a plain-text document is accepted). */
    static byte[] content(RequiredDocument kind) {
        return ("sample " + kind + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static SubmittedDocument submitted(RequiredDocument kind) {
        return new SubmittedDocument(kind, Sha256.hex(content(kind)));
    }

    /** The six documents every applicant submits (002 art. 25.1.1-25.1.6). */
    static List<SubmittedDocument> mandatoryDocuments() {
        return Arrays.stream(RequiredDocument.values()).filter(RequiredDocument::alwaysRequired).map(Applications::submitted).toList();
    }

    static ApplyForPermit complete() {
        return new ApplyForPermit(MONGOLIAN, false, mandatoryDocuments());
    }

    /** A complete application by another company, registration number {@code number} (ADR 0031: one open application a company). */
    static ApplyForPermit completeFor(String number) {
        return new ApplyForPermit(new Company(MONGOLIAN.name() + " " + number, number, true, MONGOLIAN.address()), false, mandatoryDocuments());
    }

    /**
     * The six documents of company {@code number}'s own, received by {@code store} (ADR 0057 item 8, session 28: a permit application's papers
     * serve one company's applications, F462), one text per kind and company.
     */
    static List<SubmittedDocument> papersOf(String number, mn.registry.document.DocumentStore store) {
        return Arrays.stream(RequiredDocument.values()).filter(RequiredDocument::alwaysRequired).map(kind -> new SubmittedDocument(kind, store.receive(
                ("sample " + kind + " of company " + number + "\n").getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8",
                kind.name().toLowerCase() + ".txt").document().sha256())).toList();
    }

    /** A complete application of company {@code number} on {@code papers}. */
    static ApplyForPermit completeOn(String number, List<SubmittedDocument> papers) {
        return new ApplyForPermit(completeFor(number).company(), false, papers);
    }

    static ApplyForPermit without(RequiredDocument kind, boolean holdsOtherPermit) {
        List<SubmittedDocument> documents = new ArrayList<>();
        for (RequiredDocument k : RequiredDocument.values()) {
            if (k != kind && k.requiredWhen(holdsOtherPermit)) {
                documents.add(submitted(k));
            }
        }
        return new ApplyForPermit(MONGOLIAN, holdsOtherPermit, documents);
    }
}
