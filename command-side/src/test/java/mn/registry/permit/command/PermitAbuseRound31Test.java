package mn.registry.permit.command;

import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.RoleGranted;

import static mn.registry.permit.command.PermitAbuseRound21Test.with;
import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.*;
import static mn.registry.permit.command.Signed.signed;

/**
 * Session 30's "who acts for the holder" (docs/abuse-audit.md, "Session 30, who acts for the holder"; ADR 0046 item 144, F516, was O360):
 * a transfer received now names the successor's representative (002 art. 23.3); one naming none is refused, nothing stored. A transfer
 * stored before naming none keeps the predecessor's representative (item 143). And (ADR 0046 items 145-147, F517-F518, was O361) the
 * supervisor names the holder's new representative outside a transfer ({@code NameHolderRepresentative}), a company's representative at
 * the registry's receipt whose grant names the holder, while the permit is in force.
 */
class PermitAbuseRound31Test extends PermitAbuseFixture {

    private static final Company SUCCESSOR = new Company("Khuree Trust LLC", "6400731", true, "Ulaanbaatar, Bayangol district");
    private static final Instant TRANSFERRED_AT = Instant.parse("2025-03-20T02:00:00Z");
    private static final Instant AFTER = Instant.parse("2025-04-02T02:00:00Z");

    private static Object transferNaming(mn.registry.kernel.identity.PersonId representative) {
        return signed(new TransferPermit(ID, SUCCESSOR, Reorganisation.MERGER, SHA2, UlaanbaatarTime.dateOf(TRANSFERRED_AT), representative),
                SUPERVISOR, TRANSFERRED_AT, Role.MINISTRY_SUPERVISOR);
    }

    @Test
    @DisplayName("002 art. 23.3, 29.1.1 (F516, was O360; ADR 0046 item 144): abuse: the supervisor transfers the permit naming no successor's "
            + "representative, so that the predecessor's representative keeps acting for the successor: refused 400 "
            + "permit.successor-representative-missing on successorRepresentative, nothing stored; naming the successor's own: received")
    void a_transfer_received_now_names_the_successors_representative() {
        fixture.given(active())
                .when(transferNaming(null))
                .expectException(problem("permit.successor-representative-missing", "successorRepresentative", "002 art. 23.3"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(active())
                .when(transferNaming(SuccessorsRepresentative.of(SUCCESSOR)))
                .expectEvents(new PermitTransferred(ID, Applications.MONGOLIAN, SUCCESSOR, Reorganisation.MERGER, SHA2, TRANSFERRED_AT, SUPERVISOR,
                        UlaanbaatarTime.dateOf(TRANSFERRED_AT), SuccessorsRepresentative.of(SUCCESSOR)));
    }

    @Test
    @DisplayName("002 art. 23.3 (held, ADR 0046 items 143-144): a transfer stored before naming no successor's representative still "
            + "replays, and keeps the predecessor's representative the holder's: their revocation request accepted")
    void a_transfer_stored_naming_none_replays_as_before() {
        fixture.given(with(active(), new PermitTransferred(ID, Applications.MONGOLIAN, SUCCESSOR, Reorganisation.MERGER, SHA2, TRANSFERRED_AT,
                        SUPERVISOR, UlaanbaatarTime.dateOf(TRANSFERRED_AT), null)))
                .when(signed(new RequestPermitRevocation(ID), HOLDER, AFTER, Role.APPLICANT))
                .expectEvents(new PermitRevocationRequested(ID, AFTER, HOLDER));
    }

    private static final PersonId NEW_REPRESENTATIVE = new PersonId("applicant-holder-new");
    private static final Instant NAMED_AT = Instant.parse("2025-05-06T02:00:00Z");
    private static final String POWER = "5c".repeat(32);

    private void granted(PersonId person, Instant validFrom, String company) {
        services.representativeGrants.add(new RoleGranted(person, Role.APPLICANT, null, validFrom, SUPERVISOR, "power of representation",
                POWER, company));
    }

    private static Object naming(PersonId representative, Instant at) {
        return signed(new NameHolderRepresentative(ID, representative, POWER), SUPERVISOR, at, Role.MINISTRY_SUPERVISOR);
    }

    private static List<Object> named() {
        return with(active(), new HolderRepresentativeNamed(ID, NEW_REPRESENTATIVE, POWER, NAMED_AT));
    }

    @Test
    @DisplayName("002 art. 23.2; 001 art. 23.1.1 (F518; ADR 0046 item 146): abuse: the supervisor names as the holder's representative a "
            + "person who held no company representative's role at the registry's receipt (granted only after it), or one whose grant names "
            + "another company than the holder: refused 400 on representative, nothing stored; the holder's own representative: named")
    void the_holders_new_representative_represents_the_holder_at_the_receipt() {
        services.otherDocuments.add(POWER);
        granted(NEW_REPRESENTATIVE, NAMED_AT.plusSeconds(60), Applications.MONGOLIAN.registrationNumber());
        fixture.given(active())
                .when(naming(NEW_REPRESENTATIVE, NAMED_AT))
                .expectException(problem("permit.holder-representative-not-a-representative", "representative", "002 art. 23.2; 001 art. 23.1.1"))
                .expectNoEvents();
        services.representativeGrants.clear();
        granted(NEW_REPRESENTATIVE, NAMED_AT.minusSeconds(86_400), "7654321");
        fixture = Signed.fixture(services);
        fixture.given(active())
                .when(naming(NEW_REPRESENTATIVE, NAMED_AT))
                .expectException(problem("permit.holder-representative-of-another-company", "representative", "002 art. 23.2; 001 art. 23.1.1"))
                .expectNoEvents();
        services.representativeGrants.clear();
        granted(NEW_REPRESENTATIVE, NAMED_AT.minusSeconds(86_400), Applications.MONGOLIAN.registrationNumber());
        fixture = Signed.fixture(services);
        fixture.given(active())
                .when(naming(NEW_REPRESENTATIVE, NAMED_AT))
                .expectEvents(new HolderRepresentativeNamed(ID, NEW_REPRESENTATIVE, POWER, NAMED_AT));
    }

    @Test
    @DisplayName("002 art. 23.2, 29.1.1; 001 art. 23.1.1 (F517, was O361; ADR 0046 item 145): after the holder's new representative is "
            + "named, the one it replaces requests the permit's revocation at the holder's request: refused 403 permit.not-the-holder, "
            + "nothing stored; the new representative's request accepted")
    void the_named_representative_acts_for_the_holder_and_the_one_replaced_does_not() {
        fixture.given(named())
                .when(signed(new RequestPermitRevocation(ID), HOLDER, AFTER_NAMING, Role.APPLICANT))
                .expectException(problem("permit.not-the-holder", null, "002 art. 29.1.1"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(named())
                .when(signed(new RequestPermitRevocation(ID), NEW_REPRESENTATIVE, AFTER_NAMING, Role.APPLICANT))
                .expectEvents(new PermitRevocationRequested(ID, AFTER_NAMING, NEW_REPRESENTATIVE));
    }

    private static final Instant AFTER_NAMING = NAMED_AT.plusSeconds(86_400);

    @Test
    @DisplayName("002 art. 23.2, 29.2; 001 art. 23.1.1 (F519; ADR 0046 item 147): abuse: the supervisor names the holder's representative "
            + "on a permit not yet issued, revoked, or whose term ended, or names the person who already acts for the holder: refused 409, "
            + "nothing stored")
    void a_holders_representative_is_named_on_a_permit_in_force_and_changes_who_acts() {
        services.otherDocuments.add(POWER);
        granted(NEW_REPRESENTATIVE, NAMED_AT.minusSeconds(86_400), Applications.MONGOLIAN.registrationNumber());
        granted(HOLDER, NAMED_AT.minusSeconds(86_400), Applications.MONGOLIAN.registrationNumber());
        fixture.given(insured())
                .when(naming(NEW_REPRESENTATIVE, NAMED_AT))
                .expectException(problem("permit.wrong-state", null, "002 art. 23.2; 001 art. 23.1.1"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(revoked(RevocationGround.FALSE_DOCUMENTS)) // after its complaint period (ADR 0046 item 152, F547: within it, named)
                .when(naming(NEW_REPRESENTATIVE, Instant.parse("2025-07-15T02:00:00Z")))
                .expectException(problem("permit.wrong-state", null, "002 art. 23.2; 001 art. 23.1.1"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(active())
                .when(naming(NEW_REPRESENTATIVE, VALID_UNTIL.plusDays(2).atStartOfDay(UlaanbaatarTime.ZONE).toInstant()))
                .expectException(problem("permit.term-ended", null, "002 art. 29.2"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(active())
                .when(naming(HOLDER, NAMED_AT))
                .expectException(problem("permit.holder-representative-unchanged", "representative", "002 art. 23.2; 001 art. 23.1.1"))
                .expectNoEvents();
    }
}
