package mn.registry.kernel.privacy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The abuse audit (docs/abuse-audit.md) of the detector: a dishonest official who wants a person's details published gets
 * them past a screen that reads only ASCII digits and same-script letters by hiding them in Unicode: an invisible character
 * inside the number, full-width or Arabic-Indic digits, a Latin letter among the Cyrillic ones of a civil number, a small or
 * full-width at sign, an ideographic full stop. Each is found as the detail it reads as.
 */
class PersonalDetailsConfusablesTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "CIVIL_REGISTRATION_NUMBER | director YБ03321314",
            "CIVIL_REGISTRATION_NUMBER | director УB 03321314",
            "CIVIL_REGISTRATION_NUMBER | director УБ\u200B03321314",
            "CIVIL_REGISTRATION_NUMBER | director УБ０３３２１３１４",
            "PHONE_NUMBER | call 9911\u200B2233",
            "PHONE_NUMBER | call 9911\u00AD2233",
            "PHONE_NUMBER | call 99\u20601122\u200D33",
            "PHONE_NUMBER | call ９９１１２２３３",
            "PHONE_NUMBER | call ٩٩١١٢٢٣٣",
            "PHONE_NUMBER | call ᠙᠙᠑᠑᠒᠒᠓᠓",
            "E_MAIL_ADDRESS | write to bat\u200B@tamga.mn",
            "E_MAIL_ADDRESS | write to bat﹫tamga.mn",
            "E_MAIL_ADDRESS | write to bat@tamga。mn",
            "E_MAIL_ADDRESS | write to ｂａｔ＠ｔａｍｇａ．ｍｎ"})
    @DisplayName("002 art. 15.3: a detail hidden with invisible characters, other digits, mixed scripts or look-alike signs is found")
    void hidden_details_are_found(PersonalDetailsInText.Kind kind, String text) {
        assertThat(PersonalDetailsInText.first(text)).as(text).get().extracting(PersonalDetailsInText.Finding::kind).isEqualTo(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Issuing signature certificates ①", "fee 90 000 000 ₮, ﬁnal", "Article 27.1.3 ², lot AB12345678", "SP-2026-000001\u200B",
            "2026-03-15 Улаанбаатар", "Ｌｏｔ １２"})
    @DisplayName("002 art. 15.3: text whose Unicode forms fold to ordinary text without a detail still passes")
    void folded_text_without_details_passes(String text) {
        assertThat(PersonalDetailsInText.first(text)).as(text).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"contact 9911 - 2233", "contact 9911 – 2233", "contact 9911—2233", "contact 9911 — 2233", "contact 9911−2233",
            "contact 9911―2233", "contact 99 – 11 – 22 – 33", "contact 9911 -2233", "contact 9911- 2233", "contact 9911﹘2233"})
    @DisplayName("002 art. 15.3, domain-rules §5 (abuse audit F149): a phone number written as people write it, its halves joined by a dash "
            + "between spaces, an em dash, a minus sign or a horizontal bar, is found")
    void phone_numbers_joined_by_any_dash_are_found(String text) {
        assertThat(PersonalDetailsInText.first(text)).as(text).get().extracting(PersonalDetailsInText.Finding::kind)
                .isEqualTo(PersonalDetailsInText.Kind.PHONE_NUMBER);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"valid 2026 – 2031", "from 2026-03-15 — 2026-04-15", "fee 95 000 000 – 99 000 000 ₮", "articles 27.1 – 27.3",
            "lots 5 – 6 – 7 – 8", "pages 12 — 34, 56 — 78"})
    @DisplayName("domain-rules §5 (abuse audit F149): ranges of years, dates, amounts, articles and lots joined by the same dashes still pass")
    void ranges_joined_by_dashes_pass(String text) {
        assertThat(PersonalDetailsInText.first(text)).as(text).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"РД УБ—03321314", "РД УБ – 03321314", "РД УБ:03321314", "РД УБ №03321314", "РД УБ. 03321314", "РД УБ  03321314",
            "РД УБ 0332 1314", "РД УБ 03-32-13-14", "RD UB—03321314", "RD UB: 03321314", "director УБ – 0332 1314"})
    @DisplayName("002 art. 15.3, domain-rules §5 (abuse audit F150): a civil registration number whose digits read as a birth date of 2000-2049 "
            + "(so not as a phone) is found when its letters and digits are joined by a dash between spaces, an em dash, a colon, a number sign, "
            + "a dot or two spaces, or its digits are written in groups")
    void civil_numbers_written_loosely_are_found(String text) {
        assertThat(PersonalDetailsInText.first(text)).as(text).get().extracting(PersonalDetailsInText.Finding::kind)
                .isEqualTo(PersonalDetailsInText.Kind.CIVIL_REGISTRATION_NUMBER);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"decision ТЗ 2026 0001", "lot АБ 1234 5678", "order №: 2026 0315", "ХХК 0332 1314", "see УБ 27.1.3 and 2026-03-15",
            "lot AB 12-34-56-78", "ЗГ №2026 0315", "ТЗ 2025 1201", "ЗГ: 2031-01-01"})
    @DisplayName("domain-rules §5 (abuse audit F150): two letters before grouped digits that read as no birth date, or three letters, still pass")
    void grouped_numbers_that_are_no_birth_date_pass(String text) {
        assertThat(PersonalDetailsInText.first(text)).as(text).isEmpty();
    }
}
