package mn.registry.web.applicant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The holder's page on the extension (002 art. 27.2, 27.3, 29.6; ADR 0046 item 111): it follows the command side's answer. */
class HolderExtensionTest {

    private static final LocalDate VALID_UNTIL = LocalDate.of(2029, 12, 9);
    private static final LocalDate IN_THE_WINDOW = LocalDate.of(2029, 9, 2);

    private static Map<String, Object> file(String status, boolean requested) {
        Map<String, Object> permit = Map.of("validUntil", VALID_UNTIL.toString());
        return requested ? Map.of("status", status, "permit", permit, "extensionRequest", Map.of("requestedAt", "2029-08-01T02:00:00Z"))
                : Map.of("status", status, "permit", permit);
    }

    @Test
    @DisplayName("002 art. 27.3, 29.6 (ADR 0046 items 111, 115; F431, was O270): the holder's page shows the extension request waiting for the "
            + "revocation's outcome while the command side answers it is not closed, closed once the answer says the revocation that stands "
            + "closed it, and pending on a permit in force")
    void the_holders_page_shows_the_request_as_the_command_side_answers() {
        assertThat(ApplicantController.extension(file("REVOKED", true), IN_THE_WINDOW, false).state()).isEqualTo("waits");
        assertThat(ApplicantController.extension(file("REVOKED", true), IN_THE_WINDOW, true).state()).isEqualTo("closed");
        assertThat(ApplicantController.extension(file("ACTIVE", false), IN_THE_WINDOW, false).state()).isEqualTo("open");
        assertThat(ApplicantController.extension(file("ACTIVE", true), IN_THE_WINDOW, false).state()).isEqualTo("pending");
    }
}
