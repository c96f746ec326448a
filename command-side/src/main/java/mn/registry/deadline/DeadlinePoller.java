package mn.registry.deadline;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Fires due deadlines: reads open deadlines past their end on the registry clock, claims each (so two nodes never
 * send the same one at the same time), sends its firing command and marks it fired. A failed command releases the
 * claim and is tried again at the next poll; a node that dies holding a claim loses it when the claim goes stale.
 * Because the aggregate records a firing once, a command sent again after a crash between sending and marking has
 * no second effect: each deadline fires exactly once in effect.
 */
public class DeadlinePoller {

    private static final Logger log = LoggerFactory.getLogger(DeadlinePoller.class);
    static final int BATCH = 100;

    private final MongoDeadlines deadlines;
    private final Map<String, DeadlineRules> rulesByKind = new HashMap<>();
    private final Clock registryClock;
    private final Clock realClock;
    private final Duration claimFor;
    private final String node;
    private final Consumer<Object> commands;

    /**
     * @param registryClock  the time deadlines are due on (movable in demo mode)
     * @param realClock      the time claims expire on
     * @param claimFor       how long a claim keeps other nodes off
     * @param node           this node's name, recorded with its claims
     * @param commands       sends a command and waits for it (Axon's {@code CommandGateway::sendAndWait})
     */
    public DeadlinePoller(MongoDeadlines deadlines, List<DeadlineRules> rules, Clock registryClock, Clock realClock, Duration claimFor,
                          String node, Consumer<Object> commands) {
        this.deadlines = deadlines;
        for (DeadlineRules r : rules) {
            for (String kind : r.kinds()) {
                if (rulesByKind.put(kind, r) != null) {
                    throw new IllegalStateException("two DeadlineRules own the deadline kind " + kind);
                }
            }
        }
        this.registryClock = registryClock;
        this.realClock = realClock;
        this.claimFor = claimFor;
        this.node = node;
        this.commands = commands;
    }

    /**
     * One pass: fires every deadline due now that no other node holds. Returns how many this call fired. A deadline
     * tried in this pass (its command failed, or another node took it) is not read again in it, so a full batch of
     * failing ones never keeps the later ones from firing.
     */
    public synchronized int pollOnce() {
        Instant now = registryClock.instant();
        int fired = 0;
        java.util.Set<String> tried = new java.util.HashSet<>();
        List<Document> due;
        do {
            due = deadlines.dueAndUnclaimed(now, realClock.instant(), BATCH, tried);
            for (Document seen : due) {
                tried.add(seen.getString(MongoDeadlines.ID));
                Optional<MongoDeadlines.Claim> claim = deadlines.claim(seen, node, realClock.instant().plus(claimFor));
                if (claim.isPresent() && fire(claim.get(), now)) {
                    fired++;
                }
            }
        } while (due.size() == BATCH);
        return fired;
    }

    private boolean fire(MongoDeadlines.Claim claim, Instant now) {
        ScheduledDeadline deadline = claim.deadline();
        DeadlineRules rules = rulesByKind.get(deadline.kind());
        if (rules == null) {
            log.warn("No DeadlineRules own the kind of deadline {}; it stays open", deadline.id());
            deadlines.release(claim);
            return false;
        }
        try {
            commands.accept(rules.firingCommand(deadline, now));
        } catch (RuntimeException e) {
            log.warn("Deadline {} ({}) could not fire now, will try again: {}", deadline.id(), deadline.article(), e.toString());
            deadlines.release(claim);
            return false;
        }
        return deadlines.fired(claim, now);
    }
}
