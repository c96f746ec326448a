package mn.registry.log.query;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/**
 * The hot path of {@code GET /api/public/proof/{logIndex}}: a servlet filter answers a valid index of the latest
 * checkpoint with the cached proof bytes directly, skipping Spring MVC's dispatch (handler lookup, argument
 * resolution, content negotiation), which cost far more than the map lookup behind it. Anything else (a bad or unknown
 * index, no checkpoint yet, another method) goes on to {@link PublicLogController#proof}, which answers it or its
 * problem exactly as before.
 */
@Configuration
class ProofFastPath {

    @Bean
    FilterRegistrationBean<Filter> proofFastPathFilter(PublicLogController controller) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProofFilter(controller));
        registration.addUrlPatterns("/api/public/proof/*");
        registration.setName("proofFastPath");
        return registration;
    }

    static final class ProofFilter implements Filter {
        private static final String PREFIX = "/api/public/proof/";
        private final PublicLogController controller;

        ProofFilter(PublicLogController controller) {
            this.controller = controller;
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) req;
            if ("GET".equals(request.getMethod())) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                byte[] body = path.startsWith(PREFIX) ? controller.servableProof(path.substring(PREFIX.length())) : null;
                if (body != null) {
                    HttpServletResponse response = (HttpServletResponse) res;
                    response.setStatus(200);
                    response.setContentType("text/plain;charset=UTF-8");
                    response.setContentLength(body.length);
                    response.getOutputStream().write(body);
                    return;
                }
            }
            chain.doFilter(req, res);
        }
    }
}
