package mn.registry.kernel.privacy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * 002 art. 15.3, 30.1 (abuse audit F602, was O473; ADR 0046 items 176-177, choice): whether a published free text names a natural person
 * whose name the registry holds and does not publish. A name is found when all of its words (two or more) occur as whole words in the text,
 * in any order, case-insensitive, as enrolled (Cyrillic and Latin as written; no transliteration); a one-word name is never screened (a
 * single word is a company's, a place's or a common word as often as a person's). Pure, no I/O.
 */
public final class PersonNamesInText {

    /** Which names the registry holds and does not publish, as the registry knows them at the receipt of the text (a service). */
    @FunctionalInterface
    public interface HeldNames {

        /** Whether {@code text} names one of the persons: all the words of a name of two or more words among its words. */
        boolean namedIn(String text);

        /** No names held (a pipeline built without the directory). */
        HeldNames NONE = text -> false;
    }

    private PersonNamesInText() {
    }

    /** The words of a name as screened (lower case, letters and digits), or empty when it has fewer than two: a one-word name is not screened. */
    public static List<String> screenedWords(String displayName) {
        List<String> words = words(displayName);
        return words.size() < 2 ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(words));
    }

    /** The whole words of {@code text}, lower case: runs of letters, marks and digits, as the reader sees it ({@link PersonalDetailsInText#asRead}). */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        String read = PersonalDetailsInText.asRead(text);
        int start = -1;
        for (int i = 0; i <= read.length(); i++) {
            boolean inWord = i < read.length() && (Character.isLetterOrDigit(read.charAt(i)) || Character.getType(read.charAt(i)) == Character.NON_SPACING_MARK);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(read.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return words;
    }

    /** Whether all of {@code name}'s words ({@link #screenedWords}) are among {@code textWords}. */
    public static boolean names(Set<String> textWords, List<String> name) {
        return !name.isEmpty() && textWords.containsAll(name);
    }

    /** The set of a text's words, for {@link #names}. */
    public static Set<String> wordSet(String text) {
        return new HashSet<>(words(text));
    }
}
