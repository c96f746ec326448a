package mn.registry.freezone.governor;

import mn.registry.command.api.CommandContext;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;

/**
 * A governor's authority: their own zone during their tenure, as the events said at the signing time
 * ({@link CommandContext#zones()}), never what the command claims.
 */
final class GovernorAuthority {

    public static final String ARTICLE = "003 art. 8.2, 8.7";

    private GovernorAuthority() {
    }

    // 003 art. 8.2, 8.7: a governor acts only for the zone of their appointment and only during it
    public static void requireGovernorOf(CommandContext context, ZoneId zone) {
        if (!context.roles().contains(Role.ZONE_GOVERNOR)) {
            throw RegistryProblem.forbidden("freezone.governor-not-in-tenure", context.actor() + " was not a zone governor at "
                    + context.receivedAt() + ".", ARTICLE);
        }
        if (!context.zones().contains(zone.value())) {
            throw RegistryProblem.forbidden("freezone.governor-outside-zone", context.actor() + " governed " + context.zones() + " at "
                    + context.receivedAt() + ", not zone " + zone + ": a governor acts only in their own zone during their tenure.", ARTICLE);
        }
    }
}
