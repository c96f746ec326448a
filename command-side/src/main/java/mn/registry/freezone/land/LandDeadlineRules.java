package mn.registry.freezone.land;

import mn.registry.deadline.DeadlineInstruction;
import mn.registry.deadline.DeadlineRules;
import mn.registry.deadline.ScheduledDeadline;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.ZoneId;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The land register's deadline for the deadline service (003 art. 22.5, 22.7; choice, ADR 0035 item 20; abuse audit F125): rights
 * granted with a last day to pay the one-time fee ({@code LandRightsGranted.feeDueBy}) lapse at the end of that day in Ulaanbaatar
 * unless the fee is recorded (the certificate issued) or the rights are revoked first. A calendar day, not a working day: no
 * calendar change moves it. Licences granted before the rule carry no last day and start nothing.
 */
@Component
class LandDeadlineRules implements DeadlineRules {

    static final String FEE = "freezone.land-fee";

    @Override
    public Set<String> kinds() {
        return Set.of(FEE);
    }

    @Override
    public List<DeadlineInstruction> instructionsFor(Object event, long sequence) {
        if (event instanceof LandEvents.LandRightsGranted e && e.feeDueBy() != null) {
            return List.of(new DeadlineInstruction.Start(ScheduledDeadline.endOfDay(e.licenceId().value(), FEE, sequence, e.feeDueBy(),
                    "payment of the one-time land fee", mn.registry.kernel.freezone.FreeZoneTerms.LAND_FEE_ARTICLE)));
        }
        if (event instanceof LandEvents.LandLicenceIssued e) {
            return List.of(new DeadlineInstruction.End(e.licenceId().value(), FEE));
        }
        if (event instanceof LandEvents.LandRightsRevoked e) {
            return List.of(new DeadlineInstruction.End(e.licenceId().value(), FEE));
        }
        if (event instanceof LandEvents.LandFeePaymentReported e) { // ADR 0035 item 22: reported paid in time, the rights do not lapse
            return List.of(new DeadlineInstruction.End(e.licenceId().value(), FEE));
        }
        if (event instanceof LandEvents.LandRightsLapsed e) {
            return List.of(new DeadlineInstruction.End(e.licenceId().value(), FEE));
        }
        return List.of();
    }

    @Override
    public Object firingCommand(ScheduledDeadline deadline, Instant firedAt) {
        return new LandStreamCommands.LapseUnpaidLicence(new LandLicenceId(deadline.aggregateId()), firedAt);
    }

    @Override
    public Object recomputeCommand(ScheduledDeadline deadline, Deadline recomputed) {
        throw new IllegalArgumentException("the land fee's last day is a calendar day, never recomputed: " + deadline.id());
    }

    /** The zone of a licence {@code <zone>-L<n>}. */
    static ZoneId zoneOf(LandLicenceId licence) {
        return ZoneId.of(licence.value().substring(0, licence.value().lastIndexOf("-L")));
    }
}
