package mn.registry.kernel.identity;

/**
 * The signed command's body: {@code personId} no longer holds {@code role} from the registry's receipt on (an official who left the
 * ministry or the other body, a company's representative whose power ended), on the document {@code documentSha256} (the dismissal
 * order, the company's notice), uploaded first (ADR 0055). A governor is dismissed by the Cabinet member ({@code DismissGovernor},
 * 003 art. 8.2), not by this act. The person's certificate stays enrolled for any other role they hold.
 */
public record EndSignerRole(PersonId personId, Role role, String documentSha256) {
}
