package mn.registry.web.desk;

import mn.registry.kernel.permit.PermitApplicationStatus;
import mn.registry.kernel.permit.RevocationGround;
import mn.registry.kernel.permit.RevocationGrounds;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import java.util.List;

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

    @Test
    @DisplayName("domain-rules §1, 002 art. 26.1 (F191): a decision the registry escalated for being late is not offered to a reviewer, "
            + "who is told the supervisor decides it; the supervisor is offered it")
    void an_escalated_decision_is_offered_to_the_supervisor() {
        java.util.Map<String, Object> file = java.util.Map.of("decision", java.util.Map.of("escalated", true));
        java.util.Map<String, Object> duties = java.util.Map.of("DECIDE_EXTENSION", java.util.Map.of("overdue", true),
                "DECIDE_AFTER_SUSPENSION", java.util.Map.of("overdue", false));
        java.util.Set<String> escalated = DeskController.escalatedDecisions(file, duties, java.time.LocalDate.of(2025, 1, 1));
        assertThat(escalated).containsExactlyInAnyOrder("approve", "refuse", "extend");
        DeskController.Facts facts = new DeskController.Facts(true, true, false, false, false, false, null, false, escalated);
        DeskController.Offer toTheReviewer = DeskController.offer(PermitApplicationStatus.REGISTERED, false,
                DeskController.forms(PermitApplicationStatus.REGISTERED, false, false), facts);
        assertThat(toTheReviewer.forms()).doesNotContain("approve", "refuse").contains("requestDocuments", "documentsReceived");
        assertThat(toTheReviewer.missing()).containsExactly("desk.missing.escalatedToSupervisor");
        DeskController.Offer toTheSupervisor = DeskController.offer(PermitApplicationStatus.REGISTERED, true,
                DeskController.forms(PermitApplicationStatus.REGISTERED, true, false), facts);
        assertThat(toTheSupervisor.forms()).contains("approve", "refuse");
        assertThat(toTheSupervisor.missing()).isEmpty();
        DeskController.Offer extension = DeskController.offer(PermitApplicationStatus.ACTIVE, false,
                DeskController.forms(PermitApplicationStatus.ACTIVE, false, true), facts);
        assertThat(extension.forms()).doesNotContain("extend").contains("suspend");
        assertThat(DeskController.escalatedDecisions(java.util.Map.of(), java.util.Map.of(), java.time.LocalDate.of(2025, 1, 1))).isEmpty();
    }

    @Test
    @DisplayName("002 art. 26.1, domain-rules §1-2 (F600; ADR 0046 item 174): the application's last day has passed by the registry's clock and "
            + "the deadline service has not escalated it yet: the approval and the refusal are not offered to a reviewer, who is told the "
            + "supervisor decides it; on the last day itself they are")
    void a_decision_past_its_last_day_is_offered_to_the_supervisor_before_the_escalation() {
        java.util.Map<String, Object> file = java.util.Map.of("decision", java.util.Map.of("due", "2025-03-14", "escalated", false));
        assertThat(DeskController.escalatedDecisions(file, java.util.Map.of(), java.time.LocalDate.of(2025, 3, 15)))
                .containsExactlyInAnyOrder("approve", "refuse");
        assertThat(DeskController.escalatedDecisions(file, java.util.Map.of(), java.time.LocalDate.of(2025, 3, 14))).isEmpty();
        DeskController.Facts facts = new DeskController.Facts(true, true, false, false, false, false, null, false,
                DeskController.escalatedDecisions(file, java.util.Map.of(), java.time.LocalDate.of(2025, 3, 15)));
        DeskController.Offer toTheReviewer = DeskController.offer(PermitApplicationStatus.REGISTERED, false,
                DeskController.forms(PermitApplicationStatus.REGISTERED, false, false), facts);
        assertThat(toTheReviewer.forms()).doesNotContain("approve", "refuse");
        assertThat(toTheReviewer.missing()).containsExactly("desk.missing.escalatedToSupervisor");
    }

    private static DeskController.Offer offer(PermitApplicationStatus status, boolean supervisor, DeskController.Facts facts) {
        return DeskController.offer(status, supervisor, DeskController.forms(status, supervisor, false), facts);
    }

    private static final DeskController.Facts NOTHING = new DeskController.Facts(false, false, false, false, false, false, null, false);
    private static final DeskController.Facts INSURED = new DeskController.Facts(true, true, false, false, false, false, null, false);

    @Test
    @DisplayName("002 art. 26.2.3: issuing is not offered before the insurance is recorded, and the page says so first")
    void issue_waits_for_the_insurance() {
        DeskController.Offer before = offer(PermitApplicationStatus.APPROVED_PENDING_INSURANCE, true, NOTHING);
        assertThat(before.forms()).containsExactly("insurance").doesNotContain("issue");
        assertThat(before.missing()).containsExactly("desk.missing.insurance");
        DeskController.Offer after = offer(PermitApplicationStatus.APPROVED_PENDING_INSURANCE, true, INSURED);
        assertThat(after.forms()).contains("issue", "insurance");
        assertThat(after.missing()).isEmpty();
        // a reviewer records the insurance, and is told a supervisor issues
        assertThat(offer(PermitApplicationStatus.APPROVED_PENDING_INSURANCE, false, INSURED).forms()).doesNotContain("issue");
        assertThat(offer(PermitApplicationStatus.APPROVED_PENDING_INSURANCE, false, INSURED).missing()).containsExactly("desk.missing.supervisorIssues");
    }

    @Test
    @DisplayName("002 art. 26.5: approval is not offered before the ministry set the minimum insurance; refusal still is")
    void approval_waits_for_the_minimum_insurance() {
        DeskController.Offer offer = offer(PermitApplicationStatus.REGISTERED, false, NOTHING);
        assertThat(offer.forms()).doesNotContain("approve").contains("refuse", "requestDocuments", "documentsReceived");
        assertThat(offer.missing()).containsExactly("desk.missing.minimumInsurance");
        assertThat(offer(PermitApplicationStatus.REGISTERED, true, INSURED).forms()).contains("approve");
    }

    @Test
    @DisplayName("002 art. 29.3-29.6: after a revocation the desk offers the complaint's decision to a supervisor and the database's hand-over, then its passing on")
    void revoked_permit_offers_what_follows_the_revocation() {
        DeskController.Facts complained = new DeskController.Facts(true, true, true, true, false, false, null, false);
        // ADR 0046 item 152 (F547): while the complaint is pending the supervisor may name the holder's representative who follows it
        assertThat(offer(PermitApplicationStatus.REVOKED, true, complained).forms()).containsExactly("holderRepresentative", "decideComplaint",
                "databaseHandedOver");
        assertThat(offer(PermitApplicationStatus.REVOKED, false, complained).forms()).containsExactly("databaseHandedOver");
        DeskController.Facts handedOver = new DeskController.Facts(true, true, false, false, false, false, null, false);
        assertThat(offer(PermitApplicationStatus.REVOKED, true, handedOver).forms()).containsExactly("passDatabaseOn");
        assertThat(offer(PermitApplicationStatus.REVOKED, false, handedOver).forms()).isEmpty();
        // ADR 0046 item 10: the supervisor who signed the revocation is not offered the complaint; the page says who decides it
        DeskController.Offer toTheRevoker = offer(PermitApplicationStatus.REVOKED, true, new DeskController.Facts(true, true, true, true, false, true, null, false));
        assertThat(toTheRevoker.forms()).containsExactly("holderRepresentative", "databaseHandedOver");
        assertThat(toTheRevoker.missing()).containsExactly("desk.missing.anotherSupervisorDecidesComplaint");
        // ADR 0046 item 17: a database handed over waits for the pending complaint before it is passed on
        DeskController.Offer pending = offer(PermitApplicationStatus.REVOKED, true, new DeskController.Facts(true, true, true, false, false, false, null, false));
        assertThat(pending.forms()).containsExactly("holderRepresentative", "decideComplaint");
        assertThat(pending.missing()).containsExactly("desk.missing.complaintBeforePassOn");
    }

    @Test
    @DisplayName("002 art. 23.3, 31.1.7: a permit in force is inspected on the desk; only a supervisor transfers it")
    void permit_in_force_offers_inspection_and_transfer() {
        assertThat(offer(PermitApplicationStatus.ACTIVE, false, INSURED).forms()).contains("inspect").doesNotContain("transfer");
        assertThat(offer(PermitApplicationStatus.ACTIVE, true, INSURED).forms()).contains("inspect", "transfer");
        assertThat(offer(PermitApplicationStatus.SUSPENDED, true, INSURED).forms()).contains("inspect", "restore").doesNotContain("transfer");
    }

    @Test
    @DisplayName("002 art. 23.2; 001 art. 23.1.1 (ADR 0046 items 145, 148, F517): only a supervisor names the holder's representative, on a "
            + "permit in force (active or suspended); none on a permit not issued, nor revoked unless (item 152, F547) the holder may still "
            + "complain (002 art. 29.6)")
    void a_supervisor_names_the_holders_representative_on_a_permit_in_force() {
        assertThat(offer(PermitApplicationStatus.ACTIVE, true, INSURED).forms()).contains("holderRepresentative");
        assertThat(offer(PermitApplicationStatus.SUSPENDED, true, INSURED).forms()).contains("holderRepresentative");
        assertThat(offer(PermitApplicationStatus.ACTIVE, false, INSURED).forms()).doesNotContain("holderRepresentative");
        assertThat(offer(PermitApplicationStatus.APPROVED_PENDING_INSURANCE, true, INSURED).forms()).doesNotContain("holderRepresentative");
        assertThat(offer(PermitApplicationStatus.REVOKED, true, INSURED).forms()).doesNotContain("holderRepresentative");
        DeskController.Facts periodRunning = new DeskController.Facts(true, true, false, false, false, false, null, true);
        assertThat(offer(PermitApplicationStatus.REVOKED, true, periodRunning).forms()).contains("holderRepresentative");
        assertThat(offer(PermitApplicationStatus.REVOKED, false, periodRunning).forms()).doesNotContain("holderRepresentative");
    }

    @Test
    @DisplayName("002 art. 28.4 (ADR 0046 item 18, ADR 0065): a suspended permit is offered for restoration where the command side's answer "
            + "accepts it; where the remedy waits for its inspection the page says so, another refusal by its problem's message")
    void restoration_waits_for_the_inspection_that_finds_the_violation_remedied() {
        DeskController.Offer waiting = offer(PermitApplicationStatus.SUSPENDED, false, new DeskController.Facts(true, true, false, false, false, false, "desk.missing.remedyInspection", false));
        assertThat(waiting.forms()).doesNotContain("restore").contains("inspect");
        assertThat(waiting.missing()).containsExactly("desk.missing.remedyInspection");
        assertThat(offer(PermitApplicationStatus.SUSPENDED, false, INSURED).forms()).contains("restore");
        assertThat(suspensionOffer(RevocationGrounds.Verdict.refused("permit.restoration-without-inspection"), false, true).restorationWaitsFor())
                .isEqualTo("desk.missing.remedyInspection");
        assertThat(suspensionOffer(RevocationGrounds.Verdict.ACCEPTED, false, true).restorationWaitsFor()).isNull();
        assertThat(suspensionOffer(RevocationGrounds.Verdict.refused("permit.term-ended"), false, true).restorationWaitsFor())
                .as("another refusal, by its problem's message").isEqualTo("problem.permit.term-ended");
    }

    /** The desk's reading of a command-side answer with these suspension verdicts (ADR 0065, session 24's second round). */
    private static DeskController.SuspensionOffer suspensionOffer(RevocationGrounds.Verdict restoration, boolean taxRequestWaits, boolean groundToSuspend) {
        return DeskController.SuspensionOffer.of(java.util.Optional.of(new RevocationGrounds.Answer(java.util.Map.of(),
                RevocationGrounds.HolderRequest.NONE, false, restoration, taxRequestWaits ? RevocationGrounds.Verdict.ACCEPTED
                : RevocationGrounds.Verdict.refused("permit.no-suspension-request"), groundToSuspend, false)));
    }

    @Test
    @DisplayName("002 art. 28.1, 28.4 (ADR 0046 item 19): a permit suspended at the tax authority's request is offered for restoration once the tax authority recorded the evasions settled")
    void restoration_waits_for_the_tax_authoritys_settlement() {
        String waitsFor = suspensionOffer(RevocationGrounds.Verdict.refused("permit.restoration-without-tax-settlement"), false, true)
                .restorationWaitsFor();
        assertThat(waitsFor).isEqualTo("desk.missing.taxSettlement");
        DeskController.Offer waiting = offer(PermitApplicationStatus.SUSPENDED, false, new DeskController.Facts(true, true, false, false, false, false,
                waitsFor, false));
        assertThat(waiting.forms()).doesNotContain("restore");
        assertThat(waiting.missing()).containsExactly("desk.missing.taxSettlement");
    }
    @Test
    @DisplayName("002 art. 29.4, 29.6 (ADR 0046 item 20): the pass-on form waits for the holder's complaint period, not on a revocation at its own request, nor once a complaint is decided")
    void the_pass_on_waits_for_the_complaint_period() {
        DeskController.Offer running = offer(PermitApplicationStatus.REVOKED, true, new DeskController.Facts(true, true, false, false, false, false, null, true));
        assertThat(running.forms()).doesNotContain("passDatabaseOn");
        assertThat(running.missing()).containsExactly("desk.missing.complaintPeriod");
        java.util.Map<String, Object> file = new java.util.HashMap<>(java.util.Map.of("revocation", java.util.Map.of("ground", "REPEATED_VIOLATIONS",
                "revokedAt", "2025-06-01T16:30:00Z"))); // 2 June in Ulaanbaatar
        assertThat(ComplaintPeriod.running(file, java.time.LocalDate.of(2025, 7, 2))).as("day 30").isTrue();
        assertThat(ComplaintPeriod.running(file, java.time.LocalDate.of(2025, 7, 3))).as("day 31").isFalse();
        assertThat(ComplaintPeriod.running(java.util.Map.of("revocation", java.util.Map.of("ground", "HOLDER_REQUEST",
                "revokedAt", "2025-06-01T16:30:00Z")), java.time.LocalDate.of(2025, 6, 3))).as("no complaint lies").isFalse();
        file.put("complaint", java.util.Map.of("filedAt", "2025-06-02T02:00:00Z", "upheld", false)); // filed against this revocation
        assertThat(ComplaintPeriod.running(file, java.time.LocalDate.of(2025, 6, 3))).as("a complaint decided").isFalse();
    }
    @Test
    @DisplayName("002 art. 29.4, 29.6 (ADR 0046 item 120, F458, was O271): revoked again after an upheld complaint, the earlier complaint is "
            + "the annulled revocation's: the holder may complain against the new one while its period runs, and the desk's pass-on waits")
    void a_second_revocations_complaint_period_runs() {
        java.util.Map<String, Object> file = new java.util.HashMap<>(java.util.Map.of(
                "revocation", java.util.Map.of("ground", "FALSE_DOCUMENTS", "revokedAt", "2025-09-01T02:00:00Z"),
                "complaint", java.util.Map.of("filedAt", "2025-06-03T02:00:00Z", "upheld", true, "decidedAt", "2025-06-20T02:00:00Z")));
        assertThat(ComplaintPeriod.running(file, java.time.LocalDate.of(2025, 9, 2))).as("the earlier revocation's complaint").isTrue();
        assertThat(ComplaintPeriod.running(file, java.time.LocalDate.of(2025, 10, 2))).as("day 31 of the new period").isFalse();
        file.put("complaint", java.util.Map.of("filedAt", "2025-09-02T02:00:00Z"));
        assertThat(ComplaintPeriod.running(file, java.time.LocalDate.of(2025, 9, 3))).as("one complaint against the new revocation, pending")
                .isFalse();
        DeskController.Offer held = offer(PermitApplicationStatus.REVOKED, true, new DeskController.Facts(true, true, false, false, false, false, null,
                ComplaintPeriod.running(java.util.Map.of("revocation", java.util.Map.of("ground", "FALSE_DOCUMENTS", "revokedAt", "2025-09-01T02:00:00Z"),
                        "complaint", java.util.Map.of("filedAt", "2025-06-03T02:00:00Z", "upheld", true)), java.time.LocalDate.of(2025, 9, 2))));
        assertThat(held.forms()).doesNotContain("passDatabaseOn");
        assertThat(held.missing()).containsExactly("desk.missing.complaintPeriod");
    }
    @Test
    @DisplayName("002 art. 27.5 (ADR 0046 item 24, ADR 0065): a ground to suspend, on which an extension may be refused, is the command side's answer; with no answer, none")
    void a_ground_to_suspend_is_the_command_sides_answer() {
        assertThat(suspensionOffer(RevocationGrounds.Verdict.ACCEPTED, false, true).groundToSuspend()).isTrue();
        assertThat(suspensionOffer(RevocationGrounds.Verdict.ACCEPTED, false, false).groundToSuspend()).isFalse();
        assertThat(DeskController.SuspensionOffer.of(java.util.Optional.empty()).groundToSuspend()).isFalse();
    }
    @Test
    @DisplayName("002 art. 20.3.3 (ADR 0046 item 45, F181): the desk shows each report of a change with the day the holder names beside the "
            + "document that shows it, in the order received; a report stored before the document was required shows none")
    void reports_of_a_change_show_the_day_beside_the_document() {
        java.util.Map<String, Object> file = java.util.Map.of("history", java.util.List.of(
                java.util.Map.of("sequence", 9L, "type", "PermitChangeReported", "event", java.util.Map.of("changedOn", "2025-06-02",
                        "description", "New director", "documentSha256", "ab".repeat(32), "reportedAt", "2025-06-03T02:00:00Z", "late", false)),
                java.util.Map.of("sequence", 5L, "type", "PermitInspected", "event", java.util.Map.of("inspectedOn", "2025-05-01")),
                java.util.Map.of("sequence", 4L, "type", "PermitChangeReported", "event", java.util.Map.of("changedOn", "2025-03-02",
                        "description", "New address", "reportedAt", "2025-04-03T02:00:00Z", "late", true))));
        assertThat(DeskController.changeReports(file)).extracting(r -> r.get("changedOn"), r -> r.get("documentSha256"), r -> r.get("late"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2025-03-02", null, true),
                        org.assertj.core.groups.Tuple.tuple("2025-06-02", "ab".repeat(32), false));
        assertThat(DeskController.changeReports(java.util.Map.of())).isEmpty();
    }

    @Test
    @DisplayName("002 art. 28.1 (F196, ADR 0065): the tax authority's request is offered for refusal where the command side answers it "
            + "would refuse it; with no request waiting, or no answer, no refusal is offered")
    void the_tax_requests_refusal_is_the_command_sides_answer() {
        assertThat(suspensionOffer(RevocationGrounds.Verdict.ACCEPTED, true, true).taxRequestRefusable()).isTrue();
        assertThat(suspensionOffer(RevocationGrounds.Verdict.ACCEPTED, false, true).taxRequestRefusable()).isFalse();
        assertThat(DeskController.SuspensionOffer.of(java.util.Optional.empty()).taxRequestRefusable()).isFalse();
    }

    @Test
    @DisplayName("domain-rules §1, 002 art. 28.1 (ADR 0046 item 59, F207): once the tax authority's request escalated, the reviewer's suspension "
            + "form offers the inspector's opinion only (a suspension on the request is the supervisor's, F191), and the page says the supervisor "
            + "decides it; the supervisor's form offers both grounds, as does the reviewer's while the request is not late")
    void an_escalated_tax_request_is_not_offered_to_the_reviewer_as_a_ground() {
        java.util.Map<String, Object> duties = java.util.Map.of("DECIDE_TAX_SUSPENSION_REQUEST", java.util.Map.of("overdue", true));
        java.util.Set<String> escalated = DeskController.escalatedDecisions(java.util.Map.of(), duties, java.time.LocalDate.of(2025, 1, 1));
        assertThat(DeskController.suspensionGroundsOffered(false, escalated)).containsExactly(mn.registry.kernel.permit.SuspensionGround.INSPECTOR_OPINION);
        assertThat(DeskController.suspensionGroundsOffered(true, escalated)).containsExactly(mn.registry.kernel.permit.SuspensionGround.values());
        java.util.Set<String> onTime = DeskController.escalatedDecisions(java.util.Map.of(),
                java.util.Map.of("DECIDE_TAX_SUSPENSION_REQUEST", java.util.Map.of("overdue", false)), java.time.LocalDate.of(2025, 1, 1));
        assertThat(DeskController.suspensionGroundsOffered(false, onTime)).containsExactly(mn.registry.kernel.permit.SuspensionGround.values());
        java.util.Set<String> forms = DeskController.forms(PermitApplicationStatus.ACTIVE, false, false);
        forms.add("refuseTaxRequest");
        DeskController.Offer toTheReviewer = DeskController.offer(PermitApplicationStatus.ACTIVE, false, forms,
                new DeskController.Facts(true, true, false, false, false, false, null, false, escalated));
        assertThat(toTheReviewer.forms()).contains("suspend").doesNotContain("refuseTaxRequest");
        assertThat(toTheReviewer.missing()).containsExactly("desk.missing.escalatedToSupervisor");
    }

    @Test
    @DisplayName("domain-rules §1, 002 art. 31.1.7 (ADR 0046 item 59, F209): the inspection's form is offered to a reviewer, not to a supervisor, "
            + "who may not record one")
    void the_inspection_form_is_offered_to_whoever_may_record_it() {
        java.util.Set<String> forms = DeskController.offer(PermitApplicationStatus.ACTIVE, true, DeskController.forms(PermitApplicationStatus.ACTIVE,
                true, false), INSURED).forms();
        assertThat(forms).contains("inspect");
        assertThat(DeskController.signableBy(forms, java.util.Set.of(mn.registry.kernel.identity.Role.MINISTRY_SUPERVISOR)))
                .doesNotContain("inspect").contains("suspend", "revoke", "transfer");
        assertThat(DeskController.signableBy(forms, java.util.Set.of(mn.registry.kernel.identity.Role.MINISTRY_REVIEWER))).contains("inspect");
        assertThat(DeskController.signableBy(forms, java.util.Set.of(mn.registry.kernel.identity.Role.MINISTRY_REVIEWER,
                mn.registry.kernel.identity.Role.MINISTRY_SUPERVISOR))).contains("inspect");
    }

    @Test
    @DisplayName("002 art. 29.6, 31.1.6 (ADR 0046 item 67, was O123): the correcting record's form is offered on a complaint upheld before its "
            + "decisions were published, not once published, not on a decision published when taken, not while revoked again")
    void the_reinstatements_correcting_record_is_offered_while_stored_unpublished() {
        assertThat(DeskController.reinstatementStoredUnpublished(PermitApplicationStatus.ACTIVE,
                java.util.Map.of("upheld", true, "storedUnpublished", true))).isTrue();
        assertThat(DeskController.reinstatementStoredUnpublished(PermitApplicationStatus.SUSPENDED,
                java.util.Map.of("upheld", true, "storedUnpublished", true))).isTrue();
        assertThat(DeskController.reinstatementStoredUnpublished(PermitApplicationStatus.ACTIVE,
                java.util.Map.of("upheld", true, "storedUnpublished", false))).as("published, or public when taken").isFalse();
        assertThat(DeskController.reinstatementStoredUnpublished(PermitApplicationStatus.REVOKED,
                java.util.Map.of("upheld", true, "storedUnpublished", true))).as("revoked again").isFalse();
        assertThat(DeskController.reinstatementStoredUnpublished(PermitApplicationStatus.ACTIVE, null)).isFalse();
    }

    @Test
    @DisplayName("002 art. 29.1.1-29.1.5, 23.3, 28.4, 28.1 (ADR 0065): the revocation form offers the grounds the command side answers it "
            + "would accept, says whose request to revoke is on record and that the suspension's ground was found removed where 29.1.5 is "
            + "refused for it, or that the suspension's notice was not recorded in its days where it is refused for that (28.3, ADR 0046 "
            + "item 98), and offers a suspension anew where the answer opens one (ADR 0046 item 92); with no answer, nothing")
    void the_revocation_form_is_the_command_sides_answer() {
        java.util.Map<RevocationGround, RevocationGrounds.Verdict> verdicts = new java.util.EnumMap<>(RevocationGround.class);
        verdicts.put(RevocationGround.HOLDER_REQUEST, RevocationGrounds.Verdict.refused("permit.revocation-requested-before-the-transfer"));
        verdicts.put(RevocationGround.LIQUIDATION, RevocationGrounds.Verdict.DOCUMENT_NEEDED);
        verdicts.put(RevocationGround.FALSE_DOCUMENTS, RevocationGrounds.Verdict.DOCUMENT_NEEDED);
        verdicts.put(RevocationGround.REPEATED_VIOLATIONS, RevocationGrounds.Verdict.ACCEPTED);
        verdicts.put(RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION,
                RevocationGrounds.Verdict.refused("permit.revocation-ground-removed-during-the-suspension"));
        DeskController.RevocationOffer offer = DeskController.RevocationOffer.of(java.util.Optional.of(new RevocationGrounds.Answer(verdicts,
                RevocationGrounds.HolderRequest.THE_PREDECESSORS, false, RevocationGrounds.Verdict.ACCEPTED, RevocationGrounds.Verdict.ACCEPTED, false, false)));
        assertThat(offer.grounds()).containsExactly(RevocationGround.LIQUIDATION, RevocationGround.FALSE_DOCUMENTS, RevocationGround.REPEATED_VIOLATIONS);
        assertThat(offer.predecessorsRequest()).isTrue();
        assertThat(offer.holderRequested()).isFalse();
        assertThat(offer.groundRemoved()).isTrue();
        assertThat(offer.suspensionAnew()).isFalse();

        verdicts.put(RevocationGround.HOLDER_REQUEST, RevocationGrounds.Verdict.ACCEPTED);
        verdicts.put(RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION,
                RevocationGrounds.Verdict.refused("permit.revocation-run-out-of-an-annulled-revocation"));
        DeskController.RevocationOffer spent = DeskController.RevocationOffer.of(java.util.Optional.of(new RevocationGrounds.Answer(verdicts,
                RevocationGrounds.HolderRequest.THE_HOLDERS, true, RevocationGrounds.Verdict.ACCEPTED, RevocationGrounds.Verdict.ACCEPTED, false, false)));
        assertThat(spent.grounds()).contains(RevocationGround.HOLDER_REQUEST).doesNotContain(RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION);
        assertThat(spent.holderRequested()).isTrue();
        assertThat(spent.groundRemoved()).as("refused for another reason").isFalse();
        assertThat(spent.suspensionAnew()).isTrue();
        assertThat(spent.notNotified()).as("refused for another reason").isFalse();

        // ADR 0046 item 98 (was O216): 29.1.5 refused because the holder was not told of the suspension in its days: the page says so
        verdicts.put(RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, RevocationGrounds.Verdict.refused("permit.revocation-suspension-not-notified"));
        DeskController.RevocationOffer unnoticed = DeskController.RevocationOffer.of(java.util.Optional.of(new RevocationGrounds.Answer(verdicts,
                RevocationGrounds.HolderRequest.NONE, false, RevocationGrounds.Verdict.ACCEPTED, RevocationGrounds.Verdict.ACCEPTED, false, false)));
        assertThat(unnoticed.grounds()).doesNotContain(RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION);
        assertThat(unnoticed.notNotified()).isTrue();
        assertThat(unnoticed.groundRemoved()).isFalse();

        assertThat(DeskController.RevocationOffer.of(java.util.Optional.empty())).isEqualTo(new DeskController.RevocationOffer(List.of(), false,
                false, false, false, false));
    }

    @Test
    @DisplayName("002 art. 28.1, 28.3, 28.4 (ADR 0046 item 121, F466): where the command side answers that the restoration on the months "
            + "spent is the supervisor's (the notice not recorded in time), the reviewer's desk offers no restoration form and says why; the "
            + "supervisor's offers it; with the notice in time the reviewer's offers it as before")
    void the_restoration_on_unnoticed_months_is_offered_to_the_supervisor_only() {
        DeskController.SuspensionOffer unnoticed = DeskController.SuspensionOffer.of(java.util.Optional.of(new RevocationGrounds.Answer(
                java.util.Map.of(), RevocationGrounds.HolderRequest.NONE, false, RevocationGrounds.Verdict.ACCEPTED,
                RevocationGrounds.Verdict.refused("permit.no-suspension-request"), false, false, true, true, false)));
        assertThat(unnoticed.restorationOnTheMonthsSpent()).isTrue();
        assertThat(unnoticed.restorationIsTheSupervisors()).isTrue();
        DeskController.Offer toTheReviewer = DeskController.restorationOnUnnoticedMonthsIsTheSupervisors(
                offer(PermitApplicationStatus.SUSPENDED, false, INSURED), false, unnoticed);
        assertThat(toTheReviewer.forms()).doesNotContain("restore").contains("inspect");
        assertThat(toTheReviewer.missing()).containsExactly("desk.missing.restorationOnUnnoticedMonths");
        DeskController.Offer toTheSupervisor = DeskController.restorationOnUnnoticedMonthsIsTheSupervisors(
                offer(PermitApplicationStatus.SUSPENDED, true, INSURED), true, unnoticed);
        assertThat(toTheSupervisor.forms()).contains("restore");
        assertThat(toTheSupervisor.missing()).isEmpty();
        DeskController.SuspensionOffer inTime = DeskController.SuspensionOffer.of(java.util.Optional.of(new RevocationGrounds.Answer(
                java.util.Map.of(), RevocationGrounds.HolderRequest.NONE, false, RevocationGrounds.Verdict.ACCEPTED,
                RevocationGrounds.Verdict.refused("permit.no-suspension-request"), false, false, true, false, false)));
        assertThat(DeskController.restorationOnUnnoticedMonthsIsTheSupervisors(offer(PermitApplicationStatus.SUSPENDED, false, INSURED), false,
                inTime).forms()).contains("restore");
    }

    @Test
    @DisplayName("002 art. 28.1, 28.4 (ADR 0046 item 139, F494): while an inspector's opinion of a violation stands, a reviewer's desk offers "
            + "no inspection and says the inspector records it; a viewer holding the inspector's role keeps the form; with no opinion standing, "
            + "the reviewer's yearly inspection is offered")
    void the_remedy_finding_is_withheld_from_a_reviewer_while_an_opinion_stands() {
        DeskController.Offer suspended = offer(PermitApplicationStatus.SUSPENDED, false, INSURED);
        DeskController.Offer reviewer = DeskController.remedyFindingIsTheInspectors(suspended,
                java.util.Set.of(mn.registry.kernel.identity.Role.MINISTRY_REVIEWER), true);
        assertThat(reviewer.forms()).doesNotContain("inspect");
        assertThat(reviewer.missing()).containsExactly("desk.missing.remedyFindingIsTheInspectors");
        assertThat(DeskController.remedyFindingIsTheInspectors(suspended, java.util.Set.of(mn.registry.kernel.identity.Role.MINISTRY_REVIEWER,
                mn.registry.kernel.identity.Role.COMMUNICATIONS_INSPECTOR), true).forms()).contains("inspect");
        assertThat(DeskController.remedyFindingIsTheInspectors(suspended, java.util.Set.of(mn.registry.kernel.identity.Role.MINISTRY_REVIEWER), false))
                .isEqualTo(suspended);
    }

    @Test
    @DisplayName("002 art. 23.2; 001 art. 23.1.1 (F546, was O393; ADR 0046 item 151): the desk offers no act on a permit to an official whose "
            + "grant now names its holder's company, nor to its representative in person, and says why; a grant naming another company, or "
            + "none, leaves the offer as it was")
    void the_desk_offers_nothing_to_the_holders_own_official() {
        java.util.Map<String, Object> file = java.util.Map.of("representative", "applicant-1",
                "company", java.util.Map.of("name", "Tuul Signing LLC", "registrationNumber", "6400941"));
        DeskController.Offer offer = new DeskController.Offer(java.util.Set.of("approve", "refuse"), List.of());
        mn.registry.kernel.identity.PersonId reviewer = new mn.registry.kernel.identity.PersonId("reviewer-1");
        DeskController.Offer own = DeskController.noneForTheHoldersOwnOfficial(offer, reviewer, "6400941", file);
        assertThat(own.forms()).isEmpty();
        assertThat(own.missing()).containsExactly("problem.permit.official-represents-the-holder");
        DeskController.Offer inPerson = DeskController.noneForTheHoldersOwnOfficial(offer, new mn.registry.kernel.identity.PersonId("applicant-1"),
                null, file);
        assertThat(inPerson.forms()).isEmpty();
        assertThat(inPerson.missing()).containsExactly("problem.permit.official-is-the-holder");
        assertThat(DeskController.noneForTheHoldersOwnOfficial(offer, reviewer, "6009876", file)).isEqualTo(offer);
        assertThat(DeskController.noneForTheHoldersOwnOfficial(offer, reviewer, null, file)).isEqualTo(offer);
    }
}
