package mn.registry.web;

import mn.registry.infrastructure.calendar.CurrentCalendar;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.springframework.context.MessageSource;

import java.time.Clock;

/** The web module's message source and dates, as the application configures them, for tests of other packages. */
public final class WebFixtures {

    private WebFixtures() {
    }

    public static MessageSource messages() {
        return new WebConfiguration().messageSource();
    }

    public static WebDates dates(Clock clock) {
        return new WebDates(new CurrentCalendar(EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build(), clock), clock,
                messages());
    }
}
