package mn.registry.kernel.problem;

/**
 * Whether a required text says anything a reader can see. {@link String#isBlank()} does not see a no-break space, an
 * ideographic space or an invisible character (zero-width space, soft hyphen, word joiner), so a permit, a refusal or a
 * decision of such characters only would be sealed with nothing in it (docs/abuse-audit.md).
 */
public final class VisibleText {

    private VisibleText() {
    }

    /** True for null, empty, and text of spaces of any kind or invisible (format) characters only. */
    public static boolean saysNothing(String value) {
        return value == null || value.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT);
    }

    /**
     * Whether the text holds a control character (NUL, ESC, BEL, the C1 controls; line breaks and tabs are spacing and pass) or a
     * bidirectional embedding, override, isolate or mark (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C), which would make a
     * published text display otherwise than it was signed ("Trojan Source"; abuse audit F87, F89, F69). Null holds none.
     */
    public static boolean hasControlCharacters(String text) {
        return text != null && text.codePoints().anyMatch(c -> (Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t')
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C);
    }
}
