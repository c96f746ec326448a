package mn.registry.kernel.privacy;

import mn.registry.kernel.problem.RegistryProblem;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The one rule for personal details in published free text (ADR 0013 §8): a signed command whose {@link PublishedText}
 * holds a person's civil registration number, phone number or e-mail address ({@link PersonalDetailsInText}) is refused before
 * anything is claimed or stored, with the field's JSON path inside the command body ({@code conditions[1]},
 * {@code company.address}) and the article. The command pipeline calls {@link #screen} once for every body it reads.
 *
 * <p>It walks the body's record components: marked {@code String}s and lists of them are checked; nested records and
 * lists of records are walked for their own marked components (so {@code Company.address} is screened wherever a
 * command carries a company). Unmarked text is withheld from the public and accepted as typed.
 */
public final class PublishedTextScreen {

    /** The problem's stable code (web messages {@code problem.privacy.personal-details-in-published-text}). */
    public static final String CODE = "privacy.personal-details-in-published-text";
    /** 002 art. 15.3 (what personal details are), 30.1 (not passed to others), domain-rules §5 (never published). */
    public static final String ARTICLE = "002 art. 15.3, 30.1 (domain-rules §5)";
    /** The longest published free text, in characters (abuse audit O11). */
    public static final int MAX_PUBLISHED_CHARACTERS = 2_000;
    /** The problem's stable code for a published text too long (web messages {@code problem.privacy.published-text-too-long}). */
    public static final String TOO_LONG_CODE = "privacy.published-text-too-long";
    /** 002 art. 26.4: the permit's content, published; the limit is the lead's choice (abuse audit O11). */
    public static final String TOO_LONG_ARTICLE = "002 art. 26.4";
    /** A published text with a control or bidirectional formatting character (abuse audit F69, F87, F89): one code wherever it is found. */
    public static final String CONTROL_CHARACTERS_CODE = "privacy.published-text-has-control-characters";
    /** Published as signed: what the register, the certificate and the log show is what the official signed (ADR 0046 item 9). */
    public static final String CONTROL_CHARACTERS_ARTICLE = "002 art. 30.1 (domain-rules §5)";

    /** A published text naming a natural person whose name the registry holds and does not publish (F602, was O473; ADR 0046 items 176-177). */
    public static final String PERSONAL_NAME_CODE = "text.personal-name";

    /** A marked text component reachable from a body type, by its JSON path pattern ({@code conditions[]}). */
    public record PublishedField(Class<?> record, String component, String path) {
    }

    private static final ClassValue<List<ScreenStep>> STEPS = new ClassValue<>() {
        @Override
        protected List<ScreenStep> computeValue(Class<?> type) {
            return steps(type);
        }
    };

    /** How to reach text inside one record type: a marked text, or a nested record (or list of records) to walk. */
    private record ScreenStep(RecordComponent component, boolean text, boolean list) {
    }

    private PublishedTextScreen() {
    }

    /** Refuses (throws {@link RegistryProblem}, 400) a body whose published text holds a person's details or is too long; else does nothing. */
    public static void screen(Object body) {
        first(body, "", (text, path) -> tooLong(text) ? Optional.of(path) : Optional.<String>empty()).ifPresent(path -> {
            throw RegistryProblem.invalid(TOO_LONG_CODE, "The field " + path + " is published and cannot be taken back; it holds "
                    + text(body, path) + " characters, more than the " + MAX_PUBLISHED_CHARACTERS + " one published text may hold ("
                    + TOO_LONG_ARTICLE + "). Nothing was stored.", path, TOO_LONG_ARTICLE);
        });
        // abuse audit F69 (was O83, ADR 0046 item 9): a right-to-left override or a control character makes the published text display
        // otherwise than it was signed, in the register, on the permit and in the log that cannot be taken back
        first(body, "", (text, path) -> mn.registry.kernel.problem.VisibleText.hasControlCharacters(text) ? Optional.of(path)
                : Optional.<String>empty()).ifPresent(path -> {
            throw RegistryProblem.invalid(CONTROL_CHARACTERS_CODE, "The field " + path + " is published and cannot be taken back; it holds a "
                    + "control or bidirectional formatting character, which would make it display otherwise than it was signed. Nothing was "
                    + "stored.", path, CONTROL_CHARACTERS_ARTICLE);
        });
        find(body, "").ifPresent(found -> {
            throw RegistryProblem.invalid(CODE, "The field " + found.path + " is published and cannot be taken back, but it holds "
                    + found.finding.kind().description() + " (characters " + (found.finding.start() + 1) + "-" + found.finding.end()
                    + "). A person's civil registration number, phone number or e-mail address is never published (" + ARTICLE
                    + "); write the published text without them" + (found.finding.kind() == PersonalDetailsInText.Kind.E_MAIL_ADDRESS
                    ? " (a web address is written with \"www.\" or \"https://\": \"see us at tamga.mn\" reads as an e-mail address)" : "")
                    + ". Nothing was stored.", found.path, ARTICLE);
        });
        acrossItems(body, "").ifPresent(found -> {
            throw RegistryProblem.invalid(CODE, "The list " + found.path + " is published and cannot be taken back, and read one item after "
                    + "the other it holds " + found.finding.kind().description() + ", split across its items. A person's civil registration "
                    + "number, phone number or e-mail address is never published (" + ARTICLE + "); write the published text without "
                    + "them. Nothing was stored.", found.path, ARTICLE);
        });
    }

    /**
     * 002 art. 15.3, 30.1 (abuse audit F602, was O473; ADR 0046 items 176-177, choice): refuses (400 {@value #PERSONAL_NAME_CODE} on the
     * field) a body whose published text names a natural person whose name the registry holds and does not publish ({@code held}, as the
     * registry knows them at the receipt); a list of texts is also read as one text, its items one after the other. The refusal names
     * neither the person nor that they are enrolled.
     */
    public static void screenNames(Object body, PersonNamesInText.HeldNames held) {
        Optional<String> named = first(body, "", (text, path) -> held.namedIn(text) ? Optional.of(path) : Optional.<String>empty())
                .or(() -> lists(body, "").stream().filter(list -> held.namedIn(list.text())).map(Joined::path).findFirst());
        named.ifPresent(path -> {
            throw RegistryProblem.invalid(PERSONAL_NAME_CODE, "The field " + path + " is published and cannot be taken back, but it names a "
                    + "natural person, whose name is never published (" + ARTICLE + "); write the published text without the person's name "
                    + "(name the company, or the office the person holds). Nothing was stored.", path, ARTICLE);
        });
    }

    /** A published list of texts read as one text (its items joined by a space), with its path. */
    private record Joined(String path, String text) {
    }

    private static List<Joined> lists(Object body, String prefix) {
        List<Joined> found = new ArrayList<>();
        if (body == null || !body.getClass().isRecord()) {
            return found;
        }
        for (ScreenStep step : STEPS.get(body.getClass())) {
            Object value = read(step.component(), body);
            String path = prefix.isEmpty() ? step.component().getName() : prefix + "." + step.component().getName();
            if (value == null) {
                continue;
            } else if (step.text() && step.list()) {
                List<String> items = ((Collection<?>) value).stream().filter(java.util.Objects::nonNull).map(Object::toString).toList();
                if (items.size() > 1) {
                    found.add(new Joined(path, String.join(" ", items)));
                }
            } else if (step.list()) {
                int i = 0;
                for (Object item : (Collection<?>) value) {
                    found.addAll(lists(item, path + "[" + i++ + "]"));
                }
            } else if (!step.text()) {
                found.addAll(lists(value, path));
            }
        }
        return found;
    }

    /**
     * 002 art. 15.3, 30.1 (abuse audit F193): a published list of texts (a permit's conditions) is read as one text, its items one
     * after the other, as the register and the permit show them: "Call the director on 9911" and "2233 after hours" each hold no
     * phone number, together they publish one; "Write to bat.erdene@" and "gmail.com" an e-mail address. Each item was screened on its
     * own first; this finds what only their sequence holds.
     */
    private static Optional<Found> acrossItems(Object body, String prefix) {
        if (body == null || !body.getClass().isRecord()) {
            return Optional.empty();
        }
        for (ScreenStep step : STEPS.get(body.getClass())) {
            Object value = read(step.component(), body);
            String path = prefix.isEmpty() ? step.component().getName() : prefix + "." + step.component().getName();
            Optional<Found> found = Optional.empty();
            if (value == null) {
                continue;
            } else if (step.text() && step.list()) {
                List<String> items = ((Collection<?>) value).stream().filter(java.util.Objects::nonNull).map(Object::toString).toList();
                if (items.size() > 1) { // as printed on one line, and as the items' ends meet ("bat.erdene@" and "gmail.com")
                    found = PersonalDetailsInText.first(String.join(" ", items)).or(() -> PersonalDetailsInText.first(String.join("", items)))
                            .map(finding -> new Found(path, finding));
                }
            } else if (step.list()) {
                int i = 0;
                for (Object item : (Collection<?>) value) {
                    found = acrossItems(item, path + "[" + i++ + "]");
                    if (found.isPresent()) {
                        break;
                    }
                }
            } else if (!step.text()) {
                found = acrossItems(value, path);
            }
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * One published free text (a condition, a reason, a decision, a name) holds at most {@value #MAX_PUBLISHED_CHARACTERS}
     * characters (Unicode code points), 002 art. 26.4: the permit's content is published in the register and the log and
     * cannot be taken back; a 256 KiB "condition" is no condition a reader can hold the holder to (abuse audit O11, a
     * **choice** of the lead).
     */
    static boolean tooLong(String text) {
        return text.length() > MAX_PUBLISHED_CHARACTERS && text.codePointCount(0, text.length()) > MAX_PUBLISHED_CHARACTERS;
    }

    private static String text(Object body, String path) {
        return first(body, "", (text, at) -> at.equals(path) ? Optional.of(String.valueOf(text.codePointCount(0, text.length())))
                : Optional.<String>empty()).orElse("more");
    }

    /** Where a body's published text holds a person's details: the field's JSON path and what was found. */
    public record Found(String path, PersonalDetailsInText.Finding finding) {
    }

    /** The first personal detail in the body's published text, if any. */
    public static Optional<Found> find(Object body, String prefix) {
        return first(body, prefix, (text, path) -> PersonalDetailsInText.first(text).map(finding -> new Found(path, finding)));
    }

    /** The first answer of {@code check} for a published text of the body, walked in component order, with its JSON path. */
    private static <T> Optional<T> first(Object body, String prefix, BiFunction<String, String, Optional<T>> check) {
        if (body == null || !body.getClass().isRecord()) {
            return Optional.empty();
        }
        for (ScreenStep step : STEPS.get(body.getClass())) {
            Object value = read(step.component(), body);
            String path = prefix.isEmpty() ? step.component().getName() : prefix + "." + step.component().getName();
            if (value == null) {
                continue;
            }
            if (step.list()) {
                int i = 0;
                for (Object item : (Collection<?>) value) {
                    Optional<T> found = inValue(item, path + "[" + i++ + "]", step.text(), check);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            } else {
                Optional<T> found = inValue(value, path, step.text(), check);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static <T> Optional<T> inValue(Object value, String path, boolean text, BiFunction<String, String, Optional<T>> check) {
        if (value == null) {
            return Optional.empty();
        }
        if (text) {
            return check.apply(value.toString(), path);
        }
        return first(value, path, check);
    }

    /** Every marked text reachable from {@code bodyType}, with its path pattern: what the screen checks for that command. */
    public static List<PublishedField> publishedFields(Class<?> bodyType) {
        List<PublishedField> fields = new ArrayList<>();
        collect(bodyType, "", fields, 0);
        return fields;
    }

    private static void collect(Class<?> type, String prefix, List<PublishedField> into, int depth) {
        if (!type.isRecord() || depth > 8) {
            return;
        }
        for (ScreenStep step : STEPS.get(type)) {
            String path = (prefix.isEmpty() ? "" : prefix + ".") + step.component().getName() + (step.list() ? "[]" : "");
            if (step.text()) {
                into.add(new PublishedField(type, step.component().getName(), path));
            } else {
                collect(step.list() ? elementType(step.component()) : step.component().getType(), path, into, depth + 1);
            }
        }
    }

    private static List<ScreenStep> steps(Class<?> type) {
        List<ScreenStep> steps = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            boolean marked = component.isAnnotationPresent(PublishedText.class);
            boolean list = Collection.class.isAssignableFrom(component.getType());
            Class<?> element = list ? elementType(component) : component.getType();
            if (marked) {
                if (element != String.class) {
                    throw new IllegalStateException("@PublishedText marks text: " + type.getName() + "." + component.getName() + " is " + element.getName());
                }
                steps.add(new ScreenStep(component, true, list));
            } else if (element.isRecord() && element != type && !publishedFieldsIn(element, 0).isEmpty()) {
                steps.add(new ScreenStep(component, false, list));
            }
        }
        return List.copyOf(steps);
    }

    private static boolean hasMarked(Class<?> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(PublishedText.class)) {
                return true;
            }
        }
        return false;
    }

    private static List<Class<?>> publishedFieldsIn(Class<?> type, int depth) {
        if (depth > 8 || !type.isRecord()) {
            return List.of();
        }
        if (hasMarked(type)) {
            return List.of(type);
        }
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> element = Collection.class.isAssignableFrom(component.getType()) ? elementType(component) : component.getType();
            if (element.isRecord() && element != type && !publishedFieldsIn(element, depth + 1).isEmpty()) {
                return List.of(type);
            }
        }
        return List.of();
    }

    static Class<?> elementType(RecordComponent component) {
        Type generic = component.getGenericType();
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments().length == 1 && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
