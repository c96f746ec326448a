package mn.registry.kernel.id;

import com.fasterxml.jackson.databind.ObjectMapper;
import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.PermitNumber;
import mn.registry.kernel.permit.ReceiptNumber;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The typed identifiers share one shape: a bare JSON string, printed as itself, checked on construction. */
class TypedIdTest {

    static final List<TypedId> IDS = List.of(new PersonId("applicant-1"), ZoneId.of("zamyn-uud"), new LandApplicationId("zamyn-uud-A7"),
            new LandLicenceId("zamyn-uud-L3"), new RegistrationId("zamyn-uud:cn-911500001"), new ReceiptNumber("SP-2026-000123"),
            new ApplicationId("0b7c6a2e-3f7d-4c1e-9a55-1d2f3e4a5b6c"), new PermitNumber("P-2026-000123"), new CalendarVersion("MN.3"));

    @Test
    @DisplayName("every typed id is written in canonical JSON as its bare string, inside a record too, and read back equal: stored events keep their bytes")
    void json_is_the_bare_string() throws Exception {
        ObjectMapper mapper = CanonicalJson.mapper();
        for (TypedId id : IDS) {
            assertThat(mapper.writeValueAsString(id)).as(id.getClass().getSimpleName()).isEqualTo("\"" + id.value() + "\"");
            assertThat(mapper.writeValueAsString(Map.of("id", id))).isEqualTo("{\"id\":\"" + id.value() + "\"}");
            assertThat(mapper.readValue(mapper.writeValueAsString(id), id.getClass())).isEqualTo(id);
            assertThat(id.toString()).isEqualTo(id.value());
        }
    }

    @Test
    @DisplayName("a forged or careless id is refused on construction, naming the rule and the value; a missing one names the id")
    void malformed_ids_are_refused() {
        assertThatThrownBy(() -> ZoneId.of("Zamyn Uud")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a zone id is 1-63 lower-case letters, digits or '-': Zamyn Uud");
        assertThatThrownBy(() -> new ReceiptNumber("SP-26-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a receipt number looks like SP-2026-000123: SP-26-1");
        assertThatThrownBy(() -> new LandLicenceId("zamyn-uud-A3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a land licence id is <zone>-L<n>: zamyn-uud-A3");
        assertThatThrownBy(() -> new PersonId(null)).isInstanceOf(NullPointerException.class).hasMessage("person id");
        assertThat(TypedId.require("a1", "x", Pattern.compile("[a-z][0-9]"), "rule")).isEqualTo("a1");
    }
}
