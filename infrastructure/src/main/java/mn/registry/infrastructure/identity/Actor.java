package mn.registry.infrastructure.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;

import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An enrolled person as of one instant: the roles they held then and, for governors, the zones.
 *
 * <p>The name on the certificate is personal data kept encrypted (ADR 0008); it is decrypted only when
 * {@link #displayName()} is read (a sign-in shows it), not for every signed command, which reads only the person,
 * roles and zones (issue 17: "every command decrypts the signer's name that nothing reads"). Its JSON (the session's
 * {@code GET /api/session}) and its template properties are those of the record it was.
 */
@JsonPropertyOrder({"person", "displayName", "roles", "zones"})
public final class Actor {

    private final PersonId person;
    private final Set<Role> roles;
    private final Set<String> zones;
    private final String company;
    private Supplier<String> nameSource;
    private String displayName;

    /**
     * @param person       who
     * @param displayName  the name on their certificate
     * @param roles        roles held at that instant
     * @param zones        zones governed at that instant
     */
    public Actor(PersonId person, String displayName, Set<Role> roles, Set<String> zones) {
        this(person, roles, zones, () -> displayName);
    }

    /** An actor whose name is read from {@code nameSource} on first use only (at most once), representing no company named. */
    public Actor(PersonId person, Set<Role> roles, Set<String> zones, Supplier<String> nameSource) {
        this(person, roles, zones, null, nameSource);
    }

    /**
     * An actor whose name is read from {@code nameSource} on first use only (at most once).
     *
     * @param company the state registration number of the company whose representative their grant of the applicant's role in force names
     *                (ADR 0061 items 44 and 49; abuse audit F503, F505); null when they hold no such grant or it names none
     */
    public Actor(PersonId person, Set<Role> roles, Set<String> zones, String company, Supplier<String> nameSource) {
        this.person = Objects.requireNonNull(person, "person");
        this.roles = roles;
        this.zones = zones;
        this.company = company;
        this.nameSource = Objects.requireNonNull(nameSource, "nameSource");
    }

    @JsonProperty
    public PersonId person() {
        return person;
    }

    /** The name on their certificate (null once erased); decrypted here, on first read. */
    @JsonProperty
    public synchronized String displayName() {
        if (nameSource != null) {
            displayName = nameSource.get();
            nameSource = null;
        }
        return displayName;
    }

    @JsonProperty
    public Set<Role> roles() {
        return roles;
    }

    @JsonProperty
    public Set<String> zones() {
        return zones;
    }

    /**
     * The company the person represents as their grant in force names it (ADR 0061 item 49); null: none named. Not in the session's
     * JSON: a representative's grant is not published ({@code RoleGranted.company}).
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String company() {
        return company;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Actor other && person.equals(other.person) && Objects.equals(roles, other.roles)
                && Objects.equals(zones, other.zones)
                && Objects.equals(company, other.company);
    }

    @Override
    public int hashCode() {
        return Objects.hash(person, roles, zones, company);
    }

    @Override
    public String toString() {
        return "Actor[person=" + person + ", roles=" + roles + ", zones=" + zones + "]";
    }
}
