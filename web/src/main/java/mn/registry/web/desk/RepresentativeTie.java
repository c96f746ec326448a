package mn.registry.web.desk;

import mn.registry.kernel.identity.Role;
import org.springframework.ui.Model;

import java.util.Set;

/**
 * 002 art. 23.2; 001 art. 23.1.1 (ADR 0061 items 72, 75-76; abuse audit F563, F564, F593-F595): what the signed-in official's own grant of
 * the representative's role ties them to, as the registry judges their acts on representatives: the company it names (they give it no
 * representative and end or lock out none of its representatives), or, naming none, every company (they do neither for any company).
 * The desks (the supervisor's, the Cabinet member's) leave out or mark what the registry would refuse, and say why in the page's language.
 *
 * @param anyCompany the official holds a representative's grant naming no company: tied to every company
 * @param company    the company their representative's grant in force names; null when none, or when it names none
 */
public record RepresentativeTie(boolean anyCompany, String company) {

    /** The tie of a signer with {@code roles} whose representative's grant in force names {@code company} (null: none, or naming none). */
    public static RepresentativeTie of(Set<Role> roles, String company) {
        return new RepresentativeTie(roles.contains(Role.APPLICANT) && company == null, company);
    }

    /** {@code representsAnyCompany} and {@code ownCompany} for the page. */
    public void addTo(Model model) {
        model.addAttribute("representsAnyCompany", anyCompany);
        model.addAttribute("ownCompany", company);
    }
}
