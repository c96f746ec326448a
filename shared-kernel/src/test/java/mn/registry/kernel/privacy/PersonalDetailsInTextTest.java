package mn.registry.kernel.privacy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The detector of a person's details in free text, by example: what a careless or dishonest official types, and what is not a person's. */
class PersonalDetailsInTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"УБ99010112", "уб99010112", "УБ 99010112", "Иргэн ЧГ85121314-ийн хүсэлтээр", "reg: ӨҮ01231234",
            "UB99010112", "UB 99010112", "citizen UB 05270112 asked", "УБ-99010112"})
    @DisplayName("002 art. 15.3: a civil registration number is found, in Cyrillic or Latin, with or without a space")
    void civil_registration_numbers_are_found(String text) {
        assertThat(PersonalDetailsInText.first(text)).as(text).get().extracting(PersonalDetailsInText.Finding::kind)
                .isEqualTo(PersonalDetailsInText.Kind.CIVIL_REGISTRATION_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"99112233", "утас: 99112233", "Утас 9911 2233", "9911-2233", "99 11 22 33", "+976 99112233", "+97699112233",
            "+976-7011-2233", "(976) 8811 2233", "(+976) 8811-2233", "00976 95112233", "976 99112233", "tel.88112233", "contact 70112233-аас",
            "Лот 12 99112233", "2025 9911 2233", "тел:99112233"})
    @DisplayName("002 art. 15.3: a Mongolian phone number is found, whole, grouped, with +976")
    void phone_numbers_are_found(String text) {
        assertThat(PersonalDetailsInText.first(text)).as(text).get().extracting(PersonalDetailsInText.Finding::kind)
                .isEqualTo(PersonalDetailsInText.Kind.PHONE_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bat@gmail.com", "Contact: Bat.Erdene+permits@mail.gov.mn.", "батаа@жишээ.мн", "bat [at] gmail [dot] com",
            "bat(at)example.mn", "bat @ gmail.com", "bat＠gmail.com"})
    @DisplayName("002 art. 15.3: an e-mail address is found, also written with [at]")
    void e_mail_addresses_are_found(String text) {
        assertThat(PersonalDetailsInText.first(text)).as(text).get().extracting(PersonalDetailsInText.Finding::kind)
                .isEqualTo(PersonalDetailsInText.Kind.E_MAIL_ADDRESS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SP-2026-000001", "permit SP-2026-000123 of 2026-03-15", "altanbulag:cn-91152599", "registration 6301001",
            "15.03.2026", "2026-03-15T10:00:00Z", "31.12.2026", "2026.12.31", "20261231", "002 art. 27.1.3", "003 art. 12.5.1, 22.6",
            "Governor decision 2026/71", "Government resolution No. 123 of 2026", "90 000 000 төгрөг", "90 000 000", "12 500 000 MNT",
            "90000000 төгрөг", "₮90000000", "45000000", "1 290 000 000", "lots 5 6 7 8 9 10 11 12", "45.5 га", "106.44, 50.315",
            "Keep the certificate database in Mongolia", "Монгол улсын нутаг дэвсгэрт мэдээллийн санг хадгална", "",
            "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "room 1201, building 8, 14200 Ulaanbaatar",
            "Сүхбаатар дүүрэг, 1-р хороо, Энх тайваны өргөн чөлөө 15А", "No 20260315", "ХХК 2026", "2026 2027 2028 2029",
            "user at home", "tax year 2025-2026", "+976", "18 months, 12 consecutive months",
            "Шийдвэр (976 000 000 000 төгрөг) хүчинтэй", "(976 500 000 000)", "(1 976 000 000)"})
    @DisplayName("002 art. 15.3: permit and registration numbers, dates, amounts, article numbers and addresses are not a person's details")
    void false_positives_pass(String text) {
        assertThat(PersonalDetailsInText.first(text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9 9 1 1 2 2 3 3", "утас 9 9 1 1 2 2 3 3-аас", "9911.2233", "99.11.22.33", "99-11-22-33", "(976) 9911 2233",
            "976 9911 2233", "(976 9911 2233)", "(976 991 122 33)", "+976 000 000 000", "+976.9911.2233", "9911(2233)", "(99) 11 22 33", "call 8811.2233.", "5678.1234"})
    @DisplayName("002 art. 15.3: a phone number spelled out to escape the screen, digit by digit, with dots, dashes or parentheses, is found")
    void phone_numbers_spelled_out_are_found(String text) {
        assertThat(PersonalDetailsInText.first(text)).as(text).get().extracting(PersonalDetailsInText.Finding::kind)
                .isEqualTo(PersonalDetailsInText.Kind.PHONE_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bat @ tamga . mn", "bat [at] tamga [dot] mn", "bat at tamga dot mn", "Bat AT Tamga DOT Mn", "bat (at) tamga (dot) mn",
            "bat@tamga . gov . mn", "bat at mail dot tamga dot mn"})
    @DisplayName("002 art. 15.3: an e-mail address spelled out to escape the screen, with spaces or the words at and dot, is found")
    void e_mail_addresses_spelled_out_are_found(String text) {
        assertThat(PersonalDetailsInText.first(text)).as(text).get().extracting(PersonalDetailsInText.Finding::kind)
                .isEqualTo(PersonalDetailsInText.Kind.E_MAIL_ADDRESS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234.5678", "1, 2, 3", "2026.12.04", "SP-2026-000001", "12 345.67 m²", "art. 12.5.1", "002 art. 12.5.1",
            "91.640000", "106.917282, 47.918873", "5678.1234 га", "1 2 3 4 5 6 7", "lots 5 6 7 8 9 10 11 12", "we meet at noon. Then",
            "user at home", "1.2.3.4.5.6.7.8.9", "15.03.2026 99.5%", "The permit is at the office dot matrix", "section 9.9.1"})
    @DisplayName("002 art. 15.3: decimals, lists, dotted dates, registry numbers, areas and article numbers are not read as a spelled-out detail")
    void spelled_out_false_positives_pass(String text) {
        assertThat(PersonalDetailsInText.first(text)).as(text).isEmpty();
    }

    @org.junit.jupiter.api.Test
    @DisplayName("002 art. 15.3: the finding says where the detail is and never repeats it")
    void finding_names_the_place() {
        PersonalDetailsInText.Finding finding = PersonalDetailsInText.first("call 9911 2233 now").orElseThrow();
        assertThat(finding.start()).isEqualTo(5);
        assertThat(finding.end()).isEqualTo(14);
        assertThat(finding.toString()).doesNotContain("9911");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ub03321314", "Ub03321314", "uB-03321314", "The director (ub03321314) signs", "civil no. Ub-85031512 signs"})
    @DisplayName("002 art. 15.3 (F598; ADR 0046 item 172, session 32's red team): a civil number's Latin letters in small or mixed case, joined "
            + "to the digits or by a dash, are the same number: found when the digits read as a birth date")
    void a_civil_number_in_small_latin_letters_is_found(String text) {
        assertThat(PersonalDetailsInText.first(text)).as(text).get().extracting(PersonalDetailsInText.Finding::kind)
                .isEqualTo(PersonalDetailsInText.Kind.CIVIL_REGISTRATION_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"У Б 03321314", "У.Б.03321314", "у.б. 03321314", "У. Б. 03321314", "U. B. 03321314", "The director, У Б-03321314, signs"})
    @DisplayName("002 art. 15.3 (F599; ADR 0046 item 173, session 32's red team): a civil number's two letters apart, a space or a dot after "
            + "each, are the same number: found when the digits read as a birth date")
    void a_civil_number_with_its_letters_apart_is_found(String text) {
        assertThat(PersonalDetailsInText.first(text)).as(text).get().extracting(PersonalDetailsInText.Finding::kind)
                .isEqualTo(PersonalDetailsInText.Kind.CIVIL_REGISTRATION_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab03321314f0e9", "hash ab03321314cafe", "cn-91152599", "No 20260315", "order no 03321314", "A.B.20260315",
            "ref x-03321314", "ub 2026 0315", "lot ab13451299"})
    @DisplayName("002 art. 15.3 (F598, F599): hashes, identifiers, a year-like number and digits that read as no birth date pass as before")
    void civil_numbers_written_otherwise_leave_identifiers_alone(String text) {
        assertThat(PersonalDetailsInText.first(text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bat at tamga.mn", "Write to bat.erdene at mail.gov.mn.", "see us at tamga.mn", "Bat AT Tamga.MN", "бат эт тамга.мн",
            "Нөхцөл: bat_01 at gmail.com-оор асууна"})
    @DisplayName("002 art. 15.3, 30.1 (F601, was O474; ADR 0046 item 175, choice): a word, the word at and a host with a real dot is an e-mail")
    void an_e_mail_written_with_the_word_at_is_found(String text) {
        assertThat(PersonalDetailsInText.first(text)).as(text).get().extracting(PersonalDetailsInText.Finding::kind)
                .isEqualTo(PersonalDetailsInText.Kind.E_MAIL_ADDRESS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"see www.tamga.mn", "https://tamga.mn", "see us at www.tamga.mn", "see us at https://tamga.mn/permits",
            "we meet at noon. Then", "user at home", "signed at 15.03.2026", "at art. 27.4", "the office at Sukhbaatar district. Then"})
    @DisplayName("002 art. 15.3 (F601; item 175): a web address written with www. or https://, and the word at before no host, pass")
    void web_addresses_and_the_word_at_before_no_host_pass(String text) {
        assertThat(PersonalDetailsInText.first(text)).as(text).isEmpty();
    }
}
