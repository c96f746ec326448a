package mn.registry.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.infrastructure.session.Sessions;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Open data, no login: {@code GET /api/public/open-data} (the exports, newest first) and
 * {@code GET /api/public/open-data/{logSize}/{file}} (records.jsonl, register.jsonl, manifest.json, manifest.jws;
 * immutable). A ministry supervisor makes one now with {@code POST /api/supervisor/open-data?at=}.
 */
@RestController
class OpenDataController {

    private static final MediaType JSONL = MediaType.parseMediaType("application/jsonl");
    private static final MediaType JOSE = MediaType.parseMediaType("application/jose");

    private final OpenData openData;
    private final Sessions sessions;

    OpenDataController(OpenData openData, Sessions sessions) {
        this.openData = openData;
        this.sessions = sessions;
    }

    record Export(long logSize, String manifest, String signature, String records, String register) {
    }

    @GetMapping(path = "/api/public/open-data", produces = "application/json")
    List<Export> exports() {
        return openData.sizes().stream().map(s -> {
            String base = "/api/public/open-data/" + s + "/";
            return new Export(s, base + OpenDataExport.MANIFEST, base + OpenDataExport.SIGNATURE, base + OpenDataExport.RECORDS,
                    base + OpenDataExport.REGISTER);
        }).toList();
    }

    @GetMapping(path = "/api/public/open-data/{logSize}/{file}")
    ResponseEntity<Resource> file(@PathVariable("logSize") String logSize, @PathVariable("file") String file) {
        if (!logSize.matches("[0-9]{1,18}")) {
            throw RegistryProblem.invalid("open-data.bad-log-size", "'" + logSize + "' is not a log size.", "logSize", null);
        }
        var path = openData.file(Long.parseLong(logSize), file).orElseThrow(() -> new RegistryProblem(RegistryProblem.Kind.NOT_FOUND,
                "open-data.not-found", "No open data file '" + file + "' at log size " + logSize + "; see /api/public/open-data.", "file", null));
        MediaType type = file.endsWith(".jsonl") ? JSONL : file.endsWith(".jws") ? JOSE : MediaType.APPLICATION_JSON;
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable())
                .body(new FileSystemResource(path));
    }

    @PostMapping(path = "/api/supervisor/open-data", produces = "application/json")
    JsonNode export(@RequestParam(value = "at", required = false) String at,
                    @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        sessions.require(authorization, Role.MINISTRY_SUPERVISOR);
        if (at != null && !at.matches("[0-9]{1,18}")) {
            throw RegistryProblem.invalid("open-data.bad-log-size", "'at' must be a log size; it was '" + at + "'.", "at", null);
        }
        try {
            return openData.export(at == null ? null : Long.parseLong(at));
        } catch (IllegalArgumentException e) {
            throw new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "open-data.log-too-short", e.getMessage(), "at", null);
        }
    }
}
