package mn.registry.web;

import mn.registry.kernel.crypto.CanonicalJson;
import org.springframework.stereotype.Component;

/** A value as compact JSON text, for scripts' {@code data-} attributes (e.g. a parcel's GeoJSON); {@code @json} in templates. */
@Component("json")
class JsonText {

    public String text(Object value) {
        return value == null ? "null" : CanonicalJson.mapper().valueToTree(value).toString();
    }
}
