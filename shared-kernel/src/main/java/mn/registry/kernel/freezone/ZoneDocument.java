package mn.registry.kernel.freezone;

import java.util.EnumSet;
import java.util.Set;

/** The documents a legal entity submits to the governor's office (003 art. 12.1). */
public enum ZoneDocument {
    APPLICATION("003 art. 12.1"),
    STATE_REGISTRATION_CERTIFICATE("003 art. 12.1.1"),
    INCORPORATION_DOCUMENT("003 art. 12.1.2"),
    POWER_OF_ATTORNEY("003 art. 12.1.2"),
    REGISTRATION_FEE_RECEIPT("003 art. 12.1");

    private final String article;

    ZoneDocument(String article) {
        this.article = article;
    }

    public String article() {
        return article;
    }

    // 003 art. 12.1.1-12.1.2: a Mongolian entity gives its state registration certificate; a foreign one its incorporation document and a power of attorney
    public static Set<ZoneDocument> requiredFor(Jurisdiction jurisdiction) {
        return jurisdiction == Jurisdiction.MONGOLIAN
                ? EnumSet.of(APPLICATION, STATE_REGISTRATION_CERTIFICATE, REGISTRATION_FEE_RECEIPT)
                : EnumSet.of(APPLICATION, INCORPORATION_DOCUMENT, POWER_OF_ATTORNEY, REGISTRATION_FEE_RECEIPT);
    }
}
