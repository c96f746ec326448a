package mn.registry.publicregister;

import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.problem.RegistryProblem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 15 target 3, issue 16 item 4: the register's search index (ADR 0017), searched as the public searches it. */
class RegisterSearchTest {

    /** The register of these records with its search index, as a node serves it. */
    static RegisterView view(Records records) {
        RegisterModel model = records.fold();
        RegisterView view = model.view(null);
        return view.with(RegisterIndex.of(model.entries()).refresh(List.of()));
    }

    static SearchResults find(RegisterView v, RegisterSearch search) {
        return v.searcher().find(search, v);
    }

    static SearchResults find(RegisterView v, String text) {
        return find(v, new RegisterSearch(text, null, null, null, null, null, null, 0, 50));
    }

    static List<String> keys(SearchResults results) {
        return results.items().stream().map(e -> e.kind().path() + "/" + e.id()).toList();
    }

    /** Twelve permits P-2026-000001..12, a zone with a governor, and thirty entities alternating trade and production. */
    static Records register() {
        Records r = new Records().add(Records.zone("Алтанбулаг"))
                .add(new ZoneEvents.ZoneOpened(Records.ZONE, "decision", Records.T, Records.OFFICIAL))
                .add(new ZoneEvents.GovernorAppointed(Records.ZONE, new PersonId("governor-1"), "Б. Бат", "d", Records.T, Records.OFFICIAL));
        for (int i = 1; i <= 12; i++) {
            r.add(Records.permit(i, i == 1 ? "Хан Сертификат ХХК" : "Tushig Trust " + i + " LLC", "3000" + (100 + i), LocalDate.of(2026, 12, i)));
        }
        r.add(Records.suspended(2));
        for (int i = 0; i < 30; i++) {
            r.add(Records.registered((i % 2 == 0 ? "Khan Trade " : "Өлзий Үйлдвэр ") + i, "10000" + (10 + i), i % 2 == 0 ? Activity.TRADE : Activity.PRODUCTION,
                    LocalDate.of(2027, 1, 1).plusDays(i)));
        }
        return r.add(Records.land(1, "1000010"));
    }

    @Test
    @DisplayName("issue 16: a permit number is found by its serial alone, whole, without separators or as the receipt number it was issued on, the exact number first")
    void numbers_whole_start_or_part() {
        RegisterView v = view(register());
        assertThat(keys(find(v, "000001"))).first().isEqualTo("permits/P-2026-000001");
        assertThat(keys(find(v, "P-2026-000001"))).first().isEqualTo("permits/P-2026-000001");
        assertThat(keys(find(v, "p2026000001"))).containsExactly("permits/P-2026-000001");
        assertThat(keys(find(v, "SP-2026-000001"))).as("002 art. 26.6.6: the receipt number's permit").containsExactly("permits/P-2026-000001");
        assertThat(keys(find(v, "sp2026000001"))).containsExactly("permits/P-2026-000001");
        // "00001" starts the serials of 10, 11, 12 and is inside that of 1: starts rank first, then kind and number order
        assertThat(keys(find(v, "2026-00001"))).containsExactly("permits/P-2026-000010", "permits/P-2026-000011", "permits/P-2026-000012",
                "permits/P-2026-000001");
        assertThat(find(v, "FZ-1000015").items()).extracting(RegisterEntry::id).containsExactly("altanbulag:mn-1000015");
        assertThat(find(v, "P-2027-000001").total()).as("another year's number is not this one").isZero();
    }

    @Test
    @DisplayName("issue 16: a part of a name, Cyrillic or Latin, finds permits, entities and land licences (by the holder's name) in one search")
    void names_across_kinds() {
        RegisterView v = view(register());
        SearchResults khan = find(v, new RegisterSearch("хан", null, null, null, null, null, null, 0, 3));
        // the permit's holder is also listed as a provider; the land licence is found by its holder's name
        assertThat(keys(khan)).containsExactly("permits/P-2026-000001", "providers/3000101", "entities/altanbulag:mn-1000010");
        assertThat(khan.total()).isEqualTo(1 + 1 + 15 + 1);
        assertThat(khan.counts().kind()).containsExactly(java.util.Map.entry("permits", 1), java.util.Map.entry("providers", 1),
                java.util.Map.entry("zones", 0), java.util.Map.entry("governors", 0), java.util.Map.entry("entities", 15),
                java.util.Map.entry("land-licences", 1));
        assertThat(keys(find(v, new RegisterSearch("rade", RegisterKind.LAND_LICENCE, null, null, null, null, null, 0, 50))))
                .as("a part inside the holder's name").containsExactly("land-licences/altanbulag-L1");
        // "13" is the name's own word for entity 13 and a part of entity 3's number FZ-1000013: the whole word ranks first
        assertThat(keys(find(v, "ОЛЗИЙ үйлд 13"))).containsExactly("entities/altanbulag:mn-1000023", "entities/altanbulag:mn-1000013");
        assertThat(keys(find(v, "Altan"))).contains("zones/altanbulag");
        assertThat(find(v, "khan tushig").total()).isZero();
    }

    @Test
    @DisplayName("filters narrow by kind, status, zone, activity and dates; each criterion's counts are taken without that criterion")
    void filters_and_counts() {
        RegisterView v = view(register());
        SearchResults production = find(v, new RegisterSearch(null, RegisterKind.ENTITY, null, "ALTANBULAG", "production", null, null, 0, 50));
        assertThat(production.total()).isEqualTo(15);
        assertThat(production.items()).allSatisfy(e -> assertThat(e.activities()).containsExactly("PRODUCTION"));
        assertThat(production.counts().activity()).containsEntry("PRODUCTION", 15).containsEntry("TRADE", 15);
        assertThat(production.counts().kind()).containsEntry("entities", 15).containsEntry("zones", 1).containsEntry("permits", 0);
        assertThat(production.counts().zone()).containsExactly(java.util.Map.entry("altanbulag", 15));

        SearchResults suspended = find(v, new RegisterSearch(null, null, "suspended", null, null, null, null, 0, 50));
        assertThat(keys(suspended)).as("the permit and its holder, whose only permit it is").containsExactly("permits/P-2026-000002", "providers/3000102");
        assertThat(suspended.counts().status()).containsEntry("SUSPENDED", 2).containsEntry("VALID", 11).containsEntry("REGISTERED", 30)
                .containsEntry("OPEN", 1).containsEntry("SERVING", 1);

        SearchResults january = find(v, new RegisterSearch(null, RegisterKind.ENTITY, null, null, null, LocalDate.of(2027, 1, 3), LocalDate.of(2027, 1, 5), 0, 50));
        assertThat(january.items()).extracting(RegisterEntry::since).containsExactly(LocalDate.of(2027, 1, 3), LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 5));
        assertThat(find(v, new RegisterSearch(null, null, null, null, null, LocalDate.of(2030, 1, 1), null, 0, 50)).total()).isZero();
    }

    @Test
    @DisplayName("pages are stable: consecutive pages of 7 make up the one page of 50, in rank, kind and id order, on every run")
    void stable_paging() {
        RegisterView v = view(register());
        for (String text : new String[]{null, "khan", "2026", "a"}) {
            SearchResults whole = find(v, new RegisterSearch(text, null, null, null, null, null, null, 0, 50));
            List<String> paged = new ArrayList<>();
            for (int offset = 0; offset < whole.total(); offset += 7) {
                SearchResults page = find(v, new RegisterSearch(text, null, null, null, null, null, null, offset, 7));
                assertThat(page.total()).isEqualTo(whole.total());
                paged.addAll(keys(page));
            }
            assertThat(paged.subList(0, Math.min(50, paged.size()))).as(text).isEqualTo(keys(whole));
            assertThat(keys(find(view(register()), new RegisterSearch(text, null, null, null, null, null, null, 0, 50)))).isEqualTo(keys(whole));
        }
    }

    @Test
    @DisplayName("the index finds exactly what the earlier scan found for every word and part of a name, in the same order")
    void index_keeps_the_scans_name_matches() {
        RegisterView v = view(register());
        Set<String> probes = new LinkedHashSet<>(List.of("a", "kh", "rade", "Өлз", "trust 1", "LLC", "сертификат ххк", "13", "x y"));
        for (RegisterKind kind : RegisterKind.values()) {
            v.all(kind).forEach(e -> probes.addAll(RegisterIndex.words(e.name())));
        }
        for (RegisterKind kind : RegisterKind.values()) {
            for (String probe : probes) {
                RegisterQuery q = new RegisterQuery(kind, probe, null, null, null, null, null, null, 0, RegisterQuery.MAX_LIMIT);
                assertThat(v.searcher().search(q, v)).as(kind + " " + probe).isEqualTo(v.scan(q));
            }
        }
    }

    @Test
    @DisplayName("ADR 0033: text with criteria, searched in one pass, finds and ranks what the text alone finds that meets them, each criterion counted without it")
    void text_with_criteria_in_one_pass() {
        RegisterView v = view(register());
        for (String text : new String[]{"khan", "a", "үйлд 1", "2026", "1000"}) {
            for (RegisterKind kind : new RegisterKind[]{null, RegisterKind.ENTITY, RegisterKind.PERMIT}) {
                for (String status : new String[]{null, "registered", " VALID "}) {
                    for (String activity : new String[]{null, "trade"}) {
                        String zone = activity == null ? null : "Altanbulag";
                        RegisterSearch chosen = new RegisterSearch(text, kind, status, zone, activity, null, null, 0, RegisterQuery.MAX_LIMIT);
                        SearchResults r = find(v, chosen);
                        List<RegisterEntry> alone = find(v, new RegisterSearch(text, null, null, null, null, null, null, 0, RegisterQuery.MAX_LIMIT)).items();
                        List<RegisterEntry> meeting = alone.stream()
                                .filter(e -> kind == null || e.kind() == kind)
                                .filter(e -> status == null || status.trim().equalsIgnoreCase(e.status()))
                                .filter(e -> zone == null || zone.equalsIgnoreCase(e.zoneId()))
                                .filter(e -> activity == null || e.activities().stream().anyMatch(activity::equalsIgnoreCase)).toList();
                        String as = text + " " + kind + " " + status + " " + activity;
                        assertThat(r.items()).as(as).isEqualTo(meeting);
                        assertThat(r.total()).as(as).isEqualTo(meeting.size());
                        SearchResults withoutStatus = find(v, new RegisterSearch(text, kind, null, zone, activity, null, null, 0, 1));
                        assertThat(r.counts().status()).as(as).isEqualTo(withoutStatus.counts().status());
                        SearchResults withoutKind = find(v, new RegisterSearch(text, null, status, zone, activity, null, null, 0, 1));
                        assertThat(r.counts().kind()).as(as).isEqualTo(withoutKind.counts().kind());
                        if (activity != null) {
                            SearchResults withoutActivity = find(v, new RegisterSearch(text, kind, status, zone, null, null, null, 0, 1));
                            assertThat(r.counts().activity()).as(as).isEqualTo(withoutActivity.counts().activity());
                            SearchResults withoutZone = find(v, new RegisterSearch(text, kind, status, null, activity, null, null, 0, 1));
                            assertThat(r.counts().zone()).as(as).isEqualTo(withoutZone.counts().zone());
                        }
                    }
                }
            }
        }
        SearchResults trade = find(v, new RegisterSearch("khan", RegisterKind.ENTITY, null, null, "TRADE", null, null, 0, 50));
        assertThat(trade.total()).isEqualTo(15);
        assertThat(trade.counts().activity()).as("the activities of khan's entities").containsExactly(java.util.Map.entry("TRADE", 15));
        assertThat(trade.counts().kind()).as("khan's trade entries of every kind").containsEntry("entities", 15).containsEntry("permits", 0);
    }

    @Test
    @DisplayName("ADR 0033: a segment's criteria are read into arrays once and dropped when the index lets the segment go; counts follow updated entries")
    void segment_arrays_follow_the_index() {
        RegisterModel model = register().fold();
        int before = RegisterSearcher.LeafFacets.kept();
        RegisterIndex index = RegisterIndex.of(model.entries());
        RegisterSearcher searcher = index.refresh(List.of());
        RegisterView v = model.view(null).with(searcher);
        assertThat(find(v, new RegisterSearch("khan", null, "registered", null, null, null, null, 0, 5)).counts().status())
                .containsEntry("REGISTERED", 15);
        assertThat(RegisterSearcher.LeafFacets.kept()).isGreaterThan(before);
        // an entity of khan's struck off: its segment's arrays stay, its document is deleted and the new one counted
        RegisterEntry khan0 = v.all(RegisterKind.ENTITY).stream().filter(e -> e.name().equals("Khan Trade 0")).findFirst().orElseThrow();
        RegisterEntry struck = new RegisterEntry(khan0.kind(), khan0.id(), khan0.name(), khan0.number(), "STRUCK_OFF", khan0.zoneId(),
                khan0.activities(), khan0.since(), khan0.until(), khan0.details(), khan0.history());
        RegisterSearcher next = index.refresh(List.of(struck));
        RegisterView after = model.view(null).with(next);
        assertThat(find(after, new RegisterSearch("khan", null, "registered", null, null, null, null, 0, 5)).counts().status())
                .containsEntry("REGISTERED", 14).containsEntry("STRUCK_OFF", 1);
        searcher.release();
        next.release();
        index.close();
        assertThat(RegisterSearcher.LeafFacets.kept()).as("closed segments leave no arrays behind").isEqualTo(before);
    }

    @Test
    @DisplayName("ADR 0033: a word longer than the n-grams (a pasted hash) is found whole and by its start (as the scan finds it), not by a part inside")
    void words_longer_than_the_grams() {
        String hash = "abcdefghij".repeat(5);
        RegisterView v = view(register().add(Records.registered("Хэш " + hash, "10000099", Activity.TRADE, LocalDate.of(2027, 3, 1))));
        String entity = "entities/altanbulag:mn-10000099";
        assertThat(keys(find(v, hash))).containsExactly(entity);
        assertThat(keys(find(v, hash.substring(0, 45)))).as("a start longer than the grams: a prefix of the whole word").containsExactly(entity);
        assertThat(keys(find(v, hash.substring(0, 40)))).as("a start as long as the grams").containsExactly(entity);
        assertThat(find(v, hash.substring(1, 46)).total()).as("a long word is not indexed by its parts").isZero();
        assertThat(RegisterIndex.grams(hash, false)).isEmpty();
        assertThat(RegisterIndex.grams(hash, true)).hasSize(40);
        assertThat(RegisterIndex.grams("хан", false)).containsExactlyInAnyOrder("х", "ха", "хан", "а", "ан", "н");
        assertThat(RegisterIndex.grams("хан", true)).containsExactly("х", "ха", "хан");
        RegisterQuery byName = new RegisterQuery(RegisterKind.ENTITY, hash.substring(0, 45), null, null, null, null, null, null, 0, 50);
        assertThat(v.searcher().search(byName, v)).as("the per-kind search as the earlier scan").isEqualTo(v.scan(byName));
    }

    @Test
    @DisplayName("abuse: query syntax in the box is only text (no field, wildcard or boolean query); an over-long search is refused with a stable code")
    void query_syntax_is_text() {
        RegisterView v = view(register());
        int all = find(v, (String) null).total();
        assertThat(find(v, "*").total()).as("no words: nothing narrows").isEqualTo(all);
        assertThat(find(v, "name:khan OR *:*").total()).as("the words 'name', 'khan', 'or' are all required").isZero();
        assertThat(keys(find(v, "kh?n"))).as("'?' separates words, it is no wildcard").isEqualTo(keys(find(v, "kh n")));
        assertThat(find(v, "\"khan\" (trade)").total()).as("15 entities and the land licence of one").isEqualTo(16);

        assertThatThrownBy(() -> RegisterSearches.of("k".repeat(RegisterSearch.MAX_TEXT + 1), null, null, null, null, null, null, "0", "50"))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> assertThat(p.code()).isEqualTo("register.query-too-long"));
        assertThatThrownBy(() -> RegisterSearches.of("a b c d e f g h i j k l m", null, null, null, null, null, null, "0", "50"))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> assertThat(p.code()).isEqualTo("register.query-too-long"));
        assertThatThrownBy(() -> RegisterSearches.of("khan", null, null, null, null, "2027-13-01", null, "0", "50"))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> assertThat(p.code()).isEqualTo("register.bad-date"));
        assertThatThrownBy(() -> RegisterSearches.of("khan", null, null, null, null, null, null, "0", "501"))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> assertThat(p.code()).isEqualTo("register.bad-page"));
        assertThatThrownBy(() -> RegisterSearches.of("khan", "decisions", null, null, null, null, null, "0", "5"))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> assertThat(p.code()).isEqualTo("register.unknown-kind"));
        assertThat(RegisterSearches.of("  khan  ", "entities", "", "", "", "", "", "0", "5"))
                .isEqualTo(new RegisterSearch("khan", RegisterKind.ENTITY, null, null, null, null, null, 0, 5));
    }

    @Test
    @DisplayName("session 9: the index built whole by several threads answers every search as the one built by one thread, in the same order")
    void index_built_by_several_threads_answers_the_same() {
        Records r = register();
        for (int i = 0; i < 600; i++) {
            r.add(Records.registered((i % 3 == 0 ? "Khan Trade " : i % 3 == 1 ? "Өлзий Үйлдвэр " : "Tushig Build ") + i, String.valueOf(2_000_000 + i),
                    i % 2 == 0 ? Activity.TRADE : Activity.PRODUCTION, LocalDate.of(2027, 2, 1).plusDays(i % 200)));
        }
        RegisterModel model = r.fold();
        RegisterView one = model.view(null).with(RegisterIndex.of(model.entries(), 1).refresh(List.of()));
        RegisterView three = model.view(null).with(RegisterIndex.of(model.entries(), 3).refresh(List.of()));
        for (String text : List.of("khan", "Өлзий", "үйлд", "trade 1", "2000", "000001", "SP-2026-000001", "build 59", "uild", "0001")) {
            for (int page = 0; page < 3; page++) {
                RegisterSearch search = new RegisterSearch(text, null, null, null, null, null, null, page * 50, 50);
                SearchResults alone = find(one, search);
                assertThat(keys(find(three, search))).as("'%s' page %d", text, page).isEqualTo(keys(alone));
                assertThat(find(three, search).total()).isEqualTo(alone.total());
            }
        }
        assertThat(keys(find(one, "khan"))).as("the searches above find something").isNotEmpty();
    }
}
