package mn.registry.freezone.land;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.infrastructure.identity.IdentityDirectory;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.LandActs;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static mn.registry.freezone.land.FreeZoneLandAbuseRound5Test.problem;
import static mn.registry.freezone.land.FreeZoneLandAbuseRound8Test.FEE;
import static mn.registry.freezone.land.FreeZoneLandAbuseRound8Test.L1;
import static mn.registry.freezone.land.FreeZoneLandAbuseRound8Test.RECEIPT_SHA;
import static mn.registry.freezone.land.ZoneLandTest.A1;
import static mn.registry.freezone.land.ZoneLandTest.AT;
import static mn.registry.freezone.land.ZoneLandTest.FEE_DUE_BY;
import static mn.registry.freezone.land.ZoneLandTest.FROM;
import static mn.registry.freezone.land.ZoneLandTest.HOLDER;
import static mn.registry.freezone.land.ZoneLandTest.PARCEL_A;
import static mn.registry.freezone.land.ZoneLandTest.REPRESENTATIVE;
import static mn.registry.freezone.land.ZoneLandTest.UNTIL;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static mn.registry.freezone.land.ZoneLandTest.applied;
import static mn.registry.freezone.land.ZoneLandTest.granted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 32, the zone's papers and numbers (ADR 0035 item 154; abuse audit F590, was O425): the person who signed a Mongolian entity's
 * registration application ({@link ZoneLandTest#REPRESENTATIVE}, for {@link ZoneLandTest#HOLDER}, 6001234) whose grant of the applicant's
 * role naming the entity ended, and who holds the role again naming no company, no longer applies for the entity's land, withdraws its
 * application or reports its fee; the holder's page follows (item 104). The person's stream is kept on Axon's in-memory store and read as
 * {@link RegistryLandServices} reads it (the kernel's {@link IdentityDirectory#representationEnded}).
 */
class FreeZoneAbuseRound38LandTest extends ZoneLandAbuseFixture {

    private static final String OWN = "6001234";
    private static final String NOT_REPRESENTATIVE = "freezone.not-representative";
    private static final PersonId SUPERVISOR = new PersonId("supervisor-1");
    private static final Instant ENROLLED = AT.minusSeconds(30 * 86_400L);

    private EmbeddedEventStore people;

    /** The test's zone, whose services read the signer's stream for the end of their representation, as the registry's do. */
    private final class PeopleRead extends ZoneLandTest.Services {
        @Override
        public Optional<Instant> representationEnded(PersonId person, String company) {
            return IdentityDirectory.representationEnded(mn.registry.infrastructure.axon.WholeStream.payloads(people,
                    IdentityDirectory.streamOf(person)).toList(), company);
        }
    }

    @BeforeEach
    void people() {
        people = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        services = new PeopleRead();
        fixture = ZoneLandTest.fixture(services);
    }

    @AfterEach
    void shutdown() {
        people.shutDown();
    }

    private void stream(PersonId person, Object... events) {
        for (int i = 0; i < events.length; i++) {
            people.publish(new GenericDomainEventMessage<>("Person", IdentityDirectory.streamOf(person), i, events[i]));
        }
    }

    /** {@link ZoneLandTest#REPRESENTATIVE}: granted the applicant's role naming 6001234, ended two days before {@code AT}, granted again naming none. */
    private void formerRepresentative() {
        stream(REPRESENTATIVE, new PersonEnrolled(REPRESENTATIVE, "Former representative", "ab".repeat(32), "AAAA", ENROLLED),
                new RoleGranted(REPRESENTATIVE, Role.APPLICANT, null, ENROLLED, SUPERVISOR, "enrolment", "0d".repeat(32), OWN),
                new RoleRevoked(REPRESENTATIVE, Role.APPLICANT, null, AT.minusSeconds(2 * 86_400L), SUPERVISOR, "power withdrawn"),
                new RoleGranted(REPRESENTATIVE, Role.APPLICANT, null, AT.minusSeconds(86_400L), SUPERVISOR, "enrolment", "0e".repeat(32), null));
    }

    private static CommandMessage<Object> signed(PersonId person, String company, Object body, Instant at) {
        return SignedCommandContext.message(body, new CommandContext("command-" + person + "-" + company + "-" + at, at, at, person,
                Set.of(Role.APPLICANT), Set.of(), mn.registry.freezone.FreeZoneSigned.JWS_SHA256, company));
    }

    private static Instant noonOn(java.time.LocalDate day) {
        return day.atTime(12, 0).atZone(UlaanbaatarTime.ZONE).toInstant();
    }

    @Test
    @DisplayName("003 art. 12.1, 22.2, 22.5; 001 art. 23.1.1 (F590, was O425; ADR 0035 item 154): abuse: the person who signed 6001234's "
            + "registration, whose grant naming it ended and who holds the applicant's role again naming no company, applies for its land, "
            + "withdraws its application and reports its fee: each refused 403 freezone.not-representative, no event")
    void a_former_representative_no_longer_acts_for_the_entitys_land() {
        formerRepresentative();
        fixture.given().when(signed(REPRESENTATIVE, null, ZoneLandTest.application(HOLDER, PARCEL_A, FROM, UNTIL), AT))
                .expectException(problem(NOT_REPRESENTATIVE, "applicant", "003 art. 12.1, 22.2")).expectNoEvents();
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(signed(REPRESENTATIVE, null, new LandCommands.WithdrawLandApplication(ZONE, A1), AT))
                .expectException(problem(NOT_REPRESENTATIVE, "applicant", "003 art. 12.1, 22.2")).expectNoEvents();
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(signed(REPRESENTATIVE, null, new LandCommands.ReportLandFeePaid(ZONE, L1, FEE, RECEIPT_SHA), noonOn(FEE_DUE_BY)))
                .expectException(problem(NOT_REPRESENTATIVE, "licenceId", "003 art. 12.1, 22.5")).expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.1, 22.2, 22.5 (F590; ADR 0035 item 154): the holder's page offers the former representative no application, "
            + "withdrawal or report (freezone.not-representative), agreeing with the register; happy: the person who applied, whose grants never "
            + "named the entity (or with no stream at all), acts as before, on the page and in the register")
    void the_holders_page_follows_and_a_signer_never_named_acts_as_before() {
        Object[] pending = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL)};
        Object[] granted = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL)};
        Instant dueDay = noonOn(FEE_DUE_BY);
        for (String refusedWith : java.util.Arrays.asList(null, NOT_REPRESENTATIVE)) {
            if (refusedWith != null) {
                formerRepresentative();
            }
            LandActs.Verdict application = applicationOnThePage();
            LandActs.Verdict withdrawal = pageAt(AT, pending).withdrawalOf(A1).orElseThrow();
            LandActs.Verdict report = pageAt(dueDay, granted).reportOf(L1).orElseThrow();
            for (LandActs.Verdict verdict : List.of(application, withdrawal, report)) {
                assertThat(verdict.refusedWith()).as(refusedWith == null ? "never named" : "former representative").isEqualTo(refusedWith);
            }
            agrees(application, new Object[0], signed(REPRESENTATIVE, null, ZoneLandTest.application(HOLDER, PARCEL_A, FROM, UNTIL), AT));
            agrees(withdrawal, pending, signed(REPRESENTATIVE, null, new LandCommands.WithdrawLandApplication(ZONE, A1), AT));
            agrees(report, granted, signed(REPRESENTATIVE, null, new LandCommands.ReportLandFeePaid(ZONE, L1, FEE, RECEIPT_SHA), dueDay));
        }
    }

    private LandActs pageAt(Instant at, Object... events) {
        org.axonframework.config.Configuration axon = landRegisters(services);
        try {
            for (int i = 0; i < events.length; i++) {
                axon.eventStore().publish(new GenericDomainEventMessage<>("ZoneLand", ZONE.landStream(), i, events[i]));
            }
            return new LandActsNow(java.time.Clock.fixed(at, java.time.ZoneOffset.UTC), services, axon.eventStore(), () -> axon.repository(ZoneLand.class))
                    .foldedNow(ZONE, REPRESENTATIVE, null).orElseThrow().answer();
        } finally {
            axon.shutdown();
        }
    }

    private LandActs.Verdict applicationOnThePage() {
        org.axonframework.config.Configuration axon = landRegisters(services);
        try {
            return new LandActsNow(java.time.Clock.fixed(AT, java.time.ZoneOffset.UTC), services, axon.eventStore(), () -> axon.repository(ZoneLand.class))
                    .applicationBy(ZONE, HOLDER, REPRESENTATIVE, null);
        } finally {
            axon.shutdown();
        }
    }
}
