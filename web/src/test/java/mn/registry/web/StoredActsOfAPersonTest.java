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

/** The staff pages' list of a person's stored acts (ADR 0061 items 33, 35, 40). */
class StoredActsOfAPersonTest {

    private static final Actor SUPERVISOR = new Actor(new PersonId("supervisor-1"), "Supervisor", Set.of(Role.MINISTRY_SUPERVISOR), Set.of());

    private static final StoredActsOfAPerson.Chosen THE_FIRST = new StoredActsOfAPerson.Chosen(1L, null);

    @Test
    @DisplayName("001 art. 23.1.1 (abuse audit F441, was O262; ADR 0061 item 35): on a node whose start-up pass has not run, the person's "
            + "stream answers identity.orders-not-ready at once: the page says the list follows the start's pass (neither 'no such person' nor "
            + "'no act'), offers nothing, and the rest of the page is drawn; any other refusal is not taken for it")
    void the_page_says_the_list_follows_the_pass() {
        StoredActsNamingNoOrder notReady = person -> {
            throw new RegistryProblem(RegistryProblem.Kind.UNAVAILABLE, StoredActsNamingNoOrder.NOT_READY, "still reading", null, "001 art. 23.1.1");
        };
        StoredActsOfAPerson.Listing listing = listed(notReady, " reviewer-1 ", SUPERVISOR, THE_FIRST);
        assertThat(listing.notReady()).isTrue();
        assertThat(listing.person()).isEqualTo("reviewer-1");
        assertThat(listing.known()).as("not said to be no enrolled person").isTrue();
        assertThat(listing.acts()).isEmpty();
        assertThat(listing.chosen()).isNull();

        StoredActsNamingNoOrder.ActNamingNoOrder act = new StoredActsNamingNoOrder.ActNamingNoOrder(1, "grant", Role.MINISTRY_REVIEWER, null,
                Instant.parse("2026-01-05T00:00:00Z"), false, false, null);
        StoredActsOfAPerson.Listing ready = listed(person -> Optional.of(List.of(act)), "reviewer-1", SUPERVISOR, THE_FIRST);
        assertThat(ready.notReady()).isFalse();
        assertThat(ready.chosen()).isEqualTo(1L);

        StoredActsNamingNoOrder broken = person -> {
            throw new RegistryProblem(RegistryProblem.Kind.UNAVAILABLE, "store.unavailable", "down", null, null);
        };
        assertThatThrownBy(() -> listed(broken, "reviewer-1", SUPERVISOR, THE_FIRST)).isInstanceOf(RegistryProblem.class);
    }

    @Test
    @DisplayName("003 art. 8.2 (ADR 0061 item 40, abuse audit F475, was O281): a governor's appointment recorded on the zone alone is chosen "
            + "with its zone, which fills the form's zone; its number alone chooses the person's own act of that number, never the zone's")
    void a_zone_alone_act_is_chosen_with_its_zone() {
        Actor cabinet = new Actor(new PersonId("cabinet-1"), "Cabinet Member", Set.of(Role.CABINET_MEMBER), Set.of());
        StoredActsNamingNoOrder.ActNamingNoOrder onTheZone = new StoredActsNamingNoOrder.ActNamingNoOrder(2, "grant", Role.ZONE_GOVERNOR,
                "altanbulag", Instant.parse("2025-06-02T04:00:00Z"), false, true, "zone-altanbulag");
        StoredActsNamingNoOrder stream = person -> Optional.of(List.of(onTheZone));
        StoredActsOfAPerson.Listing withTheZone = listed(stream, "governor-altanbulag", cabinet, new StoredActsOfAPerson.Chosen(2L, "altanbulag"));
        assertThat(withTheZone.chosen()).isEqualTo(2L);
        assertThat(withTheZone.chosenZone()).isEqualTo("altanbulag");
        for (String zone : new String[]{null, " ", "zamyn-uud"}) {
            StoredActsOfAPerson.Listing other = listed(stream, "governor-altanbulag", cabinet, new StoredActsOfAPerson.Chosen(2L, zone));
            assertThat(other.chosen()).as("zone " + zone).isNull();
            assertThat(other.chosenZone()).isNull();
        }
    }

    private static StoredActsOfAPerson.Listing listed(StoredActsNamingNoOrder stream, String person, Actor signer,
                                                      StoredActsOfAPerson.Chosen chosen) {
        ExtendedModelMap model = new ExtendedModelMap();
        new StoredActsOfAPerson(new StaticListableBeanFactory(Map.of("stream", stream)).getBeanProvider(StoredActsNamingNoOrder.class),
                new StaticListableBeanFactory(Map.of()).getBeanProvider(mn.registry.kernel.identity.GrantsAndEndsOfAPerson.class))
                .addTo(model, person, chosen, signer);
        return (StoredActsOfAPerson.Listing) model.getAttribute(StoredActsOfAPerson.MODEL);
    }
}
