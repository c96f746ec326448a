package mn.registry.identity.command;

import mn.registry.command.api.CommandLog;
import mn.registry.infrastructure.identity.Actor;
import mn.registry.infrastructure.privacy.PersonalDataReads;
import mn.registry.infrastructure.session.Sessions;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.TreeSet;

/**
 * {@code GET /api/staff/commands/{commandId}/jws?purpose=...}: the signed command whole, with its signer's certificate,
 * for a court or an auditor (ADR 0015: the bundle carries only its SHA-256, which the registry's seal attests). A
 * ministry supervisor (the data controller's officer, as for erasure: ADR 0008) obtains it; the read is recorded in the
 * signer's personal-data read log with its purpose before the answer (001 art. 53.1), because the JWS holds the signer's
 * certificate. The archive keeps the JWS under the signer's key (issue 14 item 4): once the signer is erased only its
 * SHA-256 remains, and the answer is 404 {@code privacy.signer-erased}.
 */
@RestController
class SignedCommandArchiveController {

    private final CommandLog commandLog;
    private final PersonalDataReads reads;
    private final Sessions sessions;
    private final Clock clock;

    SignedCommandArchiveController(CommandLog commandLog, PersonalDataReads reads, Sessions sessions, Clock clock) {
        this.commandLog = commandLog;
        this.reads = reads;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The archived command: its JWS as received (its SHA-256 is the record's {@code jwsSha256}). */
    record ArchivedCommand(String commandId, String type, String signedBy, String jwsSha256, String jws) {
    }

    @GetMapping(path = "/api/staff/commands/{commandId}/jws", produces = "application/json")
    ArchivedCommand jws(@PathVariable("commandId") String commandId, @RequestParam(value = "purpose", required = false) String purpose,
                        @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        Actor reader = sessions.require(authorization, Role.MINISTRY_SUPERVISOR);
        CommandLog.Archived archived = commandLog.archived(commandId).orElseThrow(() -> new RegistryProblem(RegistryProblem.Kind.NOT_FOUND,
                "command.unknown", "No signed command " + commandId + " was applied by the registry.", "commandId", null));
        reads.recordRead(archived.signer(), reader.person(), String.join(",", new TreeSet<>(reader.roles().stream().map(Enum::name).toList())),
                purpose, clock.instant(), "signed command " + commandId);
        String jws = archived.jws().orElseThrow(() -> new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "privacy.signer-erased",
                "The signer of command " + commandId + " was erased: the archive keeps only the SHA-256 of the signed command, "
                        + archived.jwsSha256() + ".", "commandId", "001 art. 53.1"));
        return new ArchivedCommand(commandId, archived.type(), archived.signer().value(), archived.jwsSha256(), jws);
    }
}
