package mn.registry.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to an article as the code writes it ({@code "002 art. 27.2, 27.5"}; the Mongolian messages write
 * {@code "002 х. 28.1"}) in the words of a page's language: the law by its name and the articles in the language's
 * own form ({@code "Law on Electronic Signatures, art. 27.2, 27.5"}, {@code "Цахим гарын үсгийн тухай хууль, 28.1-р зүйл"}).
 * The number before the article is the law's place in the seeds (001 information technology, 002 electronic
 * signatures, 003 Free Zone), which says nothing to a reader. Names and form come from {@code extract.law.<n>} and
 * {@code extract.article} of the page's messages.
 */
public final class LawNames {

    /** "002 art. 27.2, 27.5" or "002 х. 28.1": the law's number and one or more articles. */
    static final Pattern REFERENCE = Pattern.compile("\\b(00[123]) (?:art\\.|х\\.) ([0-9][0-9.]*[0-9](?:, [0-9][0-9.]*[0-9])*)");

    private LawNames() {
    }

    /**
     * {@code text} with every reference in words; {@code message} gives {@code extract.law.<n>} and {@code extract.article}
     * in the page's language (null when missing: the reference is then left as it is).
     */
    public static String inWords(String text, Locale locale, Function<String, String> message) {
        if (text == null || text.indexOf("00") < 0) {
            return text;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = null;
        while (m.find()) {
            String law = message.apply("extract.law." + m.group(1));
            String form = message.apply("extract.article");
            if (law == null || form == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 32);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(new MessageFormat(form, locale).format(new Object[]{law, m.group(2)})));
        }
        if (out == null) {
            return text;
        }
        m.appendTail(out);
        return out.toString();
    }
}
