package mn.registry.kernel.freezone;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * 003 art. 6.4, 8.7.6, 12.5 (ADR 0035 item 75; abuse audit F377): which of the governor's acts on a registration its aggregate would record
 * now, at the registry's clock, judged by the rules its command handlers refuse by: the governor's desk offers those acts only. The periods
 * of 12.5.1 and 12.5.2 count the zone's closures (ADR 0035 item 21), which the desk does not read.
 *
 * @param deciderIsNotTheApplicant the signed-in governor did not sign the registration's application as the entity's representative
 *                            (003 art. 8.7.6, 12.2; ADR 0035 item 78, F381, was O221): when they did, no act of theirs on it is recorded
 *                            and the desk says another governor decides
 * @param investmentAgreement the agreement would be recorded (none yet, the year to start has not run out)
 * @param operationsStarted   a start would be recorded (none yet, the year to start has not run out)
 * @param operationsResumed   a resumption would be recorded (operations interrupted, the 12 months have not run out); after a court's
 *                            dissolution, only on a document received before the court's day ({@link LateResumption})
 * @param yearToStartRanOutOn the last day of the year to start, moved by closures, when it ran out with no start; else null
 * @param twelveMonthsRanOutOn the last day of the 12 months of interruption, moved by closures, when they ran out; else null
 * @param deregistrationGrounds the grounds of 12.5 a removal would be recorded on (those raised)
 */
public record GovernorActs(boolean deciderIsNotTheApplicant, boolean investmentAgreement, boolean operationsStarted, boolean operationsResumed, LocalDate yearToStartRanOutOn,
                           LocalDate twelveMonthsRanOutOn, Set<DeregistrationGround> deregistrationGrounds) {

    /** A registration not registered (under review, rejected, removed): none of these acts is recorded. */
    public static final GovernorActs NONE = new GovernorActs(true, false, false, false, null, null, Set.of());

    public GovernorActs {
        java.util.EnumSet<DeregistrationGround> grounds = java.util.EnumSet.noneOf(DeregistrationGround.class);
        grounds.addAll(deregistrationGrounds);
        deregistrationGrounds = java.util.Collections.unmodifiableSet(grounds); // in the law's order, as the desk lists them
    }

    /**
     * 003 art. 8.7.6, 12.2 (ADR 0035 item 78, F381): the answer to a governor who signed the registration's application as the entity's
     * representative: no act is recorded on their signature; the periods that ran out stay as they are.
     */
    public GovernorActs toTheApplicant() {
        return new GovernorActs(false, false, false, false, yearToStartRanOutOn, twelveMonthsRanOutOn, Set.of());
    }

    /** The command side's answer to the desk. */
    public interface OfTheRegistration {

        /**
         * The acts the registration's aggregate would record now (the registry's clock) on {@code governor}'s signature; empty when no such
         * registration was applied for.
         */
        default Optional<GovernorActs> now(RegistrationId registration, mn.registry.kernel.identity.PersonId governor) {
            return foldedNow(registration, governor).map(mn.registry.kernel.look.Folded::answer);
        }

        /** As {@link #now}, with the position of the registration's last event the answer folded, which a page waits for (ADR 0071 item 10). */
        Optional<mn.registry.kernel.look.Folded<GovernorActs>> foldedNow(RegistrationId registration, mn.registry.kernel.identity.PersonId governor);

        /**
         * As {@link #foldedNow(RegistrationId, mn.registry.kernel.identity.PersonId)}, for a governor whose grant of the applicant's role in
         * force now names {@code company} (null: none): none of the acts is answered when that is the entity's number (003 art. 12.2, 22.2;
         * 001 art. 23.1.1; ADR 0035 item 110, F532, was O378).
         */
        default Optional<mn.registry.kernel.look.Folded<GovernorActs>> foldedNow(RegistrationId registration, mn.registry.kernel.identity.PersonId governor,
                                                                                 String company) {
            return foldedNow(registration, governor);
        }
    }
}
