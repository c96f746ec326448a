package mn.registry.kernel.identity;

/** The signed command's body: destroy the key of {@code personId}'s personal data, for {@code ground}. */
public record ErasePersonalData(PersonId personId, String ground) {
}
