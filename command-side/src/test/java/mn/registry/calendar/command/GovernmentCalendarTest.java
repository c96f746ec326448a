package mn.registry.calendar.command;

import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.calendar.WorkingDayDeclared;
import mn.registry.kernel.calendar.YearConfirmed;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GovernmentCalendarTest {

    private AggregateTestFixture<GovernmentCalendar> fixture;

    private static final PublicHolidayDeclared ELECTION_DAY =
            new PublicHolidayDeclared(LocalDate.of(2028, 6, 23), "Election day", "Сонгуулийн өдөр", "Government resolution 2028/114");

    /** The day the fixture's declarations are received: before every day they declare. */
    static final LocalDate RECEIVED_ON = LocalDate.of(2026, 12, 1);

    private static org.axonframework.commandhandling.CommandMessage<Object> declare(mn.registry.kernel.calendar.CalendarDeclaration declaration) {
        return declare(declaration, RECEIVED_ON);
    }

    /** The declaration as the Cabinet member signs it, received at noon of {@code receivedOn} in Ulaanbaatar (ADR 0026). */
    private static org.axonframework.commandhandling.CommandMessage<Object> declare(mn.registry.kernel.calendar.CalendarDeclaration declaration,
                                                                                   LocalDate receivedOn) {
        java.time.Instant at = receivedOn.atTime(12, 0).atZone(mn.registry.kernel.calendar.UlaanbaatarTime.ZONE).toInstant();
        return mn.registry.command.api.SignedCommandContext.message(declaration, new mn.registry.command.api.CommandContext("declaration-" + at, at, at,
                new mn.registry.kernel.identity.PersonId("cabinet-1"), java.util.Set.of(Role.CABINET_MEMBER), java.util.Set.of(), "ab".repeat(32)));
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GovernmentCalendar.class);
        fixture.registerCommandTargetResolver(new CalendarDeclarationTypes().calendarTarget());
    }

    @Test
    @DisplayName("domain-rules §2: a declared public holiday on a working day is recorded and makes version 2")
    void holiday_on_a_working_day_is_recorded() {
        fixture.givenNoPriorActivity()
                .when(declare(ELECTION_DAY))
                .expectEvents(ELECTION_DAY)
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.hasToString(org.hamcrest.Matchers.endsWith(".2")));
    }

    @Test
    @DisplayName("domain-rules §2: declaring a holiday on a day already off changes nothing and is refused")
    void holiday_on_a_day_off_is_refused() {
        PublicHolidayDeclared onSaturday = new PublicHolidayDeclared(LocalDate.of(2028, 6, 24), "x", "х", "Resolution 1");
        fixture.givenNoPriorActivity()
                .when(declare(onSaturday))
                .expectException(RegistryProblem.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("domain-rules §2: the same holiday declared twice is refused the second time")
    void repeated_declaration_is_refused() {
        fixture.given(ELECTION_DAY)
                .when(declare(ELECTION_DAY))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already treats 2028-06-23 as a day off"));
    }

    @Test
    @DisplayName("domain-rules §2: a Government-declared working Saturday is recorded")
    void working_saturday_is_recorded() {
        WorkingDayDeclared saturday = WorkingDayDeclared.transfer(LocalDate.of(2028, 6, 24), LocalDate.of(2028, 6, 23), "Resolution 2028/115");
        fixture.givenNoPriorActivity()
                .when(declare(saturday))
                .expectEvents(saturday);
    }

    private static final YearConfirmed YEAR_2031 = new YearConfirmed(2031,
            List.of(LocalDate.of(2031, 2, 22), LocalDate.of(2031, 2, 23), LocalDate.of(2031, 2, 24)),
            LocalDate.of(2031, 6, 5), LocalDate.of(2031, 11, 15), "Government resolution 2030/1000");

    @Test
    @DisplayName("ADR 0013 §2: a public holiday the Government declares for 2031 is recorded (no year lacks a calendar)")
    void holiday_in_2031_is_recorded() {
        PublicHolidayDeclared in2031 = new PublicHolidayDeclared(LocalDate.of(2031, 1, 6), "Declared day off", "Амралтын өдөр",
                "Government resolution 2030/999");
        fixture.givenNoPriorActivity()
                .when(declare(in2031))
                .expectEvents(in2031)
                .expectResultMessagePayload("MN-2024.2");
    }

    @Test
    @DisplayName("ADR 0013 §2: the Government's confirmation of a provisional year is recorded; the same confirmation again is refused")
    void year_confirmation_is_recorded_once() {
        fixture.givenNoPriorActivity()
                .when(declare(YEAR_2031))
                .expectEvents(YEAR_2031);
        fixture.given(YEAR_2031)
                .when(declare(YEAR_2031))
                .expectException(RegistryProblem.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already confirmed 2031"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("ADR 0013 §2: a corrected confirmation of the same year (another decision) is recorded")
    void corrected_confirmation_is_recorded() {
        YearConfirmed corrected = new YearConfirmed(2031, YEAR_2031.tsagaanSar(), YEAR_2031.buddhasBirthday(), LocalDate.of(2031, 11, 14),
                "Government resolution 2031/12");
        fixture.given(YEAR_2031)
                .when(declare(corrected))
                .expectEvents(corrected);
    }

    /** The refusal of a confirmed lunar date far from the lunar calendar, naming its field. */
    private static org.hamcrest.Matcher<RegistryProblem> farFromTheLunarCalendar(String field) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RegistryProblem problem) {
                return "calendar.lunar-date-far-from-the-lunar-calendar".equals(problem.code()) && field.equals(problem.field())
                        && "domain-rules §2".equals(problem.article());
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("calendar.lunar-date-far-from-the-lunar-calendar on " + field);
            }
        };
    }

    @Test
    @DisplayName("domain-rules §2 (choice, ADR 0046 item 47, abuse audit F183): a year's lunar holidays are confirmed where the lunar calendar "
            + "puts them: Tsagaan Sar in June, or Chinggis Khaan's day moved by a week (a correction confirmed again and again ahead of a "
            + "deadline, uncounted by the ceiling), is refused; a correction of a day or two, or of a leap month, is recorded")
    void lunar_holidays_are_confirmed_near_the_lunar_calendar() {
        // the lunar calendar puts 2031's Tsagaan Sar on 22-24 February, Buddha's birthday on 5 June, Chinggis Khaan's day on 15 November
        YearConfirmed tsagaanSarInJune = new YearConfirmed(2031, List.of(LocalDate.of(2031, 6, 10), LocalDate.of(2031, 6, 11),
                LocalDate.of(2031, 6, 12)), YEAR_2031.buddhasBirthday(), YEAR_2031.chinggisKhaanDay(), "Government resolution 2030/1001");
        fixture.givenNoPriorActivity()
                .when(declare(tsagaanSarInJune))
                .expectNoEvents()
                .expectException(farFromTheLunarCalendar("tsagaanSar"));
        YearConfirmed chinggisAWeekLater = new YearConfirmed(2031, YEAR_2031.tsagaanSar(), YEAR_2031.buddhasBirthday(), LocalDate.of(2031, 11, 24),
                "Government resolution 2031/13");
        fixture.given(YEAR_2031)
                .when(declare(chinggisAWeekLater))
                .expectNoEvents()
                .expectException(farFromTheLunarCalendar("chinggisKhaanDay"));
        YearConfirmed buddhaInApril = new YearConfirmed(2031, YEAR_2031.tsagaanSar(), LocalDate.of(2031, 4, 21), YEAR_2031.chinggisKhaanDay(),
                "Government resolution 2031/14");
        fixture.given(YEAR_2031)
                .when(declare(buddhaInApril))
                .expectNoEvents()
                .expectException(farFromTheLunarCalendar("buddhasBirthday"));
        // a lunar day doubled or skipped: two days off; a leap month counted otherwise: one lunation later
        YearConfirmed twoDaysLater = new YearConfirmed(2031, List.of(LocalDate.of(2031, 2, 24), LocalDate.of(2031, 2, 25), LocalDate.of(2031, 2, 26)),
                YEAR_2031.buddhasBirthday(), LocalDate.of(2031, 11, 13), "Government resolution 2030/1002");
        fixture.givenNoPriorActivity()
                .when(declare(twoDaysLater))
                .expectEvents(twoDaysLater);
        YearConfirmed aLunationLater = new YearConfirmed(2031, List.of(LocalDate.of(2031, 3, 24), LocalDate.of(2031, 3, 25), LocalDate.of(2031, 3, 26)),
                LocalDate.of(2031, 7, 5), YEAR_2031.chinggisKhaanDay(), "Government resolution 2030/1003");
        fixture.givenNoPriorActivity()
                .when(declare(aLunationLater))
                .expectEvents(aLunationLater);
    }

    /** The first {@code n} working days of the law's calendar from {@code from}, each declared a day off by its own resolution. */
    private static List<PublicHolidayDeclared> daysOffFrom(LocalDate from, int n) {
        mn.registry.kernel.calendar.WorkingDayCalendar law = mn.registry.kernel.calendar.WorkingDayCalendar.base();
        return from.datesUntil(from.plusYears(1)).filter(law::isWorkingDay).limit(n)
                .map(day -> new PublicHolidayDeclared(day, "Day of rest", "Амралтын өдөр", "Resolution " + day)).toList();
    }

    @Test
    @DisplayName("domain-rules §2 (choice, ADR 0046 item 49, abuse audit F190): Tsagaan Sar confirmed onto two declared days off frees two "
            + "days of the ceiling, two more are declared, and a second confirmation back to the lunar calendar's dates would put the first "
            + "two back in the count (twelve working days taken): refused; without the two more, recorded")
    void a_confirmation_uncovers_no_days_off_beyond_the_ceiling() {
        // by the lunar calendar 2031's Tsagaan Sar is 22-24 February (Saturday to Monday): the 25th and 26th are working days
        List<PublicHolidayDeclared> afterTsagaanSar = daysOffFrom(LocalDate.of(2031, 2, 25), 2);
        assertThat(afterTsagaanSar).extracting(PublicHolidayDeclared::date).containsExactly(LocalDate.of(2031, 2, 25), LocalDate.of(2031, 2, 26));
        List<PublicHolidayDeclared> eightInMarch = daysOffFrom(LocalDate.of(2031, 3, 3), 8);
        YearConfirmed ontoTheDaysOff = new YearConfirmed(2031, List.of(LocalDate.of(2031, 2, 24), LocalDate.of(2031, 2, 25),
                LocalDate.of(2031, 2, 26)), YEAR_2031.buddhasBirthday(), YEAR_2031.chinggisKhaanDay(), "Government resolution 2030/1002");
        List<PublicHolidayDeclared> twoInApril = daysOffFrom(LocalDate.of(2031, 4, 1), 2);
        YearConfirmed backToTheLunarCalendar = new YearConfirmed(2031, YEAR_2031.tsagaanSar(), YEAR_2031.buddhasBirthday(),
                YEAR_2031.chinggisKhaanDay(), "Government resolution 2031/20");
        List<Object> history = new java.util.ArrayList<>(afterTsagaanSar);
        history.addAll(eightInMarch);
        history.add(ontoTheDaysOff);
        List<Object> withTwoMore = new java.util.ArrayList<>(history);
        withTwoMore.addAll(twoInApril);
        // the confirmation onto the days off takes nothing, and the two more days off then fit in the ceiling
        List<Object> declared = new java.util.ArrayList<>(afterTsagaanSar);
        declared.addAll(eightInMarch);
        fixture.given(declared)
                .when(declare(ontoTheDaysOff))
                .expectEvents(ontoTheDaysOff);
        List<Object> withOneMore = new java.util.ArrayList<>(history);
        withOneMore.add(twoInApril.get(0));
        fixture.given(withOneMore)
                .when(declare(twoInApril.get(1)))
                .expectEvents(twoInApril.get(1));
        fixture.given(withTwoMore)
                .when(declare(backToTheLunarCalendar))
                .expectNoEvents()
                .expectException(new org.hamcrest.TypeSafeMatcher<RegistryProblem>() {
                    @Override
                    protected boolean matchesSafely(RegistryProblem problem) {
                        return "calendar.confirmation-beyond-the-ceiling".equals(problem.code()) && "year".equals(problem.field())
                                && "domain-rules §2".equals(problem.article()) && problem.getMessage().contains(" 12 ");
                    }

                    @Override
                    public void describeTo(org.hamcrest.Description description) {
                        description.appendText("calendar.confirmation-beyond-the-ceiling on year, 12 days taken");
                    }
                });
        fixture.given(history)
                .when(declare(backToTheLunarCalendar))
                .expectEvents(backToTheLunarCalendar);
    }

    @Test
    @DisplayName("domain-rules §2: a day after 2100 is outside the calendar's range and is refused")
    void declaration_after_2100_is_refused() {
        fixture.givenNoPriorActivity()
                .when(declare(
                        new PublicHolidayDeclared(LocalDate.of(2101, 1, 3), "x", "х", "Resolution 1")))
                .expectException(RegistryProblem.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("ADR 0013 §2 (issue 13 item 7): calendar declarations are the Government's act, signed by the Cabinet member only")
    void only_the_cabinet_member_declares() {
        assertThat(CalendarDeclarationTypes.DECLARERS).containsExactly(Role.CABINET_MEMBER);
        CalendarDeclarationTypes types = new CalendarDeclarationTypes();
        assertThat(List.of(types.declarePublicHoliday(null, null), types.declareWorkingDay(null, null), types.confirmCalendarYear(null, null)))
                .allSatisfy(type -> assertThat(type.allowedRoles()).containsExactly(Role.CABINET_MEMBER))
                .extracting(type -> type.type()).containsExactly("DeclarePublicHoliday", "DeclareWorkingDay", "ConfirmCalendarYear");
    }

    @Test
    @DisplayName("domain-rules §2, 002 art. 26.1: no day before the day of receipt is made a day off or a working day (a late act made timely); the day of receipt and the days after may be")
    void a_day_before_receipt_is_not_declared() {
        PublicHolidayDeclared yesterday = new PublicHolidayDeclared(RECEIVED_ON.minusDays(1), "Day of rest", "Амралтын өдөр", "Resolution 301");
        fixture.givenNoPriorActivity()
                .when(declare(yesterday))
                .expectException(pastDay("date"))
                .expectNoEvents();
        mn.registry.kernel.calendar.WorkingDayDeclared transfer = mn.registry.kernel.calendar.WorkingDayDeclared.transfer(LocalDate.of(2026, 12, 5),
                RECEIVED_ON.minusDays(1), "Resolution 302");
        fixture.givenNoPriorActivity()
                .when(declare(transfer))
                .expectException(pastDay("replacesDate"))
                .expectNoEvents();
        // a year already past confirmed with other lunar dates (Chinggis Khaan's day on Friday 14 November, not the 15th) would move
        // its holidays after the fact; confirming the dates it already had changes no day and stays possible
        YearConfirmed moved = new YearConfirmed(2031, YEAR_2031.tsagaanSar(), YEAR_2031.buddhasBirthday(), LocalDate.of(2031, 11, 14),
                "Government resolution 2032/1");
        fixture.givenNoPriorActivity()
                .when(declare(YEAR_2031, LocalDate.of(2032, 1, 5)))
                .expectEvents(YEAR_2031);
        fixture.givenNoPriorActivity()
                .when(declare(moved, LocalDate.of(2032, 1, 5)))
                .expectException(pastDay("year"))
                .expectNoEvents();
        PublicHolidayDeclared today = new PublicHolidayDeclared(RECEIVED_ON, "Day of mourning", "Гашуудлын өдөр", "Resolution 303");
        fixture.givenNoPriorActivity()
                .when(declare(today))
                .expectEvents(today);
    }

    private static org.hamcrest.Matcher<RegistryProblem> pastDay(String field) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RegistryProblem problem) {
                return "calendar.declaration-changes-a-past-day".equals(problem.code()) && field.equals(problem.field());
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("calendar.declaration-changes-a-past-day on " + field);
            }
        };
    }

    @Test
    @DisplayName("domain-rules §2 (abuse audit F42): a holiday named, or a decision referenced, by no-break or zero-width spaces only (which String.isBlank does not see) names nothing and is refused at intake; nothing stored")
    void invisible_names_are_refused_at_intake() {
        LocalDate day = LocalDate.of(2028, 6, 23);
        for (String nothing : java.util.List.of("\u00A0", "\u200B", "\u202F", "\u2060\u00A0", "\u00AD")) {
            for (mn.registry.kernel.calendar.CalendarDeclaration declaration : java.util.List.of(
                    new PublicHolidayDeclared(day, nothing, "Сонгуулийн өдөр", "Government resolution 2028/114"),
                    new PublicHolidayDeclared(day, "Election day", nothing, "Government resolution 2028/114"),
                    new PublicHolidayDeclared(day, "Election day", "Сонгуулийн өдөр", nothing),
                    new mn.registry.kernel.calendar.WorkingDayDeclared(LocalDate.of(2028, 6, 24), null, nothing))) {
                fixture.givenNoPriorActivity()
                        .when(declare(declaration))
                        .expectException(RegistryProblem.class)
                        .expectExceptionMessage(org.hamcrest.Matchers.containsString("says nothing a reader can see"))
                        .expectNoEvents();
            }
        }
    }

    @Test
    @DisplayName("domain-rules §2, 001 art. 15.6: a declaration stored before the visible-text rule, named by a no-break space, still replays")
    void stored_declaration_with_an_invisible_name_replays() {
        PublicHolidayDeclared stored = new PublicHolidayDeclared(LocalDate.of(2028, 6, 23), "\u00A0", "Сонгуулийн өдөр", "Government resolution 2028/114");
        fixture.given(stored)
                .when(declare(ELECTION_DAY))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already treats 2028-06-23 as a day off"));
    }

    /** The first {@code n} working days of 2028 from 1 February under the law's calendar, each declared a day off by its own resolution. */
    private static List<PublicHolidayDeclared> daysOff2028(int n) {
        mn.registry.kernel.calendar.WorkingDayCalendar law = mn.registry.kernel.calendar.WorkingDayCalendar.base();
        return LocalDate.of(2028, 2, 1).datesUntil(LocalDate.of(2028, 12, 31)).filter(law::isWorkingDay).limit(n)
                .map(day -> new PublicHolidayDeclared(day, "Day of rest", "Амралтын өдөр", "Resolution " + day)).toList();
    }

    @Test
    @DisplayName("domain-rules §2 (choice, abuse audit O63 closed as F124): a Cabinet member declaring every weekday a holiday postpones "
            + "every working-day deadline; the Government's declarations take at most 10 working days of a year (net of working days it "
            + "declares), the 11th is refused; a working Saturday gives one back, a transfer costs nothing, another year has its own")
    void declared_days_off_are_bounded_per_year() {
        List<PublicHolidayDeclared> ten = daysOff2028(10);
        PublicHolidayDeclared eleventh = daysOff2028(11).get(10);
        fixture.givenNoPriorActivity()
                .when(declare(ten.get(9)))
                .expectEvents(ten.get(9));
        fixture.given(ten.toArray())
                .when(declare(eleventh))
                .expectNoEvents()
                .expectException(new org.hamcrest.TypeSafeMatcher<RegistryProblem>() {
                    @Override
                    protected boolean matchesSafely(RegistryProblem problem) {
                        return "calendar.days-off-beyond-the-ceiling".equals(problem.code()) && "date".equals(problem.field())
                                && problem.getMessage().contains("2028");
                    }

                    @Override
                    public void describeTo(org.hamcrest.Description description) {
                        description.appendText("calendar.days-off-beyond-the-ceiling on date");
                    }
                });
        // a working Saturday before the days off gives one back (ADR 0046 item 44: one given back later does not, below)
        WorkingDayDeclared workingSaturday = WorkingDayDeclared.workingDay(LocalDate.of(2028, 1, 8), "Resolution 2028/90");
        List<Object> tenAndASaturday = new java.util.ArrayList<>(ten);
        tenAndASaturday.add(workingSaturday);
        fixture.given(tenAndASaturday)
                .when(declare(eleventh))
                .expectEvents(eleventh);
        WorkingDayDeclared transfer = WorkingDayDeclared.transfer(LocalDate.of(2028, 1, 15), eleventh.date(), "Resolution 2028/91");
        fixture.given(ten.toArray())
                .when(declare(transfer))
                .expectEvents(transfer);
        PublicHolidayDeclared nextYear = new PublicHolidayDeclared(LocalDate.of(2029, 3, 5), "Day of rest", "Амралтын өдөр", "Resolution 2029/1");
        fixture.given(ten.toArray())
                .when(declare(nextYear))
                .expectEvents(nextYear);
    }

    /** The refusal of a day off beyond the ceiling, on the field {@code date}. */
    private static org.hamcrest.Matcher<RegistryProblem> beyondTheCeiling() {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RegistryProblem problem) {
                return "calendar.days-off-beyond-the-ceiling".equals(problem.code()) && "date".equals(problem.field())
                        && "domain-rules §2".equals(problem.article());
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("calendar.days-off-beyond-the-ceiling on date, domain-rules §2");
            }
        };
    }

    /** The first {@code n} Saturdays of {@code month} 2028, each declared a working day by its own resolution. */
    private static List<WorkingDayDeclared> workingSaturdays2028(int month, int n) {
        return LocalDate.of(2028, month, 1).datesUntil(LocalDate.of(2028, month, 1).plusMonths(1))
                .filter(day -> day.getDayOfWeek() == java.time.DayOfWeek.SATURDAY).limit(n)
                .map(day -> WorkingDayDeclared.workingDay(day, "Resolution " + day)).toList();
    }

    @Test
    @DisplayName("domain-rules §2 (choice, ADR 0046 item 44, abuse audit O93 closed as F180): the ceiling holds on every day of the year: "
            + "days off taken in February are not paid for by working Saturdays given back in November; a transfer whose Saturday comes "
            + "first costs nothing, one whose day off comes first costs a day until its Saturday")
    void declared_days_off_are_bounded_on_every_day_of_the_year() {
        List<PublicHolidayDeclared> ten = daysOff2028(10);
        PublicHolidayDeclared eleventh = daysOff2028(11).get(10);
        List<Object> novemberSaturdaysAndTenDaysOff = new java.util.ArrayList<>(workingSaturdays2028(11, 4));
        novemberSaturdaysAndTenDaysOff.addAll(ten);
        // net of November's four Saturdays the year would lose 7, within the ceiling; but by mid-February it has lost 11
        fixture.given(novemberSaturdaysAndTenDaysOff)
                .when(declare(eleventh))
                .expectNoEvents()
                .expectException(beyondTheCeiling());
        List<Object> januarySaturdaysAndTenDaysOff = new java.util.ArrayList<>(workingSaturdays2028(1, 4));
        januarySaturdaysAndTenDaysOff.addAll(ten);
        fixture.given(januarySaturdaysAndTenDaysOff)
                .when(declare(eleventh))
                .expectEvents(eleventh);
        // a transfer: its day off in February before its working Saturday in September takes a day from February to September
        WorkingDayDeclared dayOffFirst = WorkingDayDeclared.transfer(LocalDate.of(2028, 9, 9), eleventh.date(), "Resolution 2028/92");
        fixture.given(ten.toArray())
                .when(declare(dayOffFirst))
                .expectNoEvents()
                .expectException(beyondTheCeiling());
        WorkingDayDeclared saturdayFirst = WorkingDayDeclared.transfer(LocalDate.of(2028, 1, 22), eleventh.date(), "Resolution 2028/93");
        fixture.given(ten.toArray())
                .when(declare(saturdayFirst))
                .expectEvents(saturdayFirst);
        // a working Saturday declared late in the year does not make room for a day off before it
        fixture.given(ten.toArray())
                .when(declare(WorkingDayDeclared.workingDay(LocalDate.of(2028, 11, 4), "Resolution 2028/94")))
                .expectSuccessfulHandlerExecution();
        List<Object> tenAndANovemberSaturday = new java.util.ArrayList<>(ten);
        tenAndANovemberSaturday.add(WorkingDayDeclared.workingDay(LocalDate.of(2028, 11, 4), "Resolution 2028/94"));
        fixture.given(tenAndANovemberSaturday)
                .when(declare(eleventh))
                .expectNoEvents()
                .expectException(beyondTheCeiling());
    }

    @Test
    @DisplayName("domain-rules §2 (choice, abuse audit F147): a day off is not made a working day on the day itself: declared at 00:05 on a "
            + "Saturday, a working Saturday moves every period ending on the Monday to that day, and a holder's report due then is late before "
            + "anyone could know; declared the day before it is recorded. A day of mourning is still declared on its day")
    void a_working_day_is_declared_before_its_day() {
        LocalDate saturday = LocalDate.of(2026, 12, 5);
        WorkingDayDeclared working = WorkingDayDeclared.workingDay(saturday, "Resolution 2026/400");
        fixture.givenNoPriorActivity()
                .when(declare(working, saturday))
                .expectException(new org.hamcrest.TypeSafeMatcher<RegistryProblem>() {
                    @Override
                    protected boolean matchesSafely(RegistryProblem problem) {
                        return "calendar.working-day-declared-on-its-day".equals(problem.code()) && "date".equals(problem.field())
                                && "domain-rules §2".equals(problem.article());
                    }

                    @Override
                    public void describeTo(org.hamcrest.Description description) {
                        description.appendText("calendar.working-day-declared-on-its-day on date");
                    }
                })
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(declare(working, saturday.minusDays(1)))
                .expectEvents(working);
    }
}
