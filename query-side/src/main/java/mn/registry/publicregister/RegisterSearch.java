package mn.registry.publicregister;

import java.time.LocalDate;

/**
 * A search across every kind of the register (or one, {@code kind}), through the search index. Every criterion is
 * optional (null: any).
 * <ul>
 *   <li>{@code text}: words of a name (of the entry, or a land licence's holder) or a number, Cyrillic or Latin (folded
 *   by {@link NameFolding}); each word must occur at the start of or inside a word of the name or the number, so
 *   {@code 000001}, {@code SP-2026-000001}, {@code 2026-0000} and {@code хан} all find what they are part of. Exact
 *   words rank before prefixes, prefixes before parts.</li>
 *   <li>{@code status}, {@code zoneId}, {@code activity}: exact, ignoring case; {@code from}/{@code to} bound the date
 *   the entry took effect ({@code since}), both inclusive.</li>
 * </ul>
 * Results are ordered by rank, then kind (in {@link RegisterKind} order), then id: the same query on the same register
 * gives the same order, so {@code offset}/{@code limit} pages are stable.
 */
record RegisterSearch(String text, RegisterKind kind, String status, String zoneId, String activity,
                             LocalDate from, LocalDate to, int offset, int limit) {

    /** The longest text searched for (characters): a search box, not a document. */
    public static final int MAX_TEXT = 200;
    /** The most words of a text searched for. */
    public static final int MAX_WORDS = 12;

    public RegisterSearch {
        if (offset < 0 || limit < 1 || limit > RegisterQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("offset >= 0 and 1 <= limit <= " + RegisterQuery.MAX_LIMIT);
        }
        if (tooLong(text)) {
            throw new IllegalArgumentException("text longer than " + MAX_TEXT + " characters or " + MAX_WORDS + " words");
        }
    }

    /** More than {@value #MAX_TEXT} characters or {@value #MAX_WORDS} words (as folded). */
    public static boolean tooLong(String text) {
        return text != null && (text.length() > MAX_TEXT || RegisterIndex.words(text).size() > MAX_WORDS);
    }
}
