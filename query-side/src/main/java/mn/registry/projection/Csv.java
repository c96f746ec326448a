package mn.registry.projection;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The registry's CSV files (public statistics, the Free Zone quarterly report): RFC 4180 through commons-csv, CRLF
 * line ends, a cell quoted only when it must be (it holds a comma, a quote or a line break, starts with a character
 * up to {@code #}, ends in white space, or is an empty first cell), {@code null} written as an empty cell.
 */
public final class Csv {

    private Csv() {
    }

    /** The header line and one line per row. */
    public static String of(List<String> header, Iterable<? extends List<?>> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header);
            for (List<?> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return out.toString();
    }
}
