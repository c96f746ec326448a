package mn.registry.kernel.privacy;

import mn.registry.kernel.problem.RegistryProblem;

/**
 * 002 art. 15.3, 30.1: the free-text ground of an act on a person's stream (an erasure, a certificate's revocation) is kept in clear in
 * its event, which no later erasure erases (001 art. 15.6): a civil registration number, phone or e-mail written in it would outlive the
 * person's key. The one check of such a ground ({@link PersonalDetailsInText}, abuse audit F479, F488), refused before anything is
 * touched, claimed or stored.
 */
public final class GroundKeptInClear {

    /** The article every refusal of a ground holding a person's details cites. */
    public static final String ARTICLE = "002 art. 15.3, 30.1";

    private GroundKeptInClear() {
    }

    /**
     * Refuses (400 {@code code}, field {@code field}) a ground that holds a person's civil registration number, phone or e-mail;
     * {@code keptWhere} says, in the English message, where the ground outlives the person's key.
     */
    public static void holdsNoPersonalDetails(String ground, String code, String field, String keptWhere) {
        PersonalDetailsInText.first(ground).ifPresent(found -> {
            throw RegistryProblem.invalid(code, "The ground of " + keptWhere + ": remove the civil registration number, phone number or "
                    + "e-mail address (" + found.kind() + "). Nothing was stored.", field, ARTICLE);
        });
    }
}
