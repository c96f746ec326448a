package mn.registry.publicregister;

import mn.registry.projection.ReadYourWrites;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 15 target 3 (ADR 0049): a search's answer carries an ETag of the register's state and the search; asked again
 * with it while the register is unchanged, the answer is 304 and no search runs; once the register has read another
 * record, the same search is run again and answered 200 with a new tag.
 */
class SearchConditionalGetTest {

    private static SearchResults results(long logSize) {
        SearchResults.Counts none = new SearchResults.Counts(Map.of(), Map.of(), Map.of(), Map.of());
        return new SearchResults(List.of(), 0, 0, 20, logSize, none);
    }

    @Test
    @DisplayName("ADR 0049: an unchanged register answers a repeated search 304 without searching, a changed one 200 with a new ETag")
    void not_modified_until_the_register_changes() throws Exception {
        PublicRegister register = mock(PublicRegister.class);
        ReadYourWrites ryw = mock(ReadYourWrites.class);
        when(ryw.awaitPublic(isNull(), any())).thenReturn(-1L);
        when(register.logSize()).thenReturn(7L);
        when(register.find(any())).thenReturn(results(7));
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new PublicRegisterController(register, ryw)).build();

        MvcResult first = mvc.perform(get("/api/public/search").param("q", "хан")).andReturn();
        assertThat(first.getResponse().getStatus()).isEqualTo(200);
        String tag = first.getResponse().getHeader("ETag");
        assertThat(tag).isNotBlank();
        assertThat(first.getResponse().getHeader("Cache-Control")).isEqualTo("no-cache");
        verify(register, times(1)).find(any());

        MvcResult again = mvc.perform(get("/api/public/search").param("q", "хан").header("If-None-Match", tag)).andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(304);
        assertThat(again.getResponse().getContentAsByteArray()).isEmpty();
        assertThat(again.getResponse().getHeaders("ETag")).containsExactly(tag);
        verify(register, times(1)).find(any());

        MvcResult other = mvc.perform(get("/api/public/search").param("q", "tushig").header("If-None-Match", tag)).andReturn();
        assertThat(other.getResponse().getStatus()).as("another search is not the same answer").isEqualTo(200);
        assertThat(other.getResponse().getHeader("ETag")).isNotEqualTo(tag);

        when(register.logSize()).thenReturn(8L);
        when(register.find(any())).thenReturn(results(8));
        MvcResult changed = mvc.perform(get("/api/public/search").param("q", "хан").header("If-None-Match", tag)).andReturn();
        assertThat(changed.getResponse().getStatus()).isEqualTo(200);
        assertThat(changed.getResponse().getHeader("ETag")).isNotEqualTo(tag);
        assertThat(changed.getResponse().getContentAsString()).contains("\"logSize\":8");
        verify(register, times(3)).find(any());
    }
}
