package mn.registry.kernel.identity;

/**
 * What of an enrolment is a natural person's personal data: the name and the certificate (which carries the name and
 * the person id). Stored in {@link PersonEnrolled} encrypted under the person's key.
 */
public record PersonalDetails(String displayName, String certificateBase64Der) {

    /** What a staff view shows in place of data whose key was destroyed. */
    public static final String ERASED = "(erased)";

    public static PersonalDetails erased() {
        return new PersonalDetails(ERASED, ERASED);
    }
}
