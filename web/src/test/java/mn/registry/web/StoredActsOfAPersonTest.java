package mn.registry.web;

import mn.registry.infrastructure.identity.Actor;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.StoredActsNamingNoOrder;
import mn.registry.kernel.problem.RegistryProblem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.ui.ExtendedModelMap;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The staff pages' list of a person's stored acts (ADR 0061 items 33, 35). */
class StoredActsOfAPersonTest {

    private static final Actor SUPERVISOR = new Actor(new PersonId("supervisor-1"), "Supervisor", Set.of(Role.MINISTRY_SUPERVISOR), Set.of());

    private static StoredActsOfAPerson.Listing listed(StoredActsNamingNoOrder stream, String person) {
        ExtendedModelMap model = new ExtendedModelMap();
        new StoredActsOfAPerson(new StaticListableBeanFactory(Map.of("stream", stream)).getBeanProvider(StoredActsNamingNoOrder.class))
                .addTo(model, person, new StoredActsOfAPerson.Chosen(1L, null), SUPERVISOR);
        return (StoredActsOfAPerson.Listing) model.getAttribute(StoredActsOfAPerson.MODEL);
    }

    @Test
    @DisplayName("001 art. 23.1.1 (abuse audit F441, was O262; ADR 0061 item 35): on a node whose start-up pass has not run, the person's "
            + "stream answers identity.orders-not-ready at once: the page says the list follows the start's pass (neither 'no such person' nor "
            + "'no act'), offers nothing, and the rest of the page is drawn; any other refusal is not taken for it")
    void the_page_says_the_list_follows_the_pass() {
        StoredActsNamingNoOrder notReady = person -> {
            throw new RegistryProblem(RegistryProblem.Kind.UNAVAILABLE, StoredActsNamingNoOrder.NOT_READY, "still reading", null, "001 art. 23.1.1");
        };
        StoredActsOfAPerson.Listing listing = listed(notReady, " reviewer-1 ");
        assertThat(listing.notReady()).isTrue();
        assertThat(listing.person()).isEqualTo("reviewer-1");
        assertThat(listing.known()).as("not said to be no enrolled person").isTrue();
        assertThat(listing.acts()).isEmpty();
        assertThat(listing.chosen()).isNull();

        StoredActsNamingNoOrder.ActNamingNoOrder act = new StoredActsNamingNoOrder.ActNamingNoOrder(1, "grant", Role.MINISTRY_REVIEWER, null,
                Instant.parse("2026-01-05T00:00:00Z"), false, false, null);
        StoredActsOfAPerson.Listing ready = listed(person -> Optional.of(List.of(act)), "reviewer-1");
        assertThat(ready.notReady()).isFalse();
        assertThat(ready.chosen()).isEqualTo(1L);

        StoredActsNamingNoOrder broken = person -> {
            throw new RegistryProblem(RegistryProblem.Kind.UNAVAILABLE, "store.unavailable", "down", null, null);
        };
        assertThatThrownBy(() -> listed(broken, "reviewer-1")).isInstanceOf(RegistryProblem.class);
    }
}
