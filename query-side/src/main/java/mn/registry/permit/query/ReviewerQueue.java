package mn.registry.permit.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.permit.PermitApplicationStatus;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static com.mongodb.client.model.Filters.in;

/**
 * The applications awaiting a decision, most urgent first: ordered by working days left until the
 * decision is due (002 art. 26.1), counted from today in Ulaanbaatar with the calendar in force, so
 * the numbers change day by day without any event.
 */
@Component
public class ReviewerQueue {

    /** The states in which an application waits for a reviewer's decision. */
    static final List<PermitApplicationStatus> AWAITING_DECISION = List.of(PermitApplicationStatus.REGISTERED);

    /** An application due within this many working days is marked near due (choice). */
    static final int NEAR_DUE_WORKING_DAYS = 3;

    static final Comparator<ReviewerQueueEntry> MOST_URGENT_FIRST = Comparator
            .comparingInt(ReviewerQueueEntry::workingDaysLeft)
            .thenComparing(ReviewerQueueEntry::dueAt)
            .thenComparing(ReviewerQueueEntry::receivedAt)
            .thenComparing(ReviewerQueueEntry::receiptNumber);

    private final MongoCollection<Document> rows;
    private final CurrentCalendar calendar;
    private final Clock clock;

    ReviewerQueue(MongoDatabase database, CurrentCalendar calendar, Clock clock) {
        this.rows = database.getCollection(ReviewerQueueProjection.COLLECTION);
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The queue as of now. */
    public List<ReviewerQueueEntry> awaitingDecision() {
        LocalDate today = UlaanbaatarTime.dateOf(clock.instant());
        WorkingDayCalendar days = calendar.get();
        List<ReviewerQueueEntry> entries = new ArrayList<>();
        for (Document row : rows.find(in("status", AWAITING_DECISION.stream().map(Enum::name).toList()))) {
            entries.add(entry(row, today, days));
        }
        entries.sort(MOST_URGENT_FIRST);
        return entries;
    }

    private static ReviewerQueueEntry entry(Document row, LocalDate today, WorkingDayCalendar days) {
        LocalDate due = LocalDate.parse(row.getString("due"));
        int left = days.workingDaysBetween(today, due);
        boolean overdue = today.isAfter(due);
        return new ReviewerQueueEntry(row.getString("_id"), row.getString("receiptNumber"), row.getString("companyName"),
                Instant.parse(row.getString("receivedAt")), due, UlaanbaatarTime.endOf(due), row.getInteger("workingDays"),
                left, overdue, PermitApplicationStatus.valueOf(row.getString("status")), row.getString("calendarVersion"), row.getString("article"),
                !overdue && left <= NEAR_DUE_WORKING_DAYS, Boolean.TRUE.equals(row.getBoolean("escalated")));
    }
}
