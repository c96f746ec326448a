package mn.registry.publicregister;

import mn.registry.kernel.problem.RegistryProblem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * A {@link RegisterSearch} read from request parameters, for the JSON endpoint and the web's search page alike, each
 * refusal a {@link RegistryProblem} with a stable code ({@code register.query-too-long}, {@code register.unknown-kind},
 * {@code register.bad-date}, {@code register.bad-number}, {@code register.bad-page}).
 */
public final class RegisterSearches {

    private RegisterSearches() {
    }

    /** A search from request parameters (text as given), or the problem with them. */
    public static RegisterSearch of(String text, String kind, String status, String zone, String activity, String from, String to,
                                 String offset, String limit) {
        String q = blankToNull(text) == null ? null : text.strip();
        if (RegisterSearch.tooLong(q)) {
            throw RegistryProblem.invalid("register.query-too-long", "A search is at most " + RegisterSearch.MAX_TEXT + " characters and "
                    + RegisterSearch.MAX_WORDS + " words.", "q", null);
        }
        RegisterKind k = blankToNull(kind) == null ? null : kind(kind.trim());
        LocalDate since = date(from, "from");
        LocalDate until = date(to, "to");
        int first = integer(offset, "offset");
        int size = integer(limit, "limit");
        if (size < 1 || size > RegisterQuery.MAX_LIMIT) {
            throw RegistryProblem.invalid("register.bad-page", "offset must be >= 0 and limit between 1 and " + RegisterQuery.MAX_LIMIT + ".", "limit", null);
        }
        return new RegisterSearch(q, k, blankToNull(status), blankToNull(zone), blankToNull(activity), since, until, first, size);
    }

    static RegisterKind kind(String path) {
        return RegisterKind.ofPath(path).orElseThrow(() -> new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "register.unknown-kind",
                "The register lists " + Arrays.stream(RegisterKind.values()).map(RegisterKind::path).toList() + "; not '" + path + "'.", "kind", null));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw RegistryProblem.invalid("register.bad-date", "'" + field + "' must be a date like 2026-11-20; it was '" + text + "'.", field, null);
        }
    }

    static int integer(String text, String field) {
        if (text == null || text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw RegistryProblem.invalid("register.bad-number", "'" + field + "' must be a non-negative integer; it was '" + text + "'.", field, null);
        }
        return Integer.parseInt(text);
    }
}
