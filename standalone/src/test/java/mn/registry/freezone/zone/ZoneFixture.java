package mn.registry.freezone.zone;

import mn.registry.kernel.permit.PermitNumber;
import mn.registry.permit.command.PermitDeadlineRules;
import mn.registry.standalone.layout.UsedElsewhere;

/** Samples for LayoutTest: a Free Zone class that reaches into the permits' command side, and one that does not. */
public final class ZoneFixture {

    private ZoneFixture() {
    }

    /** The mistake the context rule is for: a Free Zone class using a permit's command-side internals. */
    public static final class ReadsPermitInternals {
        Class<?> permits() {
            return PermitDeadlineRules.class;
        }
    }

    /** What is allowed: the kernel's published language. */
    public static final class ReadsTheKernel {
        String number(PermitNumber number) {
            return number.toString();
        }
    }

    static UsedElsewhere user() {
        return new UsedElsewhere();
    }
}
