package mn.registry.web.desk;

import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.OfficialActsForTheHolder;

import java.util.Map;

/**
 * 002 art. 23.2; 001 art. 23.1.1; domain-rules §1 (ADR 0046 item 151; abuse audit F546, was O393; F62): whether a signed-in official acts
 * for a permit's holder, asked of the permit's case file by the aggregate's own rule ({@link OfficialActsForTheHolder}) with the official's
 * grant in force now, as a command received now would be judged: the staff desk and the inspector's page offer such an official none of
 * the ministry's acts on that permit.
 */
public final class HoldersOwnOfficial {

    private HoldersOwnOfficial() {
    }

    /**
     * The message key of the refusal an act of {@code official} (whose grant in force now names {@code officialsCompany}, null: none) on
     * the permit of {@code file} would meet, or null when the official does not act for its holder.
     */
    public static String refusalFor(PersonId official, String officialsCompany, Map<String, Object> file) {
        PersonId representative = file.get("representative") instanceof String r && !r.isBlank() ? new PersonId(r) : null;
        String holderNumber = file.get("company") instanceof Map<?, ?> company && company.get("registrationNumber") instanceof String n ? n : null;
        if (OfficialActsForTheHolder.isTheHoldersRepresentative(official, representative)) {
            return "problem." + OfficialActsForTheHolder.IS_THE_HOLDER;
        }
        if (OfficialActsForTheHolder.representsTheHolder(officialsCompany, holderNumber)) {
            return "problem." + OfficialActsForTheHolder.CODE;
        }
        return null;
    }

    /**
     * 002 art. 23.2; 001 art. 23.1.1 (ADR 0046 items 157-158; abuse audit F526, was O405, and F559): of {@code files} (each with its
     * {@code applicationId}, {@code representative} and {@code company}, e.g. {@code PermitCases.holderOfficialsCases}), the ids of the
     * permits whose holder {@code official} acts for, by {@link #refusalFor}: the desk's lists mark them "another official decides" (item 157,
     * <b>choice</b>: listed, not hidden, as the official may pass the file on), the inspector's form leaves them out.
     */
    public static java.util.Set<String> permitsOf(PersonId official, String officialsCompany, java.util.List<Map<String, Object>> files) {
        java.util.Set<String> own = new java.util.HashSet<>();
        for (Map<String, Object> file : files) {
            if (refusalFor(official, officialsCompany, file) != null) {
                own.add(String.valueOf(file.get("applicationId")));
            }
        }
        return own;
    }
}
