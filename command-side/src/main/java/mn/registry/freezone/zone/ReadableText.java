package mn.registry.freezone.zone;

import mn.registry.kernel.problem.RegistryProblem;

/**
 * A published Free Zone text reads as it is stored (abuse audit F87): no control characters (NUL, ESC, BEL, the C1 controls) and no
 * bidirectional embedding, override, isolate or mark (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C), which would make an
 * entity's name, a land purpose or a decision's reference display otherwise in the register, on a certificate and in the log than
 * what was signed ("Trojan Source"). Line breaks and tabs are spacing, not controls, and pass; letters of every script pass.
 */
public final class ReadableText {

    private ReadableText() {
    }

    // 003 art. 12.1, 22.2 (abuse audit F87): the published text reads as stored
    public static void requireReadable(String text, String field, String article) {
        if (mn.registry.kernel.problem.VisibleText.hasControlCharacters(text)) {
            throw RegistryProblem.invalid(mn.registry.kernel.privacy.PublishedTextScreen.CONTROL_CHARACTERS_CODE, "The field " + field + " holds a control or bidirectional "
                    + "formatting character, which would make it display otherwise than it was signed.", field, article);
        }
    }
}
