package mn.registry.calendar.command;

import mn.registry.command.api.SignedCommandContext;
import mn.registry.command.api.TargetByRecordComponent;
import org.axonframework.modelling.command.CommandTargetResolver;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandType;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.calendar.CalendarDeclaration;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.calendar.WorkingDayDeclared;
import mn.registry.kernel.calendar.YearConfirmed;
import mn.registry.kernel.identity.Role;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.Set;

/**
 * The three signed commands that change the calendar: {@code DeclarePublicHoliday}, {@code DeclareWorkingDay}
 * and {@code ConfirmCalendarYear} (the Government confirms or corrects a year's lunar holidays). The official
 * signs the declaration itself (dates, names, the Government decision's reference). Who may sign: the Cabinet
 * member only. Public holidays, day transfers and the lunar dates are decided by Government resolution, so they
 * are the Government's act, not a ministry's (issue 13 item 7; ADR 0013 §2).
 */
@Configuration
class CalendarDeclarationTypes {

    // ADR 0013 §2: the calendar is set by Government resolution; the Cabinet member records it, a ministry cannot.
    static final Set<Role> DECLARERS = Set.of(Role.CABINET_MEMBER);

    @Bean
    SignedCommandType<PublicHolidayDeclared> declarePublicHoliday(CommandGateway commands, CurrentCalendar calendar) {
        return new Declaration<>("DeclarePublicHoliday", PublicHolidayDeclared.class, commands, calendar);
    }

    @Bean
    SignedCommandType<WorkingDayDeclared> declareWorkingDay(CommandGateway commands, CurrentCalendar calendar) {
        return new Declaration<>("DeclareWorkingDay", WorkingDayDeclared.class, commands, calendar);
    }

    @Bean
    SignedCommandType<YearConfirmed> confirmCalendarYear(CommandGateway commands, CurrentCalendar calendar) {
        return new Declaration<>("ConfirmCalendarYear", YearConfirmed.class, commands, calendar);
    }

    /** Every declaration goes to the one calendar stream of Mongolia (ADR 0026: the kernel body, no internal copy). */
    @Bean
    CommandTargetResolver calendarTarget() {
        return command -> TargetByRecordComponent.annotatedOr(command, body -> body instanceof CalendarDeclaration ? CurrentCalendar.STREAM : null,
                "calendar");
    }

    record Declaration<T extends CalendarDeclaration>(String type, Class<T> bodyType, CommandGateway commands, CurrentCalendar calendar)
            implements SignedCommandType<T> {

        @Override
        public Set<Role> allowedRoles() {
            return DECLARERS;
        }

        @Override
        public Object handle(T body, CommandContext context) {
            commands.sendAndWait(SignedCommandContext.message(body, context));
            WorkingDayCalendar now = calendar.refresh();
            return Map.of("calendarVersion", now.version().value(), "date", body.date().toString(),
                    "provisional", now.isProvisional(body.date().getYear()));
        }
    }
}
