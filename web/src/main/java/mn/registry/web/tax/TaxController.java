package mn.registry.web.tax;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.RevocationGrounds;
import mn.registry.permit.query.PermitCases;
import mn.registry.projection.RegisterCatchUp;
import mn.registry.web.RevocationAnswers;
import mn.registry.web.StaffSession;
import mn.registry.web.WebDates;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The tax officer's page ({@code /tax}): the active permits, and a form to sign the tax authority's request to suspend
 * one for two or more tax evasions (002 art. 28.1, ADR 0013 §4). A suspended permit is not offered for a request: it cannot be
 * suspended again, and the request may be filed once it is restored; except one suspended on a run-out an upheld complaint spent, which
 * the ministry may suspend anew on the request (ADR 0046 items 92, 93), as the command side answers ({@code suspensionAnew}, ADR 0065:
 * asked for the suspended permits whose suspension's days are over only). The permits suspended at the tax authority's request
 * whose evasions are not yet recorded as settled are listed apart, with the form to record the settlement, without which the
 * ministry does not restore them (28.4, ADR 0046 item 19).
 */
@Controller
class TaxController {

    private final PermitCases cases;
    private final StaffSession session;
    private final RevocationAnswers answers;
    private final WebDates dates;
    private final RegisterCatchUp catchUp;

    TaxController(PermitCases cases, StaffSession session, RevocationAnswers answers, WebDates dates, RegisterCatchUp catchUp) {
        this.catchUp = catchUp;
        this.cases = cases;
        this.session = session;
        this.answers = answers;
        this.dates = dates;
    }

    @GetMapping("/tax")
    String permits(HttpServletRequest request, HttpServletResponse response, Model model) {
        return session.page(request, response, List.of(Role.TAX_OFFICER), actor -> {
            // ADR 0071: a list of permits, each of which the command side may be asked about: read once the register has every event stored
            model.addAttribute(RegisterCatchUp.CATCHING_UP, !catchUp.caughtUpWithTheStore(PermitCases.WRITTEN_BY));
            LocalDate today = dates.today();
            List<Map<String, Object>> permits = cases.all().stream().filter(file -> takesARequest(file, today, answers::of)).toList();
            model.addAttribute("permits", permits);
            model.addAttribute("suspendedAnew", permits.stream().anyMatch(p -> "SUSPENDED".equals(p.get("status"))));
            model.addAttribute("suspended", cases.awaitingTaxSettlement());
            return "tax/permits";
        });
    }

    /**
     * 002 art. 28.1, 29.6 (ADR 0046 item 93): in force, or suspended on a spent run-out as the command side answers. The command side
     * (one aggregate load each, ADR 0065) is asked only of a suspended permit whose suspension's last day, as the register shows it, is
     * behind {@code today}: a run-out, spent or not, is a suspension whose days are over, and a suspension within its days is the one in
     * force, which takes no request (session 25: the page asked of every suspended permit). The register only narrows whom to ask; the
     * verdict is the command side's. A case file without the suspension's days (none stored so) is asked, as before.
     */
    static boolean takesARequest(Map<String, Object> file, LocalDate today, Function<String, Optional<RevocationGrounds.Answer>> ask) {
        Object status = file.get("status");
        return "ACTIVE".equals(status) || "SUSPENDED".equals(status) && suspensionDaysAreOver(file, today)
                && ask.apply(String.valueOf(file.get("applicationId"))).map(RevocationGrounds.Answer::suspensionAnew).orElse(false);
    }

    private static boolean suspensionDaysAreOver(Map<String, Object> file, LocalDate today) {
        Object until = file.get("suspension") instanceof Map<?, ?> suspension ? suspension.get("until") : null;
        return until == null || LocalDate.parse(String.valueOf(until)).isBefore(today);
    }
}
