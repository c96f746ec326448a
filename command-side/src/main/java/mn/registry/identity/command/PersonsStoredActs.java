package mn.registry.identity.command;

import mn.registry.command.look.AggregateLook;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.StoredActsNamingNoOrder;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * 001 art. 23.1.1, 003 art. 8.2 (ADR 0061 item 33; abuse audit F423, was O261): the person's stream answers which of its stored grants and
 * ends a statement of their order may name ({@link Person#actsNamingNoOrder}, the statement's own rules), loaded from Axon's repository in
 * a unit of work that is rolled back (ADR 0065), with the orders the start's pass read from the archive as the statement reads them. A
 * page does not wait for the pass (abuse audit F441, was O262): while it has not run, a person whose list needs the archive is answered at
 * once with {@value StoredActsNamingNoOrder#NOT_READY}.
 */
@Component
class PersonsStoredActs implements StoredActsNamingNoOrder {

    private final EventStore events;
    private final Supplier<Repository<Person>> persons;
    private final Person.OrdersOfStoredActs archive;
    private final mn.registry.identity.api.ZoneRecordsOfAppointments zoneRecords;
    private ObjectProvider<mn.registry.command.claim.DocumentClaims> claims;

    @Autowired
    PersonsStoredActs(EventStore events, ObjectProvider<Configuration> axon, Person.OrdersOfStoredActs archive,
                      mn.registry.identity.api.ZoneRecordsOfAppointments zoneRecords,
                      ObjectProvider<mn.registry.command.claim.DocumentClaims> claims) {
        this(events, () -> axon.getObject().repository(Person.class), archive, zoneRecords);
        this.claims = claims;
    }

    /** The zones' records (ADR 0061 item 40) give a governor's appointments and dismissals recorded there alone. */
    PersonsStoredActs(EventStore events, Supplier<Repository<Person>> persons, Person.OrdersOfStoredActs archive,
                      mn.registry.identity.api.ZoneRecordsOfAppointments zoneRecords) {
        this.events = events;
        this.persons = persons;
        this.archive = archive;
        this.zoneRecords = zoneRecords;
    }

    @Override
    public Optional<List<ActNamingNoOrder>> of(PersonId person) {
        Optional<List<ActNamingNoOrder>> acts = AggregateLook.ask(events, persons.get(), PersonCommands.streamOf(person),
                stream -> stream.actsNamingNoOrder(person, archive::ordersWithoutWaiting, zoneRecords));
        mn.registry.command.claim.DocumentClaims read = claims == null ? null : claims.getIfAvailable();
        return read == null ? acts : acts.map(list -> withStatedConcerns(list, read));
    }

    /**
     * 001 art. 23.1.1 (ADR 0061 item 60; abuse audit O351 in part): beside each act whose order was stated, the persons its order's claim
     * says the first citation stated it concerns, so that a second official on the page sees what the first stated.
     */
    static List<ActNamingNoOrder> withStatedConcerns(List<ActNamingNoOrder> acts, mn.registry.command.claim.DocumentClaims claims) {
        return acts.stream().map(act -> act.statedOrder() == null ? act
                : act.withStatedConcerns(claims.statedConcerns(act.statedOrder()).orElse(null))).toList();
    }
}
