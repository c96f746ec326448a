package mn.registry.web;

import mn.registry.infrastructure.calendar.CurrentCalendar;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Due dates as the desks show them: the day in the page's language, working days left by the calendar, and the colour. */
class WebDatesTest {

    /** 10 Dec 2026 in Ulaanbaatar (a Thursday), at noon. */
    static final Clock TEN_DECEMBER = Clock.fixed(Instant.parse("2026-12-10T04:00:00Z"), ZoneOffset.UTC);

    private final WebDates dates = new WebDates(new CurrentCalendar(EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build(),
            TEN_DECEMBER), TEN_DECEMBER, new WebConfiguration().messageSource());

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    @DisplayName("002 art. 26.1 on the desk: 'due 16 Dec 2026, 4 working days left' (11, 14, 15, 16 Dec), and in Mongolian")
    void due_text_counts_working_days() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(dates.due(LocalDate.of(2026, 12, 16))).isEqualTo("due 16 Dec 2026, 4 working days left");
        assertThat(dates.due("2026-12-11")).isEqualTo("due 11 Dec 2026, 1 working day left");
        assertThat(dates.due(LocalDate.of(2026, 12, 10))).isEqualTo("due 10 Dec 2026, due today");
        assertThat(dates.due(LocalDate.of(2026, 12, 8))).isEqualTo("overdue since 8 Dec 2026 (2 working days)");
        LocaleContextHolder.setLocale(WebConfiguration.MONGOLIAN);
        assertThat(dates.due(LocalDate.of(2026, 12, 16))).isEqualTo("хугацаа 2026.12.16, 4 ажлын өдөр үлдсэн");
    }

    @Test
    @DisplayName("the colour: overdue after the day, near due within the given working days, otherwise on time")
    void urgency_by_working_days() {
        assertThat(dates.urgency(LocalDate.of(2026, 12, 9), 3)).isEqualTo("overdue");
        assertThat(dates.urgency(LocalDate.of(2026, 12, 10), 3)).isEqualTo("near-due");
        assertThat(dates.urgency(LocalDate.of(2026, 12, 15), 3)).isEqualTo("near-due");
        assertThat(dates.urgency(LocalDate.of(2026, 12, 16), 3)).isEqualTo("on-time");
    }

    @Test
    @DisplayName("an instant is shown in Ulaanbaatar time")
    void time_in_ulaanbaatar() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(dates.time("2026-11-23T16:05:00Z")).isEqualTo("24 Nov 2026 00:05 (UTC+8)");
        assertThat(dates.value("2026-11-23T16:05:00.123Z")).isEqualTo("24 Nov 2026 00:05 (UTC+8)");
        assertThat(dates.value("2026-12-01")).isEqualTo("1 Dec 2026");
        assertThat(dates.value("Altanbulag soum")).isEqualTo("Altanbulag soum");
    }
}
