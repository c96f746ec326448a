/**
 * The disclosure feed: every public record in log order with its log index, as JSON pages with a cursor that never
 * expires ({@code /api/public/feed?after=&limit=}), Atom with RFC 5005 archived pages and a Server-Sent Events stream
 * that resumes with {@code Last-Event-ID}. Only entries under the latest checkpoint are served, so each has its proof.
 * Reads the log through {@code mn.registry.tlog.LogSource}; uses the kernel, never the command side.
 */
package mn.registry.feed;
