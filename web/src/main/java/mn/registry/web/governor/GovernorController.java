package mn.registry.web.governor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import mn.registry.freezone.query.GovernorDesk;
import mn.registry.freezone.query.QuarterlyReport;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.identity.Role;
import mn.registry.web.StaffSession;
import mn.registry.web.WebDates;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The governor's desk ({@code /governor/{zone}}), open to a governor of that zone during their tenure (003 art. 8.2,
 * 8.7): the registration queue by business days left (12.2), raised deregistration grounds (12.5), entities, land on
 * a map with the fee-exemption schedules (22-23), and the quarterly report to sign and send (12.3).
 */
@Controller
class GovernorController {

    /** 003 art. 22.7, Land Law art. 35: the longest period of possession or use, the ministry's parameter the land register checks (ADR 0035). */
    private final int landMaxYears;

    /** A review due within this many business days is coloured near due (choice, as on the ministry desk). */
    static final int NEAR_DUE_BUSINESS_DAYS = 2;

    private final GovernorDesk desk;
    private final QuarterlyReport reports;
    private final StaffSession staff;
    private final WebDates dates;

    GovernorController(GovernorDesk desk, QuarterlyReport reports, StaffSession staff, WebDates dates,
                       @Value("${registry.freezone.land.max-years:60}") int landMaxYears) {
        this.landMaxYears = landMaxYears;
        this.desk = desk;
        this.reports = reports;
        this.staff = staff;
        this.dates = dates;
    }

    /** {@code page} for the governor of {@code zone}, or the view to show instead. */
    private String zonePage(String zone, HttpServletRequest request, HttpServletResponse response, Model model, Supplier<String> page) {
        return staff.page(request, response, List.of(Role.ZONE_GOVERNOR), actor -> {
            // 003 art. 8.7: a governor acts only for the zone of the appointment
            if (!actor.zones().contains(zone)) {
                response.setStatus(403);
                return "forbidden";
            }
            Optional<Document> found = desk.zone(zone);
            if (found.isEmpty()) {
                response.setStatus(404);
                return "notfound";
            }
            model.addAttribute("zone", found.get());
            model.addAttribute("zoneId", zone);
            model.addAttribute("nearDays", NEAR_DUE_BUSINESS_DAYS);
            return page.get();
        });
    }

    @GetMapping("/governor/{zone}")
    String desk(@PathVariable String zone, HttpServletRequest request, HttpServletResponse response, Model model) {
        return zonePage(zone, request, response, model, () -> {
            model.addAttribute("queue", desk.queue(zone));
            model.addAttribute("grounds", desk.groundsDue(zone));
            model.addAttribute("entities", desk.entities(zone));
            return "governor/desk";
        });
    }

    @GetMapping("/governor/{zone}/entities/{registrationId}")
    String entity(@PathVariable String zone, @PathVariable String registrationId, HttpServletRequest request, HttpServletResponse response, Model model) {
        return zonePage(zone, request, response, model, () -> {
            Optional<Document> entity = desk.entity(zone, registrationId);
            if (entity.isEmpty()) {
                response.setStatus(404);
                return "notfound";
            }
            model.addAttribute("e", entity.get());
            model.addAttribute("deregistrationGrounds", DeregistrationGround.values());
            return "governor/entity";
        });
    }

    @GetMapping("/governor/{zone}/land")
    String land(@PathVariable String zone, HttpServletRequest request, HttpServletResponse response, Model model) {
        return zonePage(zone, request, response, model, () -> {
            model.addAttribute("licences", desk.licences(zone));
            // 003 art. 22.2: the governor decides on pending applications; the application itself is the entity's act (API: ApplyForLandUse)
            model.addAttribute("applications", desk.landApplications(zone).stream().filter(a -> "PENDING".equals(a.getString("status"))).toList());
            model.addAttribute("methods", LandCommands.AllocationMethod.values());
            model.addAttribute("landMaxYears", landMaxYears);
            return "governor/land";
        });
    }

    @GetMapping("/governor/{zone}/reports")
    String report(@PathVariable String zone, @RequestParam(value = "year", required = false) Integer year,
                  @RequestParam(value = "quarter", required = false) Integer quarter,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        return zonePage(zone, request, response, model, () -> {
            // the quarter before today's, the one due to be reported (003 art. 12.3)
            java.time.LocalDate lastQuarter = dates.today().minusMonths(3);
            int y = year != null ? year : lastQuarter.getYear();
            int q = quarter != null && quarter >= 1 && quarter <= 4 ? quarter : (lastQuarter.getMonthValue() - 1) / 3 + 1;
            model.addAttribute("year", y);
            model.addAttribute("quarter", q);
            model.addAttribute("signed", reports.signed(zone, y, q));
            return "governor/report";
        });
    }
}
