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
}
