package mn.registry.web;

import mn.registry.infrastructure.identity.Actor;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.StoredActsNamingNoOrder;
import mn.registry.kernel.identity.StoredActsNamingNoOrder.ActNamingNoOrder;
import mn.registry.kernel.problem.RegistryProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.util.List;
import java.util.Optional;

/**
 * 001 art. 23.1.1, 003 art. 8.2 (ADR 0061 item 33; abuse audit F423, was O261): beside the statement's form on the supervisor's desk and the
 * Cabinet member's page, the stored grants and ends of the person asked for that name no order the registry can read, as the person's
 * stream answers them (the statement's own rules, no copy here); the act chosen fills the form. The page offers an act the signer's
 * statement would not be refused for by whom it is: not stated yet, not the signer's own, and one the Cabinet member states only to the
 * Cabinet member. Nothing shown when no command side runs in this application. While the node's start-up pass has not read the archived
 * orders a person's list needs, the page says at once that the list follows the pass (abuse audit F441, was O262), and the rest of it works.
 * A governor's appointments and dismissals recorded on a zone's stream alone are listed by their number there, and choosing one fills the
 * form's zone too (ADR 0061 item 40; abuse audit F475, was O281).
 */
@Component
public class StoredActsOfAPerson {

    /** The page's model attribute. */
    public static final String MODEL = "storedActs";
    /** The model attribute of the person's grants and ends with their orders (ADR 0061 item 69; F535, was O401): a list, or null. */
    public static final String GRANTS_AND_ENDS = "grantsAndEnds";

    private final ObjectProvider<StoredActsNamingNoOrder> answers;
    private final ObjectProvider<mn.registry.kernel.identity.GrantsAndEndsOfAPerson> grantsAndEnds;

    StoredActsOfAPerson(ObjectProvider<StoredActsNamingNoOrder> answers,
                        ObjectProvider<mn.registry.kernel.identity.GrantsAndEndsOfAPerson> grantsAndEnds) {
        this.answers = answers;
        this.grantsAndEnds = grantsAndEnds;
    }

    /**
     * The list of the person asked for.
     *
     * @param person the person id asked for (blank: none)
     * @param known  false when no enrolled person has the id
     * @param acts   their acts, oldest first
     * @param chosen the number chosen, which fills the form, or null
     * @param notReady the node's start-up pass has not read the archived orders the list needs: it follows the pass (F441, was O262)
     * @param chosenZone the zone of the act chosen when its number is on the zone's stream (ADR 0061 item 40), which fills the form's zone;
     *                   else null
     */
    public record Listing(String person, boolean known, List<Row> acts, Long chosen, boolean notReady, String chosenZone) {
    }

    /**
     * The act a link chose: its number, and for an act recorded on a zone's stream alone (ADR 0061 item 40; abuse audit F475, was O281)
     * the zone it is numbered on (blank or null: the person's stream).
     */
    public record Chosen(Long sequence, String zoneId) {

        boolean is(ActNamingNoOrder act) {
            boolean onTheZone = act.onTheZonesStream() != null;
            boolean zoneNamed = zoneId != null && !zoneId.isBlank();
            return sequence != null && act.sequence() == sequence && onTheZone == zoneNamed && (!onTheZone || zoneId.strip().equals(act.zoneId()));
        }
    }

    /** An act and whether this signer may choose it. */
    public record Row(ActNamingNoOrder act, boolean offered) {
    }

    /** Adds the listing of {@code person} (and the act {@code chosen}, if offered) for {@code signer} to the page's model. */
    public void addTo(Model model, String person, Chosen chosen, Actor signer) {
        Listing listing = listing(person, chosen, signer);
        model.addAttribute(MODEL, listing);
        model.addAttribute(GRANTS_AND_ENDS, listing.known() && !listing.notReady() ? grantsAndEnds(listing.person()) : null);
    }

    /**
     * 001 art. 23.1.1 (ADR 0061 item 69; abuse audit F535, was O401): the person's grants and ends with their orders and the persons each
     * order was stated to concern, read-only, below the acts naming no order; null when none is asked, no command side runs, or the node's
     * start-up pass has not read the archived orders (the page says so for the stored acts already).
     */
    private List<mn.registry.kernel.identity.GrantsAndEndsOfAPerson.GrantOrEnd> grantsAndEnds(String person) {
        mn.registry.kernel.identity.GrantsAndEndsOfAPerson read = grantsAndEnds.getIfAvailable();
        if (person.isEmpty() || read == null) {
            return null;
        }
        try {
            return read.of(new PersonId(person)).orElse(null);
        } catch (IllegalArgumentException notAnId) {
            return null;
        } catch (RegistryProblem problem) {
            if (!StoredActsNamingNoOrder.NOT_READY.equals(problem.code())) {
                throw problem;
            }
            return null;
        }
    }

    private Listing listing(String person, Chosen chosen, Actor signer) {
        StoredActsNamingNoOrder stream = answers.getIfAvailable();
        if (person == null || person.isBlank() || stream == null) {
            return new Listing("", true, List.of(), null, false, null);
        }
        Optional<List<ActNamingNoOrder>> acts;
        try {
            acts = stream.of(new PersonId(person.strip()));
        } catch (IllegalArgumentException notAnId) {
            acts = Optional.empty();
        } catch (RegistryProblem problem) {
            if (!StoredActsNamingNoOrder.NOT_READY.equals(problem.code())) {
                throw problem;
            }
            return new Listing(person.strip(), true, List.of(), null, true, null);
        }
        boolean own = person.strip().equals(signer.person().value());
        boolean cabinetMember = signer.roles().contains(Role.CABINET_MEMBER);
        List<Row> rows = acts.orElse(List.of()).stream()
                .map(act -> new Row(act, !act.stated() && !own && (cabinetMember || !act.byTheCabinetMember()))).toList();
        Optional<ActNamingNoOrder> offered = rows.stream().filter(row -> row.offered() && chosen != null && chosen.is(row.act())).findFirst()
                .map(Row::act);
        return new Listing(person.strip(), acts.isPresent(), rows, offered.map(ActNamingNoOrder::sequence).orElse(null), false,
                offered.filter(act -> act.onTheZonesStream() != null).map(ActNamingNoOrder::zoneId).orElse(null));
    }
}
