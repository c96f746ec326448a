package mn.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import mn.registry.infrastructure.RegistryProperties;
import mn.registry.infrastructure.session.Sessions;
import mn.registry.infrastructure.web.ProblemResponses;
import mn.registry.kernel.identity.Role;
import mn.registry.keystore.DemoPeople;
import mn.registry.keystore.DemoPerson;
import mn.registry.kernel.problem.RegistryProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Sign in by signing the registry's challenge in the browser ({@code /signin}, script {@code /web/signin.js}): the
 * person's Ed25519 key is imported from their PKCS#8 PEM file into WebCrypto, the signed {@code SignIn} command is
 * redeemed by {@link Sessions} and the session kept in a cookie. In demo mode only, {@code /signin/demo/{person}}
 * hands the browser a demo person's key files, so one can try the desks without copying files.
 */
@Controller
class SignInController {

    private final StaffSession staff;
    private final CsrfTokens csrf;
    private final RegistryProperties properties;

    SignInController(StaffSession staff, CsrfTokens csrf, RegistryProperties properties) {
        this.staff = staff;
        this.csrf = csrf;
        this.properties = properties;
    }

    @GetMapping("/signin")
    String page(@RequestParam(value = "next", required = false) String next, Model model) {
        model.addAttribute("next", safeNext(next));
        model.addAttribute("demoPeople", properties.demo() ? DemoPeople.ALL : java.util.List.<DemoPerson>of());
        return "signin";
    }

    @PostMapping(path = "/signin", produces = "application/json")
    @ResponseBody
    ResponseEntity<?> signIn(@RequestBody String jws, @RequestParam(value = "next", required = false) String next,
                             HttpServletRequest request, HttpServletResponse response) {
        try {
            csrf.check(request);
            Sessions.Session session = staff.open(jws, request, response);
            String target = safeNext(next);
            return ResponseEntity.ok(Map.of("person", session.person().value(), "displayName", session.displayName(),
                    "next", target != null ? target : home(session)));
        } catch (RegistryProblem p) {
            return ProblemResponses.of(p);
        }
    }

    @PostMapping("/signout")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        csrf.check(request);
        staff.close(request, response);
        return "redirect:/";
    }

    /** Demo mode only: a demo person's key and certificate chain, as the files the person would hold. */
    @GetMapping(path = "/signin/demo/{person}", produces = "application/json")
    @ResponseBody
    ResponseEntity<Map<String, String>> demoKeys(@PathVariable String person) {
        if (!properties.demo() || DemoPeople.ALL.stream().noneMatch(p -> p.id().value().equals(person))) {
            // problem+json like every refusal of a JSON endpoint (the abuse test found an empty 404 here)
            throw new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "demo.person-unknown",
                    "No demo person has this id, or the registry is not in demo mode.", "person", null);
        }
        Path home = DemoPeople.directory(properties.dataDir()).resolve(person);
        try {
            return ResponseEntity.ok(Map.of("keyPem", Files.readString(home.resolve("key.pem"), StandardCharsets.US_ASCII),
                    "certPem", Files.readString(home.resolve("cert.pem"), StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("the demo person's key files are not readable", e);
        }
    }

    /** Where a person lands after signing in: their desk. */
    static String home(Sessions.Session session) {
        if (session.roles().contains(Role.MINISTRY_REVIEWER) || session.roles().contains(Role.MINISTRY_SUPERVISOR)) {
            return "/desk";
        }
        if (session.roles().contains(Role.ZONE_GOVERNOR) && !session.zones().isEmpty()) {
            return "/governor/" + session.zones().iterator().next();
        }
        if (session.roles().contains(Role.TAX_OFFICER)) {
            return "/tax";
        }
        if (session.roles().contains(Role.APPLICANT)) {
            return "/applicant";
        }
        if (session.roles().contains(Role.CABINET_MEMBER)) {
            return "/cabinet";
        }
        if (session.roles().contains(Role.COMMUNICATIONS_INSPECTOR)) {
            return "/inspector";
        }
        return "/";
    }

    /** Only a path on this site (no scheme, no host, no "//"), so a sign-in link cannot send a person elsewhere. */
    static String safeNext(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next : null;
    }
}
