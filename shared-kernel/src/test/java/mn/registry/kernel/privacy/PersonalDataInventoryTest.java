package mn.registry.kernel.privacy;

import mn.registry.kernel.EventRecords;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The personal-data inventory of docs/security.md names every field of every event type (issue 14 item 3; 002 art.
 * 15.3, 30.1): the kernel's event records are found on the classpath, so a new event type or field fails the build
 * until someone has said whether it can hold personal data, where it is kept, who reads it, whether it is published
 * and how it is erased.
 */
class PersonalDataInventoryTest {

    @Test
    @DisplayName("002 art. 15.3: every field of every event type has a row in the personal-data inventory, and every row a field")
    void every_event_field_is_in_the_inventory() throws Exception {
        Set<String> expected = new TreeSet<>();
        Set<String> events = new TreeSet<>();
        for (Class<?> type : EventRecords.events()) {
            events.add(type.getSimpleName());
            for (var component : type.getRecordComponents()) {
                expected.add(type.getSimpleName() + "." + component.getName());
            }
        }
        assertThat(events).as("the scan finds the event types").contains("PermitRevoked", "PersonEnrolled", "LandLicenceIssued",
                "RoleGranted", "PublicHolidayDeclared", "MinimumInsuranceSet").hasSizeGreaterThan(55);
        Set<String> documented = inventoryRows();
        assertThat(new TreeSet<>(expected) {{ removeAll(documented); }})
                .as("event fields with no row in the personal-data inventory of docs/security.md").isEmpty();
        assertThat(new TreeSet<>(documented) {{ removeAll(expected); }})
                .as("rows of the personal-data inventory naming no field of an event type").isEmpty();
    }

    @Test
    @DisplayName("002 art. 30.1: the inventory marks the free text a revocation's reason is, and says it is not published")
    void the_revocation_reason_is_inventoried_as_unpublished_free_text() throws IOException {
        String row = section().lines().filter(l -> l.startsWith("| `PermitRevoked` | `reason` |")).findFirst().orElseThrow();
        assertThat(row).contains("free text").contains("| no |");
    }

    private static String section() throws IOException {
        String doc = Files.readString(EventRecords.SECURITY_DOC);
        int start = doc.indexOf("<!-- personal-data-inventory:start -->");
        int end = doc.indexOf("<!-- personal-data-inventory:end -->");
        assertThat(start).as("the inventory's markers in docs/security.md").isPositive().isLessThan(end);
        return doc.substring(start, end);
    }

    private static Set<String> inventoryRows() throws IOException {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([A-Za-z]+)` \\| `([A-Za-z0-9]+)` \\|").matcher(section());
        while (m.find()) {
            out.add(m.group(1) + "." + m.group(2));
        }
        return out;
    }
}
