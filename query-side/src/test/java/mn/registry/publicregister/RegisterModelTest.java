package mn.registry.publicregister;

import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.permit.Company;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegisterModelTest {

    /** The register of these records with its search index, as a node serves it. */
    private static RegisterView view(Records records) {
        RegisterModel model = records.fold();
        RegisterView view = model.view(null);
        return view.with(RegisterIndex.of(model.entries()).refresh(List.of()));
    }

    private static RegisterPage search(RegisterView v, RegisterQuery q) {
        return v.searcher().search(q, v);
    }

    private static List<String> ids(RegisterPage page) {
        return page.items().stream().map(RegisterEntry::id).toList();
    }

    private static RegisterQuery byName(RegisterKind kind, String name) {
        return new RegisterQuery(kind, name, null, null, null, null, null, null, 0, 50);
    }

    @Test
    @DisplayName("names fold Mongolian Cyrillic to Latin and drop case and diacritics")
    void folding() {
        assertThat(NameFolding.fold("Хан-Уул ХХК")).isEqualTo("khan uul khkhk");
        assertThat(NameFolding.fold("KHAN-UUL llc")).isEqualTo("khan uul llc");
        assertThat(NameFolding.fold("Khan Üül")).isEqualTo("khan uul");
        assertThat(NameFolding.fold("Өлзий Түшиг")).isEqualTo("olzii tushig");
        assertThat(NameFolding.fold(null)).isEmpty();
    }

    @Test
    @DisplayName("002 art. 26.4: a permit is searchable by its holder's name in Cyrillic or Latin, by number and by status")
    void permits_by_name_number_status() {
        Records r = new Records()
                .add(Records.permit(1, "Хан Сертификат ХХК", "1111111", LocalDate.of(2026, 12, 1)))
                .add(Records.permit(2, "Tushig Trust LLC", "2222222", LocalDate.of(2027, 2, 1)))
                .add(Records.suspended(2));
        RegisterView v = view(r);
        assertThat(ids(search(v, byName(RegisterKind.PERMIT, "khan")))).containsExactly("P-2026-000001");
        assertThat(ids(search(v, byName(RegisterKind.PERMIT, "ХАН сертиф")))).containsExactly("P-2026-000001");
        assertThat(ids(search(v, byName(RegisterKind.PERMIT, "Түшиг")))).containsExactly("P-2026-000002");
        assertThat(ids(search(v, byName(RegisterKind.PERMIT, "khan tushig")))).isEmpty();
        assertThat(ids(search(v, new RegisterQuery(RegisterKind.PERMIT, null, "p-2026-000002", null, null, null, null, null, 0, 50))))
                .containsExactly("P-2026-000002");
        assertThat(ids(search(v, new RegisterQuery(RegisterKind.PERMIT, null, null, "suspended", null, null, null, null, 0, 50))))
                .containsExactly("P-2026-000002");
        assertThat(ids(search(v, new RegisterQuery(RegisterKind.PERMIT, null, null, null, null, null, LocalDate.of(2027, 1, 1), null, 0, 50))))
                .containsExactly("P-2026-000002");
        RegisterEntry suspended = v.entry(RegisterKind.PERMIT, "P-2026-000002").orElseThrow();
        assertThat(suspended.history()).containsExactly(1L, 2L);
        assertThat(suspended.details().path("ground").asText()).isEqualTo("INSPECTOR_OPINION");
        assertThat(suspended.details().has("evidenceSha256")).as("the evidence is not public").isFalse();
        assertThat(v.entry(RegisterKind.PROVIDER, "2222222").orElseThrow().status()).isEqualTo("SUSPENDED");
        assertThat(v.entry(RegisterKind.PROVIDER, "1111111").orElseThrow().status()).isEqualTo("ACTIVE");
    }

    @Test
    @DisplayName("002 art. 29.2, 27.4: a permit expired with a request pending is listed EXPIRED; an extension granted after expiry lists it VALID again with its new term")
    void expired_then_extended_after_expiry() {
        LocalDate from = LocalDate.of(2026, 12, 1);
        Records r = new Records().add(Records.permit(5, "Expiry Co", "5555555", from))
                .add(new mn.registry.kernel.permit.PermitExpired(Records.app(5), from.plusYears(5), Records.T.plusSeconds(86_400L * 1826), "002 art. 29.2"));
        RegisterView expired = view(r);
        assertThat(expired.entry(RegisterKind.PERMIT, "P-2026-000005").orElseThrow().status()).isEqualTo("EXPIRED");
        assertThat(expired.entry(RegisterKind.PROVIDER, "5555555").orElseThrow().status()).isEqualTo("INACTIVE");
        r.add(new mn.registry.kernel.permit.PermitExtendedAfterExpiry(Records.app(5), from.plusYears(5), from.plusYears(10),
                Records.T.plusSeconds(86_400L * 1830), Records.OFFICIAL, "002 art. 27.4, 29.2"));
        RegisterEntry again = view(r).entry(RegisterKind.PERMIT, "P-2026-000005").orElseThrow();
        assertThat(again.status()).isEqualTo("VALID");
        assertThat(again.until()).isEqualTo(from.plusYears(10));
        assertThat(view(r).entry(RegisterKind.PROVIDER, "5555555").orElseThrow().status()).isEqualTo("ACTIVE");
    }

    @Test
    @DisplayName("002 art. 29.6 (ADR 0046 item 57, was O118): a permit whose revocation a complaint annulled is listed VALID again, and SUSPENDED "
            + "when it was reinstated under its suspension (F197); its provider is active again; every rebuild of the log gives the same register")
    void an_upheld_complaint_reinstates_the_permit_in_the_register() {
        java.time.Instant decided = Records.T.plusSeconds(86400 * 95);
        Records r = new Records().add(Records.permit(6, "Reinstated Co", "6666666", LocalDate.of(2026, 12, 1))).add(Records.revoked(6))
                .add(new mn.registry.kernel.permit.RevocationComplaintDecided(Records.app(6), true, "ab".repeat(32), decided,
                        new mn.registry.kernel.identity.PersonId("supervisor-2"), LocalDate.of(2031, 12, 1), mn.registry.kernel.permit.RevocationComplaintDecided.ARTICLE));
        RegisterView v = view(r);
        RegisterEntry permit = v.entry(RegisterKind.PERMIT, "P-2026-000006").orElseThrow();
        assertThat(permit.status()).isEqualTo("VALID");
        assertThat(permit.history()).containsExactly(0L, 1L, 2L);
        assertThat(permit.details().path("recordedBy").asText()).isEqualTo("supervisor-2");
        assertThat(permit.details().path("article").asText()).isEqualTo("002 art. 29.6");
        assertThat(permit.details().has("decisionSha256")).as("the decision's document is not public").isFalse();
        assertThat(v.entry(RegisterKind.PROVIDER, "6666666").orElseThrow().status()).isEqualTo("ACTIVE");
        assertThat(ids(search(v, new RegisterQuery(RegisterKind.PERMIT, null, null, "valid", null, null, null, null, 0, 50))))
                .containsExactly("P-2026-000006");
        assertThat(r.fold().hash()).as("the same log, the same register").isEqualTo(r.fold().hash());

        r.add(new mn.registry.kernel.permit.PermitSuspended(Records.app(6), mn.registry.kernel.permit.SuspensionGround.INSPECTOR_OPINION,
                "cd".repeat(32), 0, LocalDate.of(2027, 1, 5), LocalDate.of(2027, 4, 5), decided, new mn.registry.kernel.identity.PersonId("supervisor-2")));
        RegisterView suspended = view(r);
        assertThat(suspended.entry(RegisterKind.PERMIT, "P-2026-000006").orElseThrow().status()).isEqualTo("SUSPENDED");
        assertThat(suspended.entry(RegisterKind.PROVIDER, "6666666").orElseThrow().status()).isEqualTo("SUSPENDED");
    }

    @Test
    @DisplayName("002 art. 29.6, 31.1.6 (ADR 0046 item 67, was O123): a complaint upheld before its decisions were public leaves the permit "
            + "REVOKED in the log; the supervisor's correcting record makes it VALID again when the revocation it annulled is still the "
            + "permit's latest status record, on every fold and on a register restored from a saved generation")
    void a_reinstatement_stored_before_it_was_public_is_published_by_its_correcting_record() {
        java.time.Instant decided = Records.T.plusSeconds(86400 * 95); // after Records.revoked's day 90
        Records r = new Records().add(Records.permit(7, "Stored Reinstated Co", "7777777", LocalDate.of(2026, 12, 1))).add(Records.revoked(7));
        // the decision upholding the complaint, stored before item 57 (no article), was not public: the log holds nothing of it
        assertThat(mn.registry.kernel.permit.PermitPublicRecords.mappers().get(mn.registry.kernel.permit.RevocationComplaintDecided.class.getName())
                .apply(mn.registry.kernel.crypto.CanonicalJson.mapper().valueToTree(
                        new mn.registry.kernel.permit.RevocationComplaintDecided(Records.app(7), true, "ab".repeat(32), decided, SUPERVISOR_2,
                                LocalDate.of(2031, 12, 1), null)))).isEmpty();
        assertThat(view(r).entry(RegisterKind.PERMIT, "P-2026-000007").orElseThrow().status()).isEqualTo("REVOKED");
        RegisterModel saved = r.fold();
        r.add(published(7, decided));
        RegisterView v = view(r);
        RegisterEntry permit = v.entry(RegisterKind.PERMIT, "P-2026-000007").orElseThrow();
        assertThat(permit.status()).as("the correcting record of the stored reinstatement").isEqualTo("VALID");
        assertThat(permit.history()).containsExactly(0L, 1L, 2L);
        assertThat(permit.details().path("article").asText()).isEqualTo("002 art. 29.6, 31.1.6");
        assertThat(v.entry(RegisterKind.PROVIDER, "7777777").orElseThrow().status()).isEqualTo("ACTIVE");
        assertThat(r.fold().hash()).as("the same log, the same register").isEqualTo(r.fold().hash());
        RegisterModel restored = RegisterModel.restore(saved.entries(), saved.logSize(), saved.position());
        restored.apply(2, r.all().get(2));
        assertThat(restored.hash()).as("a register restored from a generation folds it the same").isEqualTo(r.fold().hash());
    }

    @Test
    @DisplayName("002 art. 29.6, 31.1.6 (ADR 0046 item 67): the correcting record of a stored reinstatement sets no status over a later "
            + "status record of the permit (a suspension, an expiry, a revocation again): a line of its history only")
    void a_correcting_record_after_a_later_status_record_is_a_history_line_only() {
        java.time.Instant decided = Records.T.plusSeconds(86400 * 95);
        Records suspended = new Records().add(Records.permit(8, "Later Suspended Co", "8888888", LocalDate.of(2026, 12, 1))).add(Records.revoked(8))
                .add(new mn.registry.kernel.permit.PermitSuspended(Records.app(8), mn.registry.kernel.permit.SuspensionGround.INSPECTOR_OPINION,
                        "cd".repeat(32), 0, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 1), decided.plusSeconds(86400 * 10), SUPERVISOR_2))
                .add(published(8, decided));
        RegisterEntry permit = view(suspended).entry(RegisterKind.PERMIT, "P-2026-000008").orElseThrow();
        assertThat(permit.status()).isEqualTo("SUSPENDED");
        assertThat(permit.history()).containsExactly(0L, 1L, 2L, 3L);
        Records revokedAgain = new Records().add(Records.permit(9, "Revoked Again Co", "9999999", LocalDate.of(2026, 12, 1)))
                .add(new mn.registry.kernel.permit.PermitRevoked(Records.app(9), mn.registry.kernel.permit.RevocationGround.FALSE_DOCUMENTS, "again",
                        decided.plusSeconds(86400 * 20), SUPERVISOR_2, true))
                .add(published(9, decided));
        assertThat(view(revokedAgain).entry(RegisterKind.PERMIT, "P-2026-000009").orElseThrow().status())
                .as("revoked after the stored decision: the revocation stands").isEqualTo("REVOKED");
        Records expired = new Records().add(Records.permit(10, "Expired Co", "1010101", LocalDate.of(2021, 12, 1))).add(Records.revoked(10))
                .add(new mn.registry.kernel.permit.PermitExpired(Records.app(10), LocalDate.of(2026, 11, 30), decided, "002 art. 29.2"))
                .add(published(10, decided));
        assertThat(view(expired).entry(RegisterKind.PERMIT, "P-2026-000010").orElseThrow().status()).isEqualTo("EXPIRED");
    }

    private static final mn.registry.kernel.identity.PersonId SUPERVISOR_2 = new mn.registry.kernel.identity.PersonId("supervisor-2");

    private static mn.registry.kernel.permit.ReinstatementPublished published(int n, java.time.Instant decided) {
        return new mn.registry.kernel.permit.ReinstatementPublished(Records.app(n), decided, decided.plusSeconds(86400 * 400), SUPERVISOR_2,
                mn.registry.kernel.permit.ReinstatementPublished.ARTICLE);
    }

    @Test
    @DisplayName("002 art. 23.3: a transferred permit is listed under its successor; the predecessor keeps its history")
    void transfer_moves_the_permit() {
        Company from = new Company("Old Co", "3333333", true, "addr");
        Company to = new Company("New Co", "4444444", true, "addr");
        Records r = new Records().add(Records.permit(3, "Old Co", "3333333", LocalDate.of(2026, 12, 1))).add(Records.transferred(3, from, to))
                .add(Records.revoked(3));
        RegisterView v = view(r);
        RegisterEntry permit = v.entry(RegisterKind.PERMIT, "P-2026-000003").orElseThrow();
        assertThat(permit.name()).isEqualTo("New Co");
        assertThat(permit.status()).isEqualTo("REVOKED");
        assertThat(v.entry(RegisterKind.PROVIDER, "4444444").orElseThrow().details().path("permits").toString()).contains("P-2026-000003");
        RegisterEntry old = v.entry(RegisterKind.PROVIDER, "3333333").orElseThrow();
        assertThat(old.details().path("permits")).isEmpty();
        assertThat(old.status()).isEqualTo("INACTIVE");
        assertThat(old.history()).containsExactly(0L, 1L);
    }

    @Test
    @DisplayName("003: zones, governors, entities and land licences by zone, activity and status, paginated")
    void free_zone_register() {
        Records r = new Records().add(Records.zone("Алтанбулаг"))
                .add(new ZoneEvents.ZoneOpened(Records.ZONE, "decision", Records.T, Records.OFFICIAL))
                .add(new ZoneEvents.GovernorAppointed(Records.ZONE, new mn.registry.kernel.identity.PersonId("governor-1"), "Б. Бат", "d", Records.T, Records.OFFICIAL));
        for (int i = 0; i < 30; i++) {
            r.add(Records.registered((i % 2 == 0 ? "Khan Trade " : "Өлзий Үйлдвэр ") + i, "10000" + (10 + i), i % 2 == 0 ? Activity.TRADE : Activity.PRODUCTION,
                    LocalDate.of(2027, 1, 1).plusDays(i)));
        }
        r.add(Records.land(1, "1000010"));
        RegisterView v = view(r);
        assertThat(v.entry(RegisterKind.ZONE, "altanbulag").orElseThrow().status()).isEqualTo("OPEN");
        assertThat(ids(search(v, byName(RegisterKind.ZONE, "altanbulag")))).containsExactly("altanbulag");
        assertThat(ids(search(v, byName(RegisterKind.GOVERNOR, "bat")))).containsExactly("altanbulag~governor-1");
        RegisterPage production = search(v, new RegisterQuery(RegisterKind.ENTITY, "olzii", null, "registered", "altanbulag", "production", null, null, 5, 4));
        assertThat(production.total()).isEqualTo(15);
        assertThat(production.items()).hasSize(4).allSatisfy(e -> assertThat(e.activities()).containsExactly("PRODUCTION"));
        RegisterPage january = search(v, new RegisterQuery(RegisterKind.ENTITY, null, null, null, null, null, LocalDate.of(2027, 1, 3), LocalDate.of(2027, 1, 5), 0, 50));
        assertThat(january.total()).isEqualTo(3);
        RegisterEntry licence = v.entry(RegisterKind.LAND_LICENCE, "altanbulag-L1").orElseThrow();
        assertThat(licence.details().path("holderName").asText()).isEqualTo("Khan Trade 0");
        assertThat(licence.activities()).containsExactly("TRADE");
        assertThat(licence.status()).isEqualTo("GRANTED");
        // 003 art. 22.5, 22.7 (F125): unpaid by its last day, the licence lapses in the public register
        r.add(new mn.registry.kernel.freezone.LandEvents.LandRightsLapsed(Records.ZONE,
                mn.registry.kernel.freezone.LandLicenceId.of(Records.ZONE, 1), Records.registration("1000010"), LocalDate.of(2027, 1, 31),
                "003 art. 22.5, 22.7", Records.T));
        assertThat(view(r).entry(RegisterKind.LAND_LICENCE, "altanbulag-L1").orElseThrow().status()).isEqualTo("LAPSED");
    }

    @Test
    @DisplayName("003 art. 22.3 (ADR 0035 item 116, F538, was O384): the zone's entry shows the basic value of land in force, the last recorded: "
            + "per hectare, since the registry's receipt, and the Government decision's reference and date; the zone's opening decision stays")
    void the_zones_base_value_in_force() {
        java.time.Instant later = Records.T.plusSeconds(86_400);
        Records r = new Records().add(Records.zone("Алтанбулаг"))
                .add(new ZoneEvents.ZoneOpened(Records.ZONE, "opening decision", Records.T, Records.OFFICIAL))
                .add(new mn.registry.kernel.freezone.LandEvents.LandBaseValueRecorded(Records.ZONE, 1, mn.registry.kernel.money.Money.mnt(1_000_000),
                        "Government decision 2026/140", LocalDate.of(2026, 11, 1), "ab".repeat(32), "003 art. 22.3", Records.T, Records.OFFICIAL))
                .add(new mn.registry.kernel.freezone.LandEvents.LandBaseValueRecorded(Records.ZONE, 2, mn.registry.kernel.money.Money.mnt(1_500_000),
                        "Government decision 2026/141", LocalDate.of(2026, 11, 15), "cd".repeat(32), "003 art. 22.3", later, Records.OFFICIAL));
        RegisterEntry zone = view(r).entry(RegisterKind.ZONE, "altanbulag").orElseThrow();
        com.fasterxml.jackson.databind.JsonNode value = zone.details().path("landBaseValue");
        assertThat(value.path("landBaseValuePerHectare").path("amount").decimalValue()).isEqualByComparingTo("1500000");
        assertThat(value.path("landBaseValuePerHectare").path("currency").asText()).isEqualTo("MNT");
        assertThat(value.path("landBaseValueDecision").asText()).isEqualTo("Government decision 2026/141");
        assertThat(value.path("landBaseValueDecidedOn").asText()).isEqualTo("2026-11-15");
        assertThat(java.time.Instant.parse(value.path("landBaseValueSince").asText())).isEqualTo(later);
        assertThat(zone.details().path("decision").asText()).isEqualTo("opening decision");
        assertThat(zone.status()).isEqualTo("OPEN");
        assertThat(zone.history()).hasSize(4);
    }

    @Test
    @DisplayName("003 art. 22.3 (ADR 0035 item 120, F552, was O398): the zone's entry lists the earlier basic values of land, oldest first, each "
            + "with its decision and its period: in force from its receipt until the next one's receipt; the value in force is not among them")
    void the_zones_earlier_base_values_and_their_periods() {
        java.time.Instant second = Records.T.plusSeconds(86_400);
        java.time.Instant third = Records.T.plusSeconds(3 * 86_400);
        Records r = new Records().add(Records.zone("Алтанбулаг"));
        String[][] values = {{"1000000", "Government decision 2026/140", "2026-11-01"}, {"1500000", "Government decision 2026/141", "2026-11-15"},
                {"1200000", "Government decision 2026/142", "2026-11-20"}};
        java.time.Instant[] at = {Records.T, second, third};
        for (int i = 0; i < 3; i++) {
            r.add(new mn.registry.kernel.freezone.LandEvents.LandBaseValueRecorded(Records.ZONE, i + 1,
                    mn.registry.kernel.money.Money.mnt(Long.parseLong(values[i][0])), values[i][1], LocalDate.parse(values[i][2]),
                    Integer.toHexString(0xa0 + i).repeat(32), "003 art. 22.3", at[i], Records.OFFICIAL));
        }
        RegisterEntry zone = view(r).entry(RegisterKind.ZONE, "altanbulag").orElseThrow();
        com.fasterxml.jackson.databind.JsonNode earlier = zone.details().path("landBaseValuesEarlier");
        assertThat(earlier.size()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            assertThat(earlier.get(i).path("perHectare").path("amount").decimalValue()).isEqualByComparingTo(values[i][0]);
            assertThat(earlier.get(i).path("decision").asText()).isEqualTo(values[i][1]);
            assertThat(earlier.get(i).path("decidedOn").asText()).isEqualTo(values[i][2]);
            assertThat(java.time.Instant.parse(earlier.get(i).path("from").asText())).isEqualTo(at[i]);
            assertThat(java.time.Instant.parse(earlier.get(i).path("until").asText())).isEqualTo(at[i + 1]);
        }
        assertThat(zone.details().path("landBaseValue").path("landBaseValueDecision").asText()).isEqualTo("Government decision 2026/142");
    }

    @Test
    @DisplayName("003 art. 22.3 (ADR 0035 item 144, choice; F574, was O409): a lower basic value awaiting a second signature is shown apart "
            + "(landBaseValuePending), the value in force unchanged; the confirmation puts it in force from its receipt and lists the replaced "
            + "value until then; a later record supersedes a value still awaiting")
    void a_lower_base_value_awaits_its_second_signature_on_the_zones_page() {
        java.time.Instant recorded = Records.T.plusSeconds(86_400);
        java.time.Instant confirmedAt = Records.T.plusSeconds(2 * 86_400);
        mn.registry.kernel.freezone.LandEvents.LandBaseValueRecorded first = new mn.registry.kernel.freezone.LandEvents.LandBaseValueRecorded(
                Records.ZONE, 1, mn.registry.kernel.money.Money.mnt(1_500_000), "Government decision 2026/200", LocalDate.parse("2026-11-01"),
                "a0".repeat(32), "003 art. 22.3", Records.T, Records.OFFICIAL);
        mn.registry.kernel.freezone.LandEvents.LandBaseValueRecorded lower = new mn.registry.kernel.freezone.LandEvents.LandBaseValueRecorded(
                Records.ZONE, 2, mn.registry.kernel.money.Money.mnt(1_000), "Government decision 2026/201", LocalDate.parse("2026-11-02"),
                "a1".repeat(32), "003 art. 22.3", recorded, Records.OFFICIAL, Boolean.TRUE);
        Records r = new Records().add(Records.zone("Алтанбулаг")).add(first).add(lower);
        RegisterEntry awaiting = view(r).entry(RegisterKind.ZONE, "altanbulag").orElseThrow();
        assertThat(awaiting.details().path("landBaseValue").path("landBaseValueDecision").asText()).isEqualTo("Government decision 2026/200");
        assertThat(awaiting.details().path("landBaseValuePending").path("landBaseValuePendingPerHectare").path("amount").decimalValue())
                .isEqualByComparingTo("1000");
        assertThat(awaiting.details().path("landBaseValuePending").path("landBaseValuePendingDecision").asText()).isEqualTo("Government decision 2026/201");
        assertThat(awaiting.details().has("landBaseValuesEarlier")).isFalse();

        r.add(new mn.registry.kernel.freezone.LandEvents.LandBaseValueConfirmed(Records.ZONE, 2, mn.registry.kernel.money.Money.mnt(1_000),
                "Government decision 2026/201", "003 art. 22.3", confirmedAt, new mn.registry.kernel.identity.PersonId("cabinet-2")));
        RegisterEntry confirmed = view(r).entry(RegisterKind.ZONE, "altanbulag").orElseThrow();
        assertThat(confirmed.details().has("landBaseValuePending")).isFalse();
        assertThat(confirmed.details().path("landBaseValue").path("landBaseValueDecision").asText()).isEqualTo("Government decision 2026/201");
        assertThat(confirmed.details().path("landBaseValue").path("landBaseValueDecidedOn").asText()).isEqualTo("2026-11-02");
        assertThat(java.time.Instant.parse(confirmed.details().path("landBaseValue").path("landBaseValueSince").asText())).isEqualTo(confirmedAt);
        assertThat(java.time.Instant.parse(confirmed.details().path("landBaseValuesEarlier").get(0).path("until").asText())).isEqualTo(confirmedAt);

        Records superseded = new Records().add(Records.zone("Алтанбулаг")).add(first).add(lower)
                .add(new mn.registry.kernel.freezone.LandEvents.LandBaseValueRecorded(Records.ZONE, 3, mn.registry.kernel.money.Money.mnt(1_600_000),
                        "Government decision 2026/202", LocalDate.parse("2026-11-03"), "a2".repeat(32), "003 art. 22.3", confirmedAt, Records.OFFICIAL));
        RegisterEntry later = view(superseded).entry(RegisterKind.ZONE, "altanbulag").orElseThrow();
        assertThat(later.details().has("landBaseValuePending")).isFalse();
        assertThat(later.details().path("landBaseValue").path("landBaseValueDecision").asText()).isEqualTo("Government decision 2026/202");
        assertThat(later.details().path("landBaseValuesEarlier").size()).isEqualTo(1); // the value awaiting was never in force
    }

    @Test
    @DisplayName("the fold refuses a log entry out of order, so no reader can skip one")
    void out_of_order_refused() {
        Records r = new Records().add(Records.zone("Z"));
        RegisterModel model = new RegisterModel();
        assertThatThrownBy(() -> model.apply(1, r.all().get(0))).isInstanceOf(IllegalStateException.class);
    }
}
