package mn.registry.projection;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 33, the red team (docs/abuse-audit.md, "Session 33, the red team"), the rule's unit test: a text a person wrote reaches the
 * registry's CSV files (the governor's quarterly report, 003 art. 12.3; the public statistics, 002 art. 30.1) as text, never as a formula a
 * spreadsheet runs on opening the file (F613; ADR 0035 item 169, choice). {@link Csv} is the one CSV writer; it lives on the query side,
 * which the command side does not see, so the test is here and the attempt over HTTP is {@code RedTeamRound33EndToEndTest}.
 */
class FreeZoneRedTeamRound33Test {

    private static List<CSVRecord> read(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(csv)).getRecords();
    }

    @Test
    @DisplayName("002 art. 30.1; 003 art. 12.3 (F613): abuse: an entity named =HYPERLINK(...), +cmd, -2+3, @SUM(...), or beginning with a "
            + "tab or a carriage return: each cell written with an apostrophe before it, read back as that text")
    void a_text_cell_is_never_a_formula() throws IOException {
        List<String> names = List.of("=HYPERLINK(\"http://evil.example\",\"Refund\")", "+cmd|' /C calc'!A0", "-2+3 Trading LLC", "@SUM(A1:A9)",
                "\t=1+1", "\r=1+1");
        String csv = Csv.of(List.of("name", "status"), names.stream().map(name -> List.of(name, "REGISTERED")).toList());
        List<CSVRecord> records = read(csv);
        assertThat(records).hasSize(names.size());
        for (int i = 0; i < names.size(); i++) {
            assertThat(records.get(i).get("name")).as(names.get(i)).isEqualTo("'" + names.get(i));
        }
    }

    @Test
    @DisplayName("003 art. 12.3 (F613): numbers and dates, a negative amount written as text among them, and names that only contain the "
            + "characters pass as they are: the report's figures stay figures")
    void numbers_dates_and_ordinary_names_pass() throws IOException {
        String csv = Csv.of(List.of("name", "registered_on", "investment", "count", "delta"), List.of(
                List.of("Smith-Jones Co", LocalDate.of(2026, 12, 28), new BigDecimal("-2500000").toPlainString(), 12, "+3.5"),
                List.of("Говь Трейд ХХК", LocalDate.of(2027, 1, 6), "2500000", -4, "-12")));
        assertThat(csv).isEqualTo("name,registered_on,investment,count,delta\r\n"
                + "Smith-Jones Co,2026-12-28,-2500000,12,+3.5\r\n"
                + "Говь Трейд ХХК,2027-01-06,2500000,-4,-12\r\n");
        assertThat(read(csv).get(0).get("investment")).isEqualTo("-2500000");
    }
}
