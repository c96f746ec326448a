package mn.registry.web.site;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.publicregister.PublicRegister;
import mn.registry.publicregister.RegisterEntry;
import mn.registry.publicregister.RegisterKind;
import mn.registry.web.WebDates;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A public record read as a register extract, in the page's language (ADR 0021): every published field under a
 * translated label, names instead of ids (zones, entities, the Ministry, officials by their published name or title,
 * never an internal id), dates in Ulaanbaatar time, words instead of codes, article references in the language's own
 * words, and the history as sentences ("Permit granted by the Ministry on 4 Dec 2026, valid until 3 Dec 2031").
 * A field without a label shows as {@code ??detail.field_lang??}, as Thymeleaf shows a missing key, so the
 * browser's missing-key check finds it (a label never falls back to the field's own name).
 */
@Component
class RegisterExtract {

    /** One line of an extract: the published field, its label and its value in words. */
    public record Fact(String field, String label, String value) {
    }

    /** One published record of a history: log index, time, who acted and what was done, in a sentence. */
    record Step(long index, String type, String title, String timestamp, String time, String official, String sentence) {
    }

    /** Internal references that the extract shows as names elsewhere, and shapes that are drawn on the map instead. */
    static final Set<String> NOT_SHOWN = Set.of("applicationId", "registrationId", "boundary", "parcel", "holderName", "licenceId",
            "displayName", "type");
    /** Fields that name a person by id: shown as the official's published name or title. */
    static final Set<String> PERSONS = Set.of("signingOfficial", "decidedBy", "registeredBy", "recordedBy", "appointedBy", "dismissedBy",
            "grantedBy", "issuedBy", "deregisteredBy", "revokedBy", "rejectedBy", "signedBy", "governor", "personId", "setBy", "confirmedBy");
    /** Fields that name a zone by id. */
    static final Set<String> ZONES = Set.of("zoneId", "validOnlyIn");
    /** Nested objects read field by field under their own labels (a company, a certificate, the entity it names). */
    static final Set<String> OPENED = Set.of("holder", "certificate", "entity");
    /** Nested companies named only (their details are on their own register page). */
    static final Set<String> NAMED = Set.of("previousHolder", "successor");
    /** Enumerated codes and the message prefix of their words; a ground is a suspension's, a revocation's or a deregistration's. */
    static final Map<String, List<String>> CODES = Map.ofEntries(
            Map.entry("activity", List.of("activity.")), Map.entry("activities", List.of("activity.")), Map.entry("method", List.of("method.")),
            Map.entry("jurisdiction", List.of("jurisdiction.")), Map.entry("reorganisation", List.of("reorganisation.")), Map.entry("role", List.of("role.")),
            Map.entry("ground", List.of("suspension.", "revocation.", "ground.")), Map.entry("requirement", List.of("requirement.")),
            Map.entry("kind", List.of("document.", "zoneDocument.")), Map.entry("kinds", List.of("document.")), Map.entry("duty", List.of("duty.")));
    /**
     * What an act of a case's history ({@link #actFacts}) does not show: the signer (the history's own column), the
     * officials an act names by internal id, and internal references (a deadline's key, another case's id).
     */
    static final Set<String> NOT_SHOWN_IN_ACTS = Set.of("decidedBy", "refusedBy", "filedBy", "requestedBy", "raisedBy", "reportedBy",
            "withdrawnBy", "inspector", "signedBy", "recordedBy", "registeredBy", "rejectedBy", "grantedBy", "issuedBy", "revokedBy",
            "deregisteredBy", "appointedBy", "dismissedBy", "setBy", "signingOfficial", "applicant", "deadlineId", "successorPermit",
            "commandSignatureSha256", "confirmedBy");
    /** The issuer the command side writes into every permit (PermitApplication.ISSUER), shown in the page's language. */
    static final String MINISTRY_EN = "Ministry of Digital Development, Innovation and Communications of Mongolia";

    private final MessageSource messages;
    private final WebDates dates;
    private final PublicRegister register;

    RegisterExtract(MessageSource messages, WebDates dates, PublicRegister register) {
        this.messages = messages;
        this.dates = dates;
        this.register = register;
    }

    static Locale locale() {
        Locale l = LocaleContextHolder.getLocale();
        return l != null && "en".equals(l.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("mn");
    }

    /** A message in the page's language, or {@code ??key_lang??} when it is missing (visible to the missing-key test). */
    String msg(String key, Object... args) {
        Locale locale = locale();
        try {
            return messages.getMessage(key, args, locale);
        } catch (NoSuchMessageException e) {
            return "??" + key + "_" + locale.getLanguage() + "??";
        }
    }

    private Optional<String> msgOrEmpty(String key, Object... args) {
        try {
            return Optional.of(messages.getMessage(key, args, locale()));
        } catch (NoSuchMessageException e) {
            return Optional.empty();
        }
    }

    // --- an entry and its record -------------------------------------------------------------------------------------

    /** The register entry's facts: number, status, dates, then every public detail (latest value of each). */
    List<Fact> facts(RegisterEntry e) {
        List<Fact> facts = new ArrayList<>();
        add(facts, "number", msg("field.number"), e.number());
        add(facts, "status", msg("field.status"), msgOrEmpty("registerStatus." + e.status()).orElse(e.status()));
        add(facts, "since", msg("field.since"), dates.date(e.since()));
        add(facts, "until", msg("field.until"), dates.date(e.until()));
        // what the entry's number, since and until already say is not said again
        Set<String> skip = e.kind() == RegisterKind.ZONE ? Set.of("zoneId")
                : e.kind() == RegisterKind.PERMIT ? Set.of("permitNumber", "validFrom", "validUntil") : Set.of();
        details(e.details(), facts, skip, e.kind(), false);
        // the certificate's number is the entry's number: said once
        facts.removeIf(f -> f.field().equals("number") && facts.indexOf(f) > 0 && f.value().equals(e.number()));
        return facts;
    }

    /** A published record's payload as facts. */
    List<Fact> facts(JsonNode payload) {
        List<Fact> facts = new ArrayList<>();
        details(payload, facts, Set.of(), null, false);
        return facts;
    }

    // --- an act of a case's history, for the people of the case -------------------------------------------------------

    /**
     * The title of an act of a case's history in the page's language: the public record's ({@code record.<type>}) where
     * the act is published, else {@code act.<type>}; {@code ??act.<type>_lang??} when neither is there (visible to the
     * missing-key checks), never the event's class name.
     */
    public String actTitle(String type) {
        return msgOrEmpty("record." + type).orElseGet(() -> msg("act." + type));
    }

    /**
     * An act of a case's history as its read model keeps it (the event as a document) in words: each field under its
     * label, codes as words, dates in Ulaanbaatar time, amounts as money, and a list of objects (a refusal's reasons, the
     * documents received) one item after the other, each item's values in words; without {@code skip},
     * {@link #NOT_SHOWN} and {@link #NOT_SHOWN_IN_ACTS}.
     */
    public List<Fact> actFacts(Map<String, ?> event, java.util.Collection<String> skip) {
        List<Fact> facts = new ArrayList<>();
        if (event != null) {
            Set<String> hidden = new java.util.HashSet<>(skip);
            hidden.addAll(NOT_SHOWN_IN_ACTS);
            details(tree(event), facts, hidden, null, true);
        }
        return facts;
    }

    /** A read model's value (maps, lists, strings, numbers, booleans, BSON decimals) as a JSON tree. */
    static JsonNode tree(Object value) {
        com.fasterxml.jackson.databind.node.JsonNodeFactory nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        if (value instanceof Map<?, ?> map) {
            com.fasterxml.jackson.databind.node.ObjectNode object = nodes.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), tree(v)));
            return object;
        }
        if (value instanceof Iterable<?> list) {
            com.fasterxml.jackson.databind.node.ArrayNode array = nodes.arrayNode();
            list.forEach(v -> array.add(tree(v)));
            return array;
        }
        if (value instanceof org.bson.types.Decimal128 d) {
            return nodes.numberNode(d.bigDecimalValue());
        }
        if (value instanceof BigDecimal d) {
            return nodes.numberNode(d);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof java.math.BigInteger) {
            return nodes.numberNode(new BigDecimal(value.toString()));
        }
        if (value instanceof Number n) {
            return nodes.numberNode(n.doubleValue());
        }
        if (value instanceof Boolean b) {
            return nodes.booleanNode(b);
        }
        return value == null ? nodes.nullNode() : nodes.textNode(value.toString());
    }

    /** One object of a list in words: its facts' values, as the object's own fields would read, one after the other. */
    private String item(JsonNode object, Set<String> skip) {
        List<Fact> facts = new ArrayList<>();
        details(object, facts, skip, null, true);
        return String.join(" — ", facts.stream().map(Fact::value).toList());
    }


    private void details(JsonNode node, List<Fact> facts, Set<String> skip, RegisterKind kind, boolean objectItems) {
        node.fields().forEachRemaining(f -> {
            String field = f.getKey();
            JsonNode v = f.getValue();
            if (skip.contains(field) || NOT_SHOWN.contains(field) || v == null || v.isNull() || v.isMissingNode()) {
                return;
            }
            if (field.equals("holder") && v.isTextual()) {
                // a land licence's holder is an entity's registration: its name
                String name = node.path("holderName").asText(null);
                add(facts, field, label(field), name != null ? name : entityName(v.asText()).orElse(msg("extract.entity.unnamed")));
            } else if (field.equals("winner") && v.isTextual()) {
                // 003 art. 22.4 (ADR 0035 item 131, F541): the tender's or auction's winner is an entity's registration: its name
                add(facts, field, label(field), entityName(v.asText()).orElse(msg("extract.entity.unnamed")));
            } else if (field.equals("landBaseValuePending") && v.isObject()) {
                // 003 art. 22.3 (ADR 0035 item 149, choice; F585, was O451): the lower value awaiting its second signature, and until when: its
                // last day on the calendar in force now (as the land register judges a confirmation), or lapsed, not confirmed, after it
                details(v, facts, skip, kind, objectItems);
                java.time.LocalDate until = dates.baseValueAwaitsUntil(v.path("landBaseValuePendingRecordedAt").asText(""));
                if (until != null) {
                    add(facts, "landBaseValuePendingUntil", label("landBaseValuePendingUntil"), dates.today().isAfter(until)
                            ? msg("extract.landBaseValueLapsed", dates.date(until)) : msg("extract.landBaseValueAwaitsUntil", dates.date(until)));
                }
            } else if (OPENED.contains(field) && v.isObject()) {
                if (v.has("name")) {
                    add(facts, field, label(field), v.path("name").asText());
                }
                details(withoutName(v), facts, skip, kind, objectItems);
            } else if (v.isObject() && v.has("amount") && v.has("currency")) {
                add(facts, field, label(field), money(v));
            } else if (v.isObject() && v.has("name")) {
                add(facts, field, label(field), v.path("name").asText());
            } else if (v.isObject()) {
                details(v, facts, skip, kind, objectItems);
            } else if (field.equals("landBaseValuesEarlier") && v.isArray()) {
                // 003 art. 22.3 (ADR 0035 item 120, F552): each earlier basic value with its decision and its period, in words
                List<String> items = new ArrayList<>();
                v.forEach(x -> items.add(msg("extract.landBaseValueEarlier", money(x.path("perHectare")), x.path("decision").asText(),
                        value("decidedOn", x.path("decidedOn")), value("from", x.path("from")), value("until", x.path("until")))));
                add(facts, field, label(field), String.join("; ", items));
            } else if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(x -> {
                    if (x.isValueNode()) {
                        items.add(value(field, x));
                    } else if (objectItems && x.isObject()) {
                        items.add(item(x, skip));
                    }
                });
                if (!items.isEmpty()) {
                    add(facts, field, label(field), String.join(field.equals("conditions") || objectItems ? "; " : ", ", items));
                }
            } else {
                add(facts, field, label(field), value(field, v));
            }
        });
    }

    private static JsonNode withoutName(JsonNode v) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = v.deepCopy();
        copy.remove("name");
        return copy;
    }

    private static void add(List<Fact> facts, String field, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new Fact(field, label, value));
        }
    }

    /** The translated label of a published field; {@code ??detail.field_lang??} when there is none. */
    String label(String field) {
        return msg("detail." + field);
    }

    /** A value in words: an official's name, a zone's name, a code's word, yes/no, a date, an article of the law. */
    String value(String field, JsonNode v) {
        String text = v.asText();
        if (v.isBoolean()) {
            return msg(v.asBoolean() ? "extract.yes" : "extract.no");
        }
        if (PERSONS.contains(field)) {
            return official(text, field);
        }
        if (ZONES.contains(field)) {
            return zoneName(text);
        }
        if (CODES.containsKey(field)) {
            for (String prefix : CODES.get(field)) {
                Optional<String> word = msgOrEmpty(prefix + text);
                if (word.isPresent()) {
                    return word.get();
                }
            }
            return text;
        }
        if (field.equals("issuer")) {
            return issuer(text);
        }
        if (field.equals("areaHectares") || field.equals("areaHectaresLicensed")) {
            return msg("zone.hectares", number(v.decimalValue()));
        }
        return articles(dates.value(text));
    }

    /** The Ministry's name in the page's language when the permit names it as the command side writes it. */
    String issuer(String text) {
        return MINISTRY_EN.equals(text) ? msg("extract.ministry") : text;
    }

    /** "003 art. 12.5.1" as "Law on Free Zone, art. 12.5.1" or "Чөлөөт бүсийн тухай хууль, 12.5.1-р зүйл". */
    public String articles(String text) {
        return text == null ? "" : mn.registry.web.LawNames.inWords(text, locale(), key -> msgOrEmpty(key).orElse(null));
    }


    private static String money(JsonNode v) {
        return mn.registry.web.Amounts.money(v);
    }

    private static String number(BigDecimal n) {
        return mn.registry.web.Amounts.number(n);
    }

    // --- names instead of ids ------------------------------------------------------------------------------------------

    /** A zone's name in the page's language ({@code zoneName.<id>} where the registry knows one), else as published. */
    public String zoneName(String zoneId) {
        return msgOrEmpty("zoneName." + zoneId).orElseGet(() -> register.entry(RegisterKind.ZONE, zoneId).map(RegisterEntry::name)
                .orElse(msg("extract.zone.unnamed")));
    }

    /**
     * A governor for the staff's pages: the name the log published at the appointment with the person id the forms ask
     * for ({@code "Bat-Erdene Dorj (governor-altanbulag)"}), else the id alone.
     */
    public String governorName(String personId) {
        return publishedGovernor(personId).map(g -> g.name() + " (" + personId + ")").orElse(personId);
    }

    /** The register's entry of the governor {@code personId}, with the name the log published at the appointment. */
    private Optional<RegisterEntry> publishedGovernor(String personId) {
        return register.all(RegisterKind.GOVERNOR).stream()
                .filter(g -> personId.equals(g.details().path("governor").asText()) && g.name() != null).findFirst();
    }

    /** An entity for the staff's pages: its registered name with the registration id ({@code "Tuul Felt LLC (altanbulag:mn-6207712)"}), else the id alone. */
    public String entityLabel(String registrationId) {
        return registrationId == null ? "" : entityName(registrationId).map(n -> n + " (" + registrationId + ")").orElse(registrationId);
    }

    Optional<String> entityName(String registrationId) {
        return register.entry(RegisterKind.ENTITY, registrationId).map(RegisterEntry::name);
    }

    /**
     * An official by the name the log published (a governor's name from the appointment), else by the title of the
     * body they act for; never by the registry's internal person id.
     */
    String official(String personId, String field) {
        if (personId == null || personId.isBlank()) {
            return msg("extract.official.registry");
        }
        Optional<RegisterEntry> governor = publishedGovernor(personId);
        if (governor.isPresent()) {
            return msg("extract.official.governor", governor.get().name(), zoneName(governor.get().zoneId()));
        }
        if (Set.of("appointedBy", "dismissedBy", "recordedBy", "confirmedBy").contains(field)) {
            return msg("extract.official.cabinet");
        }
        if (Set.of("signingOfficial", "decidedBy", "revokedBy").contains(field)) {
            return msg("extract.official.ministry");
        }
        return msg("extract.official.unnamed");
    }

    /** Who acted for a record: the acting official's published name or the body's title. */
    String actedBy(JsonNode record) {
        String type = type(record);
        String person = record.path("actingOfficial").asText(null);
        if (person == null) {
            return msg("extract.official.registry");
        }
        String field = type.startsWith("Permit") ? "decidedBy" : type.startsWith("Zone") || type.startsWith("Governor") ? "appointedBy" : "";
        return official(person, field);
    }

    static String type(JsonNode record) {
        String type = record.path("type").asText();
        return type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
    }

    // --- the history in sentences ---------------------------------------------------------------------------------------

    Step step(long index, JsonNode record) {
        String type = type(record);
        String timestamp = record.path("timestamp").asText(null);
        return new Step(index, type, msgOrEmpty("record." + type).orElse(msg("record.other")), timestamp, dates.time(timestamp), actedBy(record),
                sentence(type, record));
    }

    /** The record as a sentence of the register, e.g. "Permit granted by the Ministry on 4 Dec 2026, valid until 3 Dec 2031." */
    String sentence(String type, JsonNode record) {
        JsonNode p = record.path("payload");
        String timestamp = record.path("timestamp").asText("");
        String on = timestamp.isEmpty() ? "" : dates.date(mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(java.time.Instant.parse(timestamp)));
        String by = actedBy(record);
        Object[] args = switch (type) {
            case "PermitIssued" -> new Object[]{issuer(p.path("issuer").asText()), on, dates.date(p.path("validUntil").asText(null)), p.path("holder").path("name").asText("")};
            case "PermitExtended", "PermitExtendedAfterExpiry" -> new Object[]{msg("extract.ministry"), on, dates.date(p.path("validUntil").asText(null))};
            case "PermitSuspended" -> new Object[]{msg("extract.ministry"), on, dates.date(p.path("from").asText(null)), dates.date(p.path("until").asText(null)),
                    value("ground", p.path("ground"))};
            case "PermitRestored", "RevocationComplaintDecided" -> new Object[]{msg("extract.ministry"), on};
            case "ReinstatementPublished" -> new Object[]{msg("extract.ministry"), on, p.hasNonNull("decidedAt")
                    ? dates.date(mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(java.time.Instant.parse(p.path("decidedAt").asText()))) : ""};
            case "PermitRevoked" -> new Object[]{msg("extract.ministry"), on, value("ground", p.path("ground"))};
            case "PermitExpired" -> new Object[]{dates.date(p.path("validUntil").asText(null))};
            case "PermitTransferred" -> new Object[]{msg("extract.ministry"), on, p.path("previousHolder").path("name").asText(""),
                    p.path("successor").path("name").asText(""), value("reorganisation", p.path("reorganisation")),
                    dates.date(p.path("reorganisedOn").asText(null))};
            case "ZoneEstablished" -> new Object[]{zoneName(p.path("zoneId").asText()), on, p.path("resolution").asText("")};
            case "ZoneOpened", "ZoneTemporarilyClosed" -> new Object[]{zoneName(p.path("zoneId").asText()), on, p.path("decision").asText("")};
            case "ZoneResolutionDateRecorded" -> new Object[]{zoneName(p.path("zoneId").asText()), on, dates.date(p.path("resolutionDate").asText(null))};
            case "GovernorAppointed" -> new Object[]{p.path("displayName").asText(""), zoneName(p.path("zoneId").asText()), dates.value(p.path("from").asText(""))};
            case "GovernorDismissed" -> new Object[]{official(p.path("governor").asText(), "governor"), zoneName(p.path("zoneId").asText()), on};
            case "EntityRegistered" -> new Object[]{p.path("certificate").path("entity").path("name").asText(""),
                    zoneName(p.path("certificate").path("validOnlyIn").asText()), on, p.path("certificate").path("number").asText(""), by};
            case "EntityDeregistered" -> new Object[]{entityName(p.path("registrationId").asText()).orElse(msg("extract.entity.unnamed")), on,
                    value("ground", p.path("ground")), articles(p.path("article").asText(""))};
            case "LandRightsGranted" -> new Object[]{p.path("parcelName").asText(""),
                    entityName(p.path("holder").asText()).orElse(msg("extract.entity.unnamed")), on, dates.date(p.path("from").asText(null)),
                    dates.date(p.path("until").asText(null)), value("method", p.path("method")), by};
            case "LandLicenceIssued" -> new Object[]{p.path("licenceId").asText(""), on, p.path("feePaid").has("amount") ? money(p.path("feePaid")) : ""};
            case "LandRightsRevoked" -> new Object[]{p.path("licenceId").asText(""), on, articles(p.path("article").asText(""))};
            case "LandRightsLapsed" -> new Object[]{p.path("licenceId").asText(""), on, p.path("feeDueBy").asText("")};
            // 003 art. 22.3 (ADR 0035 item 116, F538): the zone's basic value of land, per hectare, in force from the registry's receipt
            case "LandBaseValueRecorded" -> new Object[]{zoneName(p.path("zoneId").asText()), on, p.path("perHectare").has("amount")
                    ? money(p.path("perHectare")) : "", p.path("decision").asText(""), dates.date(p.path("decidedOn").asText(null))};
            // 003 art. 22.3 (ADR 0035 item 144, F574): the second Cabinet member's confirmation of a lower value, in force from this record
            case "LandBaseValueConfirmed" -> new Object[]{zoneName(p.path("zoneId").asText()), on, p.path("perHectare").has("amount")
                    ? money(p.path("perHectare")) : "", p.path("decision").asText("")};
            // 003 art. 22.4, 22.5 (ADR 0035 item 131, F541): the result of a tender or auction, the entity it selected and the nominal value
            case "LandSelectionResultRecorded" -> new Object[]{entityName(p.path("winner").asText()).orElse(msg("extract.entity.unnamed")), on,
                    value("method", p.path("method")), p.path("nominalValue").has("amount") ? money(p.path("nominalValue")) : "", by};
            // 003 art. 22.4, 22.5 (ADR 0035 item 147, F582): the result annulled before a grant, with its reasons and date
            case "LandSelectionResultAnnulled" -> new Object[]{entityName(p.path("winner").asText()).orElse(msg("extract.entity.unnamed")), on,
                    value("method", p.path("method")), p.path("nominalValue").has("amount") ? money(p.path("nominalValue")) : "", by,
                    p.path("reasons").asText("")};
            default -> null;
        };
        if (args == null) {
            return msg("history.other", msgOrEmpty("record." + type).orElse(msg("record.other")), on, by);
        }
        // ADR 0046 item 96: a transfer since names the day its reorganisation took effect; one stored before reads as it did
        // ADR 0035 item 144 (F574): a lower basic value recorded awaiting a second signature is not said to be in force from its record
        String awaiting = "LandBaseValueRecorded".equals(type) && p.path("awaitsSecondSignature").asBoolean(false) ? ".awaiting" : "";
        return msg("history." + type + ("PermitTransferred".equals(type) && p.hasNonNull("reorganisedOn") ? ".reorganisedOn" : "") + awaiting, args);
    }
}
