package mn.registry.kernel.permit;

import java.util.List;

/** Signed command body: A reviewer decides an extension (002 art. 27.3-27.5); reasons when refused. */
public record DecidePermitExtension(ApplicationId applicationId, boolean extend, List<RefusalReason> reasons) {
}
