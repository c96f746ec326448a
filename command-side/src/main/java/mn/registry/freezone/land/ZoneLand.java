package mn.registry.freezone.land;

import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.Money;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.locationtech.jts.geom.Polygon;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The land register of one zone (003 art. 22): every licence, so that a parcel is never licensed twice for
 * overlapping periods and the area licensed at any day never exceeds the zone's area. Pure: the zone's
 * boundary, area and state arrive in the command.
 */
@Aggregate
class ZoneLand {

    /** A licence as the register keeps it. */
    record Licence(LandLicenceId id, RegistrationId holder, Polygon parcel, BigDecimal hectares, LocalDate from, LocalDate until,
                   Money nominalValue, boolean issued, boolean revoked) {

        boolean activeDuring(LocalDate first, LocalDate last) {
            return !revoked && !from.isAfter(last) && !until.isBefore(first);
        }

        boolean activeOn(LocalDate day) {
            return activeDuring(day, day);
        }
    }

    @AggregateIdentifier
    private String stream;
    private ZoneId zoneId;
    private final Map<LandLicenceId, Licence> licences = new LinkedHashMap<>();

    ZoneLand() {
    }

    // 003 art. 22.2, 22.4: the governor decides on the parcel, its area, purpose and period; rights by tender or auction
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    LandLicenceId handle(LandStreamCommands.Grant command) {
        LandCommands.GrantLandRights body = command.body();
        zoneIsOpen(command.zoneOpen(), body.zoneId());
        decisionIsComplete(body);
        holderIsOfThisZone(body);
        Polygon parcel = parcelIsAPolygon(body);
        parcelLiesInsideTheZone(parcel, ParcelGeometry.polygon(command.zoneBoundary()));
        BigDecimal hectares = ParcelGeometry.hectares(parcel);
        parcelIsNotLicensedForAnOverlappingPeriod(parcel, body.from(), body.until());
        licensedAreaNeverExceedsTheZone(hectares, body.from(), body.until(), command.zoneAreaHectares());
        LandLicenceId id = LandLicenceId.of(body.zoneId(), licences.size() + 1);
        apply(new LandEvents.LandRightsGranted(body.zoneId(), id, body.holder(), body.parcelName(), body.parcel(), hectares, body.purpose(),
                body.from(), body.until(), body.method(), body.nominalValue(), body.decision(), command.at(), command.by()));
        return id;
    }

    // 003 art. 6.4 (choice): a temporarily closed zone takes no new land licences
    static void zoneIsOpen(boolean open, ZoneId zoneId) {
        if (!open) {
            throw RegistryProblem.conflict("freezone.zone-closed", "Zone " + zoneId + " is not open: it takes no new registrations or land licences.", "003 art. 6.4");
        }
    }

    // 003 art. 22.2, 22.4: parcel, purpose, period of use, and the way the right is granted
    static void decisionIsComplete(LandCommands.GrantLandRights body) {
        if (body.purpose() == null || body.purpose().isBlank() || body.decision() == null || body.decision().isBlank()) {
            throw RegistryProblem.invalid("freezone.field-missing", "The decision names the purpose of use and its reference.", "purpose", "003 art. 22.2");
        }
        if (body.from() == null || body.until() == null || body.until().isBefore(body.from())) {
            throw RegistryProblem.invalid("freezone.period-invalid", "The period of possession or use has a first day and a last day on or after it.",
                    "until", "003 art. 22.2");
        }
        if (body.method() == null) {
            throw RegistryProblem.invalid("freezone.allocation-missing", "Land rights are granted by TENDER or AUCTION.", "method", "003 art. 22.4");
        }
        if (body.nominalValue() == null || body.nominalValue().amount().signum() <= 0) {
            throw RegistryProblem.invalid("freezone.nominal-value-missing", "The auction's nominal value, which the one-time fee equals, is required.",
                    "nominalValue", "003 art. 22.5");
        }
    }

    static void holderIsOfThisZone(LandCommands.GrantLandRights body) {
        if (body.holder() == null || !body.holder().zoneId().equals(body.zoneId())) {
            throw RegistryProblem.invalid("freezone.holder-other-zone", "The holder is an entity of zone " + body.zoneId() + ".", "holder", "003 art. 22.2");
        }
    }

    static Polygon parcelIsAPolygon(LandCommands.GrantLandRights body) {
        try {
            return ParcelGeometry.polygon(body.parcel());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw RegistryProblem.invalid("freezone.parcel-invalid", "The parcel is a valid GeoJSON polygon.", "parcel", "003 art. 22.2");
        }
    }

    // 003 art. 6.1, 22.2: land is licensed within the zone's boundaries
    static void parcelLiesInsideTheZone(Polygon parcel, Polygon boundary) {
        if (!ParcelGeometry.inside(parcel, boundary)) {
            throw RegistryProblem.invalid("freezone.parcel-outside-zone", "The parcel does not lie inside the zone's boundary.", "parcel", "003 art. 6.1, 22.2");
        }
    }

    // 003 art. 22.2 (choice): no ground is licensed twice for overlapping periods
    void parcelIsNotLicensedForAnOverlappingPeriod(Polygon parcel, LocalDate from, LocalDate until) {
        for (Licence l : licences.values()) {
            if (l.activeDuring(from, until) && ParcelGeometry.overlap(parcel, l.parcel())) {
                throw RegistryProblem.conflict("freezone.parcel-already-licensed", "The parcel overlaps licence " + l.id() + " (" + l.from() + " to "
                        + l.until() + ").", "003 art. 22.2");
            }
        }
    }

    // 003 art. 6.1 (choice): on no day does the licensed area exceed the zone's area
    void licensedAreaNeverExceedsTheZone(BigDecimal hectares, LocalDate from, LocalDate until, BigDecimal zoneArea) {
        TreeSet<LocalDate> days = new TreeSet<>(List.of(from));
        licences.values().stream().filter(l -> l.activeDuring(from, until) && l.from().isAfter(from)).forEach(l -> days.add(l.from()));
        for (LocalDate day : days) {
            BigDecimal total = hectares;
            for (Licence l : licences.values()) {
                if (l.activeOn(day)) {
                    total = total.add(l.hectares());
                }
            }
            if (total.compareTo(zoneArea) > 0) {
                throw RegistryProblem.conflict("freezone.licensed-area-exceeds-zone", "On " + day + " " + total + " ha would be licensed in a zone of "
                        + zoneArea + " ha.", "003 art. 6.1");
            }
        }
    }

    // 003 art. 22.5: the certificate is issued after the one-time fee equal to the nominal value is paid
    @CommandHandler
    void handle(LandStreamCommands.PayFee command) {
        LandCommands.RecordLandFeePaid body = command.body();
        Licence licence = licences.get(body.licenceId());
        if (licence == null) {
            throw new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "freezone.licence-unknown", "No land licence " + body.licenceId() + ".", "licenceId", "003 art. 22.5");
        }
        if (licence.revoked()) {
            throw RegistryProblem.conflict("freezone.licence-revoked", "Licence " + licence.id() + " was revoked.", "003 art. 22.6");
        }
        if (licence.issued()) {
            throw RegistryProblem.conflict("freezone.licence-already-issued", "The certificate of " + licence.id() + " was issued already.", "003 art. 22.5");
        }
        if (!licence.nominalValue().sameAs(body.paid())) {
            throw RegistryProblem.invalid("freezone.fee-not-nominal-value", "The one-time fee is " + licence.nominalValue().amount() + " "
                    + licence.nominalValue().currency() + ", the auction's nominal value.", "paid", "003 art. 22.5");
        }
        apply(new LandEvents.LandLicenceIssued(zoneId, licence.id(), licence.holder(), body.paid(), body.receipt(), command.at(), command.by()));
    }

    // 003 art. 22.6: land rights are revoked on deregistration on 12.5.1 or 12.5.2; asking again revokes nothing more
    @CommandHandler
    void handle(LandStreamCommands.RevokeHolder command) {
        if (!command.ground().revokesLandRights()) {
            return;
        }
        List<Licence> held = new ArrayList<>();
        for (Licence l : licences.values()) {
            if (l.holder().equals(command.holder()) && !l.revoked() && !l.until().isBefore(command.on())) {
                held.add(l);
            }
        }
        held.forEach(l -> apply(new LandEvents.LandRightsRevoked(zoneId, l.id(), l.holder(), command.ground(), "003 art. 22.6", command.at())));
    }

    @EventSourcingHandler
    void on(LandEvents.LandRightsGranted event) {
        stream = event.zoneId().landStream();
        zoneId = event.zoneId();
        licences.put(event.licenceId(), new Licence(event.licenceId(), event.holder(), ParcelGeometry.polygon(event.parcel()), event.areaHectares(),
                event.from(), event.until(), event.nominalValue(), false, false));
    }

    @EventSourcingHandler
    void on(LandEvents.LandLicenceIssued event) {
        Licence l = licences.get(event.licenceId());
        licences.put(l.id(), new Licence(l.id(), l.holder(), l.parcel(), l.hectares(), l.from(), l.until(), l.nominalValue(), true, false));
    }

    @EventSourcingHandler
    void on(LandEvents.LandRightsRevoked event) {
        Licence l = licences.get(event.licenceId());
        licences.put(l.id(), new Licence(l.id(), l.holder(), l.parcel(), l.hectares(), l.from(), l.until(), l.nominalValue(), l.issued(), true));
    }

    Map<LandLicenceId, Licence> licences() {
        return licences;
    }
}
