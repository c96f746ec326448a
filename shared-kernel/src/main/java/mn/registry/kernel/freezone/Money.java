package mn.registry.kernel.freezone;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount with its currency (ISO 4217), e.g. 25000000 MNT; never negative. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("an amount is never negative: " + amount);
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("a currency is an ISO 4217 code: " + currency);
        }
    }

    public static Money mnt(long amount) {
        return new Money(BigDecimal.valueOf(amount), "MNT");
    }

    public boolean sameAs(Money other) {
        return other != null && currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }
}
