package mn.registry.freezone.report;

import mn.registry.freezone.zone.DatedActsOfTheZone;
import mn.registry.freezone.zone.ZoneDating;
import mn.registry.infrastructure.axon.WholeStream;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.ZoneId;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Objects;

/**
 * {@link DatedActsOfTheZone} on the running registry, read at the moment of asking, on the Cabinet member's rare act, while the zone's key
 * is held ({@link ZoneDating}, ADR 0035 item 40): the exemptions and the basic values of land from the zone's land register stream, the earliest agreement from what the
 * key's holders kept (no longer every registration stream found through the quarterly report's index, which lags and is emptied by a
 * rebuild).
 */
@Component
class RegistryDatedActsOfTheZone implements DatedActsOfTheZone {

    private final ZoneDating dating;
    private final EventStore events;

    RegistryDatedActsOfTheZone(ZoneDating dating, EventStore events) {
        this.dating = dating;
        this.events = events;
    }

    @Override
    public LocalDate earliestExemptionDecision(ZoneId zone) {
        return WholeStream.payloads(events, zone.landStream())
                .filter(LandEvents.LandFeeExemptionGranted.class::isInstance)
                .map(e -> ((LandEvents.LandFeeExemptionGranted) e).decidedOn()).filter(Objects::nonNull).min(LocalDate::compareTo).orElse(null);
    }

    @Override
    public LocalDate earliestBaseValueDecision(ZoneId zone) {
        return WholeStream.payloads(events, zone.landStream())
                .filter(LandEvents.LandBaseValueRecorded.class::isInstance)
                .map(e -> ((LandEvents.LandBaseValueRecorded) e).decidedOn()).filter(Objects::nonNull).min(LocalDate::compareTo).orElse(null);
    }

    @Override
    public LocalDate earliestAgreement(ZoneId zone) {
        return dating.earliestAgreement(zone);
    }
}
