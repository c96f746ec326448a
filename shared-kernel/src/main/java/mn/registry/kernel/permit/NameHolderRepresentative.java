package mn.registry.kernel.permit;

import mn.registry.kernel.identity.PersonId;

/**
 * Signed command body: the ministry's supervisor (who transfers a permit, 002 art. 23.3) names the person who acts for the permit's holder
 * from now on (ADR 0046 item 145, choice; abuse audit F517, was O361): the holder is a company (002 art. 23.2) and acts through its
 * representative, a signer enrolled in {@code APPLICANT} (001 art. 23.1.1) whose grant names the holder; the act rests on the holder's
 * power of representation ({@code documentSha256}, a paper of the holder's company, claimed as an enrolment's order is). Used when the
 * representative's role ended, or the holder changed who represents it, outside a transfer.
 */
public record NameHolderRepresentative(ApplicationId applicationId, PersonId representative, String documentSha256) {
}
