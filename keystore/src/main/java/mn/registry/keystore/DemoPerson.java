package mn.registry.keystore;

import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;

import java.util.Objects;

/**
 * A demo person: who they are and the one role the command side grants them by events at first start.
 *
 * @param id           person id, also the certificate's {@code UID} and the directory name under {@code keys/people/}
 * @param displayName  the certificate's {@code CN} (Mongolian Cyrillic)
 * @param role         the role to grant (domain-rules §1)
 * @param zoneId       for a zone governor, the zone governed; otherwise {@code null}
 * @param organization the certificate's {@code O}: the ministry or office, or for an applicant their company
 * @param company      for a company's representative ({@link Role#APPLICANT}) the state registration number of the company they represent,
 *                     which their grant names (ADR 0061 item 58; abuse audit F540); null for an official
 */
public record DemoPerson(PersonId id, String displayName, Role role, String zoneId, String organization, String company) {

    /** An official: represents no company. */
    public DemoPerson(PersonId id, String displayName, Role role, String zoneId, String organization) {
        this(id, displayName, role, zoneId, organization, null);
    }

    public DemoPerson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        if ((role == Role.ZONE_GOVERNOR) != (zoneId != null)) {
            throw new IllegalArgumentException("a zone governor, and only a zone governor, has a zone: " + id);
        }
        if ((role == Role.APPLICANT) != (company != null)) {
            throw new IllegalArgumentException("a company's representative, and only a representative, names a company: " + id);
        }
    }
}
