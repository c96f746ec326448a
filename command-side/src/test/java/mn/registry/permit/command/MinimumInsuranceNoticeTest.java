package mn.registry.permit.command;

import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.MinimumInsuranceSet;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 002 art. 26.5 (choice, ADR 0046 item 29, abuse audit F126): a supervisor lowering the minimum insurance for the day a favoured
 * applicant's insurance is recorded, and raising it again the next. A lowering is in force only after a notice period; a rise at once,
 * and a rise during the notice replaces the pending lowering.
 */
class MinimumInsuranceNoticeTest {

    private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");
    private static final PersonId SUPERVISOR = new PersonId("supervisor-1");

    private final EventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private long sequence;

    /** The supervisor's setting of {@code amount} received at {@code at}, in force from when the rule says. */
    private Instant set(long amount, Instant at) {
        Instant inForceFrom = MinistryParameters.inForceFrom(Money.mnt(amount), PermitCommandTypes.minimumInsuranceSettings(events), at);
        events.publish(new GenericDomainEventMessage<>("MinistryParameters", MinistryParameters.STREAM, sequence++,
                new MinimumInsuranceSet(Money.mnt(amount), at, SUPERVISOR, "002 art. 26.5", inForceFrom)));
        return inForceFrom;
    }

    private Money inForce(Instant at) {
        return PermitCommandTypes.minimumInsuranceInForce(events, at);
    }

    @Test
    @DisplayName("002 art. 26.5 (F126): the first minimum and every rise are in force at once; a lowering only 30 days after its receipt")
    void a_lowering_waits_for_its_notice() {
        assertThat(inForce(T0)).isNull();
        assertThat(set(100_000_000, T0)).isEqualTo(T0);
        assertThat(inForce(T0)).isEqualTo(Money.mnt(100_000_000));
        Instant lowered = T0.plus(Duration.ofDays(2));
        assertThat(set(1, lowered)).isEqualTo(lowered.plus(MinistryParameters.LOWERING_NOTICE));
        assertThat(inForce(lowered.plus(Duration.ofDays(1)))).as("the day after the lowering").isEqualTo(Money.mnt(100_000_000));
        assertThat(inForce(lowered.plus(Duration.ofDays(30)).minusSeconds(1))).isEqualTo(Money.mnt(100_000_000));
        assertThat(inForce(lowered.plus(Duration.ofDays(30)))).isEqualTo(Money.mnt(1));
        Instant raised = lowered.plus(Duration.ofDays(31));
        assertThat(set(150_000_000, raised)).isEqualTo(raised);
        assertThat(inForce(raised)).isEqualTo(Money.mnt(150_000_000));
    }

    @Test
    @DisplayName("002 art. 26.5 (F126): the lowering raised back the next day never comes into force: the later rise replaces it")
    void a_rise_during_the_notice_replaces_the_lowering() {
        set(100_000_000, T0);
        Instant lowered = T0.plus(Duration.ofDays(2));
        set(1, lowered);
        set(100_000_001, lowered.plus(Duration.ofDays(1)));
        assertThat(inForce(lowered.plus(Duration.ofDays(1)))).isEqualTo(Money.mnt(100_000_001));
        assertThat(inForce(lowered.plus(Duration.ofDays(40)))).isEqualTo(Money.mnt(100_000_001));
    }

    @Test
    @DisplayName("002 art. 26.5: a setting stored before the notice period (no inForceFrom) was in force from its setting")
    void a_setting_stored_before_the_rule_is_in_force_from_its_setting() {
        events.publish(new GenericDomainEventMessage<>("MinistryParameters", MinistryParameters.STREAM, sequence++,
                new MinimumInsuranceSet(Money.mnt(100_000_000), T0, SUPERVISOR, "002 art. 26.5")));
        events.publish(new GenericDomainEventMessage<>("MinistryParameters", MinistryParameters.STREAM, sequence++,
                new MinimumInsuranceSet(Money.mnt(50_000_000), T0.plusSeconds(60), SUPERVISOR, "002 art. 26.5")));
        assertThat(inForce(T0.plusSeconds(60))).isEqualTo(Money.mnt(50_000_000));
    }

    @Test
    @DisplayName("002 art. 26.5 (F126, its own hole): a rise is in force at once, so a supervisor could raise the minimum to block a rival's "
            + "issue; taking that rise back is in force at once too (not below the lowest minimum of the last 30 days), while going below it "
            + "still waits 30 days")
    void a_rise_is_taken_back_at_once_but_never_below_the_last_30_days() {
        set(100_000_000, T0);
        Instant spike = T0.plus(Duration.ofDays(40));
        set(900_000_000_000L, spike);
        assertThat(inForce(spike)).isEqualTo(Money.mnt(900_000_000_000L));
        Instant back = spike.plus(Duration.ofDays(1));
        assertThat(set(100_000_000, back)).as("back to the minimum of the day before").isEqualTo(back);
        assertThat(inForce(back)).isEqualTo(Money.mnt(100_000_000));
        Instant below = back.plus(Duration.ofDays(1));
        assertThat(set(99_999_999, below)).as("below every minimum of the last 30 days").isEqualTo(below.plus(MinistryParameters.LOWERING_NOTICE));
    }
}
