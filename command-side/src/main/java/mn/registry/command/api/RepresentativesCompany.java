package mn.registry.command.api;

import mn.registry.kernel.problem.RegistryProblem;

/**
 * 002 art. 23.2, 003 art. 12.1; 001 art. 23.1.1 (ADR 0061 item 49; abuse audit F505, was O353): a company's representative acts for the
 * company their grant of the applicant's role names (ADR 0061 item 44), and for no other: their signature is that company's. Judged at
 * the registry's receipt, on the grant in force then ({@link CommandContext#company()}, folded from the person's events). A grant naming
 * no company (stored before session 29, or enrolled naming none: O350) keeps the behaviour before F505.
 */
public final class RepresentativesCompany {

    /** The refusal's code: the act is for another company than the one the signer represents. */
    public static final String ANOTHER_COMPANY = "identity.representative-of-another-company";

    private RepresentativesCompany() {
    }

    /**
     * Refuses (403 {@link #ANOTHER_COMPANY}, on {@code field}, under {@code article}) an act for {@code company} (its state registration
     * number as the act names it) signed by a representative whose grant in force names another; passes when the grant names none.
     */
    public static void representativeActsForTheirOwnCompany(CommandContext context, String company, String field, String article) {
        representativeActsForTheirOwnCompany(context.actor(), context.company(), context.receivedAt(), company, field, article);
    }

    /**
     * The same rule for {@code actor}, whose grant in force at {@code receivedAt} names {@code actorsCompany} (null: none): asked by a page's
     * verdict with the signed-in person's grant now, as a command received now would be (ADR 0035 item 104; abuse audit F525, was O367).
     */
    public static void representativeActsForTheirOwnCompany(mn.registry.kernel.identity.PersonId actor, String actorsCompany,
                                                            java.time.Instant receivedAt, String company, String field, String article) {
        if (mn.registry.kernel.permit.Company.grantNamesAnother(actorsCompany, company)) {
            throw new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, ANOTHER_COMPANY, actor + " represents the company "
                    + actorsCompany + " (their grant in force at the registry's receipt, " + receivedAt + "); they do not act "
                    + "for " + (company == null ? "a company named otherwise" : "the company " + company) + ".", field, article);
        }
    }
}
