package mn.registry.web.cabinet;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0061 item 87 (F619, was O471): whom the appointment form refuses for another zone. */
class CabinetControllerTest {

    @Test
    @DisplayName("003 art. 8.1-8.2 (F619, was O471): a governor whose own grant names a zone, shown by no zone's record, is in office there; "
            + "the zones' records still count")
    void the_persons_grants_count_beside_the_zones_records() {
        List<Document> zones = List.of(new Document("_id", "altanbulag").append("governors", List.of("governor-altanbulag")),
                new Document("_id", "zamiin-uud").append("governors", List.of()));
        Map<String, String> serving = CabinetController.governorsInOffice(zones, Map.of("governor-319first", "zamiin-uud"));
        assertThat(serving).containsEntry("governor-319first", "zamiin-uud").containsEntry("governor-altanbulag", "altanbulag");
        assertThat(CabinetController.governorsInOffice(zones)).doesNotContainKey("governor-319first");
    }
}
