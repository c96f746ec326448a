package mn.registry.store.testing;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import mn.registry.store.mongo.EmbeddedMongo;
import mn.registry.store.mongo.RegistryMongo;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code @ExtendWith(EmbeddedMongoExtension.class)}: one in-memory embedded MongoDB server per test class
 * (closed after the class), and a FRESH, empty {@link MongoDatabase} for every {@code MongoDatabase} parameter
 * of a test, lifecycle method or constructor. A {@link MongoClient} parameter gives the shared client; a {@link ConnectionString}
 * parameter the server's address, for a test that needs a client of its own (one that counts or records its commands).
 */
public final class EmbeddedMongoExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmbeddedMongoExtension.class);
    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** Holds the server and client; closed by JUnit when the class's store is closed. */
    private record Server(EmbeddedMongo server, RegistryMongo mongo) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            mongo.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == MongoDatabase.class || type == MongoClient.class || type == ConnectionString.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) throws ParameterResolutionException {
        if (parameter.getParameter().getType() == ConnectionString.class) {
            return new ConnectionString(server(context).server().connectionString());
        }
        MongoClient client = client(context);
        if (parameter.getParameter().getType() == MongoClient.class) {
            return client;
        }
        return client.getDatabase("test_" + DATABASES.incrementAndGet());
    }

    /** The shared client of the test class (starts the server on first use). */
    public static MongoClient client(ExtensionContext context) {
        return server(context).mongo().client();
    }

    private static Server server(ExtensionContext context) {
        ExtensionContext classContext = context.getTestClass().isPresent() && context.getParent().isPresent()
                && context.getTestMethod().isPresent() ? context.getParent().get() : context;
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent("server", key -> {
            EmbeddedMongo server = EmbeddedMongo.inMemory();
            return new Server(server, RegistryMongo.embedded(server));
        }, Server.class);
    }
}
