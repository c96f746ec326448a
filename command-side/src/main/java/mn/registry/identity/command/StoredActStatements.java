package mn.registry.identity.command;

import mn.registry.command.api.CommandContext;
import mn.registry.document.DocumentStore;
import mn.registry.document.StoredDocument;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.StateStoredActOrder;
import mn.registry.kernel.identity.StoredActsNamingNoOrder;
import mn.registry.kernel.problem.RegistryProblem;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * ADR 0061 item 31 (abuse audit F420, was O225; F422, was O242; 001 art. 23.1.1, 003 art. 8.2): which stored act of a person's stream may
 * have its order stated, and by whom. A grant or end stored before item 21 whose archived command cannot be read (item 23 counts it
 * {@code unread}), and a governor's appointment or dismissal stored before item 27 (its decision named by reference only), name no order the
 * registry knows, so "used once" cannot judge a second use of it; an official states it from the paper file, once:
 * <ul>
 * <li>only a stored grant or end that someone signed and that names no document ({@code identity.stated-act-unknown}), not stated before
 * ({@code identity.stored-act-stated-already}), and not one whose archived command the start's pass read ({@code
 * identity.stored-act-has-its-order}: it has its order, and a second one would be a second truth);</li>
 * <li>never by the person themselves ({@code identity.own-act-stated}), and an act of a role that answers to the Cabinet member (a
 * supervisor's, a governor's, the tax officer's or inspector's) by the Cabinet member ({@code identity.statement-by-the-cabinet-member}), as
 * enrolments and ends of those roles are;</li>
 * <li>an official's order on a document the registry received no later than the stored act (its enrolment or end required the document
 * received, so the true order was): a document uploaded since (the dismissal order drawn up for the colleague now) stated as the old
 * grant's would make that dismissal impossible ({@code identity.stated-order-received-after-the-act}). A governor's decision was never
 * uploaded before item 27, so its copy is uploaded now (choice).</li>
 * </ul>
 */
final class StoredActStatements {

    /** A stored grant or end naming no document: what it was, its role and zone, and the registry's time it took effect. */
    record StoredAct(String act, Role role, String zoneId, Instant at) {
    }

    private static final String ARTICLE = "001 art. 23.1.1";
    private final Map<Long, StoredAct> actsNamingNoDocument;
    private final Set<Long> stated;
    private final Predicate<Role> answersToTheCabinet;
    private final String onTheZonesStream;

    /**
     * The acts of one stream: the person's ({@code onTheZonesStream} null), or a zone's record of the person's appointments and dismissals
     * there alone (ADR 0061 item 36), named by that stream.
     */
    StoredActStatements(Map<Long, StoredAct> actsNamingNoDocument, Set<Long> stated, Predicate<Role> answersToTheCabinet, String onTheZonesStream) {
        this.actsNamingNoDocument = actsNamingNoDocument;
        this.stated = stated;
        this.answersToTheCabinet = answersToTheCabinet;
        this.onTheZonesStream = onTheZonesStream;
    }

    /** The stored act the statement names, if its order may be stated by this signer; else the refusal, before anything is recorded. */
    StoredAct statable(StateStoredActOrder body, CommandContext context, Supplier<Map<Long, String>> archive, DocumentStore documents) {
        StoredAct act = body.sequence() == null ? null : actsNamingNoDocument.get(body.sequence());
        if (act == null) {
            throw RegistryProblem.invalid("identity.stated-act-unknown", "No grant or end of a role signed by an official and naming no document "
                    + "is stored at number " + body.sequence() + " of " + (body.zoneId() == null ? body.personId() + "'s stream" : "zone " + body.zoneId().value()
                    + "'s stream as " + body.personId() + "'s appointment or dismissal recorded there alone") + "; a statement gives the order of "
                    + "such an act.", "sequence", ARTICLE);
        }
        if (stated.contains(body.sequence())) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "identity.stored-act-stated-already", "The order of the act at number "
                    + body.sequence() + " of " + body.personId() + "'s stream was stated already; an act rests on one order.", "sequence", ARTICLE);
        }
        if (body.personId().equals(context.actor())) {
            throw RegistryProblem.forbidden("identity.own-act-stated", "Nobody states the order of their own grant or end; another official "
                    + "signs the statement for " + body.personId() + ".", ARTICLE);
        }
        if (byTheCabinetMember(act) && !context.roles().contains(Role.CABINET_MEMBER)) {
            throw new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, "identity.statement-by-the-cabinet-member", "The act at number "
                    + body.sequence() + " is a grant or end of " + act.role() + ", a role the Cabinet member grants and ends; its order is stated "
                    + "by the Cabinet member.", "sequence", act.zoneId() == null ? ARTICLE : ARTICLE + ", 003 art. 8.2");
        }
        if (theArchiveReadItsOrder(body.sequence(), act, archive)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "identity.stored-act-has-its-order", "The registry read the order of the "
                    + "act at number " + body.sequence() + " from its archived signed command; it is counted already, and the act has no other.",
                    "sequence", ARTICLE);
        }
        if (act.zoneId() == null) {
            receivedNoLaterThanTheAct(documents, body.documentSha256().strip().toLowerCase(Locale.ROOT), act);
        }
        return act;
    }

    /**
     * ADR 0061 item 33 (F423, was O261): the acts a statement may name, oldest first, for the staff pages: every act {@link #statable} does
     * not refuse as unknown or as having its order (the same two rules), each saying whether its order was stated already and whether the
     * Cabinet member states it. The archive is read once, and only when some act could be in it.
     */
    List<StoredActsNamingNoOrder.ActNamingNoOrder> namingNoOrder(Supplier<Map<Long, String>> archive) {
        Map<Long, String> read = actsNamingNoDocument.values().stream().anyMatch(act -> act.zoneId() == null) ? archive.get() : Map.of();
        return new TreeMap<>(actsNamingNoDocument).entrySet().stream()
                .filter(stored -> !theArchiveReadItsOrder(stored.getKey(), stored.getValue(), () -> read))
                .map(stored -> new StoredActsNamingNoOrder.ActNamingNoOrder(stored.getKey(), stored.getValue().act(), stored.getValue().role(),
                        stored.getValue().zoneId(), stored.getValue().at(), stated.contains(stored.getKey()), byTheCabinetMember(stored.getValue()),
                        onTheZonesStream))
                .toList();
    }

    private boolean byTheCabinetMember(StoredAct act) {
        return answersToTheCabinet.test(act.role());
    }

    /** The start's pass read the act's order from its archived signed command (item 23); a governor's act is never read by it. */
    private static boolean theArchiveReadItsOrder(long sequence, StoredAct act, Supplier<Map<Long, String>> archive) {
        return act.zoneId() == null && archive.get().containsKey(sequence);
    }

    private static void receivedNoLaterThanTheAct(DocumentStore documents, String document, StoredAct act) {
        Instant received = documents.find(document).map(StoredDocument::receivedAt).orElse(Instant.MAX);
        if (received.isAfter(act.at())) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "identity.stated-order-received-after-the-act", "This document was "
                    + "received " + (received == Instant.MAX ? "never" : "at " + received) + ", after the stored " + act.act() + " (" + act.at()
                    + "), which rested on an order the registry held when it received it; state that order's document.", "documentSha256", ARTICLE);
        }
    }
}
