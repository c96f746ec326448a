package mn.registry.permit.command;

import mn.registry.command.look.AggregateLook;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.RevocationGrounds;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * 002 art. 28.1, 29.1 (ADR 0065): the command side's answer to the supervisor's desk and the holder's page, given by the permit's aggregate
 * itself ({@link PermitApplication#revocationGroundsAt}): loaded from Axon's repository (its stream folded as for a command) inside a unit of
 * work that is rolled back, so the answer stores nothing and holds the permit's lock only while it is read.
 */
@Component
class PermitRevocationGrounds implements RevocationGrounds {

    private final EventStore events;
    private final Supplier<Repository<PermitApplication>> permits;
    /** The calendar the deadlines use, which 29.1.5's rule reads (ADR 0046 item 104), as the handlers are given it. */
    private final PermitServices services;

    @Autowired
    PermitRevocationGrounds(EventStore events, ObjectProvider<Configuration> axon, PermitServices services) {
        this(events, () -> axon.getObject().repository(PermitApplication.class), services);
    }

    PermitRevocationGrounds(EventStore events, Supplier<Repository<PermitApplication>> permits, PermitServices services) {
        this.events = events;
        this.permits = permits;
        this.services = services;
    }

    /** An id that names no stream is no permit. */
    @Override
    public Optional<Answer> at(ApplicationId id, Instant now) {
        return AggregateLook.ask(events, permits.get(), id.value(), permit -> permit.revocationGroundsAt(now, services));
    }

    /** As {@link #at}, with the position of the permit's last event it folded (ADR 0071 item 10). */
    @Override
    public Optional<mn.registry.kernel.look.Folded<Answer>> foldedAt(ApplicationId id, Instant now) {
        return AggregateLook.fold(events, permits.get(), id.value(), permit -> permit.revocationGroundsAt(now, services));
    }

    /** As {@link #foldedAt(ApplicationId, Instant)}, judging {@code official} on the aggregate's holder now (ADR 0046 item 156, F523). */
    @Override
    public Optional<mn.registry.kernel.look.Folded<Answer>> foldedAt(ApplicationId id, Instant now, mn.registry.kernel.identity.PersonId official,
                                                                    String officialsCompany) {
        return AggregateLook.fold(events, permits.get(), id.value(), permit -> permit.revocationGroundsAt(now, services, official, officialsCompany));
    }
}
