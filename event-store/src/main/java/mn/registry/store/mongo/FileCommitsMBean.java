package mn.registry.store.mongo;

import java.util.Map;

/** What {@link FileCommits} shows over JMX: the embedded server's file commits so far and the file's state now. */
public interface FileCommitsMBean {

    /** Commits that wrote something (a commit that found nothing unsaved is not counted). */
    long getCommits();

    /** Nanoseconds spent inside those commits (under the store's consistency lock). */
    long getCommitNanos();

    /** The committing threads' CPU time inside those commits (H2 serializes and writes on the caller's thread). */
    long getCommitCpuNanos();

    /** Housekeeping passes that rewrote chunks, and the nanoseconds they took with the commit after them. */
    long getHousekeepingPasses();

    long getHousekeepingNanos();

    /** H2's own figures of the file now ({@code MVStore.populateInfo}: bytes written so far, chunks, pages, fill rates, cache). */
    Map<String, String> getInfo();

    /** Per map name, the commits in which the map had unsaved changes (counted only with {@code -Dregistry.h2.dirtyMaps=true}). */
    Map<String, Long> getDirtyMaps();
}
