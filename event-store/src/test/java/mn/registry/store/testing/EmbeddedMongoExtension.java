package mn.registry.store.testing;

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
 * of a test, lifecycle method or constructor. A {@link MongoClient} parameter gives the shared client.
 */
public final class EmbeddedMongoExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmbeddedMongoExtension.class);
    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** Holds the server and client; closed by JUnit when the class's store is closed. */
    private record Server(RegistryMongo mongo) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            mongo.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == MongoDatabase.class || type == MongoClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) throws ParameterResolutionException {
        MongoClient client = client(context);
        if (parameter.getParameter().getType() == MongoClient.class) {
            return client;
        }
        return client.getDatabase("test_" + DATABASES.incrementAndGet());
    }

    /** The shared client of the test class (starts the server on first use). */
    public static MongoClient client(ExtensionContext context) {
        ExtensionContext classContext = context.getTestClass().isPresent() && context.getParent().isPresent()
                && context.getTestMethod().isPresent() ? context.getParent().get() : context;
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent("server", key -> new Server(RegistryMongo.embedded(EmbeddedMongo.inMemory())), Server.class)
                .mongo().client();
    }
}
