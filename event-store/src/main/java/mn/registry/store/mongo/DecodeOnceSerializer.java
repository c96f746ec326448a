package mn.registry.store.mongo;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

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
final class DecodeOnceSerializer implements Serializer {

    private final JacksonSerializer delegate;
    private final ConcurrentMap<TypeKey, Class<?>> classes = new ConcurrentHashMap<>();
    private final ConcurrentMap<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    /** The wrapped serializer's mapper with stored instants and dates read by hand (below), or that mapper itself. */
    private final ObjectMapper mapper;
    /** Metadata as Axon's {@code MetaDataDeserializer} reads it (a map of strings to values), or null under default typing. */
    private final ObjectReader metaData;

    private DecodeOnceSerializer(JacksonSerializer delegate) {
        this.delegate = delegate;
        this.mapper = withTimesByHand(delegate.getObjectMapper());
        this.metaData = mapper.getDeserializationConfig().getDefaultTyper(mapper.constructType(MetaData.class)) == null
                ? mapper.readerFor(mapper.getTypeFactory().constructMapType(HashMap.class, String.class, Object.class))
                : null;
    }

    /**
     * A copy of {@code mapper} reading an instant in the store's own form ({@code Instant.toString()}) and a date in
     * ISO form ({@code 2026-12-04}) by hand ({@link StoredTimestamps}) instead of through {@code DateTimeFormatter}
     * (Session 8: 9 % and 3 % of a batched rebuild's main thread); any other form, a number, or a field with a format of
     * its own, as the mapper's own deserializer reads it. A mapper that cannot be copied is used as it is.
     */
    private static ObjectMapper withTimesByHand(ObjectMapper mapper) {
        ObjectMapper copy;
        try {
            copy = mapper.copy();
        } catch (IllegalStateException cannotCopy) {
            return mapper;
        }
        try {
            DeserializationContext context = ((DefaultDeserializationContext) copy.getDeserializationContext())
                    .createDummyInstance(copy.getDeserializationConfig());
            SimpleModule byHand = new SimpleModule("stored-times-by-hand");
            byHand.addDeserializer(Instant.class, new ByHand<>(ownDeserializer(copy, context, Instant.class), StoredTimestamps::parseIsoUtc));
            byHand.addDeserializer(LocalDate.class, new ByHand<>(ownDeserializer(copy, context, LocalDate.class), StoredTimestamps::parseIsoDate));
            return copy.registerModule(byHand);
        } catch (IOException | RuntimeException e) {
            return mapper;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> JsonDeserializer<T> ownDeserializer(ObjectMapper mapper, DeserializationContext context, Class<T> type) throws IOException {
        return (JsonDeserializer<T>) context.findRootValueDeserializer(mapper.constructType(type));
    }

    /** A value in the store's own form read by hand, anything else by the mapper's own deserializer. */
    private static final class ByHand<T> extends JsonDeserializer<T> implements ContextualDeserializer {
        private final JsonDeserializer<T> fallback;
        private final Function<String, T> storedForm;

        ByHand(JsonDeserializer<T> fallback, Function<String, T> storedForm) {
            this.fallback = fallback;
            this.storedForm = storedForm;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                T fast = storedForm.apply(p.getText());
                if (fast != null) {
                    return fast;
                }
            }
            return fallback.deserialize(p, ctxt);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) throws JsonMappingException {
            if (fallback instanceof ContextualDeserializer contextual) {
                JsonDeserializer<?> forProperty = contextual.createContextual(ctxt, property);
                // a field with a format of its own keeps the mapper's deserializer for that format
                return forProperty == fallback ? this : forProperty;
            }
            return this;
        }
    }

    /** {@code serializer} reading each payload once where it is Jackson's; any other serializer as it is. */
    static Serializer readingOnce(Serializer serializer) {
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
        try {
            if (type == MetaData.class && metaData != null) {
                Map<String, ?> values = data instanceof String json ? metaData.readValue(json) : metaData.readValue((byte[]) data);
                return (T) MetaData.from(values);
            }
            ObjectReader reader = readers.computeIfAbsent(type, mapper::readerFor);
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
