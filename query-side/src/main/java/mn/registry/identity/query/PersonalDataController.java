package mn.registry.identity.query;

import mn.registry.infrastructure.axon.WholeStream;
import mn.registry.infrastructure.identity.Actor;
import mn.registry.infrastructure.identity.IdentityDirectory;
import mn.registry.infrastructure.privacy.PersonalDataReads;
import mn.registry.infrastructure.privacy.PersonalDataVault;
import mn.registry.infrastructure.session.Sessions;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.PersonalDataErased;
import mn.registry.kernel.identity.PersonalDetails;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code GET /api/staff/people/{personId}?purpose=...}: ministry staff read a person's enrolment data; the read is
 * recorded with its purpose before the answer (001 art. 53.1), and erased data reads as {@value PersonalDetails#ERASED}.
 * {@code GET /api/people/me/personal-data-reads}: the signed-in person's own list of who read their data, when and why.
 */
@RestController
class PersonalDataController {

    private final EventStore events;
    private final PersonalDataVault vault;
    private final PersonalDataReads reads;
    private final Sessions sessions;
    private final Clock clock;

    PersonalDataController(EventStore events, PersonalDataVault vault, PersonalDataReads reads, Sessions sessions, Clock clock) {
        this.events = events;
        this.vault = vault;
        this.reads = reads;
        this.sessions = sessions;
        this.clock = clock;
    }

    record Enrolment(String enrolledAt, String certificateSha256, String displayName, String certificateBase64Der, String storedAs) {
    }

    record PersonalData(String personId, boolean erased, String erasedAt, List<Enrolment> enrolments) {
    }

    record Reads(String personId, List<PersonalDataReads.Read> reads) {
    }

    @GetMapping(path = "/api/staff/people/{personId}", produces = "application/json")
    PersonalData person(@PathVariable("personId") String personIdText, @RequestParam(value = "purpose", required = false) String purpose,
                        @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        Actor reader = sessions.require(authorization, Role.MINISTRY_REVIEWER, Role.MINISTRY_SUPERVISOR, Role.COMMUNICATIONS_INSPECTOR);
        PersonId person = personId(personIdText);
        List<Object> history = new ArrayList<>();
        WholeStream.payloads(events, IdentityDirectory.streamOf(person)).forEach(history::add);
        if (history.isEmpty()) {
            throw new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "identity.person-unknown", "No person " + person
                    + " is enrolled with the registry.", "personId", null);
        }
        reads.recordRead(person, reader.person(), String.join(",", new TreeSet<>(reader.roles().stream().map(Enum::name).toList())),
                purpose, clock.instant(), "enrolment data");
        List<Enrolment> enrolments = new ArrayList<>();
        String erasedAt = null;
        for (Object e : history) {
            if (e instanceof PersonEnrolled p) {
                PersonalDetails details = vault.details(p).orElse(PersonalDetails.erased());
                enrolments.add(new Enrolment(p.enrolledAt().toString(), p.certificateSha256(), details.displayName(), details.certificateBase64Der(),
                        p.personalData() == null ? "in clear (enrolled before personal data was encrypted)" : "encrypted under " + p.personalData().keyId()));
            } else if (e instanceof PersonalDataErased erased) {
                erasedAt = erased.erasedAt().toString();
            }
        }
        return new PersonalData(person.value(), erasedAt != null || vault.erased(person), erasedAt, enrolments);
    }

    @GetMapping(path = "/api/people/me/personal-data-reads", produces = "application/json")
    Reads myReads(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        Actor me = sessions.require(authorization);
        return new Reads(me.person().value(), reads.readsOf(me.person()));
    }

    private static PersonId personId(String text) {
        try {
            return new PersonId(text);
        } catch (IllegalArgumentException e) {
            throw RegistryProblem.invalid("identity.bad-person-id", "'" + text + "' is not a person id.", "personId", null);
        }
    }
}
