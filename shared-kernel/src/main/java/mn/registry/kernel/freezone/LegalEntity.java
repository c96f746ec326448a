package mn.registry.kernel.freezone;

import mn.registry.kernel.privacy.PublishedText;

import java.util.Locale;

/**
 * A legal entity applying to operate in a zone (003 art. 12.1): its name, where it was established, its
 * registration number there and, for a foreign entity, the country (ISO 3166 alpha-2).
 */
public record LegalEntity(@PublishedText String name, Jurisdiction jurisdiction, @PublishedText String country, String registrationNumber) {

    /** The entity's identity across zones: jurisdiction, country and registration number. */
    public String key() {
        String c = jurisdiction == Jurisdiction.MONGOLIAN ? "mn" : country == null ? "" : country.toLowerCase(Locale.ROOT);
        return c + "-" + (registrationNumber == null ? "" : registrationNumber.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""));
    }
}
