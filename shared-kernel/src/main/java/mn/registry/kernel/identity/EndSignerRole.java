package mn.registry.kernel.identity;

/**
 * The signed command's body: {@code personId} no longer holds {@code role} from the registry's receipt on (an official who left the
 * ministry or the other body, a company's representative whose power ended), on the document {@code documentSha256} (the dismissal
 * order, the company's notice), uploaded first (ADR 0055). A governor is dismissed by the Cabinet member ({@code DismissGovernor},
 * 003 art. 8.2), not by this act. The person's certificate stays enrolled for any other role they hold. {@code orderConcerns}: the other
 * persons the order concerns, stated when this is its first citation (ADR 0061 item 45; abuse audit F504, was O314: one order ending
 * several officials' roles); empty or null: the person alone.
 */
public record EndSignerRole(PersonId personId, Role role, String documentSha256,
                            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY) java.util.List<PersonId> orderConcerns) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public EndSignerRole {
    }

    /** The end of a role on an order concerning the person alone. */
    public EndSignerRole(PersonId personId, Role role, String documentSha256) {
        this(personId, role, documentSha256, null);
    }
}
