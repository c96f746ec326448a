package mn.registry.feed;

import mn.registry.kernel.problem.RegistryProblem;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.concurrent.TimeUnit;

/**
 * The disclosure feed, no login: {@code /api/public/feed?after=&limit=} (JSON), {@code /api/public/feed/atom} and
 * {@code /api/public/feed/atom/archive/{n}} (Atom, RFC 5005), {@code /api/public/feed/stream} (SSE, resumes with
 * {@code Last-Event-ID} or {@code after=}). Each page has a weak ETag (a matching If-None-Match gets a 304 from Spring MVC; weak, so the page may be sent gzip-compressed); the heads may be
 * cached a second, a complete archive page a year.
 */
@RestController
class FeedController {

    private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=utf-8");

    private final PublicFeed feed;
    private final FeedStreams streams;

    FeedController(PublicFeed feed, FeedStreams streams) {
        this.feed = feed;
        this.streams = streams;
    }

    @GetMapping(path = "/api/public/feed", produces = "application/json")
    ResponseEntity<FeedPage> page(@RequestParam(value = "after", defaultValue = "-1") String after,
                                  @RequestParam(value = "limit", defaultValue = "100") String limit) {
        long from = number(after, "after", true);
        long n = number(limit, "limit", false);
        if (n < 1 || n > PublicFeed.MAX_LIMIT) {
            throw RegistryProblem.invalid("feed.bad-limit", "'limit' must be between 1 and " + PublicFeed.MAX_LIMIT + ".", "limit", null);
        }
        FeedPage page = feed.after(from, (int) n);
        // a page is fixed by where it starts, how long it may be and the checkpoint it is read under: a cheap, exact ETag
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(1, TimeUnit.SECONDS).cachePublic())
                .eTag("W/\"feed-" + from + "-" + n + "-" + page.published() + "\"").body(page);
    }

    @GetMapping(path = "/api/public/feed/atom")
    ResponseEntity<String> atom() {
        long published = feed.published();
        long first = AtomPages.completePages(published) * AtomPages.PAGE;
        String body = AtomPages.current(feed.range(first, published), published);
        return ResponseEntity.ok().contentType(ATOM).cacheControl(CacheControl.maxAge(1, TimeUnit.SECONDS).cachePublic())
                .eTag(AtomPages.etag(body)).body(body);
    }

    @GetMapping(path = "/api/public/feed/atom/archive/{page}")
    ResponseEntity<String> archive(@PathVariable("page") String pageText) {
        long page = number(pageText, "page", false);
        long published = feed.published();
        if (page >= AtomPages.completePages(published)) {
            throw new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "feed.archive-not-complete", "Archive page " + page
                    + " is not complete yet (" + published + " entries published, " + AtomPages.PAGE + " a page); read /api/public/feed/atom.", "page", null);
        }
        String body = AtomPages.archive(page, feed.range(page * AtomPages.PAGE, (page + 1) * AtomPages.PAGE), published);
        String etag = AtomPages.etag(body);
        CacheControl immutable = CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable();
        return ResponseEntity.ok().contentType(ATOM).eTag(etag).cacheControl(immutable).body(body);
    }

    /**
     * The live stream, for clients that ask for one ({@code Accept: text/event-stream}, as EventSource does): a stream
     * never ends by itself, so a plain GET gets a 400 that says how to ask, rather than a reply that never completes.
     */
    @GetMapping(path = "/api/public/feed/stream")
    SseEmitter stream(@RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
                      @RequestParam(value = "after", required = false) String after,
                      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (accept == null || !accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE)) {
            throw RegistryProblem.invalid("feed.stream-not-accepted", "The feed stream is Server-Sent Events: send 'Accept: "
                    + MediaType.TEXT_EVENT_STREAM_VALUE + "' (EventSource does), or read pages at /api/public/feed?after=.", "Accept", null);
        }
        String cursor = lastEventId != null && !lastEventId.isBlank() ? lastEventId.trim() : after;
        return streams.subscribe(cursor == null ? -1 : number(cursor, "Last-Event-ID", true));
    }

    private static long number(String text, String field, boolean minusOne) {
        if (text == null || !(text.matches("0|[1-9][0-9]{0,17}") || minusOne && text.equals("-1"))) {
            throw RegistryProblem.invalid("feed.bad-number", "'" + field + "' must be a log index (a non-negative integer"
                    + (minusOne ? ", or -1 for the start" : "") + "); it was '" + text + "'.", field, null);
        }
        return Long.parseLong(text);
    }
}
