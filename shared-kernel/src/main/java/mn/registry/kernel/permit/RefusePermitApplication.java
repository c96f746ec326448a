package mn.registry.kernel.permit;

import java.util.List;

/** Signed command body: A reviewer refuses with reasons, each tied to a requirement (002 art. 26.3). */
public record RefusePermitApplication(ApplicationId applicationId, List<RefusalReason> reasons) {
}
