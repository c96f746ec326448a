package mn.registry.web.desk;

import mn.registry.kernel.permit.PermitApplicationStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision forms an application's page offers follow the lifecycle of domain-rules §3 and who may sign (§1). */
class DeskFormsTest {

    @Test
    @DisplayName("002 art. 26: a registered application is approved or refused, by a reviewer or a supervisor")
    void registered_is_decided() {
        assertThat(DeskController.forms(PermitApplicationStatus.REGISTERED, false, false)).containsExactly("approve", "refuse");
    }

    @Test
    @DisplayName("002 art. 26.6, 29.1: only a supervisor issues and revokes")
    void supervisor_only_forms() {
        assertThat(DeskController.forms(PermitApplicationStatus.APPROVED_PENDING_INSURANCE, false, false)).isEmpty();
        assertThat(DeskController.forms(PermitApplicationStatus.APPROVED_PENDING_INSURANCE, true, false)).containsExactly("issue");
        assertThat(DeskController.forms(PermitApplicationStatus.ACTIVE, false, false)).containsExactly("suspend");
        assertThat(DeskController.forms(PermitApplicationStatus.ACTIVE, true, true)).containsExactly("suspend", "extend", "revoke");
        assertThat(DeskController.forms(PermitApplicationStatus.SUSPENDED, false, false)).containsExactly("restore");
        assertThat(DeskController.forms(PermitApplicationStatus.SUSPENDED, true, false)).containsExactly("restore", "revoke");
    }

    @Test
    @DisplayName("a refused, revoked or expired file with no pending request has nothing left to decide on the desk")
    void closed_files_have_no_forms() {
        for (PermitApplicationStatus status : new PermitApplicationStatus[]{PermitApplicationStatus.REFUSED, PermitApplicationStatus.REVOKED}) {
            assertThat(DeskController.forms(status, true, true)).as(status.name()).isEmpty();
        }
        assertThat(DeskController.forms(PermitApplicationStatus.EXPIRED, true, false)).isEmpty();
    }

    @Test
    @DisplayName("002 art. 27.3, 29.2: an extension request made in time is decided on the desk while suspended or after the expiry (ADR 0013 §3)")
    void pending_extension_request_is_decided_while_suspended_or_expired() {
        assertThat(DeskController.forms(PermitApplicationStatus.SUSPENDED, false, true)).containsExactly("restore", "extend");
        assertThat(DeskController.forms(PermitApplicationStatus.EXPIRED, false, true)).containsExactly("extend");
        assertThat(DeskController.forms(PermitApplicationStatus.SUSPENDED, false, false)).doesNotContain("extend");
    }
}
