package mn.registry.web.desk;

import mn.registry.kernel.permit.RevocationGround;
import mn.registry.permit.query.ComplaintAgainstTheRevocation;

import java.util.Map;

/** The complaint period of a revoked permit as the pages show it: the desk's pass-on and the holder's complaint form. */
public final class ComplaintPeriod {

    private ComplaintPeriod() {
    }

    /**
     * 002 art. 29.4, 29.6 (ADR 0046 items 20, 30, 120): the holder may still complain against the revocation (a ground a complaint lies
     * against, none filed against it, and {@code today} within the complaint period from the revocation's day in Ulaanbaatar), as the
     * aggregate judges it: the desk holds the database's pass-on meanwhile, the holder's page offers the complaint form only then. A
     * complaint older than the revocation is an earlier revocation's ({@link ComplaintAgainstTheRevocation}, F458): it was upheld, and the
     * new revocation has a complaint period of its own.
     */
    public static boolean running(Map<String, Object> file, java.time.LocalDate today) {
        if (!(file.get("revocation") instanceof Map<?, ?> revocation) || revocation.get("revokedAt") == null || revocation.get("ground") == null) {
            return false;
        }
        if (!RevocationGround.valueOf(String.valueOf(revocation.get("ground"))).complaintAllowed()
                || ComplaintAgainstTheRevocation.of(file).isPresent()) {
            return false;
        }
        java.time.LocalDate revokedOn = mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(java.time.Instant.parse(String.valueOf(revocation.get("revokedAt"))));
        return !today.isAfter(revokedOn.plus(mn.registry.kernel.permit.PermitDeadlines.COMPLAINT_PERIOD));
    }
}
