package mn.registry.web;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class LawNamesTest {

    private static final Locale MN = Locale.forLanguageTag("mn");
    private final MessageSource messages = WebFixtures.messages();

    private String inWords(String text, Locale locale) {
        return LawNames.inWords(text, locale, key -> messages.getMessage(key, null, null, locale));
    }

    @Test
    @DisplayName("a reference names its law in the page's language, one article or a list, in either short form the messages use")
    void references_name_the_law() {
        assertThat(inWords("decided within 17 working days (002 art. 26.1).", Locale.ENGLISH))
                .isEqualTo("decided within 17 working days (Law on Electronic Signatures, art. 26.1).");
        assertThat(inWords("(002 art. 27.2, 27.5) and 003 art. 12.5.1", Locale.ENGLISH))
                .isEqualTo("(Law on Electronic Signatures, art. 27.2, 27.5) and Law on Free Zone, art. 12.5.1");
        assertThat(inWords("яам 5 ажлын өдөрт шийднэ (002 х. 28.1, 28.4).", MN))
                .isEqualTo("яам 5 ажлын өдөрт шийднэ (Цахим гарын үсгийн тухай хууль, 28.1, 28.4-р зүйл).");
        assertThat(inWords("001 art. 23.1.1", MN)).isEqualTo("Мэдээллийн технологийн тухай хууль, 23.1.1-р зүйл");
        // what is not a reference stays: a year, a receipt number, a law outside the three
        assertThat(inWords("SP-2026-000001, 004 art. 3, 2002 art. 1", Locale.ENGLISH)).isEqualTo("SP-2026-000001, 004 art. 3, 2002 art. 1");
    }

    @Test
    @DisplayName("the pages' messages read with the law's name, with and without arguments; an argument is never rewritten")
    void messages_read_with_the_laws_name() {
        assertThat(messages.getMessage("tax.explain", null, MN)).contains("Цахим гарын үсгийн тухай хууль, 28.1-р зүйл").doesNotContain("002 х.");
        assertThat(messages.getMessage("tax.explain", null, Locale.ENGLISH)).contains("Law on Electronic Signatures, art. 28.1").doesNotContain("002 art.");
        String withArgument = messages.getMessage("governor.report.signed", new Object[]{"002 art. 1", "today"}, Locale.ENGLISH);
        assertThat(withArgument).isEqualTo("Signed by 002 art. 1, received by the registry at today");
        assertThat(messages.getMessage("extract.law.002", null, MN)).isEqualTo("Цахим гарын үсгийн тухай хууль");
    }
}
