package mn.registry.kernel.permit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a company's representative signs to apply for a special permit to issue signature
 * certificates (002 art. 23.2, 25.1). Checked at intake; see {@link PermitApplicationRegistered}.
 *
 * @param company           the applicant
 * @param holdsOtherPermit  whether the company holds another type of permit (then 25.1.7 is required)
 * @param documents         the documents of 25.1 by kind and hash
 */
public record ApplyForPermit(Company company, boolean holdsOtherPermit, List<SubmittedDocument> documents) {

    public ApplyForPermit {
        // a null entry is kept so that intake can name it (documents[i]) instead of failing to read the body
        documents = documents == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(documents));
    }
}
