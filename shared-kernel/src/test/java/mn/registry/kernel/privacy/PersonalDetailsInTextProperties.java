package mn.registry.kernel.privacy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the detector (002 art. 15.3): every phone number, civil registration number and e-mail address written in
 * any of the usual ways is found wherever it stands in a sentence; the registry's own numbers, dates, amounts and article
 * numbers never are.
 */
class PersonalDetailsInTextProperties {

    private static final String[] SENTENCES = {"Нөхцөл: %s.", "%s", "Contact %s for details", "Шийдвэр (%s) хүчинтэй", "%s-аас асууна"};

    @Provide
    Arbitrary<String> phones() {
        Arbitrary<String> digits = Combinators.combine(Arbitraries.of('5', '6', '7', '8', '9'), Arbitraries.strings().numeric().ofLength(7))
                .as((first, rest) -> first + rest);
        return Combinators.combine(digits, Arbitraries.of(0, 1, 2, 3, 4, 5)).as((d, style) -> switch (style) {
            case 0 -> d;
            case 1 -> d.substring(0, 4) + " " + d.substring(4);
            case 2 -> d.substring(0, 4) + "-" + d.substring(4);
            case 3 -> d.substring(0, 2) + " " + d.substring(2, 4) + " " + d.substring(4, 6) + " " + d.substring(6);
            case 4 -> "+976 " + d;
            default -> "+976-" + d.substring(0, 4) + "-" + d.substring(4);
        });
    }

    /** Every spelling the screen accepts as a phone (abuse audit F50): digit by digit, dots, dashes, parentheses, with or without 976. */
    @Provide
    Arbitrary<String> spelledOutPhones() {
        Arbitrary<String> digits = Combinators.combine(Arbitraries.of('5', '6', '7', '8', '9'), Arbitraries.strings().numeric().ofLength(7))
                .as((first, rest) -> first + rest);
        Arbitrary<String> prefixes = Arbitraries.of("", "+976 ", "976 ", "(976) ", "+976.", "+976-", "(+976) ");
        return Combinators.combine(digits, Arbitraries.of(' ', '.', '-'), Arbitraries.integers().between(0, 4), prefixes)
                .as((d, sep, style, prefix) -> prefix + switch (style) {
                    case 0 -> String.join(String.valueOf(sep), d.split(""));
                    case 1 -> d.substring(0, 4) + sep + d.substring(4);
                    case 2 -> d.substring(0, 2) + sep + d.substring(2, 4) + sep + d.substring(4, 6) + sep + d.substring(6);
                    case 3 -> "(" + d.substring(0, 2) + ") " + d.substring(2);
                    default -> d.substring(0, 4) + "(" + d.substring(4) + ")";
                });
    }

    @Property
    @Label("002 art. 15.3: a phone number spelled out to escape the screen is found in any sentence")
    void every_spelled_out_phone_is_found(@ForAll("spelledOutPhones") String phone, @ForAll("sentences") String sentence) {
        assertThat(PersonalDetailsInText.first(String.format(sentence, phone))).as(phone).get()
                .extracting(PersonalDetailsInText.Finding::kind).isEqualTo(PersonalDetailsInText.Kind.PHONE_NUMBER);
    }

    @Provide
    Arbitrary<String> civilNumbers() {
        Arbitrary<String> letters = Arbitraries.strings().withChars("АБВГДЕЁЖЗИЙКЛМНОӨПРСТУҮФХЦЧШЩЭЮЯ").ofLength(2);
        Arbitrary<LocalDate> births = Arbitraries.integers().between(0, 36_000).map(d -> LocalDate.of(1930, 1, 1).plusDays(d));
        Arbitrary<String> serial = Arbitraries.strings().numeric().ofLength(2);
        return Combinators.combine(letters, births, serial, Arbitraries.of("", " "), Arbitraries.of(true, false)).as((l, birth, s, space, latin) -> {
            int month = birth.getMonthValue() + (birth.getYear() >= 2000 ? 20 : 0);
            String digits = String.format("%02d%02d%02d%s", birth.getYear() % 100, month, birth.getDayOfMonth(), s);
            return (latin ? transliterate(l) : l) + space + digits;
        });
    }

    private static String transliterate(String cyrillic) {
        StringBuilder latin = new StringBuilder();
        for (char c : cyrillic.toCharArray()) {
            latin.append((char) ('A' + Math.floorMod(c, 26)));
        }
        return latin.toString();
    }

    @Provide
    Arbitrary<String> eMails() {
        return Combinators.combine(Arbitraries.strings().alpha().numeric().withChars('.', '_').ofMinLength(1).ofMaxLength(12).filter(s -> Character.isLetterOrDigit(s.charAt(0))),
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10), Arbitraries.of("mn", "com", "gov.mn", "org"))
                .as((local, domain, tld) -> local + "@" + domain + "." + tld);
    }

    @Provide
    Arbitrary<String> sentences() {
        return Arbitraries.of(SENTENCES);
    }

    @Property
    @Label("002 art. 15.3: a phone number in any usual form is found in any sentence")
    void every_phone_is_found(@ForAll("phones") String phone, @ForAll("sentences") String sentence) {
        assertThat(PersonalDetailsInText.first(String.format(sentence, phone))).as(phone).get()
                .extracting(PersonalDetailsInText.Finding::kind).isEqualTo(PersonalDetailsInText.Kind.PHONE_NUMBER);
    }

    @Property
    @Label("002 art. 15.3: a civil registration number, Cyrillic or Latin, is found in any sentence")
    void every_civil_number_is_found(@ForAll("civilNumbers") String number, @ForAll("sentences") String sentence) {
        assertThat(PersonalDetailsInText.first(String.format(sentence, number))).as(number).get()
                .extracting(PersonalDetailsInText.Finding::kind).isEqualTo(PersonalDetailsInText.Kind.CIVIL_REGISTRATION_NUMBER);
    }

    @Property
    @Label("002 art. 15.3: an e-mail address is found in any sentence")
    void every_e_mail_is_found(@ForAll("eMails") String address, @ForAll("sentences") String sentence) {
        assertThat(PersonalDetailsInText.first(String.format(sentence, address))).as(address).get()
                .extracting(PersonalDetailsInText.Finding::kind).isEqualTo(PersonalDetailsInText.Kind.E_MAIL_ADDRESS);
    }

    @Provide
    Arbitrary<String> registryNumbers() {
        Arbitrary<String> receipts = Combinators.combine(Arbitraries.integers().between(2000, 2100), Arbitraries.longs().between(1, 999_999))
                .as((year, serial) -> String.format("SP-%04d-%06d", year, serial));
        Arbitrary<String> dates = Combinators.combine(Arbitraries.integers().between(0, 40_000), Arbitraries.of("yyyy-MM-dd", "dd.MM.yyyy", "yyyy.MM.dd", "yyyyMMdd", "dd/MM/yyyy"))
                .as((d, pattern) -> LocalDate.of(2000, 1, 1).plusDays(d).format(DateTimeFormatter.ofPattern(pattern)));
        Arbitrary<String> amounts = Arbitraries.longs().between(1, 999_999_999_999L)
                .map(a -> String.format("%,d", a).replace(',', ' ') + " төгрөг");
        Arbitrary<String> bareAmounts = Arbitraries.longs().between(1, 999_999_999_999L).map(a -> String.format("%,d", a).replace(',', ' '));
        Arbitrary<String> articles = Combinators.combine(Arbitraries.of("001", "002", "003"), Arbitraries.integers().between(1, 60),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 9)).as((law, a, b, c) -> law + " art. " + a + "." + b + "." + c);
        Arbitrary<String> companies = Arbitraries.integers().between(1_000_000, 9_999_999).map(n -> "ХХК, регистр " + n);
        return Arbitraries.oneOf(receipts, dates, amounts, bareAmounts, articles, companies);
    }

    @Property
    @Label("002 art. 15.3: receipt and permit numbers, dates, amounts, article numbers and company registration numbers are never a person's details")
    void registry_numbers_are_never_found(@ForAll("registryNumbers") String text, @ForAll("sentences") String sentence) {
        assertThat(PersonalDetailsInText.first(String.format(sentence, text))).as(text).isEmpty();
    }

    @Property
    @Label("002 art. 15.3 (F601, was O474; ADR 0046 item 175): every e-mail address written with the word at and a real dot is found in any sentence")
    void every_e_mail_written_with_the_word_at_is_found(@ForAll("eMails") String address, @ForAll("sentences") String sentence,
                                                        @ForAll("theWordAt") String at) {
        String written = address.replace("@", at);
        assertThat(PersonalDetailsInText.first(String.format(sentence, written))).as(written).get()
                .extracting(PersonalDetailsInText.Finding::kind).isEqualTo(PersonalDetailsInText.Kind.E_MAIL_ADDRESS);
    }

    @Provide
    Arbitrary<String> theWordAt() {
        return Arbitraries.of(" at ", " AT ", " At ", " эт ", " ЭТ ");
    }
}
