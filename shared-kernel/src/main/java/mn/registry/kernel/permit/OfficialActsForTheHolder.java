package mn.registry.kernel.permit;

import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.problem.RegistryProblem;

import java.time.Instant;

/**
 * 002 art. 23.2; 001 art. 23.1.1; domain-rules §1 (ADR 0046 items 150-151, the lead's reading, <b>choice</b>; abuse audit F546, was O393;
 * F62): the ministry's official (reviewer, supervisor, inspector) decides or acts on a permit or application as the ministry, never as
 * its holder. One question, two ways of acting for the holder: the official is the person the registry knows as the holder's
 * representative (the applicant who signed, or the one named since: F62's {@code permit.official-is-the-holder}), or their grant of the
 * applicant's role in force at the registry's receipt names the holder's state registration number (ADR 0061 item 44; the applicant
 * company before the issue, the successor after a transfer: {@link #CODE}). A grant ended before the receipt, or naming another company,
 * names nothing here. Asked by every ministry act of {@code PermitApplication} and by the staff desk before it offers a form (with the
 * signed-in official's grant now, as a command received now would be judged).
 */
public final class OfficialActsForTheHolder {

    /** The refusal's code when the official's grant names the holder. */
    public static final String CODE = "permit.official-represents-the-holder";
    /** The refusal's code when the official is the holder's representative in person (F62). */
    public static final String IS_THE_HOLDER = "permit.official-is-the-holder";
    /** The articles {@link #CODE} cites. */
    public static final String ARTICLE = "002 art. 23.2; 001 art. 23.1.1";

    private OfficialActsForTheHolder() {
    }

    /**
     * Refuses (403, field {@code applicationId}) an official act by {@code official}, whose grant of the applicant's role in force at
     * {@code receivedAt} names {@code officialsCompany} (null: none), on a permit whose holder's representative is {@code representative}
     * and whose holder's state registration number is {@code holderNumber} (either null: not known), when the official acts for the holder.
     * {@code article} is the act's own article, cited beside {@link #ARTICLE}.
     */
    public static void officialDoesNotActForTheHolder(PersonId official, String officialsCompany, Instant receivedAt, PersonId representative,
                                                      String holderNumber, String article) {
        if (isTheHoldersRepresentative(official, representative)) {
            throw new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, IS_THE_HOLDER, official
                    + " applied for this permit and acts for its holder; another official decides on it.", "applicationId", "domain-rules §1");
        }
        if (representsTheHolder(officialsCompany, holderNumber)) {
            throw new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, CODE, official + "'s grant in force at the registry's receipt ("
                    + receivedAt + ") names the company " + officialsCompany + ", which holds this permit or applied for it: they do not "
                    + "decide or act on it for the ministry; another official does.", "applicationId",
                    article == null || article.isBlank() ? ARTICLE : ARTICLE + "; " + article);
        }
    }

    /** Whether {@code official} acts for the holder, by either way (the page's question, with the grant in force now). */
    public static boolean actsForTheHolder(PersonId official, String officialsCompany, PersonId representative, String holderNumber) {
        return isTheHoldersRepresentative(official, representative) || representsTheHolder(officialsCompany, holderNumber);
    }

    /** Whether {@code official} is the person the registry knows as the holder's representative. */
    public static boolean isTheHoldersRepresentative(PersonId official, PersonId representative) {
        return representative != null && representative.equals(official);
    }

    /** Whether a grant naming {@code officialsCompany} (null: none) names the holder's number {@code holderNumber}. */
    public static boolean representsTheHolder(String officialsCompany, String holderNumber) {
        return Company.grantNames(officialsCompany, holderNumber);
    }
}
