package mn.registry.projection;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The registry's CSV files (public statistics, the Free Zone quarterly report): RFC 4180 through commons-csv, CRLF
 * line ends, a cell quoted only when it must be (it holds a comma, a quote or a line break, starts with a character
 * up to {@code #}, ends in white space, or is an empty first cell), {@code null} written as an empty cell. A text cell a
 * spreadsheet would read as a formula is written as text ({@link #cellIsNeverAFormula}).
 */
public final class Csv {

    private Csv() {
    }

    /** The header line and one line per row. */
    public static String of(List<String> header, Iterable<? extends List<?>> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header.stream().map(Csv::cellIsNeverAFormula).toList());
            for (List<?> row : rows) {
                printer.printRecord(row.stream().map(Csv::cellIsNeverAFormula).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return out.toString();
    }

    /** A number written as text ({@code -12}, {@code +3.5}) is a number in every spreadsheet, not a formula, and stays as it is. */
    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

    /**
     * 002 art. 30.1; 003 art. 12.3 (ADR 0035 item 169, choice; abuse audit F613, was O475): a text a person wrote (an entity's name, a
     * country, a certificate number) reaches a CSV cell as text, never as a formula a spreadsheet runs when the file is opened (CSV or
     * formula injection: {@code =HYPERLINK(...)}, {@code +cmd|...}, {@code @SUM(...)}). A text cell beginning with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return is written with an apostrophe before it, as OWASP advises, which a spreadsheet shows
     * as the text; the signed report (its JSON) keeps the text as applied. Numbers and dates are not text and pass as they are.
     */
    static Object cellIsNeverAFormula(Object cell) {
        if (!(cell instanceof CharSequence text) || text.isEmpty()) {
            return cell;
        }
        String value = text.toString();
        boolean formula = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(value).matches();
        return formula ? "'" + value : value;
    }
}
