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
}
