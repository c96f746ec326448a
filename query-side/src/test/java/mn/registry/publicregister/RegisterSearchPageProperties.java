package mn.registry.publicregister;

import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.identity.PersonId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0051: the search box's page, taken by the register's own ranking (each segment's best by plain numbers, merged by
 * id), is the page Lucene's {@code TopFieldCollector} gives with the sort it replaced (score, kind, id); and the counts,
 * read by ordinal from the segments' arrays, are those of the matching entries' own strings. Random registers of names
 * that share words (many equal scores, so the kind and id decide), built by one to three threads (several segments),
 * some entries updated after the build (deleted documents, a segment of their own), and random searches and pages.
 */
class RegisterSearchPageProperties {

    /** The order the page followed before ADR 0051, as Lucene sorts it. */
    private static final Sort LUCENES = new Sort(SortField.FIELD_SCORE, new SortField(RegisterIndex.KIND_ORD, SortField.Type.INT),
            new SortField(RegisterIndex.ID, SortField.Type.STRING));
    private static final String[] WORDS = {"Khan", "Хан", "Trade", "Өлзий", "Altan", "Gobi", "Tushig", "ХХК", "LLC"};
    private static final String[] TEXTS = {null, "khan", "хан", "a", "tra", "1", "2026", "000001", "10", "өлз", "khan 1", "go", "llc хан"};
    private static final String[] STATUSES = {null, "registered", "VALID", "struck_off", "suspended"};

    @Property(tries = 20)
    void the_page_and_counts_are_lucenes_sort_and_the_entries_strings(@ForAll long seed, @ForAll @IntRange(min = 3, max = 70) int entities,
                                                                      @ForAll @IntRange(min = 1, max = 3) int threads) throws IOException {
        Random random = new Random(seed);
        Records records = new Records().add(Records.zone("Алтанбулаг"))
                .add(new ZoneEvents.ZoneOpened(Records.ZONE, "decision", Records.T, Records.OFFICIAL))
                .add(new ZoneEvents.GovernorAppointed(Records.ZONE, new PersonId("governor-1"), "Хан Бат", "d", Records.T, Records.OFFICIAL));
        int permits = 1 + random.nextInt(12);
        for (int i = 1; i <= permits; i++) {
            records.add(Records.permit(i, name(random) + " " + i, "3000" + (100 + random.nextInt(permits)), LocalDate.of(2026, 12, 1 + random.nextInt(28))));
            if (random.nextInt(4) == 0) {
                records.add(Records.suspended(i));
            }
        }
        for (int i = 0; i < entities; i++) {
            records.add(Records.registered(name(random), "10000" + (10 + i), Activity.values()[random.nextInt(3)],
                    LocalDate.of(2027, 1, 1).plusDays(random.nextInt(40))));
        }
        records.add(Records.land(1, "1000010"));
        RegisterModel model = records.fold();
        Map<String, RegisterEntry> entries = new LinkedHashMap<>();
        model.entries().forEach(e -> entries.put(key(e.kind().ordinal(), e.id()), e));
        RegisterIndex index = RegisterIndex.of(model.entries(), threads);
        RegisterSearcher built = index.refresh(List.of());
        // some entities struck off after the build: their documents deleted and written again in a segment of their own
        List<RegisterEntry> struck = new ArrayList<>();
        for (RegisterEntry e : model.entries()) {
            if (e.kind() == RegisterKind.ENTITY && random.nextInt(5) == 0) {
                RegisterEntry s = new RegisterEntry(e.kind(), e.id(), e.name(), e.number(), "STRUCK_OFF", e.zoneId(), e.activities(), e.since(),
                        e.until(), e.details(), e.history());
                struck.add(s);
                entries.put(key(s.kind().ordinal(), s.id()), s);
            }
        }
        RegisterSearcher searcher = struck.isEmpty() ? built : index.refresh(struck);
        RegisterView view = model.view(null).with(searcher);
        try {
            for (int n = 0; n < 25; n++) {
                RegisterSearch search = new RegisterSearch(TEXTS[random.nextInt(TEXTS.length)],
                        random.nextInt(3) == 0 ? RegisterKind.values()[random.nextInt(RegisterKind.values().length)] : null,
                        STATUSES[random.nextInt(STATUSES.length)], random.nextInt(4) == 0 ? "Altanbulag" : null,
                        random.nextInt(4) == 0 ? Activity.values()[random.nextInt(3)].name().toLowerCase() : null,
                        random.nextInt(6) == 0 ? LocalDate.of(2027, 1, 1 + random.nextInt(20)) : null, null, random.nextInt(4) * random.nextInt(9),
                        1 + random.nextInt(20));
                SearchResults found = searcher.find(search, view);
                List<String> all = lucenes(searcher, search);
                assertThat(found.items().stream().map(e -> key(e.kind().ordinal(), e.id())).toList()).as("%s", search)
                        .isEqualTo(all.subList(Math.min(search.offset(), all.size()), Math.min(search.offset() + search.limit(), all.size())));
                assertThat(found.total()).as("%s", search).isEqualTo(all.size());

                Map<String, Integer> kinds = new LinkedHashMap<>();
                for (RegisterKind k : RegisterKind.values()) {
                    kinds.put(k.path(), 0);
                }
                for (String k : lucenes(searcher, without(search, "kind"))) {
                    kinds.merge(entries.get(k).kind().path(), 1, Integer::sum);
                }
                assertThat(found.counts().kind()).as("kinds of %s", search).containsExactlyEntriesOf(kinds);
                assertThat(found.counts().status()).as("statuses of %s", search)
                        .containsExactlyEntriesOf(count(lucenes(searcher, without(search, "status")), entries, e -> java.util.Collections.singletonList(e.status())));
                assertThat(found.counts().zone()).as("zones of %s", search)
                        .containsExactlyEntriesOf(count(lucenes(searcher, without(search, "zone")), entries, e -> java.util.Collections.singletonList(e.zoneId())));
                assertThat(found.counts().activity()).as("activities of %s", search)
                        .containsExactlyEntriesOf(count(lucenes(searcher, without(search, "activity")), entries, RegisterEntry::activities));
            }
        } finally {
            if (searcher != built) {
                searcher.release();
            }
            built.release();
            index.close();
        }
    }

    private static String name(Random random) {
        StringBuilder name = new StringBuilder(WORDS[random.nextInt(WORDS.length)]);
        for (int w = random.nextInt(3); w > 0; w--) {
            name.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return name.toString();
    }

    private static String key(int kind, String id) {
        return kind + "/" + id;
    }

    /** Every match of the search in Lucene's order of the sort the page followed before ADR 0051. */
    private static List<String> lucenes(RegisterSearcher searcher, RegisterSearch search) throws IOException {
        IndexSearcher lucene = new IndexSearcher(searcher.reader());
        lucene.setQueryCache(null);
        TopFieldDocs top = lucene.search(RegisterSearcher.matching(search),
                new TopFieldCollectorManager(LUCENES, Math.max(1, searcher.reader().maxDoc()), null, Integer.MAX_VALUE));
        List<String> keys = new ArrayList<>();
        for (ScoreDoc d : top.scoreDocs) {
            Object[] fields = ((FieldDoc) d).fields;
            keys.add(key(((Number) fields[1]).intValue(), ((BytesRef) fields[2]).utf8ToString()));
        }
        return keys;
    }

    private static RegisterSearch without(RegisterSearch s, String criterion) {
        return new RegisterSearch(s.text(), criterion.equals("kind") ? null : s.kind(), criterion.equals("status") ? null : s.status(),
                criterion.equals("zone") ? null : s.zoneId(), criterion.equals("activity") ? null : s.activity(), s.from(), s.to(), 0, 1);
    }

    /** The matches' values counted by their strings, in name order. */
    private static Map<String, Integer> count(List<String> keys, Map<String, RegisterEntry> entries,
                                              java.util.function.Function<RegisterEntry, List<String>> values) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String k : keys) {
            for (String v : values.apply(entries.get(k))) {
                if (v != null) {
                    counts.merge(v, 1, Integer::sum);
                }
            }
        }
        return new LinkedHashMap<>(counts);
    }
}
