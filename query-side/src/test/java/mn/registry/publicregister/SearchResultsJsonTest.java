package mn.registry.publicregister;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import mn.registry.kernel.freezone.Activity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0051: the search's answer written straight to the generator is, byte for byte, what Jackson's record serializers wrote. */
class SearchResultsJsonTest {

    /** The registry's settings (standalone's application.properties: dates not as timestamps, nulls left out), as Spring Boot builds the mapper. */
    private static ObjectMapper registrys() {
        return Jackson2ObjectMapperBuilder.json().serializationInclusion(JsonInclude.Include.NON_NULL)
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    }

    /** The same mapper, blind to {@code @JsonSerialize}: Jackson's own record serializers, as before ADR 0051. */
    private static ObjectMapper jacksons() {
        ObjectMapper m = registrys();
        m.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Object findSerializer(Annotated a) {
                return a.getRawType() == SearchResults.class ? null : super.findSerializer(a);
            }
        });
        return m;
    }

    @Test
    @DisplayName("ADR 0051: every kind's entries, nulls, dates, details, history and counts written as Jackson's record serializers wrote them")
    void same_bytes_as_jacksons_serializers() throws Exception {
        RegisterView v = RegisterSearchTest.view(RegisterSearchTest.register()
                .add(Records.registered("Хэш \"quoted\" \\ name", "10000099", Activity.TRADE, LocalDate.of(2027, 3, 1))));
        ObjectMapper ours = registrys();
        ObjectMapper theirs = jacksons();
        assertThat(ours.getSerializerProviderInstance().findValueSerializer(SearchResults.class)).isInstanceOf(SearchResultsJson.class);
        assertThat(theirs.getSerializerProviderInstance().findValueSerializer(SearchResults.class)).isNotInstanceOf(SearchResultsJson.class);
        int compared = 0;
        for (String text : new String[]{null, "khan", "000001", "хан", "altan", "quoted", "2026", "nothing-at-all"}) {
            for (int offset : new int[]{0, 3}) {
                SearchResults r = RegisterSearchTest.find(v, new RegisterSearch(text, null, null, null, null, null, null, offset, 50));
                String expected = theirs.writeValueAsString(r);
                assertThat(ours.writeValueAsString(r)).as(text).isEqualTo(expected);
                compared += r.items().size();
            }
        }
        assertThat(compared).as("entries of every kind were compared").isGreaterThan(40);
        SearchResults bare = new SearchResults(List.of(), 0, 0, 1, 7, null);
        assertThat(ours.writeValueAsString(bare)).isEqualTo(theirs.writeValueAsString(bare)).isEqualTo("{\"items\":[],\"total\":0,\"offset\":0,\"limit\":1,\"logSize\":7}");
        SearchResults counted = new SearchResults(List.of(), 2, 0, 1, 7, new SearchResults.Counts(Map.of("permits", 2), Map.of(), Map.of("z", 1), Map.of()));
        assertThat(ours.writeValueAsString(counted)).isEqualTo(theirs.writeValueAsString(counted));
    }
}
