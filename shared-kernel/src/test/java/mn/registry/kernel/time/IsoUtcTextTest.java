package mn.registry.kernel.time;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The envelope's {@code signedAt} read by hand (ADR 0070 item 24) answers as {@link Instant#parse} did, for every text the
 * envelope's pattern admits and for texts it does not: the same instant, or the same refusal ({@link DateTimeParseException}).
 */
class IsoUtcTextTest {

    @Provide
    Arbitrary<String> signedAts() {
        // every field drawn a little past its range (month 00-13, day 00-32, hour 00-25, minute and second 00-61), the fraction 0-10
        // digits, and now and then one character replaced by another that may or may not belong there
        Arbitrary<String> year = Arbitraries.integers().between(0, 9999).map(y -> String.format("%04d", y));
        Arbitrary<String> month = Arbitraries.integers().between(0, 13).map(m -> String.format("%02d", m));
        Arbitrary<String> day = Arbitraries.integers().between(0, 32).map(d -> String.format("%02d", d));
        Arbitrary<String> hour = Arbitraries.integers().between(0, 25).map(h -> String.format("%02d", h));
        Arbitrary<String> minuteOrSecond = Arbitraries.integers().between(0, 61).map(m -> String.format("%02d", m));
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(10).map(f -> f.isEmpty() ? "" : "." + f);
        Arbitrary<String> wellFormed = Combinators.combine(year, month, day, hour, minuteOrSecond, minuteOrSecond, fraction)
                .as((y, mo, d, h, mi, s, f) -> y + "-" + mo + "-" + d + "T" + h + ":" + mi + ":" + s + f + "Z");
        Arbitrary<String> common = Combinators.combine(Arbitraries.integers().between(2020, 2030), Arbitraries.integers().between(1, 12),
                        Arbitraries.integers().between(1, 31), Arbitraries.longs().between(0, 86_399_999_999_999L))
                .as((y, mo, d, nanosOfDay) -> String.format("%04d-%02d-%02dT%02d:%02d:%02d.%09dZ", y, mo, d, nanosOfDay / 3_600_000_000_000L,
                        nanosOfDay / 60_000_000_000L % 60, nanosOfDay / 1_000_000_000L % 60, nanosOfDay % 1_000_000_000L));
        Arbitrary<String> changed = Combinators.combine(wellFormed, Arbitraries.integers().between(0, 29),
                        Arbitraries.of('0', '9', '-', ':', 'T', 't', 'Z', 'z', '.', ',', '+', ' ', '٣', 'a'))
                .as((s, at, c) -> at < s.length() ? s.substring(0, at) + c + s.substring(at + 1) : s + c);
        return Arbitraries.oneOf(wellFormed, wellFormed, common, changed, changed);
    }

    @Property(tries = 5_000)
    @Label("signedAt read by hand is Instant.parse's instant, or its DateTimeParseException")
    void reads_as_instant_parse(@ForAll("signedAts") String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> IsoUtcText.parse(text)).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(IsoUtcText.parse(text)).isEqualTo(expected);
    }

    @Example
    void the_edges_instant_parse_decides_are_left_to_it() {
        // second 60 (a leap second) and hour 24 are not read by hand; Instant.parse's answer stands, whatever it is
        for (String text : new String[] {"2026-06-30T23:59:60Z", "2026-12-08T24:00:00Z", "2026-02-29T00:00:00Z", "2026-12-08T00:00:00.Z"}) {
            assertThat(IsoUtcText.parseIsoUtc(text)).isNull();
        }
        assertThat(IsoUtcText.parse("2026-12-08T00:48:00.123Z")).isEqualTo(Instant.parse("2026-12-08T00:48:00.123Z"));
        assertThat(IsoUtcText.parseIsoUtc("2024-02-29T23:59:59.999999999Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.999999999Z"));
    }
}
