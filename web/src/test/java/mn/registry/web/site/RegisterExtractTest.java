package mn.registry.web.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.calendar.WorkingDayDeclared;
import mn.registry.kernel.calendar.YearConfirmed;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.FreeZonePublicRecords;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneCertificate;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.PermitIssued;
import mn.registry.kernel.permit.PermitNumber;
import mn.registry.kernel.permit.PermitPublicRecords;
import mn.registry.kernel.permit.PermitTransferred;
import mn.registry.kernel.permit.Reorganisation;
import mn.registry.publicregister.PublicRegister;
import mn.registry.publicregister.RegisterEntry;
import mn.registry.publicregister.RegisterKind;
import mn.registry.web.WebFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Issue 16 item 3: a public record reads as a register extract in both languages, with names, words and sentences, never ids or field names. */
class RegisterExtractTest {

    static final Instant GRANTED = Instant.parse("2026-12-04T02:00:00Z");
    static final ZoneId ALTANBULAG = ZoneId.of("altanbulag");
    static final LegalEntity KHARAA = new LegalEntity("Хараа голын логистик ХХК", Jurisdiction.MONGOLIAN, null, "6207711");
    static final RegistrationId REGISTRATION = RegistrationId.of(ALTANBULAG, KHARAA);

    private final PublicRegister register = mock(PublicRegister.class);
    private final RegisterExtract extract;

    RegisterExtractTest() {
        JsonNode governor = CanonicalJson.mapper().valueToTree(new ZoneEvents.GovernorAppointed(ALTANBULAG, new PersonId("governor-altanbulag"),
                "Bat-Erdene Dorj", "Cabinet decision 12", GRANTED, new PersonId("cabinet-1")));
        RegisterEntry g = new RegisterEntry(RegisterKind.GOVERNOR, "altanbulag~governor-altanbulag", "Bat-Erdene Dorj", null, "SERVING", "altanbulag",
                List.of(), LocalDate.of(2026, 12, 4), null, governor, List.of(3L));
        RegisterEntry entity = new RegisterEntry(RegisterKind.ENTITY, REGISTRATION.value(), KHARAA.name(), "ALT-2026-0001", "REGISTERED", "altanbulag",
                List.of("TRADE"), LocalDate.of(2026, 12, 4), null, CanonicalJson.mapper().createObjectNode(), List.of(7L));
        when(register.all(RegisterKind.GOVERNOR)).thenReturn(List.of(g));
        when(register.entry(any(), anyString())).thenReturn(Optional.empty());
        when(register.entry(RegisterKind.ENTITY, REGISTRATION.value())).thenReturn(Optional.of(entity));
        extract = new RegisterExtract(WebFixtures.messages(), WebFixtures.dates(Clock.fixed(GRANTED, ZoneOffset.UTC)), register);
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    static Properties load(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = RegisterExtractTest.class.getResourceAsStream("/i18n/messages_" + lang + ".properties");
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }

    /** Every published payload type and what of it is public (the same mappers the log uses). */
    static Map<Class<?>, Function<JsonNode, Optional<JsonNode>>> published() throws ClassNotFoundException {
        Map<Class<?>, Function<JsonNode, Optional<JsonNode>>> all = new HashMap<>();
        for (var e : PermitPublicRecords.mappers().entrySet()) {
            all.put(Class.forName(e.getKey()), e.getValue());
        }
        for (var e : FreeZonePublicRecords.mappers().entrySet()) {
            all.put(Class.forName(e.getKey()), e.getValue());
        }
        for (Class<?> whole : List.of(PublicHolidayDeclared.class, WorkingDayDeclared.class, YearConfirmed.class, RoleGranted.class, RoleRevoked.class)) {
            all.put(whole, Optional::of);
        }
        return all;
    }

    @Test
    @DisplayName("every field a public record publishes (and every field of the company, certificate and entity it opens) has a label in Mongolian and English")
    void every_published_field_has_a_label() throws Exception {
        Properties mn = load("mn");
        Properties en = load("en");
        List<String> missing = new ArrayList<>();
        for (var e : published().entrySet()) {
            ObjectNode all = CanonicalJson.mapper().createObjectNode();
            for (RecordComponent c : e.getKey().getRecordComponents()) {
                all.put(c.getName(), "x");
            }
            JsonNode kept = e.getValue().apply(all).orElseThrow();
            for (RecordComponent c : e.getKey().getRecordComponents()) {
                if (kept.has(c.getName())) {
                    labels(c, e.getKey().getSimpleName(), mn, en, missing);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static void labels(RecordComponent c, String where, Properties mn, Properties en, List<String> missing) {
        String field = c.getName();
        if (RegisterExtract.NOT_SHOWN.contains(field)) {
            return;
        }
        if (!mn.containsKey("detail." + field) || !en.containsKey("detail." + field)) {
            missing.add(where + "." + field);
        }
        if (RegisterExtract.OPENED.contains(field) && c.getType().isRecord() && c.getType().getRecordComponents().length > 1) {
            for (RecordComponent inner : c.getType().getRecordComponents()) {
                if (!inner.getName().equals("name")) {
                    labels(inner, where + "." + field, mn, en, missing);
                }
            }
        }
    }

    @Test
    @DisplayName("a field without a label shows as ??detail.field_lang??, which the browser's missing-key check finds, never as the bare field name")
    void a_missing_label_is_visible() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(extract.label("establishedUnderMongolianLaw")).isEqualTo("Established under Mongolian law");
        assertThat(extract.label("notAPublishedField")).isEqualTo("??detail.notAPublishedField_en??");
        ObjectNode payload = CanonicalJson.mapper().createObjectNode().put("notAPublishedField", "x");
        assertThat(extract.facts(payload)).extracting(RegisterExtract.Fact::label).containsExactly("??detail.notAPublishedField_en??");
    }

    private JsonNode permitIssued() {
        PermitIssued issued = new PermitIssued(ApplicationId.of(UUID.fromString("00000000-0000-4000-8000-000000000001")), new PermitNumber("P-2026-000001"),
                RegisterExtract.MINISTRY_EN, new Company("Tenger Trust LLC", "6400001", true, "Seoul Street 5, Ulaanbaatar"),
                "issuing electronic-signature certificates", LocalDate.of(2026, 12, 4), LocalDate.of(2031, 12, 3), List.of("keep the CA offline"),
                GRANTED, new PersonId("supervisor-1"), "ab".repeat(32));
        return record(PermitIssued.class, issued, "supervisor-1");
    }

    private static JsonNode record(Class<?> type, Object payload, String official) {
        Function<JsonNode, Optional<JsonNode>> mapper = PermitPublicRecords.mappers().getOrDefault(type.getName(),
                FreeZonePublicRecords.mappers().get(type.getName()));
        ObjectNode record = CanonicalJson.mapper().createObjectNode();
        record.put("type", type.getName());
        record.put("timestamp", GRANTED.toString());
        record.set("payload", mapper.apply(CanonicalJson.mapper().valueToTree(payload)).orElseThrow());
        record.put("actingOfficial", official);
        return record;
    }

    private static Map<String, String> byLabel(List<RegisterExtract.Fact> facts) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        facts.forEach(f -> map.put(f.label(), f.value()));
        return map;
    }

    @Test
    @DisplayName("002 art. 26.4, 26.6: a permit grant reads as an extract: the Ministry by name, Yes for the Mongolian company, the official by title, no id, no null")
    void permit_grant_reads_as_an_extract() {
        JsonNode record = permitIssued();
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        Map<String, String> facts = byLabel(extract.facts(record.path("payload")));
        assertThat(facts).containsEntry("Issuer", "the Ministry of Digital Development, Innovation and Communications")
                .containsEntry("Holder", "Tenger Trust LLC").containsEntry("State registration number", "6400001")
                .containsEntry("Established under Mongolian law", "Yes").containsEntry("Valid until", "3 Dec 2031")
                .containsEntry("Signing official", "an official of the Ministry");
        assertThat(facts.toString()).doesNotContain("supervisor-1").doesNotContain("null").doesNotContain("00000000-0000")
                .doesNotContain("establishedUnderMongolianLaw");
        assertThat(extract.step(5, record).sentence())
                .isEqualTo("Permit granted by the Ministry of Digital Development, Innovation and Communications on 4 Dec 2026, valid until 3 Dec 2031.");
        assertThat(extract.step(5, record).official()).isEqualTo("an official of the Ministry");

        LocaleContextHolder.setLocale(Locale.forLanguageTag("mn"));
        Map<String, String> mn = byLabel(extract.facts(record.path("payload")));
        assertThat(mn).containsEntry("Олгогч", "Цахим хөгжил, инновац, харилцаа холбооны яам")
                .containsEntry("Монгол Улсын хуулийн дагуу үүсгэн байгуулагдсан", "Тийм").containsEntry("Хүчинтэй дуусах", "2031.12.03");
        assertThat(extract.step(5, record).sentence()).isEqualTo("Цахим хөгжил, инновац, харилцаа холбооны яам 2026.12.04-нд тусгай зөвшөөрөл олгосон, 2031.12.03 хүртэл хүчинтэй.");
    }

    @Test
    @DisplayName("002 art. 23.3 (ADR 0046 item 96): a transfer reads with the day its reorganisation took effect, public as the state register "
            + "publishes it; one stored before the day was named reads as it did")
    void a_transfer_reads_with_the_day_its_reorganisation_took_effect() {
        ApplicationId id = ApplicationId.of(UUID.fromString("00000000-0000-4000-8000-000000000001"));
        Company from = new Company("Tenger Trust LLC", "6400001", true, "Seoul Street 5, Ulaanbaatar");
        Company to = new Company("Tenger Trust Holding LLC", "6400002", true, "Seoul Street 5, Ulaanbaatar");
        JsonNode dated = record(PermitTransferred.class, new PermitTransferred(id, from, to, Reorganisation.MERGER, "ab".repeat(32), GRANTED,
                new PersonId("supervisor-1"), LocalDate.of(2026, 12, 1), null), "supervisor-1");
        JsonNode stored = record(PermitTransferred.class, new PermitTransferred(id, from, to, Reorganisation.MERGER, "ab".repeat(32), GRANTED,
                new PersonId("supervisor-1"), null, null), "supervisor-1");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(byLabel(extract.facts(dated.path("payload")))).containsEntry("Reorganisation took effect", "1 Dec 2026");
        assertThat(extract.step(6, dated).sentence()).isEqualTo("Permit transferred by the Ministry of Digital Development, Innovation and "
                + "Communications on 4 Dec 2026 from Tenger Trust LLC to Tenger Trust Holding LLC (merger, which took effect on 1 Dec 2026).");
        assertThat(extract.step(6, stored).sentence()).isEqualTo("Permit transferred by the Ministry of Digital Development, Innovation and "
                + "Communications on 4 Dec 2026 from Tenger Trust LLC to Tenger Trust Holding LLC (merger).");
        LocaleContextHolder.setLocale(Locale.forLanguageTag("mn"));
        assertThat(extract.step(6, dated).sentence()).contains("2026.12.01-нд хүчин төгөлдөр болсон").doesNotContain("??");
        assertThat(extract.step(6, stored).sentence()).doesNotContain("хүчин төгөлдөр").doesNotContain("??");
    }

    @Test
    @DisplayName("003 art. 12.2, 22.2, 12.5: a Free Zone registration, land grant and deregistration read with zone and governor names, words for TENDER and the article in Mongolian")
    void free_zone_records_read_with_names_and_words() {
        ZoneCertificate certificate = new ZoneCertificate("ALT-2026-0001", REGISTRATION, KHARAA, Activity.TRADE, LocalDate.of(2026, 12, 4), ALTANBULAG);
        JsonNode registered = record(RegistrationEvents.EntityRegistered.class, new RegistrationEvents.EntityRegistered(REGISTRATION, certificate, GRANTED,
                new PersonId("governor-altanbulag")), "governor-altanbulag");
        JsonNode granted = record(LandEvents.LandRightsGranted.class, new LandEvents.LandRightsGranted(ALTANBULAG, LandLicenceId.of(ALTANBULAG, 1), REGISTRATION,
                "Parcel A-1", GeoPolygon.of(106.44, 50.315, 106.445, 50.315, 106.445, 50.318, 106.44, 50.318), new BigDecimal("12.5"), "Bonded warehouse",
                LocalDate.of(2026, 12, 11), LocalDate.of(2036, 12, 10), LandCommands.AllocationMethod.TENDER, Money.mnt(5_000_000), "A/12", GRANTED,
                new PersonId("governor-altanbulag"), LandApplicationId.of(ALTANBULAG, 1)), "governor-altanbulag");
        JsonNode deregistered = record(RegistrationEvents.EntityDeregistered.class, new RegistrationEvents.EntityDeregistered(REGISTRATION, ALTANBULAG,
                DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, "003 art. 12.5.1", "no operations", GRANTED, true, false, null), null);

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        Map<String, String> entity = byLabel(extract.facts(registered.path("payload")));
        assertThat(entity).containsEntry("Entity", KHARAA.name()).containsEntry("Valid only in", "Altanbulag Free Trade Zone")
                .containsEntry("Jurisdiction", "Mongolian").containsEntry("Activity", "Trade")
                .containsEntry("Registered by", "Bat-Erdene Dorj, governor of Altanbulag Free Trade Zone");
        assertThat(byLabel(extract.facts(granted.path("payload")))).containsEntry("Method", "Project selection (tender)")
                .containsEntry("Holder", KHARAA.name()).containsEntry("Nominal value", "5 000 000 MNT").containsEntry("Zone", "Altanbulag Free Trade Zone");
        assertThat(extract.step(8, granted).sentence()).contains("Parcel A-1").contains(KHARAA.name()).contains("Project selection (tender)")
                .contains("11 Dec 2026").contains("Bat-Erdene Dorj");
        assertThat(byLabel(extract.facts(deregistered.path("payload")))).containsEntry("Article", "Law on Free Zone, art. 12.5.1")
                .containsEntry("Land rights revoked with it", "Yes");

        LocaleContextHolder.setLocale(Locale.forLanguageTag("mn"));
        Map<String, String> mn = byLabel(extract.facts(deregistered.path("payload")));
        assertThat(mn).containsEntry("Зүйл", "Чөлөөт бүсийн тухай хууль, 12.5.1-р зүйл").containsEntry("Бүс", "Алтанбулаг худалдааны чөлөөт бүс");
        assertThat(extract.step(9, deregistered).sentence()).startsWith(KHARAA.name()).contains("Чөлөөт бүсийн тухай хууль, 12.5.1-р зүйл")
                .doesNotContain("003 art.");
        String everything = String.join(" ", byLabel(extract.facts(registered.path("payload"))).toString(), byLabel(extract.facts(granted.path("payload"))).toString(),
                extract.step(7, registered).toString(), extract.step(8, granted).toString(), mn.toString());
        assertThat(everything).doesNotContain("altanbulag:mn-").doesNotContain("governor-altanbulag").doesNotContain("null").doesNotContain("TENDER")
                .doesNotContain("??");
    }

    // --- the acts of a case's history, as its applicant and the desk read them ------------------------------------------

    /** The stored sample of every event type (command-side's previous-release.jsonl, complete by StoredEventSamplesTest). */
    static List<String[]> storedSamples() throws IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("").toAbsolutePath();
        while (dir != null && !java.nio.file.Files.exists(dir.resolve("command-side/src/test/resources/events/previous-release.jsonl"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the project root above " + java.nio.file.Path.of("").toAbsolutePath()).isNotNull();
        List<String[]> samples = new ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(dir.resolve("command-side/src/test/resources/events/previous-release.jsonl"))) {
            if (!line.isBlank()) {
                samples.add(line.split(" ", 2));
            }
        }
        return samples;
    }

    @Test
    @DisplayName("every act a permit case or a Free Zone registration keeps in its history reads in words in both languages: a title, a label for each field, no code, no map, no missing key")
    void every_act_of_a_case_reads_in_words() throws Exception {
        List<String> wrong = new ArrayList<>();
        int acts = 0;
        for (String[] sample : storedSamples()) {
            String className = sample[0];
            if (!className.contains(".kernel.permit.") && !className.contains("RegistrationEvents$") && !className.contains("LandEvents$")) {
                continue;
            }
            acts++;
            String type = className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
            @SuppressWarnings("unchecked")
            Map<String, Object> event = CanonicalJson.mapper().readValue(sample[1], Map.class);
            for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("mn"))) {
                LocaleContextHolder.setLocale(locale);
                String title = extract.actTitle(type);
                if (title.contains("??") || title.equals(type)) {
                    wrong.add(type + " title " + title);
                }
                for (RegisterExtract.Fact f : extract.actFacts(event, List.of())) {
                    if (f.label().contains("??") || f.value().contains("??") || f.value().contains("={") || f.value().contains("Document{")) {
                        wrong.add(type + "." + f.field() + " [" + locale + "] " + f.label() + ": " + f.value());
                    }
                }
            }
        }
        assertThat(acts).as("acts of permit cases and registrations among the samples").isGreaterThan(40);
        assertThat(wrong).isEmpty();
    }

    @Test
    @DisplayName("002 art. 26.3: a refusal reads to its applicant as its reasons in words (the requirement's name, the explanation), the time in Ulaanbaatar, no internal id")
    void a_refusal_reads_as_its_reasons() {
        mn.registry.kernel.permit.PermitApplicationRefused refused = new mn.registry.kernel.permit.PermitApplicationRefused(
                ApplicationId.of(UUID.fromString("00000000-0000-4000-8000-000000000003")),
                List.of(new mn.registry.kernel.permit.RefusalReason(mn.registry.kernel.permit.PermitRequirement.CORRESPONDENT_BANK_REFERENCE,
                        "the reference is older than three months")),
                GRANTED, new PersonId("reviewer-1"), "002 art. 26.3");
        @SuppressWarnings("unchecked")
        Map<String, Object> event = CanonicalJson.mapper().convertValue(refused, Map.class);
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(extract.actTitle("PermitApplicationRefused")).isEqualTo("Application refused");
        Map<String, String> en = byLabel(extract.actFacts(event, List.of("applicationId")));
        assertThat(en).containsEntry("Reasons", "Correspondent bank reference — the reference is older than three months")
                .containsEntry("Refused", "4 Dec 2026 10:00 (UTC+8)");
        assertThat(en.values()).noneMatch(v -> v.contains("reviewer-1") || v.contains("CORRESPONDENT_BANK_REFERENCE"));
        LocaleContextHolder.setLocale(Locale.forLanguageTag("mn"));
        assertThat(extract.actTitle("PermitApplicationRefused")).isEqualTo("Өргөдлөөс татгалзсан");
        assertThat(extract.actFacts(event, List.of("applicationId"))).extracting(RegisterExtract.Fact::value)
                .contains("Харилцагч банкны тодорхойлолт — the reference is older than three months");
        // a published act keeps the public record's title
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(extract.actTitle("PermitIssued")).isEqualTo("Special permit granted");
    }

    @Test
    @DisplayName("003 art. 8.2: the staff's pages name a serving governor by the published name beside the id the forms ask for; an unknown id stays an id")
    void a_governor_reads_by_name_and_id() {
        assertThat(extract.governorName("governor-altanbulag")).isEqualTo("Bat-Erdene Dorj (governor-altanbulag)");
        assertThat(extract.governorName("governor-nowhere")).isEqualTo("governor-nowhere");
    }

    @Test
    @DisplayName("003 art. 22: the governor's land page names a holder by its registered name beside its registration id; an id the register does not hold stays an id")
    void an_entity_reads_by_name_and_id() {
        assertThat(extract.entityLabel(REGISTRATION.value())).isEqualTo(KHARAA.name() + " (" + REGISTRATION.value() + ")");
        assertThat(extract.entityLabel("altanbulag:mn-0000000")).isEqualTo("altanbulag:mn-0000000");
    }
}
