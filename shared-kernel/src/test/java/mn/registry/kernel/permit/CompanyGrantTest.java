package mn.registry.kernel.permit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one rule of "the grant in force names this company" (ADR 0061 items 44, 49; ADR 0046 item 161, ADR 0035 item 137): {@link
 * Company#grantNames} and {@link Company#grantNamesAnother}, which the official-acts-for-the-holder rule, the decider-represents-the-entity
 * rule, the land representative's rule and the representative-of-another-company rule ask.
 */
class CompanyGrantTest {

    @Test
    @DisplayName("001 art. 23.1.1; 002 art. 23.2: a grant names the company whose number it names, and no other")
    void a_grant_names_its_company() {
        assertThat(Company.grantNames("6010101", "6010101")).isTrue();
        assertThat(Company.grantNamesAnother("6010101", "6010101")).isFalse();

        assertThat(Company.grantNames("6010101", "6010102")).isFalse();
        assertThat(Company.grantNamesAnother("6010101", "6010102")).isTrue();
    }

    @Test
    @DisplayName("001 art. 23.1.1: a grant naming no company names none and no other (the behaviour before F505, O350)")
    void a_grant_naming_none() {
        assertThat(Company.grantNames(null, "6010101")).isFalse();
        assertThat(Company.grantNamesAnother(null, "6010101")).isFalse();
        assertThat(Company.grantNames(null, null)).isFalse();
        assertThat(Company.grantNamesAnother(null, null)).isFalse();
    }

    @Test
    @DisplayName("003 art. 12.1: a company with no known number (a foreign entity) is named by no grant, and a grant naming one names another")
    void a_company_without_a_number() {
        assertThat(Company.grantNames("6010101", null)).isFalse();
        assertThat(Company.grantNamesAnother("6010101", null)).isTrue();
    }

    @Property(tries = 2_000)
    @Label("a grant names a company exactly when both are known and the same number; it names another exactly when it names one and not this")
    void the_two_questions(@ForAll("numbers") String grantsCompany, @ForAll("numbers") String number) {
        // a copy of the number with its own identity: the rule compares numbers, never references
        String sameNumber = number == null ? null : new String(number.toCharArray());
        boolean names = Company.grantNames(grantsCompany, number);
        boolean namesAnother = Company.grantNamesAnother(grantsCompany, number);

        assertThat(Company.grantNames(grantsCompany, sameNumber)).isEqualTo(names);
        assertThat(names).isEqualTo(grantsCompany != null && number != null && grantsCompany.contentEquals(number));
        assertThat(names && namesAnother).as("a grant never names a company and another at once").isFalse();
        if (grantsCompany == null) {
            assertThat(names || namesAnother).as("a grant naming none names nothing").isFalse();
        } else {
            assertThat(names || namesAnother).as("a grant naming a company names this one or another").isTrue();
        }
        if (number != null) {
            assertThat(Company.grantNames(number, grantsCompany)).as("naming is symmetric between two known numbers").isEqualTo(names);
        }
    }

    @Provide
    Arbitrary<String> numbers() {
        // a few numbers, so that equal pairs are frequent, and null (none, or not known) among them
        return Arbitraries.of("6010101", "6010102", "0000000", "601010", "").injectNull(0.25);
    }
}
