package mn.registry.web.inspector;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import mn.registry.kernel.identity.Role;
import mn.registry.permit.query.PermitCases;
import mn.registry.web.StaffSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;
import java.util.Set;

/**
 * The state communications inspector's page ({@code /inspector}): the permits in force (active or suspended) and a form
 * to sign an inspection with its findings and, where found, the opinion of a violation that grounds a suspension
 * (002 art. 28.1, 31.1.7). Only an inspector records such an opinion; the ministry's own form records inspections only.
 */
@Controller
class InspectorController {

    private static final Set<String> IN_FORCE = Set.of("ACTIVE", "SUSPENDED");

    private final PermitCases cases;
    private final StaffSession session;

    InspectorController(PermitCases cases, StaffSession session) {
        this.cases = cases;
        this.session = session;
    }

    @GetMapping("/inspector")
    String permits(HttpServletRequest request, HttpServletResponse response, Model model) {
        return session.page(request, response, List.of(Role.COMMUNICATIONS_INSPECTOR), actor -> {
            List<java.util.Map<String, Object>> permits = cases.all().stream().filter(c -> IN_FORCE.contains(String.valueOf(c.get("status")))).toList();
            model.addAttribute("permits", permits);
            // 002 art. 23.2; 001 art. 23.1.1 (ADR 0046 items 151, 158; abuse audit F546, F559): the inspection form offers no permit the
            // inspector acts for, asked of the case files that name the inspector or their grant's company (the brief rows hold neither the
            // holder's number nor its representative: asked of them, the rule never matched)
            Set<String> own = mn.registry.web.desk.HoldersOwnOfficial.permitsOf(actor.person(), actor.company(),
                    cases.holderOfficialsCases(actor.person(), actor.company()));
            model.addAttribute("inspectable", permits.stream().filter(p -> !own.contains(String.valueOf(p.get("applicationId")))).toList());
            model.addAttribute("holdersOwnPermits", own);
            model.addAttribute("holdersOwn", permits.stream().anyMatch(p -> own.contains(String.valueOf(p.get("applicationId")))));
            return "inspector/permits";
        });
    }
}
