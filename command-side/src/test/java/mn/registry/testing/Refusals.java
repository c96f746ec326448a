package mn.registry.testing;

import mn.registry.kernel.problem.RegistryProblem;

import static org.assertj.core.api.Assertions.assertThat;

/** What the registry's refusal names (its problem+json's code, field and article), asserted one way by every test that checks them. */
public final class Refusals {

    private Refusals() {
    }

    /** {@code thrown} is the registry's refusal with {@code code}, on {@code field}, citing {@code article} (null: fails). */
    public static void refusedAs(Throwable thrown, String code, String field, String article) {
        assertThat(thrown).as(code).isInstanceOfSatisfying(RegistryProblem.class, p -> {
            assertThat(p.code()).isEqualTo(code);
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.article()).isEqualTo(article);
        });
    }

    /** The same, a conflict (409) with what is stored. */
    public static void conflictRefusedAs(Throwable thrown, String code, String field, String article) {
        refusedAs(thrown, code, field, article);
        assertThat(((RegistryProblem) thrown).kind()).as(code).isEqualTo(RegistryProblem.Kind.CONFLICT);
    }
}
