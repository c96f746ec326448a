package mn.registry.freezone.entity;

import mn.registry.command.look.AggregateNow;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.GovernorActs;
import mn.registry.kernel.freezone.RegistrationId;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * 003 art. 6.4, 8.7.6, 12.5 (ADR 0035 item 75; abuse audit F377): the command side's answer to the governor's desk, which offers an act only
 * where the registration would record it. The registration's own aggregate answers ({@link ZoneRegistration#actsAcceptedOn}, on the rules its
 * handlers refuse by, the zone's closures counted), loaded by Axon's repository inside a unit of work that is rolled back: nothing is
 * applied or stored, and its lock is released; a command on the registration meanwhile waits for it, as for another command. Judged on the
 * registry's clock (a demo registry's moved clock too), as a command received now would be.
 */
@Component
class GovernorActsNow implements GovernorActs.OfTheRegistration {

    private final RegistrationServices services;
    private final AggregateNow<ZoneRegistration> registrations;

    @Autowired
    GovernorActsNow(Clock clock, RegistrationServices services, EventStore events, ObjectProvider<Configuration> axon) {
        this(clock, services, events, () -> axon.getObject().repository(ZoneRegistration.class));
    }

    GovernorActsNow(Clock clock, RegistrationServices services, EventStore events, Supplier<Repository<ZoneRegistration>> registrations) {
        this.services = services;
        this.registrations = new AggregateNow<>(clock, events, registrations);
    }

    @Override
    public Optional<GovernorActs> now(RegistrationId registration, mn.registry.kernel.identity.PersonId governor) {
        return judgedNow(registration, actsOn(governor));
    }

    /** As {@link #now}, with the position of the registration's last event it folded (ADR 0071 item 10). */
    @Override
    public Optional<mn.registry.kernel.look.Folded<GovernorActs>> foldedNow(RegistrationId registration, mn.registry.kernel.identity.PersonId governor) {
        return registrations.fold(registration.stream(), onTheDay(actsOn(governor)));
    }

    /** As {@link #foldedNow(RegistrationId, mn.registry.kernel.identity.PersonId)}, on {@code company}'s grant (ADR 0035 item 110, F532). */
    @Override
    public Optional<mn.registry.kernel.look.Folded<GovernorActs>> foldedNow(RegistrationId registration, mn.registry.kernel.identity.PersonId governor,
                                                                            String company) {
        return registrations.fold(registration.stream(), onTheDay((aggregate, today) -> aggregate.actsAcceptedOn(today, services, governor, company)));
    }

    private BiFunction<ZoneRegistration, LocalDate, GovernorActs> actsOn(mn.registry.kernel.identity.PersonId governor) {
        return (aggregate, today) -> aggregate.actsAcceptedOn(today, services, governor);
    }

    /**
     * What the registration's aggregate answers {@code question} on the registry's day now (in Ulaanbaatar), read in a unit of work rolled back;
     * empty when no such registration was applied for.
     */
    <R> Optional<R> judgedNow(RegistrationId registration, BiFunction<ZoneRegistration, LocalDate, R> question) {
        return registrations.ask(registration.stream(), onTheDay(question));
    }

    private static <R> BiFunction<ZoneRegistration, java.time.Instant, R> onTheDay(BiFunction<ZoneRegistration, LocalDate, R> question) {
        return (aggregate, now) -> question.apply(aggregate, UlaanbaatarTime.dateOf(now));
    }

    /** The services the aggregate judges with (the zone's closures, the entity's court decisions elsewhere). */
    RegistrationServices services() {
        return services;
    }
}
