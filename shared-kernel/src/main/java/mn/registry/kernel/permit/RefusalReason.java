package mn.registry.kernel.permit;


/** One reason of a refusal: the requirement it fails (with its article) and the reviewer's words. */
public record RefusalReason(PermitRequirement requirement, String explanation) {

    public RefusalReason {
        java.util.Objects.requireNonNull(requirement, "requirement");
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("a refusal reason explains itself");
        }
    }

    public String article() {
        return requirement.article();
    }
}
