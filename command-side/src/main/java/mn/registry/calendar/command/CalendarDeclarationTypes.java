package mn.registry.calendar.command;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandType;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.calendar.CalendarDeclaration;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.calendar.WorkingDayDeclared;
import mn.registry.kernel.identity.Role;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.Set;

/**
 * The two signed commands that change the calendar: {@code DeclarePublicHoliday} and
 * {@code DeclareWorkingDay}. The official signs the declaration itself (date, names, the Government
 * decision's reference). Who may sign: a ministry supervisor or the Cabinet member (domain-rules §2,
 * "an authorised official"; our choice of who that is, recorded in docs/calendar.md).
 */
@Configuration
class CalendarDeclarationTypes {

    static final Set<Role> DECLARERS = Set.of(Role.MINISTRY_SUPERVISOR, Role.CABINET_MEMBER);

    @Bean
    SignedCommandType<PublicHolidayDeclared> declarePublicHoliday(CommandGateway commands, CurrentCalendar calendar) {
        return new Declaration<>("DeclarePublicHoliday", PublicHolidayDeclared.class, commands, calendar);
    }

    @Bean
    SignedCommandType<WorkingDayDeclared> declareWorkingDay(CommandGateway commands, CurrentCalendar calendar) {
        return new Declaration<>("DeclareWorkingDay", WorkingDayDeclared.class, commands, calendar);
    }

    record Declaration<T extends CalendarDeclaration>(String type, Class<T> bodyType, CommandGateway commands, CurrentCalendar calendar)
            implements SignedCommandType<T> {

        @Override
        public Set<Role> allowedRoles() {
            return DECLARERS;
        }

        @Override
        public Object handle(T body, CommandContext context) {
            commands.sendAndWait(new RecordCalendarDeclaration(CurrentCalendar.STREAM, body));
            WorkingDayCalendar now = calendar.refresh();
            return Map.of("calendarVersion", now.version().value(), "date", body.date().toString());
        }
    }
}
