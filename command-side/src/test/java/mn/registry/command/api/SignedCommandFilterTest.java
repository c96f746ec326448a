package mn.registry.command.api;

import com.fasterxml.jackson.databind.SerializationFeature;
import mn.registry.infrastructure.web.ProblemResponses;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * ADR 0042: the signed command endpoint answered without Spring MVC's dispatch gives what Spring MVC gave. The refusals
 * here are those the controller makes before the pipeline (the body read), so the controller runs without a pipeline.
 */
class SignedCommandFilterTest {

    private static MappingJackson2HttpMessageConverter json() {
        return new MappingJackson2HttpMessageConverter(Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build());
    }

    private final CommandController controller = new CommandController(null, null, null);
    private final SignedCommandFilter filter = new SignedCommandFilter(controller, new ProblemResponses(), json());

    /** Spring MVC alone, as before ADR 0042. */
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(controller).setControllerAdvice(new ProblemResponses())
            .setMessageConverters(new ByteArrayHttpMessageConverter(), json()).build();

    /** The filter in front of the same controller. */
    private final MockMvc filtered = MockMvcBuilders.standaloneSetup(controller).setControllerAdvice(new ProblemResponses())
            .setMessageConverters(new ByteArrayHttpMessageConverter(), json()).addFilter(filter, SignedCommandFilter.PATH).build();

    /** The filter in front of a Spring MVC that has no command endpoint: whatever reaches Spring MVC is answered 404. */
    private final MockMvc filterAlone = MockMvcBuilders.standaloneSetup(new Elsewhere()).setControllerAdvice(new ProblemResponses())
            .setMessageConverters(new ByteArrayHttpMessageConverter(), json()).addFilter(filter, SignedCommandFilter.PATH).build();

    @RestController
    static class Elsewhere {
        @GetMapping("/elsewhere")
        String elsewhere() {
            return "elsewhere";
        }
    }

    private static String answer(MockMvc http, RequestBuilder request) throws Exception {
        MockHttpServletResponse response = http.perform(request).andReturn().getResponse();
        return response.getStatus() + " " + response.getContentType() + " " + response.getContentAsString();
    }

    @Test
    @DisplayName("ADR 0042: a signed command's refusal is answered by the filter itself, with Spring MVC's status, media type and bytes")
    void refusals_as_spring_mvc_gave_them() throws Exception {
        RequestBuilder[] refused = {
                post("/api/commands").contentType("application/json").content(new byte[0]),
                post("/api/commands").contentType("application/jose+json").content(new byte[]{(byte) 0xC3, (byte) 0x28}),
                post("/api/commands").contentType("application/json; charset=UTF-8").header("Accept", "application/json")
                        .content(new byte[CommandController.MAX_BYTES + 1]),
        };
        for (RequestBuilder request : refused) {
            String before = answer(mvc, request);
            assertThat(before).startsWith("4").contains("\"code\":\"request.");
            assertThat(answer(filterAlone, request)).isEqualTo(before);
            assertThat(answer(filtered, request)).isEqualTo(before);
        }
    }

    @Test
    @DisplayName("ADR 0042 abuse: another method, media type or Accept is left to Spring MVC, which answers 405, 415 or 406 as before")
    void what_spring_mvc_refuses_goes_on_to_it() throws Exception {
        RequestBuilder[] left = {
                get("/api/commands"),
                post("/api/commands").contentType("text/plain").content("{}"),
                post("/api/commands").contentType("application/json").header("Accept", "text/html").content("{}"),
                post("/api/commands").header("Content-Type", "not a media type").content("{}"),
                post("/api/commands").content("{}"),
        };
        for (RequestBuilder request : left) {
            String before = answer(mvc, request);
            assertThat(before).startsWith("4");
            assertThat(answer(filtered, request)).isEqualTo(before);
            assertThat(answer(filterAlone, request)).startsWith("404");
        }
    }

    @Test
    @DisplayName("ADR 0042: what the filter answers itself is exactly what Spring MVC routes to the controller")
    void routing() {
        assertThat(SignedCommandFilter.answersItself(request("POST", "/api/commands", "application/json", null))).isTrue();
        assertThat(SignedCommandFilter.answersItself(request("POST", "/api/commands", "application/jose+json; charset=UTF-8", "*/*"))).isTrue();
        assertThat(SignedCommandFilter.answersItself(request("POST", "/api/commands", "application/json", "text/html, application/*;q=0.5"))).isTrue();
        assertThat(SignedCommandFilter.answersItself(request("POST", "/api/commands/types", "application/json", null))).isFalse();
        assertThat(SignedCommandFilter.answersItself(request("PUT", "/api/commands", "application/json", null))).isFalse();
        assertThat(SignedCommandFilter.answersItself(request("POST", "/api/commands", "application/xml", null))).isFalse();
        assertThat(SignedCommandFilter.answersItself(request("POST", "/api/commands", "application/json", "application/xml"))).isFalse();
    }

    private static MockHttpServletRequest request(String method, String uri, String contentType, String accept) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.setContentType(contentType);
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        return request;
    }
}
