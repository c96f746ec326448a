package mn.registry.web.desk;

import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.OfficialActsForTheHolder;
import mn.registry.kernel.permit.RevocationGrounds;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 31, the permit's readers (docs/abuse-audit.md; ADR 0046 items 156-157): the staff desk judges the signed-in official on the command
 * side's answer, the aggregate's holder now, not on a case file that may lag it (F523, was O406).
 */
class PermitAbuseRound33DeskTest {

    static final PersonId REVIEWER = new PersonId("reviewer-1");
    static final String PREDECESSOR = "6433101";
    static final String SUCCESSOR = "6433102";
    /** The case file before it caught up with the transfer: the predecessor still shown as the holder. */
    static final Map<String, Object> LAGGING_FILE = Map.of("representative", "applicant-1",
            "company", Map.of("name", "Orkhon Thirtythree LLC", "registrationNumber", PREDECESSOR));
    static final DeskController.Offer OFFER = new DeskController.Offer(Set.of("suspend", "inspect"), List.of());

    static RevocationGrounds.Answer answer(String officialRefusedWith) {
        return new RevocationGrounds.Answer(Map.of(), RevocationGrounds.HolderRequest.NONE, false, RevocationGrounds.Verdict.ACCEPTED,
                RevocationGrounds.Verdict.refused("permit.no-tax-request"), false, false, false, false, false, false, officialRefusedWith);
    }

    @Test
    @DisplayName("002 art. 23.2, 23.3; 001 art. 23.1.1 (F523, was O406; ADR 0046 item 156): abuse: a transfer received and the case file not "
            + "yet caught up: the successor's representative (a reviewer) is offered no act on the permit, as the command side's answer says; "
            + "the predecessor's, whom the lagging file still names, keeps the offer")
    void the_desk_judges_the_official_on_the_aggregate_now() {
        DeskController.Offer successors = DeskController.noneForTheHoldersOwnOfficial(OFFER, REVIEWER, SUCCESSOR, LAGGING_FILE,
                Optional.of(answer(OfficialActsForTheHolder.CODE)));
        assertThat(successors.forms()).as("the successor's representative").isEmpty();
        assertThat(successors.missing()).containsExactly("problem." + OfficialActsForTheHolder.CODE);
        assertThat(DeskController.noneForTheHoldersOwnOfficial(OFFER, REVIEWER, PREDECESSOR, LAGGING_FILE, Optional.of(answer(null))))
                .as("the predecessor's representative: the permit is no longer their company's").isEqualTo(OFFER);
        assertThat(DeskController.noneForTheHoldersOwnOfficial(OFFER, REVIEWER, PREDECESSOR, LAGGING_FILE, Optional.empty()))
                .as("no command side: the file is asked").extracting(DeskController.Offer::forms).asInstanceOf(
                        org.assertj.core.api.InstanceOfAssertFactories.COLLECTION).isEmpty();
    }

    @Test
    @DisplayName("002 art. 23.2; 001 art. 23.1.1 (F526, was O405; ADR 0046 item 157, choice): the desk's lists mark the permits of the holder "
            + "whose company the official's grant names, or for which they act in person, by the holder's-own-official rule; another "
            + "company's are not marked")
    void the_lists_mark_the_holders_own_permits() {
        List<Map<String, Object>> files = List.of(
                Map.of("applicationId", "a-own", "representative", "applicant-1", "company", Map.of("registrationNumber", SUCCESSOR)),
                Map.of("applicationId", "a-in-person", "representative", "reviewer-1", "company", Map.of("registrationNumber", "6433109")),
                Map.of("applicationId", "a-other", "representative", "applicant-1", "company", Map.of("registrationNumber", PREDECESSOR)));
        assertThat(HoldersOwnOfficial.permitsOf(REVIEWER, SUCCESSOR, files)).containsExactlyInAnyOrder("a-own", "a-in-person");
        assertThat(HoldersOwnOfficial.permitsOf(REVIEWER, null, files)).containsExactly("a-in-person");
        assertThat(HoldersOwnOfficial.permitsOf(new PersonId("reviewer-2"), null, files)).isEmpty();
    }
}
