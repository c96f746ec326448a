package mn.registry.kernel.permit;


/** An amount of money with its currency (tögrög: MNT), in whole units. */
public record Money(long amount, String currency) {

    public Money {
        if (amount < 0) {
            throw new IllegalArgumentException("an amount is not negative: " + amount);
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("a currency is an ISO 4217 code: " + currency);
        }
    }

    public static Money mnt(long amount) {
        return new Money(amount, "MNT");
    }

    /** True when this amount is at least {@code other} in the same currency. */
    public boolean isAtLeast(Money other) {
        return currency.equals(other.currency) && amount >= other.amount;
    }
}
