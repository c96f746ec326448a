package mn.registry.freezone.land;

import mn.registry.command.look.AggregateNow;
import mn.registry.kernel.freezone.LandActs;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * 003 art. 8.7.7, 22.2, 22.5 (ADR 0035 item 81; abuse audit F396, was O223): the command side's answer to the land desk, which offers a grant,
 * a refusal or a fee's record only where the zone's land register would record it on the signed-in governor's signature. The register's own
 * aggregate answers ({@link ZoneLand#actsAcceptedAt}, on the rules its handlers refuse by), loaded by Axon's repository inside a unit of work
 * that is rolled back ({@link mn.registry.command.look.AggregateLook}, ADR 0065): one load of the zone's land register per page, whatever the number of applications.
 * Judged on the registry's clock, as a command received now would be.
 */
@Component
class LandActsNow implements LandActs.OfTheZone {

    private final LandServices services;
    private final AggregateNow<ZoneLand> registers;
    private final Clock clock;

    @Autowired
    LandActsNow(Clock clock, LandServices services, EventStore events, ObjectProvider<Configuration> axon) {
        this(clock, services, events, () -> axon.getObject().repository(ZoneLand.class));
    }

    LandActsNow(Clock clock, LandServices services, EventStore events, Supplier<Repository<ZoneLand>> registers) {
        this.services = services;
        this.clock = clock;
        this.registers = new AggregateNow<>(clock, events, registers);
    }

    /** As {@link #foldedNow(ZoneId, PersonId)}, the position of the land register's last event it folded (ADR 0071 item 10), on {@code company}'s grant. */
    @Override
    public Optional<mn.registry.kernel.look.Folded<LandActs>> foldedNow(ZoneId zone, PersonId signer, String company) {
        return registers.fold(zone.landStream(), (register, now) -> register.actsAcceptedAt(now, services, signer, company));
    }

    /**
     * 003 art. 6.4, 12.1, 12.2, 12.5, 22.2 (ADR 0035 items 84, 103-104; F402, F524-F525): judged by the rules the application's handler calls
     * first, on the signed-in person's grant now; no register read.
     */
    @Override
    public LandActs.Verdict applicationBy(ZoneId zone, RegistrationId applicant, PersonId signer, String company) {
        return ZoneLand.verdictOf(() -> ZoneLand.entityMayApplyForLand(services.zone(zone), applicant, services,
                new ZoneLand.Signer(signer, company, clock.instant())));
    }

    /**
     * 003 art. 23.4; 001 art. 23.1.1 (ADR 0035 item 126; F530, was O391): judged by the rules the exemption's handler asks of its holder
     * ({@link ZoneLand#exemptionHolderIsNotTheSigners}), on the signed-in Cabinet member's grant now; no register read.
     */
    @Override
    public LandActs.Verdict exemptionFor(ZoneId zone, RegistrationId holder, PersonId signer, String company) {
        Instant now = clock.instant();
        return ZoneLand.verdictOf(() -> {
            mn.registry.freezone.zone.Zones.Zone read = services.zone(zone);
            ZoneLand.entityIsOfThisZone(holder, zone, "holder");
            ZoneLand.exemptionHolderIsNotTheSigners(services.standing(holder, read), holder, new ZoneLand.Signer(signer, company, now));
        });
    }

    /**
     * 003 art. 22.3 (ADR 0035 items 149-150; F585-F586, was O450-O451): judged by the confirmation's own rules ({@link
     * ZoneLand#lowerValueIsConfirmable}) on the zone's land register now: one load of it.
     */
    @Override
    public Optional<LandActs.Verdict> baseValueConfirmationBy(ZoneId zone, String decision, PersonId signer) {
        return registers.fold(zone.landStream(), (register, now) -> register.baseValueConfirmationAcceptedAt(now, services, decision, signer))
                .map(mn.registry.kernel.look.Folded::answer);
    }
}
