package mn.registry.web.tax;

import mn.registry.kernel.permit.RevocationGround;
import mn.registry.kernel.permit.RevocationGrounds;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The tax officer's page: which permits its request's form lists, and whom it asks the command side about (session 25). */
class TaxPageTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 7, 20);

    private static Map<String, Object> file(String id, String status, String until) {
        return until == null ? Map.of("applicationId", id, "status", status)
                : Map.of("applicationId", id, "status", status, "suspension", Map.of("until", until));
    }

    private static RevocationGrounds.Answer answer(boolean suspensionAnew) {
        return new RevocationGrounds.Answer(Map.<RevocationGround, RevocationGrounds.Verdict>of(), RevocationGrounds.HolderRequest.NONE,
                suspensionAnew, RevocationGrounds.Verdict.ACCEPTED, RevocationGrounds.Verdict.ACCEPTED, false, false);
    }

    @Test
    @DisplayName("002 art. 28.1, 29.6 (ADR 0046 item 93, session 25): the request's form lists the permits in force and the suspended ones the "
            + "command side answers open to a suspension anew; it asks the command side only of a suspended permit whose suspension's days "
            + "are over (a run-out), not of one within them, nor of a permit in force, revoked or expired")
    void the_page_asks_the_command_side_only_of_a_suspension_whose_days_are_over() {
        List<String> asked = new ArrayList<>();
        List<Map<String, Object>> files = List.of(file("active", "ACTIVE", null), file("within its days", "SUSPENDED", "2025-08-01"),
                file("its last day", "SUSPENDED", "2025-07-20"), file("spent run-out", "SUSPENDED", "2025-05-31"),
                file("run out, not spent", "SUSPENDED", "2025-07-19"), file("revoked", "REVOKED", "2025-05-31"),
                file("expired", "EXPIRED", null));
        List<String> listed = files.stream().filter(f -> TaxController.takesARequest(f, TODAY, id -> {
            asked.add(id);
            return Optional.of(answer(id.equals("spent run-out")));
        })).map(f -> String.valueOf(f.get("applicationId"))).toList();
        assertThat(listed).containsExactly("active", "spent run-out");
        assertThat(asked).containsExactly("spent run-out", "run out, not spent");
        assertThat(TaxController.takesARequest(file("no days stored", "SUSPENDED", null), TODAY, id -> Optional.of(answer(true))))
                .as("a case file without the suspension's days is asked, as before").isTrue();
        assertThat(TaxController.takesARequest(file("no command side", "SUSPENDED", "2025-05-31"), TODAY, id -> Optional.empty())).isFalse();
    }
}
