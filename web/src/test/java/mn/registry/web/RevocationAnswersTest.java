package mn.registry.web;

import mn.registry.kernel.look.Folded;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.RevocationGrounds;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0071 item 10: the permit pages ask the command side before they read the register, so a path that names no permit is answered empty. */
class RevocationAnswersTest {

    @Test
    @DisplayName("ADR 0071 item 10: a path that is no application id is answered empty before the register is read (the page then answers "
            + "not found or forbidden, as before), and a permit's answer comes with the position it folded")
    void a_path_that_names_no_permit_is_answered_empty() {
        List<ApplicationId> asked = new ArrayList<>();
        RevocationGrounds grounds = (id, now) -> {
            asked.add(id);
            return Optional.of(new Folded<>((RevocationGrounds.Answer) null, 42));
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("grounds", grounds);
        RevocationAnswers answers = new RevocationAnswers(beans.getBeanProvider(RevocationGrounds.class),
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

        assertThat(answers.folded("../not-a-permit")).isEmpty();
        assertThat(asked).isEmpty();
        ApplicationId permit = ApplicationId.of(UUID.randomUUID());
        assertThat(answers.folded(permit.value())).map(Folded::position).contains(42L);
        assertThat(asked).containsExactly(permit);
    }
}
