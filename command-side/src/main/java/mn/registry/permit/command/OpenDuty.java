package mn.registry.permit.command;

import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.HeldDeadline;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.PermitDuty;
import mn.registry.kernel.permit.PermitDutyDueRecomputed;
import mn.registry.kernel.permit.PermitDutyRaised;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.BiFunction;

/**
 * A duty {@link PermitApplication} holds open, as the deadline rules schedule it: the last day it is due and, for a duty counted in
 * working days (domain-rules §2), its day 0, its length and the calendar version it was counted on ({@code startedOn}, {@code workingDays},
 * {@code calendarVersion}; null for a duty due on a date), so that it runs again as it was counted (ADR 0046 item 60); and the instant it
 * was first raised ({@code since}), which the evidence it is done with does not precede (ADR 0046 item 63).
 */
record OpenDuty(LocalDate due, LocalDate startedOn, WorkingDays workingDays, CalendarVersion calendarVersion, Instant since) {

    /**
     * The duty as {@code event} raised it: a new duty, since the raise; or, raised again to run on ({@code continued}: the duty a revocation
     * stopped, raised again on reinstatement), the same duty, since its first raise.
     */
    static OpenDuty raised(PermitDutyRaised event, OpenDuty continued) {
        return new OpenDuty(event.due(), event.startedOn(), event.workingDays(), event.calendarVersion(),
                continued == null || continued.since() == null ? event.raisedAt() : continued.since());
    }

    /** Moved by a calendar change, counted on the new version. */
    OpenDuty recomputed(PermitDutyDueRecomputed event) {
        return new OpenDuty(event.due(), event.startedOn(), event.workingDays(), event.calendarVersion(), since);
    }

    boolean countsWorkingDays() {
        return workingDays != null;
    }

    /**
     * Counted again from its day 0 with the calendar in force ({@code calendar}), as the deadline service moves an open working-day
     * deadline when the calendar changes: moved, on the version in force; not moved (or due on a date), as it was.
     */
    OpenDuty countedAgain(BiFunction<LocalDate, WorkingDays, Deadline> calendar) {
        if (!countsWorkingDays()) {
            return this;
        }
        return new HeldDeadline(startedOn, workingDays, due).movedOn(calendar)
                .map(again -> new OpenDuty(again.due(), again.receivedOn(), again.workingDays(), again.calendarVersion(), since))
                .orElse(this);
    }

    /**
     * domain-rules §2 (ADR 0046 item 133; F477): true when this duty counts working days and was counted on a state of the calendar other
     * than {@code inForce} (the version the node holds, no read): a declaration since may have moved its last day, earlier or later.
     */
    boolean countedBefore(CalendarVersion inForce) {
        return countsWorkingDays() && calendarVersion != null && !calendarVersion.sameStateAs(inForce);
    }

    /** The event that raises this duty again at {@code at}, with its due date and, if counted in working days, its count. */
    PermitDutyRaised raisedAgain(ApplicationId applicationId, PermitDuty duty, Instant at) {
        return new PermitDutyRaised(applicationId, duty, startedOn, workingDays, due, calendarVersion, at, duty.article());
    }
}
