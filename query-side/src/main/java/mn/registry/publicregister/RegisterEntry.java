package mn.registry.publicregister;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;

/**
 * One thing on the public register as it stands after the log entries in {@code history}: the fields to list and
 * search by, and {@code details}, the public fields of its events under the kernel events' own names (the latest
 * value of each). Immutable once published.
 *
 * @param id         stable within its kind: the URL is {@code /api/public/register/{kind}/{id}}
 * @param number     the permit, certificate, licence or registration number (null where there is none)
 * @param since      the date it took effect: issue, establishment, appointment, registration, grant
 * @param until      the date it ends or ended, if known
 * @param activities the activities it covers (a zone lists those it admits)
 * @param history    the log indexes of its public records, in log order
 */
public record RegisterEntry(RegisterKind kind, String id, String name, String number, String status, String zoneId,
                            List<String> activities, LocalDate since, LocalDate until, JsonNode details, List<Long> history) {

    public RegisterEntry {
        activities = List.copyOf(activities);
        history = List.copyOf(history);
    }
}
