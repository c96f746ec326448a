package mn.registry.kernel.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * The key of a person's personal data was destroyed (Personal Data Protection Law 2021; ADR 0008): every event's
 * ciphertext under {@code keyId} reads as erased from now on. The sealed events themselves are unchanged.
 *
 * @param ground   why (e.g. the person's request), free text of the deciding official
 * @param erasedBy the official who signed the erasure
 */
public record PersonalDataErased(PersonId personId, String keyId, String ground, Instant erasedAt, PersonId erasedBy) {

    public PersonalDataErased {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(erasedAt, "erasedAt");
    }
}
