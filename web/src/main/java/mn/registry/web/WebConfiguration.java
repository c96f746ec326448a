package mn.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Languages of the web pages: Mongolian (Cyrillic, the default) and English, from {@code i18n/messages_mn.properties}
 * and {@code i18n/messages_en.properties}. {@code ?lang=mn|en} on any page switches and is remembered in a cookie.
 */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

    static final Locale MONGOLIAN = Locale.forLanguageTag("mn");
    static final List<Locale> LANGUAGES = List.of(MONGOLIAN, Locale.ENGLISH);
    static final String LANG_COOKIE = "registry-lang";

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new LawNamingMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        // no messages.properties and no system-locale fallback: a key missing in one language shows as ??key_lang??
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(LANG_COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(request -> supported(request.getLocale()));
        return resolver;
    }

    /**
     * The messages with every article reference in the page's words ({@link LawNames}): "(002 art. 26.1)" reads
     * "(Law on Electronic Signatures, art. 26.1)". The messages keep the code's short form, which tests and the rulebook
     * trace; only what a reader sees is rewritten. A message with arguments is rewritten before it is formatted, so an
     * argument is never taken for a reference.
     */
    static final class LawNamingMessageSource extends ResourceBundleMessageSource {
        private final java.util.Map<String, MessageFormat> formats = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        protected String resolveCodeWithoutArguments(String code, Locale locale) {
            String text = super.resolveCodeWithoutArguments(code, locale);
            return code.startsWith("extract.") ? text : LawNames.inWords(text, locale, key -> super.resolveCodeWithoutArguments(key, locale));
        }

        @Override
        protected MessageFormat resolveCode(String code, Locale locale) {
            MessageFormat plain = super.resolveCode(code, locale);
            if (plain == null || code.startsWith("extract.")) {
                return plain;
            }
            return formats.computeIfAbsent(locale.toLanguageTag() + "\u0000" + code, k -> {
                String pattern = plain.toPattern();
                String named = LawNames.inWords(pattern, locale, key -> super.resolveCodeWithoutArguments(key, locale));
                return named.equals(pattern) ? plain : new MessageFormat(named, locale);
            });
        }
    }

    /** The supported language closest to {@code wanted}: English for English, Mongolian otherwise. */
    static Locale supported(Locale wanted) {
        return wanted != null && "en".equals(wanted.getLanguage()) ? Locale.ENGLISH : MONGOLIAN;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageSwitch(localeResolver())).excludePathPatterns("/api/**");
    }

    /** Applies {@code ?lang=} when it names a supported language; anything else is ignored. */
    record LanguageSwitch(LocaleResolver resolver) implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String lang = request.getParameter("lang");
            LANGUAGES.stream().filter(l -> l.getLanguage().equals(lang)).findFirst()
                    .ifPresent(locale -> resolver.setLocale(request, response, locale));
            return true;
        }
    }
}
