package mn.registry.standalone;

import mn.registry.kernel.look.Folded;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.RequestPermitRevocation;
import mn.registry.kernel.permit.RevocationGrounds;
import mn.registry.permit.query.PermitCases;
import mn.registry.projection.AnswerBesideTheRegister;
import mn.registry.projection.RegisterCatchUp;
import mn.registry.web.RevocationAnswers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0071 item 15 (abuse audit F481, was O285) on the running registry: the permit pages' reading (the holder's case and the desk's
 * application) of the command side's answer and the case file, with the holder's request to revoke stored by a hook of the test after the
 * look and before the case file's read: the real event store's positions, the real permit stream and the case files' processor.
 */
class AnswerBesideTheRegisterEndToEndTest {

    @RegisterExtension
    static final PermitRegistry registry = new PermitRegistry();

    @Test
    @DisplayName("ADR 0071 item 15 (O285): the holder's request to revoke stored between the look and the case file's read: the page asks "
            + "again and shows the request in the answer beside the case file that shows it; with no act after the look, one look")
    void an_act_between_the_look_and_the_case_file_is_in_the_answer_beside_it() {
        ApplicationId permit = registry.issuedPermit("Answer Beside LLC", "6598313", registry.document("the policy of 6598313, session 28"),
                registry.document("the contract of 6598313, session 28"));
        AnswerBesideTheRegister beside = registry.getBean(AnswerBesideTheRegister.class);
        RevocationAnswers answers = registry.getBean(RevocationAnswers.class);
        PermitCases cases = registry.getBean(PermitCases.class);
        RegisterCatchUp catchUp = registry.getBean(RegisterCatchUp.class);
        List<Long> looked = new ArrayList<>();
        Supplier<Folded<Optional<RevocationGrounds.Answer>>> look = () -> {
            Folded<Optional<RevocationGrounds.Answer>> folded = answers.foldedOrNone(permit.value());
            looked.add(folded.position());
            return folded;
        };
        boolean[] requested = {false};
        var shown = beside.read(permit.value(), look, position -> catchUp.caughtUpTo(position, PermitCases.WRITTEN_BY), () -> {
            if (!requested[0]) {
                requested[0] = true; // the hook: the holder's act stored after the look, before the case file is read
                ok(registry.send("applicant-1", "RequestPermitRevocation", new RequestPermitRevocation(permit)));
            }
            return cases.application(permit.value());
        });

        assertThat(looked).hasSize(2);
        assertThat(looked.get(1)).isGreaterThan(looked.get(0));
        assertThat(shown.caughtUp()).isTrue();
        Map<String, Object> file = shown.register().orElseThrow();
        assertThat(file.get("revocationRequest")).as("the case file shows the request").isNotNull();
        assertThat(shown.answer().orElseThrow().holderRequest()).as("the answer beside it was judged on it")
                .isEqualTo(RevocationGrounds.HolderRequest.THE_HOLDERS);

        looked.clear();
        var again = beside.read(permit.value(), look, position -> catchUp.caughtUpTo(position, PermitCases.WRITTEN_BY),
                () -> cases.application(permit.value()));
        assertThat(looked).hasSize(1);
        assertThat(again.answer().orElseThrow().holderRequest()).isEqualTo(RevocationGrounds.HolderRequest.THE_HOLDERS);
    }
}
