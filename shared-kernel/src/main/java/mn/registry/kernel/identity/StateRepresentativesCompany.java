package mn.registry.kernel.identity;

/**
 * The signed command's body (ADR 0061 item 63, choice; abuse audit F556, was O402; 001 art. 23.1.1, 002 art. 23.2): a ministry
 * supervisor's statement of the company whose representative a stored grant of the applicant's role naming no
 * company makes {@code personId} (a grant stored before session 29, or by the start-up enrolment's any-company path), on that company's
 * power of representation {@code documentSha256}, uploaded first. From the registry's receipt on the representative acts for that company
 * only; a grant naming a company is not moved to another.
 *
 * @param personId       whose grant
 * @param company        the company's state registration number, seven digits (002 art. 25.1.1)
 * @param documentSha256 the SHA-256 of the company's power of representation (claimed as that company's identity order)
 */
public record StateRepresentativesCompany(PersonId personId, String company, String documentSha256) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public StateRepresentativesCompany {
    }
}
