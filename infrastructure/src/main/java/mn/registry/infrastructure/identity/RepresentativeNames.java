package mn.registry.infrastructure.identity;

import mn.registry.infrastructure.privacy.PersonalDataVault;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.PersonalDataErased;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.privacy.PersonNamesInText;
import mn.registry.kernel.identity.PersonalDetails;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 002 art. 15.3, 30.1 (abuse audit F602, was O473; ADR 0046 items 176-177, choice): the names the registry holds of natural persons it does
 * not publish, screened against every published free text a signed command carries ({@code CommandPipeline}): the display names (every
 * enrolment's, as enrolled) of the persons enrolled as representatives (the applicant's role: of applicants, holders, zone entities) who
 * never held an official's role (an official's name is published on every record they sign). A person whose personal data was erased is
 * not screened (the registry no longer holds the name).
 *
 * <p>Kept in memory, no round trip to the store per command: the persons' streams are read once, at the first screen after the start
 * (the store's list of the persons' streams, each person's stream through {@link IdentityDirectory}); from the construction on, every
 * event this node stores is seen as it is stored (the event store's subscription: {@link EventStore#subscribe}), and a person whose
 * stream it touches is read again before the next screen. So a representative enrolled after the start is screened from their
 * enrolment on. An enrolment stored by another node reaches this node's memory at its next start (abuse audit O478).
 */
@Component
public class RepresentativeNames implements PersonNamesInText.HeldNames {

    private final IdentityDirectory directory;
    private final PersonalDataVault vault;
    /** Each screened person's names (the words of each name of two or more words). */
    private final Map<PersonId, List<List<String>>> names = new ConcurrentHashMap<>();
    /** The persons whose streams an event stored since the last screen touched: read again before the next. */
    private final Set<PersonId> touched = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;

    public RepresentativeNames(EventStore events, IdentityDirectory directory, PersonalDataVault vault) {
        this.directory = directory;
        this.vault = vault;
        events.subscribe(this::stored);
    }

    private void stored(List<? extends EventMessage<?>> messages) {
        for (EventMessage<?> message : messages) {
            Object payload = message.getPayload();
            if (payload instanceof PersonEnrolled e) {
                touched.add(e.personId());
            } else if (payload instanceof RoleGranted g) {
                touched.add(g.personId());
            } else if (payload instanceof RoleRevoked r) {
                touched.add(r.personId());
            } else if (payload instanceof PersonalDataErased erased) {
                touched.add(erased.personId());
            }
        }
    }

    /** Whether {@code text} names a screened person (all the words of one of their names among its words), as this node knows them now. */
    @Override
    public boolean namedIn(String text) {
        current();
        if (names.isEmpty() || text == null || text.isBlank()) {
            return false;
        }
        Set<String> words = PersonNamesInText.wordSet(text);
        for (List<List<String>> held : names.values()) {
            for (List<String> name : held) {
                if (PersonNamesInText.names(words, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void current() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    directory.persons().forEach(this::read);
                    loaded = true;
                }
            }
        }
        if (!touched.isEmpty()) {
            for (PersonId person : List.copyOf(touched)) {
                touched.remove(person);
                read(person);
            }
        }
    }

    /** One person's screened names, from their stream as stored now. */
    private void read(PersonId person) {
        List<Object> history = directory.eventsOf(person);
        boolean representative = history.stream().anyMatch(e -> e instanceof RoleGranted g && g.role() == Role.APPLICANT);
        boolean official = history.stream().anyMatch(e -> e instanceof RoleGranted g && g.role().official());
        List<List<String>> held = new ArrayList<>();
        if (representative && !official && !vault.erased(person)) {
            for (Object e : history) {
                if (e instanceof PersonEnrolled enrolled) {
                    vault.details(enrolled).map(PersonalDetails::displayName).map(PersonNamesInText::screenedWords)
                            .filter(words -> !words.isEmpty() && !held.contains(words)).ifPresent(held::add);
                }
            }
        }
        if (held.isEmpty()) {
            names.remove(person);
        } else {
            names.put(person, List.copyOf(held));
        }
    }
}
