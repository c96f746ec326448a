package mn.registry.freezone.entity;

import mn.registry.document.DocumentStore;
import mn.registry.document.StoredDocument;
import mn.registry.kernel.freezone.LateResumption;
import mn.registry.kernel.identity.PersonId;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * 003 art. 12.5.2, 12.5.3, 26.2 (ADR 0035 items 70, 77; abuse audit F336): the command side's answer to the governor's desk, which offers the
 * resumption after a court's dissolution only on a document the registration would record it on: received before the court's day (the
 * aggregate's own rule, {@link LateResumption#shownBeforeTheCourtsDay}) and held by no act's claim (one document, one act). The uploader's
 * documents only: the desk shows a governor what they uploaded, never another person's.
 */
@Component
class LateResumptionDocuments implements LateResumption.Documents {

    private final DocumentStore store;
    private final ActDocumentClaims claims;

    LateResumptionDocuments(DocumentStore store, ActDocumentClaims claims) {
        this.store = store;
        this.claims = claims;
    }

    @Override
    public List<LateResumption.CitableDocument> citable(PersonId uploader, LocalDate courtsDay) {
        List<StoredDocument> before = store.uploadedBy(uploader).stream()
                .filter(document -> LateResumption.shownBeforeTheCourtsDay(document.receivedAt(), courtsDay)).toList();
        java.util.Set<String> held = claims.heldAmong(before.stream().map(StoredDocument::sha256).toList()); // one read (ADR 0035 item 77)
        return before.stream().filter(document -> !held.contains(document.sha256())).sorted(Comparator.comparing(StoredDocument::receivedAt))
                .map(document -> new LateResumption.CitableDocument(document.sha256(), document.receivedAt())).toList();
    }
}
