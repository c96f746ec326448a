package mn.registry.infrastructure.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A client that goes away while its answer is written (a reader closing the disclosure feed's stream) is no failure of the
 * registry: no ERROR with a stack trace in the operator's log, as `PublicFeedEndToEndTest` printed; a real failure still is one.
 */
class ProblemResponsesClientGoneTest {

    @RestController
    static class Failing {
        @GetMapping("/gone")
        String gone() throws AsyncRequestNotUsableException {
            throw new AsyncRequestNotUsableException("ServletOutputStream failed to flush: java.io.IOException: Broken pipe");
        }

        @GetMapping("/broken")
        String broken() {
            throw new IllegalStateException("a bug");
        }
    }

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ProblemResponses.class);
    private MockMvc mvc;

    @BeforeEach
    void capture() {
        logged.start();
        logger.addAppender(logged);
        mvc = MockMvcBuilders.standaloneSetup(new Failing()).setControllerAdvice(new ProblemResponses()).build();
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
    }

    @Test
    @DisplayName("a client gone while its answer is written is logged at debug, not as an unexpected failure; a bug still is an ERROR and a 500")
    void a_client_gone_is_no_failure() throws Exception {
        mvc.perform(get("/gone"));
        assertThat(logged.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
        mvc.perform(get("/broken")).andExpect(status().isInternalServerError());
        assertThat(logged.list).anyMatch(e -> e.getLevel() == Level.ERROR && e.getFormattedMessage().contains("unexpected failure"));
    }
}
