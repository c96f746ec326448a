package mn.registry.calendar.command;

import mn.registry.kernel.calendar.CalendarDeclaration;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal command: record one Government declaration in the calendar's stream, received on {@code receivedOn} (Ulaanbaatar date). */
record RecordCalendarDeclaration(@TargetAggregateIdentifier String calendarId, CalendarDeclaration declaration, java.time.LocalDate receivedOn) {
}
