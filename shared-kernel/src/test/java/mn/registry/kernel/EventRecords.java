package mn.registry.kernel;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kernel's event records, found on the classpath: the records of the domain packages that are neither signed commands (docs/security.md's
 * authorisation matrix, or a record nested in a {@code *Commands} class) nor values another record holds nor named below. What the
 * personal-data inventory (PersonalDataInventoryTest) and the store's format (StoreFormatShapesTest) are held to.
 */
public final class EventRecords {

    public static final Path SECURITY_DOC = Path.of("..", "docs", "security.md");
    /** The packages whose records are events, commands and values of the domain. */
    static final List<String> DOMAIN_PACKAGES = List.of("calendar", "identity", "freezone", "permit", "privacy");
    /** Records of those packages that are neither events nor commands nor held by another record, with why. */
    static final Set<String> NOT_EVENTS = Set.of(
            "DeadlineChange",            // a computed change of a deadline, returned by the calendar
            "HeldDeadline",              // a last day an aggregate holds, asked whether the calendar in force moved it (never stored)
            "FixedHoliday",              // the calendar's law-given data
            "LegalTerm",                 // a term of a law, computed
            "MovingHolidayData",         // the calendar's shipped data file
            "FeeYear",                   // the land fee schedule's table
            "GovernmentExemption",       // the land fee schedule's table
            "Closure",                   // FreeZoneTerms: a zone's closure, computed from the zone's events (inventoried there)
            "RunningPeriods",            // a registration's periods of 003 art. 12.5.1, 12.5.2, folded from its events (inventoried there), never stored
            "PersonalDetails",           // the clear text of EncryptedPersonalData, never stored in clear (inventoried there)
            "PermitRegistrationReceipt", // a receipt computed for the applicant from PermitApplicationRegistered
            "Quarter",                   // QuarterlyReportContent: a quarter, computed
            "EntityRecord",              // QuarterlyReportContent: its input, read from registration events (inventoried there)
            "Report",                    // QuarterlyReportContent: the report the registry builds and the governor signs (by hash)
            "ReportV2",                  // QuarterlyReportContent: its version 2 (ADR 0035 item 52), built and signed (by hash) as version 1
            "Year",                      // ComputedLunarHolidays: a year's computed lunar holidays
            "Dated",                     // YearConfirmed: a dated holiday, computed from the event's own fields
            "Finding", "DigitRun",       // PersonalDetailsInText: where a detail was found in a text, computed, never stored (ADR 0013 §8)
            "Found", "PublishedField", "ScreenStep", "Joined", // PublishedTextScreen: a refusal's field, the components it reads, a list read as one text, never stored
            "CitableDocument",           // LateResumption: a document the governor's desk offers, read from the document store, never stored
            "Answer",                    // RevocationGrounds: the permit's answer to the desk (ADR 0065), computed from its events, never stored
            "GovernorActs",              // the acts the governor's desk offers, the aggregate's answer, never stored (ADR 0035 item 75)
            "LandActs", "Decision", "Verdict", // LandActs: the land acts the land desk offers, the land register's answer, never stored (ADR 0035 item 81)
            "ActNamingNoOrder",          // StoredActsNamingNoOrder: a person's stored act the staff pages list, the stream's answer, never stored (ADR 0061 item 33)
            "GrantOrEnd"                 // GrantsAndEndsOfAPerson: a person's grant or end with its order, read from the stream for the staff pages, never stored (ADR 0061 item 69)
    );

    private EventRecords() {
    }

    /** The event types, by name. */
    public static List<Class<?>> events() throws IOException, URISyntaxException, ClassNotFoundException {
        Set<String> commands = signedCommandTypes();
        List<Class<?>> records = domainRecords();
        Set<Class<?>> values = records.stream().flatMap(r -> Stream.of(r.getRecordComponents()))
                .flatMap(c -> Stream.concat(Stream.of(c.getType()), typeArguments(c.getGenericType())))
                .collect(Collectors.toSet());
        List<Class<?>> events = new ArrayList<>();
        for (Class<?> type : records) {
            boolean command = commands.contains(type.getSimpleName())
                    || type.getEnclosingClass() != null && type.getEnclosingClass().getSimpleName().endsWith("Commands");
            if (!command && !values.contains(type) && !NOT_EVENTS.contains(type.getSimpleName())) {
                events.add(type);
            }
        }
        events.sort(java.util.Comparator.comparing(Class::getName));
        return events;
    }

    /** The class types a generic type names as its arguments ({@code List<PersonId>}: {@code PersonId}). */
    public static Stream<Class<?>> typeArguments(java.lang.reflect.Type type) {
        if (type instanceof java.lang.reflect.ParameterizedType p) {
            return Stream.of(p.getActualTypeArguments()).filter(Class.class::isInstance).map(t -> (Class<?>) t);
        }
        return Stream.empty();
    }

    private static List<Class<?>> domainRecords() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(EventRecords.class.getClassLoader().getResource("mn/registry/kernel/permit/PermitRevoked.class").toURI())
                .getParent().getParent();
        List<Class<?>> out = new ArrayList<>();
        for (String pkg : DOMAIN_PACKAGES) {
            try (Stream<Path> files = Files.walk(root.resolve(pkg))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = "mn.registry.kernel." + root.relativize(file).toString().replace('/', '.').replace(".class", "");
                    Class<?> type = Class.forName(name, false, EventRecords.class.getClassLoader());
                    if (type.isRecord()) {
                        out.add(type);
                    }
                }
            }
        }
        return out;
    }

    private static Set<String> signedCommandTypes() throws IOException {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([A-Za-z]+)` \\| (?:allow|deny) \\|").matcher(Files.readString(SECURITY_DOC));
        while (m.find()) {
            out.add(m.group(1));
        }
        assertThat(out).as("the authorisation matrix's commands").contains("RevokePermit").hasSizeGreaterThan(40);
        return out;
    }
}
