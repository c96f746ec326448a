package mn.registry.kernel.freezone;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 003 art. 12.5.1, 12.5.2 (ADR 0035 items 6, 17, 21, 101): the year to start and the 12 months of interruption of a registration's current
 * period as its events stand. The one fold of them: {@code ZoneRegistration} keeps them in its state and the land register
 * ({@code LandHolders}, abuse audit F501) reads them from the registration's stream, so the two judge the same days.
 *
 * @param startRunsFrom        the year to start's first day: the certificate's, the later of it and the agreement once one is recorded; or null
 * @param startDueBy           the year to start's last day as the law counts it (no closure), or null before the certificate
 * @param startedOn            the day operations started, or null
 * @param interruptionRunsFrom the first day of the 12 months running, or null
 * @param resumeDueBy          their last day as the law counts it, or null when operations are not interrupted
 */
public record RunningPeriods(LocalDate startRunsFrom, LocalDate startDueBy, LocalDate startedOn, LocalDate interruptionRunsFrom,
                             LocalDate resumeDueBy) {

    /** No period runs: never registered, or applied again. */
    public static final RunningPeriods NONE = new RunningPeriods(null, null, null, null, null);

    /**
     * The periods after {@code event} of the registration's stream (any other event leaves them): a new application ends them; the
     * certificate starts the year (ADR 0035 item 6); an investment agreement counts it from the later of its signing and the certificate;
     * the interruption's recorded last day (item 17, the late-recording rule already in it) counts the 12 months until a resumption.
     *
     * @param certificateIssuedOn the current period's certificate day before the event, or null before a certificate
     */
    public RunningPeriods after(Object event, LocalDate certificateIssuedOn) {
        if (event instanceof RegistrationEvents.ZoneRegistrationApplied) {
            return NONE;
        }
        if (event instanceof RegistrationEvents.EntityRegistered registered) {
            LocalDate certified = registered.certificate().issuedOn();
            return new RunningPeriods(certified, FreeZoneTerms.startDueBy(certified), null, null, null);
        }
        if (event instanceof RegistrationEvents.InvestmentAgreementRecorded agreement && certificateIssuedOn != null) {
            LocalDate from = agreement.signedOn().isAfter(certificateIssuedOn) ? agreement.signedOn() : certificateIssuedOn;
            return new RunningPeriods(from, agreement.startDueBy(), startedOn, interruptionRunsFrom, resumeDueBy);
        }
        if (event instanceof RegistrationEvents.OperationsStarted started) {
            return new RunningPeriods(startRunsFrom, startDueBy, started.on(), interruptionRunsFrom, resumeDueBy);
        }
        if (event instanceof RegistrationEvents.OperationsInterrupted interrupted) {
            return new RunningPeriods(startRunsFrom, startDueBy, startedOn,
                    interrupted.resumeDueBy().plusDays(1).minusMonths(FreeZoneTerms.INTERRUPTION_MONTHS), interrupted.resumeDueBy());
        }
        if (event instanceof RegistrationEvents.OperationsResumed) {
            return new RunningPeriods(startRunsFrom, startDueBy, startedOn, null, null);
        }
        return this;
    }

    /**
     * 003 art. 6.4, 12.5.1 (ADR 0035 item 21): the year to start's last day at {@code today}, moved by the zone's closures within it; null if
     * none runs. A state without its first day (stored before item 21) counts the year back from its last day.
     */
    public LocalDate startDue(List<FreeZoneTerms.Closure> closures, LocalDate today) {
        return startDueBy == null ? null : FreeZoneTerms.dueAfterClosures(startRunsFrom == null ? startDueBy.plusDays(1).minusYears(1) : startRunsFrom,
                startDueBy, closures, today);
    }

    /** 003 art. 6.4, 12.5.2 (ADR 0035 item 21): the 12 months of interruption's last day at {@code today}, moved likewise; null if none runs. */
    public LocalDate resumeDue(List<FreeZoneTerms.Closure> closures, LocalDate today) {
        return resumeDueBy == null ? null : FreeZoneTerms.dueAfterClosures(interruptionRunsFrom == null
                ? resumeDueBy.plusDays(1).minusMonths(FreeZoneTerms.INTERRUPTION_MONTHS) : interruptionRunsFrom, resumeDueBy, closures, today);
    }

    /** 003 art. 12.5.1: {@code due}, the year's last day, if operations did not start by then (a start recorded after it predates F36's refusal). */
    public LocalDate notStartedBy(LocalDate due) {
        return due != null && (startedOn == null || startedOn.isAfter(due)) ? due : null;
    }

    /**
     * 003 art. 6.4, 12.5.1, 12.5.2, 22.6 (ADR 0035 item 101; abuse audit F501): the ground and last day of the period that ran out before
     * {@code receivedOn}, moved by the closures: the year to start with operations not started by its last day, else the 12 months of
     * interruption; empty if none did.
     */
    public Optional<Map.Entry<DeregistrationGround, LocalDate>> ranOutBefore(List<FreeZoneTerms.Closure> closures, LocalDate receivedOn) {
        LocalDate start = notStartedBy(startDue(closures, receivedOn));
        if (start != null && receivedOn.isAfter(start)) {
            return Optional.of(Map.entry(DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, start));
        }
        LocalDate resume = resumeDue(closures, receivedOn);
        if (resume != null && receivedOn.isAfter(resume)) {
            return Optional.of(Map.entry(DeregistrationGround.INTERRUPTED_TWELVE_MONTHS, resume));
        }
        return Optional.empty();
    }
}
