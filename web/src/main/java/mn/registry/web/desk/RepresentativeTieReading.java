package mn.registry.web.desk;

import jakarta.servlet.http.HttpServletRequest;
import mn.registry.infrastructure.identity.Actor;
import mn.registry.infrastructure.identity.IdentityDirectory;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.web.StaffSession;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * 002 art. 23.2; 001 art. 23.1.1 (ADR 0061 item 84, <b>choice</b>; abuse audit F612, was O470): the staff read the supervisor's desk asks as
 * a person's id is typed into the end's or the revocation's form: whether the registry would refuse this official the act on that person
 * (a representative of the official's own company, or of none; or an official tied to every company), and why, in the page's language
 * ({@code text/plain}; empty: not refused). The person's grants of the representative's role in force now are read from their stream
 * ({@link IdentityDirectory#representativesGrantsAt}); the registry judges again at its receipt, so the page's answer only spares a refusal.
 * The Cabinet member's page asks it too (their own representative's grant ties them as a supervisor's). A supervisor's or a Cabinet
 * member's read only (403 otherwise): it says no more than the refusal on sending would.
 */
@RestController
class RepresentativeTieReading {

    private final StaffSession staff;
    private final ObjectProvider<IdentityDirectory> directory;
    private final Clock clock;
    private final MessageSource messages;

    RepresentativeTieReading(StaffSession staff, ObjectProvider<IdentityDirectory> directory, Clock clock, MessageSource messages) {
        this.staff = staff;
        this.directory = directory;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping(path = "/desk/representative-tie", produces = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8")
    ResponseEntity<String> tie(@RequestParam String person, HttpServletRequest request) {
        Optional<Actor> signedIn = staff.current(request).filter(a -> a.roles().contains(Role.MINISTRY_SUPERVISOR) || a.roles().contains(Role.CABINET_MEMBER));
        if (signedIn.isEmpty()) {
            return ResponseEntity.status(403).body("");
        }
        Actor official = signedIn.get();
        IdentityDirectory people = directory.getIfAvailable();
        PersonId id;
        try {
            id = new PersonId(person.strip());
        } catch (RuntimeException notAnId) {
            return ResponseEntity.ok("");
        }
        if (people == null || !people.isEnrolled(id)) {
            return ResponseEntity.ok("");
        }
        List<String> companies = people.representativesGrantsAt(id, clock.instant()).stream().map(RoleGranted::company).toList();
        RepresentativeTie tie = RepresentativeTie.of(official.roles(), official.company());
        return ResponseEntity.ok(tie.officialMayNotActOnTheRepresentative(id.equals(official.person()), companies)
                .map(refusal -> messages.getMessage("desk.repTie." + refusal.name(), new Object[]{id.value(), tie.company()},
                        LocaleContextHolder.getLocale()))
                .orElse(""));
    }
}
