package mn.registry.publicregister;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.projection.ReadYourWrites;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public register in JSON, no login: {@code /api/public/register} (what it lists),
 * {@code /api/public/register/{kind}?name=&number=&status=&zone=&activity=&from=&to=&offset=&limit=} (search) and
 * {@code /api/public/register/{kind}/{id}} (one entry with its full public history), and
 * {@code /api/public/search?q=&kind=&status=&zone=&activity=&from=&to=&offset=&limit=} (every kind at once, ranked, with
 * counts; {@link RegisterSearch}). Names and numbers match whole words, their starts and parts, through the search index
 * (ADR 0017). {@code atLeast=} (or header {@code Registry-At-Least}) waits until the register reflects that global position.
 */
@RestController
class PublicRegisterController {

    private final PublicRegister register;
    private final ReadYourWrites readYourWrites;

    PublicRegisterController(PublicRegister register, ReadYourWrites readYourWrites) {
        this.register = register;
        this.readYourWrites = readYourWrites;
    }

    record Kinds(long logSize, Map<String, Integer> counts) {
    }

    @GetMapping(path = "/api/public/register", produces = "application/json")
    Kinds kinds() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Arrays.stream(RegisterKind.values()).forEach(k -> counts.put(k.path(), register.all(k).size()));
        return new Kinds(register.logSize(), counts);
    }

    @GetMapping(path = "/api/public/register/{kind}", produces = "application/json")
    ResponseEntity<RegisterPage> search(@PathVariable("kind") String kind, SearchParameters p,
                                        @RequestHeader(value = ReadYourWrites.HEADER, required = false) String atLeastHeader) {
        long position = readYourWrites.awaitPublic(p.atLeastOr(atLeastHeader), register::catchUp);
        RegisterQuery query;
        try {
            query = new RegisterQuery(kind(kind), blankToNull(p.name()), blankToNull(p.number()), blankToNull(p.status()), blankToNull(p.zone()),
                    blankToNull(p.activity()), date(p.from(), "from"), date(p.to(), "to"), integer(p.offsetOrFirst(), "offset"),
                    integer(p.limitOrDefault(), "limit"));
        } catch (IllegalArgumentException e) {
            throw RegistryProblem.invalid("register.bad-page", "offset must be >= 0 and limit between 1 and " + RegisterQuery.MAX_LIMIT + ".", "limit", null);
        }
        return ReadYourWrites.withPosition(ResponseEntity.ok(), position).body(register.search(query));
    }

    @GetMapping(path = "/api/public/search", produces = "application/json")
    ResponseEntity<SearchResults> searchAll(@RequestHeader(value = ReadYourWrites.HEADER, required = false) String atLeastHeader,
                                            WebRequest request) {
        SearchParameters p = SearchParameters.of(request);
        RegisterSearch search = RegisterSearches.of(p.q(), p.kind(), p.status(), p.zone(), p.activity(), p.from(), p.to(),
                p.offsetOrFirst(), p.limitOrDefault());
        long position = readYourWrites.awaitPublic(p.atLeastOr(atLeastHeader), register::catchUp);
        // conditional GET (ADR 0049): the answer is the same bytes until the register reads another record, so a
        // browser revalidating an unchanged search costs no search; the tag is taken from the answer's own state
        long before = register.logSize();
        String tag = SearchTag.of(before, search);
        if (request.checkNotModified(tag)) {
            // checkNotModified has set the 304 and the ETag
            return ReadYourWrites.withPosition(ResponseEntity.status(HttpStatus.NOT_MODIFIED), position)
                    .cacheControl(CacheControl.noCache()).build();
        }
        SearchResults results = register.find(search);
        // the tag digested once per search (ADR 0051), again only if the register read more records meanwhile
        return ReadYourWrites.withPosition(ResponseEntity.ok(), position).cacheControl(CacheControl.noCache())
                .eTag(results.logSize() == before ? tag : SearchTag.of(results.logSize(), search)).body(results);
    }

    record Detail(RegisterEntry entry, List<JsonNode> history) {
    }

    @GetMapping(path = "/api/public/register/{kind}/{id}", produces = "application/json")
    ResponseEntity<Detail> entry(@PathVariable("kind") String kind, @PathVariable("id") String id, SearchParameters p,
                                 @RequestHeader(value = ReadYourWrites.HEADER, required = false) String atLeastHeader) {
        long position = readYourWrites.awaitPublic(p.atLeastOr(atLeastHeader), register::catchUp);
        RegisterKind k = kind(kind);
        RegisterEntry entry = register.entry(k, id).orElseThrow(() -> new RegistryProblem(RegistryProblem.Kind.NOT_FOUND,
                "register.not-found", "The register has no " + k.path() + " entry '" + id + "'.", "id", null));
        return ReadYourWrites.withPosition(ResponseEntity.ok(), position).body(new Detail(entry, register.history(entry)));
    }

    private static RegisterKind kind(String path) {
        return RegisterSearches.kind(path);
    }

    private static String blankToNull(String s) {
        return RegisterSearches.blankToNull(s);
    }

    private static LocalDate date(String text, String field) {
        return RegisterSearches.date(text, field);
    }

    private static int integer(String text, String field) {
        return RegisterSearches.integer(text, field);
    }
}
