package mn.registry.kernel.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A person holds a role from {@code validFrom} (domain-rules §1: a role is granted by an event, never
 * claimed by a client). For a zone governor, {@code zoneId} names the zone and the appointment is the
 * tenure (003 art. 8.2); otherwise it is {@code null}.
 *
 * @param personId   who
 * @param role       which role
 * @param zoneId     the zone of a {@link Role#ZONE_GOVERNOR}, else {@code null}
 * @param validFrom  the role counts for acts signed at or after this instant
 * @param grantedBy  who granted it ({@code null} for the registry's own first-start enrolment)
 * @param ground     the act or article it rests on, e.g. a Cabinet decision number (may be {@code null})
 * @param documentSha256 the document an enrolment's grant rests on (the appointment order, the power of representation), never published
 *                   ({@code PublicRecords} withholds it); null in grants stored before session 23 and in an appointment's (ADR 0061 item 21)
 * @param company    the state registration number of the company whose representative an {@link Role#APPLICANT}'s grant makes the person,
 *                   as the enrolment named it (ADR 0061 item 44; abuse audit F503, was O291); null for an official's role, and in a
 *                   representative's grant stored before session 29 or enrolled naming none ("not known"). Never published: a
 *                   representative's grant is not a public record ({@code PublicRecords})
 */
public record RoleGranted(PersonId personId,
                          Role role,
                          String zoneId,
                          Instant validFrom,
                          PersonId grantedBy,
                          String ground,
                          @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String documentSha256,
                          @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String company) {

    /** A grant that names no document (an appointment, whose decision is its ground; the registry's first-start enrolment). */
    public RoleGranted(PersonId personId, Role role, String zoneId, Instant validFrom, PersonId grantedBy, String ground) {
        this(personId, role, zoneId, validFrom, grantedBy, ground, null);
    }

    /** A grant naming no company: an official's role, or a representative's whose company is not known (ADR 0061 item 44). */
    public RoleGranted(PersonId personId, Role role, String zoneId, Instant validFrom, PersonId grantedBy, String ground, String documentSha256) {
        this(personId, role, zoneId, validFrom, grantedBy, ground, documentSha256, null);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public RoleGranted {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(validFrom, "validFrom");
        if ((role == Role.ZONE_GOVERNOR) != (zoneId != null)) {
            throw new IllegalArgumentException("a zone governor's role, and only that role, names a zone");
        }
        if (company != null && role != Role.APPLICANT) {
            throw new IllegalArgumentException("a company's representative's role, and only that role, names a company");
        }
    }
}
