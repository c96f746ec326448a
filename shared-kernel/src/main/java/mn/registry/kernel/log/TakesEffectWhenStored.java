package mn.registry.kernel.log;

import java.time.Instant;

/**
 * An event that takes effect when it is stored, not when its command was received (ADR 0061 item 9, abuse audit F241): the end of a
 * signer's authority. The event store gives it the registry's time at which its commit's position is fixed, so that every act stored
 * before it was received before its effect, and the store's order and the registry's times agree.
 */
public interface TakesEffectWhenStored {

    /** This event, in force from {@code storedAt} (the registry's time its position was fixed); its receipt kept for the record. */
    TakesEffectWhenStored inForceFrom(Instant storedAt);
}
