package mn.registry.kernel.store;

import mn.registry.kernel.EventRecords;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0068 item 3 (abuse audit O227): the shapes of the stored events at {@link StoreFormat#CURRENT} are recorded in
 * {@code store-format-<CURRENT>.shapes}, one line a type: each event record with its fields and their types, and each type of the kernel
 * they hold, down to the constants of an enum. An event type, a field, a field's type or an enum's constant added, removed or renamed
 * fails this test until its author has decided whether the release before would mishandle it, and recorded the shapes (ADR 0068 item 3).
 */
class StoreFormatShapesTest {

    private static final String KERNEL = "mn.registry.kernel.";

    @Test
    @DisplayName("ADR 0068 item 3 (O227): the event shapes of this release are those recorded for its store format; a changed event "
            + "type fails until the shapes are recorded, under a new format when an earlier release would mishandle them")
    void the_event_shapes_are_those_of_the_current_format() throws Exception {
        Set<String> shapes = shapes(EventRecords.events());
        Set<String> recorded = recorded(StoreFormat.CURRENT);

        assertThat(shapes).as("the scan finds the events and what they hold").hasSizeGreaterThan(80)
                .anyMatch(s -> s.startsWith("identity.RoleGranted(") && s.contains("documentSha256: String"))
                .anyMatch(s -> s.startsWith("identity.Role{"));
        Set<String> added = new TreeSet<>(shapes);
        added.removeAll(recorded);
        Set<String> gone = new TreeSet<>(recorded);
        gone.removeAll(shapes);
        assertThat(added.isEmpty() && gone.isEmpty()).as("""
                the stored events' shapes differ from those recorded for store format %d (ADR 0068 item 3).
                In the code, not recorded:
                  %s
                Recorded, not in the code:
                  %s
                If the release before this one would mishandle the events so stored (it drops a field, does not know a type or a constant, \
                reads a field otherwise), raise StoreFormat.CURRENT (unless this release raised it already), record the shapes in \
                store-format-<CURRENT>.shapes, and say in docs/production.md's rollback table what the earlier release loses; otherwise \
                record the shapes under the same number and say why in ADR 0068.""".formatted(StoreFormat.CURRENT,
                String.join("\n  ", added), String.join("\n  ", gone))).isTrue();
    }

    @Test
    @DisplayName("ADR 0068 item 3 (O227): a field added to an event changes its recorded shape (the check is not blind)")
    void a_field_added_to_an_event_changes_its_shape() throws Exception {
        record Before(String personId, int role) {
        }
        record After(String personId, int role, String documentSha256) {
        }
        assertThat(shape(Before.class).replace("Before", "Same")).isNotEqualTo(shape(After.class).replace("After", "Same"));
        assertThat(shape(Role.class)).isEqualTo("store.StoreFormatShapesTest$Role{READER, WRITER}");
    }

    enum Role { READER, WRITER }

    /** The shapes of {@code events} and of every kernel type they hold, transitively. */
    static Set<String> shapes(List<Class<?>> events) {
        Set<String> out = new TreeSet<>();
        Set<Class<?>> seen = new HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(events);
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (!seen.add(type)) {
                continue;
            }
            out.add(shape(type));
            held(type).filter(t -> t.getName().startsWith(KERNEL) && !t.isArray()).forEach(todo::push);
        }
        return out;
    }

    /** One line: a record's fields, an enum's constants, another class's instance fields. */
    static String shape(Class<?> type) {
        String name = type.getName().startsWith(KERNEL) ? type.getName().substring(KERNEL.length()) : type.getName().replaceAll("^.*?\\.registry\\.", "");
        if (type.isEnum()) {
            return name + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", ", "{", "}"));
        }
        if (type.isRecord()) {
            return name + Arrays.stream(type.getRecordComponents()).map(c -> c.getName() + ": " + simple(c.getGenericType()))
                    .collect(Collectors.joining(", ", "(", ")"));
        }
        return name + instanceFields(type).map(f -> f.getName() + ": " + simple(f.getGenericType())).collect(Collectors.joining(", ", "[", "]"));
    }

    private static Stream<Class<?>> held(Class<?> type) {
        Stream<Type> types = type.isRecord() ? Arrays.stream(type.getRecordComponents()).map(c -> c.getGenericType())
                : type.isEnum() ? Stream.empty() : instanceFields(type).map(Field::getGenericType);
        return types.flatMap(t -> Stream.concat(t instanceof Class<?> c ? Stream.of(c) : Stream.empty(), EventRecords.typeArguments(t)));
    }

    private static Stream<Field> instanceFields(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.isSynthetic());
    }

    private static String simple(Type type) {
        return type.getTypeName().replaceAll("\\b[a-z][a-z0-9_]*\\.", "");
    }

    private static Set<String> recorded(int format) throws IOException {
        String file = "store-format-" + format + ".shapes";
        try (InputStream in = StoreFormatShapesTest.class.getResourceAsStream(file)) {
            assertThat(in).as("the recorded shapes of store format " + format + " (" + file + ")").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
