package mn.registry.permit.command;

import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.permit.*;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static mn.registry.permit.command.PermitAbuseRound21Test.with;
import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.*;
import static mn.registry.permit.command.Signed.signed;

/**
 * Session 29's "the successor's representative" (docs/abuse-audit.md, "Session 29, the successor's representative"; ADR 0046 items 142-143;
 * F496, was O345): the transfer names the person who acts for the successor (002 art. 23.3), a company's representative at the registry's
 * receipt and, where their grant names a company, the successor's; from the transfer the predecessor's representative no longer acts for
 * the holder. A transfer naming none (or stored before) keeps the predecessor's.
 */
class PermitAbuseRound30TransferTest extends PermitAbuseFixture {

    private static final Company SUCCESSOR = new Company("Tamga Trust LLC", "7654321", true, "Ulaanbaatar, Sukhbaatar district");
    private static final PersonId SUCCESSORS_REPRESENTATIVE = new PersonId("applicant-successor");
    private static final Instant TRANSFERRED_AT = Instant.parse("2025-03-20T02:00:00Z");
    private static final Instant AFTER = Instant.parse("2025-04-02T02:00:00Z");

    /** The permit passed to {@link #SUCCESSOR}, the transfer naming {@code representative} (null: none, or stored before). */
    private static List<Object> transferredNaming(PersonId representative) {
        return with(active(), new PermitTransferred(ID, Applications.MONGOLIAN, SUCCESSOR, Reorganisation.MERGER, SHA2, TRANSFERRED_AT, SUPERVISOR,
                UlaanbaatarTime.dateOf(TRANSFERRED_AT), representative));
    }

    private static Object transferNaming(PersonId representative) {
        return signed(new TransferPermit(ID, SUCCESSOR, Reorganisation.MERGER, SHA2, UlaanbaatarTime.dateOf(TRANSFERRED_AT), representative),
                SUPERVISOR, TRANSFERRED_AT, Role.MINISTRY_SUPERVISOR);
    }

    private void grantedFrom(Instant validFrom, String company) {
        services.representativeGrants.add(new RoleGranted(SUCCESSORS_REPRESENTATIVE, Role.APPLICANT, null, validFrom, SUPERVISOR, "power of "
                + "representation", "5a".repeat(32), company));
    }

    @Test
    @DisplayName("002 art. 23.3, 29.1.1 (F496, was O345): after the transfer naming the successor's representative, the predecessor's "
            + "representative requests the permit's revocation at the holder's own request (against which no complaint lies): refused 403, "
            + "nothing stored; the successor's representative's request accepted")
    void the_predecessors_representative_no_longer_acts_for_the_holder() {
        fixture.given(transferredNaming(SUCCESSORS_REPRESENTATIVE))
                .when(signed(new RequestPermitRevocation(ID), HOLDER, AFTER, Role.APPLICANT))
                .expectException(problem("permit.not-the-holder", null, "002 art. 29.1.1"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(transferredNaming(SUCCESSORS_REPRESENTATIVE))
                .when(signed(new RequestPermitRevocation(ID), SUCCESSORS_REPRESENTATIVE, AFTER, Role.APPLICANT))
                .expectEvents(new PermitRevocationRequested(ID, AFTER, SUCCESSORS_REPRESENTATIVE));
    }

    @Test
    @DisplayName("002 art. 23.3, 26.2.3, 27.2 (F496, was O345): after the transfer, the predecessor's representative records the holder's "
            + "insurance, or requests the extension: refused 403, nothing stored")
    void the_predecessors_representative_records_no_insurance_and_asks_no_extension() {
        fixture.given(transferredNaming(SUCCESSORS_REPRESENTATIVE))
                .when(signed(new RecordPermitInsurance(ID, "Mongol Daatgal", "POL-2", mn.registry.kernel.money.Money.mnt(600_000_000),
                        java.time.LocalDate.of(2026, 12, 31), SHA), HOLDER, AFTER, Role.APPLICANT))
                .expectException(problem("permit.not-the-holder", null, "002 art. 26.2.3"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(transferredNaming(SUCCESSORS_REPRESENTATIVE))
                .when(signed(new RequestPermitExtension(ID, SHA), HOLDER, AFTER, Role.APPLICANT))
                .expectException(problem("permit.not-the-holder", null, "002 art. 27.2"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 23.3 (F496, was O345): the supervisor names as the successor's representative a person who held no company "
            + "representative's role at the registry's receipt (granted only after it), or one whose grant names another company: refused "
            + "400, nothing stored; the successor's own representative named: the transfer keeps them")
    void the_successors_representative_represents_the_successor_at_the_receipt() {
        grantedFrom(TRANSFERRED_AT.plusSeconds(60), SUCCESSOR.registrationNumber());
        fixture.given(active())
                .when(transferNaming(SUCCESSORS_REPRESENTATIVE))
                .expectException(problem("permit.successor-representative-not-a-representative", "successorRepresentative", "002 art. 23.3"))
                .expectNoEvents();
        services.representativeGrants.clear();
        grantedFrom(TRANSFERRED_AT.minusSeconds(86_400), Applications.MONGOLIAN.registrationNumber());
        fixture = Signed.fixture(services);
        fixture.given(active())
                .when(transferNaming(SUCCESSORS_REPRESENTATIVE))
                .expectException(problem("permit.successor-representative-of-another-company", "successorRepresentative", "002 art. 23.3"))
                .expectNoEvents();
        services.representativeGrants.clear();
        grantedFrom(TRANSFERRED_AT.minusSeconds(86_400), SUCCESSOR.registrationNumber());
        fixture = Signed.fixture(services);
        fixture.given(active())
                .when(transferNaming(SUCCESSORS_REPRESENTATIVE))
                .expectEvents(transferredNaming(SUCCESSORS_REPRESENTATIVE).get(active().size()));
    }

    @Test
    @DisplayName("002 art. 23.3 (held, ADR 0046 item 143): a transfer stored before naming the successor's representative, or naming none, "
            + "keeps the predecessor's representative the holder's: their request accepted")
    void a_transfer_naming_none_keeps_the_predecessors_representative() {
        fixture.given(transferredNaming(null))
                .when(signed(new RequestPermitRevocation(ID), HOLDER, AFTER, Role.APPLICANT))
                .expectEvents(new PermitRevocationRequested(ID, AFTER, HOLDER));
    }
}
