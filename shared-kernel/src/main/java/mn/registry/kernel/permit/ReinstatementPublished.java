package mn.registry.kernel.permit;

import java.time.Instant;
import mn.registry.kernel.identity.PersonId;

/**
 * The public record of a reinstatement on complaint stored before upheld decisions were published (002 art. 29.6, 31.1.6; ADR 0046 item
 * 67): {@code decidedAt} is the stored decision's, {@code recordedAt} this record's, {@code recordedBy} the supervisor who published it.
 */
public record ReinstatementPublished(ApplicationId applicationId, Instant decidedAt, Instant recordedAt, PersonId recordedBy, String article) {

    /** The articles the correcting record is made under: the reinstatement (29.6) published as the ministry's acts are (31.1.6). */
    public static final String ARTICLE = "002 art. 29.6, 31.1.6";
}
