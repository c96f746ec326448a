package mn.registry.infrastructure.identity;

import mn.registry.infrastructure.axon.WholeStream;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.identity.SignerCertificateRevoked;
import mn.registry.infrastructure.axon.DurableEventStorageEngine;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.mongo.StreamUnchanged;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers "who was this signer, and what could they do, at the instant they signed?" from the
 * person's own events: always current, on every node, with no projection to lag behind. A role counts
 * for an act signed at {@code t} when it was granted with {@code validFrom <= t} and not revoked with
 * {@code validUntil <= t}; a certificate counts when its fingerprint was enrolled and not revoked at {@code t}.
 *
 * <p>A person's history is kept in memory with the sequence number of its last event, and used again
 * only while the event store says that is still the stream's last event (one lookup, instead of reading
 * the stream and its snapshot and deserializing every event at each command). An event appended to the
 * stream by any node changes the last sequence number, so the next question reads the stream again.
 *
 * <p>ADR 0061 (abuse audit F240, was O92): the stream as read for a signed command's judgement is also the precondition its act
 * is stored under ({@link Signer#unchanged()}): an end of the signer's authority stored after this read refuses the act's commit.
 * ADR 0061 item 12 (F259): for an act received now ({@link #signerAt}) every end already stored counts, whatever its time; asked about
 * the past ({@link #actorAt}), each end counts from its own time.
 */
@Component
public class IdentityDirectory {

    /** People remembered at most; beyond this the oldest entries are dropped (read again when asked). */
    static final int REMEMBERED = 10_000;

    private final EventStore events;
    /** ADR 0061: the engine's {@code storedUpTo()}, taken before a person's stream head is read (0: unknown, the store is asked). */
    private final java.util.function.LongSupplier storedUpTo;
    private final mn.registry.infrastructure.privacy.PersonalDataVault vault;
    /** The store's own engine, which lists the persons' streams (null: not known, the tests' directories: no list). */
    private final mn.registry.store.mongo.GaplessEventStorageEngine gapless;
    private final Map<PersonId, History> remembered = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<PersonId, History> eldest) {
                    return size() > REMEMBERED;
                }
            });

    /** A directory whose engine is not known: a signer's act is then checked against its stream by a look-up in the store (tests). */
    public IdentityDirectory(EventStore events, mn.registry.infrastructure.privacy.PersonalDataVault vault) {
        this(events, vault, (EventStorageEngine) null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    IdentityDirectory(EventStore events, mn.registry.infrastructure.privacy.PersonalDataVault vault,
                      org.springframework.beans.factory.ObjectProvider<EventStorageEngine> engine) {
        this(events, vault, engine.getIfUnique());
    }

    /** A directory on {@code events}, whose engine ({@code null}: unknown) says how far a read of a stream's head saw. */
    public IdentityDirectory(EventStore events, mn.registry.infrastructure.privacy.PersonalDataVault vault, EventStorageEngine engine) {
        this.events = events;
        this.vault = vault;
        this.storedUpTo = DurableEventStorageEngine.storedUpTo(engine);
        this.gapless = DurableEventStorageEngine.gapless(engine);
    }

    /** A person's events, as of the stream's event {@code lastSequence}. */
    private record History(long lastSequence, List<Object> events) {
    }

    /** A person's events as read now, and the precondition under which an act judged on them is stored (ADR 0061). */
    private record Read(List<Object> events, StreamUnchanged unchanged) {
    }

    /**
     * A signer as judged at an instant: the actor, and the precondition its act is stored under (ADR 0061, abuse audit F240): the
     * signer's stream as read for the judgement, so that an end of the authority stored before the act refuses the act's commit.
     */
    public record Signer(Actor actor, StreamUnchanged unchanged) {
    }

    /** The beginning of every person's stream id. */
    private static final String STREAM_PREFIX = "person-";

    /** The event stream (aggregate id) of a person. */
    public static String streamOf(PersonId person) {
        return STREAM_PREFIX + person.value();
    }

    /**
     * The actor holding the certificate with this fingerprint, as of {@code at}; empty if not enrolled with it; a
     * {@code signer.certificate-revoked} problem if it was revoked at or before {@code at}.
     */
    public Optional<Actor> actorAt(PersonId person, String certificateSha256, Instant at) {
        return judged(historyOf(person), person, certificateSha256, at, at).map(Signer::actor);
    }

    /**
     * The signer of an act received now, at {@code receivedAt}, with the precondition of its act: its stream as read for this
     * judgement. ADR 0061 item 12: every end of its authority already stored is in force for it, whatever time the end is in force
     * from: the act can only be stored after that end, and an end stored after an act received on a node whose clock runs ahead is
     * in force from after that act's receipt, so possibly from after this receipt on a clock running behind. Judged at the later of
     * the receipt and the latest time an end of the person's is in force from (every end and grant is dated at a receipt or a storing,
     * never later, so nothing not yet in force is counted).
     */
    public Optional<Signer> signerAt(PersonId person, String certificateSha256, Instant receivedAt) {
        Read read = historyOf(person);
        return judged(read, person, certificateSha256, latestOf(receivedAt, read.events()), receivedAt);
    }

    /** ADR 0061 item 12: {@code receivedAt}, or the latest time a stored end of authority in {@code history} is in force from if later. */
    private static Instant latestOf(Instant receivedAt, List<Object> history) {
        Instant latest = receivedAt;
        for (Object e : history) {
            Instant end = e instanceof RoleRevoked r ? r.validUntil() : e instanceof SignerCertificateRevoked c ? c.validUntil() : null;
            if (end != null && end.isAfter(latest)) {
                latest = end;
            }
        }
        return latest;
    }

    /** The signer judged at {@code at}; {@code receivedAt}, the act's receipt, is what a refusal tells (ADR 0061 item 16). */
    private Optional<Signer> judged(Read read, PersonId person, String certificateSha256, Instant at, Instant receivedAt) {
        List<Object> history = read.events();
        PersonEnrolled enrolled = null;
        for (Object e : history) {
            if (e instanceof PersonEnrolled p && p.certificateSha256().equalsIgnoreCase(certificateSha256)) {
                enrolled = p;
            }
        }
        if (enrolled == null) {
            return Optional.empty();
        }
        refuseRevoked(history, person, certificateSha256, at, receivedAt);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<String> zones = new HashSet<>();
        for (Object e : history) {
            if (e instanceof RoleGranted g && !g.validFrom().isAfter(at) && !revokedBy(history, g, at)) {
                roles.add(g.role());
                if (g.zoneId() != null) {
                    zones.add(g.zoneId());
                }
            }
        }
        // ADR 0061 items 49, 63 (abuse audit F505, F556): the company the representative's grant in force names, or the one stated for it
        String company = roles.contains(Role.APPLICANT) ? companyOfTheGrantInForce(history, at) : null;
        PersonEnrolled certificate = enrolled;
        // the name is decrypted only if someone reads it (a sign-in); a signed command does not (issue 17)
        return Optional.of(new Signer(new Actor(person, Set.copyOf(roles), Set.copyOf(zones), company, () -> vault.displayName(certificate)),
                read.unchanged()));
    }

    /**
     * 001 art. 23.1.1: a certificate revoked at or before {@code at} (the registry's time of receipt) signs nothing, whatever
     * time the signer claims; refused with its own code so that the signer learns why, told the act's receipt {@code receivedAt} (an
     * act judged later than its receipt, after a revocation stored first, is told so: ADR 0061 items 12 and 16).
     */
    private static void refuseRevoked(List<Object> history, PersonId person, String certificateSha256, Instant at, Instant receivedAt) {
        for (Object e : history) {
            if (e instanceof SignerCertificateRevoked r && r.certificateSha256().equalsIgnoreCase(certificateSha256) && !r.validUntil().isAfter(at)) {
                throw RegistryProblem.forbidden("signer.certificate-revoked", "The certificate of " + person + " (SHA-256 " + certificateSha256
                        + ") was revoked with effect from " + r.validUntil() + "; the registry received this at " + receivedAt + "."
                        + (r.validUntil().isAfter(receivedAt) ? " The revocation was stored before this act, so it counts for it." : ""),
                        "001 art. 23.1.1");
            }
        }
    }

    /**
     * The person's events: those remembered if the stream still ends where they did, else read now; with the position every commit
     * at or below which the look-up saw (taken before it), for the precondition of ADR 0061.
     */
    private Read historyOf(PersonId person) {
        long storedBefore = storedUpTo.getAsLong();
        Optional<Long> last = events.lastSequenceNumberFor(streamOf(person));
        if (last.isEmpty()) {
            return new Read(List.of(), new StreamUnchanged(streamOf(person), -1, storedBefore));
        }
        History known = remembered.get(person);
        if (known != null && known.lastSequence() == last.get()) {
            return new Read(known.events(), new StreamUnchanged(streamOf(person), known.lastSequence(), storedBefore));
        }
        List<Object> read = new ArrayList<>();
        long[] lastRead = {-1};
        WholeStream.events(events, streamOf(person)).forEach(e -> {
            read.add(e.getPayload());
            lastRead[0] = Math.max(lastRead[0], e.getSequenceNumber());
        });
        List<Object> history = List.copyOf(read);
        remembered.put(person, new History(lastRead[0], history));
        return new Read(history, new StreamUnchanged(streamOf(person), lastRead[0], storedBefore));
    }

    /** Every role ever granted to {@code person}, held now or revoked since. */
    public Set<Role> rolesEverHeld(PersonId person) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        historyOf(person).events().stream().filter(RoleGranted.class::isInstance).map(e -> ((RoleGranted) e).role()).forEach(roles::add);
        return roles;
    }

    /**
     * A representative's grant in force naming no company (ADR 0061 item 68): the person, when it took effect and who granted it (null: the
     * registry's start-up enrolment).
     */
    public record GrantNamingNoCompany(PersonId person, Instant validFrom, PersonId grantedBy) {
    }

    /**
     * 001 art. 23.1.1; 002 art. 23.2 (ADR 0061 item 68, choice; abuse audit F534, was O417): the representatives' grants in force at
     * {@code at} naming no company, and for which none was stated ({@link #companyOfTheGrantInForce}), from the persons' own streams, in the
     * order of their ids: the supervisor's list of the grants whose company is to be stated ({@code StateRepresentativesCompany}), which
     * acted for any company until then (item 49). Empty where the store's engine is not known (a directory built for a test).
     */
    public List<GrantNamingNoCompany> grantsNamingNoCompanyAt(Instant at) {
        if (gapless == null) {
            return List.of();
        }
        List<GrantNamingNoCompany> found = new ArrayList<>();
        for (String stream : gapless.streamsBegunWith(STREAM_PREFIX)) {
            PersonId person = new PersonId(stream.substring(STREAM_PREFIX.length()));
            grantsNamingNoCompany(historyOf(person).events(), at).forEach(g -> found.add(new GrantNamingNoCompany(person, g.validFrom(), g.grantedBy())));
        }
        return List.copyOf(found);
    }

    /** The representatives' grants in {@code history} in force at {@code at} whose company is not known: none named, none stated (item 68). */
    public static List<RoleGranted> grantsNamingNoCompany(List<Object> history, Instant at) {
        return grantsHeldAt(history, Role.APPLICANT, at).stream().filter(g -> g.company() == null).toList();
    }

    /**
     * 002 art. 23.2; 001 art. 23.1.1 (ADR 0061 item 80; abuse audit F610, was O468): {@code person}'s grants of the representative's role in
     * force at {@code at}, each naming its company, or the company stated for it since (item 63), or none: for the erasure's rule, judged
     * outside the person's stream.
     */
    public List<RoleGranted> representativesGrantsAt(PersonId person, Instant at) {
        return grantsHeldAt(historyOf(person).events(), Role.APPLICANT, at);
    }

    /** A person's events as stored now (remembered while the stream ends where it did): ADR 0046 item 177's names (F602). */
    public List<Object> eventsOf(PersonId person) {
        return historyOf(person).events();
    }

    /** Every person with a stream, from the store's list of streams; empty where the store's engine is not known (a test's directory). */
    public List<PersonId> persons() {
        if (gapless == null) {
            return List.of();
        }
        return gapless.streamsBegunWith(STREAM_PREFIX).stream().map(s -> new PersonId(s.substring(STREAM_PREFIX.length()))).toList();
    }

    /** Whether {@code person} has a stream at all (enrolled with any certificate). */
    public boolean isEnrolled(PersonId person) {
        return events.lastSequenceNumberFor(streamOf(person)).isPresent();
    }

    /**
     * The grants of {@code role} in {@code history} (a person's stream) in force at {@code at}: granted at or before it and not revoked by
     * then (as a signer's roles are judged). 002 art. 23.3 (ADR 0046 item 142): whether the successor's representative a transfer names
     * is a company's representative at the registry's receipt, and whose.
     */
    public static List<RoleGranted> grantsHeldAt(List<Object> history, Role role, Instant at) {
        return history.stream().filter(RoleGranted.class::isInstance).map(RoleGranted.class::cast)
                .filter(g -> g.role() == role && !g.validFrom().isAfter(at) && !revokedBy(history, g, at))
                .map(g -> withTheStatedCompany(history, g, at)).toList();
    }

    /** {@code grant}, or where it is a representative's naming none, the same grant naming the company stated for it since (item 63). */
    private static RoleGranted withTheStatedCompany(List<Object> history, RoleGranted grant, Instant at) {
        if (grant.role() != Role.APPLICANT || grant.company() != null) {
            return grant;
        }
        String stated = companyOfTheGrantInForce(history, at); // once per grant
        return stated == null ? grant : new RoleGranted(grant.personId(), grant.role(), grant.zoneId(), grant.validFrom(), grant.grantedBy(),
                grant.ground(), grant.documentSha256(), stated);
    }

    /**
     * 001 art. 23.1.1; 002 art. 23.2 (choice, the lead's reading, ADR 0061 item 63; abuse audit F556, was O402): the company the latest grant
     * of the applicant's role at or before {@code at} names, or, where it names none, the company an official stated for it since
     * ({@code RepresentativesCompanyStated}, received at or before {@code at}): from that receipt on the representative acts for it only.
     * A statement before a later grant counts for none of the later one (a role is held once; a re-grant is an enrolment naming its own).
     */
    public static String companyOfTheGrantInForce(List<Object> history, Instant at) {
        String company = null;
        for (Object e : history) {
            if (e instanceof RoleGranted g && g.role() == Role.APPLICANT && !g.validFrom().isAfter(at)) {
                company = g.company();
            } else if (e instanceof mn.registry.kernel.identity.RepresentativesCompanyStated stated && !stated.statedAt().isAfter(at)
                    && company == null) {
                company = stated.company();
            }
        }
        return company;
    }

    /**
     * 003 art. 12.1; 001 art. 23.1.1; ADR 0013 §5 (ADR 0035 item 125, the lead's reading, <b>choice</b>; abuse audit F527, was O413): the
     * instant from which {@code person}'s grant of the applicant's role last ceased to name {@code company} (a state registration number), as
     * their stream holds it now: the end of the role ({@code RoleRevoked.validUntil}), or the grant or statement that replaced it naming
     * another company or none ({@code validFrom}, {@code statedAt}). Empty when no grant of theirs ever named it, or one names it still.
     */
    public Optional<Instant> representationEnded(PersonId person, String company) {
        return company == null ? Optional.empty() : representationEnded(historyOf(person).events(), company);
    }

    /** As {@link #representationEnded(PersonId, String)}, on a person's stream {@code history}. */
    public static Optional<Instant> representationEnded(List<Object> history, String company) {
        java.util.TreeSet<Instant> changes = new java.util.TreeSet<>();
        for (Object e : history) {
            if (e instanceof RoleGranted g && g.role() == Role.APPLICANT) {
                changes.add(g.validFrom());
            } else if (e instanceof RoleRevoked r && r.role() == Role.APPLICANT) {
                changes.add(r.validUntil());
            } else if (e instanceof mn.registry.kernel.identity.RepresentativesCompanyStated stated) {
                changes.add(stated.statedAt());
            }
        }
        boolean named = false;
        Instant ended = null;
        for (Instant t : changes) {
            boolean namesItNow = !grantsHeldAt(history, Role.APPLICANT, t).isEmpty() && company.equals(companyOfTheGrantInForce(history, t));
            if (named && !namesItNow) {
                ended = t;
            }
            named = namesItNow;
        }
        return named ? Optional.empty() : Optional.ofNullable(ended);
    }

    private static boolean revokedBy(List<Object> history, RoleGranted grant, Instant at) {
        boolean revoked = false;
        for (Object e : history) {
            if (e == grant) {
                revoked = false; // a later re-grant starts afresh
            } else if (e instanceof RoleRevoked r && r.role() == grant.role() && java.util.Objects.equals(r.zoneId(), grant.zoneId())
                    && !r.validUntil().isAfter(at) && !r.validUntil().isBefore(grant.validFrom())) {
                revoked = true;
            }
        }
        return revoked;
    }
}
