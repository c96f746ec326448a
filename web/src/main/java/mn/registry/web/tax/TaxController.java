package mn.registry.web.tax;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import mn.registry.kernel.identity.Role;
import mn.registry.permit.query.PermitCases;
import mn.registry.web.StaffSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;

/**
 * The tax officer's page ({@code /tax}): the active permits, and a form to sign the tax authority's request to suspend
 * one for two or more tax evasions (002 art. 28.1, ADR 0013 §4). A suspended permit is not offered for a request: it cannot be
 * suspended again, and the request may be filed once it is restored. The permits suspended at the tax authority's request
 * whose evasions are not yet recorded as settled are listed apart, with the form to record the settlement, without which the
 * ministry does not restore them (28.4, ADR 0046 item 19).
 */
@Controller
class TaxController {

    private final PermitCases cases;
    private final StaffSession session;

    TaxController(PermitCases cases, StaffSession session) {
        this.cases = cases;
        this.session = session;
    }

    @GetMapping("/tax")
    String permits(HttpServletRequest request, HttpServletResponse response, Model model) {
        return session.page(request, response, List.of(Role.TAX_OFFICER), actor -> {
            model.addAttribute("permits", cases.all().stream().filter(c -> "ACTIVE".equals(c.get("status"))).toList());
            model.addAttribute("suspended", cases.awaitingTaxSettlement());
            return "tax/permits";
        });
    }
}
