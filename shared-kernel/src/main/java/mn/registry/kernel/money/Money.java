package mn.registry.kernel.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount with its currency, the one money of both laws (ADR 0022): an insured amount or minimum
 * (002 art. 26.5), a land licence's nominal value or fee, an investment agreement (003). The amount is
 * a {@link BigDecimal} kept exactly as given (a whole tögrög amount has scale 0 and is written as the
 * integer the old {@code long} money wrote, so stored JSON and canonical bytes are unchanged); never
 * negative; the currency is an ISO 4217 code.
 */
public record Money(BigDecimal amount, String currency) {

    public static final String MNT = "MNT";

    public Money {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("an amount is never negative: " + amount);
        }
        if (!isIso4217(currency)) {
            throw new IllegalArgumentException("a currency is an ISO 4217 code: " + currency);
        }
    }

    /** A whole amount, e.g. {@code new Money(5_000_000, "MNT")}. */
    public Money(long amount, String currency) {
        this(BigDecimal.valueOf(amount), currency);
    }

    /** A whole amount of tögrög. */
    public static Money mnt(long amount) {
        return new Money(amount, MNT);
    }

    /** True when the amount is more than zero (not a bean getter: the JSON stays amount and currency). */
    public boolean moreThanZero() {
        return amount.signum() > 0;
    }

    /** The same value in the same currency, whatever the scale (1000 is 1000.00). */
    public boolean sameAs(Money other) {
        return other != null && currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    /** True when this amount is at least {@code other} in the same currency. */
    public boolean isAtLeast(Money other) {
        return other != null && currency.equals(other.currency) && amount.compareTo(other.amount) >= 0;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }

    private static boolean isIso4217(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
