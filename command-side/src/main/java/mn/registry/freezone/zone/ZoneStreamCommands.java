package mn.registry.freezone.zone;

import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Internal Axon commands on a zone's stream: the signed body plus the signing time and the signer, computed outside the aggregate. */
public final class ZoneStreamCommands {

    private ZoneStreamCommands() {
    }

    record Establish(@TargetAggregateIdentifier String stream, ZoneCommands.EstablishZone body, Instant at, PersonId by) {
        Establish(ZoneCommands.EstablishZone body, Instant at, PersonId by) {
            this(body.zoneId().stream(), body, at, by);
        }
    }

    record Open(@TargetAggregateIdentifier String stream, ZoneId zoneId, String decision, Instant at, PersonId by) {
    }

    record Close(@TargetAggregateIdentifier String stream, ZoneId zoneId, String decision, Instant at, PersonId by) {
    }

    /** The public record of an appointment, sent by the governor command types after the role is granted. */
    public record RecordAppointment(@TargetAggregateIdentifier String stream, ZoneId zoneId, PersonId governor, String displayName,
                                    String decision, Instant from, PersonId by) {
        public RecordAppointment(ZoneId zoneId, PersonId governor, String displayName, String decision, Instant from, PersonId by) {
            this(zoneId.stream(), zoneId, governor, displayName, decision, from, by);
        }
    }

    public record RecordDismissal(@TargetAggregateIdentifier String stream, ZoneId zoneId, PersonId governor, String decision,
                                  Instant until, PersonId by) {
        public RecordDismissal(ZoneId zoneId, PersonId governor, String decision, Instant until, PersonId by) {
            this(zoneId.stream(), zoneId, governor, decision, until, by);
        }
    }

    public record RecordReportSigned(@TargetAggregateIdentifier String stream, ZoneCommands.SignQuarterlyReport body, Instant at, PersonId by) {
        public RecordReportSigned(ZoneCommands.SignQuarterlyReport body, Instant at, PersonId by) {
            this(body.zoneId().stream(), body, at, by);
        }
    }
}
