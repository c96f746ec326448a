package mn.registry.freezone.report;

import mn.registry.freezone.zone.DatedActsOfTheZone;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@link DatedActsOfTheZone} on the running registry: the zone's land register stream, and each of its registrations' streams (found
 * through the index the quarterly report reads: an agreement follows its registration's application, indexed long before), read from
 * the events at the moment of asking, on the Cabinet member's rare act.
 */
@Component
class RegistryDatedActsOfTheZone implements DatedActsOfTheZone {

    private final ZoneRegistrationIndex index;
    private final EventStore events;

    RegistryDatedActsOfTheZone(ZoneRegistrationIndex index, EventStore events) {
        this.index = index;
        this.events = events;
    }

    @Override
    public LocalDate earliestExemptionDecision(ZoneId zone) {
        return earliest(payloads(zone.landStream()).filter(LandEvents.LandFeeExemptionGranted.class::isInstance)
                .map(e -> ((LandEvents.LandFeeExemptionGranted) e).decidedOn()));
    }

    @Override
    public LocalDate earliestAgreement(ZoneId zone) {
        return earliest(index.registrationsOf(zone).stream().map(RegistrationId::stream).flatMap(this::payloads)
                .filter(RegistrationEvents.InvestmentAgreementRecorded.class::isInstance)
                .map(e -> ((RegistrationEvents.InvestmentAgreementRecorded) e).signedOn()));
    }

    private Stream<Object> payloads(String stream) {
        return events.readEvents(stream).asStream().map(EventMessage::getPayload);
    }

    private static LocalDate earliest(Stream<LocalDate> days) {
        return days.filter(Objects::nonNull).min(LocalDate::compareTo).orElse(null);
    }
}
