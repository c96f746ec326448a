package mn.registry.projection;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one CSV writer of the registry's exports (statistics, quarterly report): RFC 4180 by commons-csv. */
class CsvTest {

    @Test
    @DisplayName("plain cells, Cyrillic ones included, are written bare with CRLF line ends: the bytes the hand-written writers produced")
    void plain_cells_are_bare() {
        String csv = Csv.of(List.of("zone", "name", "registered_on", "investment"),
                List.of(List.of("zamyn-uud", "Говь Трейд ХХК", LocalDate.of(2026, 11, 20), new BigDecimal("2500000").toPlainString()),
                        List.of("altanbulag", "Erlian Logistics Co", LocalDate.of(2027, 1, 5), 12)));
        assertThat(csv).isEqualTo("zone,name,registered_on,investment\r\n"
                + "zamyn-uud,Говь Трейд ХХК,2026-11-20,2500000\r\n"
                + "altanbulag,Erlian Logistics Co,2027-01-05,12\r\n");
    }

    @Test
    @DisplayName("a dishonest applicant's name with a comma, a quote or a line break cannot add a column or a line: it is quoted and its quotes doubled")
    void cells_that_could_break_the_table_are_quoted() {
        String csv = Csv.of(List.of("name", "status"), List.of(List.of("Evil, \"Inc\"\r\nfake,REGISTERED", "REFUSED")));
        assertThat(csv).isEqualTo("name,status\r\n\"Evil, \"\"Inc\"\"\r\nfake,REGISTERED\",REFUSED\r\n");
    }

    @Test
    @DisplayName("a missing value is an empty cell")
    void null_is_empty() {
        assertThat(Csv.of(List.of("deadline", "on_time_percent", "pending"), List.of(Arrays.asList("PERMIT_DECISION", null, 0))))
                .isEqualTo("deadline,on_time_percent,pending\r\nPERMIT_DECISION,,0\r\n");
    }
}
