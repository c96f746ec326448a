package mn.registry.permit.command;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.Configuration;

/**
 * The company claims of ADR 0031 on a started Axon configuration, their backfill run first as at a registry's start; and the documents'
 * claims of ADR 0057 an application takes beside them (session 24), their backfill done.
 */
final class CompanyClaimsFixture {

    private CompanyClaimsFixture() {
    }

    static CompanyPermitClaims claims(MongoDatabase database, Configuration axon) {
        CompanyPermitClaimsBackfill backfill = new CompanyPermitClaimsBackfill(database, axon.eventStore(), axon.commandGateway(),
                java.time.Clock.systemUTC());
        backfill.start();
        return new CompanyPermitClaims(database, new mn.registry.command.api.CommandLog(database, java.time.Clock.systemUTC()), axon.eventStore(),
                axon.commandGateway(), backfill);
    }

    /**
     * A started Axon configuration of the permit aggregate on {@code engine}, its services the registry's (the calendar, the document store,
     * the receipt numbers), as the application tests of the claims need it.
     */
    static Configuration permitAxon(MongoDatabase database, mn.registry.document.DocumentStore documents,
                                    org.axonframework.eventsourcing.eventstore.EventStorageEngine engine) {
        Configuration axon = org.axonframework.config.DefaultConfigurer.defaultConfiguration()
                .configureAggregate(Signed.aggregate())
                .registerComponent(PermitServices.class, c -> new RegistryPermitServices(
                        new mn.registry.infrastructure.calendar.CurrentCalendar(c.eventStore(), java.time.Clock.systemUTC()),
                        c.eventStore(), documents, new MongoPermitApplicationIds(database), () -> c.repository(PermitApplication.class)))
                .configureEmbeddedEventStore(c -> engine)
                .buildConfiguration();
        axon.start();
        return axon;
    }

    static mn.registry.command.claim.DocumentClaims documentClaims(MongoDatabase database) {
        return mn.registry.command.claim.DocumentClaims.backfilled(database, new mn.registry.command.api.CommandLog(database, java.time.Clock.systemUTC()));
    }

    /**
     * The database commands {@code act} sends through an {@code ApplyForPermit} type of its own (its ids, company claims and document claims
     * on a counted client), as {@code "<command> <collection>"}, for the collections {@code counted} names (moved here from
     * {@code ApplyForPermitTypeTest} for session 27's count of every round trip). {@code warmUp} runs first through the same type, uncounted
     * (session 28: a node that has judged earlier applications, as a registry's after its first minutes).
     */
    static java.util.Map<String, Integer> roundTrips(com.mongodb.ConnectionString server, MongoDatabase database, Configuration axon,
                                                     java.util.function.Predicate<String> counted,
                                                     java.util.function.Consumer<PermitCommandTypes.ApplyForPermitType> warmUp,
                                                     java.util.function.Consumer<PermitCommandTypes.ApplyForPermitType> act) {
        java.util.Map<String, Integer> sent = new java.util.concurrent.ConcurrentSkipListMap<>();
        java.util.concurrent.atomic.AtomicBoolean counting = new java.util.concurrent.atomic.AtomicBoolean();
        try (com.mongodb.client.MongoClient client = countingClient(server, counted, counting, sent)) {
            MongoDatabase same = client.getDatabase(database.getName());
            PermitCommandTypes.ApplyForPermitType countedType = new PermitCommandTypes.ApplyForPermitType(axon.commandGateway(),
                    new MongoPermitApplicationIds(same), claims(same, axon), documentClaims(same));
            warmUp.accept(countedType);
            counting.set(true);
            act.accept(countedType);
        }
        return sent;
    }

    /**
     * A client of {@code server} that counts in {@code sent}, while {@code counting}, each database command on a collection {@code counted}
     * names, as {@code "<command> <collection>"}.
     */
    static com.mongodb.client.MongoClient countingClient(com.mongodb.ConnectionString server, java.util.function.Predicate<String> counted,
                                                         java.util.concurrent.atomic.AtomicBoolean counting, java.util.Map<String, Integer> sent) {
        return com.mongodb.client.MongoClients.create(com.mongodb.MongoClientSettings.builder().applyConnectionString(server)
                .addCommandListener(new com.mongodb.event.CommandListener() {
                    @Override
                    public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                        org.bson.BsonValue collection = event.getCommand().get(event.getCommandName());
                        if (counting.get() && collection != null && collection.isString() && counted.test(collection.asString().getValue())) {
                            sent.merge(event.getCommandName() + " " + collection.asString().getValue(), 1, Integer::sum);
                        }
                    }
                }).build());
    }
}
