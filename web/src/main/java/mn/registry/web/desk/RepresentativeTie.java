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

    /** Why the registry would refuse this official an act on a representative, for the desk's message; none: not refused. */
    public enum Refusal {
        /** their own grant names no company: tied to every company (item 76) */
        OFFICIAL_OF_ANY_COMPANY,
        /** the representative's grant names the official's own company (item 75) */
        OWN_COMPANYS_REPRESENTATIVE,
        /** the representative's grant names no company, so it acts for the official's company too (item 81, F611) */
        REPRESENTATIVE_OF_ANY_COMPANY
    }

    /**
     * 002 art. 23.2; 001 art. 23.1.1 (ADR 0061 item 84, <b>choice</b>; abuse audit F612, was O470): the desk's reading of the registry's rule
     * ({@code Person.officialDoesNotActOnTheRepresentativeOf}, items 75-76, 81): whether this official (their tie now) may end the role of,
     * revoke or replace the certificate of {@code person}, whose grants of the representative's role in force now name
     * {@code representativesCompanies} (an entry null: naming none; empty: no representative). The registry judges again at its receipt;
     * the desk only says beforehand what it would refuse. Empty: not refused (no representative, the signer themselves, or no tie).
     */
    public java.util.Optional<Refusal> officialMayNotActOnTheRepresentative(boolean themselves, java.util.List<String> representativesCompanies) {
        if (themselves || representativesCompanies.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (anyCompany) {
            return java.util.Optional.of(Refusal.OFFICIAL_OF_ANY_COMPANY);
        }
        if (company == null) {
            return java.util.Optional.empty();
        }
        for (String represented : representativesCompanies) {
            if (represented == null) {
                return java.util.Optional.of(Refusal.REPRESENTATIVE_OF_ANY_COMPANY);
            }
            if (mn.registry.kernel.permit.Company.grantNames(company, represented)) {
                return java.util.Optional.of(Refusal.OWN_COMPANYS_REPRESENTATIVE);
            }
        }
        return java.util.Optional.empty();
    }

    /** {@code representsAnyCompany} and {@code ownCompany} for the page. */
    public void addTo(Model model) {
        model.addAttribute("representsAnyCompany", anyCompany);
        model.addAttribute("ownCompany", company);
    }
}
