package mn.registry.projection;

import mn.registry.infrastructure.session.Sessions;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * For ministry supervisors (bearer session): {@code GET /api/supervisor/projections} (each rebuildable projection's
 * rebuild progress: events/s, ETA), {@code POST /api/supervisor/projections/{name}/rebuild?at=&switch=} (rebuild from 0
 * into a new generation, then switch to it unless {@code switch=false}) and
 * {@code GET /api/supervisor/projections/{name}/hash?at=} (canonical content hash at a log size).
 */
@RestController
class ProjectionController {

    private final List<RebuildableProjection> projections;
    private final Sessions sessions;

    ProjectionController(List<RebuildableProjection> projections, Sessions sessions) {
        this.projections = projections;
        this.sessions = sessions;
    }

    @GetMapping(path = "/api/supervisor/projections", produces = "application/json")
    List<RebuildProgress> list(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        sessions.require(authorization, Role.MINISTRY_SUPERVISOR);
        return projections.stream().map(RebuildableProjection::progress).toList();
    }

    @PostMapping(path = "/api/supervisor/projections/{name}/rebuild", produces = "application/json")
    ResponseEntity<RebuildProgress> rebuild(@PathVariable("name") String name, @RequestParam(value = "at", required = false) String at,
                                            @RequestParam(value = "switch", defaultValue = "true") boolean switchWhenBuilt,
                                            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        sessions.require(authorization, Role.MINISTRY_SUPERVISOR);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(projection(name).rebuild(size(at), switchWhenBuilt));
    }

    @GetMapping(path = "/api/supervisor/projections/{name}/hash", produces = "application/json")
    RebuildableProjection.HashAt hash(@PathVariable("name") String name, @RequestParam(value = "at", required = false) String at,
                                      @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        sessions.require(authorization, Role.MINISTRY_SUPERVISOR);
        return projection(name).hash(size(at));
    }

    private RebuildableProjection projection(String name) {
        return projections.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new RegistryProblem(
                RegistryProblem.Kind.NOT_FOUND, "projection.unknown", "No rebuildable projection '" + name + "'; there are "
                + projections.stream().map(RebuildableProjection::name).toList() + ".", "name", null));
    }

    private static Long size(String at) {
        if (at == null || at.isBlank()) {
            return null;
        }
        if (!at.matches("[0-9]{1,18}")) {
            throw RegistryProblem.invalid("projection.bad-log-size", "'at' must be a log size (a non-negative integer); it was '" + at + "'.", "at", null);
        }
        return Long.parseLong(at);
    }
}
