package mn.registry.kernel.freezone;

import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.identity.PersonId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 003 art. 12.5.2, 12.5.3, 26.2 (ADR 0035 items 60, 70): the honest late resumption. After a court's dissolution of the entity, a
 * resumption is recorded only on a document the registry received before the court's day: that document existed before the court
 * ruled. One rule for the registration's aggregate, which judges the act, and for the governor's desk, which offers the act only where it
 * would be recorded (abuse audit F336).
 */
public final class LateResumption {

    private LateResumption() {
    }

    /** Whether a document received at {@code receivedAt} shows a resumption before the court's day: its day in Ulaanbaatar is before it. */
    public static boolean shownBeforeTheCourtsDay(Instant receivedAt, LocalDate courtsDay) {
        return UlaanbaatarTime.dateOf(receivedAt).isBefore(courtsDay);
    }

    /** A document a late resumption could cite: its SHA-256 and when the registry received it. */
    public record CitableDocument(String sha256, Instant receivedAt) {
    }

    /** The command side's answer to the desk: which documents a governor could cite for a resumption after the court's day. */
    public interface Documents {

        /**
         * The documents {@code uploader} uploaded that show a resumption before {@code courtsDay} ({@link #shownBeforeTheCourtsDay}) and that
         * no act cites (an act of another kind, or of another registration, holding one would be refused), oldest first.
         */
        List<CitableDocument> citable(PersonId uploader, LocalDate courtsDay);
    }
}
