package mn.registry.identity.command;

import mn.registry.command.api.CommandContext;
import mn.registry.kernel.identity.ErasePersonalData;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Abuse audit F66 (session 10, ADR 0046): the erasure of a person's personal data destroys their key for ever; its ground is kept
 * and shown to the person. A ground of no-break, zero-width or ideographic spaces states none ({@code String.isBlank} does not see
 * U+00A0 or U+200B), and is refused before the key is touched: the vault, directory and enrolment are not even consulted here.
 */
class ErasePersonalDataGroundTest {

    private static final CommandContext SUPERVISOR = new CommandContext("erase-1", Instant.parse("2026-12-01T02:00:00Z"),
            Instant.parse("2026-12-01T02:00:00Z"), new PersonId("supervisor-1"), Set.of(Role.MINISTRY_SUPERVISOR), Set.of(), "ab".repeat(32));

    @Test
    @DisplayName("Personal Data Protection Law, 001 art. 53.1: an erasure whose ground is only invisible spaces is refused before the key is destroyed")
    void erasure_ground_says_something() {
        ErasePersonalDataType type = new ErasePersonalDataType(null, null, null, List.of(), List.of());
        for (String ground : List.of("\u00A0", "\u200B\u2060", "\u3000", " ")) {
            assertThatThrownBy(() -> type.handle(new ErasePersonalData(new PersonId("applicant-1"), ground), SUPERVISOR))
                    .isInstanceOfSatisfying(RegistryProblem.class, p -> {
                        assertThat(p.code()).isEqualTo("privacy.ground-missing");
                        assertThat(p.field()).isEqualTo("ground");
                    });
        }
        // a readable ground passes this check and reaches the directory (here absent: the check is the first thing done)
        assertThatThrownBy(() -> type.handle(new ErasePersonalData(new PersonId("applicant-1"), "the person's request"), SUPERVISOR))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("002 art. 15.3, 30.1 (F479): an erasure whose ground holds a civil registration number, a phone or an e-mail is refused before "
            + "the key is touched (the ground is kept in clear after the erasure); a ground without them passes")
    void erasure_ground_keeps_no_personal_details() {
        ErasePersonalDataType type = new ErasePersonalDataType(null, null, null, List.of(), List.of());
        for (String ground : List.of("the request of Bat (УБ99112233)", "asked by phone 9911 2233", "request from bat.dorj@example.mn")) {
            assertThatThrownBy(() -> type.handle(new ErasePersonalData(new PersonId("applicant-1"), ground), SUPERVISOR))
                    .isInstanceOfSatisfying(RegistryProblem.class, p -> {
                        assertThat(p.code()).isEqualTo("privacy.personal-details-in-erasure-ground");
                        assertThat(p.field()).isEqualTo("ground");
                        assertThat(p.article()).isEqualTo("002 art. 15.3, 30.1");
                    });
        }
        // the vault, the directory and the enrolment are absent here: a refusal before them stores nothing and destroys no key;
        // a ground naming no detail passes this check and reaches the directory
        assertThatThrownBy(() -> type.handle(new ErasePersonalData(new PersonId("applicant-1"), "the person's request of 2026-12-01 (letter 7/15)"),
                SUPERVISOR)).isInstanceOf(NullPointerException.class);
    }
}
