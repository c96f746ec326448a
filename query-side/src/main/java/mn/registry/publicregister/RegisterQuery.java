package mn.registry.publicregister;

import java.time.LocalDate;

/**
 * A search of one kind of the register. Every criterion is optional (null: any). {@code name} matches when every word
 * of it (folded by {@link NameFolding}) occurs in a word of the folded name, and {@code number} likewise in the number
 * (whole, at its start or inside it: {@code 000001} finds {@code P-2026-000001}; through the search index, ADR 0017);
 * {@code status}, {@code zoneId} and {@code activity} match exactly, ignoring case; {@code from}/{@code to} bound
 * {@code since}, both inclusive. Results are in id order, {@code offset} and {@code limit} page them.
 */
public record RegisterQuery(RegisterKind kind, String name, String number, String status, String zoneId, String activity,
                            LocalDate from, LocalDate to, int offset, int limit) {

    public static final int MAX_LIMIT = 500;

    public RegisterQuery {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset >= 0 and 1 <= limit <= " + MAX_LIMIT);
        }
    }

    public static RegisterQuery all(RegisterKind kind) {
        return new RegisterQuery(kind, null, null, null, null, null, null, null, 0, MAX_LIMIT);
    }
}
