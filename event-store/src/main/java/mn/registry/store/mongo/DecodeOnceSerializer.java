package mn.registry.store.mongo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The event store's reading side of Axon's {@link JacksonSerializer} (Session 8, issue 15 target 4): each stored
 * payload is read once, straight from its stored JSON string into its event type, by one {@link ObjectReader} per type
 * made once and reused, the type's class resolved once. Axon's own {@code deserialize} asks the mapper for a new reader
 * ({@code readerFor}) and resolves the class again for every event, and copies the stored string into UTF-8 bytes first:
 * together about a quarter of a batched rebuild's main thread (Session 7's profile). Everything else (serializing, so the
 * sealed bytes; conversions for upcasters; unknown types; a payload an upcaster turned into a tree) is the wrapped
 * serializer's, unchanged. A message is still decoded lazily and at most once: Axon's lazy message keeps what it decoded,
 * and a processor hands the same message to each of its handlers.
 */
public final class DecodeOnceSerializer implements Serializer {

    private final JacksonSerializer delegate;
    private final ConcurrentMap<TypeKey, Class<?>> classes = new ConcurrentHashMap<>();
    private final ConcurrentMap<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    private DecodeOnceSerializer(JacksonSerializer delegate) {
        this.delegate = delegate;
    }

    /** {@code serializer} reading each payload once where it is Jackson's; any other serializer as it is. */
    public static Serializer readingOnce(Serializer serializer) {
        return serializer instanceof JacksonSerializer jackson ? new DecodeOnceSerializer(jackson) : serializer;
    }

    /** The wrapped serializer (its object mapper, for those who need the same JSON). */
    public JacksonSerializer delegate() {
        return delegate;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        return delegate.serialize(object, expectedRepresentation);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Object data = serializedObject.getData();
        if (!(data instanceof String) && !(data instanceof byte[]) || SerializedType.emptyType().equals(serializedObject.getType())) {
            return delegate.deserialize(serializedObject);
        }
        Class<?> type = classForType(serializedObject.getType());
        if (UnknownSerializedType.class.isAssignableFrom(type) || JsonNode.class.isAssignableFrom(type)) {
            return delegate.deserialize(serializedObject);
        }
        ObjectReader reader = readers.computeIfAbsent(type, t -> delegate.getObjectMapper().readerFor(t));
        try {
            return (T) (data instanceof String json ? reader.readValue(json) : reader.readValue((byte[]) data));
        } catch (IOException e) {
            throw new SerializationException("Error while deserializing object", e);
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        TypeKey key = new TypeKey(type.getName(), type.getRevision());
        Class<?> known = classes.get(key);
        if (known != null) {
            return known;
        }
        Class<?> resolved = delegate.classForType(type);
        if (!UnknownSerializedType.class.equals(resolved)) {
            classes.putIfAbsent(key, resolved);
        }
        return resolved;
    }

    /** By name and revision (not by the {@code SerializedType} itself, whose implementations need not define equality). */
    private record TypeKey(String name, String revision) {
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
