package mn.registry.infrastructure.privacy;

import mn.registry.kernel.identity.PersonId;

/**
 * A store outside the event store that keeps a person's data under their key in the {@link PersonalDataVault} (the
 * command archive, the documents' metadata, the personal-data read log). Told after the person's key was destroyed, so
 * that anything it still holds in clear from before sealing (rows written before issue 14 item 4, or copies in memory)
 * goes too. Must be idempotent: an erasure re-applied at start (ErasuresReapplied) tells it again.
 */
public interface PersonalDataHolder {

    /** The person's key is destroyed: drop whatever of theirs is still readable without it; answers how many records changed. */
    long erased(PersonId person);
}
