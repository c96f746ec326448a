package mn.registry.demo;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandType;
import mn.registry.deadline.DeadlinePoller;
import mn.registry.infrastructure.time.RegistryClock;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * {@code AdvanceDemoClock}, signed by a supervisor, exists only in demo mode: moves the registry clock forward
 * (never back) by 1-400 days and polls the deadline service at once, answering the new time and how many
 * deadlines fired in that poll (deadlines started by events not yet projected fire at the next poll, 2 s later).
 */
@Component
@ConditionalOnProperty(prefix = "registry", name = "demo", havingValue = "true")
class AdvanceDemoClockType implements SignedCommandType<AdvanceDemoClock> {

    static final int MAX_DAYS = 400;

    private final RegistryClock clock;
    private final DeadlinePoller poller;

    AdvanceDemoClockType(RegistryClock clock, DeadlinePoller poller) {
        this.clock = clock;
        this.poller = poller;
    }

    @Override
    public String type() {
        return "AdvanceDemoClock";
    }

    @Override
    public Class<AdvanceDemoClock> bodyType() {
        return AdvanceDemoClock.class;
    }

    @Override
    public Set<Role> allowedRoles() {
        return Set.of(Role.MINISTRY_SUPERVISOR);
    }

    @Override
    public Object handle(AdvanceDemoClock body, CommandContext context) {
        if (body == null || body.days() < 1 || body.days() > MAX_DAYS) {
            throw RegistryProblem.invalid("demo.clock-days", "Move the clock forward by 1 to " + MAX_DAYS + " days.", "days", null);
        }
        Instant now = clock.advance(Duration.ofDays(body.days()));
        int fired = poller.pollOnce();
        return Map.of("now", now.toString(), "offset", clock.offset().toString(), "deadlinesFired", fired);
    }
}
