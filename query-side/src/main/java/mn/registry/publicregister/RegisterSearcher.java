package mn.registry.publicregister;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A point-in-time reader of the {@link RegisterIndex}, paired with the {@link RegisterView} of the same entries, and
 * the searches run on it. Reference-counted: the view being served holds one reference, each search takes one for its
 * duration ({@link #acquire()}), so a reader replaced meanwhile closes when its last search ends.
 */
final class RegisterSearcher {

    /** Words that match a whole word rank first, then words a word starts with, then words found inside a word. */
    private static final float WHOLE = 4f;
    private static final float START = 2f;
    private static final float PART = 1f;
    /** The whole text is the number, written with or without its separators. */
    private static final float NUMBER = 16f;
    private static final Sort BY_ID = new Sort(new SortField(RegisterIndex.ID, SortField.Type.STRING));

    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    RegisterSearcher(DirectoryReader reader) {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        // No query cache (ADR 0029): Lucene's default one is shared by every searcher of the JVM and guarded by a
        // synchronized map and a lock; under 50 readers on 2 cores a preempted holder kept the others waiting for up to
        // 0.7 s (JFR: jdk.JavaMonitorEnter in LRUQueryCache.get, median 142 ms). Its gain here is nil: the filters are
        // term queries over a few thousand in-memory documents, cheaper to run than to look up.
        this.searcher.setQueryCache(null);
    }

    /** Puts Lucene's shared query cache back (the benchmark's "before"; the served searchers run without it). */
    void sharedQueryCache(boolean on) {
        searcher.setQueryCache(on ? IndexSearcher.getDefaultQueryCache() : null);
    }

    /** Whether this searcher goes through a query cache (the served ones do not, ADR 0029). */
    boolean cachesQueries() {
        return searcher.getQueryCache() != null;
    }

    DirectoryReader reader() {
        return reader;
    }

    /** Takes a reference for one search; false if this reader was closed meanwhile (read the newer view then). */
    boolean acquire() {
        return reader.tryIncRef();
    }

    void release() {
        try {
            reader.decRef();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int documents() {
        return reader.numDocs();
    }

    // --- one kind, the register's original criteria ----------------------------------------------------------------

    /** {@link RegisterQuery}: name words in the name, number words in the number (each whole, a start or a part), in id order. */
    RegisterPage search(RegisterQuery q, RegisterView view) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(term(RegisterIndex.KIND, q.kind().path()), Occur.FILTER);
        for (String w : RegisterIndex.words(q.name())) {
            b.add(part(RegisterIndex.NAME, w), Occur.FILTER);
        }
        for (String w : RegisterIndex.words(q.number())) {
            b.add(part(RegisterIndex.NUMBER, w), Occur.FILTER);
        }
        filters(q.status(), q.zoneId(), q.activity()).values().forEach(f -> b.add(f, Occur.FILTER));
        Query dates = dates(q.from(), q.to());
        if (dates != null) {
            b.add(dates, Occur.FILTER);
        }
        try {
            TopFieldDocs top = searcher.search(b.build(), new TopFieldCollectorManager(BY_ID, q.offset() + q.limit(), null, Integer.MAX_VALUE));
            List<RegisterEntry> page = new ArrayList<>(Math.max(0, top.scoreDocs.length - q.offset()));
            for (int i = q.offset(); i < top.scoreDocs.length; i++) {
                view.entry(q.kind(), ((BytesRef) ((FieldDoc) top.scoreDocs[i]).fields[0]).utf8ToString()).ifPresent(page::add);
            }
            return new RegisterPage(List.copyOf(page), Math.toIntExact(top.totalHits.value), q.offset(), q.limit(), view.logSize());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- every kind, ranked, with counts --------------------------------------------------------------------------

    private enum Facet { KIND, STATUS, ZONE, ACTIVITY }

    SearchResults find(RegisterSearch q, RegisterView view) {
        Set<String> words = RegisterIndex.words(q.text());
        Map<Facet, Query> filters = criteria(q);
        Query dates = dates(q.from(), q.to());
        try {
            Ranking.Hit[] top;
            Tally tally;
            // each chosen criterion's own counts are those of the search without it (what choosing another value would give)
            Map<Facet, Tally> without = new EnumMap<>(Facet.class);
            int size = q.offset() + q.limit();
            if (!words.isEmpty() && !filters.isEmpty()) {
                // one pass over the text's matches (ADR 0033): each match's criteria read from its doc values, counted
                // for every criterion if it meets them all, for the one it misses if it misses one
                OnePass.Result r = searcher.search(query(q.text(), words, Map.of(), dates, null), new OnePass(chosen(q), size));
                top = r.top();
                tally = r.all();
                without.putAll(r.without());
            } else {
                // the same pass with no criterion to check: every match ranked and counted (ADR 0051: no second collector)
                OnePass.Result r = searcher.search(query(q.text(), words, filters, dates, null), new OnePass(Map.of(), size));
                top = r.top();
                tally = r.all();
                for (Facet f : filters.keySet()) {
                    without.put(f, searcher.search(query(q.text(), words, filters, dates, f), new Counting()));
                }
            }
            List<RegisterEntry> page = new ArrayList<>(Math.max(0, top.length - q.offset()));
            RegisterKind[] kindsByOrdinal = RegisterKind.values();
            for (int i = q.offset(); i < top.length; i++) {
                view.entry(kindsByOrdinal[top[i].kind()], top[i].id().utf8ToString()).ifPresent(page::add);
            }
            Map<String, Integer> kinds = new LinkedHashMap<>();
            Map<String, Integer> byKind = without.getOrDefault(Facet.KIND, tally).counts.get(Facet.KIND);
            for (RegisterKind k : RegisterKind.values()) {
                kinds.put(k.path(), byKind.getOrDefault(k.path(), 0));
            }
            SearchResults.Counts counts = new SearchResults.Counts(kinds,
                    ordered(without.getOrDefault(Facet.STATUS, tally).counts.get(Facet.STATUS)),
                    ordered(without.getOrDefault(Facet.ZONE, tally).counts.get(Facet.ZONE)),
                    ordered(without.getOrDefault(Facet.ACTIVITY, tally).counts.get(Facet.ACTIVITY)));
            return new SearchResults(List.copyOf(page), tally.total, q.offset(), q.limit(), view.logSize(), counts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The search's chosen criteria as filters. */
    private static Map<Facet, Query> criteria(RegisterSearch q) {
        Map<Facet, Query> filters = new EnumMap<>(Facet.class);
        if (q.kind() != null) {
            filters.put(Facet.KIND, term(RegisterIndex.KIND, q.kind().path()));
        }
        filters.putAll(filters(q.status(), q.zoneId(), q.activity()));
        return filters;
    }

    /**
     * The query whose matches and scores are the search's (every criterion a filter): what {@link #find} ranks and counts,
     * for the tests to rank with Lucene's own sort.
     */
    static Query matching(RegisterSearch q) {
        return query(q.text(), RegisterIndex.words(q.text()), criteria(q), dates(q.from(), q.to()), null);
    }

    /** The text's words (each must match in a name or the number) and every filter but {@code except}'s. */
    private static Query query(String text, Set<String> words, Map<Facet, Query> filters, Query dates, Facet except) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        for (String w : words) {
            BooleanQuery.Builder word = new BooleanQuery.Builder();
            for (String field : RegisterIndex.ALL_TEXT) {
                word.add(new BoostQuery(new ConstantScoreQuery(term(field + RegisterIndex.WORDS, w)), WHOLE), Occur.SHOULD);
                word.add(new BoostQuery(start(field, w), START), Occur.SHOULD);
                word.add(new BoostQuery(part(field, w), PART), Occur.SHOULD);
            }
            b.add(word.build(), Occur.MUST);
            any = true;
        }
        if (words.size() > 1) {
            b.add(new BoostQuery(new ConstantScoreQuery(term(RegisterIndex.NUMBER + RegisterIndex.WORDS, RegisterIndex.compact(text))), NUMBER), Occur.SHOULD);
        } else if (words.size() == 1) {
            b.add(new BoostQuery(new ConstantScoreQuery(term(RegisterIndex.NUMBER + RegisterIndex.WORDS, words.iterator().next())), NUMBER), Occur.SHOULD);
        }
        for (Map.Entry<Facet, Query> f : filters.entrySet()) {
            if (f.getKey() != except) {
                b.add(f.getValue(), Occur.FILTER);
                any = true;
            }
        }
        if (dates != null) {
            b.add(dates, Occur.FILTER);
            any = true;
        }
        if (!any) {
            return new MatchAllDocsQuery();
        }
        return b.build();
    }

    /** The chosen criteria as their terms are indexed (the facets' doc values hold them as given). */
    private static Map<Facet, String> chosen(RegisterSearch q) {
        Map<Facet, String> c = new EnumMap<>(Facet.class);
        if (q.kind() != null) {
            c.put(Facet.KIND, q.kind().path());
        }
        if (q.status() != null && !q.status().isBlank()) {
            c.put(Facet.STATUS, RegisterIndex.status(q.status()));
        }
        if (q.zoneId() != null && !q.zoneId().isBlank()) {
            c.put(Facet.ZONE, RegisterIndex.zone(q.zoneId()));
        }
        if (q.activity() != null && !q.activity().isBlank()) {
            c.put(Facet.ACTIVITY, RegisterIndex.activity(q.activity()));
        }
        return c;
    }

    /** A doc values value as the facet's term is indexed ({@link RegisterIndex#document}). */
    private static String indexed(Facet facet, String value) {
        return switch (facet) {
            case KIND -> value;
            case STATUS -> RegisterIndex.status(value);
            case ZONE -> RegisterIndex.zone(value);
            case ACTIVITY -> RegisterIndex.activity(value);
        };
    }

    private static Map<Facet, Query> filters(String status, String zone, String activity) {
        Map<Facet, Query> f = new EnumMap<>(Facet.class);
        if (status != null && !status.isBlank()) {
            f.put(Facet.STATUS, term(RegisterIndex.STATUS, RegisterIndex.status(status)));
        }
        if (zone != null && !zone.isBlank()) {
            f.put(Facet.ZONE, term(RegisterIndex.ZONE, RegisterIndex.zone(zone)));
        }
        if (activity != null && !activity.isBlank()) {
            f.put(Facet.ACTIVITY, term(RegisterIndex.ACTIVITY, RegisterIndex.activity(activity)));
        }
        return f;
    }

    /** {@code since} between the dates, both inclusive (an entry without a date does not match a range). */
    private static Query dates(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return null;
        }
        return LongPoint.newRangeQuery(RegisterIndex.SINCE, from == null ? Long.MIN_VALUE : from.toEpochDay(),
                to == null ? Long.MAX_VALUE : to.toEpochDay());
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    /** The word at the start of or inside a word of the field: one of its n-grams (ADR 0033). */
    private static Query part(String field, String word) {
        if (!RegisterIndex.gramSized(word)) {
            // only words of up to the grams' length are indexed by their parts and none of them holds a longer word:
            // a longer one can only be the start of a longer whole word
            return start(field, word);
        }
        return new ConstantScoreQuery(term(field + RegisterIndex.PARTS, word));
    }

    /** The word at the start of a word of the field: one of its edge n-grams (a prefix query beyond their length). */
    private static Query start(String field, String word) {
        if (!RegisterIndex.gramSized(word)) {
            return new ConstantScoreQuery(new PrefixQuery(new Term(field + RegisterIndex.WORDS, word)));
        }
        return new ConstantScoreQuery(term(field + RegisterIndex.STARTS, word));
    }

    private static Map<String, Integer> ordered(Map<String, Integer> counts) {
        return new LinkedHashMap<>(new TreeMap<>(counts));
    }

    // --- counting ---------------------------------------------------------------------------------------------------

    /**
     * The search with chosen criteria in one pass over the text's matches instead of one search for the page and one
     * more per criterion: a match meeting every criterion is ranked and counted in all counts; one missing exactly one
     * criterion is counted in that criterion's own counts only (those of the search without it); the others are skipped.
     */
    private static final class OnePass implements CollectorManager<OnePass.Pass, OnePass.Result> {
        record Result(Ranking.Hit[] top, Tally all, Map<Facet, Tally> without) {
        }

        private final Map<Facet, String> chosen;
        private final int size;

        OnePass(Map<Facet, String> chosen, int size) {
            this.chosen = chosen;
            this.size = size;
        }

        @Override
        public Pass newCollector() {
            return new Pass(chosen, new Ranking(size));
        }

        @Override
        public Result reduce(Collection<Pass> passes) throws IOException {
            List<Ranking> tops = new ArrayList<>();
            Tally all = new Tally();
            Map<Facet, Tally> without = new EnumMap<>(Facet.class);
            for (Facet f : chosen.keySet()) {
                without.put(f, new Tally());
            }
            for (Pass p : passes) {
                tops.add(p.top);
                p.all.flush();
                all.add(p.all.tally);
                for (Map.Entry<Facet, Counter> missing : p.missingOnly.entrySet()) {
                    missing.getValue().flush();
                    without.get(missing.getKey()).add(missing.getValue().tally);
                }
            }
            for (Tally t : without.values()) {
                t.add(all);
            }
            return new Result(Ranking.merge(tops, size), all, without);
        }

        static final class Pass implements org.apache.lucene.search.Collector {
            private final Map<Facet, String> chosen;
            private final Ranking top;
            private final Counter all = new Counter();
            private final Map<Facet, Counter> missingOnly = new EnumMap<>(Facet.class);

            Pass(Map<Facet, String> chosen, Ranking top) {
                this.chosen = chosen;
                this.top = top;
                chosen.keySet().forEach(f -> missingOnly.put(f, new Counter()));
            }

            @Override
            public org.apache.lucene.search.LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                LeafFacets leaf = LeafFacets.of(context);
                Ranking.Leaf ranking = top.leaf(context, leaf);
                all.next(leaf);
                Facet[] facets = chosen.keySet().toArray(Facet[]::new);
                Check[] checks = new Check[facets.length];
                Counter[] missing = new Counter[facets.length];
                for (int i = 0; i < facets.length; i++) {
                    checks[i] = Check.of(facets[i], chosen.get(facets[i]), leaf);
                    missing[i] = missingOnly.get(facets[i]);
                    missing[i].next(leaf);
                }
                Counter counting = all;
                return new org.apache.lucene.search.LeafCollector() {
                    private org.apache.lucene.search.Scorable scorer;

                    @Override
                    public void setScorer(org.apache.lucene.search.Scorable scorer) {
                        this.scorer = scorer;
                    }

                    @Override
                    public void collect(int doc) throws IOException {
                        int missed = -1;
                        for (int i = 0; i < checks.length; i++) {
                            if (!checks[i].meets(doc)) {
                                if (missed >= 0) {
                                    return;
                                }
                                missed = i;
                            }
                        }
                        if (missed < 0) {
                            ranking.collect(doc, scorer.score());
                            counting.collect(doc);
                        } else {
                            missing[missed].collect(doc);
                        }
                    }

                    @Override
                    public void finish() throws IOException {
                        ranking.finish();
                    }
                };
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE;
            }
        }

        /** Whether a document has the chosen value of one criterion (its names compared once per segment). */
        private interface Check {
            boolean meets(int doc);

            static Check of(Facet facet, String value, LeafFacets leaf) {
                LeafFacets.Ords ords = leaf.of(facet);
                boolean[] ok = new boolean[ords.names.length];
                for (int o = 0; o < ok.length; o++) {
                    ok[o] = value.equals(indexed(facet, ords.names[o]));
                }
                return doc -> ords.has(doc, ok);
            }
        }
    }

    /**
     * The page of a search in rank order (ADR 0051): score, highest first, then kind ({@link RegisterKind} order), then id
     * (its UTF-8 bytes, as Lucene sorts them). Each segment keeps its best {@code size} matches in a heap compared by plain
     * numbers (the score, the kind's ordinal and the id's ordinal in that segment, which follows the ids' order there);
     * only those are named, and the segments' bests are merged by name. Lucene's {@code TopFieldCollector} with the same
     * sort compared each competitive match by a term-ordinal comparator that copied and looked up ids (JFR: 13 % of the
     * HTTP threads of the benchmark's searches).
     */
    static final class Ranking {
        /** A ranked match: its score, its kind's ordinal and its id. */
        record Hit(float score, int kind, BytesRef id) {
        }

        static final java.util.Comparator<Hit> ORDER = (a, b) -> {
            int c = Float.compare(b.score, a.score);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(a.kind, b.kind);
            return c != 0 ? c : a.id.compareTo(b.id);
        };

        private final int size;
        private final List<Hit> kept = new ArrayList<>();
        private Leaf open;

        Ranking(int size) {
            this.size = size;
        }

        Leaf leaf(LeafReaderContext context, LeafFacets facets) throws IOException {
            finishOpen();
            open = new Leaf(context, facets);
            return open;
        }

        /** The last segment's matches named (Lucene calls {@code finish} on each leaf; this covers one it did not). */
        private void finishOpen() throws IOException {
            if (open != null) {
                open.finish();
                open = null;
            }
        }

        /** The best {@code size} of the rankings' matches, in order. */
        static Hit[] merge(Collection<Ranking> rankings, int size) throws IOException {
            List<Hit> all = new ArrayList<>();
            for (Ranking r : rankings) {
                r.finishOpen();
                all.addAll(r.kept);
            }
            all.sort(ORDER);
            return all.subList(0, Math.min(size, all.size())).toArray(Hit[]::new);
        }

        /** One segment's best matches: a heap whose root is the worst kept. */
        final class Leaf {
            private final LeafReaderContext context;
            private final int[] kinds;
            private final int[] ids;
            private final float[] score = new float[size];
            private final int[] kind = new int[size];
            private final int[] id = new int[size];
            private int n;

            Leaf(LeafReaderContext context, LeafFacets facets) {
                this.context = context;
                this.kinds = facets.kindOrdinal;
                this.ids = facets.idOrd;
            }

            void collect(int doc, float s) {
                int k = kinds[doc];
                int i = ids[doc];
                if (n < size) {
                    score[n] = s;
                    kind[n] = k;
                    id[n] = i;
                    up(n++);
                } else if (before(s, k, i, 0)) {
                    score[0] = s;
                    kind[0] = k;
                    id[0] = i;
                    down(0);
                }
            }

            /** Whether a match of score s, kind k and id ordinal i ranks before the one kept at slot j. */
            private boolean before(float s, int k, int i, int j) {
                int c = Float.compare(s, score[j]);
                if (c != 0) {
                    return c > 0;
                }
                return k != kind[j] ? k < kind[j] : i < id[j];
            }

            private void up(int j) {
                while (j > 0) {
                    int parent = (j - 1) >>> 1;
                    // the root is the worst: a parent ranks after its children
                    if (!before(score[parent], kind[parent], id[parent], j)) {
                        return;
                    }
                    swap(j, parent);
                    j = parent;
                }
            }

            private void down(int j) {
                while (true) {
                    int worst = j;
                    int left = 2 * j + 1;
                    int right = left + 1;
                    if (left < n && before(score[worst], kind[worst], id[worst], left)) {
                        worst = left;
                    }
                    if (right < n && before(score[worst], kind[worst], id[worst], right)) {
                        worst = right;
                    }
                    if (worst == j) {
                        return;
                    }
                    swap(j, worst);
                    j = worst;
                }
            }

            private void swap(int a, int b) {
                float s = score[a];
                score[a] = score[b];
                score[b] = s;
                int k = kind[a];
                kind[a] = kind[b];
                kind[b] = k;
                int i = id[a];
                id[a] = id[b];
                id[b] = i;
            }

            /** Names the kept matches (their ids looked up once each) for the merge. */
            void finish() throws IOException {
                if (n == 0) {
                    return;
                }
                org.apache.lucene.index.SortedDocValues names = DocValues.getSorted(context.reader(), RegisterIndex.ID);
                // looked up in ordinal order: the terms dictionary then reads each compressed block of ids once, not per id
                Integer[] slots = new Integer[n];
                for (int j = 0; j < n; j++) {
                    slots[j] = j;
                }
                java.util.Arrays.sort(slots, (a, b) -> Integer.compare(id[a], id[b]));
                for (int j : slots) {
                    kept.add(new Hit(score[j], kind[j], BytesRef.deepCopyOf(names.lookupOrd(id[j]))));
                }
                n = 0;
            }
        }
    }

    /** Matches in all, and by kind, status, zone and activity. */
    static final class Tally {
        int total;
        final Map<Facet, Map<String, Integer>> counts = new EnumMap<>(Facet.class);

        Tally() {
            for (Facet f : Facet.values()) {
                counts.put(f, new TreeMap<>());
            }
        }

        void add(Tally other) {
            total += other.total;
            other.counts.forEach((f, m) -> m.forEach((k, v) -> counts.get(f).merge(k, v, Integer::sum)));
        }
    }

    private static final class Counting implements CollectorManager<Counter, Tally> {
        @Override
        public Counter newCollector() {
            return new Counter();
        }

        @Override
        public Tally reduce(Collection<Counter> collectors) throws IOException {
            Tally all = new Tally();
            for (Counter c : collectors) {
                c.flush();
                all.add(c.tally);
            }
            return all;
        }
    }

    /** Counts doc values ordinals per segment, turned into names at each segment's end. */
    private static final class Counter extends SimpleCollector {
        private final Tally tally = new Tally();
        private LeafFacets leaf;
        private int[] kinds;
        private int[] statuses;
        private int[] zones;
        private int[] activities;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            next(LeafFacets.of(context));
        }

        /** Counts the next segment's matches (the last one's counts named and added to the tally). */
        void next(LeafFacets segment) {
            flush();
            leaf = segment;
            kinds = new int[leaf.kind.names.length];
            statuses = new int[leaf.status.names.length];
            zones = new int[leaf.zone.names.length];
            activities = new int[leaf.activity.names.length];
        }

        @Override
        public void collect(int doc) {
            tally.total++;
            int k = leaf.kind.first(doc);
            if (k >= 0) {
                kinds[k]++;
            }
            int s = leaf.status.first(doc);
            if (s >= 0) {
                statuses[s]++;
            }
            int z = leaf.zone.first(doc);
            if (z >= 0) {
                zones[z]++;
            }
            LeafFacets.Ords a = leaf.activity;
            for (int i = a.start[doc], end = a.start[doc + 1]; i < end; i++) {
                activities[a.ords[i]]++;
            }
        }

        void flush() {
            if (leaf == null) {
                return;
            }
            add(Facet.KIND, kinds, leaf.kind.names);
            add(Facet.STATUS, statuses, leaf.status.names);
            add(Facet.ZONE, zones, leaf.zone.names);
            add(Facet.ACTIVITY, activities, leaf.activity.names);
            leaf = null;
        }

        private void add(Facet facet, int[] counts, String[] names) {
            for (int ord = 0; ord < counts.length; ord++) {
                if (counts[ord] > 0) {
                    tally.counts.get(facet).merge(names[ord], counts[ord], Integer::sum);
                }
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    /**
     * One segment's kinds, statuses, zones and activities, read from its doc values once and kept in arrays while the
     * segment lives (ADR 0033): counting and checking the criteria of thousands of matches per search read plain arrays
     * instead of decoding doc values from the in-memory directory's buffers (JFR: most of a dates-only search's CPU).
     * Segments are immutable and shared by the readers opened after them, so an entry serves every search until the
     * segment is merged away or the index closed; its core's closed listener drops it.
     */
    static final class LeafFacets {
        private static final Map<org.apache.lucene.index.IndexReader.CacheKey, LeafFacets> SEGMENTS = new java.util.concurrent.ConcurrentHashMap<>();

        /** Per document, its values' ordinals ({@code ords[start[doc]] .. ords[start[doc + 1] - 1]}), and the ordinals' names. */
        static final class Ords {
            final int[] start;
            final int[] ords;
            final String[] names;
            /** Per document, its first ordinal or -1 (the single-valued criteria read one array per match). */
            private final int[] first;

            Ords(int[] start, int[] ords, String[] names) {
                this.start = start;
                this.ords = ords;
                this.names = names;
                this.first = new int[start.length - 1];
                for (int doc = 0; doc < first.length; doc++) {
                    first[doc] = start[doc] < start[doc + 1] ? ords[start[doc]] : -1;
                }
            }

            /** The document's first ordinal, -1 if it has none. */
            int first(int doc) {
                return first[doc];
            }

            /** Whether the document has a value whose ordinal is chosen. */
            boolean has(int doc, boolean[] chosen) {
                for (int i = start[doc], end = start[doc + 1]; i < end; i++) {
                    if (chosen[ords[i]]) {
                        return true;
                    }
                }
                return false;
            }
        }

        final Ords kind;
        final Ords status;
        final Ords zone;
        final Ords activity;
        /** Per document, its kind's {@link RegisterKind} ordinal and its id's ordinal in this segment (ADR 0051: the page's order). */
        final int[] kindOrdinal;
        final int[] idOrd;

        private LeafFacets(org.apache.lucene.index.LeafReader reader) throws IOException {
            kind = ords(reader, RegisterIndex.KIND_DV);
            status = ords(reader, RegisterIndex.STATUS_DV);
            zone = ords(reader, RegisterIndex.ZONE_DV);
            activity = ords(reader, RegisterIndex.ACTIVITY_DV);
            kindOrdinal = new int[reader.maxDoc()];
            org.apache.lucene.index.NumericDocValues kinds = DocValues.getNumeric(reader, RegisterIndex.KIND_ORD);
            for (int doc = kinds.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = kinds.nextDoc()) {
                kindOrdinal[doc] = Math.toIntExact(kinds.longValue());
            }
            idOrd = new int[reader.maxDoc()];
            java.util.Arrays.fill(idOrd, -1);
            org.apache.lucene.index.SortedDocValues ids = DocValues.getSorted(reader, RegisterIndex.ID);
            for (int doc = ids.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
                idOrd[doc] = ids.ordValue();
            }
        }

        Ords of(Facet facet) {
            return switch (facet) {
                case KIND -> kind;
                case STATUS -> status;
                case ZONE -> zone;
                case ACTIVITY -> activity;
            };
        }

        static LeafFacets of(LeafReaderContext context) throws IOException {
            org.apache.lucene.index.IndexReader.CacheHelper core = context.reader().getCoreCacheHelper();
            if (core == null) {
                return new LeafFacets(context.reader());
            }
            LeafFacets known = SEGMENTS.get(core.getKey());
            if (known != null) {
                return known;
            }
            LeafFacets read = new LeafFacets(context.reader());
            if (SEGMENTS.putIfAbsent(core.getKey(), read) == null) {
                // the searcher holds a reference, so the core is open now and its listener will run when it closes
                core.addClosedListener(SEGMENTS::remove);
                return read;
            }
            LeafFacets first = SEGMENTS.get(core.getKey());
            return first == null ? read : first;
        }

        /** Segments whose arrays are kept now (for the tests). */
        static int kept() {
            return SEGMENTS.size();
        }

        private static Ords ords(org.apache.lucene.index.LeafReader reader, String field) throws IOException {
            int docs = reader.maxDoc();
            int[] start = new int[docs + 1];
            SortedSetDocValues dv = DocValues.getSortedSet(reader, field);
            String[] names = new String[Math.toIntExact(dv.getValueCount())];
            for (int o = 0; o < names.length; o++) {
                names[o] = dv.lookupOrd(o).utf8ToString();
            }
            int[] ords = new int[16];
            int n = 0;
            int next = 0;
            for (int doc = dv.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
                while (next <= doc) {
                    start[next++] = n;
                }
                for (int i = dv.docValueCount(); i > 0; i--) {
                    if (n == ords.length) {
                        ords = java.util.Arrays.copyOf(ords, n * 2);
                    }
                    ords[n++] = Math.toIntExact(dv.nextOrd());
                }
            }
            while (next <= docs) {
                start[next++] = n;
            }
            return new Ords(start, java.util.Arrays.copyOf(ords, n), names);
        }
    }
}
