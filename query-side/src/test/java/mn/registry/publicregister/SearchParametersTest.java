package mn.registry.publicregister;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.context.request.ServletWebRequest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0051: the search endpoint reads its parameters straight from the request, as Spring MVC's binding of the record read them. */
class SearchParametersTest {

    private static SearchParameters bound(MockHttpServletRequest request) {
        ServletRequestDataBinder binder = new ServletRequestDataBinder(null);
        binder.setTargetType(ResolvableType.forClass(SearchParameters.class));
        binder.construct(request);
        return (SearchParameters) binder.getTarget();
    }

    @Test
    @DisplayName("ADR 0051: given once, given several times, empty or absent, each parameter reads as the data binder bound it")
    void read_as_the_binder_bound_them() {
        for (Map<String, String[]> params : java.util.List.of(
                Map.<String, String[]>of(),
                Map.of("q", new String[]{"хан ххк"}, "offset", new String[]{"20"}, "limit", new String[]{"5"}),
                Map.of("q", new String[]{""}, "kind", new String[]{"entities"}, "status", new String[]{" VALID "}, "zone", new String[]{"altanbulag"},
                        "activity", new String[]{"trade"}, "from", new String[]{"2026-01-01"}, "to", new String[]{"2026-12-31"}, "atLeast", new String[]{"7"}),
                Map.of("q", new String[]{"khan", "trade"}, "limit", new String[]{"5", "6"}, "name", new String[]{"a"}, "number", new String[]{"1"}))) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/public/search");
            request.setParameters(params);
            assertThat(SearchParameters.of(new ServletWebRequest(request))).as("%s", params.keySet()).isEqualTo(bound(request));
        }
        MockHttpServletRequest twice = new MockHttpServletRequest("GET", "/api/public/search");
        twice.addParameter("q", "khan", "trade");
        assertThat(SearchParameters.of(new ServletWebRequest(twice)).q()).isEqualTo("khan,trade");
    }
}
