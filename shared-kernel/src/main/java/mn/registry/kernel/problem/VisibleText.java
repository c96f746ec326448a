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
}
