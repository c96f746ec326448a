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
}
