package mn.registry.kernel.permit;

import mn.registry.kernel.privacy.PublishedText;

/**
 * The applicant company (002 art. 23.2). Company data, not personal data: it may appear in events
 * and, once a permit is granted, in the public register.
 *
 * @param name                          the registered name of the legal entity
 * @param registrationNumber            the state registration number of the legal entity
 * @param establishedUnderMongolianLaw  whether the company is established under the legislation of
 *                                      Mongolia (a Mongolian subsidiary of a foreign group is)
 * @param address                       the registered address
 */
public record Company(@PublishedText String name, @PublishedText String registrationNumber, boolean establishedUnderMongolianLaw,
                      @PublishedText String address) {

    /**
     * Seven ASCII digits: the state registration number of a Mongolian legal entity (002 art. 25.1.1), the one rule of an application's
     * company and of the company a representative's enrolment names (ADR 0061 items 44, 53), shared by the contexts through the kernel.
     */
    public static boolean isStateRegistrationNumber(String number) {
        return number != null && number.length() == 7 && number.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /**
     * Whether a grant of the applicant's role naming {@code grantsCompany} (null: none) names the company whose state registration number is
     * {@code number} (null: none known, as a foreign entity's): the one rule of "the grant in force names this company" (ADR 0061 item 44),
     * asked by the official-acts-for-the-holder rule (ADR 0046 items 150-151), the decider-represents-the-entity rule (ADR 0035 item 110)
     * and the land representative's rule (ADR 0035 item 103). A grant naming none, or a company with no known number, names nothing.
     */
    public static boolean grantNames(String grantsCompany, String number) {
        return grantsCompany != null && number != null && grantsCompany.equals(number);
    }

    /**
     * Whether a grant naming {@code grantsCompany} (null: none) names another company than the one whose number is {@code number} (null:
     * a company named otherwise): the representative-acts-for-their-own-company rule (ADR 0061 item 49). A grant naming none names no
     * other company (the behaviour before F505, O350); a grant naming one names another of any act whose company has no known number.
     */
    public static boolean grantNamesAnother(String grantsCompany, String number) {
        return grantsCompany != null && !grantsCompany.equals(number);
    }
}
