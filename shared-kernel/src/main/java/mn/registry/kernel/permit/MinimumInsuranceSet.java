package mn.registry.kernel.permit;

import java.time.Instant;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.money.Money;

/** The ministry set the minimum insurance a permit holder must carry (002 art. 26.5), a parameter in force from {@code setAt}. */
public record MinimumInsuranceSet(Money amount, Instant setAt, PersonId setBy, String article) {
}
