package mn.registry.web;

import mn.registry.kernel.problem.RegistryProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.regex.Pattern;

/**
 * A refusal's words in the page's language (issue 16 item 2): {@code GET /problem-texts/{code}} answers the message
 * {@code problem.<code>} as plain text in the language of the page that asks (its cookie or {@code ?lang=}), so
 * {@code commands.js} shows a refusal in Mongolian on a Mongolian page, not the server's English detail. Unknown
 * codes are a 404 problem and the script then shows the detail as sent.
 */
@RestController
class ProblemTexts {

    private static final Pattern CODE = Pattern.compile("[a-z]+(?:-[a-z]+)*(?:\\.[a-z0-9]+(?:-[a-z0-9]+)*)+");

    private final MessageSource messages;

    ProblemTexts(MessageSource messages) {
        this.messages = messages;
    }

    @GetMapping(path = "/problem-texts/{code}", produces = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8")
    ResponseEntity<String> text(@PathVariable String code) {
        String text = CODE.matcher(code).matches()
                ? messages.getMessage("problem." + code, null, null, WebConfiguration.supported(LocaleContextHolder.getLocale())) : null;
        if (text == null) {
            throw new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "request.not-found", "No message for this problem code.", "code", null);
        }
        return ResponseEntity.ok(text);
    }
}
