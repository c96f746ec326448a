package mn.registry.freezone;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import org.axonframework.commandhandling.CommandMessage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** Signed Free Zone commands for the aggregate tests: a kernel body with the context the command API would give it (ADR 0026). */
public final class FreeZoneSigned {

    /** The SHA-256 the tests' signed commands carry as the hash of their JWS. */
    public static final String JWS_SHA256 = "ab".repeat(32);

    private FreeZoneSigned() {
    }

    /** The body as signed by {@code by}, holding {@code roles} in {@code zones}, and received at {@code at}. */
    public static CommandMessage<Object> signed(Object body, PersonId by, Instant at, Set<Role> roles, Set<String> zones) {
        return SignedCommandContext.message(body, context(by, at, roles, zones));
    }

    /** The body as signed by an applicant (or another signer without a zone) received at {@code at}. */
    public static CommandMessage<Object> signed(Object body, PersonId by, Instant at, Role... roles) {
        return signed(body, by, at, Set.of(roles), Set.of());
    }

    /** The body as signed by the governor of {@code zone}, received at {@code at}. */
    public static CommandMessage<Object> byGovernor(Object body, PersonId governor, ZoneId zone, Instant at) {
        return signed(body, governor, at, Set.of(Role.ZONE_GOVERNOR), Set.of(zone.value()));
    }

    public static CommandContext context(PersonId by, Instant at, Set<Role> roles, Set<String> zones) {
        return new CommandContext("command-" + by.value() + "-" + at, at, at, by, roles, zones, JWS_SHA256);
    }

    /** Noon in Ulaanbaatar on {@code day}: a receipt whose registry-local date is {@code day}. */
    public static Instant on(LocalDate day) {
        return day.atTime(12, 0).atZone(UlaanbaatarTime.ZONE).toInstant();
    }
}
