package mn.registry.web.desk;

import mn.registry.infrastructure.identity.IdentityDirectory;
import mn.registry.kernel.identity.PersonId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * 001 art. 23.1.1; 002 art. 23.2 (ADR 0061 item 68, choice; abuse audit F534, was O417): the supervisor's list, beside the form of
 * {@code StateRepresentativesCompany}, of the representatives' grants in force now naming no company and given none by a statement, as
 * the persons' own streams answer ({@link IdentityDirectory#grantsNamingNoCompanyAt}): such a representative acts for any company until
 * their company is stated (item 49), and the supervisor no longer needs to know their id beforehand. Choosing a row fills the form's
 * person; the statement is judged by its own rules whatever the page offers. Empty when no directory runs in this application.
 */
@Component
class GrantsNamingNoCompany {

    private final ObjectProvider<IdentityDirectory> directory;
    private final Clock clock;

    GrantsNamingNoCompany(ObjectProvider<IdentityDirectory> directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * The list now, and the person chosen from it for the form.
     *
     * @param grants the grants, by the person's id
     * @param chosen the person a link chose (one listed), which fills the form's person; else null
     */
    record Listing(List<IdentityDirectory.GrantNamingNoCompany> grants, String chosen) {
    }

    Listing listing(String chosen) {
        IdentityDirectory people = directory.getIfAvailable();
        List<IdentityDirectory.GrantNamingNoCompany> grants = people == null ? List.of() : people.grantsNamingNoCompanyAt(clock.instant());
        String listed = chosen == null ? null : grants.stream().map(IdentityDirectory.GrantNamingNoCompany::person).map(PersonId::value)
                .filter(chosen.strip()::equals).findFirst().orElse(null);
        return new Listing(grants, listed);
    }
}
