package mn.registry.permit.command;

import com.mongodb.client.MongoDatabase;
import mn.registry.document.DocumentStore;
import mn.registry.kernel.permit.RequiredDocument;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.springframework.util.unit.DataSize;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The signed ApplyForPermit carried out through Axon, the claims, the receipt counter and a document store holding each required paper
 * ({@link Applications#content}), uploaded at {@link #UPLOADED}: one node on the test's database, shut down by {@link #close}.
 *
 * @param documents the document store, each required paper received
 * @param engine    the node's events
 * @param axon      the node's Axon configuration
 * @param type      the signed command type under test
 */
record ApplyForPermitNode(DocumentStore documents, InMemoryEventStorageEngine engine, Configuration axon, PermitCommandTypes.ApplyForPermitType type)
        implements AutoCloseable {

    static final Instant UPLOADED = Instant.parse("2026-11-19T09:00:00Z");

    static ApplyForPermitNode on(MongoDatabase database) {
        DocumentStore documents = new DocumentStore(database, Clock.fixed(UPLOADED, ZoneOffset.UTC), DataSize.ofMegabytes(1));
        for (RequiredDocument kind : RequiredDocument.values()) {
            documents.receive(Applications.content(kind), "text/plain; charset=utf-8", kind.name().toLowerCase() + ".txt");
        }
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        Configuration axon = CompanyClaimsFixture.permitAxon(database, documents, engine);
        return new ApplyForPermitNode(documents, engine, axon, new PermitCommandTypes.ApplyForPermitType(axon.commandGateway(),
                new MongoPermitApplicationIds(database), CompanyClaimsFixture.claims(database, axon), CompanyClaimsFixture.documentClaims(database)));
    }

    @Override
    public void close() {
        axon.shutdown();
    }
}
