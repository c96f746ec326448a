package mn.registry.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Amounts as the registry's pages show them: grouped by spaces, read alike in both languages, e.g. "1 500 000 MNT". */
public final class Amounts {

    private Amounts() {
    }

    /** A stored {@code Money} ({@code amount}, {@code currency}) as shown. */
    public static String money(JsonNode v) {
        return number(v.path("amount").decimalValue()) + " " + v.path("currency").asText();
    }

    /** A number as shown: groups of three by spaces, at most two decimals. */
    public static String number(BigDecimal n) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
        format.setMaximumFractionDigits(2);
        return format.format(n).replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
