package mn.registry.freezone.zone;

import mn.registry.kernel.privacy.PersonalDetailsInText;
import mn.registry.kernel.problem.RegistryProblem;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * 003 art. 12.2, 22.2; 002 art. 15.3, 30.1 (abuse audit F570-F572, session 31; ADR 0035 item 138): the governor's reasons for rejecting an
 * application for registration, for refusing land, and the court file's reference of a dissolution are withheld from the public, but kept in
 * clear in their events, shown to the entity's representative and on the governor's desk, and no later erasure of a person's data erases
 * them (001 art. 15.6): a person's civil registration number, phone number or e-mail written in them would outlive that person's key, as a
 * certificate revocation's ground would ({@link mn.registry.kernel.privacy.GroundKeptInClear}, F479, F488). Each text is read on its own,
 * then a list's items one after the other (as they are shown), as published lists are (F193). Refused before anything is stored.
 */
public final class ReasonsKeptInClear {

    /** The article each refusal cites besides the act's own. */
    public static final String ARTICLE = "002 art. 15.3, 30.1";

    private ReasonsKeptInClear() {
    }

    /**
     * Refuses (400 {@code code}, field {@code field} or {@code field[i]}) reasons holding a person's civil registration number, phone number or
     * e-mail, item by item and across items; {@code keptWhere} says, in the English detail, where they are kept.
     */
    public static void holdNoPersonalDetails(List<String> reasons, String code, String field, String keptWhere, String actsArticle) {
        if (reasons == null) {
            return;
        }
        for (int i = 0; i < reasons.size(); i++) {
            int item = i;
            PersonalDetailsInText.first(reasons.get(i)).ifPresent(found -> {
                throw refused(code, field + "[" + item + "]", found, keptWhere, actsArticle);
            });
        }
        List<String> items = reasons.stream().filter(Objects::nonNull).toList();
        if (items.size() > 1) {
            Optional<PersonalDetailsInText.Finding> across = PersonalDetailsInText.first(String.join(" ", items))
                    .or(() -> PersonalDetailsInText.first(String.join("", items)));
            across.ifPresent(found -> {
                throw refused(code, field, found, keptWhere, actsArticle);
            });
        }
    }

    /** As {@link #holdNoPersonalDetails(List, String, String, String, String)} for one text. */
    public static void holdsNoPersonalDetails(String text, String code, String field, String keptWhere, String actsArticle) {
        PersonalDetailsInText.first(text).ifPresent(found -> {
            throw refused(code, field, found, keptWhere, actsArticle);
        });
    }

    private static RegistryProblem refused(String code, String field, PersonalDetailsInText.Finding found, String keptWhere, String actsArticle) {
        return RegistryProblem.invalid(code, "The field " + field + " holds " + found.kind().description() + ": " + keptWhere + " is kept in "
                + "clear, after any later erasure of a person's data; remove the civil registration number, phone number or e-mail address. "
                + "Nothing was stored.", field, actsArticle + "; " + ARTICLE);
    }
}
