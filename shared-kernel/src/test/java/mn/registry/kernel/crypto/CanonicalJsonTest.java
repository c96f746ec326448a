package mn.registry.kernel.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one-pass canonical form of a tree must be byte for byte what the RFC 8785 library gives for its text. */
class CanonicalJsonTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static Arbitrary<JsonNode> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(NODES::textNode),
                Arbitraries.strings().withCharRange('\u0000', '\u0030').ofMaxLength(8).map(NODES::textNode),
                Arbitraries.strings().withCharRange('\u0400', '\u04ff').ofMaxLength(8).map(NODES::textNode),
                Arbitraries.of("😀", "\u2028", "\u007f", "é", "\ud800").map(NODES::textNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(0.1, -0.0, 1e21, 1e-7, 123456789.125, 5e-324, Double.MAX_VALUE).map(NODES::numberNode),
                Arbitraries.floats().between(-1e6f, 1e6f).map(NODES::numberNode),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)).map(NODES::numberNode),
                Arbitraries.bigDecimals().between(new BigDecimal("-1e12"), new BigDecimal("1e12")).ofScale(6).map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
    }

    @Provide
    Arbitrary<JsonNode> trees() {
        Arbitrary<JsonNode> inner = Arbitraries.lazyOf(
                CanonicalJsonTest::scalars,
                () -> objects(scalars()),
                () -> arrays(scalars()));
        return Arbitraries.oneOf(objects(inner), arrays(inner));
    }

    private static Arbitrary<JsonNode> objects(Arbitrary<JsonNode> values) {
        return Arbitraries.maps(Arbitraries.strings().ofMaxLength(6), values).ofMaxSize(6).map(map -> {
            ObjectNode node = NODES.objectNode();
            map.forEach(node::set);
            return node;
        });
    }

    private static Arbitrary<JsonNode> arrays(Arbitrary<JsonNode> values) {
        return values.list().ofMaxSize(5).map(list -> {
            ArrayNode node = NODES.arrayNode();
            list.forEach(node::add);
            return node;
        });
    }

    @Property(tries = 3_000)
    @Label("a tree is canonicalized to exactly the bytes the RFC 8785 library gives for its JSON text")
    void same_bytes_as_the_library(@ForAll("trees") JsonNode tree) throws Exception {
        byte[] expected = new JsonCanonicalizer(tree.toString()).getEncodedUTF8();
        assertThat(new String(CanonicalJson.canonicalize(tree), StandardCharsets.UTF_8))
                .isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(CanonicalJson.canonicalize(tree)).isEqualTo(expected);
    }

    @Test
    @DisplayName("RFC 8785's own example comes out as the RFC prints it")
    void rfc_example() throws Exception {
        JsonNode tree = CanonicalJson.mapper().readTree("{\"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],"
                + " \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\", \"literals\": [null, true, false]}");
        assertThat(new String(CanonicalJson.canonicalize(tree), StandardCharsets.UTF_8)).isEqualTo(
                "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    @DisplayName("a lone value that is not an object or an array is refused, as by the library")
    void lone_values_refused() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize(NODES.textNode("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.canonicalize(NODES.numberNode(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a number without a canonical form (NaN, infinity) is refused, as by the library")
    void non_finite_numbers_refused() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize(NODES.objectNode().put("x", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.canonicalize(NODES.arrayNode().add(Double.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
