package mn.registry.command.claim;

import mn.registry.kernel.freezone.ZoneDocument;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Session 30, one home: whose acts share a kind's document is a property of the kind ({@link DocumentKind#companies()}), stated where the kind
 * is declared; before, {@code DocumentClaims} held it in two maps beside the kinds. Each kind answers as the maps did on main (c9a29576,
 * kept below as they stood).
 */
class DocumentKindCompaniesTest {

    /** {@code DocumentClaims.SHARED_WITHIN_ONE_COMPANY} on main. */
    private static final Map<DocumentKind, String> MAIN_SHARED_WITHIN_ONE_COMPANY = Map.of(DocumentKind.PERMIT_APPLICATION_DOCUMENT,
            "document.claimed-by-another-company.permit-application-document",
            DocumentKind.ZONE_APPLICATION_DOCUMENT, "document.claimed-by-another-company.zone-application-document",
            DocumentKind.IDENTITY_ORDER, "document.claimed-by-another-company.identity-order");

    /** {@code DocumentClaims.NAMED_BY_SEVERAL_COMPANIES} on main. */
    private static final Map<DocumentKind, Set<String>> MAIN_NAMED_BY_SEVERAL_COMPANIES = Map.of(DocumentKind.ZONE_APPLICATION_DOCUMENT,
            Set.of("documents." + ZoneDocument.POWER_OF_ATTORNEY.name()));

    /** {@code DocumentClaims.sharedAsThePaperItsHolderNamed} on main. */
    private static boolean mainSharedAsThePaperItsHolderNamed(DocumentKind kind, String field, String holdersPaper) {
        return MAIN_NAMED_BY_SEVERAL_COMPANIES.getOrDefault(kind, Set.of()).contains(field) && (holdersPaper == null || holdersPaper.equals(field));
    }

    /** Every field a citing act names a document in (each zone document's, a command's one field); the acts always name one. */
    private static List<String> fields() {
        List<String> fields = new ArrayList<>();
        Arrays.stream(ZoneDocument.values()).forEach(d -> fields.add("documents." + d.name()));
        Arrays.stream(DocumentKind.values()).forEach(k -> fields.add(k.field()));
        fields.add("documents");
        return fields;
    }

    @Test
    @DisplayName("002 art. 25.1.1, 003 art. 12.1.1, 12.1.2, 001 art. 23.1.1 (ADR 0057 items 8, 13, 17): each kind states whose acts share its "
            + "document, with the refusal's code, and the papers several companies may name, as DocumentClaims' maps said on main")
    void each_kind_states_whose_acts_share_its_document_as_the_maps_did() {
        assertThat(Arrays.stream(DocumentKind.values()).filter(DocumentKind::sharedWithinOneCompany)).as("the kinds shared within one company")
                .containsExactlyInAnyOrderElementsOf(MAIN_SHARED_WITHIN_ONE_COMPANY.keySet());
        for (DocumentKind kind : DocumentKind.values()) {
            assertThat(kind.companies().refusalCode()).as(kind + "'s refusal code").isEqualTo(MAIN_SHARED_WITHIN_ONE_COMPANY.get(kind));
            assertThat(kind.companies().namedBySeveral()).as(kind + "'s papers several companies name")
                    .isEqualTo(MAIN_NAMED_BY_SEVERAL_COMPANIES.getOrDefault(kind, Set.of()));
            assertThat(kind.namesThePaper(null)).as(kind + " names no paper where the act names no field").isFalse();
            for (String field : fields()) {
                assertThat(kind.namesThePaper(field)).as(kind + " names the paper " + field)
                        .isEqualTo(field != null && MAIN_NAMED_BY_SEVERAL_COMPANIES.containsKey(kind));
                List<String> holdersPapers = new ArrayList<>(fields());
                holdersPapers.add(null); // a claim written before session 29 names no paper
                for (String holdersPaper : holdersPapers) {
                    assertThat(kind.sharedAsThePaperItsHolderNamed(field, holdersPaper)).as(kind + " " + field + " held as " + holdersPaper)
                            .isEqualTo(mainSharedAsThePaperItsHolderNamed(kind, field, holdersPaper));
                    for (String company : new String[]{null, "6543210", "6543211"}) {
                        boolean main = MAIN_SHARED_WITHIN_ONE_COMPANY.containsKey(kind) && !mainSharedAsThePaperItsHolderNamed(kind, field, holdersPaper)
                                && company != null && !company.equals("6543210");
                        assertThat(DocumentClaims.anotherCompanysPaper(kind, field, company, "6543210", holdersPaper))
                                .as(kind + " " + field + " by " + company + " held as " + holdersPaper).isEqualTo(main);
                    }
                }
            }
        }
        assertThat(DocumentClaims.anotherCompanysPaperRefusal(DocumentKind.IDENTITY_ORDER, "orderSha256", "001 art. 23.1.1").code())
                .isEqualTo("document.claimed-by-another-company.identity-order");
    }

    @Test
    @DisplayName("002 art. 25.1.1, 003 art. 12.1.1, 12.1.2, 001 art. 23.1.1 (ADR 0057 items 8, 13, 17): every field a citing act names a "
            + "document in is the registry's constant, never null; a null field is a wiring error refused by name for every kind, a kind "
            + "shared within one company too (its set's lookup threw a bare NullPointerException); a kind any company shares never asks")
    void a_citing_acts_field_is_never_null() {
        for (DocumentKind kind : DocumentKind.values()) {
            assertThat(kind.field()).as(kind + "'s field").isNotNull();
            for (String holdersPaper : new String[]{null, "documents." + ZoneDocument.POWER_OF_ATTORNEY.name()}) {
                assertThatThrownBy(() -> kind.sharedAsThePaperItsHolderNamed(null, holdersPaper)).as(kind + " held as " + holdersPaper)
                        .isInstanceOf(NullPointerException.class).hasMessageContaining("a citing act names the field it names " + kind);
                if (kind.sharedWithinOneCompany()) {
                    assertThatThrownBy(() -> DocumentClaims.anotherCompanysPaper(kind, null, "6543211", "6543210", holdersPaper))
                            .as(kind + ", another company's, held as " + holdersPaper).isInstanceOf(NullPointerException.class)
                            .hasMessageContaining("none was given");
                } else {
                    assertThat(DocumentClaims.anotherCompanysPaper(kind, null, "6543211", "6543210", holdersPaper)).as(kind + " shared by any company")
                            .isFalse();
                }
            }
        }
    }
}
