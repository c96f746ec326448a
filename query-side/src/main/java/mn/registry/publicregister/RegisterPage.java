package mn.registry.publicregister;

import java.util.List;

/**
 * One page of a search: the entries, how many matched in all, and the log size the register had read when answering
 * (every public record below {@code logSize} is reflected).
 */
public record RegisterPage(List<RegisterEntry> items, int total, int offset, int limit, long logSize) {
}
