package mn.registry.standalone.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.util.List;
import java.util.Map;

/**
 * Drawing a parcel on a zone map as a governor does (ADR 0021): the polygon tool of Leaflet.draw, one click per corner,
 * then "Finish". Corners are given as longitude and latitude; where they fall on the screen is read from the zone's
 * boundary as drawn (its SVG path spans the zone's extent) and Web Mercator, which is what Leaflet projects with.
 */
final class MapDrawing {

    /** The stroke map.js gives the zone boundary. */
    static final String BOUNDARY_STROKE = "#0b4f8a";

    private MapDrawing() {
    }

    /** The zone's extent: west, south, east, north. */
    record Extent(double west, double south, double east, double north) {
    }

    /** Draws the polygon with these corners ({lon, lat} pairs), finishing it with the toolbar's first action. */
    static void polygon(Browser browser, Extent zone, double[]... corners) {
        browser.script("document.getElementById('zone-map').scrollIntoView({block: 'center'});");
        browser.find("#zone-map .leaflet-draw-draw-polygon").click();
        browser.waitFor("#zone-map .leaflet-draw-actions a");
        @SuppressWarnings("unchecked")
        Map<String, Number> box = (Map<String, Number>) browser.script("const p = [...document.querySelectorAll('#zone-map path')]"
                + ".find(e => e.getAttribute('stroke') === arguments[0]); const r = p.getBoundingClientRect();"
                + "return {left: r.left, top: r.top, width: r.width, height: r.height};", BOUNDARY_STROKE);
        double left = box.get("left").doubleValue(), top = box.get("top").doubleValue();
        double width = box.get("width").doubleValue(), height = box.get("height").doubleValue();
        for (double[] c : corners) {
            int x = (int) Math.round(left + (c[0] - zone.west()) / (zone.east() - zone.west()) * width);
            int y = (int) Math.round(top + (mercator(zone.north()) - mercator(c[1])) / (mercator(zone.north()) - mercator(zone.south())) * height);
            new Actions(browser.driver).moveToLocation(x, y).click().perform();
        }
        List<WebElement> actions = browser.all("#zone-map .leaflet-draw-actions a");
        actions.stream().filter(WebElement::isDisplayed).findFirst().orElseThrow().click();
        browser.waitUntil("the drawing is finished", d -> d.findElements(By.cssSelector("#zone-map .leaflet-draw-tooltip")).stream()
                .noneMatch(WebElement::isDisplayed));
    }

    static double mercator(double lat) {
        double phi = Math.toRadians(lat);
        return Math.log(Math.tan(Math.PI / 4 + phi / 2));
    }
}
