package mn.registry.freezone.governor;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandLog;
import mn.registry.command.claim.RegistryWideKey;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.problem.RegistryProblem;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * 003 art. 8.1-8.2 (the lead's reading, ADR 0061 item 79; abuse audit F609, was O467): the appointment of a person as a zone's governor is
 * judged and recorded one at a time for that person, registry-wide: it holds the person's key ({@value #KEYS}, {@code _id: personId},
 * {@link RegistryWideKey}, as {@code ZoneDating} holds a zone's) while F592's check ({@code governorHoldsNoOtherZone}) and the act run, so
 * that of two appointments of one person to two zones received at the same instant on two nodes the second reads the first's grant, stored
 * before the key is released, and is refused ({@code freezone.governor-of-another-zone}). Nothing is settled on taking a key over: a holder
 * that stopped leaves what it stored on the streams, where the next check reads it; a key whose command stopped is taken over once its
 * lease expires ({@link CommandLog#leaseExpired}), so a stop never locks the person for ever. The key is not the store: it holds nothing
 * once released, and a release before this one never reads it.
 */
@Component
class GovernorsAppointing {

    static final String KEYS = "freezone_governor_appointing";

    private final RegistryWideKey key;

    public GovernorsAppointing(MongoDatabase database, CommandLog commandLog) {
        this.key = new RegistryWideKey(database.getCollection(KEYS), commandLog, () -> new RegistryProblem(RegistryProblem.Kind.UNAVAILABLE,
                "freezone.governor-appointment-busy", "Another appointment of this person as a zone's governor is being recorded; retry in a "
                + "minute.", null, "003 art. 8.1-8.2"));
    }

    /** The appointment of {@code governor}, judged and recorded alone among the person's appointments. */
    public <T> T alone(PersonId governor, String commandId, Instant at, Supplier<T> act) {
        return key.hold(new Document("_id", governor.value()).append("commandId", commandId).append("claimedAt", at.toString()), holder -> {
        }, act);
    }
}
