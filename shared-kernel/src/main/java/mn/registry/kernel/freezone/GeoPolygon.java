package mn.registry.kernel.freezone;

import java.util.List;
import java.util.Objects;

/**
 * A GeoJSON (RFC 7946) Polygon: {@code {"type":"Polygon","coordinates":[[[lon,lat],...]]}}, the first
 * ring the outer boundary, closed (first position = last). Longitude and latitude in WGS 84 degrees.
 */
public record GeoPolygon(String type, List<List<List<Double>>> coordinates) {

    public GeoPolygon {
        if (!"Polygon".equals(type)) {
            throw new IllegalArgumentException("a boundary is a GeoJSON Polygon, not " + type);
        }
        Objects.requireNonNull(coordinates, "coordinates");
        if (coordinates.isEmpty() || coordinates.get(0).size() < 4) {
            throw new IllegalArgumentException("a polygon has an outer ring of at least 4 positions (closed)");
        }
        for (List<List<Double>> ring : coordinates) {
            for (List<Double> position : ring) {
                if (position == null || position.size() < 2 || position.get(0) == null || position.get(1) == null) {
                    throw new IllegalArgumentException("a position is [longitude, latitude]");
                }
            }
            if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                throw new IllegalArgumentException("a polygon ring is closed: its first and last positions are equal");
            }
        }
        coordinates = coordinates.stream().map(r -> r.stream().map(List::copyOf).toList()).toList();
    }

    /** A polygon from its outer ring given as lon, lat pairs; the ring is closed if it is not. */
    public static GeoPolygon of(double... lonLat) {
        if (lonLat.length % 2 != 0) {
            throw new IllegalArgumentException("pairs of longitude, latitude");
        }
        List<List<Double>> ring = new java.util.ArrayList<>();
        for (int i = 0; i < lonLat.length; i += 2) {
            ring.add(List.of(lonLat[i], lonLat[i + 1]));
        }
        if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
            ring.add(ring.get(0));
        }
        return new GeoPolygon("Polygon", List.of(ring));
    }
}
