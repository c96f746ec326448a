package mn.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import mn.registry.kernel.problem.RegistryProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Error pages for browsers (issue 16 item 6): a request that asks for HTML ({@code Accept: text/html}) outside
 * {@code /api/} gets a 404, 403 or 500 page in the page's language; every other client keeps the problem+json of
 * {@code ProblemResponses}. The resolver runs before the problem+json handlers and steps aside (returns null) for
 * API clients and for refusals a page does not name (400s of malformed input stay problem+json).
 */
@Component
class ErrorPages implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final PageModel page;

    ErrorPages(PageModel page) {
        this.page = page;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (!wantsHtml(request) || response.isCommitted()) {
            return null;
        }
        int status = statusOf(e);
        if (status == 0) {
            return null;
        }
        if (status >= 500) {
            log.error("unexpected failure while rendering a page", e);
        }
        // rendered here, not forwarded to a path of its own: no URL answers with an error page on request
        ModelAndView view = new ModelAndView(switch (status) {
            case 403 -> "forbidden";
            case 404 -> "notfound";
            default -> "failure";
        });
        view.setStatus(HttpStatus.valueOf(status));
        view.addObject("csrf", page.csrf(request, response));
        view.addObject("lang", page.lang());
        view.addObject("otherLangUrl", page.otherLangUrl(request));
        view.addObject("me", page.me(request));
        view.addObject("demo", page.demo());
        return view;
    }

    /** 404, 403 or 500 for what a page shows in words; 0 for what stays problem+json. */
    static int statusOf(Exception e) {
        if (e instanceof NoResourceFoundException) {
            return 404;
        }
        if (e instanceof RegistryProblem p) {
            return switch (p.kind()) {
                case NOT_FOUND -> 404;
                case FORBIDDEN -> 403;
                default -> 0;
            };
        }
        if (e instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
            return framework.getStatusCode().value() == 404 ? 404 : 0;
        }
        return 500;
    }

    /** A browser navigating: it names text/html in Accept, and the path is not the API's. */
    static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        String path = request.getRequestURI();
        return accept != null && accept.contains("text/html") && path != null && !path.startsWith("/api/");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
