package mn.registry.web.desk;

import mn.registry.kernel.identity.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0061 item 84 (F612, was O470): the desk's reading of whom an official may not act on, as the registry's items 75-76, 81 judge. */
class RepresentativeTieTest {

    private static final RepresentativeTie OF_COMPANY = RepresentativeTie.of(Set.of(Role.MINISTRY_SUPERVISOR, Role.APPLICANT), "6317101");
    private static final RepresentativeTie OF_ANY = RepresentativeTie.of(Set.of(Role.MINISTRY_SUPERVISOR, Role.APPLICANT), null);
    private static final RepresentativeTie NONE = RepresentativeTie.of(Set.of(Role.MINISTRY_SUPERVISOR), null);

    private static List<String> companies(String... c) {
        return Arrays.asList(c);
    }

    @Test
    @DisplayName("002 art. 23.2 (item 75): the official's own company's representative is refused; another company's is not")
    void own_companys_representative() {
        assertThat(OF_COMPANY.officialMayNotActOnTheRepresentative(false, companies("6317101")))
                .contains(RepresentativeTie.Refusal.OWN_COMPANYS_REPRESENTATIVE);
        assertThat(OF_COMPANY.officialMayNotActOnTheRepresentative(false, companies("6317102"))).isEmpty();
    }

    @Test
    @DisplayName("002 art. 23.2 (item 81, F611): a representative naming no company is tied to the official's company too")
    void representative_of_any_company() {
        assertThat(OF_COMPANY.officialMayNotActOnTheRepresentative(false, companies((String) null)))
                .contains(RepresentativeTie.Refusal.REPRESENTATIVE_OF_ANY_COMPANY);
        assertThat(NONE.officialMayNotActOnTheRepresentative(false, companies((String) null))).isEmpty();
    }

    @Test
    @DisplayName("002 art. 23.2 (item 76): an official naming no company acts on no representative; a person representing none, or themselves, is not refused")
    void official_of_any_company_and_non_representatives() {
        assertThat(OF_ANY.officialMayNotActOnTheRepresentative(false, companies("6317102")))
                .contains(RepresentativeTie.Refusal.OFFICIAL_OF_ANY_COMPANY);
        assertThat(OF_ANY.officialMayNotActOnTheRepresentative(false, List.of())).isEmpty();
        assertThat(OF_COMPANY.officialMayNotActOnTheRepresentative(true, companies("6317101"))).isEmpty();
    }
}
