package mn.registry.freezone.entity;

import mn.registry.document.DocumentCitation;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.problem.RegistryProblem;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The intake rules of a Free Zone application (003 art. 12.1): the first broken one is reported, naming the field. Pure. */
final class RegistrationIntakePolicy {

    private RegistrationIntakePolicy() {
    }

    static void check(RegistrationCommands.ApplyForZoneRegistration application) {
        if (application.zoneId() == null) {
            throw RegistryProblem.invalid("freezone.zone-missing", "The application names the zone.", "zoneId", "003 art. 12.1");
        }
        entityIsDescribed(application.entity());
        if (application.activity() == null) {
            throw RegistryProblem.invalid("freezone.activity-missing", "The application names its activity.", "activity", "003 art. 12.1");
        }
        everyRequiredDocumentIsPresent(application.entity().jurisdiction(), application.documents() == null ? List.of() : application.documents());
    }

    // 003 art. 12.1: a Mongolian or foreign legal entity, identified by its registration where it was established
    static void entityIsDescribed(LegalEntity entity) {
        if (entity == null) {
            throw RegistryProblem.invalid("freezone.entity-missing", "The legal entity is required.", "entity", "003 art. 12.1");
        }
        requireText(entity.name(), "entity.name");
        mn.registry.freezone.zone.ReadableText.requireReadable(entity.name(), "entity.name", "003 art. 12.1");
        requireText(entity.registrationNumber(), "entity.registrationNumber");
        if (entity.jurisdiction() == null) {
            throw RegistryProblem.invalid("freezone.entity-incomplete", "The field entity.jurisdiction is required (MONGOLIAN or FOREIGN).",
                    "entity.jurisdiction", "003 art. 12.1");
        }
        if (entity.jurisdiction() == Jurisdiction.FOREIGN && (entity.country() == null || !entity.country().matches("[A-Za-z]{2}"))) {
            throw RegistryProblem.invalid("freezone.entity-incomplete", "A foreign entity names its country (ISO 3166 alpha-2).", "entity.country", "003 art. 12.1.2");
        }
        countryMatchesTheJurisdiction(entity);
        registrationNumberIsNoCivilNumber(entity);
        registrationNumberHasOneSpelling(entity);
        registrationNumberHasItsCountrysFormat(entity);
    }

    // 003 art. 3.1, 12.1.1-12.1.2 (abuse audit F80, F90): the country matches the jurisdiction. A foreign legal entity is one established
    // outside Mongolia, in a country ISO 3166 assigns: "FOREIGN" with country MN would be a Mongolian entity under another identity key's
    // rules: its number escapes the seven digits of F38 (06001234 as mn-06001234 beside mn-6001234, a second registration in the zone and
    // no bar of F40), and it files the foreign documents instead of its state registration certificate; an unassigned code (XX, ZZ) names
    // no country. A Mongolian entity names no country but Mongolia: "RU" would be published on its certificate as where it was established
    static void countryMatchesTheJurisdiction(LegalEntity entity) {
        if (entity.jurisdiction() == Jurisdiction.MONGOLIAN) {
            if (entity.country() != null && !entity.country().isEmpty() && !"MN".equalsIgnoreCase(entity.country())) {
                throw RegistryProblem.invalid("freezone.entity-country", "A Mongolian legal entity names no country, or MN.", "entity.country",
                        "003 art. 12.1.1");
            }
            return;
        }
        String country = entity.country().toUpperCase(java.util.Locale.ROOT);
        if ("MN".equals(country) || !java.util.Locale.getISOCountries(java.util.Locale.IsoCountryCode.PART1_ALPHA2).contains(country)) {
            throw RegistryProblem.invalid("freezone.entity-country", "A foreign legal entity names the country where it was "
                    + "established, an ISO 3166 alpha-2 code other than MN; an entity established in Mongolia applies as MONGOLIAN with its "
                    + "state registration number.", "entity.country", "003 art. 12.1.2");
        }
    }

    // 003 art. 12.1, 12.2 (abuse audit F38): the registration number is the entity's identity in every zone (RegistrationId): a Mongolian
    // state registration number is seven ASCII digits, as the state register publishes it (as for a permit's company, F34); a foreign
    // one is its country's, in ASCII letters and digits with separators (space . / -) between them. Another spelling (a leading zero,
    // full-width or zero-width characters) would make the same entity another registration: a second one in the zone, and no bar
    // after its deregistration
    static void registrationNumberHasOneSpelling(LegalEntity entity) {
        String number = entity.registrationNumber();
        boolean wellFormed = entity.jurisdiction() == Jurisdiction.MONGOLIAN ? number.matches("[0-9]{7}")
                : number.matches("[A-Za-z0-9]+([ ./-][A-Za-z0-9]+)*") && number.replaceAll("[^A-Za-z0-9]", "").length() <= 64;
        if (!wellFormed) {
            throw RegistryProblem.invalid("freezone.registration-number-malformed", entity.jurisdiction() == Jurisdiction.MONGOLIAN
                    ? "A Mongolian entity's state registration number is seven digits 0-9, with no space or other character."
                    : "A foreign entity's registration number is written in ASCII letters and digits (separated by a space, '.', '/' or '-'), "
                    + "at most 64 of them.", "entity.registrationNumber", "003 art. 12.1");
        }
    }

    /** The code of a registration number with a Mongolian civil register number's shape (ADR 0035 item 152; abuse audit F588). */
    static final String CIVIL_NUMBER = "freezone.registration-number-is-a-civil-number";

    /** The code of a foreign registration number not of its country's public format (ADR 0035 item 153; abuse audit F589). */
    static final String NOT_THE_COUNTRYS_FORMAT = "freezone.registration-number-not-the-countrys-format";

    /** A Mongolian civil register number: two letters (Cyrillic or their Latin form), then eight digits (the birth date and a serial). */
    private static final java.util.regex.Pattern CIVIL_REGISTER_NUMBER = java.util.regex.Pattern.compile("[A-Za-z\u0400-\u04FF]{2}[0-9]{8}");

    // 002 art. 30.1 (a person's data is not published without a law's ground); 003 art. 12.1 (ADR 0035 item 152, the lead's reading, choice;
    // abuse audit F588, was O446): an entity's registration number is published whole on its certificate (EntityRegistered); a number with
    // the shape of a Mongolian civil register number (two letters, Cyrillic or Latin, then eight digits) is a person's identifier, not a legal
    // entity's, in every country: refused, whatever its case, spacing, hyphens, full-width or zero-width characters (compared in NFKC with
    // every separator and format character taken out), before its spelling is judged, so that the Cyrillic form is told as what it is
    static void registrationNumberIsNoCivilNumber(LegalEntity entity) {
        String compact = java.text.Normalizer.normalize(entity.registrationNumber(), java.text.Normalizer.Form.NFKC)
                .replaceAll("[\\p{Z}\\s\\p{Cf}\\p{Pd}./]", "");
        if (CIVIL_REGISTER_NUMBER.matcher(compact).matches()) {
            throw RegistryProblem.invalid(CIVIL_NUMBER, "This registration number has the shape of a Mongolian civil register number (two "
                    + "letters, then eight digits), a person's identifier, which the registry does not publish on an entity's certificate; "
                    + "give the legal entity's own registration number.", "entity.registrationNumber", "002 art. 30.1; 003 art. 12.1");
        }
    }

    /**
     * The public formats of company numbers of the countries that have a fixed one (ADR 0035 item 153, the lead's reading, choice): the
     * number with its separators (space . / -) taken out, and the format's words for the refusal. A country not listed keeps the ASCII
     * rule alone ({@link #registrationNumberHasOneSpelling}; abuse audit O463).
     */
    static final java.util.Map<String, java.util.Map.Entry<java.util.regex.Pattern, String>> COUNTRY_FORMATS = java.util.Map.of(
            "RU", java.util.Map.entry(java.util.regex.Pattern.compile("[0-9]{13}|[0-9]{15}"), "an OGRN of 13 digits (or an OGRNIP of 15)"),
            "CN", java.util.Map.entry(java.util.regex.Pattern.compile("[0-9A-HJ-NP-RTUWXY]{18}"),
                    "a unified social credit code of 18 digits and capital letters other than I, O, S, V and Z"),
            "KR", java.util.Map.entry(java.util.regex.Pattern.compile("[0-9]{10}"), "a business registration number of 10 digits"),
            "JP", java.util.Map.entry(java.util.regex.Pattern.compile("[0-9]{13}"), "a corporate number of 13 digits"),
            "KZ", java.util.Map.entry(java.util.regex.Pattern.compile("[0-9]{12}"), "a BIN of 12 digits"));

    // 003 art. 12.1, 12.1.2 (ADR 0035 item 153, the lead's reading, choice; abuse audit F589, was O446): a foreign entity's number is its
    // country's register's; where that country's company numbers have a fixed public format (COUNTRY_FORMATS) a number of another shape
    // (a phone number, 99112233 for RU) is no company's number there: refused naming the format. Judged after the spelling (ASCII, the
    // separators), on the number with its separators taken out
    static void registrationNumberHasItsCountrysFormat(LegalEntity entity) {
        if (entity.jurisdiction() != Jurisdiction.FOREIGN || entity.country() == null) {
            return;
        }
        var format = COUNTRY_FORMATS.get(entity.country().toUpperCase(java.util.Locale.ROOT));
        if (format != null && !format.getKey().matcher(entity.registrationNumber().replaceAll("[ ./-]", "")).matches()) {
            throw RegistryProblem.invalid(NOT_THE_COUNTRYS_FORMAT, "A legal entity established in " + entity.country().toUpperCase(java.util.Locale.ROOT)
                    + " is registered there under " + format.getValue() + " (separators aside); this number is not of that format.",
                    "entity.registrationNumber", "003 art. 12.1, 12.1.2");
        }
    }

    // 003 art. 12.1.1-12.1.2: the documents the entity's jurisdiction requires, each named by kind and SHA-256; a missing one is named
    static void everyRequiredDocumentIsPresent(Jurisdiction jurisdiction, List<SubmittedZoneDocument> documents) {
        Set<ZoneDocument> kinds = EnumSet.noneOf(ZoneDocument.class);
        for (int i = 0; i < documents.size(); i++) {
            SubmittedZoneDocument d = documents.get(i);
            if (d == null || d.kind() == null) {
                throw RegistryProblem.invalid("freezone.document-kind-missing", "Each document names its kind.", "documents[" + i + "]", "003 art. 12.1");
            }
            DocumentCitation.of("documents." + d.kind(), d.kind().article()).wellFormed(d.sha256());
            if (!kinds.add(d.kind())) {
                throw RegistryProblem.invalid("freezone.document-duplicate", "The document " + d.kind() + " is given more than once.",
                        "documents." + d.kind(), d.kind().article());
            }
        }
        for (ZoneDocument required : ZoneDocument.requiredFor(jurisdiction)) {
            if (!kinds.contains(required)) {
                throw RegistryProblem.invalid("freezone.document-missing", "The document " + required + " (" + required.article() + ") is missing.",
                        "documents." + required, required.article());
            }
        }
    }

    private static void requireText(String value, String field) {
        if (!ZoneRegistration.saysSomething(value)) {
            throw RegistryProblem.invalid("freezone.entity-incomplete", "The field " + field + " is required.", field, "003 art. 12.1");
        }
    }
}
