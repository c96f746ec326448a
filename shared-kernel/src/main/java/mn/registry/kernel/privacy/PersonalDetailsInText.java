package mn.registry.kernel.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a natural person's details in free text (domain-rules §5: "civil registration numbers, phone, e-mail"): a
 * Mongolian civil registration number (two Cyrillic letters and eight digits, {@code УБ99010112}, with or without a
 * space, or its Latin transliteration {@code UB99010112} when the digits read as a birth date), a Mongolian phone number
 * (eight digits starting 5-9, written whole or in groups of at least two digits joined by a space or a dash, or any eight
 * digits after {@code +976}/{@code 00976}) and an e-mail address (also written with {@code [at]} or {@code (at)}).
 *
 * <p>What it lets pass, on purpose: receipt and permit numbers ({@code SP-2026-000001}), identifiers that join digits to
 * letters ({@code cn-91152599}, hashes), dates ({@code 2026-03-15}, {@code 15.03.2026}), amounts written with thousands
 * groups ({@code 90 000 000}) or a currency ({@code 90000000 төгрөг}), article numbers ({@code 27.1.3}), 7-digit company
 * registration numbers. A bare eight-digit number starting 5-9 with no currency is read as a phone number: write amounts
 * with their currency or thousands groups. Pure, no I/O; a few microseconds per field.
 */
public final class PersonalDetailsInText {

    /** What was found; never the text itself, so that a refusal does not repeat the detail it refuses. */
    public enum Kind {
        CIVIL_REGISTRATION_NUMBER("a civil registration number"),
        PHONE_NUMBER("a phone number"),
        E_MAIL_ADDRESS("an e-mail address");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** A detail of {@code kind} at characters {@code start} (inclusive) to {@code end} (exclusive). */
    public record Finding(Kind kind, int start, int end) {
    }

    private static final String SEPARATORS = " \u00A0\u202F-\u2010\u2011\u2012\u2013";

    // two Cyrillic letters (Mongolian alphabet) not inside a word, an optional space or dash, eight digits not followed by a digit;
    // a Latin look-alike among them (YБ, УB) is the same number hidden (abuse audit): two letters of which at least one is Cyrillic
    private static final Pattern CIVIL_CYRILLIC = Pattern.compile(
            "(?<!\\p{L})(?:[\\p{IsCyrillic}&&\\p{L}][\\p{IsCyrillic}\\p{IsLatin}&&\\p{L}]|[\\p{IsLatin}&&\\p{L}][\\p{IsCyrillic}&&\\p{L}])[ \u00A0\\-]?\\d{8}(?!\\d)");
    // the Latin transliteration: two capital letters; only when the digits read as a birth date (yy, mm or mm+20, dd)
    private static final Pattern CIVIL_LATIN = Pattern.compile("(?<![\\p{L}\\p{N}])[A-Z]{2}[ \u00A0\\-]?(\\d{8})(?!\\d)");
    // abuse audit F150: the same two letters joined to the digits by a dash of any kind, a colon, a dot or a number sign (with at most two
    // spaces about it), or by two spaces, and the eight digits in pairs with at most one space, dot or dash between them ("УБ – 0332 1314",
    // "UB: 03-32-13-14"); read as a civil number only when the digits read as a birth date, as the Latin form is
    private static final String LOOSE_JOIN = "(?:[ \u00A0]{0,2}(?:[:.#\\-\u2010-\u2015\u2212]|(?:No|N\u00B0)\\.?)[ \u00A0]{0,2}|[ \u00A0]{1,2})?"; // \u2116 is No once read
    private static final String PAIR_JOIN = "[ \u00A0.\\-\u2010-\u2015\u2212]?";
    private static final Pattern CIVIL_LOOSE = Pattern.compile("(?<![\\p{L}\\p{N}])(?:[\\p{IsCyrillic}&&\\p{L}][\\p{IsCyrillic}\\p{IsLatin}&&\\p{L}]"
            + "|[\\p{IsLatin}&&\\p{L}][\\p{IsCyrillic}&&\\p{L}]|[A-Z]{2})" + LOOSE_JOIN + "(\\d{2})" + PAIR_JOIN + "(\\d{2})" + PAIR_JOIN + "(\\d{2})"
            + PAIR_JOIN + "(\\d{2})(?!\\d)");
    // abuse audit F598, F599 (session 32's red team): the same number written otherwise, read only when the digits read as a birth date (and
    // not as a year 2020 or later, as the loose form): its Latin letters in small or mixed case joined to the digits or by a dash ("ub03321314",
    // "Ub-03321314"; F598), or its two letters apart, a space or a dot after each ("У Б 03321314", "У.Б.03321314", "U. B. 03321314"; F599)
    private static final Pattern CIVIL_SMALL_LATIN = Pattern.compile("(?<![\\p{L}\\p{N}])(?=[A-Za-z]{2}-?\\d)(?![A-Z]{2})[A-Za-z]{2}-?(\\d{8})(?![\\p{L}\\p{N}])");
    private static final Pattern CIVIL_LETTERS_APART = Pattern.compile("(?<![\\p{L}\\p{N}])(?:[\\p{IsCyrillic}&&\\p{L}]|[A-Z])\\.?[ \u00A0]?"
            + "(?<=[ .\u00A0])(?:[\\p{IsCyrillic}&&\\p{L}]|[A-Z])\\.?[ \u00A0\\-]?(\\d{8})(?![\\p{L}\\p{N}])");
    // a dot may stand between spaces ("bat @ tamga . mn", abuse audit F50): the at sign, [at] or (at) says it is an address
    private static final Pattern E_MAIL = Pattern.compile(
            "[\\p{L}\\p{N}._%+\\-]+\\s?(?:@|\uFF20|\\[at]|\\(at\\))\\s?[\\p{L}\\p{N}\\-]+(?:(?:\\s?\\.\\s?|\\s?\\[dot]\\s?|\\s?\\(dot\\)\\s?)[\\p{L}\\p{N}\\-]+)*"
                    + "(?:\\s?\\.\\s?|\\s?\\[dot]\\s?|\\s?\\(dot\\)\\s?)\\p{L}{2,}(?!\\p{L})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    // "bat at tamga dot mn" (abuse audit F50): the words at and dot, each between spaces; "user at home" has no dot and passes
    private static final Pattern E_MAIL_IN_WORDS = Pattern.compile(
            "[\\p{L}\\p{N}._%+\\-]+\\s+at\\s+[\\p{L}\\p{N}\\-]+(?:\\s+dot\\s+[\\p{L}\\p{N}\\-]+)*\\s+dot\\s+\\p{L}{2,}(?!\\p{L})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    // abuse audit F601 (was O474; ADR 0046 item 175, choice): "bat at tamga.mn", a word, the word at (or the Mongolian эт) and a host with a
    // real dot and a top-level domain, is an e-mail; a web address is written with "www." or "https://" and passes ("see us at
    // www.tamga.mn"), so "see us at tamga.mn" reads as an e-mail too
    private static final Pattern E_MAIL_WITH_THE_WORD_AT = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+\\-])[\\p{L}\\p{N}._%+\\-]+\\s+(?:at|эт)\\s+(?!www\\.)[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)*"
                    + "\\.\\p{L}{2,}(?![\\p{L}\\p{N}])(?!\\.[\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern CURRENCY_AFTER = Pattern.compile("^\\s?(?:₮|\\$|€|¥|төг|tug|tög|mnt|usd|eur|cny|rub|доллар|юан|сая|мянга|га\\b|ha\\b|m²|м²|m2|м2|km|км|%)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern CURRENCY_BEFORE = Pattern.compile("(?:₮|\\$|€|¥|mnt|usd|eur|cny)\\s?$", Pattern.CASE_INSENSITIVE);

    private PersonalDetailsInText() {
    }

    /** Whether {@code text} holds any of the details. */
    public static boolean in(String text) {
        return first(text).isPresent();
    }

    /** The first detail in {@code text} (the earliest; a civil number before the phone number its digits also make). */
    public static Optional<Finding> first(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        text = asRead(text);
        List<Finding> found = new ArrayList<>(3);
        if (atLeastEightDigits(text)) { // a civil number and a phone number both have eight digits: most text has fewer
            String read = text;
            Optional<Finding> civil = eightDigitsInARow(text) ? civilNumber(text).or(() -> civilNumberWrittenOtherwise(read))
                    : Optional.empty(); // a civil number's digits are written together
            (civil.isPresent() ? civil : looseCivilNumber(text)).ifPresent(found::add); // ... or not quite (abuse audit F150)
            phoneNumber(text).ifPresent(found::add);
        }
        eMail(text).ifPresent(found::add);
        return found.stream().min(java.util.Comparator.comparingInt(Finding::start).thenComparing(Finding::kind));
    }

    /**
     * The text as a reader sees it (abuse audit, docs/abuse-audit.md): compatibility forms folded (NFKC: full-width digits and
     * letters, the small and full-width at sign), invisible format characters dropped (zero-width space and joiners, soft
     * hyphen, word joiner, direction marks), every decimal digit of any script read as its value, the ideographic full stop
     * read as a dot. Offsets of a {@link Finding} are in this text. Text that is already plain comes back as it is.
     */
    public static String asRead(String text) {
        if (isPlain(text)) {
            return text;
        }
        String folded = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
        StringBuilder read = new StringBuilder(folded.length());
        folded.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.FORMAT) {
                return;
            }
            if (Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER && (c < '0' || c > '9')) {
                read.append((char) ('0' + Character.digit(c, 10)));
            } else if (c == '\u3002' || c == '\uFF61') {
                read.append('.');
            } else {
                read.appendCodePoint(c);
            }
        });
        return read.toString();
    }

    // ASCII and the Cyrillic block need no folding: the common case costs one pass over the characters
    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && (c < 0x0400 || c > 0x04FF) && c != 0xA0 && c != 0x2013 && c != 0x20AE) {
                return false;
            }
        }
        return true;
    }

    private static boolean atLeastEightDigits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isDigit(text.charAt(i)) && ++digits == 8) {
                return true;
            }
        }
        return false;
    }

    private static boolean eightDigitsInARow(String text) {
        int row = 0;
        for (int i = 0; i < text.length(); i++) {
            row = isDigit(text.charAt(i)) ? row + 1 : 0;
            if (row == 8) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Finding> civilNumber(String text) {
        Matcher cyrillic = CIVIL_CYRILLIC.matcher(text);
        Optional<Finding> found = cyrillic.find()
                ? Optional.of(new Finding(Kind.CIVIL_REGISTRATION_NUMBER, cyrillic.start(), cyrillic.end())) : Optional.empty();
        Matcher latin = CIVIL_LATIN.matcher(text);
        while (latin.find()) {
            if (found.isPresent() && found.get().start() < latin.start()) {
                break;
            }
            if (readsAsBirthDate(latin.group(1))) {
                return Optional.of(new Finding(Kind.CIVIL_REGISTRATION_NUMBER, latin.start(), latin.end()));
            }
        }
        return found;
    }

    // abuse audit F598, F599: the civil number in small Latin letters, or its letters apart, when its digits read as a birth date
    private static Optional<Finding> civilNumberWrittenOtherwise(String text) {
        for (Pattern written : List.of(CIVIL_SMALL_LATIN, CIVIL_LETTERS_APART)) {
            Matcher m = written.matcher(text);
            while (m.find()) {
                String digits = m.group(1);
                boolean yearLike = Integer.parseInt(digits.substring(0, 2)) >= 20 && Integer.parseInt(digits.substring(2, 4)) >= 21;
                if (!yearLike && readsAsBirthDate(digits)) {
                    return Optional.of(new Finding(Kind.CIVIL_REGISTRATION_NUMBER, m.start(), m.end()));
                }
            }
        }
        return Optional.empty();
    }

    // abuse audit F150: a civil number written loosely, when its digits read as a birth date
    private static Optional<Finding> looseCivilNumber(String text) {
        Matcher loose = CIVIL_LOOSE.matcher(text);
        while (loose.find()) {
            // a year and a month-day ("ЗГ №2026 0315") read as a birth in 2020 or later: no representative or official; not read loosely
            boolean yearLike = Integer.parseInt(loose.group(1)) >= 20 && Integer.parseInt(loose.group(2)) >= 21;
            if (!yearLike && readsAsBirthDate(loose.group(1) + loose.group(2) + loose.group(3) + loose.group(4))) {
                return Optional.of(new Finding(Kind.CIVIL_REGISTRATION_NUMBER, loose.start(), loose.end()));
            }
        }
        return Optional.empty();
    }

    // the first six digits of a civil registration number are the birth date: yy, mm (plus 20 from 2000), dd
    private static boolean readsAsBirthDate(String digits) {
        int month = Integer.parseInt(digits.substring(2, 4));
        int day = Integer.parseInt(digits.substring(4, 6));
        boolean monthOk = (month >= 1 && month <= 12) || (month >= 21 && month <= 32);
        return monthOk && day >= 1 && day <= 31;
    }

    private static Optional<Finding> eMail(String text) {
        if (text.indexOf('@') >= 0 || text.indexOf('\uFF20') >= 0 || spelledAt(text)) {
            Matcher m = E_MAIL.matcher(text);
            if (m.find()) {
                return Optional.of(new Finding(Kind.E_MAIL_ADDRESS, m.start(), m.end()));
            }
        }
        if (containsWord(text, "dot")) {
            Matcher m = E_MAIL_IN_WORDS.matcher(text);
            if (m.find()) {
                return Optional.of(new Finding(Kind.E_MAIL_ADDRESS, m.start(), m.end()));
            }
        }
        if ((containsWord(text, "at") || containsWord(text, "эт")) && text.indexOf('.') >= 0) {
            Matcher m = E_MAIL_WITH_THE_WORD_AT.matcher(text);
            if (m.find()) {
                return Optional.of(new Finding(Kind.E_MAIL_ADDRESS, m.start(), m.end()));
            }
        }
        return Optional.empty();
    }

    // " dot " in any case, without lower-casing the whole text
    private static boolean containsWord(String text, String word) {
        for (int i = 1; i + word.length() < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i - 1)) && text.regionMatches(true, i, word, 0, word.length())
                    && Character.isWhitespace(text.charAt(i + word.length()))) {
                return true;
            }
        }
        return false;
    }

    // "name [at] host" or "name (at) host", any case, without lower-casing the whole text
    private static boolean spelledAt(String text) {
        for (int i = text.indexOf('t'); i >= 0; i = text.indexOf('t', i + 1)) {
            if (i >= 2 && i + 1 < text.length() && (text.charAt(i - 1) == 'a' || text.charAt(i - 1) == 'A')
                    && (text.charAt(i - 2) == '[' || text.charAt(i - 2) == '(') && (text.charAt(i + 1) == ']' || text.charAt(i + 1) == ')')) {
                return true;
            }
        }
        for (int i = text.indexOf('T'); i >= 0; i = text.indexOf('T', i + 1)) {
            if (i >= 2 && i + 1 < text.length() && (text.charAt(i - 1) == 'a' || text.charAt(i - 1) == 'A')
                    && (text.charAt(i - 2) == '[' || text.charAt(i - 2) == '(') && (text.charAt(i + 1) == ']' || text.charAt(i + 1) == ')')) {
                return true;
            }
        }
        return false;
    }

    /** A run of digit groups joined by single separators, with the groups' offsets in the text. */
    private record DigitRun(int start, int end, List<int[]> groups) {
    }

    private static Optional<Finding> phoneNumber(String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            DigitRun run = run(text, i);
            Optional<Finding> found = phoneIn(text, run);
            if (found.isPresent()) {
                return found;
            }
            i = run.end();
        }
        return Optional.empty();
    }

    private static DigitRun run(String text, int start) {
        List<int[]> groups = new ArrayList<>();
        int i = start;
        int n = text.length();
        while (true) {
            int groupStart = i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            groups.add(new int[]{groupStart, i});
            int separator = separatorLength(text, i);
            if (separator > 0 && i + separator < n && isDigit(text.charAt(i + separator))) {
                i += separator;
                continue;
            }
            return new DigitRun(start, i, groups);
        }
    }

    // a single space, dash or dot, or a parenthesis with at most one space beside it ("9911(2233)", "(99) 112233", abuse audit F50), or a
    // dash of any kind with at most one space on either side ("9911 - 2233", "9911 — 2233", "9911−2233", abuse audit F149): the way people
    // write a number's halves, and the way a word processor's autocorrect writes the hyphen typed between them
    private static int separatorLength(String text, int i) {
        if (i >= text.length()) {
            return 0;
        }
        char c = text.charAt(i);
        int dashed = dashedLength(text, i);
        if (dashed > 1 || (dashed == 1 && !(i + 1 < text.length() && text.charAt(i + 1) == '('))) {
            return dashed;
        }
        if (SEPARATORS.indexOf(c) >= 0 || c == '.') {
            return i + 1 < text.length() && text.charAt(i + 1) == '(' ? 2 : 1;
        }
        if (c == ')' || c == '(') {
            return i + 1 < text.length() && (text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '(') ? 2 : 1;
        }
        return 0;
    }

    // a dash with at most one space before and one after it, or 0
    private static int dashedLength(String text, int i) {
        int at = i;
        if (isSpace(text.charAt(at))) {
            at++;
        }
        if (at >= text.length() || !isDash(text.charAt(at))) {
            return 0;
        }
        at++;
        if (at < text.length() && isSpace(text.charAt(at))) {
            at++;
        }
        return at - i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F';
    }

    // hyphen-minus, the Unicode hyphens and dashes (U+2010-U+2015), the minus sign, and the small em dash (folded to U+2014 by asRead)
    private static boolean isDash(char c) {
        return c == '-' || (c >= '\u2010' && c <= '\u2015') || c == '\u2212' || c == '\uFE58';
    }

    private static Optional<Finding> phoneIn(String text, DigitRun run) {
        char first = text.charAt(run.start());
        if (first == '0' || first == '9') {
            String digits = digitsOf(text, run.groups(), 0, run.groups().size());
            // +976 / 00976 / (976): the country code makes any eight digits after it a Mongolian number
            int prefix = digits.startsWith("00976") ? 5 : digits.startsWith("976") && countryCodeMarked(text, run) ? 3 : 0;
            if (prefix > 0 && digits.length() >= prefix + 8) {
                return Optional.of(new Finding(Kind.PHONE_NUMBER, countryCodeStart(text, run.start()), offsetOfDigit(text, run, prefix + 8)));
            }
        }
        List<int[]> groups = run.groups();
        Optional<Finding> digitByDigit = digitByDigit(text, run);
        if (digitByDigit.isPresent()) {
            return digitByDigit;
        }
        for (int from = 0; from < groups.size(); from++) {
            int count = 0;
            for (int to = from; to < groups.size(); to++) {
                int length = groups.get(to)[1] - groups.get(to)[0];
                if (length < 2) {
                    break; // a phone is written in groups of at least two digits; "5 6 7 8" is a list
                }
                count += length;
                if (count > 8) {
                    break;
                }
                if (count == 8 && looksLikeAPhone(text, run, from, to) && !(from == 0 && amountBefore(text, run.start()))
                        && !decimalOrCoordinate(text, run, from, to)) {
                    return Optional.of(new Finding(Kind.PHONE_NUMBER, groups.get(from)[0], groups.get(to)[1]));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * "9 9 1 1 2 2 3 3" (abuse audit F50): exactly eight single digits, each joined to the next by one separator, starting 5-9.
     * A list of single digits longer or shorter than eight ("lots 5 6 7 8 9 10 11 12") is not read as a phone.
     */
    private static Optional<Finding> digitByDigit(String text, DigitRun run) {
        List<int[]> groups = run.groups();
        int from = 0;
        while (from < groups.size()) {
            if (length(groups.get(from)) != 1) {
                from++;
                continue;
            }
            int to = from;
            while (to + 1 < groups.size() && length(groups.get(to + 1)) == 1) {
                to++;
            }
            if (to - from == 7 && text.charAt(groups.get(from)[0]) >= '5' && text.charAt(groups.get(from)[0]) <= '9'
                    && (from > 0 || !identifierBefore(text, run.start()))) {
                return Optional.of(new Finding(Kind.PHONE_NUMBER, groups.get(from)[0], groups.get(to)[1]));
            }
            from = to + 1;
        }
        return Optional.empty();
    }

    /**
     * A dot joins the groups of a phone only when every group is two to four digits ("9911.2233", "99.11.22.33"): a coordinate
     * or a decimal with a longer part ("91.640000") is a number. Choice (F50): "5678.1234" alone, four digits and four, is read
     * as a phone; an amount is written with its currency or unit ("5678.1234 га" passes).
     */
    private static boolean decimalOrCoordinate(String text, DigitRun run, int from, int to) {
        List<int[]> groups = run.groups();
        boolean dotted = false;
        for (int g = from; g < to; g++) {
            if (text.charAt(groups.get(g)[1]) == '.') {
                dotted = true;
            }
        }
        int lastEnd = groups.get(to)[1];
        if (to == groups.size() - 1 && lastEnd < text.length() && text.charAt(lastEnd) == '.' && lastEnd + 1 < text.length()
                && isDigit(text.charAt(lastEnd + 1))) {
            dotted = true;
        }
        if (!dotted) {
            return false;
        }
        for (int g = from; g <= to; g++) {
            if (length(groups.get(g)) < 2 || length(groups.get(g)) > 4) {
                return true;
            }
        }
        return from > 0 && text.charAt(groups.get(from - 1)[1]) == '.';
    }

    private static boolean looksLikeAPhone(String text, DigitRun run, int from, int to) {
        List<int[]> groups = run.groups();
        char first = text.charAt(groups.get(from)[0]);
        if (first < '5' || first > '9') {
            return false; // Mongolian numbers start 5-9 (mobile 5, 6, 8, 9; fixed 7); dates and years start 0-3 or 1-2
        }
        if (to - from == 2 && length(groups.get(from)) == 2 && length(groups.get(from + 1)) == 3 && length(groups.get(to)) == 3) {
            return false; // 90 000 000: thousands groups are an amount
        }
        if (from == 0 && identifierBefore(text, run.start())) {
            return false; // cn-91152599, SP-..., a hash: digits joined to letters are part of an identifier
        }
        int end = groups.get(to)[1];
        if (to == groups.size() - 1 && end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
            return false;
        }
        return !(to == groups.size() - 1 && CURRENCY_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 8))).find());
    }

    private static int length(int[] group) {
        return group[1] - group[0];
    }

    // cn-91152599, SP-2026-..., ref/99112233: digits joined by a dash, slash or underscore to letters or digits are an identifier
    private static boolean identifierBefore(String text, int start) {
        if (start < 2) {
            return false;
        }
        char before = text.charAt(start - 1);
        return (before == '-' || before == '/' || before == '_') && Character.isLetterOrDigit(text.charAt(start - 2));
    }

    private static boolean amountBefore(String text, int start) {
        return CURRENCY_BEFORE.matcher(text.substring(Math.max(0, start - 5), start)).find();
    }

    /**
     * "+976" marks a country code; so does "(976" unless the digits are an amount in thousands groups: "(976 000 000 000
     * төгрөг)" is an amount in parentheses, "(976 9911 2233)" and "(976) 9911 2233" are phones.
     */
    private static boolean countryCodeMarked(String text, DigitRun run) {
        int start = run.start();
        if (start < 1) {
            return false;
        }
        char before = text.charAt(start - 1);
        return before == '+' || (before == '(' && !inThousandsGroups(text, run));
    }

    // 1 290 000 000: a first group of one to three digits, then groups of exactly three, each after a single space
    private static boolean inThousandsGroups(String text, DigitRun run) {
        List<int[]> groups = run.groups();
        if (groups.size() < 2 || length(groups.get(0)) > 3) {
            return false;
        }
        for (int g = 1; g < groups.size(); g++) {
            if (length(groups.get(g)) != 3 || groups.get(g)[0] - groups.get(g - 1)[1] != 1 || !isSpace(text.charAt(groups.get(g - 1)[1]))) {
                return false;
            }
        }
        return true;
    }

    private static int countryCodeStart(String text, int start) {
        return start >= 1 && (text.charAt(start - 1) == '+' || text.charAt(start - 1) == '(') ? start - 1 : start;
    }

    private static String digitsOf(String text, List<int[]> groups, int from, int to) {
        StringBuilder digits = new StringBuilder();
        for (int g = from; g < to; g++) {
            digits.append(text, groups.get(g)[0], groups.get(g)[1]);
        }
        return digits.toString();
    }

    private static int offsetOfDigit(String text, DigitRun run, int count) {
        int seen = 0;
        for (int[] group : run.groups()) {
            for (int i = group[0]; i < group[1]; i++) {
                if (++seen == count) {
                    return i + 1;
                }
            }
        }
        return run.end();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
