package mn.registry.infrastructure.mongo;

import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.configuration.CodecRegistry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;

/**
 * The updates of one document ({@code _id}) in one batch, folded into one update where the result is the same as
 * applying them one after the other (Session 9, ADR 0041): a permit case touched by five events of a batch is
 * written once. The update is kept as the operators' documents of plain values ({@code {$set: {path: value}, ...}}) and
 * encoded once, into raw bytes, when the batch is sent.
 *
 * <p>Folding a later update {@code B} into the queued {@code A}, field by field (the fields of one update never
 * overlap, so each is decided against {@code A} as it was):
 * <ul>
 *   <li>only if {@code A} is an upsert or neither is: after an upsert the document exists, so {@code B} applies in
 *   full; a non-upsert {@code A} followed by an upsert {@code B} would insert {@code A}'s fields too, so it is not
 *   folded;</li>
 *   <li>{@code $setOnInsert} of {@code B} does nothing (the document exists after {@code A}'s upsert, and a non-upsert
 *   never inserts);</li>
 *   <li>{@code $set p} replaces whatever {@code A} did to {@code p} and below it ({@code $set}, {@code $unset},
 *   {@code $addToSet}, {@code $setOnInsert}); under a value {@code A} sets ({@code $set q} with {@code p = q.r}) it is
 *   written into that value;</li>
 *   <li>{@code $unset p}: the same, removing the field;</li>
 *   <li>{@code $addToSet p} appends the values not yet in {@code A}'s list for {@code p} ({@code $set} of a list, or
 *   {@code $addToSet}, or a list inside a value {@code A} sets); the server still leaves out a value already stored;</li>
 *   <li>anything else on a path {@code A} touches (another operator, a value that is not an object where a path goes
 *   through it) is not folded: {@code B} is queued as a write of its own, after {@code A}, in order.</li>
 * </ul>
 * Values already in the list are found by {@code equals} (a document's fields in the same order, as the projections
 * build them).
 */
final class CoalescedUpdate {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final String SET = "$set";
    private static final String UNSET = "$unset";
    private static final String ADD_TO_SET = "$addToSet";
    private static final String SET_ON_INSERT = "$setOnInsert";

    private final Object id;
    private final boolean upsert;
    /** The first update of a document its event creates ({@link BatchedWrites#createById}): sent as an insert where it can be. */
    private final boolean creates;
    /** Operator to its fields; owned by this object (the caller's update is taken, not copied). */
    private final Document update;
    /** The size of the encoded update, once encoded. */
    private int encodedSize;

    CoalescedUpdate(Object id, Document update, boolean upsert) {
        this(id, update, upsert, false);
    }

    CoalescedUpdate(Object id, Document update, boolean upsert, boolean creates) {
        this.id = id;
        this.update = update;
        this.upsert = upsert || creates;
        this.creates = creates;
    }

    Object id() {
        return id;
    }

    int encodedSize() {
        return encodedSize;
    }

    /** The update as it stands (tests). */
    Document update() {
        return update;
    }

    /** The one write of this document: its update encoded once, straight into bytes ({@link PlainBson}). */
    WriteModel<Document> model(CodecRegistry registry, int sizeHint) {
        update.values().removeIf(fields -> fields instanceof Map<?, ?> m && m.isEmpty());
        RawBsonDocument raw = PlainBson.encode(update, registry, sizeHint);
        encodedSize = raw.getByteBuffer().remaining();
        return upsert ? new UpdateOneModel<>(eq("_id", id), raw, UPSERT) : new UpdateOneModel<>(eq("_id", id), raw);
    }

    /**
     * For a document its event creates: the document the update makes from nothing, encoded ({@link PlainBson}), to be
     * inserted instead of upserted (the embedded server applies an upsert field path by field path to an empty document;
     * an insert it stores as it comes). Null when this update does not create its document, or makes something this
     * class does not build the server's way ({@link #fromNothing}); the update is then sent as it is.
     */
    RawBsonDocument created(CodecRegistry registry, int sizeHint) {
        if (!creates) {
            return null;
        }
        update.values().removeIf(fields -> fields instanceof Map<?, ?> m && m.isEmpty());
        Document made = fromNothing();
        if (made == null) {
            return null;
        }
        RawBsonDocument raw = PlainBson.encode(made, registry, sizeHint);
        encodedSize = raw.getByteBuffer().remaining();
        return raw;
    }

    /**
     * What the server's upsert makes of this update where no document has this {@code _id}: {@code _id} first, then the
     * operators in order and each one's fields in order ({@code $set} and {@code $setOnInsert} set the value, creating
     * the objects along a dotted path; {@code $unset} of a field not there does nothing; {@code $addToSet} makes the list
     * of its values). Null for anything else: another operator, a path through a value the update itself set, a path
     * step that is a number or starts with {@code $}, {@code _id} itself, values of one {@code $addToSet} that the server
     * might take for the same (it would leave one out), or a removal of a field the update sets.
     */
    Document fromNothing() {
        Document made = new Document("_id", id);
        java.util.Set<Object> built = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        built.add(made);
        for (Map.Entry<String, Object> operator : update.entrySet()) {
            if (!(operator.getValue() instanceof Map<?, ?> fields)) {
                return null;
            }
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                String[] path = ((String) field.getKey()).split("\\.", -1);
                Map<String, Object> parent = parentOf(made, path, built, !operator.getKey().equals(UNSET));
                String last = path[path.length - 1];
                if (parent == null) {
                    return null;
                }
                if (parent == ABSENT) {
                    continue; // a removal where nothing is along the path: nothing to remove
                }
                switch (operator.getKey()) {
                    case SET, SET_ON_INSERT -> {
                        if (parent.containsKey(last)) {
                            return null;
                        }
                        parent.put(last, field.getValue());
                    }
                    case UNSET -> {
                        if (parent.containsKey(last)) {
                            return null;
                        }
                    }
                    case ADD_TO_SET -> {
                        List<Object> items = items(field.getValue());
                        if (items == null || parent.containsKey(last) || !distinct(items)) {
                            return null;
                        }
                        parent.put(last, new ArrayList<>(items));
                    }
                    default -> {
                        return null;
                    }
                }
            }
        }
        return made;
    }

    /** {@link #parentOf}: a step of the path is missing and was not to be created. */
    private static final Map<String, Object> ABSENT = Collections.emptyMap();

    /**
     * The object that holds the last step of {@code path} in {@code made}, the objects along it created where missing
     * ({@code create}; else {@link #ABSENT}) and only ever ones made here (never a value of the update); null where that
     * cannot be.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> parentOf(Document made, String[] path, java.util.Set<Object> built, boolean create) {
        Map<String, Object> at = made;
        for (int i = 0; i < path.length; i++) {
            String step = path[i];
            if (step.isEmpty() || step.startsWith("$") || step.chars().allMatch(Character::isDigit) || (i == 0 && step.equals("_id"))) {
                return null;
            }
            if (i == path.length - 1) {
                return at;
            }
            Object next = at.get(step);
            if (next == null && !at.containsKey(step)) {
                if (!create) {
                    return ABSENT;
                }
                Document created = new Document();
                built.add(created);
                at.put(step, created);
                next = created;
            }
            if (!built.contains(next)) {
                return null;
            }
            at = (Map<String, Object>) next;
        }
        return at;
    }

    /**
     * Whether no two values could be one to the server: it leaves a value out of an {@code $addToSet} when an equal one
     * is in the list, comparing objects as maps of their fields whatever class holds them; two values found equal so
     * here, or of another kind than plain ones, say no.
     */
    private static boolean distinct(List<Object> items) {
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                if (maybeSame(items.get(i), items.get(j))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean plain(Object value) {
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof java.util.Date;
    }

    private static boolean maybeSame(Object a, Object b) {
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !maybeSame(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!maybeSame(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (!plain(a) || !plain(b) || (a instanceof Number && b instanceof Number && a.getClass() != b.getClass())) {
            return true; // 1 and 1L, two arrays of the same bytes: what the server takes for equal is not decided here
        }
        return java.util.Objects.equals(a, b);
    }

    /** Folds {@code next} into this update if the result is that of both in order; {@code false} leaves this one unchanged. */
    boolean fold(Document next, boolean nextUpsert) {
        if (nextUpsert && !upsert) {
            return false;
        }
        List<Runnable> steps = new ArrayList<>();
        for (Map.Entry<String, Object> operator : next.entrySet()) {
            if (!(operator.getValue() instanceof Map<?, ?> fields)) {
                return false;
            }
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                Runnable step = plan(operator.getKey(), (String) field.getKey(), field.getValue());
                if (step == null) {
                    return false;
                }
                steps.add(step);
            }
        }
        steps.forEach(Runnable::run);
        return true;
    }

    /** A path this update touches, under its operator, related to a path asked about. */
    private record Touched(String operator, String path, Object value) {
    }

    private static boolean under(String path, String parent) {
        return path.length() > parent.length() && path.startsWith(parent) && path.charAt(parent.length()) == '.';
    }

    /** What to do for one field of the next update, or null if it cannot be folded; nothing is changed yet. */
    private Runnable plan(String operator, String path, Object value) {
        if (operator.equals(SET_ON_INSERT)) {
            return () -> { };
        }
        Touched parent = null;
        boolean same = false;
        boolean below = false;
        Touched equal = null;
        for (Map.Entry<String, Object> op : update.entrySet()) {
            if (!(op.getValue() instanceof Map<?, ?> fields)) {
                return null;
            }
            for (Map.Entry<?, ?> f : fields.entrySet()) {
                String p = (String) f.getKey();
                if (p.equals(path)) {
                    same = true;
                    equal = new Touched(op.getKey(), p, f.getValue());
                } else if (under(path, p)) {
                    parent = new Touched(op.getKey(), p, f.getValue());
                } else if (under(p, path)) {
                    below = true;
                }
            }
        }
        switch (operator) {
            case SET, UNSET -> {
                if (parent != null) {
                    if (!parent.operator().equals(SET) || !(parent.value() instanceof Map<?, ?>)) {
                        return null;
                    }
                    String[] rest = path.substring(parent.path().length() + 1).split("\\.");
                    if (!navigable(parent.value(), rest, operator.equals(SET))) {
                        return null;
                    }
                    // the value as it is when applied: another field of the same update may have changed it first
                    String into = parent.path();
                    return () -> fields(SET).compute(into, (k, now) -> operator.equals(SET) ? setIn(now, rest, 0, value) : unsetIn(now, rest, 0));
                }
                return () -> {
                    removeAt(path);
                    fields(operator).put(path, value);
                };
            }
            case ADD_TO_SET -> {
                List<Object> items = items(value);
                if (items == null || below) {
                    return null;
                }
                if (parent != null) {
                    if (!parent.operator().equals(SET) || !(parent.value() instanceof Map<?, ?>)) {
                        return null;
                    }
                    String[] rest = path.substring(parent.path().length() + 1).split("\\.");
                    if (!navigable(parent.value(), rest, true)) {
                        return null;
                    }
                    Object there = at(parent.value(), rest);
                    if (there != null && !(there instanceof List<?>)) {
                        return null;
                    }
                    String into = parent.path();
                    return () -> fields(SET).compute(into, (k, now) -> setIn(now, rest, 0, added((List<?>) at(now, rest), items)));
                }
                if (same) {
                    if (equal.operator().equals(SET) && equal.value() instanceof List<?> list) {
                        return () -> fields(SET).put(path, added(list, items));
                    }
                    if (equal.operator().equals(ADD_TO_SET)) {
                        List<Object> before = items(equal.value());
                        if (before == null) {
                            return null;
                        }
                        return () -> fields(ADD_TO_SET).put(path, new Document("$each", added(before, items)));
                    }
                    return null;
                }
                return () -> fields(ADD_TO_SET).put(path, value);
            }
            default -> {
                if (same || below || parent != null) {
                    return null;
                }
                return () -> fields(operator).put(path, value);
            }
        }
    }

    /** The values an {@code $addToSet} adds: one value, or those of {@code {$each: [...]}} (no other modifier). */
    @SuppressWarnings("unchecked")
    private static List<Object> items(Object value) {
        if (value instanceof Map<?, ?> m && m.containsKey("$each")) {
            return m.size() == 1 && m.get("$each") instanceof List<?> each ? (List<Object>) each : null;
        }
        return Collections.singletonList(value);
    }

    private static List<Object> added(List<?> before, List<?> items) {
        List<Object> after = new ArrayList<>(before == null ? List.of() : before);
        for (Object item : items) {
            if (!after.contains(item)) {
                after.add(item);
            }
        }
        return after;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fields(String operator) {
        return (Map<String, Object>) update.computeIfAbsent(operator, k -> new Document());
    }

    /** Removes every field of every operator at {@code path} or below it. */
    private void removeAt(String path) {
        for (Object fields : update.values()) {
            Iterator<?> it = ((Map<?, ?>) fields).keySet().iterator();
            while (it.hasNext()) {
                String p = (String) it.next();
                if (p.equals(path) || under(p, path)) {
                    it.remove();
                }
            }
        }
    }

    /**
     * Whether the path {@code rest} inside {@code value} ends in an object the field can be set in or removed from: each
     * step but the last an object, or missing (a set creates it, a removal has nothing to remove); a null or any other
     * value on the way (the server would refuse a set, or the path is an array's) is not folded.
     */
    private static boolean navigable(Object value, String[] rest, boolean set) {
        Object at = value;
        for (int i = 0; i < rest.length - 1; i++) {
            Map<?, ?> m = (Map<?, ?>) at;
            if (!m.containsKey(rest[i])) {
                return true;
            }
            at = m.get(rest[i]);
            if (!(at instanceof Map<?, ?>)) {
                return !set && at == null;
            }
        }
        return true;
    }

    private static Object at(Object value, String[] rest) {
        Object at = value;
        for (String step : rest) {
            if (!(at instanceof Map<?, ?> m)) {
                return null;
            }
            at = m.get(step);
        }
        return at;
    }

    /** A copy of {@code value} with {@code rest} set (the objects along the path copied, the rest shared). */
    private static Object setIn(Object value, String[] rest, int i, Object leaf) {
        Document copy = value instanceof Map<?, ?> m ? copyOf(m) : new Document();
        copy.put(rest[i], i == rest.length - 1 ? leaf : setIn(copy.get(rest[i]), rest, i + 1, leaf));
        return copy;
    }

    /** A copy of {@code value} without {@code rest} (nothing to remove where the path ends early). */
    private static Object unsetIn(Object value, String[] rest, int i) {
        if (!(value instanceof Map<?, ?> m)) {
            return value;
        }
        if (i < rest.length - 1 && !(m.get(rest[i]) instanceof Map<?, ?>)) {
            return value;
        }
        Document copy = copyOf(m);
        if (i == rest.length - 1) {
            copy.remove(rest[i]);
        } else {
            copy.put(rest[i], unsetIn(copy.get(rest[i]), rest, i + 1));
        }
        return copy;
    }

    private static Document copyOf(Map<?, ?> m) {
        Document copy = new Document();
        m.forEach((k, v) -> copy.put((String) k, v));
        return copy;
    }
}
