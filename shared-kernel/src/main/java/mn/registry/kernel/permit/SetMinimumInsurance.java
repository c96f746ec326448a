package mn.registry.kernel.permit;

import mn.registry.kernel.money.Money;

/** Signed command body: A supervisor sets the minimum insurance of a permit holder (002 art. 26.5). */
public record SetMinimumInsurance(Money amount) {
}
