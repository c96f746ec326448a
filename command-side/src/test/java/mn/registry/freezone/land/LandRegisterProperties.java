package mn.registry.freezone.land;

import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.problem.RegistryProblem;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The land register's rules on random polygons (003 art. 6.1, 22.2): whatever sequence of grants arrives,
 * what is accepted never overlaps in space and time, never exceeds the zone's area on any day and lies in
 * the zone; and every refusal was warranted (an independent check finds the conflict).
 */
class LandRegisterProperties {

    static final ZoneId ZONE = ZoneId.of("zamyn-uud");
    static final double W = 111.80, S = 43.68, E = 111.92, N = 43.76;
    static final GeoPolygon BOUNDARY = GeoPolygon.of(W, S, E, S, E, N, W, N);
    static final RegistrationId HOLDER = RegistrationId.of(ZONE, new LegalEntity("Erlian Trade", Jurisdiction.FOREIGN, "CN", "91150000"));
    static final Instant AT = Instant.parse("2026-12-01T03:00:00Z");

    record Request(GeoPolygon parcel, LocalDate from, LocalDate until) {
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<Double> x = micro(W - 0.003, E - 0.01);
        Arbitrary<Double> y = micro(S - 0.003, N - 0.01);
        Arbitrary<Double> size = micro(0.002, 0.015);
        Arbitrary<Double> jitter = micro(-0.4, 0.4);
        Arbitrary<Integer> startYear = Arbitraries.integers().between(2027, 2034);
        Arbitrary<Integer> years = Arbitraries.integers().between(1, 6);
        return Combinators.combine(x, y, size, size, jitter, startYear, years).as((x0, y0, w, h, j, start, len) -> {
            // a quadrilateral, convex or not, sometimes crossing the boundary
            GeoPolygon p = GeoPolygon.of(x0, y0, x0 + w, y0 + h * j * 0.2, x0 + w * (1 + j * 0.3), y0 + h, x0 - w * j * 0.2, y0 + h * (1 - j * 0.1));
            return new Request(p, LocalDate.of(start, 1 + Math.abs((int) (j * 20)) % 12, 1), LocalDate.of(start + len, 6, 30));
        });
    }

    /**
     * Doubles in [from, to] on a grid of 1e-5 degrees (about a metre), spread evenly: jqwik's default leans to the
     * low end, which put most parcels across the zone's west edge and left the overlap and area checks almost untried.
     */
    private static Arbitrary<Double> micro(double from, double to) {
        long steps = Math.round((to - from) * 100_000);
        return Arbitraries.longs().between(0, steps).withDistribution(RandomDistribution.uniform()).map(i -> from + i / 100_000.0);
    }

    @Property(tries = 60)
    @Label("003 art. 6.1, 22.2: accepted licences never overlap in space and time, stay inside the zone, and never exceed its area")
    void accepted_licences_keep_the_invariants(@ForAll @Size(min = 1, max = 25) List<@From("requests") Request> requests,
                                               @ForAll("zoneAreas") BigDecimal zoneArea) {
        ZoneLand land = new ZoneLand();
        Polygon boundary = ParcelGeometry.polygon(BOUNDARY);
        List<Request> accepted = new ArrayList<>();
        for (Request r : requests) {
            Polygon parcel;
            try {
                parcel = ParcelGeometry.polygon(r.parcel());
            } catch (IllegalArgumentException invalid) {
                continue;
            }
            BigDecimal hectares = ParcelGeometry.hectares(parcel);
            try {
                ZoneLand.parcelLiesInsideTheZone(parcel, boundary);
                land.parcelIsNotLicensedForAnOverlappingPeriod(parcel, r.from(), r.until());
                land.licensedAreaNeverExceedsTheZone(hectares, r.from(), r.until(), zoneArea);
            } catch (RegistryProblem refused) {
                Statistics.label("refusals").collect(refused.code());
                assertThat(independentlyConflicts(r, parcel, hectares, accepted, boundary, zoneArea)).as(refused.code()).isTrue();
                continue;
            }
            accepted.add(r);
            land.on(new LandEvents.LandRightsGranted(ZONE, LandLicenceId.of(ZONE, accepted.size()), HOLDER, "p", r.parcel(), hectares, "use",
                    r.from(), r.until(), LandCommands.AllocationMethod.TENDER, Money.mnt(1), "d", AT, new PersonId("governor-zamyn-uud"), null));
        }
                Statistics.collect(accepted.size() >= 2 ? "several accepted" : "at most one accepted", accepted.size() < requests.size() ? "some refused" : "none refused");
        Statistics.coverage(c -> c.check("several accepted", "some refused").percentage(p -> p > 10));
        Statistics.label("refusals").coverage(c -> {
            c.check("freezone.parcel-outside-zone").count(n -> n > 0);
            c.check("freezone.parcel-already-licensed").count(n -> n > 0);
            c.check("freezone.licensed-area-exceeds-zone").count(n -> n > 0);
        });
        for (int i = 0; i < accepted.size(); i++) {
            Polygon a = ParcelGeometry.polygon(accepted.get(i).parcel());
            assertThat(boundary.covers(a)).isTrue();
            for (int j = i + 1; j < accepted.size(); j++) {
                if (periodsOverlap(accepted.get(i), accepted.get(j))) {
                    Geometry shared = a.intersection(ParcelGeometry.polygon(accepted.get(j).parcel()));
                    assertThat(shared.getArea()).as("licences %d and %d share ground", i + 1, j + 1).isLessThan(1e-12);
                }
            }
        }
        for (Request r : accepted) {
            assertThat(areaOn(r.from(), accepted)).isLessThanOrEqualTo(zoneArea);
        }
    }

    @Provide
    Arbitrary<BigDecimal> zoneAreas() {
        return Arbitraries.integers().between(100, 3000).map(BigDecimal::valueOf);
    }

    /** Whether a refused request really conflicts, checked without the register's code: outside, shared ground, or too much area on some day. */
    private static boolean independentlyConflicts(Request r, Polygon parcel, BigDecimal hectares, List<Request> accepted, Polygon boundary, BigDecimal zoneArea) {
        if (!boundary.covers(parcel)) {
            return true;
        }
        for (Request a : accepted) {
            if (periodsOverlap(r, a) && parcel.intersection(ParcelGeometry.polygon(a.parcel())).getArea() > 0) {
                return true;
            }
        }
        TreeSet<LocalDate> days = new TreeSet<>();
        for (LocalDate d = r.from(); !d.isAfter(r.until()); d = d.plusMonths(1).withDayOfMonth(1)) {
            days.add(d);
        }
        accepted.forEach(a -> days.add(a.from()));
        for (LocalDate day : days) {
            if (!day.isBefore(r.from()) && !day.isAfter(r.until()) && areaOn(day, accepted).add(hectares).compareTo(zoneArea) > 0) {
                return true;
            }
        }
        return false;
    }

    private static BigDecimal areaOn(LocalDate day, List<Request> accepted) {
        return accepted.stream().filter(a -> !day.isBefore(a.from()) && !day.isAfter(a.until()))
                .map(a -> ParcelGeometry.hectares(ParcelGeometry.polygon(a.parcel()))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static boolean periodsOverlap(Request a, Request b) {
        return !a.from().isAfter(b.until()) && !b.from().isAfter(a.until());
    }
}
