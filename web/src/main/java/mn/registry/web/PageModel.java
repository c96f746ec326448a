package mn.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import mn.registry.infrastructure.RegistryProperties;
import mn.registry.infrastructure.identity.Actor;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Optional;

/** What the layout of every page needs: the language and its switch, the CSRF token, who is signed in, demo mode. */
@ControllerAdvice(basePackages = "mn.registry.web")
class PageModel {

    private final CsrfTokens csrf;
    private final StaffSession staff;
    private final RegistryProperties properties;

    PageModel(CsrfTokens csrf, StaffSession staff, RegistryProperties properties) {
        this.csrf = csrf;
        this.staff = staff;
        this.properties = properties;
    }

    @ModelAttribute("csrf")
    String csrf(HttpServletRequest request, HttpServletResponse response) {
        return csrf.tokenFor(request, response);
    }

    @ModelAttribute("lang")
    String lang() {
        return WebConfiguration.supported(LocaleContextHolder.getLocale()).getLanguage();
    }

    /** This page in the other language. */
    @ModelAttribute("otherLangUrl")
    String otherLangUrl(HttpServletRequest request) {
        String other = "en".equals(lang()) ? "mn" : "en";
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString()).replaceQueryParam("lang", other).build().toUriString();
    }

    @ModelAttribute("me")
    Actor me(HttpServletRequest request) {
        Optional<Actor> actor = staff.current(request);
        return actor.orElse(null);
    }

    @ModelAttribute("demo")
    boolean demo() {
        return properties.demo();
    }
}
