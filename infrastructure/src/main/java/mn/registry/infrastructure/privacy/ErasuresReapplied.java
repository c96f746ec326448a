package mn.registry.infrastructure.privacy;

import mn.registry.infrastructure.axon.WholeStream;
import mn.registry.infrastructure.identity.IdentityDirectory;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.PersonalDataErased;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At every start, before the registry serves (once every bean exists, before the web server and the event processors
 * start): each person whose key the vault still holds but whose stream records {@link PersonalDataErased} has the key
 * destroyed again. The events are the authority on erasure; a vault restored from a backup older than an erasure
 * therefore never brings the erased data back (docs/production.md, ADR 0014); every {@link PersonalDataHolder} is told
 * again. One stream read per person with a key.
 */
@Component
class ErasuresReapplied implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ErasuresReapplied.class);

    private final EventStore events;
    private final PersonalDataVault vault;
    private final java.util.List<PersonalDataHolder> holders;

    ErasuresReapplied(EventStore events, PersonalDataVault vault, java.util.List<PersonalDataHolder> holders) {
        this.events = events;
        this.vault = vault;
        this.holders = holders;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int reapplied = reapply();
        if (reapplied > 0) {
            log.warn("Re-applied {} erasures recorded in the event store to the personal-data vault, which still held their keys "
                    + "(restored from a copy older than the erasures?)", reapplied);
        }
    }

    /** Re-applies every recorded erasure whose key the vault still holds; answers how many. */
    int reapply() {
        int reapplied = 0;
        for (PersonId person : vault.peopleWithKeys()) {
            PersonalDataErased[] last = {null};
            WholeStream.events(events, IdentityDirectory.streamOf(person))
                    .filter(e -> e.getPayload() instanceof PersonalDataErased)
                    .forEach(e -> last[0] = (PersonalDataErased) e.getPayload());
            if (last[0] != null && vault.reapply(last[0])) {
                // the restored copy may hold clear data of the person from before sealing too (issue 14 item 4)
                holders.forEach(holder -> holder.erased(person));
                reapplied++;
            }
        }
        return reapplied;
    }
}
