package mn.registry.command.claim;

/**
 * Who claims a document (ADR 0057, session 28): the record whose act the document grounds ({@code grounds}: {@code permit:<application id>},
 * {@code registration:<stream>}, ...; null for an act of a kind whose acts share and name none) and the company whose act it is
 * ({@code company}: its state registration number, session 27; null when the act names none). One value in place of the overloads of
 * {@link DocumentClaims} with and without each part. {@code concerns}: the persons an identity act states its order concerns (ADR 0061
 * item 45; abuse audit F504, was O314), the act's own person among them; null for every other act.
 */
public record Claimant(String grounds, String company, java.util.List<String> concerns) {

    /** A claimant stating no persons: every act but an identity act's. */
    public Claimant(String grounds, String company) {
        this(grounds, company, null);
    }

    /** An act naming neither the record it grounds nor a company: a kind whose acts share the document. */
    public static final Claimant NONE = new Claimant(null, null);

    /** An act grounding {@code grounds} (null: none), naming no company. */
    public static Claimant grounding(String grounds) {
        return new Claimant(grounds, null);
    }

    /** This claimant, as the act of {@code company} (null: none named). */
    public Claimant ofCompany(String company) {
        return new Claimant(grounds, company, concerns);
    }

    /** This claimant, as an identity act stating that its order concerns {@code persons} (ADR 0061 item 45). */
    public Claimant concerning(java.util.List<String> persons) {
        return new Claimant(grounds, company, persons == null ? null : java.util.List.copyOf(persons));
    }
}
