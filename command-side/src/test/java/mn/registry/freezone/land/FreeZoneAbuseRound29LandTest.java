package mn.registry.freezone.land;

import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.FreeZoneTerms;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.freezone.land.ZoneLandTest.FROM;
import static mn.registry.freezone.land.ZoneLandTest.GOVERNOR;
import static mn.registry.freezone.land.ZoneLandTest.HOLDER;
import static mn.registry.freezone.land.ZoneLandTest.PARCEL_A;
import static mn.registry.freezone.land.ZoneLandTest.REPRESENTATIVE;
import static mn.registry.freezone.FreeZoneSigned.on;
import static mn.registry.freezone.land.ZoneLandTest.UNTIL;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static mn.registry.freezone.land.ZoneLandTest.granted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 29, Free Zone round 29 on the land register (003 art. 22.6): the land of an entity removed on 12.5.3 while a ground of 12.5.1 or
 * 12.5.2 was raised is revoked under 22.6, on the circumstance raised, not as a dissolved holder's under 22.7 (F499); and no land is applied
 * for or granted once the year to start ran out at the registry's receipt, before the deadline service raised the ground (F501).
 */
class FreeZoneAbuseRound29LandTest extends ZoneLandAbuseFixture {

    static final Instant REMOVED_AT = Instant.parse("2027-12-06T02:00:00Z");

    /** The revocation the process sends on {@code removal}, the registration's stream holding {@code stream}. */
    private static LandStreamCommands.RevokeHolder revocationSentOn(RegistrationEvents.EntityDeregistered removal, Object... stream) {
        EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        try {
            for (int i = 0; i < stream.length; i++) {
                events.publish(new GenericDomainEventMessage<>("ZoneRegistration", HOLDER.stream(), i, stream[i]));
            }
            List<LandStreamCommands.RevokeHolder> sent = new ArrayList<>();
            SimpleCommandBus bus = SimpleCommandBus.builder().build();
            bus.subscribe(LandStreamCommands.RevokeHolder.class.getName(), command -> {
                sent.add((LandStreamCommands.RevokeHolder) command.getPayload());
                return null;
            });
            new LandRevocationProcess(DefaultCommandGateway.builder().commandBus(bus).build(), events).on(removal);
            assertThat(sent).hasSize(1);
            return sent.get(0);
        } finally {
            events.shutDown();
        }
    }

    private static RegistrationEvents.DeregistrationGroundRaised raised(DeregistrationGround ground, LocalDate since) {
        return new RegistrationEvents.DeregistrationGroundRaised(HOLDER, ground, ground.article(), since, on(since), null);
    }

    private static RegistrationEvents.EntityDeregistered removedOn(DeregistrationGround ground, Instant at) {
        return new RegistrationEvents.EntityDeregistered(HOLDER, ZONE, ground, ground.article(), "removed", at, true, false, GOVERNOR);
    }

    @Test
    @DisplayName("003 art. 22.6 (ADR 0035 item 99, F499): the land of an entity whose year to start ran out (12.5.1 raised) and whose court's "
            + "dissolution was recorded too, removed on 12.5.3, is revoked under 22.6 on 12.5.1, not as a dissolved holder's under 22.7; "
            + "removed on 12.5.3 alone, under 22.7 as before, and a ground of an earlier registration period counts for nothing")
    void land_is_revoked_on_the_circumstance_of_22_6_whatever_ground_the_removal_names() {
        LocalDate courtDay = LocalDate.of(2027, 12, 1);
        RegistrationEvents.EntityDeregistered onTheCourt = removedOn(DeregistrationGround.COURT_DECISION, REMOVED_AT);
        Object[] notStartedAndDissolved = {LandHoldersTest.applied(HOLDER), LandHoldersTest.registered(HOLDER),
                raised(DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, LocalDate.of(2027, 12, 2)), raised(DeregistrationGround.COURT_DECISION, courtDay),
                onTheCourt};
        LandStreamCommands.RevokeHolder sent = revocationSentOn(onTheCourt, notStartedAndDissolved);
        assertThat(sent.ground()).isEqualTo(DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR);
        fixture.given(granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL)).when(sent)
                .expectEvents(new LandEvents.LandRightsRevoked(ZONE, LandLicenceId.of(ZONE, 1), HOLDER, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR,
                        "003 art. 22.6", REMOVED_AT));
        // lawful as before: a dissolution alone ends the rights under 22.7 (ADR 0035 item 16)
        assertThat(revocationSentOn(onTheCourt, LandHoldersTest.applied(HOLDER), LandHoldersTest.registered(HOLDER),
                raised(DeregistrationGround.COURT_DECISION, courtDay), onTheCourt).ground()).isEqualTo(DeregistrationGround.COURT_DECISION);
        // 12.5.1 raised and removed on in an earlier period; registered again, dissolved and removed on 12.5.3: 22.7
        Instant later = REMOVED_AT.plusSeconds(400L * 86400);
        RegistrationEvents.EntityDeregistered again = removedOn(DeregistrationGround.COURT_DECISION, later);
        assertThat(revocationSentOn(again, LandHoldersTest.applied(HOLDER), LandHoldersTest.registered(HOLDER),
                raised(DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, LocalDate.of(2027, 12, 2)),
                removedOn(DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, REMOVED_AT), LandHoldersTest.applied(HOLDER), LandHoldersTest.registered(HOLDER),
                raised(DeregistrationGround.COURT_DECISION, LocalDate.of(2029, 1, 5)), again).ground()).isEqualTo(DeregistrationGround.COURT_DECISION);
        // removed on 12.5.1 itself: 12.5.1, as before
        RegistrationEvents.EntityDeregistered onTheYear = removedOn(DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, REMOVED_AT);
        assertThat(revocationSentOn(onTheYear, LandHoldersTest.applied(HOLDER), LandHoldersTest.registered(HOLDER),
                raised(DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, LocalDate.of(2027, 12, 2)), onTheYear).ground())
                .isEqualTo(DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR);
    }

    @Test
    @DisplayName("003 art. 12.5.1, 12.5.2, 22.6 (ADR 0035 item 101, F501): once the year to start ran out at the registry's receipt, before the "
            + "deadline service raised the ground, land is neither applied for nor granted (refused, nothing stored); on the last day itself, "
            + "with the year moved by the zone's closure, or with operations started in time, received as before")
    void no_land_once_the_year_to_start_ran_out_before_its_ground_is_raised() {
        EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        try {
            events.publish(new GenericDomainEventMessage<>("ZoneRegistration", HOLDER.stream(), 0, LandHoldersTest.applied(HOLDER)),
                    new GenericDomainEventMessage<>("ZoneRegistration", HOLDER.stream(), 1, LandHoldersTest.registered(HOLDER)));
            List<FreeZoneTerms.Closure> closures = new ArrayList<>();
            LandHolders holders = new LandHolders(events, registrations -> java.util.Map.of(), zone -> closures);
            LocalDate lastDay = FreeZoneTerms.startDueBy(LandHoldersTest.registered(HOLDER).certificate().issuedOn()); // 2027-12-01
            LocalDate from = lastDay.plusDays(10);
            LandEvents.LandUseApplied inTheYear = new LandEvents.LandUseApplied(ZONE, ZoneLandTest.A1, HOLDER, "parcel", PARCEL_A,
                    ParcelGeometry.hectares(ParcelGeometry.polygon(PARCEL_A)), "warehouse", from, from.plusYears(5), LandCommands.AllocationMethod.AUCTION,
                    on(lastDay.minusDays(20)), REPRESENTATIVE);

            services.standing = holders.standing(HOLDER);
            fixture.givenNoPriorActivity().when(applied(from, lastDay.plusDays(1)))
                    .expectException(FreeZoneLandAbuseRound5Test.problem("freezone.holder-ground-due", "applicant", "003 art. 12.5, 22.6")).expectNoEvents();
            fixture.given(inTheYear).when(mn.registry.freezone.FreeZoneSigned.byGovernor(ZoneLandTest.grant(HOLDER, PARCEL_A, from, from.plusYears(5),
                            ZoneLandTest.A1), GOVERNOR, ZONE, on(lastDay.plusDays(1))))
                    .expectException(FreeZoneLandAbuseRound5Test.problem("freezone.holder-ground-due", "holder", "003 art. 12.5, 22.6")).expectNoEvents();
            fixture.givenNoPriorActivity().when(applied(from, lastDay)).expectSuccessfulHandlerExecution();
            // the zone closed for ten days within the year (003 art. 6.4, ADR 0035 item 21): the year ends ten days later
            closures.add(new FreeZoneTerms.Closure(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 11)));
            services.standing = holders.standing(HOLDER);
            fixture.givenNoPriorActivity().when(applied(from, lastDay.plusDays(10))).expectSuccessfulHandlerExecution();
            fixture.givenNoPriorActivity().when(applied(from.plusDays(5), lastDay.plusDays(11)))
                    .expectException(FreeZoneLandAbuseRound5Test.problem("freezone.holder-ground-due", "applicant", "003 art. 12.5, 22.6")).expectNoEvents();
            // operations started in the year: no ground runs
            closures.clear();
            events.publish(new GenericDomainEventMessage<>("ZoneRegistration", HOLDER.stream(), 2,
                    new RegistrationEvents.OperationsStarted(HOLDER, LocalDate.of(2027, 6, 1), GOVERNOR, null)));
            services.standing = holders.standing(HOLDER);
            fixture.given(inTheYear, ZoneLandTest.selected(1)).when(mn.registry.freezone.FreeZoneSigned.byGovernor(ZoneLandTest.grant(HOLDER, PARCEL_A,
                    from, from.plusYears(5), ZoneLandTest.A1), GOVERNOR, ZONE, on(lastDay.plusDays(1)))).expectSuccessfulHandlerExecution();
        } finally {
            events.shutDown();
        }
    }

    /** The entity's application for {@link ZoneLandTest#PARCEL_A} from {@code from}, signed by its representative and received on {@code day}. */
    private static org.axonframework.commandhandling.CommandMessage<Object> applied(LocalDate from, LocalDate day) {
        return mn.registry.freezone.FreeZoneSigned.signed(ZoneLandTest.application(HOLDER, PARCEL_A, from, from.plusYears(5)), REPRESENTATIVE, on(day),
                mn.registry.kernel.identity.Role.APPLICANT);
    }
}
