package mn.registry.kernel.permit;

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
public record Company(String name, String registrationNumber, boolean establishedUnderMongolianLaw, String address) {
}
