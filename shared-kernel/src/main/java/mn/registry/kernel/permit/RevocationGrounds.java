package mn.registry.kernel.permit;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 002 art. 28.1, 29.1.1-29.1.5, 23.3 (ADR 0065): the command side's answer to the pages that offer a revocation (the supervisor's desk) or
 * show the holder's request to revoke (the holder's page). The permit's aggregate answers by its own rules, the rules its command handlers
 * apply, judged at the registry's receipt time {@code now}; no page keeps a copy of them.
 */
public interface RevocationGrounds {

    /** What the permit's aggregate would accept at {@code now}, or empty when no permit has that id. */
    default Optional<Answer> at(ApplicationId id, Instant now) {
        return foldedAt(id, now).map(mn.registry.kernel.look.Folded::answer);
    }

    /** As {@link #at}, with the position of the permit's last event the answer folded, which a page waits for (ADR 0071 item 10). */
    Optional<mn.registry.kernel.look.Folded<Answer>> foldedAt(ApplicationId id, Instant now);

    /**
     * As {@link #foldedAt(ApplicationId, Instant)}, asked for the signed-in {@code official} whose grant of the applicant's role in force now
     * names {@code officialsCompany} (null: none): the answer also says whether that official acts for the permit's holder on the aggregate's
     * state now ({@link Answer#officialRefusedWith}; ADR 0046 item 156, abuse audit F523, was O406), as the Free Zone's governor's answer is
     * asked with the governor's company. An implementation that does not judge the official answers as {@link #foldedAt(ApplicationId, Instant)}.
     */
    default Optional<mn.registry.kernel.look.Folded<Answer>> foldedAt(ApplicationId id, Instant now, mn.registry.kernel.identity.PersonId official,
                                                                     String officialsCompany) {
        return foldedAt(id, now);
    }

    /**
     * A ground's verdict: accepted on the record; accepted once the revocation names the document that shows the ground (29.1.2, 29.1.3,
     * ADR 0064: a document not yet uploaded is not judged); or refused, with the code of the problem the revocation would be refused with.
     */
    record Verdict(boolean accepted, boolean documentNeeded, String refusedWith) {

        public static final Verdict ACCEPTED = new Verdict(true, false, null);
        public static final Verdict DOCUMENT_NEEDED = new Verdict(true, true, null);

        public static Verdict refused(String code) {
            return new Verdict(false, false, code);
        }
    }

    /** Whose request to revoke is on the permit's record (002 art. 29.1.1, 23.3; ADR 0046 item 74). */
    enum HolderRequest {
        /** None waits. */
        NONE,
        /** The holder in force asked: its request waits for the ministry, and the holder may withdraw it. */
        THE_HOLDERS,
        /** The request on record was received before the permit's last transfer: the former holder's, grounding nothing. */
        THE_PREDECESSORS
    }

    /**
     * The answer: each ground's verdict; whose request to revoke is on record; whether the permit, suspended on a run-out an upheld
     * complaint spent, may be suspended anew on a finding received since the decision (ADR 0046 item 92; its evidence is judged by the act);
     * and (ADR 0065, session 24's second round) the other decisions the desk offers on the permit's state: the restoration's verdict (28.4:
     * refused while the suspension's ground stands), the verdict on refusing the tax authority's request (28.1: refused when none waits),
     * and whether a ground to suspend stands, on which an extension may be refused (27.5); and whether the extension request waited on a
     * revocation that now stands, and ended with it (27.3, 29.6, ADR 0046 item 111: the holder's page shows it closed, not pending); and
     * whether the suspension outlived 28.1's three months with no notice in time, so that the restoration needs no remedy (28.1, 28.4,
     * ADR 0046 item 113: the desk says so), and whether that restoration is the supervisor's alone, the suspension's notice not recorded
     * by its due day (28.3, item 121: the desk withholds it from a reviewer and says why); and whether an inspection finding no violation
     * is the inspector's alone, an inspector's opinion of a violation standing (28.1, 28.4, item 139: the desk withholds its inspection
     * form from a reviewer and says why); and (item 153; abuse audit F548, was O369) whether the holder's representative no longer holds
     * the company representative's role for the holder now (a grant ended, or naming another company), so the desk prompts the supervisor
     * to name another (002 art. 23.2; 001 art. 23.1.1); and (item 156; abuse audit F523, was O406), when asked for an official, the code
     * of the refusal every ministry act of that official on the permit would meet because they act for its holder now
     * ({@link OfficialActsForTheHolder}, on the aggregate's holder and representative, which the case file may show a moment late: a
     * transfer received since), null when they do not or when no official was asked. The signer's role, the reason and an escalated
     * duty are the act's and the desk's.
     */
    record Answer(Map<RevocationGround, Verdict> grounds, HolderRequest holderRequest, boolean suspensionAnew, Verdict restoration,
                  Verdict taxRequestRefusal, boolean groundToSuspend, boolean extensionRequestClosed, boolean restorationOnTheMonthsSpent,
                  boolean restorationOnTheMonthsSpentIsTheSupervisors, boolean remedyFindingIsTheInspectors,
                  boolean representativeNoLongerActs, String officialRefusedWith) {

        public Answer {
            grounds = Map.copyOf(grounds);
        }

        /** An answer asked for no official (item 156: the field added after). */
        public Answer(Map<RevocationGround, Verdict> grounds, HolderRequest holderRequest, boolean suspensionAnew, Verdict restoration,
                      Verdict taxRequestRefusal, boolean groundToSuspend, boolean extensionRequestClosed, boolean restorationOnTheMonthsSpent,
                      boolean restorationOnTheMonthsSpentIsTheSupervisors, boolean remedyFindingIsTheInspectors, boolean representativeNoLongerActs) {
            this(grounds, holderRequest, suspensionAnew, restoration, taxRequestRefusal, groundToSuspend, extensionRequestClosed,
                    restorationOnTheMonthsSpent, restorationOnTheMonthsSpentIsTheSupervisors, remedyFindingIsTheInspectors, representativeNoLongerActs,
                    null);
        }

        /** An answer in which the holder's representative holds the role (ADR 0046 item 153: the field added after). */
        public Answer(Map<RevocationGround, Verdict> grounds, HolderRequest holderRequest, boolean suspensionAnew, Verdict restoration,
                      Verdict taxRequestRefusal, boolean groundToSuspend, boolean extensionRequestClosed, boolean restorationOnTheMonthsSpent,
                      boolean restorationOnTheMonthsSpentIsTheSupervisors, boolean remedyFindingIsTheInspectors) {
            this(grounds, holderRequest, suspensionAnew, restoration, taxRequestRefusal, groundToSuspend, extensionRequestClosed,
                    restorationOnTheMonthsSpent, restorationOnTheMonthsSpentIsTheSupervisors, remedyFindingIsTheInspectors, false);
        }

        /** An answer in which the suspension did not outlive its three months unnoticed (item 113). */
        public Answer(Map<RevocationGround, Verdict> grounds, HolderRequest holderRequest, boolean suspensionAnew, Verdict restoration,
                      Verdict taxRequestRefusal, boolean groundToSuspend, boolean extensionRequestClosed) {
            this(grounds, holderRequest, suspensionAnew, restoration, taxRequestRefusal, groundToSuspend, extensionRequestClosed, false, false, false,
                    false);
        }

        /** The grounds a revocation could name, in the law's order (those needing a document included). */
        public List<RevocationGround> offered() {
            return Arrays.stream(RevocationGround.values()).filter(g -> verdict(g).accepted()).toList();
        }

        /** Whether the revocation on {@code ground} would be refused with the problem {@code code}. */
        public boolean refusedWith(RevocationGround ground, String code) {
            return code.equals(verdict(ground).refusedWith());
        }

        public Verdict verdict(RevocationGround ground) {
            return grounds.getOrDefault(ground, Verdict.refused("permit.wrong-state"));
        }
    }
}
