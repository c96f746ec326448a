package mn.registry.infrastructure.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.Writer;

/**
 * Tomcat's answer to a request it refuses before the application sees it (a header larger than the limit, a
 * request line it cannot parse, a character it does not allow in a URL): problem+json like every other refusal,
 * instead of Tomcat's HTML page, and never a stack trace or a server version. Installed on the host by
 * {@link WebErrorConfiguration}; public because Tomcat creates it by class name.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(WebErrorConfiguration.problemJson(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is already committed: nothing more to say
        }
    }
}
