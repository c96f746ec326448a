package mn.registry.freezone.land;

import mn.registry.kernel.freezone.GeoPolygon;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Zone boundaries and land parcels as JTS polygons. Areas are computed on a local equirectangular
 * projection around the polygon's own latitude (metres; good to well under 1 % for zones of a few tens
 * of kilometres), in hectares. Containment and overlap are decided on the lon/lat polygons themselves.
 */
public final class ParcelGeometry {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final double METRES_PER_DEGREE_LAT = 110_574.0;
    private static final double METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320.0;

    private ParcelGeometry() {
    }

    /** The polygon as JTS, or an {@link IllegalArgumentException} when it is not a valid simple polygon. */
    public static Polygon polygon(GeoPolygon geo) {
        LinearRing shell = ring(geo.coordinates().get(0));
        LinearRing[] holes = geo.coordinates().stream().skip(1).map(ParcelGeometry::ring).toArray(LinearRing[]::new);
        Polygon polygon = FACTORY.createPolygon(shell, holes);
        if (!polygon.isValid() || polygon.getArea() <= 0) {
            throw new IllegalArgumentException("the polygon is not a valid simple polygon with an area");
        }
        return polygon;
    }

    public static boolean isValid(GeoPolygon geo) {
        try {
            polygon(geo);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Area in hectares, rounded to 4 decimals (1 m²). */
    public static BigDecimal hectares(Geometry polygon) {
        double lat0 = Math.toRadians(polygon.getCentroid().getY());
        double kx = METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos(lat0);
        // scaling x and y scales the planar area by kx * ky
        double squareMetres = polygon.getArea() * kx * METRES_PER_DEGREE_LAT;
        return BigDecimal.valueOf(squareMetres / 10_000.0).setScale(4, RoundingMode.HALF_UP);
    }

    /** Whether the parcel lies inside the boundary (its border may run along the boundary). */
    public static boolean inside(Geometry parcel, Geometry boundary) {
        return boundary.covers(parcel);
    }

    /** Whether two parcels share ground: their interiors meet (touching borders do not count). */
    public static boolean overlap(Geometry a, Geometry b) {
        return a.relate(b, "T********");
    }

    private static LinearRing ring(List<List<Double>> positions) {
        Coordinate[] coordinates = positions.stream().map(p -> new Coordinate(p.get(0), p.get(1))).toArray(Coordinate[]::new);
        try {
            return FACTORY.createLinearRing(coordinates);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a polygon ring is closed and has at least 4 positions", e);
        }
    }
}
