package mn.registry.identity.api;

import mn.registry.kernel.identity.PersonId;

import java.time.Instant;

/**
 * A context's say before a person's personal data is erased ({@code ErasePersonalData}, ADR 0008): the erasure destroys the person's key,
 * so they sign nothing again and are never enrolled again under their id (ADR 0055). A context whose acts still need the person refuses
 * it by throwing a {@link mn.registry.kernel.problem.RegistryProblem}; checked before the key is touched, so a refusal destroys nothing.
 */
public interface ErasureCheck {

    /** Refuses the erasure of {@code person}'s data, received at {@code at}, by throwing; returns when the context does not object. */
    void mayBeErased(PersonId person, Instant at);
}
